using Attest.AiSystems;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Ai;

/// <summary>The AI system registry with coverage and gaps as XLSX.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        File(await AiRegistryExport.XlsxAsync(db, HttpContext.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ai-registry.xlsx");
}
