using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.People;

/// <summary>The whole register as CSV or XLSX, in the columns the import reads back.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        return (Format ?? "xlsx").ToLowerInvariant() switch
        {
            "csv" => File(await PeopleRegisterExport.CsvAsync(db, token), "text/csv; charset=utf-8", "people.csv"),
            "xlsx" => File(await PeopleRegisterExport.XlsxAsync(db, token), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "people.xlsx"),
            _ => BadRequest($"Unknown format '{Format}': use csv or xlsx."),
        };
    }
}
