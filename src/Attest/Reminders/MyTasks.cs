using Attest.AccessReviews;
using Attest.AiSystems;
using Attest.Data;
using Attest.Exceptions;
using Attest.Improvement;
using Attest.Objectives;
using Attest.People;
using Attest.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reminders;

/// <summary>The kinds of things a person is reminded of, in the order "my tasks" groups them.</summary>
public enum TaskKind
{
    /// <summary>A policy or document they own whose review date is near or past.</summary>
    DocumentReview = 0,
    /// <summary>A published document assigned to them that they have not accepted yet.</summary>
    Acknowledgement = 1,
    Training = 2,
    /// <summary>An open access review campaign with accounts waiting for their decision.</summary>
    AccessReview = 3,
    CorrectiveAction = 4,
    Nonconformity = 5,
    /// <summary>An approved AI impact assessment they own that is due for reassessment.</summary>
    ImpactAssessment = 6,
    ObjectiveReview = 7,
    /// <summary>A manual measure they enter whose value for the period just ended is missing.</summary>
    MeasureValue = 8,
    /// <summary>An approved exception they own that runs out soon (or has run out).</summary>
    Exception = 9,
    SupplierReview = 10,
}

/// <summary>
/// One thing a person has to do: what, by when, whether it is late, and where to do it (<see cref="Path"/>, relative to the site).
/// <see cref="Note"/> adds what the title does not say ("3 accounts to decide", "value for October 2026").
/// </summary>
public sealed record MyTask(TaskKind Kind, string Reference, string Title, DateOnly DueOn, bool Overdue, string Path, string Note);

/// <summary>A person's tasks on <see cref="Today"/>: overdue first (oldest first), then due soon (soonest first).</summary>
public sealed record MyTaskList(DateOnly Today, IReadOnlyList<MyTask> Items)
{
    public int OverdueCount => Items.Count(t => t.Overdue);
    public int DueCount => Items.Count(t => !t.Overdue);

    /// <summary>The tasks grouped by kind, in the order of <see cref="TaskKind"/>.</summary>
    public IReadOnlyList<IGrouping<TaskKind, MyTask>> ByKind => Items.GroupBy(t => t.Kind).OrderBy(g => g.Key).ToList();
}

/// <summary>
/// What one person has to do across the ISMS, as each register judges it: a task is listed when it is due within
/// <see cref="DueWithinDays"/> days of today (exceptions: within <see cref="ExceptionRules.ExpiringWithinDays"/>) or already late, and it is
/// overdue when its due date is before today — the same boundary every register uses. The whole list is read in one query (after the
/// person's personnel record, for training), whatever the number of records.
/// </summary>
public static class MyTasks
{
    /// <summary>A task becomes "due" this many days before its due date.</summary>
    public const int DueWithinDays = 14;

    /// <summary>A manual measure's value for a period is due this many days after the period ends.</summary>
    public const int MeasureValueDueAfterDays = 7;

