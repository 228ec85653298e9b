using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Evidence;

/// <summary>Evidence, newest first, 50 a page in one query (no total over 100,000 rows); filters by kind, control, owner and expiry.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public EvidenceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Control { get; set; }
    [BindProperty(SupportsGet = true)] public bool Stale { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public EvidencePage Evidence { get; private set; } = new([], false);
    public string? ControlName { get; private set; }
    public string? ControlError { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Guid? controlId = null;
        if (!string.IsNullOrWhiteSpace(Control))
        {
            var control = await db.Controls.AsNoTracking().Where(c => c.Reference == Control.Trim()).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(token);
            if (control is null)
            {
                ControlError = $"{Control.Trim()} is not a control reference here.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            (controlId, ControlName) = (control.Id, control.Name);
        }
        Evidence = await EvidenceQueries.PageAsync(db, new EvidenceFilter(Q, Kind, controlId, null, Stale), Math.Max(1, PageNumber), 50, token);
    }

    public string PageUrl(int page) => $"?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&control={Uri.EscapeDataString(Control ?? "")}&stale={(Stale ? "true" : "")}&pageNumber={page}";
}
