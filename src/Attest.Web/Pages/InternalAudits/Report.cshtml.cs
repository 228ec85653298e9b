using Attest.Data;
using Attest.Documents;
using Attest.InternalAudits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.InternalAudits;

/// <summary>The audit report as a PDF, for management and the certification auditor.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ReportModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        InternalAuditDetail audit;
        try
        {
            audit = await InternalAuditRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var organization = await db.Organizations.Where(o => o.Id == db.CurrentOrganizationId).Select(o => o.Name).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        return File(PdfDocumentWriter.Write(InternalAuditReport.ToPrintable(audit, organization), clock.GetUtcNow()), "application/pdf", $"{audit.Reference.ToLowerInvariant()}-report.pdf");
    }
}
