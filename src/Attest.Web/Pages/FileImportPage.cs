using Attest.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages;

/// <summary>
/// A page that takes one uploaded file and hands it to an all-or-nothing importer: a missing file or any error the importer names
/// stays on the page (400, nothing changed); success says what was imported and goes back to the register.
/// </summary>
public abstract class FileImportPage<TResult>(AttestDbContext db) : PageModel where TResult : class
{
    public List<string> Errors { get; } = [];

    /// <summary>Where to go once the file is imported.</summary>
    protected abstract string RegisterPath { get; }

    protected abstract Task<TResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken);

    /// <summary>The sentence shown after a successful import.</summary>
    protected abstract string Describe(TResult result);

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
        TResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await ImportAsync(stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = Describe(result!);
            return Redirect(RegisterPath);
        }
        return Page();
    }
}
