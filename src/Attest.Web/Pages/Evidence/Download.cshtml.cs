using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Evidence;

/// <summary>Downloads a stored evidence file of this organization: always as an attachment, never rendered, and never as HTML.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class DownloadModel(AttestDbContext db, IEvidenceStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid FileId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var file = await EvidenceQueries.FileAsync(db, FileId, HttpContext.RequestAborted);
        if (file is not { } found) return NotFound();
        var content = await store.OpenAsync(found.Sha256, HttpContext.RequestAborted);
        if (content is null) return NotFound();
        EvidenceDownloads.Harden(Response);
        return File(content, EvidenceDownloads.ServedType(found.ContentType), EvidenceDownloads.SafeName(Name, found.Sha256));
    }
}
