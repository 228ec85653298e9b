using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Policies;

/// <summary>Imports a policy index (CSV, XLSX, Markdown table) or one policy's Markdown text. All or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db) : PageModel
{
    public sealed record Choice(Guid Id, string Reference, string Title);

    public List<string> Errors { get; } = [];
    public IReadOnlyList<Choice> Documents { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostIndexAsync(IFormFile? file, [FromServices] ImportPolicyIndex import) =>
        RunAsync(file, async stream =>
        {
            var result = await import.RunAsync(stream, file!.FileName, HttpContext.RequestAborted);
            TempData["Success"] = $"{result.Created} policies created, {result.Updated} updated, {result.Links} links to requirements.";
            return Redirect("/policies");
        });

    public Task<IActionResult> OnPostMarkdownAsync(IFormFile? file, Guid? documentId, [FromServices] ImportPolicyMarkdown import) =>
        RunAsync(file, async stream =>
        {
            using var reader = new StreamReader(stream);
            var id = await import.RunAsync(await reader.ReadToEndAsync(HttpContext.RequestAborted), file!.FileName, documentId, HttpContext.RequestAborted);
            TempData["Success"] = "The Markdown text has been imported as a draft.";
            return Redirect($"/policies/{id}");
        });

    private async Task<IActionResult> RunAsync(IFormFile? file, Func<Stream, Task<IActionResult>> import)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add("File: choose a file to import.");
        }
        else
        {
            IActionResult? done = null;
            if (await this.TryAsync(db, Errors, async () =>
                {
                    await using var stream = file.OpenReadStream();
                    done = await import(stream);
                }))
            {
                return done!;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Documents = await db.Documents.AsNoTracking().Where(d => !d.Retired).OrderBy(d => d.Reference)
            .Select(d => new Choice(d.Id, d.Reference, d.Title)).ToListAsync(HttpContext.RequestAborted);
}
