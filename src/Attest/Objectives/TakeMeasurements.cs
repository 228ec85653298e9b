using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives;

/// <summary>What a snapshot did: values taken, measures with nothing to measure, measures whose period the schedule had already taken.</summary>
public sealed record MeasurementRun(MeasurePeriod Period, int Measured, int NoData, int AlreadyTaken);

/// <summary>
/// Takes a value of every active computed measure of the active objectives, through <see cref="MeasureLibrary"/>, and saves each as a
/// <see cref="Measurement"/> frozen with the target, comparison, amber threshold and direction as they are now, and the status
/// <see cref="MeasureRules.StatusOf(decimal?, TargetComparison, decimal, decimal?, MeasureDirection)"/> gives them.
/// <para>
/// Periods: the schedule takes the month that has just ended (in the organization's zone), once — a month already taken by the schedule
/// is skipped, so a catch-up at start-up and a second instance change nothing. On demand (UI, API, `attest measures snapshot`) takes the
/// current month to date — "this month so far" — and always adds a new dated value; the latest value of a period is the one shown.
/// </para>
/// </summary>
public sealed class TakeMeasurements(AttestDbContext db)
{
    /// <summary>The month before the one holding <paramref name="today"/>: what the monthly schedule measures.</summary>
    public static MeasurePeriod ScheduledPeriod(DateOnly today, TimeZoneInfo zone) => MeasurePeriod.Month(new DateOnly(today.Year, today.Month, 1).AddDays(-1), zone);

    /// <summary>From the first of <paramref name="today"/>'s month to today: what an on-demand snapshot measures.</summary>
    public static MeasurePeriod OnDemandPeriod(DateOnly today, TimeZoneInfo zone) => new(new DateOnly(today.Year, today.Month, 1), today, zone);

