using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Settings;

/// <summary>Who has which role in this organization.</summary>
[Authorize(Policy = Access.Admin)]
public sealed class MembersModel(AttestDbContext db, AddMember add, ChangeMembership change, RemoveMember remove) : PageModel
{
    public sealed record Row(Guid MembershipId, string DisplayName, string Email, OrganizationRole Role, DateOnly? AccessEndsOn, string? JobTitle, string? Department, bool MfaEnabled, int Version);

    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Members { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Added { get; private set; }
    public string? GeneratedPassword { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string? email, string? displayName, OrganizationRole role, DateOnly? accessEndsOn, string? jobTitle, string? department)
    {
        await RunAsync(async () =>
        {
            var added = await add.RunAsync(new NewMember(email ?? "", displayName, role, accessEndsOn, null, jobTitle, department), HttpContext.RequestAborted);
            Added = $"{email} is now {role} of this organization.";
            GeneratedPassword = added.GeneratedPassword;
        });
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid membershipId, OrganizationRole role, DateOnly? accessEndsOn, int version, string? jobTitle, string? department)
    {
        if (await RunAsync(() => change.RunAsync(membershipId, role, accessEndsOn, version, HttpContext.RequestAborted, jobTitle ?? "", department ?? "")))
        {
            TempData["Success"] = "The role has been saved.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId)
    {
        if (await RunAsync(() => remove.RunAsync(membershipId, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The member has been removed and their API tokens revoked.";
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private Task<bool> RunAsync(Func<Task> action) => this.TryAsync(db, Errors, action);

    /// <summary>One page of members (searchable by name or e-mail), one query.</summary>
    private async Task LoadAsync()
    {
        var query = db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u });
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLower();
            query = query.Where(x => x.u.Email!.ToLower().Contains(term) || x.u.DisplayName.ToLower().Contains(term));
        }
        var rows = await query.OrderBy(x => x.u.Email)
            .Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new Row(x.m.Id, x.u.DisplayName, x.u.Email ?? "", x.m.Role, x.m.AccessEndsOn, x.m.JobTitle, x.m.Department, x.u.TwoFactorEnabled, x.m.Version))
            .ToListAsync(HttpContext.RequestAborted);
        HasMore = rows.Count > PageSize;
        Members = rows.Take(PageSize).ToList();
    }
}
