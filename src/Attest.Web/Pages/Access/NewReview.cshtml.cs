using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>Starts a review campaign as a draft, or changes a draft (<c>?id=</c>): title, systems, who reviews, due date.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class NewReviewModel(AttestDbContext db, SaveAccessReview save) : PageModel
{
    /// <summary>The draft being changed; null for a new campaign.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public int Version { get; set; }
    public string? Reference { get; private set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public List<Guid> SystemIds { get; set; } = [];
    [BindProperty] public ReviewerRule Reviewers { get; set; } = ReviewerRule.PersonManager;
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public int RevokeWithinDays { get; set; } = 14;
    public IReadOnlyList<SystemsModel.Choice> Systems { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var draft = await db.AccessReviewCampaigns.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.Reference, c.Title, c.Reviewers, c.DueOn, c.RevokeWithinDays, c.Status, c.Version }).FirstOrDefaultAsync(HttpContext.RequestAborted);
            if (draft is null) return NotFound();
            // Once open, a campaign's items are decided against its settings: only drafts change here.
            if (draft.Status != CampaignStatus.Draft) return Redirect($"/access/reviews/{id}");
            (Reference, Title, Reviewers, DueOn, RevokeWithinDays, Version) = (draft.Reference, draft.Title, draft.Reviewers, draft.DueOn, draft.RevokeWithinDays, draft.Version);
            await LoadAsync();
            SystemIds = await db.AccessReviewCampaignSystems.AsNoTracking().Where(l => l.CampaignId == id).Select(l => l.SystemId).ToListAsync(HttpContext.RequestAborted);
            return Page();
        }
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        Title = $"Q{(today.Month - 1) / 3 + 1} {today.Year} access review";
        DueOn = today.AddDays(21);
        await LoadAsync();
        SystemIds = Systems.Select(s => s.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(Id, new AccessReviewInput(Title, SystemIds, Reviewers, DueOn ?? default, RevokeWithinDays, Version),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = Id is null ? "The campaign is ready as a draft: check it and open it." : "The draft is saved.";
            return Redirect($"/access/reviews/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Systems = await db.AccessSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => new SystemsModel.Choice(s.Id, s.Name)).ToListAsync(HttpContext.RequestAborted);
}
