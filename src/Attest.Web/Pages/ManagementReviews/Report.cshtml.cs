using Attest.Data;
using Attest.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>The review as PDF: details, attendees, inputs, minutes, conclusions, decisions and actions.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ReportModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            var (content, type, name) = await ManagementReviewReport.RenderAsync(db, id, HttpContext.RequestAborted);
            return File(content, type, name);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
