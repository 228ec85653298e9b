using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Risks;

/// <summary>The printable methodology document of a version (PDF or Markdown): what auditors ask for first.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class MethodologyExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            var (content, type, name) = await RiskMethodologyDocument.RenderAsync(db, Version, Format ?? "pdf", db.Clock.GetUtcNow(), HttpContext.RequestAborted);
            return File(content, type, name);
        }
        catch (ValidationFailedException invalid) { return BadRequest(invalid.Message); }
        catch (RecordNotFoundException missing) { return NotFound(missing.Message); }
    }
}
