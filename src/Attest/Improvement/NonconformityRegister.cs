using System.Globalization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

/// <summary>
/// What the register lists. <see cref="State"/> is "open" (open or awaiting verification), "closed", "overdue" (open past its due date) or
/// empty for all; <see cref="RequirementCode"/> matches the code of the requirement not met in any framework (e.g. "A.5.18").
/// </summary>
public sealed record NonconformityFilter(
    string? Search = null,
    FindingGrade? Grade = null,
    NonconformityStatus? Status = null,
    NonconformitySource? Source = null,
    string? State = null,
    Guid? OwnerId = null,
    string? RequirementCode = null);

/// <summary>
/// A nonconformity as the register shows it. <see cref="AgeDays"/> runs from the day it was raised to today while it is not closed, and to the
/// day it closed once it is; it is overdue while open past its due date (one awaiting verification has done its part).
/// </summary>
public sealed record NonconformityRow(
    Guid Id, string Reference, string Title, FindingGrade Grade, NonconformitySource Source, Guid? SourceId, string? SourceReference, string? SourceTitle,
    string? RequirementCode, Guid? OwnerId, string? OwnerName, DateOnly RaisedOn, DateOnly? DueOn, NonconformityStatus Status, DateOnly? ClosedOn,
    int AgeDays, bool IsOverdue, int Version)
{
    public bool IsClosed => Status == NonconformityStatus.Closed;
}

public sealed record NonconformityPage(IReadOnlyList<NonconformityRow> Rows, bool HasMore, DateOnly Today);

/// <summary>A nonconformity as its source record lists it.</summary>
public sealed record RaisedNonconformity(Guid Id, string Reference, string Title, FindingGrade Grade, NonconformityStatus Status);

public sealed record GradeFigure(FindingGrade Grade, int Open);

/// <summary>
/// The register in figures on <see cref="Today"/>: records not closed by grade, overdue ones, the age of those not closed (0–30, 31–90 and over
/// 90 days since raised), and the mean days from raising to closing of those closed in the last twelve months (null when none were).
/// </summary>
public sealed record NonconformityFigures(IReadOnlyList<GradeFigure> OpenByGrade, int Overdue, int Aged0To30, int Aged31To90, int AgedOver90,
    double? MeanDaysToClose, int ClosedInLastYear, DateOnly Today)
{
    public int Open => OpenByGrade.Sum(g => g.Open);
}

public sealed record EffectivenessCheckRow(Guid Id, DateOnly CheckedOn, string CheckedBy, bool Effective, string Note, DateTimeOffset RecordedAt);

/// <summary>One nonconformity with everything its page and the API show: the source, requirement and control, checks (newest first) and actions.</summary>
public sealed record NonconformityDetail(
    Guid Id, string Reference, string Title, string Description, FindingGrade Grade, NonconformitySource Source, Guid? SourceId, string? SourceReference,
    string? SourceTitle, string ExternalReference, Guid? RequirementId, string? RequirementCode, string? RequirementLabel, string? FrameworkKey, Guid? ControlId,
    string? ControlLabel, DateOnly RaisedOn, string RaisedBy, Guid? OwnerId, string? OwnerName, DateOnly? DueOn, string RootCause, string Correction,
    NonconformityStatus Status, DateOnly? ClosedOn, string ClosureNote, int AgeDays, bool IsOverdue, IReadOnlyList<EffectivenessCheckRow> Checks,
    IReadOnlyList<CorrectiveActionRow> Actions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public bool IsClosed => Status == NonconformityStatus.Closed;
    public bool IsFinding => Grade is FindingGrade.Major or FindingGrade.Minor;
    /// <summary>The last check, when it found the corrections not effective and the nonconformity is open again.</summary>
    public EffectivenessCheckRow? FailedCheck => Status == NonconformityStatus.Open && Checks.Count > 0 && !Checks[0].Effective ? Checks[0] : null;
}

