using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>One version of a document exactly as it was (or is being) written, with its approvals and exports.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class VersionModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid VersionId { get; set; }
    public VersionView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            View = await DocumentQueries.VersionAsync(db, Id, VersionId, HttpContext.RequestAborted);
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
