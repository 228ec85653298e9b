using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Improvement;

/// <summary>The corrective action register over HTTP: the API, the pages, and who may do what.</summary>
public sealed class CorrectiveActionWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_RaisesUpdatesAndRemovesActions_AndAnswersBadInputWith400sNamingTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var incident = await app.AddIncidentAsync(organization);
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var untitled = await manager.PostAsJsonAsync("/api/v1/corrective-actions", new { title = "", source = "Incident" });
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        var errors = (await untitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("is not an incident of this organization.", errors.GetProperty("SourceId")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/v1/corrective-actions", new { title = "x", status = "Finished" })).StatusCode);

        var created = await manager.PostAsJsonAsync("/api/v1/corrective-actions", new { title = "Add an output filter", source = "Incident", sourceId = incident, dueOn = yesterday });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var action = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = action.GetProperty("id").GetGuid();
        Assert.Equal(("CA-0001", "INC-0001 Agent gave a wrong tax answer", 1), (action.GetProperty("reference").GetString(), action.GetProperty("sourceLabel").GetString(),
            action.GetProperty("daysOverdue").GetInt32()));
        // A contributor's own action is theirs to change; the manager's is not.
        var own = await (await contributor.PostAsJsonAsync("/api/v1/corrective-actions", new { title = "Update the runbook" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(organization[OrganizationRole.Contributor].UserId, own.GetProperty("ownerId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PutAsJsonAsync($"/api/v1/corrective-actions/{id}", new { title = "Taken over", source = "Incident", sourceId = incident, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PutAsJsonAsync($"/api/v1/corrective-actions/{own.GetProperty("id").GetGuid()}",
            new { title = "Update the runbook", status = "Done", outcome = "Runbook v2 published.", version = 1 })).StatusCode);

        var figures = await manager.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions/figures");
        Assert.Equal((1, 1, 1), (figures.GetProperty("open").GetInt32(), figures.GetProperty("overdue").GetInt32(), figures.GetProperty("doneThisMonth").GetInt32()));
        var overdue = await manager.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions?overdue=true");
        Assert.Equal(id, overdue.GetProperty("rows").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions?all=true")).GetProperty("rows").GetArrayLength());

        // A stale version is a 409; moving an action to another source is refused.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/corrective-actions/{id}", new { title = "Add output filtering", source = "Incident", sourceId = incident, status = "InProgress", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/corrective-actions/{id}", new { title = "Stale", source = "Incident", sourceId = incident, version = 1 })).StatusCode);
        var moved = await manager.PutAsJsonAsync($"/api/v1/corrective-actions/{id}", new { title = "Moved", version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Source", out _));

        var csv = await manager.GetStringAsync("/api/v1/corrective-actions/export?format=csv");
        Assert.StartsWith("Reference,Title,Source,Source record,Owner,Raised on,Due on,Status,Completed on,Days open,Days overdue", csv);
        Assert.Contains("CA-0001,Add output filtering,Incident,INC-0001 Agent gave a wrong tax answer", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/corrective-actions/export?format=pdf")).StatusCode);
        var xlsx = await manager.GetByteArrayAsync("/api/v1/corrective-actions/export?format=xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: CorrectiveActionExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, sheet.Count);
        Assert.Equal(("CA-0001", "In progress", "INC-0001 Agent gave a wrong tax answer"), ((string?)sheet[0]["Reference"], (string?)sheet[0]["Status"], (string?)sheet[0]["Source record"]));
        // The update above sent no due date, so the action is no longer due (a PUT replaces the action): nothing overdue, open since today.
        Assert.True(sheet[0]["Days overdue"] is null or "");
        Assert.Equal(0.0, Convert.ToDouble(sheet[0]["Days open"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Done", (string?)sheet[1]["Status"]);

        // Another organization sees none of it.
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/corrective-actions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/corrective-actions/{id}?version=2")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/corrective-actions/{id}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/corrective-actions/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachRole_SeesAndChangesOnlyWhatItMay_AndEmployeesWorkOnTheirOwnActionsThroughMyActions(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (employee, contributor, manager) = (organization[OrganizationRole.Employee], organization[OrganizationRole.Contributor], organization[OrganizationRole.Manager]);
        var employees = await app.AddActionAsync(organization, "Enable disk encryption", employee.UserId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var managers = await app.AddActionAsync(organization, "Review supplier contracts", manager.UserId);
        var contributors = await app.AddActionAsync(organization, "Fix the restore script", contributor.UserId);

        // Employee: no register, no action pages; their own actions on /my/actions, and only theirs.
        var browser = await app.SignInAsync(employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/actions/{employees}")).StatusCode);
        var mine = await browser.GetPageAsync("/my/actions");
        Assert.Contains("Enable disk encryption", mine);
        Assert.Contains("3 d overdue", mine);
        Assert.DoesNotContain("Review supplier contracts", mine);
        var notMine = await browser.PostFormAsync("/my/actions", new() { ["id"] = managers.ToString(), ["status"] = "Done", ["outcome"] = "Done by me", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        var unreadable = await browser.PostFormAsync("/my/actions", new() { ["id"] = employees.ToString(), ["status"] = "Finished", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("status: &#x27;Finished&#x27; is not a valid value.", await unreadable.Content.ReadAsStringAsync());
        var progress = await browser.PostFormAsync("/my/actions", new() { ["id"] = employees.ToString(), ["status"] = "Done", ["outcome"] = "BitLocker on.", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, progress.StatusCode);
        var (employeeStatus, managerStatus) = await app.WithCoreAsync(organization.Id, async (_, db) => (
            await db.CorrectiveActions.Where(a => a.Id == employees).Select(a => a.Status).SingleAsync(),
            await db.CorrectiveActions.Where(a => a.Id == managers).Select(a => a.Status).SingleAsync()));
        Assert.Equal((ActionStatus.Done, ActionStatus.Open), (employeeStatus, managerStatus));

        // Contributor: edits their own action, not the manager's; a rule broken keeps what they typed.
        var editor = await app.SignInAsync(contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync($"/actions/{managers}", new() { ["Input.Title"] = "Taken over", ["Input.Version"] = "1" })).StatusCode);
        var invalid = await editor.PostFormAsync($"/actions/{contributors}", new() { ["Input.Title"] = "Fix the restore script (kept)", ["Input.RiskRef"] = "R-999", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("R-999 is not a risk reference here.", page);
        Assert.Contains("Fix the restore script (kept)", page);
        var unreadableForm = await editor.PostFormAsync($"/actions/{contributors}", new() { ["Input.Title"] = "Fix the restore script", ["Input.Status"] = "Finished", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadableForm.StatusCode);
        Assert.Contains("Status: &#x27;Finished&#x27; is not a valid value.", await unreadableForm.Content.ReadAsStringAsync());
        var saved = await editor.PostFormAsync($"/actions/{contributors}", new() { ["Input.Title"] = "Fix and test the restore script", ["Input.OwnerId"] = contributor.UserId.ToString(),
            ["Input.Status"] = "InProgress", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/actions/{contributors}", saved.Headers.Location!.OriginalString);

        // Auditor: reads the register and an action, with nothing that writes.
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var register = await auditor.GetPageAsync("/actions");
        Assert.Contains("Fix and test the restore script", register);
        Assert.DoesNotContain("New action", register);
        Assert.DoesNotContain("Save action", await auditor.GetPageAsync($"/actions/{managers}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/actions/new")).StatusCode);

        // Manager: edits anyone's action.
        var lead = await app.SignInAsync(manager);
        Assert.Contains("Save action", await lead.GetPageAsync($"/actions/{contributors}"));
        var open = await lead.GetPageAsync("/actions");
        Assert.DoesNotContain("Enable disk encryption", open);
        Assert.Contains("Enable disk encryption", await lead.GetPageAsync("/actions?status=all"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewActionLinks_RaiseFromTheSourceAndReturn_ButRefuseAReturnUrlThatLeavesTheApp(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var incident = await app.AddIncidentAsync(organization);
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);

        foreach (var outside in new[] { "https://evil.example/phish", "//evil.example/phish", "/\\evil.example" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/actions/new?returnUrl={Uri.EscapeDataString(outside)}")).StatusCode);
            var posted = await browser.PostFormAsync($"/actions/new?returnUrl={Uri.EscapeDataString(outside)}", new() { ["Input.Title"] = "Should not exist" }, "/actions/new");
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/actions/new?source=Audit&sourceId=" + incident)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/actions/new?source=Incident&sourceId={Guid.NewGuid()}")).StatusCode);

        var url = $"/actions/new?source=Incident&sourceId={incident}&returnUrl={Uri.EscapeDataString($"/incidents/{incident}")}";
        var form = await browser.GetPageAsync(url);
        Assert.Contains("INC-0001 Agent gave a wrong tax answer", form);
        Assert.Contains($"href=\"/incidents/{incident}\"", form);
        var raised = await browser.PostFormAsync(url, new() { ["Input.Title"] = "Add an output filter", ["Input.DueOn"] = "2027-01-15" }, url);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal($"/incidents/{incident}", raised.Headers.Location!.OriginalString);

        var actions = await app.WithCoreAsync(organization.Id, (_, db) => db.CorrectiveActions.Select(a => new { a.Title, a.Source, a.SourceId, a.DueOn }).ToListAsync());
        var only = Assert.Single(actions);
        Assert.Equal(("Add an output filter", ActionSource.Incident, (Guid?)incident, (DateOnly?)new DateOnly(2027, 1, 15)), (only.Title, only.Source, only.SourceId, only.DueOn));
        Assert.Contains($"href=\"/incidents/{incident}\"", await browser.GetPageAsync("/actions"));
    }
}
