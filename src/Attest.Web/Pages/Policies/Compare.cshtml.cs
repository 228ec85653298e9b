using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Policies;

/// <summary>Any two versions of a document as a readable line diff, plus changes to title, summary and ISO relevance.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class CompareModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? From { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? To { get; set; }
    public DocumentQueries.Comparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            if (From is null && To is null && await db.DocumentVersions.CountAsync(v => v.DocumentId == Id, HttpContext.RequestAborted) < 2)
            {
                return await db.Documents.AnyAsync(d => d.Id == Id, HttpContext.RequestAborted) ? Page() : NotFound();
            }
            Comparison = await DocumentQueries.CompareAsync(db, Id, From, To, HttpContext.RequestAborted);
            return Page();
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
    }
}
