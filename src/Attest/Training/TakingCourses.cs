using Attest.Data;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

/// <summary>One question's outcome, shown only after the answers were submitted.</summary>
public sealed record QuizQuestionResult(int Position, string Text, IReadOnlyList<string> Options, int Chosen, int Correct, bool IsCorrect, string Explanation);

public sealed record QuizResult(Guid AttemptId, int Correct, int Questions, int Score, int PassingScore, bool Passed, DateOnly? CompletedOn);

/// <summary>The person the signed-in user is, and the course they may take: one assigned to them (open or done, not cancelled).</summary>
internal static class Learner
{
    public static async Task<Guid> PersonAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var userId = db.Acting.UserId ?? throw ValidationFailedException.For("Person", "only a signed-in person takes training.");
        return await PersonLookup.PersonIdOfUserAsync(db, userId, cancellationToken)
            ?? throw ValidationFailedException.For("Person", "your account is not linked to a person record of this organization; ask your security team to add you to People.");
    }

    public static async Task<Course> AssignedCourseAsync(AttestDbContext db, Guid personId, Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Id == courseId && db.TrainingAssignments.Any(a => a.PersonId == personId && a.CourseId == courseId && a.CancelledOn == null))
            .FirstOrDefaultAsync(cancellationToken);
        return course ?? throw new RecordNotFoundException("Course", courseId);
    }

    public static TrainingCompletion Completion(AttestDbContext db, Guid personId, Guid courseId, int? score) => new()
    {
        PersonId = personId, CourseId = courseId, CompletedOn = TrainingDates.Today(db), Score = score, Source = CompletionSource.Attest,
        RecordedAt = Instant.Now(db.Clock), RecordedBy = db.Acting.Actor,
    };
}

/// <summary>
/// Scores the signed-in person's answers to a course's quiz. Every attempt is kept; a pass (score at least the passing score)
/// also records a completion and completes their open assignment, in the same save. A fail lets them try again.
/// </summary>
public sealed class SubmitQuizAnswers(AttestDbContext db)
{
    /// <param name="answers">The chosen option per question in question order, from 0; null for a question left unanswered.</param>
    /// <exception cref="ValidationFailedException">A question was not answered (field "Question N"), or the course has no quiz.</exception>
    /// <exception cref="RecordNotFoundException">The course is not assigned to the person.</exception>
    public async Task<QuizResult> RunAsync(Guid courseId, IReadOnlyList<int?> answers, CancellationToken cancellationToken = default)
    {
        var personId = await Learner.PersonAsync(db, cancellationToken);
        var course = await Learner.AssignedCourseAsync(db, personId, courseId, cancellationToken);
        if (course.PassingScore is not { } passing) throw ValidationFailedException.For("Quiz", $"{course.Reference} has no quiz: confirm you completed it instead.");
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.CourseId == courseId).OrderBy(q => q.Position)
            .Select(q => new { q.Options, q.CorrectOption }).ToListAsync(cancellationToken);
        if (questions.Count == 0) throw ValidationFailedException.For("Quiz", $"the quiz of {course.Reference} has no questions yet.");
        var validation = new Validation();
        for (var i = 0; i < questions.Count; i++)
        {
            var choices = Quiz.OptionsOf(questions[i].Options).Count;
            var answer = i < answers.Count ? answers[i] : null;
            if (answer is null) validation.Add($"Question {i + 1}", "choose an answer.");
            else if (answer < 0 || answer >= choices) validation.Add($"Question {i + 1}", $"choose one of the {choices} answers.");
        }
        if (answers.Count > questions.Count) validation.Add("Answers", $"the quiz has {questions.Count} questions, not {answers.Count}.");
        validation.ThrowIfInvalid();

        var correct = questions.Where((q, i) => answers[i] == q.CorrectOption).Count();
        var score = Quiz.ScoreOf(correct, questions.Count);
        var passed = score >= passing;
        var attempt = new QuizAttempt
        {
            PersonId = personId, CourseId = courseId, SubmittedAt = Instant.Now(db.Clock), Correct = correct, Questions = questions.Count, Score = score, Passed = passed,
            Answers = string.Join(",", answers.Take(questions.Count).Select(a => a!.Value)),
        };
        db.QuizAttempts.Add(attempt);
        DateOnly? completedOn = null;
        if (passed)
        {
            var completion = Learner.Completion(db, personId, courseId, score);
            db.TrainingCompletions.Add(completion);
            completedOn = completion.CompletedOn;
            await SyncTrainingAssignments.StageAsync(db, [personId], cancellationToken);
        }
        await db.SaveAsync("quiz attempt", cancellationToken);
        return new QuizResult(attempt.Id, correct, questions.Count, score, passing, passed, completedOn);
    }
}

/// <summary>"I have completed this course": how the signed-in person completes an assigned course that has no quiz.</summary>
public sealed class ConfirmCourseCompleted(AttestDbContext db)
{
    public async Task<DateOnly> RunAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var personId = await Learner.PersonAsync(db, cancellationToken);
        var course = await Learner.AssignedCourseAsync(db, personId, courseId, cancellationToken);
        if (course.PassingScore is not null) throw ValidationFailedException.For("Quiz", $"{course.Reference} is completed by passing its quiz.");
        var today = TrainingDates.Today(db);
        if (await db.TrainingCompletions.AnyAsync(c => c.PersonId == personId && c.CourseId == courseId && c.CompletedOn == today, cancellationToken))
        {
            throw ValidationFailedException.For("Course", $"you have already completed {course.Reference} today.");
        }
        db.TrainingCompletions.Add(Learner.Completion(db, personId, courseId, null));
        await SyncTrainingAssignments.StageAsync(db, [personId], cancellationToken);
        await db.SaveAsync("training completion", cancellationToken);
        return today;
    }
}

/// <summary>The outcome of one of the person's attempts, with the right answers and explanations, for the results page.</summary>
public static class QuizResults
{
    public sealed record AttemptView(Guid Id, Guid CourseId, DateTimeOffset SubmittedAt, int Correct, int Questions, int Score, bool Passed, IReadOnlyList<QuizQuestionResult> Lines);

    /// <summary>The attempt, if it is the person's own on this course; the questions as they stand now (a removed question is left out).</summary>
    public static async Task<AttemptView?> OfAsync(AttestDbContext db, Guid personId, Guid courseId, Guid attemptId, CancellationToken cancellationToken = default)
    {
        var attempt = await db.QuizAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.PersonId == personId && a.CourseId == courseId, cancellationToken);
        if (attempt is null) return null;
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.CourseId == courseId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var chosen = attempt.Answers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => int.TryParse(a, out var n) ? n : -1).ToList();
        var lines = questions.Select((q, i) =>
        {
            var pick = i < chosen.Count ? chosen[i] : -1;
            return new QuizQuestionResult(i + 1, q.Text, Quiz.OptionsOf(q.Options), pick, q.CorrectOption, pick == q.CorrectOption, q.Explanation);
        }).ToList();
        return new AttemptView(attempt.Id, courseId, attempt.SubmittedAt, attempt.Correct, attempt.Questions, attempt.Score, attempt.Passed, lines);
    }
}
