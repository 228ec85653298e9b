using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Risks;

/// <summary>The whole register as CSV or XLSX (the columns the import reads back), or the risk treatment plan report as PDF.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        switch ((Format ?? "xlsx").ToLowerInvariant())
        {
            case "csv": return File(await RiskRegisterExport.CsvAsync(db, token), "text/csv; charset=utf-8", "risks.csv");
            case "xlsx": return File(await RiskRegisterExport.XlsxAsync(db, token), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "risks.xlsx");
            case "treatment-pdf":
                var (content, type, name) = await RiskTreatmentPlanReport.RenderAsync(db, db.Clock.GetUtcNow(), token);
                return File(content, type, name);
            default: return BadRequest($"Unknown format '{Format}': use csv, xlsx or treatment-pdf.");
        }
    }
}
