using Attest.Data;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.InternalAudits;

/// <summary>Programmes, coverage, planning, checklists, results and re-audits, through the use cases.</summary>
public sealed class InternalAuditRuleTests
{
    private static async Task<DateOnly> TodayAsync(AttestDbContext db) => OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db));

    private static async Task<Guid> AuditAsync(IServiceProvider s, Guid? programme, string codes, DateOnly start, string? statement = "No other work here.", Guid? auditor = null)
    {
        var audit = await s.GetRequiredService<SaveInternalAudit>().RunAsync(null, new InternalAuditInput("Audit", start, start.AddDays(2), programme,
            AuditorUserId: auditor, AuditorName: auditor is null ? "Outside Ltd" : null, IndependenceStatement: statement));
        if (codes.Length > 0) await s.GetRequiredService<AddChecklistItems>().RunAsync(audit, new ChecklistAddition("iso27001-2022", codes));
        return audit;
    }

    private static async Task ResultAsync(IServiceProvider s, AttestDbContext db, Guid audit, string code, AuditResult result, FindingGrade? grade = null)
    {
        var item = await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == audit && db.Requirements.Any(r => r.Id == i.RequirementId && r.Code == code)).SingleAsync();
        await s.GetRequiredService<RecordAuditResult>().RunAsync(item.Id, new AuditResultInput(result, $"Notes on {code}.", Grade: grade, Version: item.Version));
    }

    private static async Task<int> VersionAsync(AttestDbContext db, Guid audit) => await db.InternalAudits.AsNoTracking().Where(a => a.Id == audit).Select(a => a.Version).SingleAsync();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Coverage_CountsClausesAndControlsWithAResultInTheCycle_AndListsTheOthersByClauseAndTheme(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await TodayAsync(db);
            var programme = await s.GetRequiredService<SaveAuditProgramme>().RunAsync(null, new AuditProgrammeInput("Programme", today.AddDays(-10), today.AddYears(2), 4, "iso27001-2022"));
            // In the cycle: 4.1 conforming and A.5.1 an observation count; A.5.2 not audited and A.8.1 not assessed do not.
            var inCycle = await AuditAsync(s, programme, "4.1, A.5.1, A.5.2, A.8.1", today.AddDays(-5));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(inCycle, today.AddDays(-5), 1);
            await ResultAsync(s, db, inCycle, "4.1", AuditResult.Conforming);
            await ResultAsync(s, db, inCycle, "A.5.1", AuditResult.Observation);
            await ResultAsync(s, db, inCycle, "A.5.2", AuditResult.NotAudited);
            // Started before the cycle: 4.2 does not count; nor does 4.3 of an audit of no programme.
            var before = await AuditAsync(s, programme, "4.2", today.AddDays(-20));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(before, today.AddDays(-20), 1);
            await ResultAsync(s, db, before, "4.2", AuditResult.Conforming);
            var other = await AuditAsync(s, null, "4.3", today.AddDays(-5));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(other, today.AddDays(-5), 1);
            await ResultAsync(s, db, other, "4.3", AuditResult.Conforming);

            var coverage = (await AuditProgrammeCoverage.ForAsync(db, programme)).Single();
            var clauses = await db.Requirements.CountAsync(r => r.Assessable && !r.Withdrawn && r.Kind == Attest.Frameworks.RequirementKind.Clause && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == "iso27001-2022"));
            Assert.Equal(("iso27001-2022", clauses, 1, 93, 1), (coverage.Key, coverage.Clauses, coverage.ClausesCovered, coverage.Controls, coverage.ControlsCovered));
            Assert.Equal(clauses + 93 - 2, coverage.Uncovered.Count);
            Assert.Equal((int)Math.Floor(200.0 / (clauses + 93)), coverage.Percent);
            Assert.DoesNotContain(coverage.Uncovered, u => u.Code is "4.1" or "A.5.1");
            var byGroup = coverage.Uncovered.GroupBy(u => u.Group).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(["4.2", "4.3", "4.4"], byGroup["4"].Select(u => u.Code));
            Assert.Equal(("Organizational controls", 36, "A.5.2"), (byGroup["A.5"][0].GroupTitle, byGroup["A.5"].Count, byGroup["A.5"][0].Code));
            Assert.Equal(34, byGroup["A.8"].Count);
            Assert.True(byGroup["4"].All(u => u.IsClause) && byGroup["A.8"].All(u => !u.IsClause));
        });
    }

    [Fact]
    public async Task PlanningTheCycle_AddsOneAuditPerQuarterNamedForIt_AndAddsNothingTheSecondTime()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var programme = await s.GetRequiredService<SaveAuditProgramme>().RunAsync(null, new AuditProgrammeInput("2026–2028", new DateOnly(2026, 7, 1), new DateOnly(2028, 12, 31), 4,
                "iso27001-2022", OwnerId: organization[OrganizationRole.Manager].UserId));
            // A quarter that already has an audit keeps it.
            await AuditAsync(s, programme, "", new DateOnly(2027, 2, 10));
            Assert.Equal(9, await s.GetRequiredService<PlanAuditCycle>().RunAsync(programme));
            Assert.Equal(0, await s.GetRequiredService<PlanAuditCycle>().RunAsync(programme));
            var audits = await db.InternalAudits.AsNoTracking().Where(a => a.ProgrammeId == programme).OrderBy(a => a.PlannedStart).ToListAsync();
            Assert.Equal(10, audits.Count);
            Assert.Equal(("Q3 2026 internal audit", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "IA-002"), (audits[0].Title, audits[0].PlannedStart, audits[0].PlannedEnd, audits[0].Reference));
            Assert.Equal(("Audit", "Q2 2027 internal audit", "Q4 2028 internal audit"), (audits[2].Title, audits[3].Title, audits[9].Title));
            Assert.All(audits.Skip(3), a => Assert.Equal((InternalAuditStatus.Planned, (Guid?)organization[OrganizationRole.Manager].UserId), (a.Status, a.OwnerId)));
            Assert.Equal(["H2 2026", "H1 2027"], AuditPeriods.Of(new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1), 2).Select(p => p.Name));
        });
    }

    [Fact]
    public async Task TheChecklist_TakesCodesClausesAndThemes_NamesUnknownCodes_AndAnAuditCompletesOnlyWithEveryResultAndAConclusion()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await TodayAsync(db);
            var add = s.GetRequiredService<AddChecklistItems>();
            var audit = await AuditAsync(s, null, "A.5.15, A.8.2", today);
            Assert.Equal(2, await add.RunAsync(audit, new ChecklistAddition("iso27001-2022", "9.2 A.8.2")));
            var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => add.RunAsync(audit, new ChecklistAddition("iso27001-2022", "A.5.15, A.9.9, Z")));
            Assert.Equal("A.9.9 (iso27001-2022), Z (iso27001-2022) are not requirements here.", unknown.Errors["Codes"].Single());
            Assert.Equal("name the framework of A.5.1 (e.g. iso27001-2022).", (await Assert.ThrowsAsync<ValidationFailedException>(() =>
                add.RunAsync(audit, new ChecklistAddition(null, "A.5.1")))).Errors["FrameworkKey"].Single());
            var codes = await db.AuditChecklistItems.Where(i => i.AuditId == audit).OrderBy(i => i.Position).Join(db.Requirements, i => i.RequirementId, r => r.Id, (i, r) => r.Code).ToListAsync();
            Assert.Equal(["A.5.15", "A.8.2", "9.2.1", "9.2.2"], codes);
            Assert.Equal(37, await add.RunAsync(await AuditAsync(s, null, "", today), new ChecklistAddition("iso27001-2022", "A.5")));

            // Results only while in progress; completing needs every result and a conclusion.
            var first = await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == audit).OrderBy(i => i.Position).FirstAsync();
            Assert.Equal("results are recorded while the audit is in progress: start it first.", (await Assert.ThrowsAsync<ValidationFailedException>(() =>
                s.GetRequiredService<RecordAuditResult>().RunAsync(first.Id, new AuditResultInput(AuditResult.Conforming, Version: first.Version)))).Errors["Result"].Single());
            await s.GetRequiredService<StartInternalAudit>().RunAsync(audit, null, 1);
            foreach (var code in new[] { "A.5.15", "A.8.2", "9.2.1" }) await ResultAsync(s, db, audit, code, AuditResult.Conforming);
            var complete = s.GetRequiredService<CompleteInternalAudit>();
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => complete.RunAsync(audit, null, null, 2));
            Assert.Equal(("1 checklist item has no result yet.", "is required to complete the audit."), (refused.Errors["Checklist"].Single(), refused.Errors["Conclusion"].Single()));
            await ResultAsync(s, db, audit, "9.2.2", AuditResult.NotAudited);
            await complete.RunAsync(audit, "Conforms.", null, await VersionAsync(db, audit));
            var done = await db.InternalAudits.AsNoTracking().SingleAsync(a => a.Id == audit);
            Assert.Equal((InternalAuditStatus.Completed, (DateOnly?)today, "Conforms."), (done.Status, done.CompletedOn, done.Conclusion));
            Assert.Equal("the checklist of a completed audit does not change.", (await Assert.ThrowsAsync<ValidationFailedException>(() =>
                add.RunAsync(audit, new ChecklistAddition("iso27001-2022", "A.5.1")))).Errors["Status"].Single());
            Assert.Equal(today, await InternalAuditQueries.LatestCompletedOnAsync(db));
            var completed = (await InternalAuditQueries.CompletedBetweenAsync(db, today.AddDays(-1), today)).Single();
            Assert.Equal((4, 3, 1, 0), (completed.Items, completed.Conforming, completed.NotAudited, completed.NonconformityReferences.Count));
            Assert.Empty(await InternalAuditQueries.CompletedBetweenAsync(db, today.AddDays(-9), today.AddDays(-1)));
        });
    }

    [Fact]
    public async Task Starting_RequiresAnIndependenceStatement_AndTheAuditPageWarnsWhenTheAuditorOwnsAControlOnTheChecklist()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var contributor = organization[OrganizationRole.Contributor].UserId;
        await app.AddControlAsync(organization, "Access reviews", "A.5.18", ownerId: contributor);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await TodayAsync(db);
            var audit = await AuditAsync(s, null, "A.5.18", today, statement: null, auditor: contributor);
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => s.GetRequiredService<StartInternalAudit>().RunAsync(audit, null, 1));
            Assert.Equal("is required before the audit starts: state how the auditor is independent of what is audited.", refused.Errors["IndependenceStatement"].Single());
            Assert.Equal(InternalAuditStatus.Planned, (await InternalAuditRegister.DetailAsync(db, audit)).Status);
            Assert.Equal("cannot be in the future.", (await Assert.ThrowsAsync<ValidationFailedException>(() =>
                s.GetRequiredService<StartInternalAudit>().RunAsync(audit, today.AddDays(1), 1))).Errors["StartedOn"].Single());

            var detail = await InternalAuditRegister.DetailAsync(db, audit);
            await s.GetRequiredService<SaveInternalAudit>().RunAsync(audit, new InternalAuditInput("Audit", today, today.AddDays(2), AuditorUserId: contributor,
                IndependenceStatement: "Audits the access process, which the CTO does not run.", OwnerId: contributor, Version: detail.Version));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(audit, null, detail.Version + 1);
            detail = await InternalAuditRegister.DetailAsync(db, audit);
            Assert.Equal((InternalAuditStatus.InProgress, (DateOnly?)today), (detail.Status, detail.StartedOn));
            var control = await db.Controls.Where(c => c.OwnerId == contributor).Select(c => c.Reference).SingleAsync();
            Assert.Equal([$"The auditor owns {control}, which meets requirements on this checklist.", "The auditor also owns this audit."], detail.IndependenceWarnings);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANonconformityResult_RaisesAFindingFromTheAudit_ListedInTheRegister_AndTheNextAuditReauditsIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Contributor].UserId;
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await TodayAsync(db);
            var programme = await s.GetRequiredService<SaveAuditProgramme>().RunAsync(null, new AuditProgrammeInput("Programme", today.AddMonths(-6), today.AddYears(2), 4, "iso27001-2022"));
            var audit = await AuditAsync(s, programme, "A.5.18, A.8.2, A.5.9", today.AddDays(-2));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(audit, null, 1);
            var item = await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == audit).OrderBy(i => i.Position).FirstAsync();
            await s.GetRequiredService<RecordAuditResult>().RunAsync(item.Id, new AuditResultInput(AuditResult.Nonconformity, "Two reviews late.", Grade: FindingGrade.Minor,
                FindingTitle: "Access reviews late", FindingOwnerId: owner, Version: item.Version));
            // An observation is tracked in the register only when asked; an opportunity is.
            await ResultAsync(s, db, audit, "A.8.2", AuditResult.Observation);
            var ofi = await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == audit).OrderBy(i => i.Position).Skip(2).FirstAsync();
            await s.GetRequiredService<RecordAuditResult>().RunAsync(ofi.Id, new AuditResultInput(AuditResult.OpportunityForImprovement, "Automate.", RaiseFinding: true, Version: ofi.Version));

            var page = await NonconformityRegister.PageAsync(db, new NonconformityFilter(Source: NonconformitySource.InternalAudit), 1, 50);
            Assert.Equal(2, page.Rows.Count);
            var nc = page.Rows.Single(r => r.Grade == FindingGrade.Minor);
            Assert.Equal(("Access reviews late", "IA-001", "Audit", "A.5.18", (Guid?)owner, (DateOnly?)today.AddDays(90), audit),
                (nc.Title, nc.SourceReference, nc.SourceTitle, nc.RequirementCode, nc.OwnerId, nc.DueOn, nc.SourceId!.Value));
            Assert.Equal(FindingGrade.Opportunity, page.Rows.Single(r => r.Id != nc.Id).Grade);
            Assert.Equal("IA-001 Audit", await NonconformitySources.LabelAsync(db, NonconformitySource.InternalAudit, audit, default));
            Assert.Equal($"/internal-audits/{audit}", NonconformitySources.Path(NonconformitySource.InternalAudit, audit));
            var detail = await InternalAuditRegister.DetailAsync(db, audit);
            var found = detail.Items.Single(i => i.Code == "A.5.18");
            Assert.Equal(("NC-001", FindingGrade.Minor), (found.NonconformityReference, found.NonconformityGrade!.Value));
            Assert.Equal(2, detail.Findings.Count);
            // The same audit does not re-audit its own finding; the next audit of the programme does, as soon as it is created.
            Assert.Empty(detail.Reaudits);
            var next = await s.GetRequiredService<SaveInternalAudit>().RunAsync(null, new InternalAuditInput("Next", today.AddDays(30), today.AddDays(32), programme));
            var reaudit = (await InternalAuditRegister.DetailAsync(db, next)).Reaudits.Single();
            Assert.Equal(("A.5.18", "Re-audit of NC-001: Access reviews late", "NC-001", AuditResult.NotAssessed), (reaudit.Code, reaudit.Question, reaudit.ReauditOfReference, reaudit.Result));
            // Taken up once: a third audit does not get it, unless the re-audit ends "not audited".
            var third = await s.GetRequiredService<SaveInternalAudit>().RunAsync(null, new InternalAuditInput("Third", today.AddDays(60), today.AddDays(62), programme));
            Assert.Equal(1, await s.GetRequiredService<AddChecklistItems>().RunAsync(third, new ChecklistAddition("iso27001-2022", "A.5.18")));
            var thirdItem = (await InternalAuditRegister.DetailAsync(db, third)).Items.Single();
            Assert.False(thirdItem.IsReaudit);
            Assert.Equal(next, (await InternalAuditRegister.ReauditsOfAsync(db, nc.Id)).Single().AuditId);
        });
    }
}
