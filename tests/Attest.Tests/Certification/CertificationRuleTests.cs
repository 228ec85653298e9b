using Attest.Certification;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Certification;

/// <summary>The rules of programmes, milestones, external audits, findings and certificates (SQLite: they do not depend on SQL).</summary>
public sealed class CertificationRuleTests
{
    [Fact]
    public async Task CreatingAProgramme_AddsTheTwelveStandardMilestones_AndChecksNameFrameworkAndTarget()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveProgramme>();
            var scope = new DateOnly(2026, 1, 15);
            var id = await save.RunAsync(null, new ProgrammeInput("ISMS certification", "ISO/IEC 27001:2022", "iso27001-2022", scope, CertificationBody: "Example Certification Ltd"));
            var programme = await db.CertificationProgrammes.SingleAsync(p => p.Id == id);
            Assert.Equal(new DateOnly(2026, 7, 15), programme.TargetOn);
            var milestones = await db.Milestones.Where(m => m.ProgrammeId == id).OrderBy(m => m.SortOrder).ToListAsync();
            Assert.Equal(Enum.GetValues<MilestoneKind>().Where(k => k != MilestoneKind.Other), milestones.Select(m => m.Kind));
            Assert.Equal(Enumerable.Range(1, 12), milestones.Select(m => m.SortOrder));
            Assert.All(milestones, m => Assert.Equal(MilestoneStatus.NotStarted, m.Status));
            // The steps to the certificate are planned in order between the scope and the target; the cycle follows one, two and three years on.
            var before = milestones.Take(8).Select(m => m.PlannedOn!.Value).ToList();
            Assert.Equal(before.Order(), before);
            Assert.All(before, d => Assert.InRange(d, scope.AddDays(1), programme.TargetOn.AddDays(-1)));
            Assert.Equal([programme.TargetOn, new DateOnly(2027, 7, 15), new DateOnly(2028, 7, 15), new DateOnly(2029, 7, 15)], milestones.Skip(8).Select(m => m.PlannedOn!.Value));

