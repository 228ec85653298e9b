using Attest.AiSystems;
using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Ai;

/// <summary>AI system classes and their required control baselines: read by readers, set by Managers.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ClassesModel(AttestDbContext db, ActingContext acting, SaveAiSystemClass save) : PageModel
{
    public sealed record ClassView(Guid Id, string Name, string Description, string Baseline, int Systems, int Version);

    public IReadOnlyList<ClassView> Classes { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid? id, string? name, string? description, string? baseline, int version)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => save.RunAsync(id, name ?? "", description, baseline, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The class '{name}' has been saved.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var classes = await db.AiSystemClasses.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Description, c.Version, Systems = db.AiSystems.Count(s => s.ClassId == c.Id) })
            .ToListAsync(HttpContext.RequestAborted);
        var links = await db.AiSystemClassRequirements.AsNoTracking().Select(r => new { r.ClassId, r.RequirementId }).ToListAsync(HttpContext.RequestAborted);
        var index = await RequirementIndex.LoadAsync(db, links.Select(l => l.RequirementId), HttpContext.RequestAborted);
        Classes = classes.Select(c => new ClassView(c.Id, c.Name, c.Description,
            IsoNotation.Format(links.Where(l => l.ClassId == c.Id).Select(l => l.RequirementId), index), c.Systems, c.Version)).ToList();
    }
}
