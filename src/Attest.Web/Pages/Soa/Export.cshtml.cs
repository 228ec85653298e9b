using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Soa;

/// <summary>Downloads any SoA version (or the draft) as XLSX, CSV, Markdown or PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string key, string? version, string? format)
    {
        try
        {
            var file = await SoaFiles.RenderAsync(db, key, version, format, HttpContext.RequestAborted);
            return File(file.Content, file.ContentType, file.FileName);
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
