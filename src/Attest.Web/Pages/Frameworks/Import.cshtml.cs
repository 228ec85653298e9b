using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Frameworks;

[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(60 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
public sealed class ImportModel(ImportFrameworkFile import) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Error = "file: choose a file to import.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var result = await import.RunAsync(stream, Path.GetFileName(file.FileName), HttpContext.RequestAborted);
            TempData["Success"] = result.Unchanged
                ? $"{result.Name} is already up to date."
                : $"Imported {result.Name} ({result.Key}): {result.Requirements} requirements, {result.Controls} controls; {result.Added} added, {result.Updated} updated, {result.Withdrawn} withdrawn.";
            return Redirect($"/frameworks/{result.Key}");
        }
        catch (ValidationFailedException invalid)
        {
            Error = invalid.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
