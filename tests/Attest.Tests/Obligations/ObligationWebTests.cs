using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Obligations;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.Obligations;

/// <summary>The obligations register over HTTP: the API, the export, and the pages for each role.</summary>
public sealed class ObligationWebTests
{
    [Fact]
    public async Task TheApi_RecordsLicencesAndEvents_Exports_AndAnswersBadInputWith400s_AndOtherOrganizationsWith404s()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var today = await app.WithCoreAsync(organization.Id, (_, db) => ObligationRegister.TodayAsync(db));

        var bad = await manager.PostAsJsonAsync("/api/v1/obligations", new { title = "Licence", kind = "Licence", renewalLeadDays = -1, requirements = "iso27001-2022 Z.9" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("is required.", errors.GetProperty("IssuingBody")[0].GetString());
        Assert.Equal("must be between 0 and 365 days.", errors.GetProperty("RenewalLeadDays")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/v1/obligations", new { title = "x", kind = "Treaty" })).StatusCode);

        var created = await manager.PostAsJsonAsync("/api/v1/obligations", new
        {
            title = "Nurse's registration", kind = "Licence", holder = "R. Nurse", issuingBody = "Nursing and Midwifery Council", licenceNumber = "NMC-1", jurisdiction = "United Kingdom",
            validFrom = today.AddYears(-1), validUntil = today.AddDays(20), renewalLeadDays = 30, requirements = "iso27001-2022 A.5.31",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var licence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = licence.GetProperty("id").GetGuid();
        var standing = licence.GetProperty("standing");
        Assert.Equal(("OB-001", "Expiring", 20, true), (licence.GetProperty("reference").GetString(), standing.GetProperty("state").GetString(),
            standing.GetProperty("daysLeft").GetInt32(), standing.GetProperty("renewalDue").GetBoolean()));
        // A contributor may not change the manager's obligation; a stale version is a 409.
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PutAsJsonAsync($"/api/v1/obligations/{id}", new { title = "Mine now", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/obligations/{id}", new
        {
            title = "Nurse's registration", kind = "Licence", holder = "R. Nurse", issuingBody = "Nursing and Midwifery Council", licenceNumber = "NMC-1",
            validUntil = today.AddDays(-1), status = "NotCompliant", statusReason = "Lapsed.", requirements = "iso27001-2022 A.5.31", version = 1,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/obligations/{id}", new { title = "Stale", version = 1 })).StatusCode);

        var violation = await manager.PostAsJsonAsync("/api/v1/regulatory-events", new { title = "Worked while lapsed", kind = "Violation", occurredOn = today });
        Assert.Equal("is required for a violation: name the obligation breached.",
            (await violation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ObligationId")[0].GetString());
        var recorded = await manager.PostAsJsonAsync("/api/v1/regulatory-events", new { title = "Worked while lapsed", kind = "Violation", obligationId = id, occurredOn = today });
        var eventId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/regulatory-events/{eventId}",
            new { title = "Worked while lapsed", kind = "Violation", obligationId = id, occurredOn = today, status = "Closed", version = 1 })).StatusCode);

        var figures = await manager.GetFromJsonAsync<JsonElement>("/api/v1/obligations/figures");
        Assert.Equal((1, 0, 1, 1, 0), (figures.GetProperty("licences").GetInt32(), figures.GetProperty("licencesValid").GetInt32(), figures.GetProperty("licencesExpired").GetInt32(),
            figures.GetProperty("violationsThisYear").GetInt32(), figures.GetProperty("openEvents").GetInt32()));
        Assert.Equal(id, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/obligations?licence=Expired")).GetProperty("rows")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/obligations?kind=Contract")).GetProperty("rows").GetArrayLength());
        Assert.Equal(1, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/regulatory-events?violations=true")).GetProperty("rows").GetArrayLength());

        var csv = (await manager.GetStringAsync("/api/v1/obligations/export?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", ObligationExport.Columns), csv[0].TrimEnd('\r').TrimStart('\uFEFF'));
        Assert.StartsWith("OB-001,Nurse's registration,Licence,,,,Not compliant,Lapsed.,", csv[1]);
        // Days left is negative once expired; the CSV guard against formula injection quotes it, as it does any cell starting with "-".
        Assert.True(csv[1].Contains($",R. Nurse,,Nursing and Midwifery Council,NMC-1,,{today.AddDays(-1):yyyy-MM-dd},0,expired,\"'-1\",{today.AddDays(-1):yyyy-MM-dd},no,iso27001-2022 A.5.31,,,"), csv[1]);
        var xlsx = await manager.GetByteArrayAsync("/api/v1/obligations/export?format=xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: ObligationExport.SheetName).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("OB-001", "expired", "iso27001-2022 A.5.31"), ((string?)sheet["Reference"], (string?)sheet["Licence state"], (string?)sheet["Requirements"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/obligations/export?format=pdf")).StatusCode);

        // Another organization sees none of it.
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/obligations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/obligations/{id}", new { title = "Taken", version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/regulatory-events/{eventId}")).StatusCode);
        var linked = await stranger.PostAsJsonAsync("/api/v1/regulatory-events", new { title = "Theirs", kind = "Violation", obligationId = id, occurredOn = today });
        Assert.Equal("is not an obligation of this organization.", (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("ObligationId")[0].GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/obligations/{id}/retire?version=2", null)).StatusCode);
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/obligations/figures")).GetProperty("licences").GetInt32());
    }

    [Fact]
    public async Task Pages_LetEditorsRecordAndContributorsEditTheirOwn_WhileAuditorsOnlyRead_AndFormsRedisplayErrors()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var contributor = organization[OrganizationRole.Contributor];
        var seeded = await ObligationSeeds.AddObligationsAsync(app, organization, ownerId: organization[OrganizationRole.Manager].UserId);

        var editor = await app.SignInAsync(contributor);
        var invalid = await editor.PostFormAsync("/obligations/new", new() { ["Input.Title"] = "Harbor Health schedule (kept)", ["Input.Kind"] = "Contract", ["Input.Controls"] = "CTL-404" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var form = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Clients: is required for a contract: name the client.", form);
        Assert.Contains("Harbor Health schedule (kept)", form);
        var created = await editor.PostFormAsync("/obligations/new", new()
        {
            ["Input.Title"] = "Harbor Health schedule", ["Input.Kind"] = "Contract", ["Input.Clients"] = "Harbor Health", ["Input.OwnerId"] = contributor.UserId.ToString(),
            ["Input.Status"] = "PartiallyCompliant", ["Input.StatusReason"] = "Pen test booked.", ["Input.Requirements"] = "iso27001-2022 A.5.20",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var own = created.Headers.Location!.OriginalString;
        Assert.Contains("Save obligation", await editor.GetPageAsync(own));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync($"/obligations/{seeded.RegulationId}", new() { ["Input.Title"] = "Taken", ["Input.Version"] = "1" })).StatusCode);
        var eventPage = await editor.PostFormAsync($"/obligations/events/new", new() { ["Input.Title"] = "Complaint", ["Input.Kind"] = "ClientComplaint", ["Input.OccurredOn"] = "2020-01-01", ["Input.IncidentRef"] = "INC-0404" });
        Assert.Contains("IncidentRef: INC-0404 is not an incident reference here.", await eventPage.Content.ReadAsStringAsync());

        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var register = await auditor.GetPageAsync("/obligations?status=PartiallyCompliant");
        Assert.Contains("Harbor Health schedule", register);
        Assert.Contains("title=\"Pen test booked.\"", register);
        Assert.Contains(ObligationFigures.LicenceComplianceDefinition.Replace("÷", "&#xF7;"), register);
        Assert.DoesNotContain("New obligation", register);
        var licences = await auditor.GetPageAsync("/obligations/licences");
        Assert.Contains("A. Solicitor", licences);
        Assert.Contains("renewal due", licences);
        var show = await auditor.GetPageAsync($"/obligations/{seeded.RegulationId}");
        Assert.Contains("ICO enquiry", show);
        Assert.Contains("A.5.31", show);
        Assert.DoesNotContain("Save obligation", show);
        Assert.DoesNotContain("Raise a nonconformity", await auditor.GetPageAsync($"/obligations/events/{seeded.EventId}"));
        Assert.Contains("/nonconformities/new?source=RegulatoryEvent&sourceId=" + seeded.EventId,
            await (await app.SignInAsync(organization[OrganizationRole.Manager])).GetPageAsync($"/obligations/events/{seeded.EventId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/obligations/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(organization[OrganizationRole.Employee])).GetAsync("/obligations")).StatusCode);
    }
}
