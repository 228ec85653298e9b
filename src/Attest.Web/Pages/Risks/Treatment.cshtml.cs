using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>The risk treatment plan: every treatment task across the register, open first by due date, overdue flagged; 100 a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class TreatmentModel(AttestDbContext db) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<TreatmentTaskRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public int Open { get; private set; }
    public int OverdueCount { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        (Rows, HasMore, OverdueCount, Open) = await RiskQueries.TreatmentPlanAsync(db, Overdue, All, Owner, Math.Max(1, PageNumber), 100, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.RiskTasks.Any(t => t.OwnerId == u.Id)).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }

    public string PageUrl(int page) => $"?overdue={(Overdue ? "true" : "")}&all={(All ? "true" : "")}&owner={Owner}&pageNumber={page}";
}
