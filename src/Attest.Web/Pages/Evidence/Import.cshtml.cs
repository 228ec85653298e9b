using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Evidence;

/// <summary>Imports many evidence files from a ZIP with a manifest.csv, all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportEvidenceZip.MaxZipBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportEvidenceZip.MaxZipBytes)]
public sealed class ImportModel(AttestDbContext db, ImportEvidenceZip import, EvidenceUploads uploads) : PageModel
{
    public List<string> Errors { get; } = [];
    public long MaxFileMegabytes => uploads.MaxBytes / (1024 * 1024);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add("File: choose a ZIP file to import.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        EvidenceImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported: {result!.Created} evidence item(s), {result.FilesStored} new file(s) stored.";
            return Redirect("/evidence");
        }
        return Page();
    }
}
