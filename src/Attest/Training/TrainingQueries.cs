using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

public sealed record CourseRow(Guid Id, string Reference, string Title, int DurationMinutes, int? PassingScore, bool HasContentLink, bool Retired, int Questions, int Rules,
    int Open, int Overdue, int Version);

public sealed record QuizQuestionView(Guid Id, int Position, string Text, IReadOnlyList<string> Options,
    /// <summary>The number (from 1) of the right choice; only for those who edit courses.</summary>
    int? Correct,
    /// <summary>Only for those who edit courses: it tends to give the answer away.</summary>
    string? Explanation);

public sealed record CourseDetail(Guid Id, string Reference, string Title, string Description, string? ContentUrl, string Content, int DurationMinutes, int? PassingScore,
    bool Retired, IReadOnlyList<QuizQuestionView> Questions, int Version);

public sealed record RequirementRow(Guid Id, Guid CourseId, string CourseReference, string CourseTitle, string Name, TrainingAudience Audience, string AudienceValue,
    int DueWithinDays, int? RenewEveryMonths, bool Active, DateOnly EffectiveFrom, int Version);

public sealed record AssignmentRow(Guid Id, Guid PersonId, string Person, string Email, string Department, Guid CourseId, string CourseReference, string CourseTitle,
    DateOnly AssignedOn, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? CancelledOn, bool Overdue);

public sealed record AssignmentPage(IReadOnlyList<AssignmentRow> Rows, bool HasMore);

