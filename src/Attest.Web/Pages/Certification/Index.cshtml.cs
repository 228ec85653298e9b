using Attest.Certification;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Certification;

/// <summary>
/// The certification programmes: status, days to target, on track, readiness, and one timeline of them all. Readers see it; Managers and
/// Admins start programmes. A fixed number of queries however many programmes and milestones there are.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Archived { get; set; }

    public IReadOnlyList<CertificationStatus> Programmes { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => Programmes = await CertificationQueries.StatusesAsync(db, Archived, HttpContext.RequestAborted);
}