/// <summary>Reads the nonconformity register (clause 10.2) in the organization's calendar.</summary>
public static class NonconformityRegister
{
    public static IQueryable<Nonconformity> Filtered(AttestDbContext db, NonconformityFilter filter, DateOnly today)
    {
        var query = db.Nonconformities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(n => n.Reference.ToLower().Contains(term) || n.Title.ToLower().Contains(term) || n.Description.ToLower().Contains(term)
                || n.ExternalReference.ToLower().Contains(term));
        }
        if (filter.Grade is { } grade) query = query.Where(n => n.Grade == grade);
        if (filter.Status is { } status) query = query.Where(n => n.Status == status);
        if (filter.Source is { } source) query = query.Where(n => n.Source == source);
        switch (filter.State?.Trim().ToLowerInvariant())
        {
            case "open": query = query.Where(n => n.Status != NonconformityStatus.Closed); break;
            case "closed": query = query.Where(n => n.Status == NonconformityStatus.Closed); break;
            case "overdue": query = query.Where(n => n.Status == NonconformityStatus.Open && n.DueOn != null && n.DueOn < today); break;
        }
        if (filter.OwnerId is { } owner) query = query.Where(n => n.OwnerId == owner);
        if (!string.IsNullOrWhiteSpace(filter.RequirementCode))
        {
            var code = filter.RequirementCode.Trim();
            query = query.Where(n => db.Requirements.Any(r => r.Id == n.RequirementId && r.Code == code));
        }
        return query;
    }

    /// <summary>One page in one query (after the organization's zone): not closed first, majors first, soonest due first (undated last), then by reference.</summary>
    public static async Task<NonconformityPage> PageAsync(AttestDbContext db, NonconformityFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var ordered = Filtered(db, filter, today)
            .OrderBy(n => n.Status == NonconformityStatus.Closed).ThenBy(n => n.Grade).ThenBy(n => n.DueOn == null).ThenBy(n => n.DueOn).ThenBy(n => n.Reference);
        var found = await Project(db, ordered).Skip((Math.Max(1, page) - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new NonconformityPage(found.Select(p => p.ToRow(today)).ToList(), more, today);
    }

    /// <summary>Every record the filter selects, in reference order, with its description, root cause, correction and closure note (for exports).</summary>
    public static async Task<IReadOnlyList<(NonconformityRow Row, string Description, string RootCause, string Correction, string ClosureNote, string ExternalReference)>> AllAsync(
        AttestDbContext db, NonconformityFilter filter, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var found = await Project(db, Filtered(db, filter, today)).ToListAsync(cancellationToken);
        return found.OrderBy(p => p.Reference, StringComparer.Ordinal)
            .Select(p => (p.ToRow(today), p.Description, p.RootCause, p.Correction, p.ClosureNote, p.ExternalReference)).ToList();
    }

    public static async Task<NonconformityDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var found = await NonconformitySources.WithSource(db, db.Nonconformities.AsNoTracking().Where(n => n.Id == id))
            .Select(s => new
            {
                s.Record, s.SourceReference, s.SourceTitle,
                Requirement = db.Requirements.Where(r => r.Id == s.Record.RequirementId)
                    .Select(r => new { r.Code, r.Title, Key = db.Frameworks.Where(f => f.Id == r.FrameworkId).Select(f => f.Key).FirstOrDefault() }).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == s.Record.ControlId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == s.Record.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Nonconformity", id);
        var checks = await db.EffectivenessChecks.AsNoTracking().Where(c => c.NonconformityId == id).OrderByDescending(c => c.RecordedAt)
            .Select(c => new EffectivenessCheckRow(c.Id, c.CheckedOn, c.CheckedBy, c.Effective, c.Note, c.RecordedAt)).ToListAsync(cancellationToken);
        var actions = await CorrectiveActionQueries.ForSourceAsync(db, ActionSource.Nonconformity, id, cancellationToken);
        var n = found.Record;
        return new NonconformityDetail(n.Id, n.Reference, n.Title, n.Description, n.Grade, n.Source, n.SourceId, found.SourceReference, found.SourceTitle, n.ExternalReference,
            n.RequirementId, found.Requirement?.Code, found.Requirement is { } r ? $"{r.Code} {r.Title}" : null, found.Requirement?.Key, n.ControlId, found.Control,
            n.RaisedOn, n.RaisedBy, n.OwnerId, found.Owner, n.DueOn, n.RootCause, n.Correction, n.Status, n.ClosedOn, n.ClosureNote,
            AgeDays(n.Status, n.RaisedOn, n.ClosedOn, today), IsOverdue(n.Status, n.DueOn, today), checks, actions, n.CreatedAt, n.UpdatedAt, n.Version);
    }

    /// <summary>
    /// The figures in two queries after the zone: counts grouped by grade (not closed, overdue, and the three age bands, compared as dates so SQL
    /// needs no date arithmetic), and the raising and closing dates of what closed in the last twelve months.
    /// </summary>
    public static async Task<NonconformityFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var (day30, day90) = (today.AddDays(-30), today.AddDays(-90));
        var groups = await db.Nonconformities.AsNoTracking()
            .Where(n => n.Status != NonconformityStatus.Closed)
            .GroupBy(n => n.Grade)
            .Select(g => new
            {
                Grade = g.Key,
                Open = g.Count(),
                Overdue = g.Count(n => n.Status == NonconformityStatus.Open && n.DueOn != null && n.DueOn < today),
                Young = g.Count(n => n.RaisedOn >= day30),
                Middle = g.Count(n => n.RaisedOn < day30 && n.RaisedOn >= day90),
                Old = g.Count(n => n.RaisedOn < day90),
            })
            .ToListAsync(cancellationToken);
        var yearAgo = today.AddYears(-1);
        var closed = await db.Nonconformities.AsNoTracking()
            .Where(n => n.Status == NonconformityStatus.Closed && n.ClosedOn != null && n.ClosedOn > yearAgo)
            .Select(n => new { n.RaisedOn, n.ClosedOn })
            .ToListAsync(cancellationToken);
        double? mean = closed.Count == 0 ? null : Math.Round(closed.Average(c => (double)Math.Max(0, c.ClosedOn!.Value.DayNumber - c.RaisedOn.DayNumber)), 1);
        var byGrade = Enum.GetValues<FindingGrade>().Select(g => new GradeFigure(g, groups.Where(x => x.Grade == g).Sum(x => x.Open))).ToList();
        return new NonconformityFigures(byGrade, groups.Sum(g => g.Overdue), groups.Sum(g => g.Young), groups.Sum(g => g.Middle), groups.Sum(g => g.Old), mean,
            closed.Count, today);
    }

    /// <summary>The nonconformities raised from one record (an incident, an audit, a regulatory event), oldest first, in one query.</summary>
    public static Task<List<RaisedNonconformity>> ForSourceAsync(AttestDbContext db, NonconformitySource source, Guid sourceId, CancellationToken cancellationToken = default) =>
        db.Nonconformities.AsNoTracking().Where(n => n.Source == source && n.SourceId == sourceId).OrderBy(n => n.Reference)
            .Select(n => new RaisedNonconformity(n.Id, n.Reference, n.Title, n.Grade, n.Status)).ToListAsync(cancellationToken);

    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    /// <summary>Days from raising to today while not closed, or to the day it closed; never negative.</summary>
    public static int AgeDays(NonconformityStatus status, DateOnly raisedOn, DateOnly? closedOn, DateOnly today) =>
        Math.Max(0, (status == NonconformityStatus.Closed ? closedOn ?? today : today).DayNumber - raisedOn.DayNumber);

    /// <summary>Open past its due date; due today is not overdue yet.</summary>
    public static bool IsOverdue(NonconformityStatus status, DateOnly? dueOn, DateOnly today) => status == NonconformityStatus.Open && dueOn is { } due && due < today;

    private static IQueryable<Projected> Project(AttestDbContext db, IQueryable<Nonconformity> nonconformities) =>
        NonconformitySources.WithSource(db, nonconformities).Select(s => new Projected
        {
            Id = s.Record.Id, Reference = s.Record.Reference, Title = s.Record.Title, Grade = s.Record.Grade, Source = s.Record.Source, SourceId = s.Record.SourceId,
            SourceReference = s.SourceReference, SourceTitle = s.SourceTitle,
            RequirementCode = db.Requirements.Where(r => r.Id == s.Record.RequirementId).Select(r => r.Code).FirstOrDefault(),
            OwnerId = s.Record.OwnerId, OwnerName = db.Users.Where(u => u.Id == s.Record.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            RaisedOn = s.Record.RaisedOn, DueOn = s.Record.DueOn, Status = s.Record.Status, ClosedOn = s.Record.ClosedOn, Version = s.Record.Version,
            Description = s.Record.Description, RootCause = s.Record.RootCause, Correction = s.Record.Correction, ClosureNote = s.Record.ClosureNote,
            ExternalReference = s.Record.ExternalReference,
        });

    private sealed class Projected
    {
        public Guid Id { get; init; }
        public string Reference { get; init; } = "";
        public string Title { get; init; } = "";
        public FindingGrade Grade { get; init; }
        public NonconformitySource Source { get; init; }
        public Guid? SourceId { get; init; }
        public string? SourceReference { get; init; }
        public string? SourceTitle { get; init; }
        public string? RequirementCode { get; init; }
        public Guid? OwnerId { get; init; }
        public string? OwnerName { get; init; }
        public DateOnly RaisedOn { get; init; }
        public DateOnly? DueOn { get; init; }
        public NonconformityStatus Status { get; init; }
        public DateOnly? ClosedOn { get; init; }
        public int Version { get; init; }
        public string Description { get; init; } = "";
        public string RootCause { get; init; } = "";
        public string Correction { get; init; } = "";
        public string ClosureNote { get; init; } = "";
        public string ExternalReference { get; init; } = "";

        public NonconformityRow ToRow(DateOnly today) => new(Id, Reference, Title, Grade, Source, SourceId, SourceReference, SourceTitle, RequirementCode, OwnerId, OwnerName,
            RaisedOn, DueOn, Status, ClosedOn, AgeDays(Status, RaisedOn, ClosedOn, today), IsOverdue(Status, DueOn, today), Version);
    }
}

/// <summary>The register as a file: CSV or XLSX, one row per record in reference order.</summary>
public static class NonconformityExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Title", "Grade", "Source", "Source record", "External reference", "Requirement", "Owner", "Raised on", "Due on", "Status", "Closed on",
        "Age (days)", "Overdue", "Description", "Root cause", "Correction", "Closure note",
    ];

    public const string SheetName = "Nonconformities";

    private static readonly int[] Widths = [10, 40, 12, 16, 30, 16, 12, 24, 12, 12, 22, 12, 10, 9, 50, 50, 50, 40];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Csv(Columns, (await RowsAsync(db, cancellationToken)).Select(row => row.Select(c => c switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
        }).ToArray()));

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Xlsx(SheetName, Columns, Widths, (await RowsAsync(db, cancellationToken)).Select(row => row.Select(c => c is DateOnly d
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c).ToArray()));

    private static async Task<List<object?[]>> RowsAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        (await NonconformityRegister.AllAsync(db, new NonconformityFilter(), cancellationToken)).Select(x => new object?[]
        {
            x.Row.Reference, x.Row.Title, NonconformityLabels.Of(x.Row.Grade), NonconformityLabels.Of(x.Row.Source),
            string.Join(" ", new[] { x.Row.SourceReference, x.Row.SourceTitle }.Where(t => !string.IsNullOrEmpty(t))), x.ExternalReference, x.Row.RequirementCode ?? "",
            x.Row.OwnerName ?? "", x.Row.RaisedOn, x.Row.DueOn, NonconformityLabels.Of(x.Row.Status), x.Row.ClosedOn, x.Row.AgeDays, x.Row.IsOverdue ? "yes" : "no",
            x.Description, x.RootCause, x.Correction, x.ClosureNote,
        }).ToList();
}

/// <summary>Words for the register's enumerations, as people read them.</summary>
public static class NonconformityLabels
{
    public static string Of(FindingGrade grade) => grade switch
    {
        FindingGrade.Opportunity => "Opportunity for improvement",
        _ => grade.ToString(),
    };

    public static string Of(NonconformityStatus status) => status switch
    {
        NonconformityStatus.AwaitingVerification => "Awaiting verification",
        _ => status.ToString(),
    };

    public static string Of(NonconformitySource source) => source switch
    {
        NonconformitySource.Manual => "Raised by hand",
        NonconformitySource.ExternalAudit => "External audit",
        NonconformitySource.InternalAudit => "Internal audit",
        NonconformitySource.ManagementReview => "Management review",
        NonconformitySource.RegulatoryEvent => "Regulatory event",
        _ => source.ToString(),
    };
}
