using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.InternalAudits;

/// <summary>Internal audits over HTTP: the API, the pages, and who may do what.</summary>
public sealed class InternalAuditWebTests
{
    [Fact]
    public async Task TheApi_RunsAnAuditFromPlanToCompletion_AnswersBadInputWith400s_ContributorsOfOthersAuditsWith403_AndOtherOrganizationsWith404()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var bad = await ErrorsAsync(await manager.PostAsJsonAsync("/api/v1/internal-audits/programmes", new { name = "", cycleStart = today, cycleEnd = today, auditsPerYear = 5, frameworkKeys = "iso9001" }));
        Assert.Equal(("is required.", "must be after the start of the cycle.", "must be one of 1, 2, 3, 4, 6, 12.", "iso9001 is not loaded in this organization."),
            (bad.GetProperty("Name")[0].GetString(), bad.GetProperty("CycleEnd")[0].GetString(), bad.GetProperty("AuditsPerYear")[0].GetString(), bad.GetProperty("FrameworkKeys")[0].GetString()));
        var body = new { name = "ISMS programme", cycleStart = new DateOnly(today.Year, 1, 1), cycleEnd = new DateOnly(today.Year, 12, 31), auditsPerYear = 2, frameworkKeys = "iso27001-2022" };
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/internal-audits/programmes", body)).StatusCode);
        var created = await manager.PostAsJsonAsync("/api/v1/internal-audits/programmes", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var programme = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("programme").GetProperty("id").GetGuid();
        Assert.Equal(2, (await (await manager.PostAsync($"/api/v1/internal-audits/programmes/{programme}/plan", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());

        // A Contributor plans an audit and owns it; the checklist is built from codes; results need the audit started, which needs the statement.
        var audit = await (await contributor.PostAsJsonAsync("/api/v1/internal-audits", new { title = "Access audit", plannedStart = today, plannedEnd = today, programmeId = programme,
            auditorName = "Outside Ltd" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = audit.GetProperty("id").GetGuid();
        Assert.Equal("IA-003", audit.GetProperty("reference").GetString());
        var unknown = await ErrorsAsync(await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/items", new { codes = "A.5.18, A.5.99" }));
        Assert.Equal("A.5.99 (iso27001-2022) is not a requirement here.", unknown.GetProperty("Codes")[0].GetString());
        Assert.Equal(2, (await (await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/items", new { codes = "A.5.18", nextUncovered = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var start = await ErrorsAsync(await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/start", new { version = 1 }));
        Assert.True(start.TryGetProperty("IndependenceStatement", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PutAsJsonAsync($"/api/v1/internal-audits/{id}", new { title = "Access audit", plannedStart = today, plannedEnd = today,
            programmeId = programme, auditorName = "Outside Ltd", independenceStatement = "No other work here.", ownerId = organization[OrganizationRole.Contributor].UserId, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/start", new { version = 2 })).StatusCode);
        var items = (await contributor.GetFromJsonAsync<JsonElement>($"/api/v1/internal-audits/{id}")).GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            var url = $"/api/v1/internal-audits/items/{item.GetProperty("id").GetGuid()}";
            Assert.Equal("must be one of NotAssessed, Conforming, Nonconformity, Observation, OpportunityForImprovement, NotAudited.",
                (await ErrorsAsync(await contributor.PutAsJsonAsync(url, new { result = 9, version = 1 }))).GetProperty("Result")[0].GetString());
            Assert.Equal(HttpStatusCode.NoContent, (await contributor.PutAsJsonAsync(url, new { result = "Conforming", notes = "Sampled.", version = 1 })).StatusCode);
        }
        var noConclusion = await ErrorsAsync(await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/complete", new { version = 3 }));
        Assert.Equal("is required to complete the audit.", noConclusion.GetProperty("Conclusion")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{id}/complete", new { conclusion = "Conforms.", version = 3 })).StatusCode);
        var list = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/internal-audits?status=Completed&programme={programme}");
        Assert.Equal(("IA-003", 2, 2), (list.GetProperty("rows")[0].GetProperty("reference").GetString(), list.GetProperty("rows")[0].GetProperty("conforming").GetInt32(),
            list.GetProperty("rows").GetArrayLength() + 1));
        var completed = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/internal-audits/completed?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(2, completed[0].GetProperty("items").GetInt32());
        var coverage = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/internal-audits/programmes/{programme}")).GetProperty("coverage")[0];
        Assert.Equal(2, coverage.GetProperty("covered").GetInt32());

        // Another Contributor's audit is refused; another organization finds none of it.
        var planned = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/internal-audits?status=Planned")).GetProperty("rows")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync($"/api/v1/internal-audits/{planned}/cancel", new { reason = "No.", version = 1 })).StatusCode);
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/internal-audits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/internal-audits/programmes/{programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/internal-audits/{planned}/items", new { codes = "A.5.1", frameworkKey = "iso27001-2022" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/internal-audits/items/{items[0].GetProperty("id").GetGuid()}", new { result = "Nonconformity", version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/internal-audits/programmes/{programme}/plan", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/internal-audits/{planned}/cancel", new { reason = "Merged into IA-003.", version = 1 })).StatusCode);
    }

    [Fact]
    public async Task ThePages_ShowAuditsToReaders_NotToEmployees_RedisplayBadInput_AndPrintTheReport()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var seeded = await InternalAuditSeeds.AddAuditAsync(app, organization, "Quarterly programme");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(organization[OrganizationRole.Employee])).GetAsync("/internal-audits")).StatusCode);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var index = await auditor.GetPageAsync("/internal-audits");
        Assert.Contains("Quarterly programme audit", index);
        Assert.DoesNotContain("Add a programme", index);
        var programme = await auditor.GetPageAsync($"/internal-audits/programmes/{seeded.ProgrammeId}");
        Assert.Contains("<dt>Audited</dt><dd>1 of ", programme);
        Assert.DoesNotContain("Plan the cycle", programme);
        var page = await auditor.GetPageAsync($"/internal-audits/{seeded.AuditId}");
        Assert.Contains("No other work for the organization.", page);
        Assert.DoesNotContain("Save result", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostFormAsync($"/internal-audits/{seeded.AuditId}?handler=Cancel", new() { ["reason"] = "No", ["version"] = "2" })).StatusCode);
        var pdf = await auditor.GetAsync($"/internal-audits/{seeded.AuditId}/report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5]);

        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var editable = await manager.GetPageAsync($"/internal-audits/{seeded.AuditId}");
        Assert.Contains("Save result", editable);
        var unknown = await manager.PostFormAsync($"/internal-audits/{seeded.AuditId}?handler=Items", new() { ["codes"] = "A.5.77" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Codes: A.5.77 (iso27001-2022) is not a requirement here.", await unknown.Content.ReadAsStringAsync());
        var raised = await manager.PostFormAsync($"/internal-audits/{seeded.AuditId}?handler=Result&itemId={seeded.ItemId}", new() { ["R.Result"] = "Nonconformity",
            ["R.Grade"] = "Major", ["R.Notes"] = "No review at all.", ["R.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var after = await manager.GetPageAsync($"/internal-audits/{seeded.AuditId}");
        Assert.Contains(">NC-001</a>", after);
        var plan = await manager.PostFormAsync($"/internal-audits/programmes/{seeded.ProgrammeId}?handler=Plan", []);
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        Assert.Contains("Q4 ", await manager.GetPageAsync($"/internal-audits/programmes/{seeded.ProgrammeId}"));
        var badProgramme = await manager.PostFormAsync("/internal-audits?handler=Programme", new() { ["P.Name"] = "Second", ["P.CycleStart"] = "soon", ["P.CycleEnd"] = "2027-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, badProgramme.StatusCode);
        Assert.Contains("CycleStart: &#x27;soon&#x27; is not a valid value.", await badProgramme.Content.ReadAsStringAsync());
        Assert.Contains($"<a href=\"/internal-audits/{seeded.AuditId}\" title=\"Quarterly programme audit\">IA-001</a>", await manager.GetPageAsync("/nonconformities?source=InternalAudit"));
    }
}
