using System.Linq.Expressions;
using Attest.Assets;
using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Incidents;

public enum IncidentState
{
    Open = 0,
    Closed = 1,
}

/// <summary>Register filters; every one is applied in SQL.</summary>
public sealed record IncidentFilter(
    string? Search = null,
    IncidentStatus? Status = null,
    IncidentSeverity? Severity = null,
    IncidentCategory? Category = null,
    IncidentState? State = null,
    bool SlaBreached = false,
    bool PersonalData = false,
    Guid? OwnerId = null,
    Guid? AssetId = null,
    /// <summary>yyyyMM of detection, in the organization's time zone.</summary>
    int? Month = null);

public sealed record IncidentRow(
    Guid Id, string Reference, string Title, IncidentCategory Category, IncidentSeverity Severity, IncidentStatus Status, string ReportedBy, string? Owner,
    DateTimeOffset? OccurredAt, DateTimeOffset DetectedAt, DateTimeOffset? ContainedAt, DateTimeOffset? RecoveredAt, DateTimeOffset? ClosedAt,
    long? DetectSeconds, long? ContainSeconds, long? RecoverSeconds, bool PersonalData, BreachStatus? Breach, SlaVerdict Sla, int Version);

public sealed record IncidentPage(IReadOnlyList<IncidentRow> Rows, bool HasMore);

public sealed record IncidentAssetView(Guid Id, string Reference, string Name, AssetType Type);

public sealed record IncidentLinkView(Guid Id, string Reference, string Name, string Note);

public sealed record IncidentEventView(Guid Id, DateTimeOffset At, DateTimeOffset RecordedAt, string RecordedBy, IncidentEventKind Kind, IncidentStatus? FromStatus,
    IncidentStatus? ToStatus, string Text);

public sealed record BreachNotificationView(Guid Id, NotificationRecipient Recipient, string RecipientName, DateTimeOffset SentAt, string Method, string Content,
    string ExternalReference, string SentBy, DateTimeOffset RecordedAt, string RecordedBy, bool InTime);

/// <summary>The breach record with its clock at the moment it was read.</summary>
public sealed record BreachView(
    Guid Id, DateTimeOffset AwareAt, BreachStatus Status, BreachRisk Risk, string DataCategories, string DataSubjects, int? ApproximateSubjects, int? ApproximateRecords,
    string LikelyConsequences, string MeasuresTaken, string NotNotifiableReason, string DelayReason, string Authority, DateTimeOffset? DecidedAt, string DecidedBy,
    int NotificationHours, DateTimeOffset Deadline, DateTimeOffset? AuthorityNotifiedAt, IReadOnlyList<BreachNotificationView> Notifications, int Version)
{
    /// <summary>Time left at <paramref name="now"/>; negative once overdue. Null once the clock has stopped (authority told, or not notifiable).</summary>
    public TimeSpan? Remaining(DateTimeOffset now) =>
        AuthorityNotifiedAt is not null || Status == BreachStatus.NotNotifiable ? null : BreachClock.Remaining(AwareAt, NotificationHours, now);

    public bool NotifiedInTime => AuthorityNotifiedAt is { } at && BreachClock.InTime(AwareAt, NotificationHours, at);
}

public sealed record IncidentDetail(
    Guid Id, string Reference, string Title, string Description, IncidentCategory Category, IncidentSeverity Severity, IncidentStatus Status, IncidentChannel Channel,
    Guid? ReporterId, string ReportedBy, Guid? OwnerId, string? Owner, DateTimeOffset? OccurredAt, DateTimeOffset DetectedAt, DateTimeOffset ReportedAt,
    DateTimeOffset? TriagedAt, DateTimeOffset? ContainedAt, DateTimeOffset? EradicatedAt, DateTimeOffset? RecoveredAt, DateTimeOffset? ClosedAt,
    long? DetectSeconds, long? ContainSeconds, long? RecoverSeconds, string AffectedClients, string AffectedData, bool PersonalData, Guid? SupplierId, string? Supplier,
    string RootCause, string LessonsLearned, DateOnly? ReviewedOn, string ClosureNote, SlaLimits Limits, SlaVerdict Sla,
    IReadOnlyList<IncidentAssetView> Assets, IReadOnlyList<IncidentLinkView> Risks, IReadOnlyList<IncidentLinkView> Controls, IReadOnlyList<IncidentEventView> Timeline,
    BreachView? Breach, IReadOnlyList<CorrectiveActionRow> Actions, int Version)
{
    public bool IsClosed => Status == IncidentStatus.Closed;
}

