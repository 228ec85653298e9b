using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Assets;

/// <summary>The whole inventory as CSV or XLSX, in the columns the import reads back.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync() => (Format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => File(await AssetInventoryExport.CsvAsync(db, HttpContext.RequestAborted), "text/csv; charset=utf-8", "assets.csv"),
        "xlsx" => File(await AssetInventoryExport.XlsxAsync(db, HttpContext.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "assets.xlsx"),
        _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
    };
}
