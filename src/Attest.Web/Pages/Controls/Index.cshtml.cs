using Attest.Controls;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Controls;

[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ImplementationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ControlRegister.Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        var page = await ControlRegister.PageAsync(db, Q, Status, Math.Max(1, PageNumber), 100, HttpContext.RequestAborted);
        Rows = page.Rows;
        HasMore = page.HasMore;
    }
}
