using Attest.Assets;
using Attest.Data;
using Attest.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

public sealed record PlanFilter(string? Q = null, PlanStatus? Status = null, PlanKind? Kind = null, bool NotExercised = false, bool ReviewOverdue = false);

/// <summary>A plan as the register lists it, with its last held exercise.</summary>
public sealed record PlanRow(Guid Id, string Reference, string Title, PlanKind Kind, PlanStatus Status, Guid? ServiceAssetId, string? Service, int? RtoMinutes, int? RpoMinutes,
    string? Owner, DateOnly? ApprovedOn, DateOnly? NextReviewOn, DateOnly? LastExerciseOn, ExerciseResult? LastExerciseResult, bool NotExercisedInYear, bool ReviewOverdue)
{
    public string Rto => ObjectiveDuration.Format(RtoMinutes);
    public string Rpo => ObjectiveDuration.Format(RpoMinutes);
}

public sealed record PlanPage(IReadOnlyList<PlanRow> Rows, bool HasMore, int Total);

public sealed record LinkedRecord(Guid Id, string Reference, string Name, string Kind);

public sealed record ExerciseRow(Guid Id, string Reference, string Title, ExerciseType Type, DateOnly HeldOn, ExerciseResult Result, Guid? PlanId, string? PlanReference,
    string? PlanTitle, int? PlanRtoMinutes, int? PlanRpoMinutes, int? AchievedRtoMinutes, int? AchievedRpoMinutes, string? Owner, Guid? EvidenceItemId)
{
    public bool RtoMissed => ContinuityVerdicts.RtoMissed(PlanRtoMinutes, AchievedRtoMinutes);
    public bool RpoMissed => ContinuityVerdicts.RpoMissed(PlanRpoMinutes, AchievedRpoMinutes);
}

public sealed record ExercisePage(IReadOnlyList<ExerciseRow> Rows, bool HasMore, int Total);

public sealed record PlanDetail(Guid Id, string Reference, string Title, PlanKind Kind, PlanStatus Status, Guid? ServiceAssetId, string? Service, int? RtoMinutes, int? RpoMinutes,
    Guid? OwnerId, string? Owner, Guid? DeputyId, string? Deputy, string Activation, string Steps, string Contacts, DateOnly? ApprovedOn, DateOnly? LastReviewedOn,
    DateOnly? NextReviewOn, IReadOnlyList<LinkedRecord> Assets, IReadOnlyList<LinkedRecord> Suppliers, IReadOnlyList<ExerciseRow> Exercises, bool NotExercisedInYear,
    bool ReviewOverdue, DateTimeOffset UpdatedAt, int Version)
{
    public string Rto => ObjectiveDuration.Format(RtoMinutes);
    public string Rpo => ObjectiveDuration.Format(RpoMinutes);
}

public sealed record ExerciseDetail(Guid Id, string Reference, string Title, ExerciseType Type, DateOnly HeldOn, ExerciseResult Result, Guid? PlanId, string? PlanReference,
    string? PlanTitle, int? PlanRtoMinutes, int? PlanRpoMinutes, Guid? OwnerId, string? Owner, string Participants, string Scenario, int? AchievedRtoMinutes,
    int? AchievedRpoMinutes, string IssuesFound, Guid? EvidenceItemId, string? EvidenceReference, int Version)
{
    public bool RtoMissed => ContinuityVerdicts.RtoMissed(PlanRtoMinutes, AchievedRtoMinutes);
    public bool RpoMissed => ContinuityVerdicts.RpoMissed(PlanRpoMinutes, AchievedRpoMinutes);
}

public sealed record RestoreTestSummary(Guid Id, string Reference, DateOnly HeldOn, ExerciseResult Result);

/// <summary>The continuity figures for the dashboard and the continuity page.</summary>
public sealed record ContinuityFigures(
    int PlansApproved, int PlansTotal, IReadOnlyList<LinkedRecord> CriticalServicesWithoutPlan, int PlansNotExercised, RestoreTestSummary? LastRestoreTest,
    int RestoreTestsThisYear, int RestoreTestsExpected, int? LastMonth, int ServicesMeetingTargetLastMonth, int ServicesRecordedLastMonth, int MonthsMissedLast12);

public sealed record Outage(Guid IncidentId, string Reference, string Title, IncidentSeverity Severity, int Month, Guid AssetId);