            var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ProgrammeInput("ISMS certification", "", "iso9001", null)));
            Assert.Equal(["another programme is already called 'ISMS certification'."], invalid.Errors["Name"]);
            Assert.Equal(["is required."], invalid.Errors["Standard"]);
            Assert.Equal(["must be one of iso27001-2022, iso42001-2023, none."], invalid.Errors["FrameworkKey"]);
            Assert.Equal(["is required when the scope's establishment date is not given."], invalid.Errors["TargetOn"]);
            var early = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ProgrammeInput("Other", "SOC 2", "none", scope, scope.AddDays(-1))));
            Assert.Equal(["cannot be before the scope was established."], early.Errors["TargetOn"]);
            // A standard without a readiness framework, with an explicit target; an edit keeps the milestones.
            var other = await save.RunAsync(null, new ProgrammeInput("SOC 2", "SOC 2 Type II", null, null, new DateOnly(2026, 12, 31)));
            Assert.Null(await db.CertificationProgrammes.Where(p => p.Id == other).Select(p => p.FrameworkId).SingleAsync());
            await save.RunAsync(id, new ProgrammeInput("ISMS certification", "ISO/IEC 27001:2022", "iso27001-2022", scope, new DateOnly(2026, 8, 31), Version: 1));
            Assert.Equal(12, await db.Milestones.CountAsync(m => m.ProgrammeId == id));
            await Assert.ThrowsAsync<EditConflictException>(() => save.RunAsync(id, new ProgrammeInput("ISMS certification", "ISO/IEC 27001:2022", Version: 1, TargetOn: scope)));
        });
    }

    [Fact]
    public async Task Milestones_AreDoneOnADayNotInTheFuture_CarryNoDoneDateOtherwise_AndCanBeAddedReorderedAndRemoved()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await CertificationQueries.TodayAsync(db);
            var programme = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-2)));
            var save = s.GetRequiredService<SaveMilestone>();
            var gap = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == programme && m.Kind == MilestoneKind.GapAssessment);

            var future = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(programme, gap.Id, new MilestoneInput(gap.Title, gap.Kind, gap.PlannedOn, MilestoneStatus.Done, today.AddDays(1), Version: 1)));
            Assert.Equal(["cannot be in the future."], future.Errors["DoneOn"]);
            var notDone = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(programme, gap.Id, new MilestoneInput("", gap.Kind, null, MilestoneStatus.InProgress, today, Version: 1)));
            Assert.Equal(["is set only when the milestone is done."], notDone.Errors["DoneOn"]);
            Assert.Equal(["is required."], notDone.Errors["Title"]);

            await save.RunAsync(programme, gap.Id, new MilestoneInput(gap.Title, gap.Kind, gap.PlannedOn, MilestoneStatus.Done, Version: 1));
            Assert.Equal(today, await db.Milestones.Where(m => m.Id == gap.Id).Select(m => m.DoneOn).SingleAsync());
            await save.RunAsync(programme, gap.Id, new MilestoneInput(gap.Title, gap.Kind, gap.PlannedOn, MilestoneStatus.InProgress, Version: 2));
            Assert.Null(await db.Milestones.Where(m => m.Id == gap.Id).Select(m => m.DoneOn).SingleAsync());

            var extra = await save.RunAsync(programme, null, new MilestoneInput("Pre-assessment visit", PlannedOn: today.AddDays(20)));
            Assert.Equal(13, await db.Milestones.Where(m => m.Id == extra).Select(m => m.SortOrder).SingleAsync());
            await s.GetRequiredService<MoveMilestone>().RunAsync(extra, earlier: true);
            db.ChangeTracker.Clear();
            var order = await db.Milestones.Where(m => m.ProgrammeId == programme).OrderBy(m => m.SortOrder).Select(m => m.Title).ToListAsync();
            Assert.Equal(["Pre-assessment visit", "Recertification"], order.TakeLast(2));
            await s.GetRequiredService<RemoveMilestone>().RunAsync(extra, 2);
            Assert.Equal(12, await db.Milestones.CountAsync(m => m.ProgrammeId == programme));
            await Assert.ThrowsAsync<RecordNotFoundException>(() => save.RunAsync(Guid.NewGuid(), null, new MilestoneInput("Lost")));
        });
    }

    [Fact]
    public async Task ExternalAudits_CheckDatesAndConclusion_BookingPlansTheMilestone_AndCompletingStage1MarksItDoneOnItsLastDay()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await CertificationQueries.TodayAsync(db);
            var programme = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-5),
                CertificationBody: "Example Certification Ltd"));
            var save = s.GetRequiredService<SaveExternalAudit>();

            var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(programme, null,
                new ExternalAuditInput(ExternalAuditKind.Stage1, today, today.AddDays(-1), ExternalAuditStatus.Planned, AuditConclusion.Positive)));
            Assert.Equal(["cannot be before the first day of the audit."], invalid.Errors["EndOn"]);
            Assert.Equal(["is recorded only when the audit is completed."], invalid.Errors["Conclusion"]);
            var early = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(programme, null,
                new ExternalAuditInput(ExternalAuditKind.Stage1, today, today.AddDays(1), ExternalAuditStatus.Completed)));
            Assert.Equal(["an audit cannot be completed before its last day."], early.Errors["Status"]);

            // Booked: EA-001, the programme's body, and the stage 1 milestone planned on its first day.
            var audit = await save.RunAsync(programme, null, new ExternalAuditInput(ExternalAuditKind.Stage1, today.AddDays(-3), today.AddDays(-2), LeadAuditor: "A. Auditor"));
            var booked = await db.ExternalAudits.AsNoTracking().SingleAsync(a => a.Id == audit);
            Assert.Equal(("EA-001", "Example Certification Ltd"), (booked.Reference, booked.CertificationBody));
            var stage1 = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == programme && m.Kind == MilestoneKind.Stage1Audit);
            Assert.Equal((today.AddDays(-3), MilestoneStatus.NotStarted), (stage1.PlannedOn!.Value, stage1.Status));

            await save.RunAsync(programme, audit, new ExternalAuditInput(ExternalAuditKind.Stage1, today.AddDays(-3), today.AddDays(-2), ExternalAuditStatus.Completed,
                AuditConclusion.Positive, LeadAuditor: "A. Auditor", Version: 1));
            stage1 = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == stage1.Id);
            Assert.Equal((MilestoneStatus.Done, today.AddDays(-2)), (stage1.Status, stage1.DoneOn));
            var stage2 = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == programme && m.Kind == MilestoneKind.Stage2Audit);
            Assert.Equal(MilestoneStatus.NotStarted, stage2.Status);
            // A surveillance audit completes the first surveillance milestone still open.
            await save.RunAsync(programme, null, new ExternalAuditInput(ExternalAuditKind.Surveillance, today, today, ExternalAuditStatus.Completed));
            Assert.Equal([MilestoneStatus.Done, MilestoneStatus.NotStarted], await db.Milestones.Where(m => m.ProgrammeId == programme &&
                (m.Kind == MilestoneKind.SurveillanceAudit1 || m.Kind == MilestoneKind.SurveillanceAudit2)).OrderBy(m => m.Kind).Select(m => m.Status).ToListAsync());
            Assert.Equal("EA-002", await db.ExternalAudits.OrderByDescending(a => a.Reference).Select(a => a.Reference).FirstAsync());
        });
    }

    [Fact]
    public async Task Findings_RaiseNonconformitiesFromTheAudit_MinorsDueIn90Days_MajorsIn30_AgainstTheProgrammesFramework()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await CertificationQueries.TodayAsync(db);
            var programme = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-5)));
            var audit = await s.GetRequiredService<SaveExternalAudit>().RunAsync(programme, null, new ExternalAuditInput(ExternalAuditKind.Stage1, today.AddDays(-6), today.AddDays(-5),
                ExternalAuditStatus.Completed, AuditConclusion.Conditional, LeadAuditor: "Dana Reyes"));
            var record = s.GetRequiredService<RecordAuditFinding>();

            var minor = await record.RunAsync(audit, new AuditFindingInput("Internal audit programme not approved", FindingGrade.Minor, Requirement: "9.2", AuditorReference: "Minor NC 1"));
            var nc = await db.Nonconformities.AsNoTracking().SingleAsync(n => n.Id == minor);
            Assert.Equal(("NC-001", NonconformitySource.ExternalAudit, audit, FindingGrade.Minor), (nc.Reference, nc.Source, nc.SourceId, nc.Grade));
            Assert.Equal((today.AddDays(-5), today.AddDays(85), "Dana Reyes", "Minor NC 1"), (nc.RaisedOn, nc.DueOn!.Value, nc.RaisedBy, nc.ExternalReference));
            Assert.Equal("9.2", await db.Requirements.Where(r => r.Id == nc.RequirementId).Select(r => r.Code).SingleAsync());

            var major = await record.RunAsync(audit, new AuditFindingInput("No risk treatment plan", FindingGrade.Major));
            Assert.Equal(today.AddDays(25), await db.Nonconformities.Where(n => n.Id == major).Select(n => n.DueOn).SingleAsync());
            var observation = await record.RunAsync(audit, new AuditFindingInput("Consider automating access reviews", FindingGrade.Observation));
            Assert.Null(await db.Nonconformities.Where(n => n.Id == observation).Select(n => n.DueOn).SingleAsync());

            var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => record.RunAsync(audit, new AuditFindingInput("Bad clause", FindingGrade.Minor, Requirement: "Z.99")));
            Assert.Equal(["'Z.99' is not a requirement of the programme's framework."], unknown.Errors["Requirement"]);
            var untitled = await Assert.ThrowsAsync<ValidationFailedException>(() => record.RunAsync(audit, new AuditFindingInput(" ", FindingGrade.Minor)));
            Assert.Equal(["is required."], untitled.Errors["Title"]);
            await Assert.ThrowsAsync<RecordNotFoundException>(() => record.RunAsync(Guid.NewGuid(), new AuditFindingInput("Lost", FindingGrade.Minor)));

            // The programme counts its open majors and minors; a closed one no longer counts.
            var status = (await CertificationQueries.StatusesAsync(db)).Single();
            Assert.Equal((1, 1), (status.OpenMajor, status.OpenMinor));
            var detail = await CertificationQueries.DetailAsync(db, programme);
            Assert.Equal((1, 1, 1, 0), (detail.Audits[0].Majors, detail.Audits[0].Minors, detail.Audits[0].Observations, detail.Audits[0].Opportunities));
            await db.Nonconformities.Where(n => n.Id == major).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NonconformityStatus.Closed));
            Assert.Equal((0, 1), ((await CertificationQueries.StatusesAsync(db)).Single().OpenMajor, (await CertificationQueries.StatusesAsync(db)).Single().OpenMinor));
        });
    }

    [Fact]
    public async Task Certificates_CheckTheirDates_MarkTheCertificateIssued_AndOnlyACurrentOneCertifies()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await CertificationQueries.TodayAsync(db);
            var programme = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-6),
                CertificationBody: "Example Certification Ltd", OwnerId: organization[OrganizationRole.Manager].UserId));
            var save = s.GetRequiredService<SaveCertificate>();
            var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(programme, null, new CertificateInput("", today.AddDays(1), today)));
            Assert.Equal(["is required."], invalid.Errors["Number"]);
            Assert.Equal(["cannot be in the future."], invalid.Errors["IssuedOn"]);
            Assert.Equal(["cannot be before the issue date."], invalid.Errors["ExpiresOn"]);

            var certificate = await save.RunAsync(programme, null, new CertificateInput("IS 123456", today.AddDays(-2), today.AddYears(3).AddDays(-3), AccreditationBody: "UKAS"));
            var issued = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == programme && m.Kind == MilestoneKind.CertificateIssued);
            Assert.Equal((MilestoneStatus.Done, today.AddDays(-2)), (issued.Status, issued.DoneOn));
            Assert.Equal("Example Certification Ltd", await db.Certificates.Where(c => c.Id == certificate).Select(c => c.CertificationBody).SingleAsync());
            var status = (await CertificationQueries.StatusesAsync(db)).Single();
            Assert.Equal((ProgrammeState.Certified, "IS 123456"), (status.State, status.Certificate!.Number));

            // The state follows the certificate: its last day still counts, the day after does not; suspended and withdrawn never certify.
            var record = await db.CertificationProgrammes.AsNoTracking().SingleAsync(p => p.Id == programme);
            CertificateRow Row(DateOnly expires, CertificateStatus state) => new(Guid.NewGuid(), programme, "IS 1", "", "", "", today.AddYears(-3), expires, state, 1);
            ProgrammeState StateOf(params CertificateRow[] rows) => CertificationQueries.Evaluate(record, null, null, [], rows, today, null, 0, 0).State;
            Assert.Equal(ProgrammeState.Certified, StateOf(Row(today, CertificateStatus.Issued)));
            Assert.Equal(ProgrammeState.CertificateExpired, StateOf(Row(today.AddDays(-1), CertificateStatus.Issued)));
            Assert.Equal(ProgrammeState.CertificateSuspended, StateOf(Row(today.AddDays(30), CertificateStatus.Suspended)));
            Assert.Equal(ProgrammeState.CertificateWithdrawn, StateOf(Row(today.AddDays(30), CertificateStatus.Withdrawn)));
            Assert.Equal(ProgrammeState.InProgress, StateOf());
            record.Archived = true;
            Assert.Equal(ProgrammeState.Archived, StateOf(Row(today, CertificateStatus.Issued)));
        });
    }
}
