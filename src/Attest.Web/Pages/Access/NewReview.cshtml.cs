using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>Starts a review campaign as a draft: title, systems, who reviews, due date.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class NewReviewModel(AttestDbContext db, SaveAccessReview save) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public List<Guid> SystemIds { get; set; } = [];
    [BindProperty] public ReviewerRule Reviewers { get; set; } = ReviewerRule.PersonManager;
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public int RevokeWithinDays { get; set; } = 14;
    public IReadOnlyList<SystemsModel.Choice> Systems { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        Title = $"Q{(today.Month - 1) / 3 + 1} {today.Year} access review";
        DueOn = today.AddDays(21);
        await LoadAsync();
        SystemIds = Systems.Select(s => s.Id).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, new AccessReviewInput(Title, SystemIds, Reviewers, DueOn ?? default, RevokeWithinDays),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The campaign is ready as a draft: check it and open it.";
            return Redirect($"/access/reviews/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Systems = await db.AccessSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => new SystemsModel.Choice(s.Id, s.Name)).ToListAsync(HttpContext.RequestAborted);
}
