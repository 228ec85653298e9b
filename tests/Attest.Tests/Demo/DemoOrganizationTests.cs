using Attest.Audit;
using Attest.Context;
using Attest.Demo;
using Attest.Organizations;
using Attest.Soa;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

public sealed class DemoOrganizationTests
{
    // SQLite only: the shared LoadedDemo loads (and re-runs) the whole demo on PostgreSQL for the other demo tests.
    [Theory]
    [InlineData("sqlite")]
    public async Task TheDemo_LoadsACompleteOrganization_AndLoadingItAgainOnlyRenewsThePasswords(string provider)
    {
        await using var app = await TestApp.StartOwnAsync(provider);

        var first = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        var organizationId = await app.WithCoreAsync(null, (_, db) => db.Organizations.Where(o => o.Name == LoadDemoOrganization.OrganizationName).Select(o => o.Id).SingleAsync());
        var controls = await app.WithCoreAsync(organizationId, (_, db) => db.Controls.CountAsync());
        var scope = await app.WithCoreAsync(organizationId, (_, db) => ScopeDocument.LoadAsync(db));
        var changes = await app.WithCoreAsync(organizationId, async (_, db) => StatementOfApplicability.Compare(
            await StatementOfApplicability.VersionAsync(db, "iso27001-2022", "1.0"), await StatementOfApplicability.DraftAsync(db, "iso27001-2022")));
        var policies = await app.WithCoreAsync(organizationId, (_, db) => Attest.Policies.DocumentQueries.RegisterAsync(db, new Attest.Policies.DocumentFilter(), 1, 50));
        var campaign = await app.WithCoreAsync(organizationId, (_, db) => Attest.Policies.AcknowledgementCampaign.RunAsync(db));
        var second = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        var controlsAfter = await app.WithCoreAsync(organizationId, (_, db) => db.Controls.CountAsync());
        var verification = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<VerifyAuditTrail>().RunAsync());

        Assert.Equal(Enum.GetValues<OrganizationRole>().OrderDescending(), first.Select(l => l.Role));
        Assert.Equal(24, controls);
        Assert.Equal(4, scope.Scope!.Exclusions.Count);
        Assert.Contains(scope.Scope.Exclusions, e => e.Item == "Personal devices not used for business");
        Assert.NotEmpty(scope.InterestedParties);
        Assert.NotEmpty(scope.Issues);
        Assert.Contains(changes, c => c.Code == "A.7.12" && c.Field == "Justification");
        Assert.Equal(controls, controlsAfter);
        // The policy set: 24 policies, most published and mapped, two in review, one overdue, one redrafted, one first draft.
        Assert.Equal(24, policies.Total);
        Assert.All(policies.Rows, r => Assert.NotEmpty(r.Relevance));
        Assert.Equal(21, policies.Rows.Count(r => r.PublishedNumber == "1.0"));
        Assert.Equal(Attest.Demo.DemoPolicies.InReview.Order(), policies.Rows.Where(r => r.LatestStatus == Attest.Policies.DocumentVersionStatus.InReview).Select(r => r.Title).Order());
        Assert.Equal(Attest.Demo.DemoPolicies.Overdue, Assert.Single(policies.Rows, r => r.ReviewOverdue).Title);
        Assert.Equal(("1.1", Attest.Policies.DocumentVersionStatus.Draft), policies.Rows.Where(r => r.Title == Attest.Demo.DemoPolicies.Redrafted).Select(r => (r.LatestNumber, r.LatestStatus)).Single());
        Assert.Null(policies.Rows.Single(r => r.Title == Attest.Demo.DemoPolicies.FirstDraft).PublishedNumber);
        Assert.InRange(campaign.Overall.Percent, 30, 70);
        Assert.True(campaign.Overall.Overdue > 0);
        Assert.All(second.Zip(first), pair => Assert.NotEqual(pair.First.Password, pair.Second.Password));
        Assert.All(verification, v => Assert.True(v.IsIntact, v.Problem));
        var manager = first.Single(l => l.Role == OrganizationRole.Manager);
        var renewed = second.Single(l => l.Role == OrganizationRole.Manager);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(manager.Email, manager.Password));
        var soa = await (await app.SignInAsync(renewed.Email, renewed.Password)).GetPageAsync("/soa/iso27001-2022?version=1.0");
        Assert.Contains("version 1.0", soa);
        Assert.Contains("All development is done by our own engineers", soa);
    }
}
