using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Frameworks;

/// <summary>A framework's requirement tree, searchable, with its gaps on request.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ShowModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<RequirementRow> Rows { get; private set; } = [];
    public FrameworkCoverage? Gaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool gaps = false)
    {
        try
        {
            Framework = await FrameworkQueries.FindAsync(db, Key, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        Rows = await FrameworkQueries.TreeAsync(db, Framework.Id, Q, HttpContext.RequestAborted);
        if (gaps) Gaps = (await FrameworkQueries.CoverageAsync(db, Key, HttpContext.RequestAborted)).Single(c => c.Key == Key);
        return Page();
    }
}
