using Attest.Demo;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Tests.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.InternalAudits;

[Collection(LoadedDemo.Collection)]
public sealed class DemoInternalAuditTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasAQuarterlyProgramme_LastQuartersAuditCompletedWithThreeFindings_AndThisQuartersInProgressReauditingTheMinor(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (programme, last, current, today) = await app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var row = (await InternalAuditRegister.ProgrammesAsync(db)).Single();
            var detail = await InternalAuditRegister.ProgrammeAsync(db, row.Id);
            return (detail, await InternalAuditRegister.DetailAsync(db, detail.Audits[0].Id), await InternalAuditRegister.DetailAsync(db, detail.Audits[1].Id),
                OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db)));
        });
        var p = programme.Programme;
        Assert.Equal((DemoInternalAudits.ProgrammeName(p.CycleStart, p.CycleEnd), 4, 12, 31), (p.Name, p.AuditsPerYear, p.CycleEnd.Month, p.CycleEnd.Day));
        Assert.Equal(["iso27001-2022", "iso42001-2023"], programme.FrameworkKeys);
        Assert.Equal(AuditPeriods.Of(p.CycleStart, p.CycleEnd, 4).Count, programme.Audits.Count);
        Assert.Equal([InternalAuditStatus.Completed, InternalAuditStatus.InProgress], programme.Audits.Take(2).Select(a => a.Status));
        Assert.All(programme.Audits.Skip(2), a => Assert.Equal(InternalAuditStatus.Planned, a.Status));

        Assert.Equal(DemoInternalAudits.Consultant, last.AuditorName);
        Assert.Null(last.AuditorUserId);
        Assert.NotEmpty(last.IndependenceStatement);
        Assert.True(last.CompletedOn < today);
        // Clauses 4–6 (twelve) and twelve controls; one that an earlier finding is about is its re-audit instead.
        Assert.InRange(last.Requirements.Count, 23, 24);
        Assert.Equal((1, 1, 1, last.Requirements.Count - 3), (last.Requirements.Count(i => i.Result == AuditResult.Nonconformity), last.Requirements.Count(i => i.Result == AuditResult.Observation),
            last.Requirements.Count(i => i.Result == AuditResult.OpportunityForImprovement), last.Requirements.Count(i => i.Result == AuditResult.Conforming)));
        Assert.Equal([FindingGrade.Minor, FindingGrade.Observation, FindingGrade.Opportunity], last.Findings.Select(f => f.Grade).OrderBy(g => g));
        var minor = last.Findings.Single(f => f.Grade == FindingGrade.Minor);
        Assert.Equal((DemoInternalAudits.MinorFinding, "A.8.2"), (minor.Title, minor.RequirementCode));
        Assert.NotEmpty(last.Reaudits);
        Assert.DoesNotContain(last.Items, i => i.Result == AuditResult.NotAssessed);

        Assert.Equal((InternalAuditStatus.InProgress, DemoInternalAudits.Consultant), (current.Status, current.AuditorName));
        Assert.Equal(5, current.Items.Count(i => i.Result != AuditResult.NotAssessed));
        var reaudit = current.Reaudits.Single(i => i.ReauditOfNonconformityId == minor.Id);
        Assert.Equal(("A.8.2", AuditResult.NotAssessed), (reaudit.Code, reaudit.Result));
        var covered = programme.Coverage.Single(c => c.Key == "iso27001-2022");
        Assert.True(covered.Covered >= 25 && covered.Uncovered.Count == covered.Total - covered.Covered);

        // The findings are in the register with the audit as their source; the shared queries see the completed audit.
        var (sourced, completed, latest) = await app.WithCoreAsync(organizationId, async (_, db) => (
            await NonconformityRegister.PageAsync(db, new NonconformityFilter(Source: NonconformitySource.InternalAudit), 1, 50),
            await InternalAuditQueries.CompletedBetweenAsync(db, p.CycleStart, today), await InternalAuditQueries.LatestCompletedOnAsync(db)));
        Assert.Equal(3, sourced.Rows.Count);
        Assert.All(sourced.Rows, r => Assert.Equal(last.Reference, r.SourceReference));
        Assert.Equal((last.Reference, 3, last.CompletedOn), (completed.Single().Reference, completed.Single().NonconformityReferences.Count, latest));

        // Loading again adds nothing.
        async Task<(int, int)> Counts() => await app.WithCoreAsync(organizationId, async (_, db) => (await db.InternalAudits.CountAsync(), await db.AuditChecklistItems.CountAsync()));
        var before = await Counts();
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(before, await Counts());
    }
}
