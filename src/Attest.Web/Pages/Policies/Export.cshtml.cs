using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>The register as CSV, or every published document (Markdown and PDF, with an index) as one ZIP.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync() => (Format ?? "csv").ToLowerInvariant() switch
    {
        "csv" => File(await PolicyExport.CsvAsync(db, HttpContext.RequestAborted), "text/csv; charset=utf-8", "policies.csv"),
        "zip" => File(await PolicyExport.PublishedSetZipAsync(db, db.Clock.GetUtcNow(), HttpContext.RequestAborted), "application/zip", "published-policies.zip"),
        _ => BadRequest($"Unknown format '{Format}': use csv or zip."),
    };
}
