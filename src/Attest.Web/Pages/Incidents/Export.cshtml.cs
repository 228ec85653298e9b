using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Incidents;

/// <summary>The incident register as CSV or XLSX, with times to detect, contain and recover and "SLA met".</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        return (Format ?? "xlsx").Trim().ToLowerInvariant() switch
        {
            "csv" => File(await IncidentExport.CsvAsync(db, token), "text/csv; charset=utf-8", "incidents.csv"),
            "xlsx" => File(await IncidentExport.XlsxAsync(db, token), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "incidents.xlsx"),
            _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
        };
    }
}
