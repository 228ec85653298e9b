using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>A campaign's summary: progress by reviewer and system, counts by decision and flag, revocations to carry out; Managers open and complete it here.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ReviewModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public int RemediationPage { get; set; } = 1;
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public int ItemVersion { get; set; }

    public CampaignSummary Summary { get; private set; } = null!;
    public IReadOnlyList<ReviewItemRow> Remediations { get; private set; } = [];
    public bool MoreRemediations { get; private set; }
    public List<string> Errors { get; } = [];
    public bool CanManage => AccessReviewPermissions.IsManager(acting);
    public DateOnly Today => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync([FromServices] OpenAccessReview open)
    {
        if (!CanManage) return Forbid();
        var items = 0;
        return await RunAsync(async () => items = await open.RunAsync(Id, Version, HttpContext.RequestAborted), () => $"The review is open: {items} item(s) to decide.");
    }

    public async Task<IActionResult> OnPostCompleteAsync([FromServices] CompleteAccessReview complete)
    {
        if (!CanManage) return Forbid();
        var pending = 0;
        return await RunAsync(async () => pending = await complete.RunAsync(Id, Note, Version, HttpContext.RequestAborted),
            () => pending == 0 ? "The review is completed." : $"The review is completed with {pending} item(s) undecided.");
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromServices] RemoveAccessReview remove)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(Id, Version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The draft has been removed.";
            return Redirect("/access");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromServices] ConfirmAccessRemediation confirm) =>
        await RunAsync(() => confirm.RunAsync(Id, ItemId, Note, ItemVersion, HttpContext.RequestAborted), () => "The revocation is confirmed as carried out.");

    private async Task<IActionResult> RunAsync(Func<Task> action, Func<string> success)
    {
        if (await this.TryAsync(db, Errors, action))
        {
            TempData["Success"] = success();
            return Redirect($"/access/reviews/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Summary = await AccessReviewQueries.SummaryAsync(db, Id, token);
        Version = Summary.Campaign.Version;
        (Remediations, MoreRemediations) = await AccessReviewQueries.RemediationsAsync(db, Id, false, Math.Max(1, RemediationPage), token);
    }

    public bool CanConfirm(ReviewItemRow row) => AccessReviewPermissions.CanConfirm(acting, Summary.Campaign.Systems.FirstOrDefault(s => s.Id == row.SystemId)?.OwnerId);
}