    public static string Label(TaskKind kind) => kind switch
    {
        TaskKind.DocumentReview => "Policy and document reviews",
        TaskKind.Acknowledgement => "Policies to read and accept",
        TaskKind.Training => "Training",
        TaskKind.AccessReview => "Access review decisions",
        TaskKind.CorrectiveAction => "Corrective actions",
        TaskKind.Nonconformity => "Nonconformities",
        TaskKind.ImpactAssessment => "AI impact assessments to review",
        TaskKind.ObjectiveReview => "Objective reviews",
        TaskKind.MeasureValue => "Measure values to enter",
        TaskKind.Exception => "Exceptions running out",
        TaskKind.SupplierReview => "Supplier reviews",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The tasks of <paramref name="userId"/> in the acting organization on <paramref name="today"/> (the organization's date).
    /// </summary>
    public static async Task<MyTaskList> ForUserAsync(AttestDbContext db, Guid userId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var personId = await PersonLookup.PersonIdOfUserAsync(db, userId, cancellationToken);
        var horizon = today.AddDays(DueWithinDays);
        var exceptionHorizon = today.AddDays(ExceptionRules.ExpiringWithinDays);
        var me = userId;
        var (monthEnded, quarterEnded, yearEnded) = (EndOf(MeasureFrequency.Monthly, today), EndOf(MeasureFrequency.Quarterly, today), EndOf(MeasureFrequency.Annually, today));

        // Every branch projects to the same shape so that the database answers them all at once (UNION ALL).
        var documents = db.Documents.AsNoTracking()
            .Where(d => d.OwnerId == me && !d.Retired && d.NextReviewOn != null && d.NextReviewOn <= horizon)
            .Select(d => new Candidate { Kind = TaskKind.DocumentReview, Id = d.Id, Reference = d.Reference, Title = d.Title, DueOn = d.NextReviewOn, Since = null, Number = 0, Flag = false, Text = "" });
        var acknowledgements = db.DocumentAssignments.AsNoTracking()
            .Where(a => a.UserId == me && a.AcceptedAt == null && a.DueOn <= horizon)
            .Join(db.Documents, a => a.DocumentId, d => d.Id, (a, d) => new Candidate
            {
                Kind = TaskKind.Acknowledgement, Id = d.Id, Reference = d.Reference, Title = d.Title, DueOn = a.DueOn, Since = null, Number = 0, Flag = false, Text = "",
            });
        var training = db.TrainingAssignments.AsNoTracking()
            .Where(a => personId != null && a.PersonId == personId && a.CompletedOn == null && a.CancelledOn == null && a.DueOn <= horizon)
            .Join(db.Courses, a => a.CourseId, c => c.Id, (a, c) => new Candidate
            {
                Kind = TaskKind.Training, Id = c.Id, Reference = c.Reference, Title = c.Title, DueOn = a.DueOn, Since = null, Number = 0, Flag = false, Text = "",
            });
        var accessReviews = db.AccessReviewCampaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Open && c.DueOn <= horizon &&
                db.AccessReviewItems.Any(i => i.CampaignId == c.Id && i.ReviewerId == me && i.Decision == AccessDecision.Pending))
            .Select(c => new Candidate
            {
                Kind = TaskKind.AccessReview, Id = c.Id, Reference = c.Reference, Title = c.Title, DueOn = c.DueOn, Since = null,
                Number = db.AccessReviewItems.Count(i => i.CampaignId == c.Id && i.ReviewerId == me && i.Decision == AccessDecision.Pending), Flag = false, Text = "",
            });
        var actions = CorrectiveActionRegister.Filtered(db, new CorrectiveActionFilter(OpenOnly: true, OwnerId: me, DueBefore: horizon.AddDays(1)), today)
            .Select(a => new Candidate { Kind = TaskKind.CorrectiveAction, Id = a.Id, Reference = a.Reference, Title = a.Title, DueOn = a.DueOn, Since = null, Number = 0, Flag = false, Text = "" });
        var nonconformities = NonconformityRegister.Filtered(db, new NonconformityFilter(Status: NonconformityStatus.Open, OwnerId: me), today)
            .Where(n => n.DueOn != null && n.DueOn <= horizon)
            .Select(n => new Candidate { Kind = TaskKind.Nonconformity, Id = n.Id, Reference = n.Reference, Title = n.Title, DueOn = n.DueOn, Since = null, Number = 0, Flag = false, Text = "" });
        var assessments = db.ImpactAssessments.AsNoTracking()
            .Where(a => a.OwnerId == me && a.ApprovedNumber != "" && (a.ReassessmentDue || (a.NextReviewOn != null && a.NextReviewOn <= horizon)))
            .Select(a => new Candidate
            {
                Kind = TaskKind.ImpactAssessment, Id = a.Id, Reference = a.Reference, Title = a.Title, DueOn = a.NextReviewOn, Since = null, Number = 0,
                Flag = a.ReassessmentDue, Text = a.ReassessmentReason,
            });
        // Review dates depend on the cadence, so the few objectives a person owns are read whole and judged below.
        var objectives = db.Objectives.AsNoTracking()
            .Where(o => o.Status == ObjectiveStatus.Active && (o.OwnerId == me || db.ObjectiveOwners.Any(x => x.ObjectiveId == o.Id && x.UserId == me)))
            .Select(o => new Candidate
            {
                Kind = TaskKind.ObjectiveReview, Id = o.Id, Reference = o.Reference, Title = o.Title, DueOn = o.LastReviewedOn, Since = o.StartOn,
                // Spelled out: the cadence is stored as text, and a cast would not give its number.
                Number = o.ReviewCadence == ReviewCadence.Monthly ? 1 : o.ReviewCadence == ReviewCadence.SemiAnnually ? 6 : o.ReviewCadence == ReviewCadence.Annually ? 12 : 3,
                Flag = false, Text = "",
            });
        var measures = db.Measures.AsNoTracking()
            .Where(m => m.Source == MeasureSource.Manual && !m.Retired)
            .Join(db.Objectives.Where(o => o.Status == ObjectiveStatus.Active), m => m.ObjectiveId, o => o.Id, (m, o) => new { m, o })
            .Where(x => x.m.OwnerId == me || (x.m.OwnerId == null && x.o.OwnerId == me))
            .Select(x => new Candidate
            {
                Kind = TaskKind.MeasureValue, Id = x.m.Id, Reference = x.o.Reference, Title = x.m.Title,
                DueOn = db.Measurements.Where(v => v.MeasureId == x.m.Id).Max(v => (DateOnly?)v.PeriodEnd),
                Since = null,
                Number = x.m.Frequency == MeasureFrequency.Quarterly ? 3 : x.m.Frequency == MeasureFrequency.Annually ? 12 : 1,
                // Whether the measure existed when its last period ended (a new one is not asked for a value from before it was added).
                Flag = x.m.Frequency == MeasureFrequency.Quarterly ? x.m.CreatedAt < quarterEnded : x.m.Frequency == MeasureFrequency.Annually ? x.m.CreatedAt < yearEnded : x.m.CreatedAt < monthEnded,
                Text = "",
            });
        var exceptions = db.ComplianceExceptions.AsNoTracking()
            .Where(e => e.OwnerId == me && e.Status == ExceptionStatus.Approved && e.ValidUntil != null && e.ValidUntil <= exceptionHorizon)
            .Select(e => new Candidate { Kind = TaskKind.Exception, Id = e.Id, Reference = e.Reference, Title = e.Title, DueOn = e.ValidUntil, Since = null, Number = 0, Flag = false, Text = "" });
        var suppliers = db.Suppliers.AsNoTracking()
            .Where(s => s.OwnerId == me && s.Status != SupplierStatus.Offboarded && s.NextReviewOn != null && s.NextReviewOn <= horizon)
            .Select(s => new Candidate { Kind = TaskKind.SupplierReview, Id = s.Id, Reference = s.Reference, Title = s.Name, DueOn = s.NextReviewOn, Since = null, Number = 0, Flag = false, Text = "" });

        var found = await documents.Concat(acknowledgements).Concat(training).Concat(accessReviews).Concat(actions).Concat(nonconformities)
            .Concat(assessments).Concat(objectives).Concat(measures).Concat(exceptions).Concat(suppliers)
            .ToListAsync(cancellationToken);

        var tasks = new List<MyTask>();
        foreach (var c in found)
        {
            if (ToTask(c, today, horizon) is { } task) tasks.Add(task);
        }
        var ordered = tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueOn).ThenBy(t => t.Kind).ThenBy(t => t.Reference, StringComparer.Ordinal).ToList();
        return new MyTaskList(today, ordered);
    }

