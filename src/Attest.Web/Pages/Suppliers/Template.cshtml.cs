using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Suppliers;

/// <summary>One questionnaire template and its questions. Managers edit it; questionnaires already sent keep the questions they were sent with.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class TemplateModel(AttestDbContext db, ActingContext acting, SaveQuestionnaireTemplate save, RemoveQuestionnaireTemplate remove,
    SaveQuestionnaireQuestion saveQuestion, RemoveQuestionnaireQuestion removeQuestion) : PageModel
{
    public sealed class QuestionForm
    {
        public Guid? QuestionId { get; set; }
        public string? Section { get; set; }
        public string? Text { get; set; }
        public QuestionKind Kind { get; set; }
        public string? Choices { get; set; }
        public int Weight { get; set; } = 1;
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public QuestionForm Question { get; set; } = new();
    public TemplateDetail? Detail { get; private set; }
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public Task<IActionResult> OnPostDetailsAsync(string? name, string? description, int version) =>
        ActAsync(id => save.RunAsync(id, new QuestionnaireTemplateInput(name ?? "", description, null, version), HttpContext.RequestAborted), "The questionnaire has been saved.");

    public Task<IActionResult> OnPostQuestionAsync() =>
        ActAsync(id => saveQuestion.RunAsync(id, Question.QuestionId, new QuestionInput(Question.Text ?? "", Question.Kind, Question.Section, Question.Choices, Question.Weight),
            HttpContext.RequestAborted), Question.QuestionId is null ? "The question has been added." : "The question has been saved.");

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid questionId) =>
        ActAsync(id => removeQuestion.RunAsync(id, questionId, HttpContext.RequestAborted), "The question has been removed.");

    public Task<IActionResult> OnPostDeleteAsync(int version) =>
        ActAsync(id => remove.RunAsync(id, version, HttpContext.RequestAborted), "The questionnaire has been removed; questionnaires already sent keep their questions.", "/suppliers/questionnaires");

    private async Task<IActionResult> ActAsync(Func<Guid, Task> action, string success, string? then = null)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanManage) return Forbid();
        var id = Detail!.Id;
        if (await this.TryAsync(db, Errors, () => action(id)))
        {
            TempData["Success"] = success;
            return Redirect(then ?? $"/suppliers/questionnaires/{id}");
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await QuestionnaireQueries.TemplateAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        return null;
    }
}
