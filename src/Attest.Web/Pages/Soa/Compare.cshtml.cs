using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Soa;

/// <summary>Two SoAs side by side: what changed between 1.0 and 1.1 (or the draft), control by control.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class CompareModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string From { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string To { get; set; } = "draft";
    public IReadOnlyList<SoaChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Changes = await SoaDocuments.CompareAsync(db, Key, From, To, HttpContext.RequestAborted);
            return Page();
        }
        catch (ValidationFailedException invalid)
        {
            return BadRequest(invalid.Message);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