    private static MyTask? ToTask(Candidate c, DateOnly today, DateOnly horizon)
    {
        switch (c.Kind)
        {
            case TaskKind.DocumentReview:
                return Dated(c, today, $"/policies/{c.Id}", "review date");
            case TaskKind.Acknowledgement:
                return Dated(c, today, $"/my/documents/{c.Id}", "to accept");
            case TaskKind.Training:
                return Dated(c, today, $"/my/training/{c.Id}", "to complete");
            case TaskKind.AccessReview:
                return Dated(c, today, $"/access/reviews/{c.Id}/my", c.Number == 1 ? "1 account to decide" : $"{c.Number} accounts to decide");
            case TaskKind.CorrectiveAction:
                return Dated(c, today, "/my/actions", "to complete");
            case TaskKind.Nonconformity:
                return Dated(c, today, $"/nonconformities/{c.Id}", "to correct");
            case TaskKind.ImpactAssessment:
                {
                    // The register's rule: due when a trigger flagged it or its review date has passed; a flag alone makes it due today.
                    var due = c.DueOn is { } next && (!c.Flag || next < today) ? next : today;
                    var note = c.Flag ? "reassessment triggered" + (string.IsNullOrWhiteSpace(c.Text) ? "" : ": " + c.Text.Trim()) : "review date";
                    return new MyTask(c.Kind, c.Reference, c.Title, due, due < today, $"/ai/assessments/{c.Id}", note);
                }
            case TaskKind.ObjectiveReview:
                {
                    var cadence = c.Number switch { 1 => ReviewCadence.Monthly, 6 => ReviewCadence.SemiAnnually, 12 => ReviewCadence.Annually, _ => ReviewCadence.Quarterly };
                    var next = ObjectiveRules.NextReviewOn(c.Since!.Value, c.DueOn, cadence);
                    return next > horizon ? null : new MyTask(c.Kind, c.Reference, c.Title, next, ObjectiveRules.ReviewOverdue(ObjectiveStatus.Active, next, today), $"/objectives/{c.Id}",
                        c.DueOn is { } last ? $"last reviewed {last:yyyy-MM-dd}" : "not reviewed yet");
                }
            case TaskKind.MeasureValue:
                {
                    var period = LastEndedPeriod(c.Number switch { 3 => MeasureFrequency.Quarterly, 12 => MeasureFrequency.Annually, _ => MeasureFrequency.Monthly }, today);
                    // A value for the period (or a later one) is there, or the measure did not exist when the period ended.
                    if (c.DueOn is { } latest && latest >= period.Start || !c.Flag) return null;
                    var due = period.End.AddDays(MeasureValueDueAfterDays);
                    return due > horizon ? null : new MyTask(c.Kind, c.Reference, c.Title, due, due < today, $"/objectives/measures/{c.Id}",
                        $"value for {PeriodLabel(period)}");
                }
            case TaskKind.Exception:
                {
                    var until = c.DueOn!.Value;
                    return new MyTask(c.Kind, c.Reference, c.Title, until, ExceptionRules.IsExpired(ExceptionStatus.Approved, until, today), $"/exceptions/{c.Id}",
                        until < today ? "expired: renew or close" : "last day");
                }
            case TaskKind.SupplierReview:
                return Dated(c, today, $"/suppliers/{c.Id}", "review date");
            default:
                return null;
        }
    }

