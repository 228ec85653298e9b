using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Frameworks;

[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    public IReadOnlyList<FrameworkCoverage> Coverage { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        Frameworks = await FrameworkQueries.ListAsync(db, HttpContext.RequestAborted);
        Coverage = await FrameworkQueries.CoverageAsync(db, null, HttpContext.RequestAborted);
    }
}
