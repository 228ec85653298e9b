using System.Net;
using System.Net.Http.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Objectives;
using Attest.Tests.Support;

namespace Attest.Tests.Reports;

/// <summary>
/// The dashboard keeps its assurance cards while the records are unchanged: any change shows on the next read, and one organization's
/// cards are never another's.
/// </summary>
public sealed class DashboardFreshnessTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANewMeasurement_ShowsOnTheNextRead_AndEachOrganizationSeesOnlyItsOwnObjectives(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var seeded = await ObjectiveSeeds.AddObjectivesAsync(app, organization);
        await ObjectiveSeeds.AddObjectivesAsync(app, other, prefix: "Other ");
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);

        var before = WebUtility.HtmlDecode(await manager.GetPageAsync("/"));
        Assert.Contains("Delight clients", before);
        Assert.DoesNotContain("Other Delight clients", before);
        Assert.DoesNotContain("Needs attention", before); // 4.4 against ≥ 4.2; no overdue action
        Assert.Equal(before.Length, WebUtility.HtmlDecode(await manager.GetPageAsync("/")).Length); // read again, unchanged

        var token = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.Created,
            (await token.PostAsJsonAsync($"/api/v1/measures/{seeded.ManualMeasureId}/measurements", new { value = 3.1, note = "Survey of 9 clients" })).StatusCode);

        var after = WebUtility.HtmlDecode(await manager.GetPageAsync("/"));
        Assert.Contains("Needs attention", after);
        Assert.Contains("Client satisfaction", after[after.IndexOf("Needs attention", StringComparison.Ordinal)..]);
        Assert.Contains("3.1", after);

        var otherManager = await app.SignInAsync(other[OrganizationRole.Manager]);
        var theirs = WebUtility.HtmlDecode(await otherManager.GetPageAsync("/"));
        Assert.Contains("Other Delight clients", theirs);
        Assert.DoesNotContain("Needs attention", theirs);
    }
}