/// <summary>An incident as the person who reported it follows it.</summary>
public sealed record ReportedIncidentRow(Guid Id, string Reference, string Title, IncidentCategory Category, IncidentSeverity Severity, IncidentStatus Status,
    DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt);

/// <summary>An incident linked to a risk or control, for those pages.</summary>
public sealed record LinkedIncident(Guid Id, string Reference, string Title, IncidentSeverity Severity, IncidentStatus Status, DateTimeOffset DetectedAt, string Note);

public sealed record SeverityFigures(IncidentSeverity Severity, int Incidents, int Open, int Judged, int Met, int LiveBreaches,
    double? MeanDetectSeconds, long? MaxDetectSeconds, double? MeanContainSeconds, long? MaxContainSeconds);

public sealed record MonthFigures(int Month, int Critical, int High, int Medium, int Low)
{
    public int Total => Critical + High + Medium + Low;
}

public sealed record BreachFigures(int Total, int Assessing, int Notifiable, int NotNotifiable, int Notified, int Overdue);

/// <summary>
/// The incident figures of the last twelve months (by detection month, in the organization's time zone): counts by severity and month, SLA
/// compliance (contained incidents within their detection and containment limits, against those plus open ones already past their
/// containment limit), mean and longest time to detect and contain, open corrective actions, and personal data breaches.
/// </summary>
public sealed record IncidentFigures(int FromMonth, int ToMonth, IReadOnlyList<MonthFigures> Months, IReadOnlyList<SeverityFigures> Severities,
    int OpenActions, int OverdueActions, BreachFigures Breaches)
{
    public int Incidents => Severities.Sum(s => s.Incidents);
    public int Open => Severities.Sum(s => s.Open);
    public int LiveBreaches => Severities.Sum(s => s.LiveBreaches);

    /// <summary>Percentage of judged incidents within SLA; null when nothing can be judged yet.</summary>
    public double? SlaCompliance
    {
        get
        {
            var judged = Severities.Sum(s => s.Judged + s.LiveBreaches);
            return judged == 0 ? null : Math.Round(100.0 * Severities.Sum(s => s.Met) / judged, 1);
        }
    }
}

/// <summary>SLA judgement of incidents as rows (from their times) and as SQL (from the stored seconds), which agree.</summary>
public static class IncidentSla
{
    /// <summary>
    /// The verdict of an incident at <paramref name="now"/> (<see cref="IncidentClock.Evaluate"/>), except that a closed incident is not
    /// judged on steps it never reached (a false alarm closed without containment has no containment to judge).
    /// </summary>
    public static SlaVerdict Judge(IncidentTimes times, SlaLimits limits, bool closed, DateTimeOffset now)
    {
        var verdict = IncidentClock.Evaluate(times, limits, now);
        if (!closed) return verdict;
        return verdict with
        {
            Contain = times.ContainedAt is null ? SlaState.Unknown : verdict.Contain,
            Recover = times.RecoveredAt is null ? SlaState.Unknown : verdict.Recover,
        };
    }

    private static long Seconds(TimeSpan limit) => (long)limit.TotalSeconds;

