using Attest.Data;
using Attest.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Reports;

/// <summary>The monthly security report for management, for a chosen month (the last complete month by default); printable.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class MonthlyModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public MonthlyReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            var month = string.IsNullOrWhiteSpace(Month) ? await MonthlyReportRequest.LastCompleteMonthAsync(db, HttpContext.RequestAborted) : MonthlyReport.ParseMonth(Month);
            Report = await MonthlyReport.BuildAsync(db, month, HttpContext.RequestAborted);
            Month = Report.MonthText;
        }
        catch (ValidationFailedException failed)
        {
            Error = string.Join(" ", failed.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}

internal static class MonthlyReportRequest
{
    public static async Task<int> LastCompleteMonthAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        OrganizationTime.AddMonths(OrganizationTime.Month(OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken))), -1);
}
