using Attest.AiSystems;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Ai;

/// <summary>The register of AI impact assessments with the figures the dashboard shows.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssessmentsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public IReadOnlyList<AssessmentRow> Rows { get; private set; } = [];
    public AiDashboardFigures? Figures { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        Rows = await ImpactAssessmentQueries.ListAsync(db, HttpContext.RequestAborted);
        Figures = await ImpactAssessmentQueries.FiguresAsync(db, HttpContext.RequestAborted);
    }
}