    /// <summary>Incidents whose detection, containment or recovery broke its limit, or that are open and past a limit for a step not yet reached.</summary>
    public static Expression<Func<Incident, bool>> Breached(IncidentSettings settings, DateTimeOffset now)
    {
        var c = IncidentClock.Limits(settings, IncidentSeverity.Critical);
        var h = IncidentClock.Limits(settings, IncidentSeverity.High);
        var m = IncidentClock.Limits(settings, IncidentSeverity.Medium);
        var l = IncidentClock.Limits(settings, IncidentSeverity.Low);
        long cd = Seconds(c.Detect), cc = Seconds(c.Contain), cr = Seconds(c.Recover);
        long hd = Seconds(h.Detect), hc = Seconds(h.Contain), hr = Seconds(h.Recover);
        long md = Seconds(m.Detect), mc = Seconds(m.Contain), mr = Seconds(m.Recover);
        long ld = Seconds(l.Detect), lc = Seconds(l.Contain), lr = Seconds(l.Recover);
        DateTimeOffset ccCut = now - c.Contain, crCut = now - c.Recover, hcCut = now - h.Contain, hrCut = now - h.Recover;
        DateTimeOffset mcCut = now - m.Contain, mrCut = now - m.Recover, lcCut = now - l.Contain, lrCut = now - l.Recover;
        return i =>
            (i.Severity == IncidentSeverity.Critical && (i.DetectSeconds > cd || i.ContainSeconds > cc || i.RecoverSeconds > cr ||
                (i.Status != IncidentStatus.Closed && ((i.ContainedAt == null && i.DetectedAt < ccCut) || (i.RecoveredAt == null && i.DetectedAt < crCut))))) ||
            (i.Severity == IncidentSeverity.High && (i.DetectSeconds > hd || i.ContainSeconds > hc || i.RecoverSeconds > hr ||
                (i.Status != IncidentStatus.Closed && ((i.ContainedAt == null && i.DetectedAt < hcCut) || (i.RecoveredAt == null && i.DetectedAt < hrCut))))) ||
            (i.Severity == IncidentSeverity.Medium && (i.DetectSeconds > md || i.ContainSeconds > mc || i.RecoverSeconds > mr ||
                (i.Status != IncidentStatus.Closed && ((i.ContainedAt == null && i.DetectedAt < mcCut) || (i.RecoveredAt == null && i.DetectedAt < mrCut))))) ||
            (i.Severity == IncidentSeverity.Low && (i.DetectSeconds > ld || i.ContainSeconds > lc || i.RecoverSeconds > lr ||
                (i.Status != IncidentStatus.Closed && ((i.ContainedAt == null && i.DetectedAt < lcCut) || (i.RecoveredAt == null && i.DetectedAt < lrCut)))));
    }

    /// <summary>Open incidents not yet contained whose containment limit has passed.</summary>
    public static Expression<Func<Incident, bool>> ContainmentOverdue(IncidentSettings settings, DateTimeOffset now)
    {
        DateTimeOffset c = now - IncidentClock.Limits(settings, IncidentSeverity.Critical).Contain, h = now - IncidentClock.Limits(settings, IncidentSeverity.High).Contain;
        DateTimeOffset m = now - IncidentClock.Limits(settings, IncidentSeverity.Medium).Contain, l = now - IncidentClock.Limits(settings, IncidentSeverity.Low).Contain;
        return i => i.Status != IncidentStatus.Closed && i.ContainedAt == null &&
            ((i.Severity == IncidentSeverity.Critical && i.DetectedAt < c) || (i.Severity == IncidentSeverity.High && i.DetectedAt < h) ||
             (i.Severity == IncidentSeverity.Medium && i.DetectedAt < m) || (i.Severity == IncidentSeverity.Low && i.DetectedAt < l));
    }
}

/// <summary>Reading incidents: the register page (one query), one incident whole, the figures (grouped queries over the stored seconds), and lists for other pages.</summary>
public static class IncidentQueries
{
    public const int PageSize = 50;

