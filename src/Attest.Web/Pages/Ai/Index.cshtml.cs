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
    public AiCoverage.Summary? Coverage { get; private set; }
    public AiDashboardFigures? Figures { get; private set; }
    public IReadOnlyList<AiCoverage.SystemCoverage> Rows { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        Coverage = await AiCoverage.RunAsync(db, cancellationToken: HttpContext.RequestAborted);
        Figures = await ImpactAssessmentQueries.FiguresAsync(db, HttpContext.RequestAborted);
        Rows = Coverage.Rows.Where(r => (Category is null || r.Category == Category) && (!Gaps || r.Gaps.Count > 0 || r.Class is null)).ToList();
    }
}
