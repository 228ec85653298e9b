using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>Common risks of an AI-services business; an editor adds one to the register in one step (and owns it).</summary>
[Authorize(Policy = Access.Reader)]
public sealed class LibraryModel(AttestDbContext db, AddRiskFromLibrary add, ActingContext acting) : PageModel
{
    public IReadOnlyList<LibraryRisk> Entries => RiskLibrary.Entries;
    /// <summary>Library keys already in the register, with the risk that came from each.</summary>
    public IReadOnlyDictionary<string, (Guid Id, string Reference)> InRegister { get; private set; } = new Dictionary<string, (Guid, string)>();
    public List<string> Errors { get; } = [];
    public bool CanAdd => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (!CanAdd) return Forbid();
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await add.RunAsync(key, acting.UserId, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The risk has been added to the register: rate it and plan its treatment.";
            return Redirect($"/risks/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var rows = await db.Risks.AsNoTracking().Where(r => r.LibraryKey != null).Select(r => new { r.LibraryKey, r.Id, r.Reference }).ToListAsync(HttpContext.RequestAborted);
        InRegister = rows.GroupBy(r => r.LibraryKey!).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Reference));
    }
}
