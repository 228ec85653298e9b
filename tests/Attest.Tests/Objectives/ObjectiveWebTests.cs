using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Improvement;
using Attest.Tests.Support;

namespace Attest.Tests.Objectives;

/// <summary>Objectives over HTTP: the pages, the records behind a number, the API, and who may do what.</summary>
public sealed class ObjectiveWebTests
{
    [Fact]
    public async Task TheRegisterAndMeasurePages_ShowValuesInWords_AndTheRecordsBehindTheLatestNumber()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var late = await app.AddActionAsync(organization, "Rotate the leaked key", organization[OrganizationRole.Manager].UserId, today.AddDays(-12));
        await app.AddActionAsync(organization, "Done in time", organization[OrganizationRole.Manager].UserId, today.AddDays(10));
        var seeded = await ObjectiveSeeds.AddObjectivesAsync(app, organization);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);

        var register = await auditor.GetPageAsync("/objectives");
        Assert.Contains("Close corrective actions on time", register);
        Assert.Contains("Delight clients", register);
        Assert.Contains("Amber — near target", register); // one overdue action against "= 0, amber 2"
        Assert.Contains("Green — on target", register);   // the survey's 4.4 against ≥ 4.2
        Assert.Contains("<svg", register);
        Assert.DoesNotContain("New objective", register);
        Assert.Contains("No objectives match.", await auditor.GetPageAsync("/objectives?red=true"));

        var measure = await auditor.GetPageAsync($"/objectives/measures/{seeded.ComputedMeasureId}");
        Assert.Contains("id=\"records\"", measure);
        Assert.Contains($"href=\"/actions/{late}\"", measure);
        Assert.Contains("Rotate the leaked key", measure);
        Assert.DoesNotContain("Done in time", measure);
        Assert.Contains("On demand", measure);
        Assert.DoesNotContain("Take a measurement now", measure);
        Assert.Contains("Survey of 12 clients.", await auditor.GetPageAsync($"/objectives/measures/{seeded.ManualMeasureId}"));
        Assert.Contains("Actions are <strong>closed by their due date</strong>.", await auditor.GetPageAsync($"/objectives/{seeded.StrategicId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/objectives/{seeded.StrategicId}/edit")).StatusCode);

        // The owner (a Contributor) edits their objective and records a review; a form with a broken rule comes back with the message.
        var owner = await app.SignInAsync(organization[OrganizationRole.Contributor]);
        var editUrl = $"/objectives/{seeded.StrategicId}/edit";
        var invalid = await owner.PostFormAsync(editUrl, new() { ["Input.Title"] = "", ["Input.Kind"] = "Strategic", ["Input.OwnerId"] = organization[OrganizationRole.Contributor].UserId.ToString(), ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Title: is required.", await invalid.Content.ReadAsStringAsync());
        var review = await owner.PostFormAsync($"/objectives/{seeded.StrategicId}?handler=Review", new() { ["version"] = "1" }, $"/objectives/{seeded.StrategicId}");
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Contains($"last {today:yyyy-MM-dd}", await owner.GetPageAsync($"/objectives/{seeded.StrategicId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/objectives/{seeded.OperationalId}/edit")).StatusCode);
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/objectives")).StatusCode);
    }

    [Fact]
    public async Task TheApi_CreatesObjectivesAndMeasures_TakesValues_AnswersBadInputWith400s_OthersWith403_AndOtherOrganizationsWith404()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var outsider = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var bad = await ErrorsAsync(await manager.PostAsJsonAsync("/api/v1/objectives", new { title = "", kind = "Operational", frameworks = new[] { "iso9001" } }));
        Assert.Equal(("is required.", "is required: an operational objective contributes to a strategic objective.", "iso9001 is not a framework loaded here."),
            (bad.GetProperty("Title")[0].GetString(), bad.GetProperty("ParentId")[0].GetString(), bad.GetProperty("Frameworks")[0].GetString()));
        var created = await manager.PostAsJsonAsync("/api/v1/objectives", new
        {
            title = "Protect client data", kind = "Strategic", ownerId = organization[OrganizationRole.Manager].UserId, frameworks = new[] { "iso27001-2022" }, reviewCadence = "Monthly",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var objective = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = objective.GetProperty("row").GetProperty("id").GetGuid();
        Assert.Equal("OBJ-01", objective.GetProperty("row").GetProperty("reference").GetString());
        Assert.Contains("27001", objective.GetProperty("row").GetProperty("frameworks")[0].GetString());

        var badMeasure = await ErrorsAsync(await manager.PostAsJsonAsync($"/api/v1/objectives/{id}/measures", new
        {
            title = "Open critical vulnerabilities", source = "Computed", comparison = "EqualTo", target = 0, direction = "LowerIsBetter", unit = "Count", amberThreshold = -1,
        }));
        Assert.Equal(("is required for a computed measure: name a measure of the library.", "must lie on the bad side of the target: above 0 when lower is better."),
            (badMeasure.GetProperty("LibraryKey")[0].GetString(), badMeasure.GetProperty("AmberThreshold")[0].GetString()));
        var measure = (await (await manager.PostAsJsonAsync($"/api/v1/objectives/{id}/measures", new
        {
            title = "Client satisfaction", source = "Manual", comparison = "AtLeast", target = 4.2, direction = "HigherIsBetter", unit = "Number", dataSourceNote = "Survey",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The Contributor neither changes nor enters values on an objective they do not own.
        var update = new { title = "Protect client data", kind = "Strategic", ownerId = organization[OrganizationRole.Manager].UserId, version = 1 };
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PutAsJsonAsync($"/api/v1/objectives/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync($"/api/v1/measures/{measure}/measurements", new { value = 4.5, note = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/measures/snapshot", new { })).StatusCode);
        var noNote = await ErrorsAsync(await manager.PostAsJsonAsync($"/api/v1/measures/{measure}/measurements", new { value = 3.9 }));
        Assert.Equal("is required.", noNote.GetProperty("Note")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/measures/{measure}/measurements", new { value = 3.9, note = "Survey of 10 clients" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/objectives/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/objectives/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/objectives/{id}/review", new { version = 2 })).StatusCode);

        var snapshot = await (await manager.PostAsJsonAsync("/api/v1/measures/snapshot", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (snapshot.GetProperty("measured").GetInt32(), snapshot.GetProperty("noData").GetInt32()));
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/measures");
        Assert.Equal(("Client satisfaction", "Red", "3.9", "≥ 4.2"), (list[0].GetProperty("measureTitle").GetString(), list[0].GetProperty("status").GetString(),
            list[0].GetProperty("valueText").GetString(), list[0].GetProperty("targetText").GetString()));
        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/measures/{measure}");
        Assert.Equal(("Survey of 10 clients", "Manual"), (detail.GetProperty("history")[0].GetProperty("note").GetString(), detail.GetProperty("history")[0].GetProperty("kind").GetString()));
        var page = await manager.GetFromJsonAsync<JsonElement>("/api/v1/objectives?red=true");
        Assert.Equal(1, page.GetProperty("rows").GetArrayLength());

        // Another organization finds none of it.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/objectives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/measures/{measure}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/objectives/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/measures/{measure}/measurements", new { value = 1, note = "x" })).StatusCode);
    }
}
