using Attest.AiSystems;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Ai;

/// <summary>An approved version of an impact assessment exactly as it was approved.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class VersionModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";
    public ImpactAssessmentQueries.FrozenVersion? Frozen { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Frozen = await ImpactAssessmentQueries.VersionAsync(db, Id, Number, HttpContext.RequestAborted);
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
