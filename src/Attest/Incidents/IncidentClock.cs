using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Incidents;

/// <summary>The detection, containment and recovery limits of one severity.</summary>
public sealed record SlaLimits(IncidentSeverity Severity, string Definition, TimeSpan Detect, TimeSpan Contain, TimeSpan Recover, bool LessonsRequired);

public enum SlaState
{
    /// <summary>The step has not happened and its limit has not passed yet.</summary>
    Running = 0,
    Met = 1,
    Breached = 2,
    /// <summary>Cannot be judged: the occurrence time is unknown (detection only).</summary>
    Unknown = 3,
}

/// <summary>How an incident stands against its severity's SLA at a moment.</summary>
public sealed record SlaVerdict(SlaState Detect, SlaState Contain, SlaState Recover)
{
    /// <summary>Met when detection (when known) and containment were both within their limits.</summary>
    public bool Met => Detect is SlaState.Met or SlaState.Unknown && Contain == SlaState.Met;
    public bool Breached => Detect == SlaState.Breached || Contain == SlaState.Breached || Recover == SlaState.Breached;
}

/// <summary>
/// Incident time arithmetic. Every time is an instant, so durations never depend on the time zone the times were entered in
/// (a detection entered as 09:30 Europe/Paris and a containment as 10:00 Europe/London are 1 h 30 min apart); only the month an
/// incident counts in is read in the organization's time zone.
/// </summary>
public static class IncidentClock
{
    /// <summary>Recomputes the stored durations and month from the incident's timestamps.</summary>
    public static void Recompute(Incident incident, TimeZoneInfo organizationZone)
    {
        incident.DetectSeconds = incident.OccurredAt is { } occurred ? Seconds(occurred, incident.DetectedAt) : null;
        incident.ContainSeconds = incident.ContainedAt is { } contained ? Seconds(incident.DetectedAt, contained) : null;
        incident.RecoverSeconds = incident.RecoveredAt is { } recovered ? Seconds(incident.DetectedAt, recovered) : null;
        incident.DetectedMonth = OrganizationTime.Month(incident.DetectedAt, organizationZone);
    }

    private static long Seconds(DateTimeOffset from, DateTimeOffset to) => (long)Math.Floor((to - from).TotalSeconds);

    public static SlaLimits Limits(IncidentSettings settings, IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => new(severity, settings.CriticalDefinition, Minutes(settings.CriticalDetectMinutes), Minutes(settings.CriticalContainMinutes), Minutes(settings.CriticalRecoverMinutes), true),
        IncidentSeverity.High => new(severity, settings.HighDefinition, Minutes(settings.HighDetectMinutes), Minutes(settings.HighContainMinutes), Minutes(settings.HighRecoverMinutes), true),
        IncidentSeverity.Medium => new(severity, settings.MediumDefinition, Minutes(settings.MediumDetectMinutes), Minutes(settings.MediumContainMinutes), Minutes(settings.MediumRecoverMinutes), true),
        _ => new(severity, settings.LowDefinition, Minutes(settings.LowDetectMinutes), Minutes(settings.LowContainMinutes), Minutes(settings.LowRecoverMinutes), settings.LessonsRequiredForLow),
    };

    public static IReadOnlyList<SlaLimits> AllLimits(IncidentSettings settings) =>
        [Limits(settings, IncidentSeverity.Critical), Limits(settings, IncidentSeverity.High), Limits(settings, IncidentSeverity.Medium), Limits(settings, IncidentSeverity.Low)];

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>
    /// The verdict at <paramref name="now"/>: a step done within its limit is met, done late is breached; a step not done yet is
    /// breached as soon as its limit has passed (a live breach), otherwise running. Limits are inclusive: exactly 1 h meets "1 h".
    /// </summary>
    public static SlaVerdict Evaluate(IncidentTimes incident, SlaLimits limits, DateTimeOffset now) => new(
        incident.OccurredAt is null ? SlaState.Unknown : Judge(incident.DetectedAt - incident.OccurredAt.Value, limits.Detect),
        Step(incident.DetectedAt, incident.ContainedAt, limits.Contain, now),
        Step(incident.DetectedAt, incident.RecoveredAt, limits.Recover, now));

    private static SlaState Step(DateTimeOffset from, DateTimeOffset? done, TimeSpan limit, DateTimeOffset now) =>
        done is { } at ? Judge(at - from, limit) : now - from > limit ? SlaState.Breached : SlaState.Running;

    private static SlaState Judge(TimeSpan taken, TimeSpan limit) => taken <= limit ? SlaState.Met : SlaState.Breached;

    /// <summary>"2 h 5 min", "3 d 4 h", "45 s"; "—" for null.</summary>
    public static string Describe(long? seconds)
    {
        if (seconds is not { } s) return "—";
        var sign = s < 0 ? "−" : "";
        var span = TimeSpan.FromSeconds(Math.Abs(s));
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : span.TotalMinutes >= 1 ? $"{span.Minutes} min"
            : $"{span.Seconds} s";
        return sign + text;
    }

    public static string Describe(TimeSpan span) => Describe((long)span.TotalSeconds);
}

/// <summary>The timestamps an SLA verdict reads (an incident, or a projection of one).</summary>
public sealed record IncidentTimes(DateTimeOffset? OccurredAt, DateTimeOffset DetectedAt, DateTimeOffset? ContainedAt, DateTimeOffset? RecoveredAt)
{
    public static IncidentTimes Of(Incident incident) => new(incident.OccurredAt, incident.DetectedAt, incident.ContainedAt, incident.RecoveredAt);
}

/// <summary>The GDPR Art. 33 clock: the authority is to be told within the notification hours (72) of awareness.</summary>
public static class BreachClock
{
    public static DateTimeOffset Deadline(DateTimeOffset awareAt, int hours) => awareAt.AddHours(hours);

    /// <summary>Time left before the deadline at <paramref name="now"/>; negative once it has passed.</summary>
    public static TimeSpan Remaining(DateTimeOffset awareAt, int hours, DateTimeOffset now) => Deadline(awareAt, hours) - now;

    /// <summary>Whether a notification sent at <paramref name="sentAt"/> was within the deadline (the deadline itself counts as in time).</summary>
    public static bool InTime(DateTimeOffset awareAt, int hours, DateTimeOffset sentAt) => sentAt <= Deadline(awareAt, hours);
}

public static class IncidentSettingsQueries
{
    /// <summary>The organization's settings, or the defaults (not saved) when it has none yet.</summary>
    public static async Task<IncidentSettings> LoadAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await db.IncidentSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? IncidentSettings.Defaults();
}
