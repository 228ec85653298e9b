using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Suppliers;

/// <summary>The security questionnaire templates suppliers are sent. Readers see them; Managers create them, or add the ready-made one.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class QuestionnairesModel(AttestDbContext db, ActingContext acting, SaveQuestionnaireTemplate save) : PageModel
{
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public bool HasStarter => Templates.Any(t => t.Name == StarterQuestionnaire.Name);
    public List<string> Errors { get; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task OnGetAsync() => Templates = await QuestionnaireQueries.TemplatesAsync(db, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, new QuestionnaireTemplateInput(Name ?? "", Description), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"'{Name}' has been created: add its questions.";
            return Redirect($"/suppliers/questionnaires/{id}");
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStarterAsync()
    {
        if (!CanManage) return Forbid();
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.StarterAsync(HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The ready-made supplier security questionnaire has been added; adapt it as you wish.";
            return Redirect($"/suppliers/questionnaires/{id}");
        }
        await OnGetAsync();
        return Page();
    }
}