    /// <param name="kind">Scheduled or OnDemand (manual values go through <see cref="RecordManualMeasurement"/>).</param>
    /// <param name="period">Overrides the period the kind implies (tests pick a month).</param>
    /// <param name="measureId">Takes only this measure ("take a measurement now" on a measure's page); it must be computed and active.</param>
    public async Task<MeasurementRun> RunAsync(MeasurementKind kind, MeasurePeriod? period = null, CancellationToken cancellationToken = default, Guid? measureId = null)
    {
        if (kind == MeasurementKind.Manual) throw ValidationFailedException.For("Kind", "manual values are entered one by one, not by a snapshot.");
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var now = Instant.Now(db.Clock);
        var today = OrganizationTime.Date(now, zone);
        period ??= kind == MeasurementKind.Scheduled ? ScheduledPeriod(today, zone) : OnDemandPeriod(today, zone);

        var measures = await (from m in db.Measures.AsNoTracking()
                              join o in db.Objectives.AsNoTracking() on m.ObjectiveId equals o.Id
                              where !m.Retired && m.Source == MeasureSource.Computed && o.Status == ObjectiveStatus.Active && (measureId == null || m.Id == measureId)
                              orderby o.Reference, m.Position
                              select m).ToListAsync(cancellationToken);
        if (measureId is not null && measures.Count == 0)
        {
            throw ValidationFailedException.For("MeasureId", "is not an active computed measure of an active objective.");
        }
        var taken = kind == MeasurementKind.Scheduled
            ? (await db.Measurements.AsNoTracking()
                .Where(v => v.Kind == MeasurementKind.Scheduled && v.PeriodStart == period.Start && v.PeriodEnd == period.End)
                .Select(v => v.MeasureId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var takenBy = await TakenByAsync(db, cancellationToken);

        int measured = 0, noData = 0, already = 0;
        foreach (var measure in measures)
        {
            if (taken.Contains(measure.Id))
            {
                already++;
                continue;
            }
            var named = MeasureLibrary.Find(measure.LibraryKey);
            var result = named is null
                ? MeasureResult.Nothing($"the named measure '{measure.LibraryKey}' is no longer in the library")
                : await named.ComputeAsync(db, period, cancellationToken);
            db.Measurements.Add(Freeze(measure, period, result.Value, result.Detail, kind, now, takenBy));
            if (result.Value is null) noData++;
            else measured++;
        }
        await db.SaveAsync("measurement", cancellationToken);
        return new MeasurementRun(period, measured, noData, already);
    }

    /// <summary>A measurement carrying the measure's target as it is now, so later changes to the target leave it as it was judged.</summary>
    internal static Measurement Freeze(Measure measure, MeasurePeriod period, decimal? value, string detail, MeasurementKind kind, DateTimeOffset takenAt,
        (Guid? UserId, string Name) takenBy, string note = "", Guid? evidenceId = null) => new()
    {
        MeasureId = measure.Id,
        PeriodStart = period.Start,
        PeriodEnd = period.End,
        Value = value is { } v ? Math.Round(v, 4) : null,
        Status = MeasureRules.StatusOf(measure, value is { } r ? Math.Round(r, 4) : null),
        Comparison = measure.Comparison,
        Target = measure.Target,
        AmberThreshold = measure.AmberThreshold,
        Direction = measure.Direction,
        Detail = detail.Length > 1000 ? detail[..1000] : detail,
        Kind = kind,
        Note = note,
        EvidenceId = evidenceId,
        TakenAt = takenAt,
        TakenByUserId = takenBy.UserId,
        TakenBy = takenBy.Name,
    };

    /// <summary>The acting person's name, or the actor in words ("system") for the schedule.</summary>
    internal static async Task<(Guid? UserId, string Name)> TakenByAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        if (db.Acting.UserId is not { } userId) return (null, db.Acting.Actor);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return (userId, string.IsNullOrEmpty(name) ? db.Acting.Actor : name);
    }
}

/// <summary>A value of a manual measure; an empty period means the current month to date.</summary>
public sealed record ManualMeasurementInput(decimal? Value, string? Note, DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null, Guid? EvidenceId = null);

/// <summary>
/// Enters a value of a manual measure (a client satisfaction survey, say) with the note that explains it and, where there is one, the
/// evidence item behind it. The measure's owner, the objective's owners and Managers may; a correction is a new value with a note,
/// since measurements never change.
/// </summary>
public sealed class RecordManualMeasurement(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid measureId, ManualMeasurementInput input, CancellationToken cancellationToken = default)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken) ?? throw new RecordNotFoundException("Measure", measureId);
        if (!await ObjectiveRules.MayRecordAsync(db, measureId, cancellationToken))
        {
            throw ValidationFailedException.For("MeasureId", "only the measure's owner, the objective's owners or a Manager may enter its values.");
        }
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var now = Instant.Now(db.Clock);
        var today = OrganizationTime.Date(now, zone);
        var validation = new Validation().Required(nameof(input.Note), input.Note, 4000);
        if (measure.Source != MeasureSource.Manual) validation.Add("MeasureId", "is a computed measure: its values are taken by snapshots, not entered.");
        if (measure.Retired) validation.Add("MeasureId", "is retired: it takes no more values.");
        if (input.Value is null) validation.Add(nameof(input.Value), "is required.");
        else if (measure.Unit == MeasureUnit.Percent && input.Value is < 0 or > 100) validation.Add(nameof(input.Value), "must be between 0 and 100 for a percentage.");
        var end = input.PeriodEnd ?? today;
        var start = input.PeriodStart ?? new DateOnly(end.Year, end.Month, 1);
        if (end > today) validation.Add(nameof(input.PeriodEnd), "cannot be in the future.");
        if (start > end) validation.Add(nameof(input.PeriodStart), "cannot be after the end of the period.");
        if (input.EvidenceId is { } evidence && !await db.EvidenceItems.AnyAsync(e => e.Id == evidence, cancellationToken))
        {
            validation.Add(nameof(input.EvidenceId), "is not an evidence item of this organization.");
        }
        validation.ThrowIfInvalid();

        var measurement = TakeMeasurements.Freeze(measure, new MeasurePeriod(start, end, zone), input.Value, "entered by hand", MeasurementKind.Manual, now,
            await TakeMeasurements.TakenByAsync(db, cancellationToken), input.Note!.Trim(), input.EvidenceId);
        db.Measurements.Add(measurement);
        await db.SaveAsync("measurement", cancellationToken);
        return measurement.Id;
    }
}
