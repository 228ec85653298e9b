using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>A version as Markdown, HTML or PDF, with its document-control block; always downloaded, never shown inline.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class VersionExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid VersionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            var (content, type, name) = await PolicyExport.VersionAsync(db, Id, VersionId, Format ?? "pdf", db.Clock.GetUtcNow(), HttpContext.RequestAborted);
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
