using Attest.Data;
using Attest.Reminders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Settings;

/// <summary>
/// E-mail (Admin): whether SMTP is configured (host, port, sender and security shown; the password never), the latest reminder deliveries with
/// their errors, and a test message to oneself.
/// </summary>
[Authorize(Policy = Access.Admin)]
public sealed class EmailModel(AttestDbContext db, SmtpSettings smtp, IConfiguration configuration) : PageModel
{
    public SmtpSettings Smtp => smtp;
    public int SendingHour => ReminderSchedule.SendingHour(configuration);
    public bool ScheduleOff => ReminderSchedule.IsSwitchedOff(configuration);
    public IReadOnlyList<ReminderDeliveries.Row> Deliveries { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => Deliveries = await ReminderDeliveries.LatestAsync(db, cancellationToken: HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostTestAsync([FromServices] SendTestEmail test)
    {
        string? sentTo = null;
        if (await this.TryAsync(db, Errors, async () => sentTo = await test.RunAsync(HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"A test e-mail was sent to {sentTo}.";
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
