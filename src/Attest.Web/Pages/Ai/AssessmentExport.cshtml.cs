using Attest.AiSystems;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Ai;

/// <summary>An impact assessment (the working copy, or ?version=N.M) as PDF or Markdown, downloaded.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssessmentExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            var (content, type, name) = await ImpactAssessmentExport.RenderAsync(db, Id, string.IsNullOrWhiteSpace(Version) ? null : Version, Format ?? "pdf", db.Clock.GetUtcNow(), HttpContext.RequestAborted);
            return File(content, type, name);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException invalid)
        {
            return BadRequest(invalid.Message);
        }
    }
}
