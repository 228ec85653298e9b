using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.People;

/// <summary>The onboarding and offboarding checklist templates, and the ready-made ones to start from.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class TemplatesModel(AttestDbContext db, ActingContext acting, CreateDefaultChecklistTemplates defaults) : PageModel
{
    public IReadOnlyList<PersonQueries.TemplateRow> Templates { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => Templates = await PersonQueries.TemplatesAsync(db, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDefaultsAsync()
    {
        if (!CanManage) return Forbid();
        var added = 0;
        if (await this.TryAsync(db, Errors, async () => added = await defaults.RunAsync(HttpContext.RequestAborted)))
        {
            TempData["Success"] = added == 0 ? "Every ready-made template is here already." : $"Added {added} ready-made template(s).";
            return Redirect("/people/templates");
        }
        await OnGetAsync();
        return Page();
    }
}