    private static MyTask? Dated(Candidate c, DateOnly today, string path, string note) =>
        c.DueOn is { } due ? new MyTask(c.Kind, c.Reference, c.Title, due, due < today, path, note) : null;

    /// <summary>The last whole period before <paramref name="today"/> for a measure of this frequency (weekly measures are asked for monthly).</summary>
    internal static (DateOnly Start, DateOnly End) LastEndedPeriod(MeasureFrequency frequency, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        switch (frequency)
        {
            case MeasureFrequency.Quarterly:
                var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
                return (quarter.AddMonths(-3), quarter.AddDays(-1));
            case MeasureFrequency.Annually:
                var year = new DateOnly(today.Year, 1, 1);
                return (year.AddYears(-1), year.AddDays(-1));
            default:
                return (month.AddMonths(-1), month.AddDays(-1));
        }
    }

    /// <summary>The first instant (UTC) after the last whole period of this frequency.</summary>
    private static DateTimeOffset EndOf(MeasureFrequency frequency, DateOnly today) =>
        new(LastEndedPeriod(frequency, today).End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string PeriodLabel((DateOnly Start, DateOnly End) period) =>
        period.End == period.Start.AddMonths(1).AddDays(-1)
            ? period.Start.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : $"{period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}";

    /// <summary>One row of the union; the meaning of <see cref="Number"/>, <see cref="Since"/> and <see cref="Flag"/> depends on the kind.</summary>
    private sealed class Candidate
    {
        public TaskKind Kind { get; init; }
        public Guid Id { get; init; }
        public string Reference { get; init; } = "";
        public string Title { get; init; } = "";
        public DateOnly? DueOn { get; init; }
        public DateOnly? Since { get; init; }
        public int Number { get; init; }
        public bool Flag { get; init; }
        public string Text { get; init; } = "";
    }
}
