using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.AccessReviews;

/// <summary>The access review API and pages over HTTP, with their policies.</summary>
public sealed class AccessReviewWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_LoadsAccountsRunsACampaign_AndKeepsEachRoleToItsPart(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        // Employees and Auditors hold read tokens only: an Employee reviewer decides in the browser.
        HttpClient Client(OrganizationRole role) =>
            app.Server.WithToken(app.IssueTokenAsync(organization, organization[role], Seeds.StrongestScopeFor(role)).GetAwaiter().GetResult().Token);
        var (manager, employee, auditor, contributor) = (Client(OrganizationRole.Manager), Client(OrganizationRole.Employee), Client(OrganizationRole.Auditor), Client(OrganizationRole.Contributor));

        var created = await manager.PostAsJsonAsync("/api/v1/access/systems", new { name = "CRM", ownerId = organization[OrganizationRole.Manager].UserId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var systemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/access/systems", new { name = "Other" })).StatusCode);
        var invalid = await manager.PostAsJsonAsync("/api/v1/access/systems", new { name = "", unusedAfterDays = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidErrors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(invalidErrors.TryGetProperty("Name", out _) && invalidErrors.TryGetProperty("UnusedAfterDays", out _));

        var badLoad = await manager.PostAsJsonAsync($"/api/v1/access/systems/{systemId}/accounts", new object[] { new { account = "a" }, new { account = "a" } });
        Assert.Equal(HttpStatusCode.BadRequest, badLoad.StatusCode);
        Assert.Contains("listed twice", (await badLoad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("[1].Account")[0].GetString());
        var loaded = await manager.PostAsJsonAsync($"/api/v1/access/systems/{systemId}/accounts", new object[]
        {
            new { account = organization[OrganizationRole.Employee].Email, entitlement = "Sales" },
            new { account = "root", entitlement = "Admin", privileged = true },
        });
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Equal(2, (await loaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var csv = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Login,Role,Admin\n{organization[OrganizationRole.Employee].Email},Sales,no\nroot,Admin,yes\nnew.hire,Sales,no\n"));
        var imported = await manager.PostAsync($"/api/v1/access/systems/{systemId}/import?fileName=crm.csv", csv);
        Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var system = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/access/systems/{systemId}?flag=Privileged");
        Assert.Equal("root", system.GetProperty("accounts").GetProperty("rows")[0].GetProperty("account").GetString());

        var campaign = await manager.PostAsJsonAsync("/api/v1/access/reviews", new { title = "Q4 2026 access review", systemIds = new[] { systemId }, reviewers = "SystemOwner", dueOn = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, campaign.StatusCode);
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/open", new { version = 1 })).StatusCode);
        Assert.Equal(3, (await (await manager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/open", new { version = 1 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetInt32());

        // The Employee has no items here; asking for another reviewer's is forbidden; the Manager (reviewer) sees three pending.
        Assert.Equal(0, (await employee.GetFromJsonAsync<JsonElement>($"/api/v1/access/reviews/{campaignId}/items")).GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/access/reviews/{campaignId}/items?all=true")).StatusCode);
        var mine = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/access/reviews/{campaignId}/items?flag=Privileged");
        var root = mine.GetProperty("rows")[0];
        var rootId = root.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Keep", comment = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Keep", comment = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Keep", comment = "x", version = 1 })).StatusCode);
        var noComment = await manager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Revoke", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await noComment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Comment", out _));
        var decided = await manager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Revoke", comment = "Shared root login.", version = 1 });
        Assert.Equal("Revoke", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString());

        var others = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/access/reviews/{campaignId}/items")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(2, (await (await manager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/keep", new { itemIds = others })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kept").GetInt32());
        var summary = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/access/reviews/{campaignId}");
        Assert.Equal("Completed", summary.GetProperty("campaign").GetProperty("status").GetString());
        Assert.Equal(1, summary.GetProperty("openRemediations").GetInt32());
        var confirmed = await manager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/remediation", new { note = "Disabled root, ticket 77.", version = 2 });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var report = await auditor.GetAsync($"/api/v1/access/reviews/{campaignId}/report?format=csv");
        Assert.Contains("Disabled root, ticket 77.", await report.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/api/v1/access/reviews/{campaignId}/report?format=doc")).StatusCode);
        var figures = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/access");
        // No person register here: every active account is orphaned.
        Assert.Equal((1, 0, 3), (figures.GetProperty("itemsRevoked").GetInt32(), figures.GetProperty("openRevocations").GetInt32(), figures.GetProperty("orphanedAccounts").GetInt32()));

        // Another organization's ids are 404s.
        var other = await app.SeedOrganizationAsync();
        var otherManager = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/v1/access/systems/{systemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/v1/access/reviews/{campaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsJsonAsync($"/api/v1/access/systems/{systemId}/accounts", new object[] { new { account = "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsJsonAsync($"/api/v1/access/reviews/{campaignId}/items/{rootId}/decision", new { decision = "Keep", comment = "x", version = 3 })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheReviewerPage_ShowsOnlyTheirItems_AndKeepsTheFormOnErrors(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var seeded = await app.AddAccessReviewAsync(organization);
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Contains("You have no items in this review.", await employee.GetPageAsync($"/access/reviews/{seeded.CampaignId}/my"));
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/access/reviews/{seeded.CampaignId}/my?reviewer={organization[OrganizationRole.Manager].UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/access/reviews/{seeded.CampaignId}")).StatusCode);

        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var page = await manager.GetPageAsync($"/access/reviews/{seeded.CampaignId}/my");
        Assert.Contains("svc-backup", page);
        Assert.Contains("no matching person", page);
        var item = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.AsNoTracking().SingleAsync(i => i.CampaignId == seeded.CampaignId && i.Privileged));
        var refused = await manager.PostFormAsync($"/access/reviews/{seeded.CampaignId}/my?handler=Decide", new()
        {
            ["ItemId"] = item.Id.ToString(), ["ItemVersion"] = "1", ["Decision"] = "Keep", ["Comment"] = "", ["ChangeTo"] = "typed text",
        }, $"/access/reviews/{seeded.CampaignId}/my");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Comment: is required for privileged access", body);
        Assert.Contains("value=\"typed text\"", body);
        var kept = await manager.PostFormAsync($"/access/reviews/{seeded.CampaignId}/my?handler=Decide", new()
        {
            ["ItemId"] = item.Id.ToString(), ["ItemVersion"] = "1", ["Decision"] = "Keep", ["Comment"] = "Needed for on-call.",
        }, $"/access/reviews/{seeded.CampaignId}/my");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains("1 of 3 decided", await manager.GetPageAsync("/access"));
        Assert.Contains("AR-001", await manager.GetPageAsync("/my/access-reviews"));
        Assert.StartsWith("%PDF", await (await manager.GetAsync($"/access/reviews/{seeded.CampaignId}/report?format=pdf")).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADraft_IsChangedFromItsPage_ButAnOpenReviewNoLonger(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (systemId, campaignId) = await app.WithCoreAsync(organization.Id, async (services, _) =>
        {
            var crm = await services.GetRequiredService<Attest.AccessReviews.SaveAccessSystem>().RunAsync(null,
                new Attest.AccessReviews.AccessSystemInput("CRM", OwnerId: organization[OrganizationRole.Manager].UserId));
            await services.GetRequiredService<Attest.AccessReviews.LoadSystemAccounts>().RunAsync(crm, [new("svc-sync", Entitlement: "Integration")], "seed");
            var draft = await services.GetRequiredService<Attest.AccessReviews.SaveAccessReview>().RunAsync(null, new Attest.AccessReviews.AccessReviewInput(
                "Q4 review", [crm], Attest.AccessReviews.ReviewerRule.SystemOwner, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
            return (crm, draft);
        });
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        Assert.Contains($"/access/reviews/new?id={campaignId}", await manager.GetPageAsync($"/access/reviews/{campaignId}"));
        var form = await manager.GetPageAsync($"/access/reviews/new?id={campaignId}");
        Assert.Contains("Change draft AR-001", form);
        Assert.Contains("value=\"Q4 review\"", form);

        var due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        var saved = await manager.PostFormAsync("/access/reviews/new", new()
        {
            ["Id"] = campaignId.ToString(), ["Version"] = "1", ["Title"] = "Q4 2026 access review", ["SystemIds"] = systemId.ToString(),
            ["Reviewers"] = "PersonManager", ["DueOn"] = due, ["RevokeWithinDays"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var campaign = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.AsNoTracking().SingleAsync());
        Assert.Equal(("Q4 2026 access review", Attest.AccessReviews.ReviewerRule.PersonManager, due, 7),
            (campaign.Title, campaign.Reviewers, campaign.DueOn.ToString("yyyy-MM-dd"), campaign.RevokeWithinDays));

        // The same form posted again with the version it was read at is a conflict and changes nothing.
        var stale = await manager.PostFormAsync("/access/reviews/new", new()
        {
            ["Id"] = campaignId.ToString(), ["Version"] = "1", ["Title"] = "Stale title", ["SystemIds"] = systemId.ToString(),
            ["Reviewers"] = "SystemOwner", ["DueOn"] = due, ["RevokeWithinDays"] = "7",
        });
        Assert.NotEqual(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("Q4 2026 access review", await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.Select(c => c.Title).SingleAsync()));

        // Once open, the form sends the reader back to the review, and a forged post is refused.
        await app.WithCoreAsync(organization.Id, (services, db) => services.GetRequiredService<Attest.AccessReviews.OpenAccessReview>()
            .RunAsync(campaignId, db.AccessReviewCampaigns.Select(c => c.Version).Single()));
        var reopened = await manager.GetAsync($"/access/reviews/new?id={campaignId}");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.Select(c => c.Version).SingleAsync());
        var refused = await manager.PostFormAsync("/access/reviews/new", new()
        {
            ["Id"] = campaignId.ToString(), ["Version"] = version.ToString(), ["Title"] = "Renamed after opening", ["SystemIds"] = systemId.ToString(),
            ["Reviewers"] = "SystemOwner", ["DueOn"] = due, ["RevokeWithinDays"] = "7",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("only a draft changes", await refused.Content.ReadAsStringAsync());
        // Another organization's Manager cannot even read the draft form.
        var other = await app.SeedOrganizationAsync("Other Org");
        var otherManager = await app.SignInAsync(other[OrganizationRole.Manager]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/access/reviews/new?id={campaignId}")).StatusCode);
    }
}
