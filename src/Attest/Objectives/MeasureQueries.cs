using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives;

/// <summary>Reads measures with their stored values as at a day: the one read the register, dashboard, reports, reviews and packs share.</summary>
public static class MeasureQueries
{
    /// <summary>One measure of an objective with its value as at the day asked and its history.</summary>
    /// <param name="Latest">The measurement for the latest period ending on or before the day (the last taken for that period); null when none.</param>
    /// <param name="History">One value per period (the last taken for it), oldest first, for the periods ending in the months asked.</param>
    public sealed record MeasureRow(
        Guid ObjectiveId, string ObjectiveReference, string ObjectiveTitle, ObjectiveKind ObjectiveKind, ObjectiveStatus ObjectiveStatus,
        Guid? ObjectiveOwnerId, string? ObjectiveOwnerName,
        Guid MeasureId, string MeasureTitle, MeasureSource Source, string? LibraryKey, MeasureUnit Unit, TargetComparison Comparison,
        decimal Target, decimal? AmberThreshold, MeasureDirection Direction, MeasureFrequency Frequency, Guid? MeasureOwnerId, bool Retired,
        StoredValue? Latest, IReadOnlyList<StoredValue> History)
    {
        /// <summary>The status frozen with the latest value, or no data.</summary>
        public MeasureStatus Status => Latest?.Status ?? MeasureStatus.NoData;

        /// <summary>"≥ 99.9 %" with the measure's current target.</summary>
        public string TargetText => MeasureRules.FormatTarget(Comparison, Target, Unit);

        /// <summary>The latest value formatted with its unit, or "—".</summary>
        public string ValueText => MeasureRules.Format(Latest?.Value, Unit);
    }

    /// <summary>A stored measurement as the registers, dashboard and reports show it: what was taken, for which period, against which target.</summary>
    /// <remarks>A projection, not the <see cref="Measurement"/> entity: the dashboard reads thousands of them, and the note, evidence and
    /// who took it are shown only on the measure's own page.</remarks>
    public sealed record StoredValue(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, decimal? Value, MeasureStatus Status, TargetComparison Comparison, decimal Target, string Detail,
        MeasurementKind Kind, DateTimeOffset TakenAt);

    /// <summary>
    /// Every measure of active (and achieved) objectives — retired measures and objectives only when <paramref name="includeRetired"/> —
    /// with the values stored for periods ending on or before <paramref name="asAt"/>, in two queries. Nothing is recomputed: values are
    /// exactly as they were taken. Rows come ordered strategic before operational, by objective reference, then by the measure's position.
    /// </summary>
    /// <param name="months">How many months of history to return, counting back from the month of <paramref name="asAt"/>.</param>
    /// <param name="onlyMeasure">Reads that one measure only (a measure's own page).</param>
    public static async Task<IReadOnlyList<MeasureRow>> AsAtAsync(AttestDbContext db, DateOnly asAt, int months = 12, bool includeRetired = false,
        CancellationToken cancellationToken = default, Guid? onlyMeasure = null)
    {
        var chosen =
            from m in db.Measures
            join o in db.Objectives on m.ObjectiveId equals o.Id
            where includeRetired || (!m.Retired && o.Status != ObjectiveStatus.Retired)
            where onlyMeasure == null || m.Id == onlyMeasure
            select new { Measure = m, Objective = o };
        var measures = await (
            from c in chosen.AsNoTracking()
            let m = c.Measure
            let o = c.Objective
            orderby o.Kind == ObjectiveKind.Strategic ? 0 : 1, o.Reference, m.Position, m.Title
            select new
            {
                ObjectiveId = o.Id, o.Reference, ObjectiveTitle = o.Title, o.Kind, o.Status, o.OwnerId,
                OwnerName = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                m.Id, m.Title, m.Source, m.LibraryKey, m.Unit, m.Comparison, m.Target, m.AmberThreshold, m.Direction, m.Frequency,
                MeasureOwnerId = m.OwnerId, m.Retired,
            }).ToListAsync(cancellationToken);
        if (measures.Count == 0) return [];

        var from = new DateOnly(asAt.Year, asAt.Month, 1).AddMonths(-(Math.Max(months, 1) - 1));
        // The same choice as a subquery, not a list of ids: one SQL text however many measures there are.
        var ids = chosen.Select(c => c.Measure.Id);
        var values = await db.Measurements.AsNoTracking()
            .Where(v => ids.Contains(v.MeasureId) && v.PeriodEnd <= asAt)
            .Where(v => v.PeriodEnd >= from || v.PeriodEnd == db.Measurements.Where(w => w.MeasureId == v.MeasureId && w.PeriodEnd <= asAt).Max(w => w.PeriodEnd))
            .Select(v => new { v.MeasureId, Value = new StoredValue(v.Id, v.PeriodStart, v.PeriodEnd, v.Value, v.Status, v.Comparison, v.Target, v.Detail, v.Kind, v.TakenAt) })
            .ToListAsync(cancellationToken);

        var byMeasure = values.GroupBy(v => v.MeasureId).ToDictionary(g => g.Key, g => g
            .Select(v => v.Value)
            .GroupBy(v => v.PeriodEnd)
            .Select(p => p.OrderBy(v => v.TakenAt).ThenBy(v => v.Id).Last())
            .OrderBy(v => v.PeriodEnd)
            .ToList());

        return measures.Select(m =>
        {
            var history = byMeasure.TryGetValue(m.Id, out var list) ? list : [];
            return new MeasureRow(m.ObjectiveId, m.Reference, m.ObjectiveTitle, m.Kind, m.Status, m.OwnerId, m.OwnerName,
                m.Id, m.Title, m.Source, m.LibraryKey, m.Unit, m.Comparison, m.Target, m.AmberThreshold, m.Direction, m.Frequency,
                m.MeasureOwnerId, m.Retired,
                history.Count == 0 ? null : history[^1],
                history.Where(v => v.PeriodEnd >= from).ToList());
        }).ToList();
    }
}
