using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>The incidents the signed-in person reported, with where each stands: every member, Employees included.</summary>
[Authorize(Policy = Access.Member)]
public sealed class IncidentsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ReportedIncidentRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public bool CanRead => acting.Role is { } role && Access.Allows(Access.Reader, role);

    public async Task OnGetAsync()
    {
        (Rows, HasMore) = await IncidentQueries.ReportedByAsync(db, acting.UserId ?? Guid.Empty, Math.Max(1, PageNumber), HttpContext.RequestAborted);
    }
}
