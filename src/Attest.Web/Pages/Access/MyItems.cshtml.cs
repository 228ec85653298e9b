using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>
/// A reviewer's items in a campaign, 50 a page (pending first by default, filterable by flag and system), each decided keep, revoke
/// or change; non-privileged ones can be kept together. Managers may open any reviewer's page (?reviewer=) and decide for them.
/// </summary>
[Authorize(Policy = Access.Member)]
public sealed class MyItemsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public AccessFlags? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Reviewer { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public AccessDecision Decision { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? ChangeTo { get; set; }
    [BindProperty] public int ItemVersion { get; set; }
    [BindProperty] public List<Guid> ItemIds { get; set; } = [];
    [BindProperty] public string? BulkComment { get; set; }

    public CampaignDetail Campaign { get; private set; } = null!;
    public ReviewItemPage Items { get; private set; } = new([], false, 0, 0);
    public string? ReviewerName { get; private set; }
    public List<string> Errors { get; } = [];
    public bool PendingOnly => !string.Equals(Status, "all", StringComparison.OrdinalIgnoreCase);
    public bool CanDecide => Campaign.Status == CampaignStatus.Open && acting.Role is not Attest.Organizations.OrganizationRole.Auditor;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Reviewer is not null && Reviewer != acting.UserId && !(acting.Role is { } role && Access.Allows(Access.Reader, role))) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync([FromServices] DecideAccessItem decide)
    {
        if (await this.TryAsync(db, Errors, () => decide.RunAsync(Id, ItemId, new AccessDecisionInput(Decision, Comment, ChangeTo, ItemVersion), HttpContext.RequestAborted)))
        {
            var account = await db.AccessReviewItems.AsNoTracking().Where(i => i.Id == ItemId).Select(i => i.Account).FirstOrDefaultAsync(HttpContext.RequestAborted);
            TempData["Success"] = $"{AccessFlagRules.Label(Decision)}: {account} is decided.{await CompletedNoteAsync()}";
            return Redirect(Link(PageNumber));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync([FromServices] KeepAccessItems keep)
    {
        var kept = 0;
        if (await this.TryAsync(db, Errors, async () => kept = await keep.RunAsync(Id, ItemIds, BulkComment, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"Kept {kept} item(s).{await CompletedNoteAsync()}";
            return Redirect(Link(PageNumber));
        }
        await LoadAsync();
        return Page();
    }

    private async Task<string> CompletedNoteAsync() =>
        await db.AccessReviewCampaigns.AsNoTracking().AnyAsync(c => c.Id == Id && c.Status == CampaignStatus.Completed, HttpContext.RequestAborted)
            ? " Every item is decided: the review is completed." : "";

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Campaign = await AccessReviewQueries.CampaignAsync(db, Id, token);
        var whose = Reviewer is { } other && AccessReviewPermissions.IsManager(acting) || Reviewer is not null && acting.Role is Attest.Organizations.OrganizationRole.Auditor
            ? Reviewer : acting.UserId;
        if (whose != acting.UserId && whose is { } named)
        {
            ReviewerName = await db.Users.AsNoTracking().Where(u => u.Id == named).Select(u => u.DisplayName).FirstOrDefaultAsync(token);
        }
        Items = await AccessReviewQueries.ReviewerItemsAsync(db, Id, whose ?? Guid.Empty, new ReviewItemFilter(PendingOnly, Flag, System, Q), Math.Max(1, PageNumber), token);
    }

    public string Link(int page) =>
        $"/access/reviews/{Id}/my?pageNumber={page}" + (PendingOnly ? "" : "&status=all") + (Flag is { } f ? $"&flag={f}" : "") + (System is { } s ? $"&system={s}" : "")
        + (string.IsNullOrEmpty(Q) ? "" : $"&q={Uri.EscapeDataString(Q)}") + (Reviewer is { } r ? $"&reviewer={r}" : "");

    public static string Name(ReviewItemRow row) => row.Account + (row.Entitlement.Length > 0 ? $" ({row.Entitlement})" : "");
}
