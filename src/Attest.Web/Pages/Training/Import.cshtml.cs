using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>Imports completions exported from an external learning system, all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportTrainingCompletions.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportTrainingCompletions import) : PageModel
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
        CompletionImportResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = $"Imported {result!.Added} completion(s); {result.AlreadyRecorded} were already recorded.";
            return Redirect("/training");
        }
        return Page();
    }
}
