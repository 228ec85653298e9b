using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Risks;

/// <summary>The risk API and pages over HTTP, as tools and people use them.</summary>
public sealed class RiskWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_RunsTheWholeCycle_AndAnswersBadInputWith400sNamingTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Output filtering", "A.8.28");
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        // No methodology yet: a risk is refused with what to do.
        var early = await manager.PostAsJsonAsync("/api/v1/risks", new { title = "Too early" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("no risk methodology yet", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Methodology")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/risks/heatmap")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/risk-methodology/template", new { key = "5x5" })).StatusCode);
        var unknownTemplate = await manager.PostAsJsonAsync("/api/v1/risk-methodology/template", new { key = "7x7" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTemplate.StatusCode);
        Assert.Equal(1, (await (await manager.PostAsJsonAsync("/api/v1/risk-methodology/template", new { key = "5x5" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());

        // Bad ratings and unknown enum values are 400s naming the field; nothing is created.
        var bad = await contributor.PostAsJsonAsync("/api/v1/risks", new { title = "Prompt injection", inherentLikelihood = 9, inherentImpact = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("must be 1 to 5", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("InherentLikelihood")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync("/api/v1/risks", new { title = "x", treatment = "Ignore" })).StatusCode);

        // The contributor records a risk (and owns it), plans a task, and may not accept a Medium residual level.
        var created = await contributor.PostAsJsonAsync("/api/v1/risks", new
        {
            title = "Prompt injection", inherentLikelihood = 4, inherentImpact = 4, treatment = "Mitigate", residualLikelihood = 2, residualImpact = 3,
            controls = new[] { new { controlId = control, role = "Planned" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var risk = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = risk.GetProperty("id").GetGuid();
        Assert.Equal(("R-001", "High", "Medium"), (risk.GetProperty("reference").GetString(), risk.GetProperty("inherentLevel").GetProperty("name").GetString(),
            risk.GetProperty("residualLevel").GetProperty("name").GetString()));
        Assert.Equal(organization[OrganizationRole.Contributor].UserId, risk.GetProperty("ownerId").GetGuid());
        var task = await contributor.PostAsJsonAsync($"/api/v1/risks/{id}/tasks", new { title = "Filter outputs", dueOn = "2027-03-01", controlId = control });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var refused = await contributor.PostAsJsonAsync($"/api/v1/risks/{id}/acceptances", new { comment = "Fine", version = risk.GetProperty("version").GetInt32() + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("may be accepted by the CISO", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Authority")[0].GetString());

        // Someone with the CISO's job title accepts it.
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            (await db.Memberships.SingleAsync(m => m.UserId == organization[OrganizationRole.Manager].UserId)).JobTitle = "CISO";
            await db.SaveChangesAsync();
        });
        var version = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/risks/{id}")).GetProperty("version").GetInt32();
        var accepted = await manager.PostAsJsonAsync($"/api/v1/risks/{id}/acceptances", new { comment = "Within appetite once filtering is live.", validUntil = "2027-06-30", version });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var decision = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Ciso", "Medium"), (decision.GetProperty("authority").GetString(), decision.GetProperty("levelName").GetString()));

        // Heatmaps and the register agree; another organization sees none of it.
        var maps = await manager.GetFromJsonAsync<JsonElement>("/api/v1/risks/heatmap");
        var cell = maps.GetProperty("residual").GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("count").GetInt32() > 0);
        Assert.Equal((2, 3, "Medium"), (cell.GetProperty("likelihood").GetInt32(), cell.GetProperty("impact").GetInt32(), cell.GetProperty("level").GetString()));
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/risks?likelihood=2&impact=3&status=Accepted");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/risks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/risks/{id}/acceptances", new { comment = "x", version })).StatusCode);

        // The treatment plan lists the task.
        var plan = await manager.GetFromJsonAsync<JsonElement>("/api/v1/risks/treatment-plan");
        Assert.Equal("Filter outputs", plan.GetProperty("rows")[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ContributorsEditOnlyTheRisksTheyOwn_AndTheFormKeepsInputOnAnError(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var asset = (await app.AddAiSystemAsync(organization)).AssetId;
        var owned = await app.AddRiskAsync(organization, control, asset);
        var managers = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<Attest.Risks.SaveRisk>().RunAsync(null,
            new Attest.Risks.RiskInput("Manager's risk", OwnerId: organization[OrganizationRole.Manager].UserId)));
        var browser = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        var forbidden = await browser.PostFormAsync($"/risks/{managers}", new() { ["Input.Title"] = "Taken over", ["Input.Version"] = "1" }, $"/risks/{managers}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var invalid = await browser.PostFormAsync($"/risks/{owned.Id}", new()
        {
            ["Input.Title"] = "Prompt injection (kept)", ["Input.Version"] = "1", ["Input.AssetRefs"] = "AST-99999", ["Input.InherentLikelihood"] = "4", ["Input.InherentImpact"] = "4",
        }, $"/risks/{owned.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("AST-99999 is not an asset reference here.", page);
        Assert.Contains("Prompt injection (kept)", page);
        Assert.Equal("Prompt injection", await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.Where(r => r.Id == owned.Id).Select(r => r.Title).SingleAsync()));

        // An employee cannot read the register; an auditor reads it but sees no forms that write.
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/risks")).StatusCode);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var register = await auditor.GetPageAsync("/risks");
        Assert.Contains("Prompt injection", register);
        Assert.DoesNotContain("New risk", register);
        Assert.DoesNotContain("Accept residual risk", await auditor.GetPageAsync($"/risks/{owned.Id}"));
    }
}
