using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Improvement;

/// <summary>The nonconformity register over HTTP: the API's whole cycle, the pages, links from incidents, exports, and who may do what.</summary>
public sealed class NonconformityWebTests
{
    [Fact]
    public async Task TheApi_RaisesUpdatesSubmitsChecksAndCloses_AnswersBadInputWith400sNamingTheField_AndHidesOtherOrganizations()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var incident = await app.AddIncidentAsync(organization);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);

        var bad = await contributor.PostAsJsonAsync("/api/v1/nonconformities", new { title = "", grade = "Minor", source = "Incident", frameworkKey = "iso27001-2022", requirementCode = "Z.9" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("is not an incident of this organization.", errors.GetProperty("SourceId")[0].GetString());
        Assert.Equal("Z.9 is not a requirement of iso27001-2022 here.", errors.GetProperty("RequirementCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsJsonAsync("/api/v1/nonconformities", new { title = "x", grade = "Severe" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.GetAsync("/api/v1/nonconformities?state=someday")).StatusCode);

        var created = await contributor.PostAsJsonAsync("/api/v1/nonconformities", new
        {
            title = "Containment too slow", grade = "Minor", source = "Incident", sourceId = incident, frameworkKey = "iso27001-2022", requirementCode = "A.5.26",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(("NC-001", "INC-0001", "A.5.26", organization[OrganizationRole.Contributor].UserId),
            (body.GetProperty("reference").GetString(), body.GetProperty("sourceReference").GetString(), body.GetProperty("requirementCode").GetString(), body.GetProperty("ownerId").GetGuid()));

        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PutAsJsonAsync($"/api/v1/nonconformities/{id}", new
        {
            title = "Containment of the leaked key too slow", grade = "Minor", frameworkKey = "iso27001-2022", requirementCode = "A.5.26",
            ownerId = organization[OrganizationRole.Contributor].UserId, externalReference = "PIR-7", version = 1,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await contributor.PutAsJsonAsync($"/api/v1/nonconformities/{id}", new { title = "Stale", grade = "Minor", version = 1 })).StatusCode);
        var early = await contributor.PostAsJsonAsync($"/api/v1/nonconformities/{id}/submit", new { version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("RootCause", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsJsonAsync($"/api/v1/nonconformities/{id}/root-cause",
            new { rootCause = "A job used the key and had no owner.", correction = "Revoked both keys.", version = 2 })).StatusCode);
        await app.AddActionAsync(organization, "Give every job an owner", null, null, ActionStatus.Done, ActionSource.Nonconformity, id);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsJsonAsync($"/api/v1/nonconformities/{id}/submit", new { version = 3 })).StatusCode);
        // Checks are a Manager's: the contributor's token is refused outright.
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync($"/api/v1/nonconformities/{id}/check", new { effective = true, note = "Fine", version = 4 })).StatusCode);
        var checkedOk = await manager.PostAsJsonAsync($"/api/v1/nonconformities/{id}/check", new { effective = true, note = "Revoked a test key: the owner was paged.", version = 4 });
        Assert.Equal(HttpStatusCode.Created, checkedOk.StatusCode);
        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/nonconformities/{id}");
        Assert.Equal(("Closed", 1, 1, "Give every job an owner"), (detail.GetProperty("status").GetString(), detail.GetProperty("checks").GetArrayLength(),
            detail.GetProperty("actions").GetArrayLength(), detail.GetProperty("actions")[0].GetProperty("title").GetString()));

        var observation = (await (await manager.PostAsJsonAsync("/api/v1/nonconformities", new { title = "Badges reused", grade = "Observation" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var noNote = await manager.PostAsJsonAsync($"/api/v1/nonconformities/{observation}/close", new { note = "", version = 1 });
        Assert.Equal("is required.", (await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Note")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/nonconformities/{observation}/close", new { note = "Badges now expire daily.", version = 1 })).StatusCode);
        // Contributors change only their own: the manager's observation is not theirs.
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PutAsJsonAsync($"/api/v1/nonconformities/{observation}", new { title = "Mine now", grade = "Minor", version = 2 })).StatusCode);

        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/nonconformities?state=closed&grade=Observation");
        Assert.Equal(observation, list.GetProperty("rows").EnumerateArray().Single().GetProperty("id").GetGuid());
        var figures = await manager.GetFromJsonAsync<JsonElement>("/api/v1/nonconformities/figures");
        Assert.Equal((0, 2), (figures.GetProperty("open").GetInt32(), figures.GetProperty("closedInLastYear").GetInt32()));

        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/nonconformities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/nonconformities/{id}/reopen", new { note = "Mine", version = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/nonconformities/{id}", new { title = "Mine", grade = "Minor", version = 5 })).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/nonconformities")).GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task ThePages_RaiseFromAnIncidentAndReturn_ShowEachRoleWhatItMayDo_AndExportTheRegister()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var incident = await app.AddIncidentAsync(organization);
        var (contributor, manager) = (organization[OrganizationRole.Contributor], organization[OrganizationRole.Manager]);
        var browser = await app.SignInAsync(contributor);

        foreach (var outside in new[] { "https://evil.example/phish", "//evil.example/phish" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/nonconformities/new?returnUrl={Uri.EscapeDataString(outside)}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/nonconformities/new?source=Audit&sourceId={incident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/nonconformities/new?source=Incident&sourceId={Guid.NewGuid()}")).StatusCode);
        var lead = await app.SignInAsync(manager);
        Assert.Contains($"/nonconformities/new?source=Incident&sourceId={incident}&returnUrl=/incidents/{incident}", await lead.GetPageAsync($"/incidents/{incident}"));

        var url = $"/nonconformities/new?source=Incident&sourceId={incident}&returnUrl={Uri.EscapeDataString($"/incidents/{incident}")}";
        Assert.Contains("INC-0001 Agent gave a wrong tax answer", await browser.GetPageAsync(url));
        var invalid = await browser.PostFormAsync(url, new() { ["Input.Title"] = "Agent answers not reviewed (kept)", ["Input.Grade"] = "Minor", ["Input.FrameworkKey"] = "iso27001-2022",
            ["Input.RequirementCode"] = "A.99" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("RequirementCode: A.99 is not a requirement of iso27001-2022 here.", invalidPage);
        Assert.Contains("Agent answers not reviewed (kept)", invalidPage);
        var raised = await browser.PostFormAsync(url, new() { ["Input.Title"] = "Agent answers not reviewed", ["Input.Grade"] = "Minor", ["Input.FrameworkKey"] = "iso27001-2022",
            ["Input.RequirementCode"] = "A.5.26", ["Input.OwnerId"] = contributor.UserId.ToString(), ["Input.DueOn"] = "2020-01-01", ["Input.RaisedOn"] = "2019-12-01" }, url);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal($"/incidents/{incident}", raised.Headers.Location!.OriginalString);
        var id = await app.WithCoreAsync(organization.Id, (_, db) => db.Nonconformities.Select(n => n.Id).SingleAsync());
        Assert.Contains("NC-001 Agent answers not reviewed", await browser.GetPageAsync($"/incidents/{incident}"));

        // The owner works through the page: the submit is refused while the action is open, naming it.
        await app.AddActionAsync(organization, "Review answers weekly", null, null, ActionStatus.Open, ActionSource.Nonconformity, id);
        var page = await browser.GetPageAsync($"/nonconformities/{id}");
        Assert.Contains($"/actions/new?source=Nonconformity&sourceId={id}&returnUrl=/nonconformities/{id}", page);
        Assert.Contains("<a href=\"/incidents/" + incident + "\">INC-0001 Agent gave a wrong tax answer</a>", page);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/nonconformities/{id}?handler=Cause", new() { ["Cause.RootCause"] = "No review step.",
            ["Cause.Correction"] = "Reviewed last week's answers.", ["Version"] = "1" }, $"/nonconformities/{id}")).StatusCode);
        var refused = await browser.PostFormAsync($"/nonconformities/{id}?handler=Submit", new() { ["Version"] = "2" }, $"/nonconformities/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Actions: CA-0001 is still open: finish or cancel it first.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostFormAsync($"/nonconformities/{id}?handler=Check", new() { ["Check.Effective"] = "true", ["Note"] = "ok", ["Version"] = "2" },
            $"/nonconformities/{id}")).StatusCode);

        // The register: the row with its source linked and overdue marked; the auditor reads without forms; employees are kept out.
        var register = await browser.GetPageAsync("/nonconformities?state=overdue");
        Assert.Contains($"<a href=\"/incidents/{incident}\" title=\"Agent gave a wrong tax answer\">INC-0001</a>", register);
        Assert.Contains("overdue</span>", register);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        Assert.DoesNotContain("Raise a nonconformity", await auditor.GetPageAsync("/nonconformities"));
        var readOnly = await auditor.GetPageAsync($"/nonconformities/{id}");
        Assert.DoesNotContain("Save root cause and correction", readOnly);
        Assert.DoesNotContain("Submit for verification", readOnly);
        Assert.Contains("No review step.", readOnly);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/nonconformities/new")).StatusCode);
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/nonconformities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/nonconformities/{id}")).StatusCode);
        Assert.Contains("Submit for verification", await lead.GetPageAsync($"/nonconformities/{id}"));

        var csv = await lead.GetPageAsync("/nonconformities/export?format=csv");
        Assert.StartsWith(string.Join(",", NonconformityExport.Columns.Take(14)), csv);
        Assert.Contains("NC-001,Agent answers not reviewed,Minor,Incident,INC-0001 Agent gave a wrong tax answer,,A.5.26,", csv);
        var xlsx = await (await lead.GetAsync("/nonconformities/export?format=xlsx")).Content.ReadAsByteArrayAsync();
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: NonconformityExport.SheetName).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("NC-001", "Open", "yes", "2019-12-01"), ((string?)sheet["Reference"], (string?)sheet["Status"], (string?)sheet["Overdue"], (string?)sheet["Raised on"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync("/nonconformities/export?format=pdf")).StatusCode);
    }
}
