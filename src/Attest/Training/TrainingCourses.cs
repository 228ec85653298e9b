using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

public sealed record CourseInput(
    string Title,
    string? Description = null,
    string? ContentUrl = null,
    string? Content = null,
    int DurationMinutes = 30,
    /// <summary>Percentage needed to pass; null: the course has no quiz and is completed by confirming it was taken.</summary>
    int? PassingScore = null,
    string? Reference = null,
    int Version = 0);

/// <summary>A quiz question as typed: the choices one per line, <see cref="Correct"/> the number (from 1) of the right line.</summary>
public sealed record QuizQuestionInput(string Text, string Options, int Correct, string? Explanation = null, int Version = 0);

/// <summary>The day as the organization's training rules see it (UTC).</summary>
public static class TrainingDates
{
    public static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
}

/// <summary>Creates or updates a course; a new course takes the next TRN-nn reference.</summary>
public sealed class SaveCourse(AttestDbContext db)
{
    /// <summary>Saves the course and returns its id.</summary>
    /// <exception cref="ValidationFailedException">A field breaks a rule (named in the error).</exception>
    /// <exception cref="EditConflictException">Someone saved the course after <see cref="CourseInput.Version"/> was read.</exception>
    public async Task<Guid> RunAsync(Guid? id, CourseInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.Content), input.Content, 200_000)
            .MaxLength(nameof(input.Reference), input.Reference, 20);
        var url = input.ContentUrl?.Trim();
        if (!string.IsNullOrEmpty(url))
        {
            validation.MaxLength(nameof(input.ContentUrl), url, 2000);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                validation.Add(nameof(input.ContentUrl), "must be a web address starting with https:// (or http://).");
            }
        }
        if (string.IsNullOrWhiteSpace(url) && string.IsNullOrWhiteSpace(input.Content))
        {
            validation.Add(nameof(input.Content), "give the course content (Markdown) or a link to where it is taken.");
        }
        if (input.DurationMinutes is < 1 or > 6000) validation.Add(nameof(input.DurationMinutes), "must be 1 to 6000 minutes.");
        if (input.PassingScore is < 1 or > 100) validation.Add(nameof(input.PassingScore), "must be a percentage from 1 to 100, or empty for a course without a quiz.");
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Courses.AnyAsync(c => c.Reference == reference && c.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another course.");
        }
        if (id is { } existingId && input.PassingScore is null && await db.QuizQuestions.AnyAsync(q => q.CourseId == existingId, cancellationToken))
        {
            validation.Add(nameof(input.PassingScore), "is required while the course has quiz questions; remove the questions to make it a course without a quiz.");
        }
        validation.ThrowIfInvalid();

        Course course;
        if (id is null)
        {
            course = new Course
            {
                Reference = string.IsNullOrEmpty(reference) ? await References.NextAsync(db.Courses.Select(c => c.Reference), "TRN-", 2, cancellationToken) : reference,
                Title = input.Title.Trim(),
            };
            db.Courses.Add(course);
        }
        else
        {
            course = await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Course", id);
            db.Entry(course).Property(c => c.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) course.Reference = reference;
        }
        course.Title = input.Title.Trim();
        course.Description = input.Description?.Trim() ?? "";
        course.ContentUrl = string.IsNullOrEmpty(url) ? null : url;
        course.Content = input.Content?.Trim() ?? "";
        course.DurationMinutes = input.DurationMinutes;
        course.PassingScore = input.PassingScore;
        await db.SaveAsync("course", cancellationToken);
        return course.Id;
    }
}

/// <summary>
/// Retires a course (or brings it back): a retired course keeps its completions but is no longer assigned, and its open
/// assignments are cancelled in the same save.
/// </summary>
public sealed class RetireCourse(AttestDbContext db)
{
    public async Task RunAsync(Guid id, bool retired, int version, CancellationToken cancellationToken = default)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Course", id);
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        course.Retired = retired;
        await SyncTrainingAssignments.StageAsync(db, null, cancellationToken);
        await db.SaveAsync("course", cancellationToken);
    }
}

/// <summary>Adds or changes a question of a course's quiz; the course must have a passing score.</summary>
public sealed class SaveQuizQuestion(AttestDbContext db)
{
    public const int MaxQuestions = 50;

    public async Task<Guid> RunAsync(Guid courseId, Guid? questionId, QuizQuestionInput input, CancellationToken cancellationToken = default)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken) ?? throw new RecordNotFoundException("Course", courseId);
        var options = Quiz.OptionsOf(input.Options);
        var validation = new Validation()
            .Required(nameof(input.Text), input.Text, 1000)
            .MaxLength(nameof(input.Options), input.Options, 4000)
            .MaxLength(nameof(input.Explanation), input.Explanation, 2000);
        if (options.Count < 2) validation.Add(nameof(input.Options), "give at least two choices, one per line.");
        else if (options.Count > 10) validation.Add(nameof(input.Options), $"give at most 10 choices (there are {options.Count}).");
        else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) validation.Add(nameof(input.Options), "the same choice appears twice.");
        if (options.Count >= 2 && (input.Correct < 1 || input.Correct > options.Count)) validation.Add(nameof(input.Correct), $"must be the number of the right choice, 1 to {options.Count}.");
        if (course.PassingScore is null) validation.Add("PassingScore", "set the course's passing score before adding quiz questions.");
        if (questionId is null && await db.QuizQuestions.CountAsync(q => q.CourseId == courseId, cancellationToken) >= MaxQuestions)
        {
            validation.Add(nameof(input.Text), $"a quiz has at most {MaxQuestions} questions.");
        }
        validation.ThrowIfInvalid();

        QuizQuestion question;
        if (questionId is null)
        {
            var last = await db.QuizQuestions.Where(q => q.CourseId == courseId).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0;
            question = new QuizQuestion { CourseId = courseId, Position = last + 1, Text = "", Options = "" };
            db.QuizQuestions.Add(question);
        }
        else
        {
            question = await db.QuizQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CourseId == courseId, cancellationToken)
                ?? throw new RecordNotFoundException("Quiz question", questionId);
        }
        question.Text = input.Text.Trim();
        question.Options = string.Join("\n", options);
        question.CorrectOption = input.Correct - 1;
        question.Explanation = input.Explanation?.Trim() ?? "";
        await db.SaveAsync("quiz question", cancellationToken);
        return question.Id;
    }
}

/// <summary>Removes a question from a course's quiz; past attempts keep their scores.</summary>
public sealed class RemoveQuizQuestion(AttestDbContext db)
{
    public async Task RunAsync(Guid courseId, Guid questionId, CancellationToken cancellationToken = default)
    {
        var question = await db.QuizQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CourseId == courseId, cancellationToken)
            ?? throw new RecordNotFoundException("Quiz question", questionId);
        db.QuizQuestions.Remove(question);
        await db.SaveAsync("quiz question", cancellationToken);
    }
}

/// <summary>How a quiz is read and scored.</summary>
public static class Quiz
{
    public static IReadOnlyList<string> OptionsOf(string? text) =>
        (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The score in whole percent, rounded down, so that nobody passes on rounding: 2 of 3 is 66.</summary>
    public static int ScoreOf(int correct, int questions) => questions == 0 ? 0 : correct * 100 / questions;
}
