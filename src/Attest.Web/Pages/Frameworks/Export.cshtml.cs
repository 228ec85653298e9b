using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Frameworks;

/// <summary>Downloads a framework as an OSCAL catalog or Attest YAML; key "implementation" gives the OSCAL component definition of the controls.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string key, string? format)
    {
        try
        {
            var (content, type, name) = await FrameworkExport.RunAsync(db, key, format ?? "oscal", HttpContext.RequestAborted);
            return File(content, type, name);
        }
        catch (ValidationFailedException invalid)
        {
            return BadRequest(invalid.Message);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
