using Attest.Data;
using Attest.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Reports;

/// <summary>The same report as a PDF, drawn by the document writer with vector charts.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class MonthlyPdfModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month)
    {
        try
        {
            var chosen = string.IsNullOrWhiteSpace(month) ? await MonthlyReportRequest.LastCompleteMonthAsync(db, HttpContext.RequestAborted) : MonthlyReport.ParseMonth(month);
            var report = await MonthlyReport.BuildAsync(db, chosen, HttpContext.RequestAborted);
            return File(Attest.Documents.PdfDocumentWriter.Write(MonthlyReportDocument.Build(report), report.GeneratedAt), "application/pdf",
                $"security-report-{report.MonthText}.pdf");
        }
        catch (ValidationFailedException failed)
        {
            return BadRequest(string.Join(" ", failed.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
    }
}
