using System.Net;
using System.Net.Http.Json;
using Attest.Accounts;
using Attest.Context;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Security;

/// <summary>No organization can read or change another's records, through the UI, the API or the core.</summary>
public sealed class IsolationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherOrganizationsRecords_AreInvisibleAndUnchangeable_ThroughUiAndApi(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ours = await app.SeedOrganizationAsync();
        var theirs = await app.SeedOrganizationAsync();
        var secret = await app.AddPartyAsync(theirs, "Their secret client");
        var admin = ours[OrganizationRole.Admin];
        var browser = await app.SignInAsync(admin);
        var api = app.Server.WithToken((await app.IssueTokenAsync(ours, admin, ApiTokenScope.ReadWrite)).Token);

        var page = await browser.GetAsync($"/context/parties/{secret}");
        var post = await browser.PostFormAsync($"/context/parties/{secret}", new() { ["Input.Name"] = "Hijacked", ["Input.Version"] = "0" }, formPage: "/context/parties/new");
        var list = await browser.GetPageAsync("/context");
        var apiGet = await api.GetAsync($"/api/v1/interested-parties/{secret}");
        var apiPut = await api.PutAsJsonAsync($"/api/v1/interested-parties/{secret}",
            new InterestedPartyInput("Hijacked", PartyKind.External, ManagementSystem.Both, null, null, null));
        var apiDelete = await api.DeleteAsync($"/api/v1/interested-parties/{secret}?version=0");
        var apiList = await api.GetStringAsync("/api/v1/interested-parties");
        var audit = await api.GetStringAsync($"/api/v1/audit-entries?recordId={secret}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Their secret client", list);
        Assert.Equal(HttpStatusCode.NotFound, apiGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiPut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiDelete.StatusCode);
        Assert.DoesNotContain("secret", apiList);
        Assert.DoesNotContain(secret.ToString(), audit);
        var stored = await app.WithCoreAsync(theirs.Id, (_, db) => db.InterestedParties.SingleAsync(p => p.Id == secret));
        Assert.Equal("Their secret client", stored.Name);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheCore_RefusesToWriteIntoAnotherOrganization_EvenWhenHandedItsRecord(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ours = await app.SeedOrganizationAsync();
        var theirs = await app.SeedOrganizationAsync();
        var secret = await app.AddPartyAsync(theirs, "Theirs");

        await Assert.ThrowsAsync<CrossOrganizationWriteException>(() => app.WithCoreAsync(ours.Id, async (_, db) =>
        {
            var record = await db.InterestedParties.IgnoreQueryFilters().SingleAsync(p => p.Id == secret);
            record.Name = "Changed from the wrong organization";
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<CrossOrganizationWriteException>(() => app.WithCoreAsync(ours.Id, async (_, db) =>
        {
            db.InterestedParties.Add(new InterestedParty { Name = "Planted", OrganizationId = theirs.Id });
            await db.SaveChangesAsync();
        }));

        Assert.Equal(0, await app.WithCoreAsync(ours.Id, (_, db) => db.InterestedParties.CountAsync(p => p.Id == secret)));
        Assert.Equal(["Theirs"], await app.WithCoreAsync(theirs.Id, (_, db) => db.InterestedParties.Select(p => p.Name).ToListAsync()));
    }

    [Fact]
    public async Task SwitchingToAnOrganizationOneIsNotAMemberOf_IsRefused()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var ours = await app.SeedOrganizationAsync();
        var theirs = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(ours[OrganizationRole.Admin]);

        var response = await browser.PostFormAsync("/organizations/switch", new() { ["organizationId"] = theirs.Id.ToString() }, formPage: "/");
        var dashboard = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(ours.Name, dashboard);
        Assert.DoesNotContain(theirs.Name, dashboard);
    }

    [Fact]
    public async Task AMemberOfTwoOrganizations_SwitchesBetweenThem_AndSeesEachOnesRecords()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var first = await app.SeedOrganizationAsync("Alpha " + Guid.NewGuid().ToString("N")[..6]);
        var second = await app.SeedOrganizationAsync("Beta " + Guid.NewGuid().ToString("N")[..6]);
        var person = first[OrganizationRole.Manager];
        await app.WithCoreAsync(second.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(person.Email, null, OrganizationRole.Auditor, null, null)));
        await app.AddPartyAsync(first, "First's party");
        await app.AddPartyAsync(second, "Second's party");
        var browser = await app.SignInAsync(person);

        var before = await browser.GetPageAsync("/context");
        var switched = await browser.PostFormAsync("/organizations/switch", new() { ["organizationId"] = second.Id.ToString() }, formPage: "/");
        var after = await browser.GetPageAsync("/context");
        var editAsAuditor = await browser.GetAsync("/context/scope/edit");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("First&#x27;s party", before);
        Assert.Contains("Second&#x27;s party", after);
        Assert.DoesNotContain("First&#x27;s party", after);
        Assert.Equal(HttpStatusCode.Forbidden, editAsAuditor.StatusCode);
    }

    [Fact]
    public async Task AContributor_EditsTheRecordsTheyOwn_AndOnlyThose()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var contributor = organization[OrganizationRole.Contributor];
        var own = await app.AddPartyAsync(organization, "Mine", contributor.UserId);
        var other = await app.AddPartyAsync(organization, "Not mine");
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, contributor, ApiTokenScope.ReadWrite)).Token);
        var browser = await app.SignInAsync(contributor);

        var ownUpdate = await api.PutAsJsonAsync($"/api/v1/interested-parties/{own}",
            new InterestedPartyInput("Mine, updated", PartyKind.External, ManagementSystem.Both, null, null, contributor.UserId, Version: 1));
        var otherUpdate = await api.PutAsJsonAsync($"/api/v1/interested-parties/{other}",
            new InterestedPartyInput("Taken over", PartyKind.External, ManagementSystem.Both, null, null, contributor.UserId));
        var otherPage = await browser.PostFormAsync($"/context/parties/{other}", new() { ["Input.Name"] = "Taken over", ["Input.Version"] = "0" });

        Assert.Equal(HttpStatusCode.NoContent, ownUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherPage.StatusCode);
        var names = await app.WithCoreAsync(organization.Id, (_, db) => db.InterestedParties.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Mine, updated", "Not mine"], names);
    }
}
