using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>Loads a system's account export (CSV, XLSX), replacing its list; all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportSystemAccounts.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportSystemAccounts import) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string SystemName { get; private set; } = "";
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (!await LoadAsync()) return NotFound();
        if (file is null || file.Length == 0)
        {
            Errors.Add("File: choose the system's account export (.csv or .xlsx).");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        AccessLoadResult? result = null;
        if (await this.TryAsync(db, Errors, async () =>
            {
                await using var stream = file.OpenReadStream();
                result = await import.RunAsync(Id, stream, file.FileName, HttpContext.RequestAborted);
            }))
        {
            TempData["Success"] = string.Join(" ", Cli.AccessCommands.Describe(result!)) + ".";
            return Redirect($"/access/systems/{Id}");
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        SystemName = await db.AccessSystems.AsNoTracking().Where(s => s.Id == Id).Select(s => s.Name).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        return SystemName.Length > 0;
    }
}
