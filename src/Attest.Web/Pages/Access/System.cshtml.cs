using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>One system: its accounts with their flags (50 a page, filterable), and for Managers its settings.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class SystemModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccessFlags? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public bool Removed { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public SystemsModel.SystemForm Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public SystemRow? System { get; private set; }
    public AccountPage Accounts { get; private set; } = new([], false, 0);
    public IReadOnlyList<SystemsModel.Choice> Members { get; private set; } = [];
    public IReadOnlyList<SystemsModel.Choice> Assets { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(true)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveAccessSystem save)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => save.RunAsync(Id, new AccessSystemInput(Form.Name, Form.Description, Form.AssetId, Form.OwnerId, Form.UnusedAfterDays, Version),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Form.Name.Trim()} has been saved.";
            return Redirect($"/access/systems/{Id}");
        }
        if (!await LoadAsync(false)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromServices] RemoveAccessSystem remove)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(Id, Version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The system and its accounts have been removed.";
            return Redirect("/access/systems");
        }
        if (!await LoadAsync(true)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(bool fillForm)
    {
        var token = HttpContext.RequestAborted;
        System = (await AccessReviewQueries.SystemsAsync(db, Id, token)).FirstOrDefault();
        if (System is null) return false;
        Accounts = await AccessReviewQueries.AccountsAsync(db, Id, System.UnusedAfterDays, new AccountFilter(Q, Flag, Removed), Math.Max(1, PageNumber), token);
        if (fillForm)
        {
            Form = new SystemsModel.SystemForm { Name = System.Name, Description = System.Description, OwnerId = System.OwnerId, AssetId = System.AssetId, UnusedAfterDays = System.UnusedAfterDays };
            Version = System.Version;
        }
        if (CanManage)
        {
            Members = await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
                .Select(u => new SystemsModel.Choice(u.Id, u.DisplayName + " <" + u.Email + ">")).ToListAsync(token);
            Assets = await db.Assets.AsNoTracking().OrderBy(a => a.Reference).Take(500).Select(a => new SystemsModel.Choice(a.Id, a.Reference + " " + a.Name)).ToListAsync(token);
        }
        return true;
    }

    public string Link(int page) =>
        $"/access/systems/{Id}?pageNumber={page}" + (string.IsNullOrEmpty(Q) ? "" : $"&q={Uri.EscapeDataString(Q)}") + (Flag is { } f ? $"&flag={f}" : "") + (Removed ? "&removed=true" : "");
}
