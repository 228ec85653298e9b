using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives;

/// <summary>
/// What the register shows. <see cref="Status"/> null shows active and achieved objectives (retired ones only when asked for);
/// <see cref="Framework"/> is a framework key; <see cref="RedOnly"/> keeps objectives with a measure whose latest value is red.
/// </summary>
public sealed record ObjectiveFilter(ObjectiveKind? Kind = null, ObjectiveStatus? Status = null, Guid? Owner = null, string? Framework = null, bool RedOnly = false);

/// <summary>An objective with its owners, frameworks, review dates and its measures' latest values and trends.</summary>
public sealed record ObjectiveRow(
    Guid Id, string Reference, string Title, ObjectiveKind Kind, ObjectiveStatus Status, Guid? ParentId, string? ParentReference,
    Guid? OwnerId, string? OwnerName, IReadOnlyList<string> CoOwners, IReadOnlyList<string> Frameworks,
    DateOnly StartOn, DateOnly? TargetOn, ReviewCadence ReviewCadence, DateOnly? LastReviewedOn, DateOnly NextReviewOn, bool ReviewOverdue,
    IReadOnlyList<MeasureQueries.MeasureRow> Measures)
{
    public int Red => Measures.Count(m => m.Status == MeasureStatus.Red);
}

public sealed record ObjectivePage(IReadOnlyList<ObjectiveRow> Rows, bool HasMore, DateOnly Today);

/// <summary>An objective's page: the row, its goal, the ids the edit forms need, and the operational objectives under it.</summary>
public sealed record ObjectiveDetail(ObjectiveRow Row, string Goal, int Version, IReadOnlyList<Guid> CoOwnerIds, IReadOnlyList<string> FrameworkKeys,
    IReadOnlyList<ObjectiveLink> Children, DateOnly Today);

public sealed record ObjectiveLink(Guid Id, string Reference, string Title, ObjectiveStatus Status);

/// <summary>One stored value as the measure's history lists it.</summary>
public sealed record MeasurementRow(
    Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, decimal? Value, MeasureStatus Status, TargetComparison Comparison, decimal Target,
    decimal? AmberThreshold, string Detail, MeasurementKind Kind, string Note, Guid? EvidenceId, DateTimeOffset TakenAt, string TakenBy);

/// <summary>A measure's page: its definition, its values per period (the trend), every stored value newest first, and the records behind the latest.</summary>
public sealed record MeasureDetail(
    Guid Id, Guid ObjectiveId, string ObjectiveReference, string ObjectiveTitle, ObjectiveStatus ObjectiveStatus,
    string Title, string Description, MeasureSource Source, string? LibraryKey, string? Definition, string DataSourceNote,
    TargetComparison Comparison, decimal Target, MeasureDirection Direction, decimal? AmberThreshold, MeasureUnit Unit, MeasureFrequency Frequency,
    Guid? OwnerId, string? OwnerName, int Position, bool Retired, int Version,
    MeasureQueries.MeasureRow? Trend, IReadOnlyList<MeasurementRow> History, bool HistoryTruncated,
    MeasurePeriod? RecordsPeriod, IReadOnlyList<MeasureRecord> RecordsBehind, DateOnly Today)
{
    public string TargetText => MeasureRules.FormatTarget(Comparison, Target, Unit);
}

/// <summary>Reads the objectives register, an objective's page and a measure's page, each in a fixed number of queries.</summary>
public static class ObjectiveRegister
{
    /// <summary>The most stored values a measure's page lists; a monthly measure reaches it after decades.</summary>
    public const int HistoryLimit = 500;

