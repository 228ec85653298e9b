using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Frameworks;

/// <summary>One requirement: where it sits, its text, the controls, policies and evidence behind it, and its mappings.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class RequirementModel(AttestDbContext db) : PageModel
{
    public RequirementDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Detail = await FrameworkQueries.RequirementAsync(db, id, HttpContext.RequestAborted);
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
