using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Assets;

/// <summary>Imports an inventory (CSV, XLSX) or a CycloneDX ML-BOM, all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db, ImportAssetInventory import) : PageModel
{
    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add("File: choose a file to import.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        AssetImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported: {string.Join(", ", result!.CreatedByType.Select(c => $"{c.Value} {AssetLabels.Of(c.Key)}"))}{(result.CreatedByType.Count == 0 ? "nothing new" : "")}; {result.Updated} updated; {result.Dependencies} dependencies.";
            return Redirect("/assets");
        }
        return Page();
    }
}
