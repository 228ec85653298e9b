using Attest.Objectives;
using Attest.Organizations;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Objectives;

/// <summary>Snapshots: values frozen with their targets, the monthly schedule idempotent, on-demand values always added.</summary>
public sealed class MeasurementTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Snapshots_FreezeTargetAndStatus_TheScheduleTakesAMonthOnce_AndOnDemandAlwaysAdds(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Three actions weeks past their due date: with "= 0, amber 2", three is red.
        for (var i = 0; i < 3; i++) await app.AddActionAsync(organization, $"Late action {i}", organization[OrganizationRole.Manager].UserId, today.AddDays(-40 - i));
        var seeded = await ObjectiveSeeds.AddObjectivesAsync(app, organization);

        var onDemand = await app.WithCoreAsync(organization.Id, (_, db) => db.Measurements.AsNoTracking().SingleAsync(m => m.MeasureId == seeded.ComputedMeasureId));
        Assert.Equal((3m, MeasureStatus.Red, MeasurementKind.OnDemand, 0m, 2m), (onDemand.Value, onDemand.Status, onDemand.Kind, onDemand.Target, onDemand.AmberThreshold!.Value));
        Assert.Equal((new DateOnly(today.Year, today.Month, 1), today), (onDemand.PeriodStart, onDemand.PeriodEnd));

        // The target is relaxed afterwards: the stored value keeps the target and status it was judged by; new values use the new target.
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var m = await db.Measures.AsNoTracking().SingleAsync(x => x.Id == seeded.ComputedMeasureId);
            await s.GetRequiredService<SaveMeasure>().RunAsync(m.Id, new MeasureInput(m.ObjectiveId, m.Title, m.Source, TargetComparison.AtMost, 5, m.Direction, m.Unit,
                m.LibraryKey, AmberThreshold: 8, Version: m.Version));
        });
        var (first, second, third) = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var take = s.GetRequiredService<TakeMeasurements>();
            return (await take.RunAsync(MeasurementKind.Scheduled), await take.RunAsync(MeasurementKind.Scheduled), await take.RunAsync(MeasurementKind.OnDemand));
        });
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Assert.Equal((lastMonth, lastMonth.AddMonths(1).AddDays(-1)), (first.Period.Start, first.Period.End));
        Assert.Equal((1, 0, 0), (first.Measured, first.NoData, first.AlreadyTaken));
        Assert.Equal((0, 1), (second.Measured, second.AlreadyTaken));
        Assert.Equal((1, 0), (third.Measured, third.AlreadyTaken));

        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.Measurements.AsNoTracking().Where(m => m.MeasureId == seeded.ComputedMeasureId)
            .OrderBy(m => m.TakenAt).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal((TargetComparison.EqualTo, 0m, MeasureStatus.Red), (stored[0].Comparison, stored[0].Target, stored[0].Status));
        Assert.All(stored.Skip(1), m => Assert.Equal((TargetComparison.AtMost, 5m, MeasureStatus.Green), (m.Comparison, m.Target, m.Status)));
        // Last month the actions did not exist yet; this month they are three.
        Assert.Equal([(MeasurementKind.OnDemand, 3m), (MeasurementKind.Scheduled, 0m), (MeasurementKind.OnDemand, 3m)], stored.Select(m => (m.Kind, m.Value!.Value)));

        // The register reads the latest value, its status and the "red only" filter from the stored values.
        var (all, red) = await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await ObjectiveRegister.PageAsync(db, new ObjectiveFilter(), 1, 50), await ObjectiveRegister.PageAsync(db, new ObjectiveFilter(RedOnly: true), 1, 50)));
        Assert.Equal(["Close corrective actions on time", "Delight clients"], all.Rows.Select(r => r.Title));
        Assert.Equal((MeasureStatus.Green, "3", "≤ 5"), (all.Rows[0].Measures.Single().Status, all.Rows[0].Measures.Single().ValueText, all.Rows[0].Measures.Single().TargetText));
        Assert.Empty(red.Rows);
    }
}
