using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Settings;

/// <summary>SCIM provisioning: the endpoint an identity provider is given, and its tokens (created, shown once, revoked).</summary>
[Authorize(Policy = Access.Admin)]
public sealed class ScimModel(AttestDbContext db, CreateScimToken create, RevokeScimToken revoke) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public IssuedScimToken? Issued { get; private set; }
    public List<string> Errors { get; } = [];
    public string Endpoint => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/scim/v2";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name)
    {
        // The token is shown in this answer and nowhere else, so this post renders the page instead of redirecting.
        await this.TryAsync(db, Errors, async () => Issued = await create.RunAsync(name, HttpContext.RequestAborted));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await this.TryAsync(db, Errors, () => revoke.RunAsync(id, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The token is revoked; the identity provider's next request with it is refused.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Tokens = await db.ScimTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAt, t.CreatedBy, t.LastUsedAt, t.RevokedAt)).ToListAsync(HttpContext.RequestAborted);
}
