using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Incidents;

/// <summary>The incident pages and API over HTTP: who may see and change what, bad input, and the whole cycle through the API.</summary>
public sealed class IncidentWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_RunsTheWholeCycle_NamesBadFields_AndHidesOtherOrganizations(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var monitoring = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var now = DateTimeOffset.UtcNow;

        // A monitoring tool reports: recorded under the token's name, through the API channel, with no person as reporter.
        var bad = await monitoring.PostAsJsonAsync("/api/v1/incidents", new { title = "", severity = "Catastrophic" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var early = await monitoring.PostAsJsonAsync("/api/v1/incidents", new { title = "Agent error rate above 5 %", occurredAt = now.AddMinutes(-5), detectedAt = now.AddMinutes(-10) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("before the detection", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("OccurredAt")[0].GetString());
        var reported = await monitoring.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Agent error rate above 5 %", category = "AiMisbehaviour", severity = "High", occurredAt = now.AddHours(-3), detectedAt = now.AddHours(-2), personalData = true,
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var created = await reported.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("INC-0001", created.GetProperty("reference").GetString());
        var incident = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal(("test token", "Api", JsonValueKind.Null), (incident.GetProperty("reportedBy").GetString(), incident.GetProperty("channel").GetString(),
            incident.GetProperty("reporterId").ValueKind));

        // The handler takes it: the Contributor may change it only once they own it.
        var version = incident.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/status", new { status = "Triaged", version })).StatusCode);
        var update = await manager.PutAsJsonAsync($"/api/v1/incidents/{id}", new
        {
            title = "Agent error rate above 5 %", category = "AiMisbehaviour", severity = "High", ownerId = organization[OrganizationRole.Contributor].UserId,
            occurredAt = now.AddHours(-3), detectedAt = now.AddHours(-2), personalData = true, version,
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var stale = await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/status", new { status = "Triaged", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/status", new { status = "Contained", at = now.AddHours(-1), version = version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/notes", new { text = "Rolled back the prompt change." })).StatusCode);
        var closing = await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/status", new { status = "Closed", version = version + 2 });
        Assert.Equal(HttpStatusCode.BadRequest, closing.StatusCode);
        Assert.True((await closing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("LessonsLearned", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await monitoring.PutAsJsonAsync($"/api/v1/incidents/{id}/review",
            new { rootCause = "An untested prompt change.", lessonsLearned = "Run the evaluation suite before prompt changes.", version = version + 2 })).StatusCode);

        // The breach: assessment, then the authority within the deadline.
        var breach = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}/breach");
        Assert.Equal("Assessing", breach.GetProperty("status").GetString());
        var notNotifiable = await monitoring.PutAsJsonAsync($"/api/v1/incidents/{id}/breach", new { awareAt = now.AddHours(-2), decision = "NotNotifiable", risk = "Unlikely", version = breach.GetProperty("version").GetInt32() });
        Assert.True((await notNotifiable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("NotNotifiableReason", out _));
        var notified = await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/breach/notifications", new
        {
            recipient = "SupervisoryAuthority", recipientName = "ICO", sentAt = now.AddMinutes(-30), method = "Authority portal", content = "Initial notification.", externalReference = "ICO-77",
        });
        Assert.Equal(HttpStatusCode.Created, notified.StatusCode);
        Assert.Equal("Notified", (await notified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("breachStatus").GetString());
        var noName = await monitoring.PostAsJsonAsync($"/api/v1/incidents/{id}/breach/notifications", new { recipient = "Client", method = "E-mail" });
        Assert.True((await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("RecipientName", out _));

        // Register, figures and export see it; another organization sees nothing.
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/incidents?personalData=true&state=Open&severity=High");
        Assert.Equal(id, listed.GetProperty("rows")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/incidents?month=2026-13")).StatusCode);
        var figures = await manager.GetFromJsonAsync<JsonElement>("/api/v1/incidents/figures");
        Assert.Equal(1, figures.GetProperty("breaches").GetProperty("notified").GetInt32());
        var csv = await manager.GetStringAsync("/api/v1/incidents/export?format=csv");
        Assert.StartsWith("Reference,Title,Category,Severity,Status", csv);
        Assert.Contains("INC-0001", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/incidents/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitoring.PutAsJsonAsync("/api/v1/incident-settings", new { })).StatusCode);
        var settings = await manager.PutAsJsonAsync("/api/v1/incident-settings", new
        {
            criticalDetectMinutes = 30, criticalContainMinutes = 240, criticalRecoverMinutes = 240, highDetectMinutes = 0, highContainMinutes = 1440, highRecoverMinutes = 2880,
            mediumDetectMinutes = 1440, mediumContainMinutes = 4320, mediumRecoverMinutes = 10080, lowDetectMinutes = 4320, lowContainMinutes = 10080, lowRecoverMinutes = 20160,
            lessonsRequiredForLow = false, notificationHours = 72,
        });
        Assert.True((await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("HighDetectMinutes", out _));

        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/incidents/{id}/notes", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/incidents/{id}/breach/notifications",
            new { recipient = "Client", recipientName = "x", method = "x" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/incidents")).GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEmployee_ReportsThroughTheForm_SeesOnlyTheirOwnReports_AndNeverTheRegister(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var others = await IncidentSeeds.AddIncidentAsync(app, organization, "Someone else's report");
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            // The seeded incident was reported by the Employee; hand it to the Manager so the Employee has none of their own yet.
            var seeded = await db.Incidents.SingleAsync(i => i.Id == others.Id);
            seeded.ReporterId = organization[OrganizationRole.Manager].UserId;
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(u => u.Id == organization[OrganizationRole.Employee].UserId)).TimeZone = "Europe/Paris";
            await db.SaveChangesAsync();
        });
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);

        Assert.Contains("You have not reported any incidents.", await employee.GetPageAsync("/my/incidents"));
        // A time the clocks skipped in the person's zone is refused, naming the field, and the form keeps what was typed.
        var skipped = await employee.PostFormAsync("/incidents/report", new()
        {
            ["Input.Title"] = "Lost my badge", ["Input.Category"] = "Other", ["Input.Severity"] = "Low", ["Input.DetectedAt"] = "2026-03-29T02:30",
        });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        var page = await skipped.Content.ReadAsStringAsync();
        Assert.Contains("DetectedAt: 2026-03-29 02:30 does not exist in Europe/Paris", page);
        Assert.Contains("Lost my badge", page);

        var report = await employee.PostFormAsync("/incidents/report", new()
        {
            ["Input.Title"] = "Lost my badge", ["Input.Category"] = "Other", ["Input.Severity"] = "Low", ["Input.DetectedAt"] = "2026-03-29T03:30",
            ["Input.PersonalData"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        Assert.Equal("/my/incidents", report.Headers.Location!.OriginalString);
        var mine = await employee.GetPageAsync("/my/incidents");
        Assert.Contains("Lost my badge", mine);
        Assert.DoesNotContain("Someone else's report", mine);
        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "Lost my badge"));
        Assert.Equal((new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), IncidentChannel.Form, organization[OrganizationRole.Employee].UserId, true),
            (stored.DetectedAt, stored.Channel, stored.ReporterId!.Value, stored.PersonalData));
        Assert.Contains("Employee Person", stored.ReportedBy);

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/incidents/{others.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/incidents/{stored.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/incidents/{others.Id}/breach")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/incidents/export?format=csv")).StatusCode);
        var token = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Employee], Attest.Accounts.ApiTokenScope.Read)).Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/incidents/{others.Id}")).StatusCode);
        var apiMine = await token.GetFromJsonAsync<JsonElement>("/api/v1/incidents/mine");
        Assert.Equal("Lost my badge", apiMine.GetProperty("rows").EnumerateArray().Single().GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThePages_ShowTheRegisterFiguresAndBreachClock_AndContributorsChangeOnlyWhatTheyHandle(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Output filtering", "A.8.28");
        var ai = await app.AddAiSystemAsync(organization);
        var risk = await app.AddRiskAsync(organization, control, ai.AssetId);
        var seeded = await IncidentSeeds.AddIncidentAsync(app, organization, riskId: risk.Id, controlId: control, assetId: ai.AssetId);
        var managers = await app.WithCoreAsync(organization.Id, (s, db) => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ReportIncident>(s).RunAsync(new IncidentReportInput("Phishing e-mail", Severity: IncidentSeverity.Low)));

        var contributor = await app.SignInAsync(organization[OrganizationRole.Contributor]);
        var register = await contributor.GetPageAsync("/incidents?personalData=true");
        Assert.Contains("Agent answered with another client&#x27;s data", register);
        Assert.DoesNotContain("Phishing e-mail", register);
        Assert.Contains("Incidents by month and severity", register);
        var detail = await contributor.GetPageAsync($"/incidents/{seeded.Id}");
        Assert.Contains("Partition retrieval indexes", detail);
        Assert.Contains("Authority notified", detail);
        Assert.Contains("Retrieval index shared across clients.", detail);
        var breach = await contributor.GetPageAsync($"/incidents/{seeded.Id}/breach");
        Assert.Contains("ICO-123", breach);
        Assert.Contains("within the deadline", breach);

        // The risk and control pages list the incident.
        Assert.Contains(seeded.Id.ToString(), await contributor.GetPageAsync($"/risks/{risk.Id}"));
        Assert.Contains(seeded.Id.ToString(), await contributor.GetPageAsync($"/controls/{control}"));

        // Not theirs: refused. Theirs with a bad time: 400 naming the field, nothing changed.
        var forbidden = await contributor.PostFormAsync($"/incidents/{managers}?handler=Note", new() { ["NoteText"] = "Mine now" }, $"/incidents/{managers}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.Incidents.Where(i => i.Id == seeded.Id).Select(i => i.Version).SingleAsync());
        var invalid = await contributor.PostFormAsync($"/incidents/{seeded.Id}?handler=Status", new()
        {
            ["StatusInput.Status"] = "Recovered", ["StatusInput.At"] = "2020-01-01T00:00", ["StatusInput.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("RecoveredAt: must be at or after the contained", await invalid.Content.ReadAsStringAsync());
        var recovered = await contributor.PostFormAsync($"/incidents/{seeded.Id}?handler=Status", new()
        {
            ["StatusInput.Status"] = "Recovered", ["StatusInput.At"] = "", ["StatusInput.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(IncidentStatus.Recovered, await app.WithCoreAsync(organization.Id, (_, db) => db.Incidents.Where(i => i.Id == seeded.Id).Select(i => i.Status).SingleAsync()));

        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        Assert.DoesNotContain("Change status", await auditor.GetPageAsync($"/incidents/{seeded.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/incidents/{seeded.Id}/breach")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/incidents/settings")).StatusCode);
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var saved = await manager.PostFormAsync("/incidents/settings", new()
        {
            ["Input.CriticalDetectMinutes"] = "60", ["Input.CriticalContainMinutes"] = "240", ["Input.CriticalRecoverMinutes"] = "240",
            ["Input.HighDetectMinutes"] = "240", ["Input.HighContainMinutes"] = "1440", ["Input.HighRecoverMinutes"] = "2880",
            ["Input.MediumDetectMinutes"] = "1440", ["Input.MediumContainMinutes"] = "4320", ["Input.MediumRecoverMinutes"] = "10080",
            ["Input.LowDetectMinutes"] = "4320", ["Input.LowContainMinutes"] = "10080", ["Input.LowRecoverMinutes"] = "20160",
            ["Input.NotificationHours"] = "48", ["Input.CriticalDefinition"] = "Everything is on fire.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Everything is on fire.", await manager.GetPageAsync("/incidents/report"));
    }
}
