using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Soa;

/// <summary>Downloads any SoA version (or the draft) as XLSX, CSV, Markdown or PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string key, string? version, string? format)
    {
        try
        {
            var kind = SoaExport.ParseFormat(format ?? "xlsx");
            var document = await SoaDocuments.LoadAsync(db, key, version, HttpContext.RequestAborted);
            var output = new MemoryStream();
            SoaExport.Write(document, kind, output, clock.GetUtcNow());
            return File(output.ToArray(), SoaExport.ContentType(kind), SoaExport.FileName(document, kind));
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
