using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Continuity;

/// <summary>Business continuity: the figures, then the plans 50 a page with their last exercise and flags.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PlanStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public PlanKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool NotExercised { get; set; }
    [BindProperty(SupportsGet = true)] public bool ReviewOverdue { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PlanPage Plans { get; private set; } = new([], false, 0);
    public ContinuityFigures? Figures { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await ContinuityQueries.FiguresAsync(db, token);
        Plans = await ContinuityQueries.PlansAsync(db, new PlanFilter(Q, Status, Kind, NotExercised, ReviewOverdue), Math.Max(1, PageNumber), 50, token);
    }

    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = Status?.ToString(), ["kind"] = Kind?.ToString(), ["notExercised"] = NotExercised ? "true" : null,
            ["reviewOverdue"] = ReviewOverdue ? "true" : null, ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/continuity?" + string.Join("&", query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
