using Attest.Certification;
using Attest.Controls;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Certification;

/// <summary>Readiness per clause, computed from a small organization whose records make known checks pass and fail.</summary>
public sealed class ReadinessTests
{
    private static Task<ReadinessReport> ReadinessAsync(TestApp app, TestOrganization organization, string key) =>
        app.WithCoreAsync(organization.Id, (_, db) => CertificationReadiness.ComputeAsync(db, key, DateOnly.FromDateTime(DateTime.UtcNow)));

    private static ReadinessCheck Check(ReadinessReport report, string clause, string startsWith) =>
        report.Clauses.SelectMany(c => c.Checks).Single(c => c.Clause == clause && c.Text.StartsWith(startsWith, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Readiness_JudgesEachClauseFromTheRecords_And613FlipsWhenTheSoaIsApprovedAndTheLastHighRiskHasATreatment(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var contributor = organization[OrganizationRole.Contributor].UserId;
        await app.AddPartyAsync(organization, "Clients");
        await app.AddIssueAsync(organization, "Remote work");
        await app.AddPublishedDocumentAsync(organization, "Information Security Policy", "Clause 5.2", redraft: false);
        var sso = await app.AddControlAsync(organization, "Single sign-on", "A.8.5", ImplementationStatus.Implemented, contributor);
        await app.AddControlAsync(organization, "Backups", "A.8.13", ImplementationStatus.Planned);
        await app.AddControlAsync(organization, "Clean desk", "A.7.7", ImplementationStatus.NotApplicable);
        await app.AddEvidenceAsync(organization, sso);
        await app.AddActionAsync(organization, "Overdue action", dueOn: today.AddDays(-1));
        var (high, low) = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var save = s.GetRequiredService<SaveRisk>();
            var high = await save.RunAsync(null, new RiskInput("Prompt injection", InherentLikelihood: 4, InherentImpact: 4));
            var low = await save.RunAsync(null, new RiskInput("Printer jam", InherentLikelihood: 1, InherentImpact: 1));
            await s.GetRequiredService<SaveRiskTask>().RunAsync(low, null, new RiskTaskInput("Service the printer", DueOn: today.AddDays(-2)));
            return (high, low);
        });

        var report = await ReadinessAsync(app, organization, "iso27001-2022");
        Assert.Equal(["4", "5", "6", "7", "8", "9", "10"], report.Clauses.Select(c => c.Clause));
        Assert.Equal([50, 66, 33, 33, 0, 0, 50], report.Clauses.Select(c => c.Percent));
        Assert.Equal((7, 22, 31), (report.MetCount, report.CheckCount, report.Percent));
        Assert.Equal("1 issue concerning the ISMS recorded", Check(report, "4.1", "Internal").Detail);
        Assert.Equal("no active obligations are recorded", Check(report, "4.2", "The obligations").Detail);
        Assert.Equal("no scope statement has been written", Check(report, "4.3", "The scope").Detail);
        Assert.StartsWith("POL-", Check(report, "5.2", "An information security policy").Detail);
        Assert.Equal("1 of 2 applicable controls have no owner", Check(report, "5.3", "Every applicable control").Detail);
        Assert.Equal("methodology v1; 0 of 2 open risks have no inherent rating under it", Check(report, "6.1.2", "A risk methodology").Detail);
        Assert.Equal("the SoA has not been approved; 1 risk above what a risk owner may accept with no treatment decided", Check(report, "6.1.3", "The SoA").Detail);
        Assert.Equal(("no active objective serves this standard", false), (Check(report, "6.2", "Objectives").Detail, Check(report, "6.2", "Objectives").Met));
        Assert.Equal(("no active measure of this standard's objectives", false), (Check(report, "9.1", "Every objective measure").Detail, Check(report, "9.1", "Every objective measure").Met));
        Assert.Equal("no training is due yet", Check(report, "7.2", "Training").Detail);
        Assert.True(Check(report, "7.5", "Published documents are within").Met);
        Assert.Equal("50 % implemented (1 of 2); the threshold is 90 %", Check(report, "8.1", "At least 90 %").Detail);
        Assert.Equal("no risk assessment has been completed", Check(report, "8.2", "A risk assessment").Detail);
        Assert.Equal("1 open treatment task overdue", Check(report, "8.3", "No risk treatment").Detail);
        Assert.Equal("50 % have current evidence (1 of 2); the threshold is 80 %", Check(report, "9.1", "Evidence").Detail);
        Assert.Equal("no internal audit covering this standard has been completed", Check(report, "9.2", "An internal audit").Detail);
        Assert.Equal(("no management review has been held", false), (Check(report, "9.3", "A management review").Detail, Check(report, "9.3", "A management review").Met));
        Assert.Equal(("0 major nonconformities open", true), (Check(report, "10.2", "No major").Detail, Check(report, "10.2", "No major").Met));
        Assert.Equal("1 corrective action overdue", Check(report, "10.2", "No corrective").Detail);
        Assert.Equal("/soa/iso27001-2022", Check(report, "6.1.3", "The SoA").Href);

        // 6.1.3 needs both: the SoA approved, then the last high risk given a treatment. A completed internal audit with a checklist
        // item on this standard meets 9.2; an owned objective serving it with a measure valued last month meets 6.2 and 9.1.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<Attest.Soa.ApproveSoa>().RunAsync("iso27001-2022", false, "First"));
        var approved = Check(await ReadinessAsync(app, organization, "iso27001-2022"), "6.1.3", "The SoA");
        Assert.False(approved.Met);
        Assert.EndsWith("approved; 1 risk above what a risk owner may accept with no treatment decided", approved.Detail);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var version = await db.Risks.Where(r => r.Id == high).Select(r => r.Version).SingleAsync();
            await s.GetRequiredService<SaveRisk>().RunAsync(high, new RiskInput("Prompt injection", InherentLikelihood: 4, InherentImpact: 4, Treatment: RiskTreatment.Mitigate, Version: version));
            var framework = await db.Frameworks.Where(f => f.Key == "iso27001-2022").Select(f => f.Id).SingleAsync();
            var clause92 = await db.Requirements.Where(r => r.FrameworkId == framework && r.Code == "9.2").Select(r => r.Id).SingleAsync();
            var audit = new Attest.InternalAudits.InternalAudit { Reference = "IA-001", Title = "Q3 internal audit", Status = Attest.InternalAudits.InternalAuditStatus.Completed,
                PlannedStart = today.AddDays(-10), PlannedEnd = today.AddDays(-3), CompletedOn = today.AddDays(-3) };
            db.InternalAudits.Add(audit);
            db.AuditChecklistItems.Add(new Attest.InternalAudits.AuditChecklistItem { AuditId = audit.Id, RequirementId = clause92, Result = Attest.InternalAudits.AuditResult.Conforming });
            var objective = new Attest.Objectives.Objective { Reference = "OBJ-01", Title = "Protect client data", OwnerId = contributor, StartOn = today.AddMonths(-6) };
            db.Objectives.Add(objective);
            db.ObjectiveFrameworks.Add(new Attest.Objectives.ObjectiveFramework { ObjectiveId = objective.Id, FrameworkId = framework });
            var measure = new Attest.Objectives.Measure { ObjectiveId = objective.Id, Title = "Open critical vulnerabilities", Source = Attest.Objectives.MeasureSource.Manual, Target = 0,
                Comparison = Attest.Objectives.TargetComparison.EqualTo, Direction = Attest.Objectives.MeasureDirection.LowerIsBetter, Unit = Attest.Objectives.MeasureUnit.Count };
            db.Measures.Add(measure);
            var lastMonth = Attest.Objectives.MeasurePeriod.Month(today.AddMonths(-1), TimeZoneInfo.Utc);
            db.Measurements.Add(new Attest.Objectives.Measurement { MeasureId = measure.Id, PeriodStart = lastMonth.Start, PeriodEnd = lastMonth.End, Value = 0,
                Status = Attest.Objectives.MeasureStatus.Green, Kind = Attest.Objectives.MeasurementKind.Manual, Note = "Scanner report", TakenAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        var flipped = await ReadinessAsync(app, organization, "iso27001-2022");
        Assert.True(Check(flipped, "6.1.3", "The SoA").Met);
        Assert.EndsWith("approved; 0 risks above what a risk owner may accept with no treatment decided", Check(flipped, "6.1.3", "The SoA").Detail);
        Assert.Equal(($"IA-001 was completed on {today.AddDays(-3):yyyy-MM-dd}", true), (Check(flipped, "9.2", "An internal audit").Detail, Check(flipped, "9.2", "An internal audit").Met));
        Assert.Equal(("1 active objective: 0 without a measure, 0 without an owner", true), (Check(flipped, "6.2", "Objectives").Detail, Check(flipped, "6.2", "Objectives").Met));
        Assert.True(Check(flipped, "9.1", "Every objective measure").Met);
        Assert.Equal([50, 66, 100, 33, 0, 50, 50], flipped.Clauses.Select(c => c.Percent));

        // Pages read readiness through a cache keyed by the audit chain's head: unchanged records give the same report, any change a fresh one.
        var cached = await app.WithCoreAsync(organization.Id, (_, db) => CertificationReadiness.CurrentAsync(db, "iso27001-2022", today));
        Assert.Same(cached, await app.WithCoreAsync(organization.Id, (_, db) => CertificationReadiness.CurrentAsync(db, "iso27001-2022", today)));
        await app.AddActionAsync(organization, "Another overdue action", dueOn: today.AddDays(-1));
        var afterChange = await app.WithCoreAsync(organization.Id, (_, db) => CertificationReadiness.CurrentAsync(db, "iso27001-2022", today));
        Assert.NotSame(cached, afterChange);
        Assert.Equal("2 corrective actions overdue", Check(afterChange, "10.2", "No corrective").Detail);

        // ISO 42001: the AIMS reads issues concerning it, its own clause 5.2, and adds the impact assessment check to clause 8.
        var aims = await ReadinessAsync(app, organization, "iso42001-2023");
        Assert.Equal([4, 3, 3, 3, 4, 4, 2], aims.Clauses.Select(c => c.Checks.Count));
        Assert.Equal("no issues concerning the AIMS are recorded", Check(aims, "4.1", "Internal").Detail);
        Assert.False(Check(aims, "5.2", "An AI policy").Met);
        Assert.Equal(("no AI systems are recorded", false), (Check(aims, "8.4", "Every AI system").Detail, Check(aims, "8.4", "Every AI system").Met));
        Assert.Equal("no internal audit covering this standard has been completed", Check(aims, "9.2", "An internal audit").Detail);
        await app.AddAiSystemAsync(organization);
        await app.AddAiSystemAsync(organization, "Unassessed agent");
        await app.WithCoreAsync(organization.Id, (_, db) => db.ImpactAssessments.Where(a => a.Title == "Assessment of Unassessed agent")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReassessmentDue, true)));
        var assessed = Check(await ReadinessAsync(app, organization, "iso42001-2023"), "8.4", "Every AI system");
        Assert.Equal(("1 of 2 AI systems have no current impact assessment", false), (assessed.Detail, assessed.Met));
        _ = low;
    }
}
