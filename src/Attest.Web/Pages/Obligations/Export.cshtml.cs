using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Obligations;

/// <summary>The obligations register as CSV or XLSX, with licence fields, state and links as codes.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        return (Format ?? "xlsx").Trim().ToLowerInvariant() switch
        {
            "csv" => File(await ObligationExport.CsvAsync(db, token), "text/csv; charset=utf-8", "obligations.csv"),
            "xlsx" => File(await ObligationExport.XlsxAsync(db, token), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "obligations.xlsx"),
            _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
        };
    }
}
