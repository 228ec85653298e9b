using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

/// <summary>What the register lists. <see cref="OpenOnly"/> keeps open and in-progress actions; <see cref="Overdue"/> open ones past their due date.</summary>
public sealed record CorrectiveActionFilter(
    string? Search = null,
    ActionSource? Source = null,
    ActionStatus? Status = null,
    bool OpenOnly = false,
    Guid? OwnerId = null,
    bool Overdue = false,
    DateOnly? DueBefore = null);

/// <summary>
/// A corrective action as the register shows it: where it came from (<see cref="SourceLabel"/> is the incident's, exercise's or nonconformity's
/// reference and title, null for sources that do not exist yet in this organization's records) and how long it has been open or overdue, in days.
/// </summary>
public sealed record CorrectiveActionListRow(
    Guid Id, string Reference, string Title, ActionSource Source, Guid? SourceId, string? SourceLabel, Guid? OwnerId, string? OwnerName,
    DateOnly RaisedOn, DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, int DaysOpen, int? DaysOverdue, int Version)
{
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
    public bool IsOverdue => DaysOverdue is > 0;
}

public sealed record CorrectiveActionPage(IReadOnlyList<CorrectiveActionListRow> Rows, bool HasMore, DateOnly Today);

/// <summary>One action with what it links to, for its form and the API.</summary>
public sealed record CorrectiveActionDetail(
    Guid Id, string Reference, string Title, string Description, ActionSource Source, Guid? SourceId, string? SourceLabel, Guid? OwnerId, string? OwnerName,
    DateOnly RaisedOn, DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, string Outcome, Guid? ControlId, string? ControlLabel, Guid? RiskId, string? RiskLabel,
    int DaysOpen, int? DaysOverdue, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
    public bool IsOverdue => DaysOverdue is > 0;
}

/// <summary>Actions of one source kind: open, overdue among the open, done, and all.</summary>
public sealed record ActionSourceFigure(ActionSource Source, int Open, int Overdue, int Done, int Total);

/// <summary>
/// The register in figures on <see cref="Today"/> (the organization's date): open and overdue actions, those done this calendar month, and the
/// average number of days from raising to completion of the actions completed in the last twelve months (null when none were).
/// </summary>
public sealed record CorrectiveActionFigures(int Open, int Overdue, int DoneThisMonth, double? AverageDaysToClose, int ClosedInLastYear,
    IReadOnlyList<ActionSourceFigure> BySource, DateOnly Today);

