using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>
/// One course: what it covers, its quiz (the right answers and the editor only for Managers), the rules that require it, and its
/// completions, where a Manager records one taken elsewhere.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class CourseModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed class QuestionForm
    {
        public Guid? QuestionId { get; set; }
        public string? Text { get; set; }
        public string? Options { get; set; }
        public int Correct { get; set; } = 1;
        public string? Explanation { get; set; }
    }

    public sealed class CompletionForm
    {
        public string? Email { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public int? Score { get; set; }
        public string? EvidenceReference { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public QuestionForm Question { get; set; } = new();
    [BindProperty] public CompletionForm Completion { get; set; } = new();
    public CourseDetail Course { get; private set; } = null!;
    public IReadOnlyList<RequirementRow> Rules { get; private set; } = [];
    public CompletionPage Completions { get; private set; } = new([], false);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public List<string> Errors { get; } = [];
    /// <summary>Which form the errors belong to, so the page shows them next to it.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Completion.CompletedOn ??= TrainingDates.Today(db);
        return Page();
    }

    public Task<IActionResult> OnPostQuestionAsync([FromServices] SaveQuizQuestion save) => ActAsync("question", async () =>
    {
        await save.RunAsync(Id, Question.QuestionId, new QuizQuestionInput(Question.Text ?? "", Question.Options ?? "", Question.Correct, Question.Explanation),
            HttpContext.RequestAborted);
        return Question.QuestionId is null ? "The question has been added to the quiz." : "The question has been saved.";
    });

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid questionId, [FromServices] RemoveQuizQuestion remove) => ActAsync("quiz", async () =>
    {
        await remove.RunAsync(Id, questionId, HttpContext.RequestAborted);
        return "The question has been removed from the quiz.";
    });

    public Task<IActionResult> OnPostRetireAsync(bool retired, int version, [FromServices] RetireCourse retire) => ActAsync("retire", async () =>
    {
        await retire.RunAsync(Id, retired, version, HttpContext.RequestAborted);
        return retired ? "The course is retired: it is no longer assigned, and its open assignments were cancelled." : "The course is back in use.";
    });

    public Task<IActionResult> OnPostCompletionAsync([FromServices] RecordTrainingCompletion record) => ActAsync("completion", async () =>
    {
        await record.RunAsync(new CompletionInput(null, Completion.Email, Id, Completion.CompletedOn, Completion.Score, Completion.EvidenceReference, Completion.Notes),
            HttpContext.RequestAborted);
        return $"The completion of {Completion.Email} has been recorded.";
    });

    private async Task<IActionResult> ActAsync(string form, Func<Task<string>> action)
    {
        if (!CanManage) return Forbid();
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Courses, c => c.Id == Id, HttpContext.RequestAborted)) return NotFound();
        string? message = null;
        if (await this.TryAsync(db, Errors, async () => message = await action()))
        {
            TempData["Success"] = message;
            return Redirect($"/training/courses/{Id}");
        }
        FailedForm = form;
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        try
        {
            Course = await TrainingQueries.CourseAsync(db, Id, CanManage, token);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        PageNumber = Math.Max(1, PageNumber);
        Rules = await TrainingQueries.RequirementsAsync(db, Id, token);
        Completions = await TrainingQueries.CompletionsAsync(db, null, Id, PageNumber, token);
        return true;
    }
}
