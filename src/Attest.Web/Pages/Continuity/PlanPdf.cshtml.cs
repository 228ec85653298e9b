using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Continuity;

/// <summary>The printable plan as PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class PlanPdfModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            var (content, type, name) = await ContinuityPlanDocument.RenderAsync(db, id, HttpContext.RequestAborted);
            return File(content, type, name);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