public sealed record AvailabilityMonth(int Month, Guid? RecordId, double? UptimePercent, double? TargetPercent, int? DowntimeMinutes, string Note, AvailabilitySource? Source,
    IReadOnlyList<Outage> Outages)
{
    public bool Recorded => UptimePercent is not null;
    public bool? Met => UptimePercent is { } u && TargetPercent is { } t ? AvailabilityArithmetic.Met(u, t) : null;
}

public sealed record ServiceAvailability(Guid Id, string Name, Guid? AssetId, string? Asset, double TargetPercent, Guid? OwnerId, string? Owner, bool Active, int Version,
    IReadOnlyList<AvailabilityMonth> Months, double? YearToDate, int YearToDateMonths)
{
    public int Missed => Months.Count(m => m.Met == false);
    public int Recorded => Months.Count(m => m.Recorded);
}

/// <summary>The last twelve complete months for every monitored service, with the outages behind each month (four queries for the whole page).</summary>
public sealed record AvailabilityOverview(IReadOnlyList<int> Months, int CurrentMonth, IReadOnlyList<ServiceAvailability> Services);

public static class ContinuityQueries
{
    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    private static IQueryable<PlanRow> PlanRows(AttestDbContext db, IQueryable<ContinuityPlan> plans, DateOnly today)
    {
        var yearAgo = today.AddYears(-1);
        return from p in plans
               let last = db.ContinuityExercises.Where(e => e.PlanId == p.Id && e.Result != ExerciseResult.Planned).OrderByDescending(e => e.HeldOn)
                   .Select(e => new { e.HeldOn, e.Result }).FirstOrDefault()
               select new PlanRow(p.Id, p.Reference, p.Title, p.Kind, p.Status, p.ServiceAssetId,
                   db.Assets.Where(a => a.Id == p.ServiceAssetId).Select(a => a.Name).FirstOrDefault(), p.RtoMinutes, p.RpoMinutes,
                   db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), p.ApprovedOn, p.NextReviewOn,
                   last == null ? null : (DateOnly?)last.HeldOn, last == null ? null : (ExerciseResult?)last.Result,
                   p.Status != PlanStatus.Retired && !db.ContinuityExercises.Any(e => e.PlanId == p.Id && e.Result != ExerciseResult.Planned && e.HeldOn > yearAgo),
                   p.Status != PlanStatus.Retired && p.NextReviewOn != null && p.NextReviewOn < today);
    }

    private static IQueryable<ContinuityPlan> Filtered(AttestDbContext db, PlanFilter filter, DateOnly today)
    {
        var plans = db.ContinuityPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            plans = plans.Where(p => p.Title.ToLower().Contains(q) || p.Reference.ToLower().Contains(q));
        }
        if (filter.Status is { } status) plans = plans.Where(p => p.Status == status);
        else plans = plans.Where(p => p.Status != PlanStatus.Retired);
        if (filter.Kind is { } kind) plans = plans.Where(p => p.Kind == kind);
        if (filter.NotExercised)
        {
            var yearAgo = today.AddYears(-1);
            plans = plans.Where(p => p.Status != PlanStatus.Retired && !db.ContinuityExercises.Any(e => e.PlanId == p.Id && e.Result != ExerciseResult.Planned && e.HeldOn > yearAgo));
        }
        if (filter.ReviewOverdue) plans = plans.Where(p => p.Status != PlanStatus.Retired && p.NextReviewOn != null && p.NextReviewOn < today);
        return plans;
    }

    /// <summary>One page of plans by reference (retired ones only when asked for by status).</summary>
    public static async Task<PlanPage> PlansAsync(AttestDbContext db, PlanFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var plans = Filtered(db, filter, today);
        var rows = await PlanRows(db, plans.OrderBy(p => p.Reference).Skip((page - 1) * size).Take(size + 1), today).ToListAsync(cancellationToken);
        var total = rows.Count > size || page > 1 ? await plans.CountAsync(cancellationToken) : rows.Count;
        return new PlanPage(rows.Take(size).ToList(), rows.Count > size, total);
    }

    private static IQueryable<ExerciseRow> ExerciseRows(AttestDbContext db, IQueryable<ContinuityExercise> exercises) =>
        from e in exercises
        join p in db.ContinuityPlans on e.PlanId equals p.Id into plans
        from plan in plans.DefaultIfEmpty()
        join u in db.Users on e.OwnerId equals u.Id into owners
        from owner in owners.DefaultIfEmpty()
        select new ExerciseRow(e.Id, e.Reference, e.Title, e.Type, e.HeldOn, e.Result, e.PlanId, plan == null ? null : plan.Reference, plan == null ? null : plan.Title,
            plan == null ? null : plan.RtoMinutes, plan == null ? null : plan.RpoMinutes, e.AchievedRtoMinutes, e.AchievedRpoMinutes, owner == null ? null : owner.DisplayName,
            e.EvidenceItemId);

    /// <summary>Exercises, most recent first.</summary>
    public static async Task<ExercisePage> ExercisesAsync(AttestDbContext db, ExerciseType? type, ExerciseResult? result, int page, int size, CancellationToken cancellationToken = default)
    {
        var exercises = db.ContinuityExercises.AsNoTracking();
        if (type is { } t) exercises = exercises.Where(e => e.Type == t);
        if (result is { } r) exercises = exercises.Where(e => e.Result == r);
        var rows = await ExerciseRows(db, exercises.OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Reference).Skip((page - 1) * size).Take(size + 1))
            .ToListAsync(cancellationToken);
        var total = rows.Count > size || page > 1 ? await exercises.CountAsync(cancellationToken) : rows.Count;
        return new ExercisePage(rows.Take(size).ToList(), rows.Count > size, total);
    }

    public static async Task<PlanDetail> PlanAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var p = await db.ContinuityPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Continuity plan", id);
        var row = await PlanRows(db, db.ContinuityPlans.AsNoTracking().Where(x => x.Id == id), today).SingleAsync(cancellationToken);
        var deputy = p.DeputyId is { } d ? await db.Users.AsNoTracking().Where(u => u.Id == d).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        var assets = (await db.PlanAssets.AsNoTracking().Where(l => l.PlanId == id).Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => new { a.Id, a.Reference, a.Name, a.Type })
            .OrderBy(a => a.Reference).ToListAsync(cancellationToken)).Select(a => new LinkedRecord(a.Id, a.Reference, a.Name, AssetLabels.Of(a.Type))).ToList();
        var suppliers = await db.PlanSuppliers.AsNoTracking().Where(l => l.PlanId == id).Join(db.Suppliers, l => l.SupplierId, s => s.Id, (l, s) => s)
            .OrderBy(s => s.Reference).Select(s => new LinkedRecord(s.Id, s.Reference, s.Name, s.Service)).ToListAsync(cancellationToken);
        var exercises = await ExerciseRows(db, db.ContinuityExercises.AsNoTracking().Where(e => e.PlanId == id).OrderByDescending(e => e.HeldOn).Take(100)).ToListAsync(cancellationToken);
        return new PlanDetail(p.Id, p.Reference, p.Title, p.Kind, p.Status, p.ServiceAssetId, row.Service, p.RtoMinutes, p.RpoMinutes, p.OwnerId, row.Owner, p.DeputyId, deputy,
            p.Activation, p.Steps, p.Contacts, p.ApprovedOn, p.LastReviewedOn, p.NextReviewOn, assets, suppliers, exercises, row.NotExercisedInYear, row.ReviewOverdue,
            p.UpdatedAt, p.Version);
    }

    public static async Task<ExerciseDetail> ExerciseAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await (from e in db.ContinuityExercises.AsNoTracking().Where(x => x.Id == id)
                           join p in db.ContinuityPlans on e.PlanId equals p.Id into plans
                           from plan in plans.DefaultIfEmpty()
                           select new ExerciseDetail(e.Id, e.Reference, e.Title, e.Type, e.HeldOn, e.Result, e.PlanId, plan == null ? null : plan.Reference,
                               plan == null ? null : plan.Title, plan == null ? null : plan.RtoMinutes, plan == null ? null : plan.RpoMinutes, e.OwnerId,
                               db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), e.Participants, e.Scenario, e.AchievedRtoMinutes,
                               e.AchievedRpoMinutes, e.IssuesFound, e.EvidenceItemId, db.EvidenceItems.Where(v => v.Id == e.EvidenceItemId).Select(v => v.Reference).FirstOrDefault(),
                               e.Version)).FirstOrDefaultAsync(cancellationToken);
        return found ?? throw new RecordNotFoundException("Continuity exercise", id);
    }

    /// <summary>Plans whose service is the asset or that depend on it, for the asset's page.</summary>
    public static Task<List<LinkedRecord>> PlansOfAssetAsync(AttestDbContext db, Guid assetId, CancellationToken cancellationToken = default) =>
        db.ContinuityPlans.AsNoTracking().Where(p => p.ServiceAssetId == assetId || db.PlanAssets.Any(l => l.PlanId == p.Id && l.AssetId == assetId))
            .OrderBy(p => p.Reference).Select(p => new LinkedRecord(p.Id, p.Reference, p.Title, p.ServiceAssetId == assetId ? "plan for this service" : "depends on it"))
            .ToListAsync(cancellationToken);

    /// <summary>Plans that depend on the supplier, for the supplier's page.</summary>
    public static Task<List<LinkedRecord>> PlansOfSupplierAsync(AttestDbContext db, Guid supplierId, CancellationToken cancellationToken = default) =>
        db.PlanSuppliers.AsNoTracking().Where(l => l.SupplierId == supplierId).Join(db.ContinuityPlans, l => l.PlanId, p => p.Id, (l, p) => p)
            .OrderBy(p => p.Reference).Select(p => new LinkedRecord(p.Id, p.Reference, p.Title, "depends on it")).ToListAsync(cancellationToken);

    /// <summary>Every figure in five queries.</summary>
    public static async Task<ContinuityFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var yearAgo = today.AddYears(-1);
        var plans = await db.ContinuityPlans.AsNoTracking().Where(p => p.Status != PlanStatus.Retired)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                Approved = g.Count(p => p.Status == PlanStatus.Approved),
                NotExercised = g.Count(p => !db.ContinuityExercises.Any(e => e.PlanId == p.Id && e.Result != ExerciseResult.Planned && e.HeldOn > yearAgo)),
            }).FirstOrDefaultAsync(cancellationToken);
        var uncovered = (await db.Assets.AsNoTracking()
            .Where(a => a.Criticality == Criticality.Critical && (a.Type == AssetType.Service || a.Type == AssetType.AiSystem || a.Type == AssetType.Software)
                && a.Lifecycle != AssetLifecycle.Retired && a.Lifecycle != AssetLifecycle.Disposed
                && !db.ContinuityPlans.Any(p => p.ServiceAssetId == a.Id && p.Status == PlanStatus.Approved))
            .OrderBy(a => a.Reference).Select(a => new { a.Id, a.Reference, a.Name, a.Type }).ToListAsync(cancellationToken))
            .Select(a => new LinkedRecord(a.Id, a.Reference, a.Name, AssetLabels.Of(a.Type))).ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var restores = await db.ContinuityExercises.AsNoTracking().Where(e => e.Type == ExerciseType.RestoreTest && e.Result != ExerciseResult.Planned && e.HeldOn <= today)
            .OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Reference)
            .Select(e => new RestoreTestSummary(e.Id, e.Reference, e.HeldOn, e.Result)).Take(1).ToListAsync(cancellationToken);
        var restoresThisYear = await db.ContinuityExercises.AsNoTracking()
            .CountAsync(e => e.Type == ExerciseType.RestoreTest && e.Result != ExerciseResult.Planned && e.HeldOn >= yearStart && e.HeldOn <= today, cancellationToken);
        var currentMonth = OrganizationTime.Month(today);
        var lastMonth = OrganizationTime.AddMonths(currentMonth, -1);
        var firstMonth = OrganizationTime.AddMonths(currentMonth, -12);
        var months = await db.AvailabilityRecords.AsNoTracking().Where(r => r.Month >= firstMonth && r.Month <= lastMonth)
            .Select(r => new { r.Month, r.UptimePercent, r.TargetPercent }).ToListAsync(cancellationToken);
        var last = months.Where(m => m.Month == lastMonth).ToList();
        return new ContinuityFigures(plans?.Approved ?? 0, plans?.Total ?? 0, uncovered, plans?.NotExercised ?? 0, restores.FirstOrDefault(), restoresThisYear,
            (today.Month - 1) / 3 + 1, lastMonth, last.Count(m => AvailabilityArithmetic.Met(m.UptimePercent, m.TargetPercent)), last.Count,
            months.Count(m => !AvailabilityArithmetic.Met(m.UptimePercent, m.TargetPercent)));
    }

    /// <summary>
    /// The last twelve complete months of every monitored service (inactive ones only when they have a month in the window), with the
    /// availability incidents affecting each service's asset detected in each month, and the year to date.
    /// </summary>
    public static async Task<AvailabilityOverview> AvailabilityAsync(AttestDbContext db, Guid? serviceId = null, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var currentMonth = OrganizationTime.Month(db.Clock.GetUtcNow(), zone);
        var window = Enumerable.Range(1, 12).Select(i => OrganizationTime.AddMonths(currentMonth, i - 13)).ToList();
        var first = window[0];
        var yearStart = currentMonth / 100 * 100 + 1;
        var from = Math.Min(first, yearStart);
        var services = db.MonitoredServices.AsNoTracking();
        if (serviceId is { } only) services = services.Where(s => s.Id == only);
        var rows = await services
            .Where(s => s.Active || db.AvailabilityRecords.Any(r => r.ServiceId == s.Id && r.Month >= first))
            .OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id, s.Name, s.AssetId, Asset = db.Assets.Where(a => a.Id == s.AssetId).Select(a => a.Reference + " " + a.Name).FirstOrDefault(), s.TargetPercent, s.OwnerId,
                Owner = db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), s.Active, s.Version,
            })
            .Take(200).ToListAsync(cancellationToken);
        var ids = rows.Select(s => s.Id).ToList();
        var records = await db.AvailabilityRecords.AsNoTracking().Where(r => ids.Contains(r.ServiceId) && r.Month >= from && r.Month <= currentMonth)
            .Select(r => new { r.Id, r.ServiceId, r.Month, r.UptimePercent, r.TargetPercent, r.DowntimeMinutes, r.Note, r.Source }).ToListAsync(cancellationToken);
        var assets = rows.Where(s => s.AssetId != null).Select(s => s.AssetId!.Value).Distinct().ToList();
        var outages = assets.Count == 0 ? [] : await db.IncidentAssets.AsNoTracking().Where(l => assets.Contains(l.AssetId))
            .Join(db.Incidents.Where(i => i.Category == IncidentCategory.Availability && i.DetectedMonth >= first && i.DetectedMonth <= currentMonth),
                l => l.IncidentId, i => i.Id, (l, i) => new Outage(i.Id, i.Reference, i.Title, i.Severity, i.DetectedMonth, l.AssetId))
            .ToListAsync(cancellationToken);
        var byService = records.ToLookup(r => r.ServiceId);
        var result = rows.Select(s =>
        {
            var mine = byService[s.Id].ToDictionary(r => r.Month);
            var months = window.Select(m => mine.TryGetValue(m, out var r)
                ? new AvailabilityMonth(m, r.Id, r.UptimePercent, r.TargetPercent, r.DowntimeMinutes, r.Note, r.Source, OutagesOf(outages, s.AssetId, m))
                : new AvailabilityMonth(m, null, null, null, null, "", null, OutagesOf(outages, s.AssetId, m))).ToList();
            var year = mine.Values.Where(r => r.Month >= yearStart).Select(r => (r.Month, r.UptimePercent)).ToList();
            return new ServiceAvailability(s.Id, s.Name, s.AssetId, s.Asset, s.TargetPercent, s.OwnerId, s.Owner, s.Active, s.Version, months,
                AvailabilityArithmetic.Combined(year), year.Count);
        }).ToList();
        return new AvailabilityOverview(window, currentMonth, result);
    }

    private static List<Outage> OutagesOf(List<Outage> outages, Guid? assetId, int month) =>
        assetId is { } asset ? outages.Where(o => o.AssetId == asset && o.Month == month).OrderBy(o => o.Reference).ToList() : [];

    /// <summary>Every recorded month of one service, newest first, for its page.</summary>
    public static Task<List<AvailabilityMonth>> HistoryAsync(AttestDbContext db, Guid serviceId, CancellationToken cancellationToken = default) =>
        db.AvailabilityRecords.AsNoTracking().Where(r => r.ServiceId == serviceId).OrderByDescending(r => r.Month).Take(120)
            .Select(r => new AvailabilityMonth(r.Month, r.Id, r.UptimePercent, r.TargetPercent, r.DowntimeMinutes, r.Note, r.Source, new List<Outage>()))
            .ToListAsync(cancellationToken);
}
