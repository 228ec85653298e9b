using Attest.Demo;
using Attest.Tests.Support;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoVulnerabilitiesTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoRegister_ShowsFixesOverTime_OneOverdueHigh_NoOpenCritical_AndAFalsePositiveAndAnAcceptedRisk(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var figures = await app.WithCoreAsync(organizationId, (_, db) => VulnerabilityQueries.FiguresAsync(db));
        Assert.Equal(0, figures.CriticalOpenNow);
        Assert.Equal(1, figures.Overdue.High);
        Assert.True(figures.Open.Total >= 5, $"{figures.Open.Total} open");
        Assert.True(figures.TimeToRemediate.Single(t => t.Severity == VulnerabilitySeverity.Critical).Last12MonthsFixed >= 2);

        var findings = await app.WithCoreAsync(organizationId, (_, db) => db.VulnerabilityFindings.AsNoTracking().ToListAsync());
        var scans = await app.WithCoreAsync(organizationId, (_, db) => db.VulnerabilityScans.AsNoTracking().CountAsync());
        Assert.Equal(10, scans);
        Assert.True(findings.Count(f => f.Status == FindingStatus.Fixed && f.FixedByScanId != null) >= 8);
        var falsePositive = Assert.Single(findings, f => f.Status == FindingStatus.FalsePositive);
        Assert.Equal(DemoVulnerabilities.FalsePositive, falsePositive.RuleId);
        Assert.Contains("build stage", falsePositive.StatusReason);
        var accepted = Assert.Single(findings, f => f.Status == FindingStatus.RiskAccepted);
        Assert.Equal(DemoVulnerabilities.RiskAccepted, accepted.RuleId);
        Assert.NotNull(accepted.RiskAcceptanceId);
        Assert.Equal(3, findings.Count(f => f.Source == FindingSource.Manual));
        Assert.Equal(DemoVulnerabilities.OverdueHigh, Assert.Single(findings, f => f.Severity == VulnerabilitySeverity.High && f.Status is FindingStatus.Open or FindingStatus.InProgress
            && f.DueOn < DateOnly.FromDateTime(DateTime.UtcNow)).RuleId);

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(findings.Count, await app.WithCoreAsync(organizationId, (_, db) => db.VulnerabilityFindings.CountAsync()));
    }
}
