using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Risks;

/// <summary>Imports a risk register (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db, ImportRiskRegister import) : PageModel
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
        RiskImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported: {result!.Created} new risk(s), {result.Updated} updated.";
            return Redirect("/risks");
        }
        return Page();
    }
}
