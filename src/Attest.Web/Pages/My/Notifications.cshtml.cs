using Attest.Checks;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>The signed-in person's notifications (e.g. a check on a control they own turned from pass to fail), unread first.</summary>
[Authorize(Policy = Access.Member)]
public sealed class NotificationsModel(AttestDbContext db, MarkNotificationsRead markRead) : PageModel
{
    public IReadOnlyList<NotificationQueries.Row> Notifications { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => Notifications = await NotificationQueries.MineAsync(db, cancellationToken: HttpContext.RequestAborted);

    /// <summary>Marks one notification read, or all of them when none is named.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid? id)
    {
        if (await this.TryAsync(db, Errors, () => markRead.RunAsync(id, HttpContext.RequestAborted)))
        {
            TempData["Success"] = id is null ? "All notifications are marked read." : "Marked read.";
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
