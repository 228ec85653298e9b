using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>The document register: every controlled document with its versions, review dates, ISO relevance and acceptance.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentVersionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public DocumentPage Register { get; private set; } = new([], false, 0);
    public List<string> Errors { get; } = [];
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Kind is not null || Status is not null || Overdue;
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() =>
        Register = await DocumentQueries.RegisterAsync(db, new DocumentFilter(Q, Kind, Status, Overdue), Math.Max(1, PageNumber), PageSize, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostInitAsync([FromServices] InitStarterPolicies init)
    {
        if (!CanManage) return Forbid();
        var created = 0;
        if (await this.TryAsync(db, Errors, async () => created = await init.RunAsync(HttpContext.RequestAborted)))
        {
            TempData["Success"] = created == 0 ? "Every starter policy already exists." : $"{created} draft policies have been created from the starter set.";
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }

    public string PageUrl(int page) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&status={Status}&overdue={(Overdue ? "true" : "")}&pageNumber={page}";
}
