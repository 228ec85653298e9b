using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Settings;

/// <summary>Switches the public trust page on or off and words it. Admins only.</summary>
[Authorize(Policy = Access.Admin)]
public sealed class TrustModel(AttestDbContext db, ActingContext acting, UpdateTrustPage update) : PageModel
{
    public sealed class TrustForm
    {
        public bool Enabled { get; set; }
        public string? Slug { get; set; }
        public string? Summary { get; set; }
        public string? CertificationStatement { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public TrustForm Input { get; set; } = new();
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == acting.OrganizationId, HttpContext.RequestAborted);
        Input = new TrustForm
        {
            Enabled = organization.TrustPageEnabled, Slug = organization.TrustSlug, Summary = organization.TrustSummary,
            CertificationStatement = organization.CertificationStatement, Version = organization.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.TryAsync(db, Errors, () => update.RunAsync(new TrustPageSettings(Input.Enabled, Input.Slug, Input.Summary, Input.CertificationStatement, Input.Version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = Input.Enabled ? "The trust page is published." : "The trust page settings have been saved; the page is switched off.";
            return RedirectToPage();
        }
        return Page();
    }
}
