using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Nonconformities;

/// <summary>The whole nonconformity register as CSV or XLSX.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync() => (Format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => File(await NonconformityExport.CsvAsync(db, HttpContext.RequestAborted), "text/csv; charset=utf-8", "nonconformities.csv"),
        "xlsx" => File(await NonconformityExport.XlsxAsync(db, HttpContext.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "nonconformities.xlsx"),
        _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
    };
}
