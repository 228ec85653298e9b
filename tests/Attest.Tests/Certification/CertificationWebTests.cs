using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Certification;

/// <summary>Certification over HTTP: the API, the pages, and who may do what.</summary>
public sealed class CertificationWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_RunsAProgrammeFromStartToCertificate_AnswersBadInputWith400s_AndOtherOrganizationsWith404(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var bad = await ErrorsAsync(await manager.PostAsJsonAsync("/api/v1/certification/programmes", new { name = "", standard = "", frameworkKey = "iso9001" }));
        Assert.Equal(("is required.", "must be one of iso27001-2022, iso42001-2023, none.", "is required when the scope's establishment date is not given."),
            (bad.GetProperty("Name")[0].GetString(), bad.GetProperty("FrameworkKey")[0].GetString(), bad.GetProperty("TargetOn")[0].GetString()));
        var programme = new { name = "ISMS", standard = "ISO/IEC 27001:2022", frameworkKey = "iso27001-2022", scopeEstablishedOn = today.AddMonths(-4), showOnTrustPage = true };
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/certification/programmes", programme)).StatusCode);
        var created = await manager.PostAsJsonAsync("/api/v1/certification/programmes", programme);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = detail.GetProperty("status").GetProperty("programmeId").GetGuid();
        Assert.Equal((12, 12, "InProgress"), (detail.GetProperty("milestones").GetArrayLength(), detail.GetProperty("status").GetProperty("milestonesTotal").GetInt32(),
            detail.GetProperty("status").GetProperty("state").GetString()));
        Assert.Equal(today.AddMonths(2), DateOnly.Parse(detail.GetProperty("status").GetProperty("targetOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // A milestone done in the future is refused; done today is recorded.
        var gap = detail.GetProperty("milestones")[0];
        var milestoneUrl = $"/api/v1/certification/milestones/{gap.GetProperty("id").GetGuid()}";
        var future = await ErrorsAsync(await manager.PutAsJsonAsync(milestoneUrl, new { title = "Gap assessment", kind = "GapAssessment", status = "Done", doneOn = today.AddDays(1), version = 1 }));
        Assert.Equal("cannot be in the future.", future.GetProperty("DoneOn")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync(milestoneUrl, new { title = "Gap assessment", kind = "GapAssessment", status = "Done", version = 1 })).StatusCode);

        // Stage 1 completed, with a minor finding against A.5.22.
        var badAudit = await ErrorsAsync(await manager.PostAsJsonAsync($"/api/v1/certification/programmes/{id}/audits", new { kind = "Stage1", startOn = today, endOn = today.AddDays(-1) }));
        Assert.Equal("cannot be before the first day of the audit.", badAudit.GetProperty("EndOn")[0].GetString());
        var audit = await (await manager.PostAsJsonAsync($"/api/v1/certification/programmes/{id}/audits",
            new { kind = "Stage1", startOn = today.AddDays(-3), endOn = today.AddDays(-2), status = "Completed", conclusion = "Conditional", leadAuditor = "A. Auditor" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var auditId = audit.GetProperty("id").GetGuid();
        Assert.Equal("EA-001", audit.GetProperty("reference").GetString());
        var finding = await manager.PostAsJsonAsync($"/api/v1/certification/audits/{auditId}/findings", new { title = "Supplier reviews not evidenced", grade = "Minor", requirement = "A.5.22" });
        Assert.Equal(HttpStatusCode.Created, finding.StatusCode);
        var badFinding = await ErrorsAsync(await manager.PostAsJsonAsync($"/api/v1/certification/audits/{auditId}/findings", new { title = "x", grade = "Minor", requirement = "Z.1" }));
        Assert.Equal("'Z.1' is not a requirement of the programme's framework.", badFinding.GetProperty("Requirement")[0].GetString());
        var findings = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/certification/audits/{auditId}")).GetProperty("findings");
        Assert.Equal(("NC-001", "Minor", "A.5.22", today.AddDays(88).ToString("yyyy-MM-dd")), (findings[0].GetProperty("reference").GetString(), findings[0].GetProperty("grade").GetString(),
            findings[0].GetProperty("requirement").GetString(), findings[0].GetProperty("dueOn").GetString()));

        // The certificate: dates checked, then recorded; the list shows the programme certified.
        var badCertificate = await ErrorsAsync(await manager.PostAsJsonAsync($"/api/v1/certification/programmes/{id}/certificates", new { number = "IS 1", issuedOn = today, expiresOn = today.AddDays(-1) }));
        Assert.Equal("cannot be before the issue date.", badCertificate.GetProperty("ExpiresOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/certification/programmes/{id}/certificates",
            new { number = "IS 1", issuedOn = today, expiresOn = today.AddYears(3), accreditationBody = "UKAS" })).StatusCode);
        var list = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/certification/programmes"))[0];
        Assert.Equal(("Certified", 3, 1, "Risk assessment"), (list.GetProperty("state").GetString(), list.GetProperty("milestonesDone").GetInt32(), list.GetProperty("openMinor").GetInt32(),
            list.GetProperty("nextMilestone").GetProperty("title").GetString()));
        Assert.True((await manager.GetFromJsonAsync<JsonElement>("/api/v1/certification/status"))[0].GetProperty("certified").GetBoolean());
        var programmeDetail = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/certification/programmes/{id}");
        Assert.Equal(("Done", 1), (programmeDetail.GetProperty("milestones")[6].GetProperty("status").GetString(), programmeDetail.GetProperty("audits")[0].GetProperty("minors").GetInt32()));

        // Edits need the version read; another organization finds none of it.
        var update = new { name = "ISMS", standard = "ISO/IEC 27001:2022", frameworkKey = "iso27001-2022", scopeEstablishedOn = today.AddMonths(-4), version = 1 };
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/certification/programmes/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/certification/programmes/{id}", update)).StatusCode);
        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/certification/programmes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/certification/programmes/{id}", update with { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/certification/audits/{auditId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/certification/audits/{auditId}/findings", new { title = "Planted", grade = "Major" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/certification/programmes/{id}/audits",
            new { kind = "Stage2", startOn = today, endOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"{milestoneUrl}?version=2")).StatusCode);
        Assert.Equal(0, await app.WithCoreAsync(other.Id, (_, db) => db.Nonconformities.CountAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{milestoneUrl}?version=2")).StatusCode);
    }

    [Fact]
    public async Task ThePages_ShowProgrammesToReaders_LetManagersChangeThem_AndRedisplayBadInputWithTheMessage()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var seeded = await CertificationSeeds.AddProgrammeAsync(app, organization, "ISMS programme");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(organization[OrganizationRole.Employee])).GetAsync("/certification")).StatusCode);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var index = await auditor.GetPageAsync("/certification");
        Assert.Contains("ISMS programme", index);
        Assert.Contains("<title>Certification programmes: ISO/IEC 27001:2022 (ISMS programme)", index);
        Assert.DoesNotContain("New programme", index);
        var programme = await auditor.GetPageAsync($"/certification/{seeded.ProgrammeId}");
        Assert.Contains("<title>Stage 1 audit: done", programme);
        Assert.Contains("Today ", programme);
        Assert.DoesNotContain("Save programme", programme);
        Assert.Contains($"href=\"/nonconformities/{seeded.FindingId}\"", await auditor.GetPageAsync($"/certification/audits/{seeded.AuditId}"));
        Assert.Contains("UKAS", await auditor.GetPageAsync($"/certification/certificates/{seeded.CertificateId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/certification/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostFormAsync($"/certification/{seeded.ProgrammeId}?handler=Milestone", new() { ["M.Title"] = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(organization[OrganizationRole.Contributor]))
            .PostFormAsync($"/certification/audits/{seeded.AuditId}?handler=Finding", new() { ["F.Title"] = "Sneaky", ["F.Grade"] = "Minor" })).StatusCode);

        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var unreadable = await manager.PostFormAsync("/certification/new", new() { ["Input.Name"] = "AIMS", ["Input.Standard"] = "ISO/IEC 42001:2023", ["Input.TargetOn"] = "soon" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("TargetOn: &#x27;soon&#x27; is not a valid value.", await unreadable.Content.ReadAsStringAsync());
        var started = await manager.PostFormAsync("/certification/new", new() { ["Input.Name"] = "AIMS", ["Input.Standard"] = "ISO/IEC 42001:2023",
            ["Input.FrameworkKey"] = "iso42001-2023", ["Input.ScopeEstablishedOn"] = DateTime.UtcNow.AddDays(-14).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var aims = Guid.Parse(started.Headers.Location!.OriginalString["/certification/".Length..]);
        var gap = await app.WithCoreAsync(organization.Id, (_, db) => db.Milestones.Where(m => m.ProgrammeId == aims).OrderBy(m => m.SortOrder).Select(m => m.Id).FirstAsync());
        var future = await manager.PostFormAsync($"/certification/{aims}?handler=Milestone&milestoneId={gap}", new() { ["M.Title"] = "Gap assessment", ["M.Kind"] = "GapAssessment",
            ["M.Status"] = "Done", ["M.DoneOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), ["M.Version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("DoneOn: cannot be in the future.", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/certification/{aims}?handler=Milestone&milestoneId={gap}", new() { ["M.Title"] = "Gap assessment",
            ["M.Kind"] = "GapAssessment", ["M.Status"] = "InProgress", ["M.Version"] = "1" })).StatusCode);

        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var recorded = await manager.PostFormAsync($"/certification/{aims}?handler=Audit", new() { ["A.Kind"] = "Stage1", ["A.StartOn"] = yesterday, ["A.EndOn"] = yesterday,
            ["A.Status"] = "Completed", ["A.Conclusion"] = "Positive", ["A.LeadAuditor"] = "B. Auditor" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var auditPath = recorded.Headers.Location!.OriginalString;
        Assert.StartsWith("/certification/audits/", auditPath);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{auditPath}?handler=Finding", new() { ["F.Title"] = "Impact assessments incomplete", ["F.Grade"] = "Minor",
            ["F.Requirement"] = "6.1.4" })).StatusCode);
        var auditPage = await manager.GetPageAsync(auditPath);
        Assert.Contains("NC-002", auditPage);
        Assert.Contains("Impact assessments incomplete", auditPage);
        var aimsPage = await manager.GetPageAsync($"/certification/{aims}");
        Assert.Contains("0 major, 1 minor", aimsPage);
        Assert.Contains("<title>Stage 1 audit: done " + yesterday, aimsPage);
    }
}
