using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Actions;

/// <summary>The whole corrective action register as CSV or XLSX.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync() => (Format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => File(await CorrectiveActionExport.CsvAsync(db, HttpContext.RequestAborted), "text/csv; charset=utf-8", "corrective-actions.csv"),
        "xlsx" => File(await CorrectiveActionExport.XlsxAsync(db, HttpContext.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "corrective-actions.xlsx"),
        _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
    };
}
