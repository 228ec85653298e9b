using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>Scanner imports, newest first, of every asset or of one: what each found, added, updated and closed.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ScansModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ScanView> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public string? AssetName { get; private set; }

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        (Rows, HasMore) = await VulnerabilityQueries.ScansAsync(db, Asset, Math.Max(1, PageNumber), token);
        if (Asset is { } asset) AssetName = await db.Assets.AsNoTracking().Where(a => a.Id == asset).Select(a => a.Name).FirstOrDefaultAsync(token);
    }
}
