using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>The campaign report for auditors as CSV, XLSX or PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ReportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (content, type, name) = await AccessReviewReport.RenderAsync(db, Id, Format ?? "pdf", HttpContext.RequestAborted);
        return File(content, type, name);
    }
}
