using Attest.Objectives;
using Attest.Tests.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Objectives;

[Collection(LoadedDemo.Collection)]
public sealed class DemoObjectivesTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasFourStrategicObjectives_OperationalOnesUnderThem_AYearOfValues_AndARedMeasureWithItsRecords(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (objectives, measures, stored) = await app.WithCoreAsync(organizationId, async (_, db) => (
            await db.Objectives.AsNoTracking().ToListAsync(),
            await db.Measures.AsNoTracking().ToListAsync(),
            await db.Measurements.AsNoTracking().ToListAsync()));

        Assert.Equal(["Certify and stay compliant", "Keep the platform available and resilient", "Protect client data", "Protect our AI agents"],
            objectives.Where(o => o.Kind == ObjectiveKind.Strategic).Select(o => o.Title).Order());
        var operational = objectives.Where(o => o.Kind == ObjectiveKind.Operational).ToList();
        Assert.Equal(3, operational.Count);
        Assert.All(operational, o => Assert.Contains(objectives, p => p.Id == o.ParentId && p.Kind == ObjectiveKind.Strategic));
        Assert.Single(measures, m => m.Title == "Client satisfaction with data handling" && m.Source == MeasureSource.Manual);

        // Twelve monthly values before this month for every computed measure, then this month so far on demand.
        var thisMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        foreach (var m in measures.Where(m => m.Source == MeasureSource.Computed))
        {
            var values = stored.Where(v => v.MeasureId == m.Id).ToList();
            Assert.Equal(12, values.Count(v => v.Kind == MeasurementKind.Scheduled && v.PeriodEnd < thisMonth));
            Assert.Equal(thisMonth.AddMonths(-12), values.Where(v => v.Kind == MeasurementKind.Scheduled).Min(v => v.PeriodStart));
            Assert.Single(values, v => v.Kind == MeasurementKind.OnDemand && v.PeriodStart == thisMonth);
        }
        Assert.Contains(stored, v => v.Kind == MeasurementKind.Manual && v.Note.Length > 0);

        // The latest value of AI impact assessments is red, computed from the demo's agents, and the agents behind it are listed.
        var assessed = measures.Single(m => m.LibraryKey == "ai.impact-assessment-current");
        var detail = await app.WithCoreAsync(organizationId, (_, db) => ObjectiveRegister.MeasureAsync(db, assessed.Id));
        Assert.Equal((MeasureStatus.Red, MeasurementKind.OnDemand), (detail.Trend!.Status, detail.Trend.Latest!.Kind));
        Assert.NotEmpty(detail.RecordsBehind);
        Assert.All(detail.RecordsBehind, r => Assert.StartsWith("/", r.Path));
        var page = await app.WithCoreAsync(organizationId, (_, db) => ObjectiveRegister.PageAsync(db, new ObjectiveFilter(RedOnly: true), 1, 50));
        Assert.Contains(page.Rows, r => r.Title == "Protect our AI agents");
    }
}
