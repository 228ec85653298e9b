using Attest.Accounts;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Account;

/// <summary>A person's API tokens in the current organization; Admins also see and revoke everyone's.</summary>
[Authorize(Policy = Access.Member)]
public sealed class TokensModel(AttestDbContext db, ActingContext acting, CreateApiToken create, RevokeApiToken revoke, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Owner, string Prefix, ApiTokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string Status);

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public IssuedApiToken? Issued { get; private set; }
    public List<string> Errors { get; } = [];
    public string Name { get; private set; } = "";
    public bool CanWrite => acting.Role is not (OrganizationRole.Auditor or OrganizationRole.Employee);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, ApiTokenScope scope, int validForDays)
    {
        try
        {
            Issued = await create.RunAsync(new NewApiToken(name ?? "", scope, validForDays), HttpContext.RequestAborted);
        }
        catch (ValidationFailedException invalid)
        {
            Errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            Name = name ?? "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await revoke.RunAsync(id, HttpContext.RequestAborted);
        TempData["Success"] = "The token has been revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var everyone = acting.Role == OrganizationRole.Admin;
        var userId = acting.UserId;
        Tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => everyone || t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, db.Users.Where(u => u.Id == t.UserId).Select(u => u.Email!).FirstOrDefault() ?? "", t.Prefix, t.Scope,
                t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active"))
            .ToListAsync(HttpContext.RequestAborted);
    }
}