    public static IQueryable<Incident> Filtered(AttestDbContext db, IncidentFilter filter, IncidentSettings settings, DateTimeOffset now)
    {
        var query = db.Incidents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(i => i.Reference.ToLower().Contains(term) || i.Title.ToLower().Contains(term) || i.ReportedBy.ToLower().Contains(term)
                || i.AffectedClients.ToLower().Contains(term));
        }
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.Severity is { } severity) query = query.Where(i => i.Severity == severity);
        if (filter.Category is { } category) query = query.Where(i => i.Category == category);
        if (filter.State == IncidentState.Open) query = query.Where(i => i.Status != IncidentStatus.Closed);
        if (filter.State == IncidentState.Closed) query = query.Where(i => i.Status == IncidentStatus.Closed);
        if (filter.SlaBreached) query = query.Where(IncidentSla.Breached(settings, now));
        if (filter.PersonalData) query = query.Where(i => i.PersonalData);
        if (filter.OwnerId is { } owner) query = query.Where(i => i.OwnerId == owner);
        if (filter.AssetId is { } asset) query = query.Where(i => db.IncidentAssets.Any(l => l.IncidentId == i.Id && l.AssetId == asset));
        if (filter.Month is { } month) query = query.Where(i => i.DetectedMonth == month);
        return query;
    }

    /// <summary>A page of the register, newest detection first, in one query (a 51st row tells whether there is a next page).</summary>
    public static async Task<IncidentPage> PageAsync(AttestDbContext db, IncidentFilter filter, IncidentSettings settings, int page, int size = PageSize,
        CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var found = await Filtered(db, filter, settings, now)
            .OrderByDescending(i => i.DetectedAt).ThenByDescending(i => i.Reference)
            .Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .Select(i => new
            {
                i.Id, i.Reference, i.Title, i.Category, i.Severity, i.Status, i.ReportedBy, i.OccurredAt, i.DetectedAt, i.ContainedAt, i.RecoveredAt, i.ClosedAt,
                i.DetectSeconds, i.ContainSeconds, i.RecoverSeconds, i.PersonalData, i.Version,
                Owner = db.Users.Where(u => u.Id == i.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Breach = db.BreachAssessments.Where(b => b.IncidentId == i.Id).Select(b => (BreachStatus?)b.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        var rows = found.Select(i => new IncidentRow(i.Id, i.Reference, i.Title, i.Category, i.Severity, i.Status, i.ReportedBy, i.Owner, i.OccurredAt, i.DetectedAt,
            i.ContainedAt, i.RecoveredAt, i.ClosedAt, i.DetectSeconds, i.ContainSeconds, i.RecoverSeconds, i.PersonalData, i.Breach,
            IncidentSla.Judge(new IncidentTimes(i.OccurredAt, i.DetectedAt, i.ContainedAt, i.RecoveredAt), IncidentClock.Limits(settings, i.Severity),
                i.Status == IncidentStatus.Closed, now), i.Version)).ToList();
        return new IncidentPage(rows, more);
    }

    public static async Task<IncidentDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var i = await db.Incidents.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                Incident = x,
                Owner = db.Users.Where(u => u.Id == x.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Supplier = db.Suppliers.Where(s => s.Id == x.SupplierId).Select(s => s.Reference + " " + s.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Incident", id);
        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        var assets = await db.IncidentAssets.AsNoTracking().Where(l => l.IncidentId == id).Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => a)
            .OrderBy(a => a.Reference).Select(a => new IncidentAssetView(a.Id, a.Reference, a.Name, a.Type)).ToListAsync(cancellationToken);
        var risks = await db.IncidentRisks.AsNoTracking().Where(l => l.IncidentId == id).Join(db.Risks, l => l.RiskId, r => r.Id, (l, r) => new { l, r })
            .OrderBy(x => x.r.Reference).Select(x => new IncidentLinkView(x.r.Id, x.r.Reference, x.r.Title, x.l.Note)).ToListAsync(cancellationToken);
        var controls = await db.IncidentControls.AsNoTracking().Where(l => l.IncidentId == id).Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l, c })
            .OrderBy(x => x.c.Reference).Select(x => new IncidentLinkView(x.c.Id, x.c.Reference, x.c.Name, x.l.Note)).ToListAsync(cancellationToken);
        var timeline = await db.IncidentEvents.AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.At).ThenBy(e => e.RecordedAt)
            .Select(e => new IncidentEventView(e.Id, e.At, e.RecordedAt, e.RecordedBy, e.Kind, e.FromStatus, e.ToStatus, e.Text)).ToListAsync(cancellationToken);
        var breach = await BreachAsync(db, id, settings, cancellationToken);
        var actions = await CorrectiveActionQueries.ForSourceAsync(db, ActionSource.Incident, id, cancellationToken);
        var x = i.Incident;
        var limits = IncidentClock.Limits(settings, x.Severity);
        return new IncidentDetail(x.Id, x.Reference, x.Title, x.Description, x.Category, x.Severity, x.Status, x.Channel, x.ReporterId, x.ReportedBy, x.OwnerId, i.Owner,
            x.OccurredAt, x.DetectedAt, x.ReportedAt, x.TriagedAt, x.ContainedAt, x.EradicatedAt, x.RecoveredAt, x.ClosedAt, x.DetectSeconds, x.ContainSeconds, x.RecoverSeconds,
            x.AffectedClients, x.AffectedData, x.PersonalData, x.SupplierId, i.Supplier, x.RootCause, x.LessonsLearned, x.ReviewedOn, x.ClosureNote, limits,
            IncidentSla.Judge(IncidentTimes.Of(x), limits, x.Status == IncidentStatus.Closed, now), assets, risks, controls, timeline, breach, actions, x.Version);
    }

    /// <summary>The breach record of an incident with its notifications (two queries), or null when it has none.</summary>
    public static async Task<BreachView?> BreachAsync(AttestDbContext db, Guid incidentId, IncidentSettings settings, CancellationToken cancellationToken = default)
    {
        var b = await db.BreachAssessments.AsNoTracking().FirstOrDefaultAsync(x => x.IncidentId == incidentId, cancellationToken);
        if (b is null) return null;
        var hours = settings.NotificationHours;
        var notifications = (await db.BreachNotifications.AsNoTracking().Where(n => n.BreachId == b.Id).OrderBy(n => n.SentAt).ThenBy(n => n.RecordedAt).ToListAsync(cancellationToken))
            .Select(n => new BreachNotificationView(n.Id, n.Recipient, n.RecipientName, n.SentAt, n.Method, n.Content, n.ExternalReference, n.SentBy, n.RecordedAt, n.RecordedBy,
                n.Recipient != NotificationRecipient.SupervisoryAuthority || BreachClock.InTime(b.AwareAt, hours, n.SentAt)))
            .ToList();
        var authority = notifications.Where(n => n.Recipient == NotificationRecipient.SupervisoryAuthority).Select(n => (DateTimeOffset?)n.SentAt).FirstOrDefault();
        return new BreachView(b.Id, b.AwareAt, b.Status, b.Risk, b.DataCategories, b.DataSubjects, b.ApproximateSubjects, b.ApproximateRecords, b.LikelyConsequences,
            b.MeasuresTaken, b.NotNotifiableReason, b.DelayReason, b.Authority, b.DecidedAt, b.DecidedBy, hours, BreachClock.Deadline(b.AwareAt, hours), authority,
            notifications, b.Version);
    }

    /// <summary>What the person reported, newest first, 50 a page.</summary>
    public static async Task<(IReadOnlyList<ReportedIncidentRow> Rows, bool HasMore)> ReportedByAsync(AttestDbContext db, Guid userId, int page, CancellationToken cancellationToken = default)
    {
        var rows = await db.Incidents.AsNoTracking().Where(i => i.ReporterId == userId).OrderByDescending(i => i.ReportedAt)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize + 1)
            .Select(i => new ReportedIncidentRow(i.Id, i.Reference, i.Title, i.Category, i.Severity, i.Status, i.ReportedAt, i.ClosedAt)).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(PageSize);
        return (rows, more);
    }

    public static Task<List<LinkedIncident>> OfRiskAsync(AttestDbContext db, Guid riskId, CancellationToken cancellationToken = default) =>
        db.IncidentRisks.AsNoTracking().Where(l => l.RiskId == riskId).Join(db.Incidents, l => l.IncidentId, i => i.Id, (l, i) => new { l, i })
            .OrderByDescending(x => x.i.DetectedAt).Take(100)
            .Select(x => new LinkedIncident(x.i.Id, x.i.Reference, x.i.Title, x.i.Severity, x.i.Status, x.i.DetectedAt, x.l.Note)).ToListAsync(cancellationToken);

    public static Task<List<LinkedIncident>> OfControlAsync(AttestDbContext db, Guid controlId, CancellationToken cancellationToken = default) =>
        db.IncidentControls.AsNoTracking().Where(l => l.ControlId == controlId).Join(db.Incidents, l => l.IncidentId, i => i.Id, (l, i) => new { l, i })
            .OrderByDescending(x => x.i.DetectedAt).Take(100)
            .Select(x => new LinkedIncident(x.i.Id, x.i.Reference, x.i.Title, x.i.Severity, x.i.Status, x.i.DetectedAt, x.l.Note)).ToListAsync(cancellationToken);

    /// <summary>The figures of the twelve months up to this one: six small grouped queries whatever the number of incidents.</summary>
    public static async Task<IncidentFigures> FiguresAsync(AttestDbContext db, IncidentSettings settings, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var to = OrganizationTime.Month(now, zone);
        var from = OrganizationTime.AddMonths(to, -11);
        long S(IncidentSeverity severity, Func<SlaLimits, TimeSpan> pick) => (long)pick(IncidentClock.Limits(settings, severity)).TotalSeconds;
        long cd = S(IncidentSeverity.Critical, l => l.Detect), cc = S(IncidentSeverity.Critical, l => l.Contain);
        long hd = S(IncidentSeverity.High, l => l.Detect), hc = S(IncidentSeverity.High, l => l.Contain);
        long md = S(IncidentSeverity.Medium, l => l.Detect), mc = S(IncidentSeverity.Medium, l => l.Contain);
        long ld = S(IncidentSeverity.Low, l => l.Detect), lc = S(IncidentSeverity.Low, l => l.Contain);

        // One row per (month, severity): counts, sums and maxima of the stored seconds, and how many were within both limits.
        var groups = await db.Incidents.AsNoTracking()
            .Where(i => i.DetectedMonth >= from && i.DetectedMonth <= to)
            .GroupBy(i => new { i.DetectedMonth, i.Severity })
            .Select(g => new
            {
                g.Key.DetectedMonth, g.Key.Severity, Count = g.Count(),
                Detected = g.Count(i => i.DetectSeconds != null), DetectSum = g.Sum(i => i.DetectSeconds), DetectMax = g.Max(i => i.DetectSeconds),
                Contained = g.Count(i => i.ContainSeconds != null), ContainSum = g.Sum(i => i.ContainSeconds), ContainMax = g.Max(i => i.ContainSeconds),
                Met = g.Count(i => i.ContainSeconds != null &&
                    (i.Severity == IncidentSeverity.Critical ? i.ContainSeconds <= cc && (i.DetectSeconds == null || i.DetectSeconds <= cd)
                    : i.Severity == IncidentSeverity.High ? i.ContainSeconds <= hc && (i.DetectSeconds == null || i.DetectSeconds <= hd)
                    : i.Severity == IncidentSeverity.Medium ? i.ContainSeconds <= mc && (i.DetectSeconds == null || i.DetectSeconds <= md)
                    : i.ContainSeconds <= lc && (i.DetectSeconds == null || i.DetectSeconds <= ld))),
            })
            .ToListAsync(cancellationToken);
        var overdue = IncidentSla.ContainmentOverdue(settings, now);
        var open = await db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Closed)
            .GroupBy(i => i.Severity)
            .Select(g => new { Severity = g.Key, Open = g.Count() })
            .ToListAsync(cancellationToken);
        var live = await db.Incidents.AsNoTracking().Where(overdue)
            .GroupBy(i => i.Severity)
            .Select(g => new { Severity = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var today = OrganizationTime.Date(now, zone);
        var actions = await db.CorrectiveActions.AsNoTracking()
            .Where(a => a.Source == ActionSource.Incident && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .GroupBy(a => a.DueOn != null && a.DueOn < today)
            .Select(g => new { Overdue = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var deadline = now.AddHours(-settings.NotificationHours);
        var breaches = await db.BreachAssessments.AsNoTracking().GroupBy(b => b.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var late = await db.BreachAssessments.AsNoTracking()
            .CountAsync(b => (b.Status == BreachStatus.Assessing || b.Status == BreachStatus.Notifiable) && b.AwareAt < deadline
                && !db.BreachNotifications.Any(n => n.BreachId == b.Id && n.Recipient == NotificationRecipient.SupervisoryAuthority), cancellationToken);

        var months = new List<MonthFigures>();
        for (var month = from; month <= to; month = OrganizationTime.AddMonths(month, 1))
        {
            int Of(IncidentSeverity s) => groups.Where(g => g.DetectedMonth == month && g.Severity == s).Sum(g => g.Count);
            months.Add(new MonthFigures(month, Of(IncidentSeverity.Critical), Of(IncidentSeverity.High), Of(IncidentSeverity.Medium), Of(IncidentSeverity.Low)));
        }
        var severities = Enum.GetValues<IncidentSeverity>().Reverse().Select(s =>
        {
            var rows = groups.Where(g => g.Severity == s).ToList();
            var detected = rows.Sum(r => r.Detected);
            var contained = rows.Sum(r => r.Contained);
            return new SeverityFigures(s, rows.Sum(r => r.Count), open.Where(o => o.Severity == s).Sum(o => o.Open), contained, rows.Sum(r => r.Met),
                live.Where(o => o.Severity == s).Sum(o => o.Count),
                detected == 0 ? null : (double)rows.Sum(r => r.DetectSum ?? 0) / detected, rows.Max(r => r.DetectMax),
                contained == 0 ? null : (double)rows.Sum(r => r.ContainSum ?? 0) / contained, rows.Max(r => r.ContainMax));
        }).ToList();
        int Count(BreachStatus status) => breaches.Where(b => b.Status == status).Sum(b => b.Count);
        return new IncidentFigures(from, to, months, severities, actions.Sum(a => a.Count), actions.Where(a => a.Overdue).Sum(a => a.Count),
            new BreachFigures(breaches.Sum(b => b.Count), Count(BreachStatus.Assessing), Count(BreachStatus.Notifiable), Count(BreachStatus.NotNotifiable),
                Count(BreachStatus.Notified), late));
    }
}
