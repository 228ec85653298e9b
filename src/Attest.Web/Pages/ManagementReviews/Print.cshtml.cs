using Attest.Data;
using Attest.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>The review as a clean page for printing or saving as PDF from the browser: no navigation, a print stylesheet.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class PrintModel(AttestDbContext db) : PageModel
{
    public ManagementReviewDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Detail = await ManagementReviewQueries.DetailAsync(db, id, true, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
