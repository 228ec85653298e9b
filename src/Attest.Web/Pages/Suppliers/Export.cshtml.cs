using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Suppliers;

/// <summary>The whole register as CSV or XLSX (the columns the import reads back), or the sub-processor list as CSV.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        return (Format ?? "xlsx").ToLowerInvariant() switch
        {
            "csv" => File(await SupplierRegisterExport.CsvAsync(db, token), "text/csv; charset=utf-8", "suppliers.csv"),
            "xlsx" => File(await SupplierRegisterExport.XlsxAsync(db, token), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "suppliers.xlsx"),
            "subprocessors" => File(await SupplierRegisterExport.SubprocessorsCsvAsync(db, token), "text/csv; charset=utf-8", "subprocessors.csv"),
            _ => BadRequest($"Unknown format '{Format}': use csv, xlsx or subprocessors."),
        };
    }
}
