using Attest.Data;
using Attest.Frameworks;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>Which clauses and controls no published policy addresses, and which documents are overdue for review.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class CoverageModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Framework { get; set; }
    public DocumentQueries.Coverage? Coverage { get; private set; }
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Coverage = await DocumentQueries.CoverageAsync(db, Framework, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        Frameworks = await FrameworkQueries.ListAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
