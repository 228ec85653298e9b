using Attest.AiSystems;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Ai;

/// <summary>The AI system registry: every system with its class, baseline coverage and gaps, and the assessment figures.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Gaps { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public bool HasMore { get; private set; }
    public int Matching { get; private set; }
    public AiCoverage.Summary? Coverage { get; private set; }
    public AiDashboardFigures? Figures { get; private set; }
    public IReadOnlyList<AiCoverage.SystemCoverage> Rows { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        Coverage = await AiCoverage.RunAsync(db, cancellationToken: HttpContext.RequestAborted);
        Figures = await ImpactAssessmentQueries.FiguresAsync(db, HttpContext.RequestAborted);
        var matching = Coverage.Rows.Where(r => (Category is null || r.Category == Category) && (!Gaps || r.Gaps.Count > 0 || r.Class is null)).ToList();
        Matching = matching.Count;
        Rows = matching.Skip((Math.Max(1, PageNumber) - 1) * 100).Take(100).ToList();
        HasMore = matching.Count > Math.Max(1, PageNumber) * 100;
    }
}
