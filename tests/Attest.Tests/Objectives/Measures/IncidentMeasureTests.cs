using Attest.Incidents;
using Attest.Objectives;
using Attest.Tests.Support;

namespace Attest.Tests.Objectives.Measures;

public sealed class IncidentMeasureTests
{
    private static readonly TimeZoneInfo London = OrganizationTime.Zone("Europe/London");

    private static MeasurePeriod Month(int year, int month) => MeasurePeriod.Month(new DateOnly(year, month, 1), London);

    private static Incident Build(string reference, DateTimeOffset detected, int? detectMinutes, int? containMinutes,
        IncidentSeverity severity = IncidentSeverity.Critical, DateTimeOffset? closedAt = null, string lessons = "")
    {
        var incident = new Incident
        {
            Reference = reference, Title = "Incident " + reference, Severity = severity, ReportedBy = "Monitor", DetectedAt = detected, ReportedAt = detected,
            OccurredAt = detectMinutes is { } d ? detected.AddMinutes(-d) : null,
            ContainedAt = containMinutes is { } c ? detected.AddMinutes(c) : null,
            Status = closedAt is null ? containMinutes is null ? IncidentStatus.Triaged : IncidentStatus.Contained : IncidentStatus.Closed,
            ClosedAt = closedAt, LessonsLearned = lessons,
        };
        IncidentClock.Recompute(incident, London);
        return incident;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CriticalIncidentTimes_TakeTheMaxAndNearestRankP90_OfTheIncidentsDetectedInTheMonth_InTheOrganizationsZone(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var october = new DateTimeOffset(2026, 10, 2, 12, 0, 0, TimeSpan.Zero);
        int[] detect = [10, 20, 30, 40, 50, 60, 70, 80, 90, 600];
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            for (var n = 0; n < detect.Length; n++)
            {
                // INC-0010 took 600 minutes to detect and 300 to contain; the others 30. INC-0001 closed with lessons learned.
                db.Incidents.Add(Build($"INC-{n + 1:0000}", october.AddDays(n), detect[n], n == 9 ? 300 : 30,
                    closedAt: n == 0 ? new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero) : null, lessons: n == 0 ? "Alert on token reuse." : ""));
            }
            // Occurrence unknown, still not contained six hours later at the end of October (midnight GMT).
            db.Incidents.Add(Build("INC-0011", new DateTimeOffset(2026, 10, 31, 18, 0, 0, TimeSpan.Zero), null, null));
            // A false alarm closed without containment nor lessons: left out of the containment times, counted against lessons learned.
            db.Incidents.Add(Build("INC-0012", new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero), null, null, closedAt: new DateTimeOffset(2026, 10, 15, 13, 0, 0, TimeSpan.Zero)));
            // 00:10 on 1 October in London is still 30 September in UTC: it counts in October.
            db.Incidents.Add(Build("INC-0013", new DateTimeOffset(2026, 9, 30, 23, 10, 0, TimeSpan.Zero), 5, 30));
            // 23:50 on 30 September in London (22:50 UTC): September.
            db.Incidents.Add(Build("INC-0014", new DateTimeOffset(2026, 9, 30, 22, 50, 0, TimeSpan.Zero), 120, 30));
            // Not critical: never counted.
            db.Incidents.Add(Build("INC-0015", october.AddDays(3), 900, 900, IncidentSeverity.High));
            await db.SaveChangesAsync();
        });

        async Task<(decimal? Value, string Detail, List<string> Behind)> Measure(string key, MeasurePeriod period) =>
            await app.WithCoreAsync(organization.Id, async (_, db) =>
            {
                var measure = MeasureLibrary.Find(key)!;
                var result = await measure.ComputeAsync(db, period, CancellationToken.None);
                var behind = await measure.RecordsBehindAsync(db, period, CancellationToken.None);
                return (result.Value, result.Detail, behind.Select(r => $"{r.Reference}: {r.Reason}").ToList());
            });

        // October detection times (minutes): 5, 10, 20 … 90, 600 — eleven; INC-0011 and INC-0012 have no occurrence time.
        var detectMax = await Measure("incidents.critical-detect-max-hours", Month(2026, 10));
        Assert.Equal((10m, "longest of 11 critical incidents: 10 h 0 min; 2 without an occurrence time"), (detectMax.Value, detectMax.Detail));
        Assert.Equal(["INC-0010: detected 10 h 0 min after it occurred (limit 1 h 0 min)", "INC-0009: detected 1 h 30 min after it occurred (limit 1 h 0 min)",
            "INC-0008: detected 1 h 20 min after it occurred (limit 1 h 0 min)", "INC-0007: detected 1 h 10 min after it occurred (limit 1 h 0 min)"], detectMax.Behind);
        var detectP90 = await Measure("incidents.critical-detect-p90-hours", Month(2026, 10));
        Assert.Equal((1.5m, "90th percentile, rank 10 of 11 critical incidents: 1 h 30 min; 2 without an occurrence time"), (detectP90.Value, detectP90.Detail));

        // Containment (minutes): ten of 30, 300, and INC-0011's 360 open at the end of the month; INC-0012 closed without containment.
        var containMax = await Measure("incidents.critical-contain-max-hours", Month(2026, 10));
        Assert.Equal((6m, "longest of 12 critical incidents: 6 h 0 min; 1 closed without containment"), (containMax.Value, containMax.Detail));
        Assert.Equal(["INC-0011: not contained 6 h 0 min after detection (limit 4 h 0 min)", "INC-0010: contained 5 h 0 min after detection (limit 4 h 0 min)"],
            containMax.Behind);
        var containP90 = await Measure("incidents.critical-contain-p90-hours", Month(2026, 10));
        Assert.Equal(5m, containP90.Value); // rank ⌈10.8⌉ = 11 of 12

        var september = await Measure("incidents.critical-detect-max-hours", Month(2026, 9));
        Assert.Equal((2m, "longest of 1 critical incident: 2 h 0 min"), (september.Value, september.Detail));
        Assert.Equal(["INC-0014: detected 2 h 0 min after it occurred (limit 1 h 0 min)"], september.Behind);
        var august = await Measure("incidents.critical-contain-p90-hours", Month(2026, 8));
        Assert.Equal(((decimal?)null, "no critical incidents"), (august.Value, august.Detail));
        Assert.Empty(august.Behind);

        var lessons = await Measure("incidents.lessons-learned", Month(2026, 10));
        Assert.Equal((50m, "1 of 2 incidents closed"), (lessons.Value, lessons.Detail));
        Assert.Equal(["INC-0012: Critical incident closed 2026-10-15 without lessons learned"], lessons.Behind);
        Assert.Null((await Measure("incidents.lessons-learned", Month(2026, 9))).Value);
    }
}