    /// <summary>
    /// One page of objectives, each strategic objective followed by the operational objectives under it, with their measures' latest
    /// values and twelve months of trend.
    /// </summary>
    public static async Task<ObjectivePage> PageAsync(AttestDbContext db, ObjectiveFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var query = db.Objectives.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(o => o.Kind == kind);
        query = filter.Status is { } status ? query.Where(o => o.Status == status) : query.Where(o => o.Status != ObjectiveStatus.Retired);
        if (filter.Owner is { } owner) query = query.Where(o => o.OwnerId == owner || db.ObjectiveOwners.Any(c => c.ObjectiveId == o.Id && c.UserId == owner));
        if (!string.IsNullOrWhiteSpace(filter.Framework))
        {
            var key = filter.Framework.Trim().ToLowerInvariant();
            query = query.Where(o => db.ObjectiveFrameworks.Any(f => f.ObjectiveId == o.Id && db.Frameworks.Any(k => k.Id == f.FrameworkId && k.Key == key)));
        }
        if (filter.RedOnly)
        {
            query = query.Where(o => db.Measures.Any(m => m.ObjectiveId == o.Id && !m.Retired &&
                db.Measurements.Where(v => v.MeasureId == m.Id).OrderByDescending(v => v.PeriodEnd).ThenByDescending(v => v.TakenAt)
                    .Select(v => (MeasureStatus?)v.Status).FirstOrDefault() == MeasureStatus.Red));
        }
        var found = await query
            .Select(o => new
            {
                Objective = o,
                ParentReference = db.Objectives.Where(p => p.Id == o.ParentId).Select(p => p.Reference).FirstOrDefault(),
                Group = o.Kind == ObjectiveKind.Strategic ? o.Reference : db.Objectives.Where(p => p.Id == o.ParentId).Select(p => p.Reference).FirstOrDefault() ?? o.Reference,
            })
            // Kinds are stored by name, so "strategic first" is spelled out rather than left to the column's order.
            .OrderBy(x => x.Group).ThenBy(x => x.Objective.Kind == ObjectiveKind.Strategic ? 0 : 1).ThenBy(x => x.Objective.Reference)
            .Skip((Math.Max(page, 1) - 1) * size).Take(size + 1)
            .ToListAsync(cancellationToken);
        var shown = found.Take(size).ToList();
        var rows = await RowsAsync(db, shown.Select(x => (x.Objective, x.ParentReference)).ToList(), today, cancellationToken);
        return new ObjectivePage(rows, found.Count > size, today);
    }

