using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Assets;

/// <summary>The asset inventory: filtered, sorted, 50 a page, one query for the page and one for the count.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AssetType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public Criticality? Criticality { get; set; }
    [BindProperty(SupportsGet = true)] public AssetLifecycle? Lifecycle { get; set; }
    [BindProperty(SupportsGet = true)] public AssetSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public AssetPage Inventory { get; private set; } = new([], false, 0);
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() =>
        Inventory = await AssetQueries.PageAsync(db, new AssetFilter(Q, Type, Lifecycle, Criticality, null, Sort, Desc), Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);

    public string PageUrl(int page) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&type={Type}&criticality={Criticality}&lifecycle={Lifecycle}&sort={Sort}&desc={(Desc ? "true" : "")}&pageNumber={page}";
}
