using Attest.Data;
using Attest.People;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>
/// Taking an assigned course: its content (or link), then the quiz — whose right answers reach the browser only in the results of a
/// submitted attempt — or, without a quiz, "I have completed this course".
/// </summary>
[Authorize(Policy = Access.Member)]
public sealed class TrainingCourseModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Attempt { get; set; }
    public TrainingQueries.TakingView View { get; private set; } = null!;
    public QuizResults.AttemptView? Result { get; private set; }
    /// <summary>The choices posted, kept when the answers come back with an error.</summary>
    public Dictionary<int, int> Chosen { get; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PersonAsync() is not { } personId || !await LoadAsync(personId)) return NotFound();
        if (Attempt is { } attempt) Result = await QuizResults.OfAsync(db, personId, CourseId, attempt, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswersAsync([FromServices] SubmitQuizAnswers submit)
    {
        if (await PersonAsync() is not { } personId || !await LoadAsync(personId)) return NotFound();
        var answers = new List<int?>();
        for (var i = 0; i < View.Course.Questions.Count; i++)
        {
            int? answer = int.TryParse(Request.Form[$"q{i}"], out var chosen) ? chosen : null;
            if (answer is { } a) Chosen[i] = a;
            answers.Add(answer);
        }
        QuizResult? result = null;
        if (await this.TryAsync(db, Errors, async () => result = await submit.RunAsync(CourseId, answers, HttpContext.RequestAborted)))
        {
            TempData["Success"] = result!.Passed
                ? $"You passed with {result.Score}% (pass mark {result.PassingScore}%): the course is completed."
                : $"You scored {result.Score}%; the pass mark is {result.PassingScore}%. Read the explanations and try again.";
            return Redirect($"/my/training/{CourseId}?attempt={result.AttemptId}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromServices] ConfirmCourseCompleted confirm)
    {
        if (await PersonAsync() is not { } personId || !await LoadAsync(personId)) return NotFound();
        if (await this.TryAsync(db, Errors, () => confirm.RunAsync(CourseId, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"Thank you: {View.Course.Reference} {View.Course.Title} is completed.";
            return Redirect("/my/training");
        }
        return Page();
    }

    private async Task<Guid?> PersonAsync() =>
        acting.UserId is { } userId ? await PersonLookup.PersonIdOfUserAsync(db, userId, HttpContext.RequestAborted) : null;

    private async Task<bool> LoadAsync(Guid personId)
    {
        var view = await TrainingQueries.TakingAsync(db, personId, CourseId, HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        return true;
    }
}
