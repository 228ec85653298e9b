using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Trust;

/// <summary>The public trust page: anonymous, read-only, and limited to what the organization chose to publish. 404 when switched off.</summary>
[AllowAnonymous]
public sealed class ShowModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    public TrustPage.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        View = await TrustPage.LoadAsync(db, Slug, HttpContext.RequestAborted);
        return View is null ? NotFound() : Page();
    }
}