/// <summary>
/// Reads the corrective action register. Ageing is counted in whole days of the organization's calendar: an action due today is not overdue;
/// due yesterday it is one day overdue. Days open run from the day it was raised to today, or to its completion.
/// </summary>
public static class CorrectiveActionRegister
{
    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    public static IQueryable<CorrectiveAction> Filtered(AttestDbContext db, CorrectiveActionFilter filter, DateOnly today)
    {
        var query = db.CorrectiveActions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(a => a.Reference.ToLower().Contains(term) || a.Title.ToLower().Contains(term) || a.Outcome.ToLower().Contains(term));
        }
        if (filter.Source is { } source) query = query.Where(a => a.Source == source);
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.OpenOnly || filter.Overdue) query = query.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress);
        if (filter.Overdue) query = query.Where(a => a.DueOn != null && a.DueOn < today);
        if (filter.OwnerId is { } owner) query = query.Where(a => a.OwnerId == owner);
        if (filter.DueBefore is { } before) query = query.Where(a => a.DueOn != null && a.DueOn < before);
        return query;
    }

    /// <summary>
    /// One page of the register in one query (plus the organization's date): open actions first, soonest due first (undated last), then by
    /// reference; <c>HasMore</c> says whether another page follows.
    /// </summary>
    public static async Task<CorrectiveActionPage> PageAsync(AttestDbContext db, CorrectiveActionFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var found = await Project(db, Filtered(db, filter, today)
                .OrderBy(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.Cancelled).ThenBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Reference))
            .Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new CorrectiveActionPage(found.Select(r => r.ToRow(zone, today)).ToList(), more, today);
    }

    /// <summary>Every action the filter selects, in reference order (for exports), in one query.</summary>
    public static async Task<(IReadOnlyList<CorrectiveActionListRow> Rows, IReadOnlyDictionary<Guid, (string Description, string Outcome, string? Control, string? Risk)> Text)> AllAsync(
        AttestDbContext db, CorrectiveActionFilter filter, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var found = await Filtered(db, filter, today)
            .Select(a => new
            {
                Row = new Projected(a.Id, a.Reference, a.Title, a.Source, a.SourceId,
                    db.Incidents.Where(i => i.Id == a.SourceId).Select(i => i.Reference + " " + i.Title).FirstOrDefault(),
                    db.ContinuityExercises.Where(e => e.Id == a.SourceId).Select(e => e.Reference + " " + e.Title).FirstOrDefault(),
                    db.Nonconformities.Where(n => n.Id == a.SourceId).Select(n => n.Reference + " " + n.Title).FirstOrDefault(),
                    a.OwnerId, db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt, a.UpdatedAt, a.DueOn, a.Status, a.CompletedOn, a.Version),
                a.Description, a.Outcome,
                Control = db.Controls.Where(c => c.Id == a.ControlId).Select(c => c.Reference).FirstOrDefault(),
                Risk = db.Risks.Where(r => r.Id == a.RiskId).Select(r => r.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ordered = found.OrderBy(x => x.Row.Reference, StringComparer.Ordinal).ToList();
        return (ordered.Select(x => x.Row.ToRow(zone, today)).ToList(), ordered.ToDictionary(x => x.Row.Id, x => (x.Description, x.Outcome, x.Control, x.Risk)));
    }

    public static async Task<CorrectiveActionDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var found = await db.CorrectiveActions.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Action = a,
                Incident = db.Incidents.Where(i => i.Id == a.SourceId).Select(i => i.Reference + " " + i.Title).FirstOrDefault(),
                Exercise = db.ContinuityExercises.Where(e => e.Id == a.SourceId).Select(e => e.Reference + " " + e.Title).FirstOrDefault(),
                // Nonconformities and management reviews share one lookup: ids are unique across tables, and only the source's kind reads it.
                Nonconformity = db.Nonconformities.Where(n => n.Id == a.SourceId).Select(n => n.Reference + " " + n.Title).FirstOrDefault()
                    ?? db.ManagementReviews.Where(r => r.Id == a.SourceId).Select(r => r.Reference + " " + r.Title).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == a.ControlId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Risk = db.Risks.Where(r => r.Id == a.RiskId).Select(r => r.Reference + " " + r.Title).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Corrective action", id);
        var a = found.Action;
        var raised = OrganizationTime.Date(a.CreatedAt, zone);
        var (open, overdue) = Ageing(a.Status, raised, a.DueOn, a.CompletedOn, OrganizationTime.Date(a.UpdatedAt, zone), today);
        return new CorrectiveActionDetail(a.Id, a.Reference, a.Title, a.Description, a.Source, a.SourceId, LabelOf(a.Source, found.Incident, found.Exercise, found.Nonconformity), a.OwnerId, found.Owner,
            raised, a.DueOn, a.Status, a.CompletedOn, a.Outcome, a.ControlId, found.Control, a.RiskId, found.Risk, open, overdue, a.CreatedAt, a.UpdatedAt, a.Version);
    }

    /// <summary>
    /// The figures in two queries after the organization's date: counts by source kind (open, overdue, done, done this month), and the raising and
    /// completion dates of the actions completed in the last twelve months, whose average the figures report.
    /// </summary>
    public static async Task<CorrectiveActionFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var groups = await db.CorrectiveActions.AsNoTracking()
            .GroupBy(a => a.Source)
            .Select(g => new
            {
                Source = g.Key,
                Open = g.Count(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
                Overdue = g.Count(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn != null && a.DueOn < today),
                Done = g.Count(a => a.Status == ActionStatus.Done),
                DoneThisMonth = g.Count(a => a.Status == ActionStatus.Done && a.CompletedOn >= monthStart),
                Total = g.Count(),
            })
            .ToListAsync(cancellationToken);
        // Bounded by a year of completions; the day arithmetic needs the organization's calendar, which SQL does not know.
        var yearAgo = today.AddYears(-1);
        var closed = await db.CorrectiveActions.AsNoTracking()
            .Where(a => a.Status == ActionStatus.Done && a.CompletedOn != null && a.CompletedOn > yearAgo)
            .Select(a => new { a.CreatedAt, a.CompletedOn })
            .ToListAsync(cancellationToken);
        double? average = closed.Count == 0 ? null
            : Math.Round(closed.Average(c => (double)Math.Max(0, c.CompletedOn!.Value.DayNumber - OrganizationTime.Date(c.CreatedAt, zone).DayNumber)), 1);
        var bySource = groups.OrderBy(g => g.Source).Select(g => new ActionSourceFigure(g.Source, g.Open, g.Overdue, g.Done, g.Total)).ToList();
        return new CorrectiveActionFigures(groups.Sum(g => g.Open), groups.Sum(g => g.Overdue), groups.Sum(g => g.DoneThisMonth), average, closed.Count, bySource, today);
    }

    /// <summary>How long an action has been open (to today, or to its completion or cancellation) and, while open, how many days past due.</summary>
    public static (int DaysOpen, int? DaysOverdue) Ageing(ActionStatus status, DateOnly raisedOn, DateOnly? dueOn, DateOnly? completedOn, DateOnly lastChangedOn, DateOnly today)
    {
        var open = status is ActionStatus.Open or ActionStatus.InProgress;
        var end = open ? today : status == ActionStatus.Done ? completedOn ?? lastChangedOn : lastChangedOn;
        var daysOpen = Math.Max(0, end.DayNumber - raisedOn.DayNumber);
        int? overdue = open && dueOn is { } due && due < today ? today.DayNumber - due.DayNumber : null;
        return (daysOpen, overdue);
    }

    /// <summary>The label of the record an action came from: the incident's, exercise's, nonconformity's or management review's reference and title; null for other sources.</summary>
    private static string? LabelOf(ActionSource source, string? incident, string? exercise, string? nonconformity) => source switch
    {
        ActionSource.Incident => incident,
        ActionSource.ContinuityExercise => exercise,
        ActionSource.Nonconformity or ActionSource.ManagementReview => nonconformity,
        _ => null,
    };

    private static IQueryable<Projected> Project(AttestDbContext db, IQueryable<CorrectiveAction> actions) =>
        actions.Select(a => new Projected(a.Id, a.Reference, a.Title, a.Source, a.SourceId,
            db.Incidents.Where(i => i.Id == a.SourceId).Select(i => i.Reference + " " + i.Title).FirstOrDefault(),
            db.ContinuityExercises.Where(e => e.Id == a.SourceId).Select(e => e.Reference + " " + e.Title).FirstOrDefault(),
            db.Nonconformities.Where(n => n.Id == a.SourceId).Select(n => n.Reference + " " + n.Title).FirstOrDefault()
                ?? db.ManagementReviews.Where(r => r.Id == a.SourceId).Select(r => r.Reference + " " + r.Title).FirstOrDefault(),
            a.OwnerId, db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt, a.UpdatedAt, a.DueOn, a.Status, a.CompletedOn, a.Version));

    private sealed record Projected(Guid Id, string Reference, string Title, ActionSource Source, Guid? SourceId, string? Incident, string? Exercise, string? Nonconformity, Guid? OwnerId, string? Owner,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, int Version)
    {
        public CorrectiveActionListRow ToRow(TimeZoneInfo zone, DateOnly today)
        {
            var raised = OrganizationTime.Date(CreatedAt, zone);
            var (open, overdue) = Ageing(Status, raised, DueOn, CompletedOn, OrganizationTime.Date(UpdatedAt, zone), today);
            return new CorrectiveActionListRow(Id, Reference, Title, Source, SourceId, LabelOf(Source, Incident, Exercise, Nonconformity), OwnerId, Owner, raised, DueOn, Status, CompletedOn,
                open, overdue, Version);
        }
    }
}

/// <summary>The register as a file: CSV or XLSX, one row per action in reference order.</summary>
public static class CorrectiveActionExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Title", "Source", "Source record", "Owner", "Raised on", "Due on", "Status", "Completed on", "Days open", "Days overdue", "Control", "Risk",
        "Description", "Outcome",
    ];

    public const string SheetName = "Corrective actions";

    private static readonly int[] Widths = [10, 40, 18, 36, 24, 12, 12, 12, 12, 10, 10, 12, 10, 50, 50];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Csv(Columns, (await RowsAsync(db, cancellationToken)).Select(row => row.Select(c => c switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }).ToArray()));

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Xlsx(SheetName, Columns, Widths, (await RowsAsync(db, cancellationToken)).Select(row => row.Select(c => c is DateOnly d
            ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : c).ToArray()));

    private static async Task<List<object?[]>> RowsAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var (rows, text) = await CorrectiveActionRegister.AllAsync(db, new CorrectiveActionFilter(), cancellationToken);
        return rows.Select(r =>
        {
            var (description, outcome, control, risk) = text[r.Id];
            return new object?[]
            {
                r.Reference, r.Title, CorrectiveActionLabels.Of(r.Source), r.SourceLabel ?? "", r.OwnerName ?? "", r.RaisedOn, r.DueOn, CorrectiveActionLabels.Of(r.Status),
                r.CompletedOn, r.DaysOpen, r.DaysOverdue, control ?? "", risk ?? "", description, outcome,
            };
        }).ToList();
    }
}

/// <summary>Words for the register's enumerations, as people read them.</summary>
public static class CorrectiveActionLabels
{
    public static string Of(ActionSource source) => source switch
    {
        ActionSource.Incident => "Incident",
        ActionSource.ContinuityExercise => "Continuity exercise",
        ActionSource.Nonconformity => "Nonconformity",
        ActionSource.ManagementReview => "Management review",
        _ => "Raised by hand",
    };

    public static string Of(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}

/// <summary>Reads risk references typed into a form into risk ids.</summary>
public static class RiskReferences
{
    public static Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string? references, string field, CancellationToken cancellationToken = default) =>
        References.ResolveAsync(references, field, "risk", async (wanted, token) =>
            await db.Risks.AsNoTracking().Where(r => wanted.Contains(r.Reference)).Select(r => new KeyValuePair<string, Guid>(r.Reference, r.Id)).ToListAsync(token), cancellationToken);
}
