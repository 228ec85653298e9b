using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.People;

/// <summary>Imports or synchronizes people from an HR export (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportPeople.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportPeople import) : PageModel
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
        PeopleImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            var ignored = result!.IgnoredColumns.Count == 0 ? "" : $" Columns not used: {string.Join(", ", result.IgnoredColumns)}.";
            TempData["Success"] = $"Imported: {result.Created} new, {result.Updated} updated, {result.Unchanged} unchanged.{ignored}";
            return Redirect("/people");
        }
        return Page();
    }
}
