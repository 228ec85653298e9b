using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Suppliers;

/// <summary>Imports a supplier register (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportSupplierRegister.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportSupplierRegister import) : PageModel
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
        SupplierImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported: {result!.Created} new supplier(s), {result.Updated} updated.";
            return Redirect("/suppliers");
        }
        return Page();
    }
}
