using System.Globalization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attest.Reminders;

/// <summary>
/// Sends the daily digests in `attest serve`: every few minutes it looks for organizations whose local time has reached the sending hour
/// (<c>Attest:Reminders:Hour</c>, default 7) and that this process has not served today, and runs <see cref="SendReminders"/> for each.
/// It does nothing unless SMTP is configured, and <c>Attest:Reminders:Scheduler</c> = off turns it off (with several instances on one
/// database, leave it on in one: the delivered-today check keeps a later run from sending again, not two runs at the same moment).
/// </summary>
public sealed class ReminderSchedule(IServiceScopeFactory scopes, SmtpSettings settings, TimeProvider clock, ILogger<ReminderSchedule> logger,
    IConfiguration? configuration = null) : BackgroundService
{
    public const string SchedulerKey = "Attest:Reminders:Scheduler";
    public const string HourKey = "Attest:Reminders:Hour";
    public const int DefaultHour = 7;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(5);

    private readonly Dictionary<Guid, DateOnly> _servedOn = [];

    /// <summary>The local hour digests go out at (0–23); the default when the setting is missing or not an hour.</summary>
    public static int SendingHour(IConfiguration? configuration) =>
        int.TryParse(configuration?[HourKey], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23 ? hour : DefaultHour;

    public static bool IsSwitchedOff(IConfiguration? configuration) => string.Equals(configuration?[SchedulerKey], "off", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsConfigured || IsSwitchedOff(configuration)) return;
        if (!settings.CanSend)
        {
            logger.LogWarning("Reminder e-mail is not sent: {Problems}", string.Join(" ", settings.Problems));
            return;
        }
        var hour = SendingHour(configuration);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunDueAsync(hour, stoppingToken);
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(failure, "Sending reminders failed; trying again at the next poll.");
                }
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunDueAsync(int hour, CancellationToken stoppingToken)
    {
        List<(Guid Id, string TimeZone)> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            organizations = (await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.TimeZone }).ToListAsync(stoppingToken))
                .Select(o => (o.Id, o.TimeZone)).ToList();
        }
        var now = clock.GetUtcNow();
        foreach (var (id, timeZone) in organizations)
        {
            var local = OrganizationTime.Local(now, OrganizationTime.Zone(timeZone));
            var day = DateOnly.FromDateTime(local);
            if (local.Hour < hour || _servedOn.TryGetValue(id, out var served) && served == day) continue;
            // Marked first: a failing run is logged and left for tomorrow (or `attest reminders send`), not retried every poll.
            _servedOn[id] = day;
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(organizationId: id, cancellationToken: stoppingToken);
            if (run.Digests.Count > 0)
            {
                logger.LogInformation("Reminders for {Organization}: {Delivered} delivered, {Failed} not delivered.", run.Digests[0].Organization, run.Delivered, run.Failed);
            }
        }
    }
}
