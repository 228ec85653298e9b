using Attest.Audit;
using Attest.Demo;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoRisksTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoRegister_HoldsAbout40Risks_InEveryState_WithAcceptancesAndTwoAnnualAssessments(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var people = await LoadedDemo.LoginsAsync(app);
        // Whether or not the organization loader already ran it, running it again leaves one register.
        await app.WithCoreAsync(organizationId, (s, _) => ActivatorUtilities.CreateInstance<DemoRisks>(s).RunAsync(people));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var risks = await app.WithCoreAsync(organizationId, (_, db) => db.Risks.AsNoTracking().OrderBy(r => r.Reference).ToListAsync());
        var methodologies = await app.WithCoreAsync(organizationId, (_, db) => db.RiskMethodologies.AsNoTracking().ToListAsync());
        var assetLinks = await app.WithCoreAsync(organizationId, (_, db) => db.RiskAssets.AsNoTracking().ToListAsync());
        var controlLinks = await app.WithCoreAsync(organizationId, (_, db) => db.RiskControls.AsNoTracking().ToListAsync());
        var tasks = await app.WithCoreAsync(organizationId, (_, db) => db.RiskTasks.AsNoTracking().ToListAsync());
        var acceptances = await app.WithCoreAsync(organizationId, (_, db) => db.RiskAcceptances.AsNoTracking().ToListAsync());
        var assessments = await app.WithCoreAsync(organizationId, (_, db) => db.RiskAssessments.AsNoTracking().OrderBy(a => a.Title).ToListAsync());
        var comparison = await app.WithCoreAsync(organizationId, (_, db) => RiskSnapshots.CompareWithPreviousAsync(db, assessments.Single(a => a.Title == DemoRisks.Assessment2026)));
        var register = await app.WithCoreAsync(organizationId, (_, db) => RiskQueries.PageAsync(db, new RiskFilter(AcceptanceStale: true), 1, 50));
        var verification = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<VerifyAuditTrail>().RunAsync());

        // The ready-made 5 × 5 methodology, one version, and every risk rated under it.
        var methodology = Assert.Single(methodologies);
        Assert.Equal((1, MethodologyTemplates.Get(MethodologyTemplates.FiveByFive).Name), (methodology.Number, methodology.Name));
        Assert.All(risks, r => Assert.Equal(methodology.Id, r.MethodologyId));

        Assert.InRange(risks.Count, 36, 45);
        Assert.Equal(risks.Count, risks.Select(r => r.Reference).Distinct().Count());
        Assert.All(Enum.GetValues<RiskTreatment>(), t => Assert.Contains(risks, r => r.Treatment == t));
        Assert.All(Enum.GetValues<RiskStatus>(), s => Assert.Contains(risks, r => r.Status == s));
        Assert.Equal(["AI agents", "Cloud infrastructure", "People", "Suppliers"], risks.Select(r => r.Category).Distinct().Order());
        Assert.All(risks, r => Assert.NotNull(r.OwnerId));
        Assert.True(risks.Count(r => r.OwnerId == people[OrganizationRole.Manager]) > risks.Count / 2, "the CISO owns most risks");
        Assert.Contains(risks, r => r.OwnerId == people[OrganizationRole.Contributor]);
        Assert.All(risks, r => Assert.False(string.IsNullOrWhiteSpace(r.Threat) || string.IsNullOrWhiteSpace(r.Vulnerability), r.Reference));
        Assert.All(risks, r => Assert.Contains(assetLinks, l => l.RiskId == r.Id));
        // Identified risks are not rated yet; every other is, with controls already in place.
        Assert.All(risks.Where(r => r.Status == RiskStatus.Identified), r => Assert.Null(r.InherentLevel));
        Assert.All(risks.Where(r => r.Status != RiskStatus.Identified), r => Assert.NotNull(r.InherentLevel));
        Assert.All(risks.Where(r => r.Status != RiskStatus.Identified), r => Assert.Contains(controlLinks, l => l.RiskId == r.Id && l.Role == RiskControlRole.Existing));
        Assert.Contains(controlLinks, l => l.Role == RiskControlRole.Planned);
        Assert.All(risks.Where(r => r.Treatment != RiskTreatment.Undecided), r => Assert.NotNull(r.ResidualLevel));
        Assert.All(risks.Where(r => r.Treatment != RiskTreatment.Undecided), r => Assert.NotEmpty(r.TreatmentPlan));
        Assert.InRange(risks.Count(r => r.NextReviewOn < today && r.Status != RiskStatus.Closed), 2, 6);

        // Treatment tasks: some done, some open, a few overdue.
        Assert.InRange(tasks.Count, 30, 60);
        Assert.Contains(tasks, t => t.CompletedOn is not null);
        Assert.Contains(tasks, t => t.CompletedOn is null && t.DueOn >= today);
        Assert.InRange(tasks.Count(t => t.CompletedOn is null && t.DueOn < today), 2, 4);

        // Three acceptance decisions: the CISO's (Medium) and the CEO's (High) current, the CTO's (Low, as owner) stale since the risk changed.
        Assert.Equal(3, acceptances.Count);
        var stale = Assert.Single(acceptances, a => a.StaleSince is not null);
        Assert.Equal(DemoRisks.StaleAcceptance, risks.Single(r => r.Id == stale.RiskId).Reference);
        Assert.Equal((AcceptanceAuthority.RiskOwner, "Low"), (stale.Authority, stale.LevelName));
        Assert.Contains("residual rating", stale.StaleReason);
        var current = acceptances.Where(a => a.StaleSince is null).ToDictionary(a => risks.Single(r => r.Id == a.RiskId).Reference);
        Assert.Equal((AcceptanceAuthority.Ciso, "Medium"), (current[DemoRisks.AcceptedByCiso].Authority, current[DemoRisks.AcceptedByCiso].LevelName));
        Assert.Equal((AcceptanceAuthority.Executive, "High"), (current[DemoRisks.AcceptedByCeo].Authority, current[DemoRisks.AcceptedByCeo].LevelName));
        Assert.StartsWith("Alex Admin", current[DemoRisks.AcceptedByCeo].AcceptedBy);
        Assert.All(acceptances, a => Assert.Equal(RiskStatus.Accepted, risks.Single(r => r.Id == a.RiskId).Status));
        Assert.Equal(DemoRisks.StaleAcceptance, Assert.Single(register.Rows).Reference);

        // The 2025 assessment is completed with the register frozen as it stood; the 2026 one is in progress.
        Assert.Equal([DemoRisks.Assessment2025, DemoRisks.Assessment2026], assessments.Select(a => a.Title));
        var (assessment2025, assessment2026) = (assessments[0], assessments[1]);
        Assert.Equal(RiskAssessmentStatus.Completed, assessment2025.Status);
        Assert.NotNull(assessment2025.CompletedAt);
        Assert.NotEmpty(assessment2025.Conclusion);
        var frozen = RiskSnapshots.Read(assessment2025.Snapshot);
        Assert.InRange(frozen.Count, 30, 38);
        Assert.Equal(RiskAssessmentStatus.InProgress, assessment2026.Status);
        Assert.Empty(assessment2026.Snapshot);

        // Comparing 2026 with 2025: new risks, the two closed, and the changed ones.
        Assert.NotNull(comparison);
        Assert.Equal(DemoRisks.Assessment2025, comparison.EarlierTitle);
        Assert.Equal(risks.Where(r => !frozen.Any(f => f.Reference == r.Reference)).Select(r => r.Reference), comparison.New.Select(r => r.Reference).Order());
        Assert.InRange(comparison.New.Count, 3, 8);
        Assert.Equal(DemoRisks.ClosedSince2025, comparison.Closed.Select(r => r.Reference).Order());
        Assert.Equal(DemoRisks.ChangedSince2025.Order(), comparison.Changed.Select(c => c.Reference).Order());
        Assert.Contains(comparison.Changed.Single(c => c.Reference == DemoRisks.StaleAcceptance).Changes, c => c.Contains("acceptance no longer current"));
        Assert.Contains(comparison.Changed.Single(c => c.Reference == DemoRisks.AcceptedByCeo).Changes, c => c.StartsWith("accepted by Alex Admin"));
        Assert.Equal(frozen.Count - comparison.Closed.Count - comparison.Changed.Count, comparison.Unchanged);

        Assert.All(verification, v => Assert.True(v.IsIntact, v.Problem));
    }
}
