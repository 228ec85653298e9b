using Attest.Data;
using Attest.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives.Measures;

/// <summary>Which duration of a critical incident a time measure reads.</summary>
public enum IncidentStep
{
    /// <summary>Occurred → detected.</summary>
    Detect = 0,
    /// <summary>Detected → contained.</summary>
    Contain = 1,
}

/// <summary>
/// The longest (max) or 90th-percentile time to detect or to contain the critical incidents detected in the period (in the organization's
/// zone: an incident detected at 23:59 on the last day counts in that period). The records behind are the incidents beyond the severity's
/// SLA limit from the incident settings.
/// </summary>
public sealed class CriticalIncidentTime(string key, IncidentStep step, bool percentile) : LiveMeasure(key,
    (percentile ? "90th percentile" : "Longest") + (step == IncidentStep.Detect ? " time to detect critical incidents" : " time to contain critical incidents"),
    (percentile ? "The 90th percentile, by nearest rank (the value at rank ⌈0.9 × n⌉ of the n times in ascending order), of the " : "The longest of the ") +
    (step == IncidentStep.Detect
        ? "times from occurrence to detection of the critical incidents detected in the period, in hours. Incidents whose occurrence time is unknown are left out."
        : "times from detection to containment of the critical incidents detected in the period, in hours. An incident not contained by the end of " +
          "the period (or by now, for the current one) counts with the time it had been open by then; one closed without containment (not an incident) is left out.") +
    " No critical incident in the period gives no value.",
    MeasureUnit.Hours, MeasureDirection.LowerIsBetter, TargetComparison.LessThan, step == IncidentStep.Detect ? 1m : 4m)
{
    public IncidentStep Step => step;
    public bool Percentile => percentile;

    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (from, before) = (asAt.From, asAt.Before);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Severity == IncidentSeverity.Critical && i.DetectedAt >= from && i.DetectedAt < before)
            .Select(i => new { i.Id, i.Reference, i.Title, i.DetectedAt, i.DetectSeconds, i.ContainedAt, i.ContainSeconds, i.ClosedAt })
            .ToListAsync(cancellationToken);
        if (incidents.Count == 0) return Evaluation.Of(MeasureResult.Nothing("no critical incidents"));
        // (incident, seconds, still open at the bound)
        var times = step == IncidentStep.Detect
            ? incidents.Where(i => i.DetectSeconds is not null).Select(i => (i.Id, i.Reference, i.Title, Seconds: i.DetectSeconds!.Value, Open: false)).ToList()
            : incidents
                .Where(i => i.ContainedAt is { } c && c < before || !(i.ClosedAt is { } closed && closed < before))
                .Select(i => i.ContainedAt is { } c && c < before
                    ? (i.Id, i.Reference, i.Title, Seconds: i.ContainSeconds ?? (long)Math.Floor((c - i.DetectedAt).TotalSeconds), Open: false)
                    : (i.Id, i.Reference, i.Title, Seconds: (long)Math.Floor((before - i.DetectedAt).TotalSeconds), Open: true))
                .ToList();
        var counted = Count(incidents.Count, "critical incident");
        if (times.Count == 0)
        {
            return Evaluation.Of(MeasureResult.Nothing(step == IncidentStep.Detect
                ? $"no critical incident with a known occurrence time ({counted})"
                : $"no critical incident to judge ({counted} closed without containment)"));
        }
        var seconds = times.Select(t => t.Seconds).ToList();
        var value = percentile ? MeasureArithmetic.NearestRank(seconds, 90) : seconds.Max();
        var left = incidents.Count - times.Count;
        var noun = Count(times.Count, "critical incident");
        var detail = (percentile ? $"90th percentile, rank {(90 * times.Count + 99) / 100} of {noun}" : $"longest of {noun}") + $": {IncidentClock.Describe(value)}" +
            (left == 0 ? "" : step == IncidentStep.Detect ? $"; {left} without an occurrence time" : $"; {left} closed without containment");
        var result = new MeasureResult(MeasureArithmetic.Hours(value), detail);
        if (!withRecords) return Evaluation.Of(result);

        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        var limits = IncidentClock.Limits(settings, IncidentSeverity.Critical);
        var limit = (long)(step == IncidentStep.Detect ? limits.Detect : limits.Contain).TotalSeconds;
        var records = times.Where(t => t.Seconds > limit).OrderByDescending(t => t.Seconds).ThenBy(t => t.Reference, StringComparer.Ordinal).Take(RecordsShown)
            .Select(t => new MeasureRecord(t.Reference, t.Title,
                (step == IncidentStep.Detect ? $"detected {IncidentClock.Describe(t.Seconds)} after it occurred"
                    : t.Open ? $"not contained {IncidentClock.Describe(t.Seconds)} after detection"
                    : $"contained {IncidentClock.Describe(t.Seconds)} after detection") + $" (limit {IncidentClock.Describe(limit)})",
                $"/incidents/{t.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>incidents.lessons-learned: the share of incidents closed in the period whose post-incident review recorded lessons learned.</summary>
public sealed class IncidentLessonsLearned() : LiveMeasure("incidents.lessons-learned", "Incidents closed with lessons learned",
    "Incidents closed in the period (in the organization's zone) whose post-incident review records lessons learned, out of all incidents " +
    "closed in the period. Low-severity incidents the settings allow to close without lessons count against the measure.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (from, before) = (asAt.From, asAt.Before);
        var closed = await db.Incidents.AsNoTracking()
            .Where(i => i.Status == IncidentStatus.Closed && i.ClosedAt >= from && i.ClosedAt < before)
            .Select(i => new { i.Id, i.Reference, i.Title, i.Severity, i.ClosedAt, WithLessons = i.LessonsLearned != "" })
            .ToListAsync(cancellationToken);
        var result = MeasureResult.Percent(closed.Count(i => i.WithLessons), closed.Count, "incidents closed");
        var records = closed.Where(i => !i.WithLessons).OrderBy(i => i.Reference, StringComparer.Ordinal).Take(RecordsShown)
            .Select(i => new MeasureRecord(i.Reference, i.Title,
                $"{i.Severity} incident closed {Day(OrganizationTime.Date(i.ClosedAt!.Value, asAt.Period.Zone))} without lessons learned", $"/incidents/{i.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }
}
