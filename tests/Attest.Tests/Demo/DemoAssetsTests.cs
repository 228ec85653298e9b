using Attest.AiSystems;
using Attest.Assets;
using Attest.Audit;
using Attest.Demo;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoAssetsTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoRegistry_Holds51Agents_MostFullyCovered_WithAssessmentsInEveryState(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var people = await LoadedDemo.LoginsAsync(app);
        // Whether or not the organization loader already ran it, running it (again) leaves one registry.
        await app.WithCoreAsync(organizationId, (s, _) => ActivatorUtilities.CreateInstance<DemoAssets>(s).RunAsync(people));
        await app.WithCoreAsync(organizationId, (s, _) => ActivatorUtilities.CreateInstance<DemoAssets>(s).RunAsync(people));

        var categories = await app.WithCoreAsync(organizationId, async (_, db) =>
            (await db.AiSystems.Select(s => s.ServiceCategory).ToListAsync()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()));
        var coverage = await app.WithCoreAsync(organizationId, (_, db) => AiCoverage.RunAsync(db));
        var assessments = await app.WithCoreAsync(organizationId, (_, db) => ImpactAssessmentQueries.ListAsync(db));
        var figures = await app.WithCoreAsync(organizationId, (_, db) => ImpactAssessmentQueries.FiguresAsync(db));
        var systems = await app.WithCoreAsync(organizationId, (_, db) => db.AiSystems.AsNoTracking().ToListAsync());
        var inventory = await app.WithCoreAsync(organizationId, async (_, db) =>
            (await db.Assets.Select(a => a.Type).ToListAsync()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()));
        var unlinked = await app.WithCoreAsync(organizationId, (_, db) => db.AiSystems.CountAsync(s =>
            !db.AssetDependencies.Any(d => d.FromAssetId == s.AssetId && d.Kind == DependencyKind.Uses && db.Assets.Any(a => a.Id == d.ToAssetId && a.Type == AssetType.AiModel)) ||
            !db.AssetDependencies.Any(d => d.FromAssetId == s.AssetId && d.Kind == DependencyKind.RunsOn) ||
            !db.AssetDependencies.Any(d => d.FromAssetId == s.AssetId && d.Kind == DependencyKind.Processes)));
        var frozen = await app.WithCoreAsync(organizationId, (_, db) => ImpactAssessmentQueries.VersionAsync(db, assessments.Single(a => a.Reference == "AIA-001").Id, "1.0"));
        var verification = await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<VerifyAuditTrail>().RunAsync());

        Assert.Equal(51, systems.Count);
        Assert.Equal(new Dictionary<ServiceCategory, int>
        {
            [ServiceCategory.Legal] = 12, [ServiceCategory.Financial] = 10, [ServiceCategory.Healthcare] = 8,
            [ServiceCategory.Engineering] = 9, [ServiceCategory.Marketing] = 7, [ServiceCategory.Design] = 5,
        }, categories);
        Assert.Equal(0, unlinked);
        Assert.Equal(51, inventory[AssetType.AiSystem]);
        Assert.All(Enum.GetValues<AssetType>(), type => Assert.True(inventory.GetValueOrDefault(type) > 0, $"no {type} asset"));
        Assert.InRange(inventory.Where(i => i.Key is not (AssetType.AiSystem or AssetType.AiModel or AssetType.Dataset)).Sum(i => i.Value), 25, 35);

        // Coverage: 47 of 51 by design — three agents lack the logging control, one in validation lacks client documentation.
        Assert.Equal(51, coverage.Systems);
        Assert.Equal(0, coverage.WithoutClass);
        Assert.Equal(47, coverage.FullyCovered);
        var gaps = coverage.Rows.Where(r => !r.FullyCovered).ToList();
        Assert.Equal(DemoAssets.WithoutLogging.Append(DemoAssets.WithoutClientInformation).Order(), gaps.Select(r => r.Name).Order());
        Assert.All(gaps.Where(r => DemoAssets.WithoutLogging.Contains(r.Name)), r => Assert.Equal(["A.6.2.8", "A.8.15"], r.Gaps.Select(g => g.Code).Order()));

        Assert.Equal(30, systems.Count(s => s.DisclaimerRequired));
        Assert.Equal(DemoAssets.MissingDisclaimer.Length, systems.Count(s => s.DisclaimerRequired && !s.DisclaimerImplemented));
        Assert.Equal(3, systems.Count(s => s.EuAiActCategory == EuAiActCategory.High));
        Assert.All(systems, s => Assert.NotEqual(EuAiActCategory.NotAssessed, s.EuAiActCategory));

        // AIA-001 approved and current; AIA-002 approved, then due after the finance model changed; AIA-003 reviewed, awaiting approval; AIA-004 a draft.
        Assert.Equal(["AIA-001", "AIA-002", "AIA-003", "AIA-004"], assessments.Select(a => a.Reference));
        var (triage, financial, drafting, documentation) = (assessments[0], assessments[1], assessments[2], assessments[3]);
        Assert.Equal((AssessmentStatus.Approved, "1.0", false, 3, 1), (triage.Status, triage.ApprovedNumber, triage.Due, triage.Systems, triage.HighResidual));
        Assert.Equal((AssessmentStatus.Approved, "1.0", true, 4), (financial.Status, financial.ApprovedNumber, financial.Due, financial.Systems));
        Assert.Contains(DemoAssets.ChangedModel, financial.ReassessmentReason);
        Assert.Equal((AssessmentStatus.InReview, ""), (drafting.Status, drafting.ApprovedNumber));
        Assert.Equal((AssessmentStatus.Draft, ""), (documentation.Status, documentation.ApprovedNumber));
        Assert.Equal(new AiDashboardFigures(51, 3, 1, 1), figures);
        Assert.InRange(frozen.Content.Impacts.Count, 6, 12);
        Assert.InRange(frozen.Content.AffectedParties.Count, 3, 5);
        Assert.Equal(("Olu Owner", "Alex Admin"), (frozen.Version.ReviewedBy, frozen.Version.ApprovedBy));

        Assert.All(verification, v => Assert.True(v.IsIntact, v.Problem));
    }
}
