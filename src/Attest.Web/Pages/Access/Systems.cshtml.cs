using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>The systems in scope with their active accounts and flags; Managers add systems here.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class SystemsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class SystemForm
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? AssetId { get; set; }
        public int UnusedAfterDays { get; set; } = 90;
    }

    [BindProperty] public SystemForm Form { get; set; } = new();
    public IReadOnlyList<SystemRow> Systems { get; private set; } = [];
    public IReadOnlyList<Choice> Members { get; private set; } = [];
    public IReadOnlyList<Choice> Assets { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync([FromServices] SaveAccessSystem save)
    {
        if (!CanManage) return Forbid();
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, new AccessSystemInput(Form.Name, Form.Description, Form.AssetId, Form.OwnerId, Form.UnusedAfterDays),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Form.Name.Trim()} has been added: load its accounts next.";
            return Redirect($"/access/systems/{id}/import");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Systems = await AccessReviewQueries.SystemsAsync(db, null, token);
        if (!CanManage) return;
        Members = await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName + " <" + u.Email + ">")).ToListAsync(token);
        Assets = await db.Assets.AsNoTracking().OrderBy(a => a.Reference).Take(500).Select(a => new Choice(a.Id, a.Reference + " " + a.Name)).ToListAsync(token);
    }
}
