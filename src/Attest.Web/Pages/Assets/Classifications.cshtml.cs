using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Assets;

/// <summary>The organization's classification levels and their handling rules: read by readers, worded by Managers.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ClassificationsModel(AttestDbContext db, ActingContext acting, SaveClassificationLevel save) : PageModel
{
    public sealed record LevelView(Guid Id, string Name, string HandlingRules, int Assets, int Version);

    public IReadOnlyList<LevelView> Levels { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid id, string? name, string? handlingRules, int version)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => save.RunAsync(id, name ?? "", handlingRules, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The level '{name}' has been saved.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Levels = await db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank)
            .Select(l => new LevelView(l.Id, l.Name, l.HandlingRules, db.Assets.Count(a => a.ClassificationId == l.Id), l.Version))
            .ToListAsync(HttpContext.RequestAborted);
}
