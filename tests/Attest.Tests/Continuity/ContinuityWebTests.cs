using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attest.Accounts;
using Attest.Continuity;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Continuity;

/// <summary>The continuity API and pages over HTTP, as monitoring tools and people use them.</summary>
public sealed class ContinuityWebTests
{
    private static string LastMonth => OrganizationTime.MonthText(OrganizationTime.AddMonths(OrganizationTime.Month(DateOnly.FromDateTime(DateTime.UtcNow)), -1));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MonitoringTools_PostAMonthByServiceName_UnknownServicesAreRefused_AndTheSameFiguresChangeNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var reader = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.Read)).Token);
        var created = await manager.PostAsJsonAsync("/api/v1/continuity/services", new { name = "Agent platform", targetPercent = 99.9 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var unknown = await manager.PostAsJsonAsync("/api/v1/availability", new { service = "Agent platfrom", month = LastMonth, uptimePercent = 99.95 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no monitored service is named 'Agent platfrom'", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("service")[0].GetString());

        var bad = await manager.PostAsJsonAsync("/api/v1/availability", new { service = "agent PLATFORM", month = "10/2026", uptimePercent = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("is not a month", errors.GetProperty("month")[0].GetString());
        Assert.Contains("from 0 to 100", errors.GetProperty("uptimePercent")[0].GetString());

        var posted = await manager.PostAsJsonAsync("/api/v1/availability", new { service = "agent PLATFORM", month = LastMonth, uptimePercent = 99.85, downtimeMinutes = 65 });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Created", false, 99.9), (body.GetProperty("outcome").GetString(), body.GetProperty("met").GetBoolean(), body.GetProperty("targetPercent").GetDouble()));
        var again = await (await manager.PostAsJsonAsync("/api/v1/availability", new { service = "Agent platform", month = LastMonth, uptimePercent = 99.85, downtimeMinutes = 65 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/availability", new { service = "Agent platform", month = LastMonth, uptimePercent = 99 })).StatusCode);

        var overview = await reader.GetFromJsonAsync<JsonElement>("/api/v1/continuity/availability");
        var month = overview.GetProperty("services")[0].GetProperty("months")[11];
        Assert.Equal((99.85, false), (month.GetProperty("uptimePercent").GetDouble(), month.GetProperty("met").GetBoolean()));
        var records = await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.Select(r => new { r.Source, r.DowntimeMinutes }).ToListAsync());
        Assert.Equal((AvailabilitySource.Api, 65), (records.Single().Source, records.Single().DowntimeMinutes!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_CreatesPlansAndExercises_Answers400sNamingFields_And404sForAnotherOrganizationsRecords(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var elsewhere = await app.SeedOrganizationAsync();
        var foreign = await ContinuitySeeds.AddContinuityAsync(app, elsewhere);
        await app.AddControlAsync(organization, "Backup and recovery", "A.8.13");
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);

        var bad = await contributor.PostAsJsonAsync("/api/v1/continuity/plans", new { title = "", rto = "quick", status = "Approved" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _));
        Assert.Contains("'quick' is not a duration", errors.GetProperty("Rto")[0].GetString());
        Assert.Equal("a plan is approved by a Manager or an Admin.", errors.GetProperty("Status")[0].GetString());

        var created = await contributor.PostAsJsonAsync("/api/v1/continuity/plans", new { title = "Client data restore", kind = "Recovery", rto = "8h", rpo = "1d", steps = "1. Restore." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        var planId = plan.GetProperty("id").GetGuid();
        Assert.Equal(("BCP-001", 480, "1d", organization[OrganizationRole.Contributor].UserId),
            (plan.GetProperty("reference").GetString(), plan.GetProperty("rtoMinutes").GetInt32(), plan.GetProperty("rpo").GetString(), plan.GetProperty("ownerId").GetGuid()));

        var exercise = await contributor.PostAsJsonAsync("/api/v1/continuity/exercises", new
        {
            title = "Restore test", type = "RestoreTest", heldOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), result = "Passed", planId, achievedRto = "3h", achievedRpo = "20h",
        });
        Assert.Equal(HttpStatusCode.Created, exercise.StatusCode);
        var exerciseId = (await exercise.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var view = await contributor.GetFromJsonAsync<JsonElement>($"/api/v1/continuity/exercises/{exerciseId}");
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("exercise").GetProperty("evidenceItemId").ValueKind);
        Assert.False(view.GetProperty("exercise").GetProperty("rtoMissed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"/api/v1/continuity/plans/{planId}/pdf")).StatusCode);

        var figures = await contributor.GetFromJsonAsync<JsonElement>("/api/v1/continuity/figures");
        Assert.Equal((0, 1, 1), (figures.GetProperty("plansApproved").GetInt32(), figures.GetProperty("plansTotal").GetInt32(), figures.GetProperty("restoreTestsThisYear").GetInt32()));

        foreach (var url in new[] { $"/api/v1/continuity/plans/{foreign.PlanId}", $"/api/v1/continuity/exercises/{foreign.ExerciseId}", $"/api/v1/continuity/services/{foreign.ServiceId}",
            $"/api/v1/continuity/plans/{foreign.PlanId}/pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.PutAsJsonAsync($"/api/v1/continuity/plans/{foreign.PlanId}", new { title = "Mine now", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.DeleteAsync($"/api/v1/continuity/exercises/{foreign.ExerciseId}?version=1")).StatusCode);
        var foreignPlan = await app.WithCoreAsync(elsewhere.Id, (_, db) => db.ContinuityPlans.SingleAsync());
        Assert.Equal("Client portal recovery", foreignPlan.Title);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThePages_ShowPlansExercisesAndAvailability_KeepInputOnErrors_AndSanitizeMarkdown(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ai = await app.AddAiSystemAsync(organization);
        var seeded = await ContinuitySeeds.AddContinuityAsync(app, organization, ai.AssetId);
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);

        var index = await manager.GetPageAsync("/continuity");
        Assert.Contains("BCP-001", index);
        Assert.Contains("Client portal recovery", index);
        var planPage = await manager.GetPageAsync($"/continuity/plans/{seeded.PlanId}");
        Assert.Contains("EX-001", planPage);
        Assert.Contains("RTO missed", planPage);
        var exercisePage = await manager.GetPageAsync($"/continuity/exercises/{seeded.ExerciseId}");
        Assert.Contains("Raise the copy quota", exercisePage);
        Assert.Contains("/evidence/", exercisePage);
        Assert.Contains($"/actions/new?source=ContinuityExercise&sourceId={seeded.ExerciseId}", exercisePage);
        Assert.Contains("<svg", await manager.GetPageAsync("/continuity/availability"));
        Assert.Contains($"/continuity/plans/{seeded.PlanId}", await manager.GetPageAsync($"/assets/{ai.AssetId}"));
        var pdf = await manager.GetAsync($"/continuity/plans/{seeded.PlanId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);

        // A bad RTO comes back as a 400 naming the field, with what was typed kept.
        var refused = await manager.PostFormAsync("/continuity/plans/new", new()
        {
            ["Input.Title"] = "Web app continuity", ["Input.Kind"] = "Continuity", ["Input.Status"] = "Draft", ["Input.Rto"] = "two hours-ish", ["Input.Steps"] = "<script>alert(1)</script> **Fail over**",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Rto: &#x27;two hours-ish&#x27; is not a duration", html);
        Assert.Contains("value=\"Web app continuity\"", html);

        var saved = await manager.PostFormAsync("/continuity/plans/new", new()
        {
            ["Input.Title"] = "Web app continuity", ["Input.Kind"] = "Continuity", ["Input.Status"] = "Approved", ["Input.Rto"] = "2h",
            ["Input.OwnerId"] = organization[OrganizationRole.Manager].UserId.ToString(), ["Input.Steps"] = "<script>alert(1)</script> **Fail over**",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await manager.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("<strong>Fail over</strong>", shown);
        Assert.DoesNotContain("<script>alert(1)</script>", shown);
        Assert.Contains("BCP-002", shown);

        // Recording a month by form; an employee may not see the pages at all.
        var recorded = await manager.PostFormAsync("/continuity/availability?handler=Record", new()
        {
            ["RecordInput.ServiceId"] = seeded.ServiceId.ToString(), ["RecordInput.Month"] = LastMonth, ["RecordInput.UptimePercent"] = "99.5",
        }, "/continuity/availability");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(99.5, await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.Select(r => r.UptimePercent).SingleAsync()));
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/continuity")).StatusCode);
    }
}
