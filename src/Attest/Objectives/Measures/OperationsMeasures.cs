using Attest.AccessReviews;
using Attest.Continuity;
using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives.Measures;

/// <summary>access.reviews-on-time: access review campaigns due in the period that were completed by their due date.</summary>
public sealed class AccessReviewsOnTime() : LiveMeasure("access.reviews-on-time", "Access reviews completed on time",
    "Access review campaigns (not cancelled) due in the period that were completed on or before their due date, in the organization's " +
    "zone, out of those due in the period. A campaign not completed whose due date has not passed yet when the value is taken is left out.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (start, end, today) = (asAt.Period.Start, asAt.Period.End, asAt.Today);
        var campaigns = (await db.AccessReviewCampaigns.AsNoTracking()
                .Where(c => c.Status != CampaignStatus.Cancelled && c.DueOn >= start && c.DueOn <= end)
                .Select(c => new { c.Id, c.Reference, c.Title, c.DueOn, c.Status, c.CompletedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new
            {
                c.Id, c.Reference, c.Title, c.DueOn,
                CompletedOn = c.Status == CampaignStatus.Completed && c.CompletedAt is { } at ? OrganizationTime.Date(at, asAt.Period.Zone) : (DateOnly?)null,
            })
            .Where(c => c.CompletedOn is not null || c.DueOn < today)
            .ToList();
        var result = MeasureResult.Percent(campaigns.Count(c => c.CompletedOn <= c.DueOn), campaigns.Count, "access reviews due");
        var records = campaigns.Where(c => !(c.CompletedOn <= c.DueOn)).OrderBy(c => c.DueOn).ThenBy(c => c.Reference, StringComparer.Ordinal).Take(RecordsShown)
            .Select(c => new MeasureRecord(c.Reference, c.Title, c.CompletedOn is { } done
                    ? $"completed {Day(done)}, {done.DayNumber - c.DueOn.DayNumber} days after its due date {Day(c.DueOn)}"
                    : $"not completed; due {Day(c.DueOn)}", $"/access/reviews/{c.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>vulnerabilities.critical-open: critical findings open at the end of the period.</summary>
public sealed class OpenCriticalVulnerabilities() : LiveMeasure("vulnerabilities.critical-open", "Open critical vulnerabilities",
    "Critical vulnerability findings first seen before the end of the period and not fixed by then (open, in progress, or fixed only " +
    "after the end). Findings now marked false positive or accepted under a risk acceptance are left out.",
    MeasureUnit.Count, MeasureDirection.LowerIsBetter, TargetComparison.EqualTo, 0m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var before = asAt.Before;
        var open = db.VulnerabilityFindings.AsNoTracking()
            .Where(f => f.Severity == VulnerabilitySeverity.Critical && f.FirstSeenAt < before
                && (f.Status == FindingStatus.Open || f.Status == FindingStatus.InProgress || (f.Status == FindingStatus.Fixed && f.FixedAt >= before)));
        var count = await open.CountAsync(cancellationToken);
        var result = new MeasureResult(count, Count(count, "open critical finding"));
        if (!withRecords) return Evaluation.Of(result);
        var rows = await open.Join(db.Assets, f => f.AssetId, a => a.Id, (f, a) => new { f.Id, f.Number, f.Title, f.FirstSeenAt, f.DueOn, Asset = a.Name })
            .OrderBy(f => f.DueOn).ThenBy(f => f.Number).Take(RecordsShown)
            .ToListAsync(cancellationToken);
        var records = rows.Select(f => new MeasureRecord($"VULN-{f.Number}", f.Title,
            $"on {f.Asset}; first seen {Day(OrganizationTime.Date(f.FirstSeenAt, asAt.Period.Zone))}, due {Day(f.DueOn)}" + (f.DueOn < asAt.Day ? " (overdue)" : ""),
            $"/vulnerabilities/{f.Id}")).ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>availability.monthly-uptime: the lowest uptime of the monitored services over the period's months.</summary>
public sealed class MonthlyUptime() : LiveMeasure("availability.monthly-uptime", "Monthly uptime (lowest service)",
    "The uptime recorded for each monitored service over the months of the period (months weighted by their length), and of those the " +
    "lowest service's. The records behind are the services below the target recorded with their months. No month recorded gives no value.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.AtLeast, 99.9m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (first, last) = (OrganizationTime.Month(asAt.Period.Start), OrganizationTime.Month(asAt.Period.End));
        var months = await db.AvailabilityRecords.AsNoTracking().Where(r => r.Month >= first && r.Month <= last)
            .Join(db.MonitoredServices, r => r.ServiceId, s => s.Id, (r, s) => new { r.ServiceId, s.Name, r.Month, r.UptimePercent, r.TargetPercent })
            .ToListAsync(cancellationToken);
        if (months.Count == 0) return Evaluation.Of(MeasureResult.Nothing($"no availability recorded for {asAt.Period.Label}"));
        var services = months.GroupBy(m => m.ServiceId).Select(g => new
        {
            Id = g.Key, g.First().Name,
            Uptime = AvailabilityArithmetic.Combined(g.Select(m => (m.Month, m.UptimePercent)))!.Value,
            // The target recorded with the months (a later change of target does not rewrite them); the strictest if it changed.
            Target = g.Max(m => m.TargetPercent),
            Missed = g.Count(m => !AvailabilityArithmetic.Met(m.UptimePercent, m.TargetPercent)),
        }).OrderBy(s => s.Uptime).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var lowest = services[0];
        var result = new MeasureResult(Math.Round((decimal)lowest.Uptime, 3),
            $"lowest of {Count(services.Count, "service")}: {lowest.Name} {AvailabilityArithmetic.Percent(lowest.Uptime)}");
        var records = services.Where(s => s.Missed > 0).Take(RecordsShown)
            .Select(s => new MeasureRecord(s.Name, "Monitored service",
                $"{AvailabilityArithmetic.Percent(s.Uptime)} uptime against a target of {AvailabilityArithmetic.Percent(s.Target)}" +
                (last > first ? $" ({Count(s.Missed, "month")} below target)" : ""), $"/continuity/services/{s.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }
}
