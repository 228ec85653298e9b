using Attest.Data;
using Attest.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>The management review register (clause 9.3): newest first, 50 a page, with decisions and open actions. One query a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ManagementReviewPage Register { get; private set; } = new([], false);
    public bool CanPlan => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() =>
        Register = await ManagementReviewQueries.PageAsync(db, ParseStatus(Status), Math.Max(1, PageNumber), HttpContext.RequestAborted);

    /// <summary>A status by name; anything else filters nothing rather than failing.</summary>
    public static ManagementReviewStatus? ParseStatus(string? value) =>
        Enum.TryParse<ManagementReviewStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    public string Link(int page) => $"/management-reviews?status={Uri.EscapeDataString(Status ?? "")}&pageNumber={page}";
}
