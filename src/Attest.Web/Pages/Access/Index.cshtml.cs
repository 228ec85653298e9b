using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>Access reviews at a glance: the figures, then every campaign.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public AccessFigures Figures { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        Figures = await AccessReviewQueries.FiguresAsync(db, HttpContext.RequestAborted);
        Campaigns = await AccessReviewQueries.CampaignsAsync(db, HttpContext.RequestAborted);
    }
}
