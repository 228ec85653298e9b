using Attest.Data;
using Attest.Reminders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>
/// Everything the signed-in person has to do across the ISMS — overdue first, then due within <see cref="MyTasks.DueWithinDays"/> days —
/// grouped by kind, each linking to where it is done. Every member sees their own tasks and nobody else's.
/// </summary>
[Authorize(Policy = Access.Member)]
public sealed class TasksModel(AttestDbContext db, ActingContext acting, SmtpSettings smtp) : PageModel
{
    public MyTaskList Tasks { get; private set; } = new(default, []);
    /// <summary>Whether these tasks also arrive by e-mail (SMTP is configured).</summary>
    public bool EmailOn => smtp.CanSend;

    public async Task OnGetAsync()
    {
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, HttpContext.RequestAborted));
        Tasks = acting.UserId is { } me ? await MyTasks.ForUserAsync(db, me, today, HttpContext.RequestAborted) : new MyTaskList(today, []);
    }
}
