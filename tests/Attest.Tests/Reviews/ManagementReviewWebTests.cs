using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.Reviews;

/// <summary>Management reviews over HTTP: the API cycle, the pages, the printable forms, and who may do what.</summary>
public sealed class ManagementReviewWebTests
{
    [Fact]
    public async Task TheApi_PlansHoldsAndFollowsUpAReview_AnswersBadInputWith400_OthersWith403Or404()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var auditor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], ApiTokenScope.Read)).Token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var bad = await manager.PostAsJsonAsync("/api/v1/management-reviews", new { title = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(("is required.", "is required."), (errors.GetProperty("Title")[0].GetString(), errors.GetProperty("HeldOn")[0].GetString()));
        var body = new { title = "Q4 review", heldOn = today, attendees = "Alex, CEO\nCasey, CISO", minutes = "**Minutes**" };
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/management-reviews", body)).StatusCode);
        var created = await manager.PostAsJsonAsync("/api/v1/management-reviews", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var review = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = review.GetProperty("id").GetGuid();
        Assert.Equal(("MR-001", "Planned", 1), (review.GetProperty("reference").GetString(), review.GetProperty("status").GetString(), review.GetProperty("version").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/management-reviews/{id}", new { title = "Q4 management review", heldOn = today, attendees = body.attendees, minutes = body.minutes, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/management-reviews/{id}", new { title = "Stale", heldOn = today, version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/management-reviews/{id}/decisions", new { kind = "Resources", text = "Hire an engineer." })).StatusCode);
        var badAction = await manager.PostAsJsonAsync($"/api/v1/management-reviews/{id}/actions", new { title = "Hire", dueOn = (DateOnly?)null });
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/management-reviews/{id}/actions", new { title = "Hire", dueOn = today.AddDays(30) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/management-reviews/{id}/hold", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/management-reviews/{id}/hold", new { version = 2 })).StatusCode);

        var detail = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/management-reviews/{id}");
        Assert.Equal(("Held", "Q4 management review", 1, 1), (detail.GetProperty("status").GetString(), detail.GetProperty("title").GetString(),
            detail.GetProperty("decisions").GetArrayLength(), detail.GetProperty("actions").GetArrayLength()));
        Assert.Equal(today.ToString("yyyy-MM-dd"), detail.GetProperty("inputs").GetProperty("asAt").GetString());
        var list = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/management-reviews?status=Held");
        Assert.Equal((1, 1, 1), (list.GetProperty("rows").GetArrayLength(), list.GetProperty("rows")[0].GetProperty("decisions").GetInt32(), list.GetProperty("rows")[0].GetProperty("openActions").GetInt32()));

        // Another organization finds none of it.
        var other = await app.SeedOrganizationAsync();
        var outsider = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/management-reviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/management-reviews/{id}/decisions", new { kind = "Other", text = "x" })).StatusCode);

        // Pages: readers read, print and download; employees see nothing; a bad form redisplays with its message.
        var reader = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var page = await reader.GetPageAsync($"/management-reviews/{id}");
        Assert.Contains("Inputs (clause 9.3.2)", page);
        Assert.DoesNotContain("Mark as held", page);
        Assert.Contains("Q4 management review", await reader.GetPageAsync("/management-reviews"));
        var print = await reader.GetPageAsync($"/management-reviews/{id}/print");
        Assert.Contains("/management-reviews/print.css", print);
        Assert.DoesNotContain("<nav", print);
        var pdf = await (await reader.GetAsync($"/management-reviews/{id}/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/management-reviews/{Guid.NewGuid()}")).StatusCode);
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/management-reviews")).StatusCode);
        var lead = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var invalid = await lead.PostFormAsync("/management-reviews/new", new() { ["Input.Title"] = "Planned", ["Input.HeldOn"] = "not a date" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("not a valid value.", await invalid.Content.ReadAsStringAsync());
        var planned = await lead.PostFormAsync("/management-reviews/new", new() { ["Input.Title"] = "Next review", ["Input.HeldOn"] = today.AddDays(90).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var next = planned.Headers.Location!.ToString();
        var early = await lead.PostFormAsync($"{next}?handler=Hold", new() { ["Version"] = "1" }, next);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("is still to come", await early.Content.ReadAsStringAsync());
        Assert.Contains("MR-001", await lead.GetPageAsync(next));
    }
}