public sealed record CompletionRow(Guid Id, Guid PersonId, string Person, string Email, Guid CourseId, string CourseReference, string CourseTitle, DateOnly CompletedOn,
    int? Score, CompletionSource Source, Guid? EvidenceItemId, string? EvidenceReference, string? ExternalReference, string Notes, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record CompletionPage(IReadOnlyList<CompletionRow> Rows, bool HasMore);

public sealed record AssignmentFilter(Guid? PersonId = null, Guid? CourseId = null, bool OverdueOnly = false, bool OpenOnly = false, string? Search = null);

/// <summary>The training pages' and API's reads: each one query (one round trip), projected, paginated.</summary>
public static class TrainingQueries
{
    public const int PageSize = 50;

    public static Task<List<CourseRow>> CoursesAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = TrainingDates.Today(db);
        return db.Courses.AsNoTracking().OrderBy(c => c.Retired).ThenBy(c => c.Reference)
            .Select(c => new CourseRow(c.Id, c.Reference, c.Title, c.DurationMinutes, c.PassingScore, c.ContentUrl != null, c.Retired,
                db.QuizQuestions.Count(q => q.CourseId == c.Id),
                db.TrainingRequirements.Count(r => r.CourseId == c.Id && r.Active),
                db.TrainingAssignments.Count(a => a.CourseId == c.Id && a.CompletedOn == null && a.CancelledOn == null),
                db.TrainingAssignments.Count(a => a.CourseId == c.Id && a.CompletedOn == null && a.CancelledOn == null && a.DueOn < today),
                c.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A course with its quiz; <paramref name="withAnswers"/> adds the right choices and explanations (for those who edit courses).</summary>
    public static async Task<CourseDetail> CourseAsync(AttestDbContext db, Guid id, bool withAnswers, CancellationToken cancellationToken = default)
    {
        var c = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Course", id);
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.CourseId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        return new CourseDetail(c.Id, c.Reference, c.Title, c.Description, c.ContentUrl, c.Content, c.DurationMinutes, c.PassingScore, c.Retired,
            questions.Select((q, i) => new QuizQuestionView(q.Id, i + 1, q.Text, Quiz.OptionsOf(q.Options), withAnswers ? q.CorrectOption + 1 : null, withAnswers ? q.Explanation : null))
                .ToList(), c.Version);
    }

    public static Task<List<RequirementRow>> RequirementsAsync(AttestDbContext db, Guid? courseId = null, CancellationToken cancellationToken = default) =>
        (from r in db.TrainingRequirements.AsNoTracking()
         join c in db.Courses.AsNoTracking() on r.CourseId equals c.Id
         where courseId == null || r.CourseId == courseId
         orderby c.Reference, r.Name
         select new RequirementRow(r.Id, r.CourseId, c.Reference, c.Title, r.Name, r.Audience, r.AudienceValue, r.DueWithinDays, r.RenewEveryMonths, r.Active, r.EffectiveFrom,
             r.Version)).ToListAsync(cancellationToken);

    public static async Task<RequirementRow> RequirementAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        await (from r in db.TrainingRequirements.AsNoTracking()
               join c in db.Courses.AsNoTracking() on r.CourseId equals c.Id
               where r.Id == id
               select new RequirementRow(r.Id, r.CourseId, c.Reference, c.Title, r.Name, r.Audience, r.AudienceValue, r.DueWithinDays, r.RenewEveryMonths, r.Active,
                   r.EffectiveFrom, r.Version)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new RecordNotFoundException("Training requirement", id);

    /// <summary>Assignments (cancelled ones only when asked for by person or course), overdue and open first, then by due date.</summary>
    public static async Task<AssignmentPage> AssignmentsAsync(AttestDbContext db, AssignmentFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var today = TrainingDates.Today(db);
        var query = from a in db.TrainingAssignments.AsNoTracking()
                    join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                    join c in db.Courses.AsNoTracking() on a.CourseId equals c.Id
                    select new { a, p, c };
        if (filter.PersonId is { } person) query = query.Where(x => x.a.PersonId == person);
        if (filter.CourseId is { } course) query = query.Where(x => x.a.CourseId == course);
        if (filter.PersonId is null && filter.CourseId is null || filter.OpenOnly || filter.OverdueOnly) query = query.Where(x => x.a.CancelledOn == null);
        if (filter.OpenOnly) query = query.Where(x => x.a.CompletedOn == null);
        if (filter.OverdueOnly) query = query.Where(x => x.a.CompletedOn == null && x.a.DueOn < today);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(x => x.p.Name.ToLower().Contains(term) || x.p.EmailKey.Contains(term) || x.p.Department.ToLower().Contains(term));
        }
        var rows = await query
            .OrderBy(x => x.a.CancelledOn != null).ThenBy(x => x.a.CompletedOn != null).ThenBy(x => x.a.DueOn).ThenBy(x => x.p.Name).ThenBy(x => x.a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new AssignmentRow(x.a.Id, x.p.Id, x.p.Name, x.p.Email, x.p.Department, x.c.Id, x.c.Reference, x.c.Title, x.a.AssignedOn, x.a.DueOn, x.a.CompletedOn,
                x.a.CancelledOn, x.a.CompletedOn == null && x.a.CancelledOn == null && x.a.DueOn < today))
            .ToListAsync(cancellationToken);
        return new AssignmentPage(rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public static async Task<CompletionPage> CompletionsAsync(AttestDbContext db, Guid? personId, Guid? courseId, int page, CancellationToken cancellationToken = default)
    {
        var query = from t in db.TrainingCompletions.AsNoTracking()
                    join p in db.People.AsNoTracking() on t.PersonId equals p.Id
                    join c in db.Courses.AsNoTracking() on t.CourseId equals c.Id
                    where (personId == null || t.PersonId == personId) && (courseId == null || t.CourseId == courseId)
                    orderby t.CompletedOn descending, p.Name, t.Id
                    select new CompletionRow(t.Id, p.Id, p.Name, p.Email, c.Id, c.Reference, c.Title, t.CompletedOn, t.Score, t.Source, t.EvidenceItemId,
                        db.EvidenceItems.Where(e => e.Id == t.EvidenceItemId).Select(e => e.Reference).FirstOrDefault(), t.ExternalReference, t.Notes, t.RecordedAt,
                        t.RecordedBy);
        var rows = await query.Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return new CompletionPage(rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public sealed record MyAssignment(Guid CourseId, string Reference, string Title, int DurationMinutes, bool Quizzed, DateOnly DueOn, DateOnly? CompletedOn, bool Overdue);
    public sealed record MyCompletion(Guid CourseId, string Reference, string Title, DateOnly CompletedOn, int? Score, CompletionSource Source);
    public sealed record MyTraining(IReadOnlyList<MyAssignment> Assignments, IReadOnlyList<MyCompletion> Completions);

    /// <summary>One person's open and completed assignments (not cancelled; the latest 100) and their completions (the latest 100).</summary>
    public static async Task<MyTraining> MineAsync(AttestDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        var today = TrainingDates.Today(db);
        var assignments = await (from a in db.TrainingAssignments.AsNoTracking()
                                 join c in db.Courses.AsNoTracking() on a.CourseId equals c.Id
                                 where a.PersonId == personId && a.CancelledOn == null
                                 orderby a.CompletedOn != null, a.DueOn descending
                                 select new MyAssignment(c.Id, c.Reference, c.Title, c.DurationMinutes, c.PassingScore != null, a.DueOn, a.CompletedOn,
                                     a.CompletedOn == null && a.DueOn < today))
            .Take(100).ToListAsync(cancellationToken);
        var completions = await (from t in db.TrainingCompletions.AsNoTracking()
                                 join c in db.Courses.AsNoTracking() on t.CourseId equals c.Id
                                 where t.PersonId == personId
                                 orderby t.CompletedOn descending
                                 select new MyCompletion(c.Id, c.Reference, c.Title, t.CompletedOn, t.Score, t.Source))
            .Take(100).ToListAsync(cancellationToken);
        return new MyTraining(assignments, completions);
    }

    public sealed record TakingView(CourseDetail Course, DateOnly? DueOn, DateOnly? LastCompletedOn, int Attempts);

    /// <summary>An assigned course as the person takes it: content and questions, never the answers.</summary>
    public static async Task<TakingView?> TakingAsync(AttestDbContext db, Guid personId, Guid courseId, CancellationToken cancellationToken = default)
    {
        var state = await db.Courses.AsNoTracking().Where(c => c.Id == courseId)
            .Select(c => new
            {
                Assigned = db.TrainingAssignments.Any(a => a.PersonId == personId && a.CourseId == courseId && a.CancelledOn == null),
                Due = db.TrainingAssignments.Where(a => a.PersonId == personId && a.CourseId == courseId && a.CancelledOn == null && a.CompletedOn == null)
                    .OrderBy(a => a.DueOn).Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
                Last = db.TrainingCompletions.Where(t => t.PersonId == personId && t.CourseId == courseId).Max(t => (DateOnly?)t.CompletedOn),
                Attempts = db.QuizAttempts.Count(q => q.PersonId == personId && q.CourseId == courseId),
            }).FirstOrDefaultAsync(cancellationToken);
        if (state is not { Assigned: true }) return null;
        return new TakingView(await CourseAsync(db, courseId, withAnswers: false, cancellationToken), state.Due, state.Last, state.Attempts);
    }
}