    public static async Task<ObjectiveDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var found = await db.Objectives.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { Objective = o, ParentReference = db.Objectives.Where(p => p.Id == o.ParentId).Select(p => p.Reference).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Objective", id);
        var row = (await RowsAsync(db, [(found.Objective, found.ParentReference)], today, cancellationToken, includeRetiredMeasures: true))[0];
        var coOwnerIds = await db.ObjectiveOwners.AsNoTracking().Where(c => c.ObjectiveId == id).Select(c => c.UserId).ToListAsync(cancellationToken);
        var frameworkKeys = await db.ObjectiveFrameworks.AsNoTracking().Where(f => f.ObjectiveId == id)
            .Join(db.Frameworks, f => f.FrameworkId, k => k.Id, (_, k) => k.Key).OrderBy(k => k).ToListAsync(cancellationToken);
        var children = await db.Objectives.AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Reference)
            .Select(o => new ObjectiveLink(o.Id, o.Reference, o.Title, o.Status)).ToListAsync(cancellationToken);
        return new ObjectiveDetail(row, found.Objective.Goal, found.Objective.Version, coOwnerIds, frameworkKeys, children, today);
    }

    /// <summary>The rows of the given objectives: co-owners, frameworks and measures in three more queries (two of them the shared measure read).</summary>
    private static async Task<List<ObjectiveRow>> RowsAsync(AttestDbContext db, List<(Objective Objective, string? ParentReference)> objectives, DateOnly today,
        CancellationToken cancellationToken, bool includeRetiredMeasures = false)
    {
        if (objectives.Count == 0) return [];
        var ids = objectives.Select(o => o.Objective.Id).ToList();
        var people = await (from c in db.ObjectiveOwners.AsNoTracking()
                            where ids.Contains(c.ObjectiveId)
                            join u in db.Users on c.UserId equals u.Id
                            select new { c.ObjectiveId, u.Id, u.DisplayName, CoOwner = true })
            .Concat(from o in db.Objectives.AsNoTracking()
                    where ids.Contains(o.Id) && o.OwnerId != null
                    join u in db.Users on o.OwnerId equals u.Id
                    select new { ObjectiveId = o.Id, u.Id, u.DisplayName, CoOwner = false })
            .ToListAsync(cancellationToken);
        var frameworks = await (from f in db.ObjectiveFrameworks.AsNoTracking()
                                where ids.Contains(f.ObjectiveId)
                                join k in db.Frameworks on f.FrameworkId equals k.Id
                                select new { f.ObjectiveId, k.Name }).ToListAsync(cancellationToken);
        var measures = await MeasureQueries.AsAtAsync(db, today, 12, includeRetired: true, cancellationToken);
        return objectives.Select(x =>
        {
            var o = x.Objective;
            var next = ObjectiveRules.NextReviewOn(o.StartOn, o.LastReviewedOn, o.ReviewCadence);
            return new ObjectiveRow(o.Id, o.Reference, o.Title, o.Kind, o.Status, o.ParentId, x.ParentReference, o.OwnerId,
                people.FirstOrDefault(p => p.ObjectiveId == o.Id && !p.CoOwner)?.DisplayName,
                people.Where(p => p.ObjectiveId == o.Id && p.CoOwner).Select(p => p.DisplayName).Order().ToList(),
                frameworks.Where(f => f.ObjectiveId == o.Id).Select(f => f.Name).Order().ToList(),
                o.StartOn, o.TargetOn, o.ReviewCadence, o.LastReviewedOn, next, ObjectiveRules.ReviewOverdue(o.Status, next, today),
                measures.Where(m => m.ObjectiveId == o.Id && (includeRetiredMeasures || !m.Retired || o.Status == ObjectiveStatus.Retired)).ToList());
        }).ToList();
    }

    /// <summary>A measure with its trend, its stored values newest first, and the records behind its latest value.</summary>
    public static async Task<MeasureDetail> MeasureAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var found = await (from x in db.Measures.AsNoTracking()
                           join o in db.Objectives.AsNoTracking() on x.ObjectiveId equals o.Id
                           where x.Id == id
                           select new { Measure = x, o.Reference, o.Title, o.Status, OwnerName = db.Users.Where(u => u.Id == x.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Measure", id);
        var stored = await db.Measurements.AsNoTracking().Where(v => v.MeasureId == id)
            .OrderByDescending(v => v.PeriodEnd).ThenByDescending(v => v.TakenAt).Take(HistoryLimit + 1)
            .Select(v => new MeasurementRow(v.Id, v.PeriodStart, v.PeriodEnd, v.Value, v.Status, v.Comparison, v.Target, v.AmberThreshold, v.Detail, v.Kind,
                v.Note, v.EvidenceId, v.TakenAt, v.TakenBy))
            .ToListAsync(cancellationToken);
        var trend = (await MeasureQueries.AsAtAsync(db, today, 12, includeRetired: true, cancellationToken, onlyMeasure: id)).FirstOrDefault();
        var measure = found.Measure;
        var named = measure.Source == MeasureSource.Computed ? MeasureLibrary.Find(measure.LibraryKey) : null;
        MeasurePeriod? period = null;
        IReadOnlyList<MeasureRecord> behind = [];
        if (named is not null)
        {
            // The records behind the latest stored value; with none stored yet, those behind this month so far.
            period = trend?.Latest is { } latest ? new MeasurePeriod(latest.PeriodStart, latest.PeriodEnd, zone) : MeasurePeriod.Month(today, zone) with { End = today };
            behind = await named.RecordsBehindAsync(db, period, cancellationToken);
        }
        var m = measure;
        return new MeasureDetail(m.Id, m.ObjectiveId, found.Reference, found.Title, found.Status, m.Title, m.Description, m.Source, m.LibraryKey, named?.Definition,
            m.DataSourceNote, m.Comparison, m.Target, m.Direction, m.AmberThreshold, m.Unit, m.Frequency, m.OwnerId, found.OwnerName, m.Position, m.Retired, m.Version,
            trend, stored.Take(HistoryLimit).ToList(), stored.Count > HistoryLimit, period, behind, today);
    }

    /// <summary>Every current measure with its latest value (what `attest measures list` and GET /api/v1/measures print).</summary>
    public static async Task<IReadOnlyList<MeasureQueries.MeasureRow>> ListAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        return await MeasureQueries.AsAtAsync(db, today, 1, includeRetired: false, cancellationToken);
    }
}
