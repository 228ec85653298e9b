using Attest.Audit;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reminders;

/// <summary>One digest of a run: to whom, how many tasks, and what came of it (nothing is sent on a dry run).</summary>
public sealed record ReminderOutcome(string Organization, Guid UserId, string Name, string Address, int Due, int Overdue, bool Delivered, string Error);

/// <summary>
/// What a run did. <see cref="EmailOff"/>: no SMTP host is configured, so nothing was sent. <see cref="Problems"/>: the SMTP configuration
/// is incomplete, so nothing was sent either. <see cref="AlreadySent"/> counts people skipped because today's digest was delivered earlier.
/// </summary>
public sealed record ReminderRun(bool EmailOff, bool DryRun, IReadOnlyList<string> Problems, IReadOnlyList<ReminderOutcome> Digests, int AlreadySent)
{
    public int Delivered => Digests.Count(d => d.Delivered);
    public int Failed => DryRun ? 0 : Digests.Count(d => !d.Delivered);
}

/// <summary>
/// Sends each member of each organization who has due or overdue tasks one digest a day (the organization's day), and logs every attempt
/// as a <see cref="ReminderDelivery"/>. Someone whose digest was delivered today is skipped, so running it again (by hand or by the
/// schedule) only retries those who did not get theirs. An unreachable server or a refused recipient is logged; the run goes on.
/// </summary>
public sealed class SendReminders(AttestDbContext db, SmtpSettings settings)
{
    /// <param name="dryRun">Work out who would get how many items, send and log nothing (allowed with e-mail off).</param>
    /// <param name="organizationId">Only this organization (the schedule runs each at its own local hour); null for all.</param>
    public async Task<ReminderRun> RunAsync(bool dryRun = false, Guid? organizationId = null, CancellationToken cancellationToken = default)
    {
        if (!dryRun && !settings.IsConfigured) return new ReminderRun(true, false, [], [], 0);
        if (!dryRun && !settings.CanSend) return new ReminderRun(false, false, settings.Problems, [], 0);

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationId == null || o.Id == organizationId)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.TimeZone })
            .ToListAsync(cancellationToken);
        var outcomes = new List<ReminderOutcome>();
        var alreadySent = 0;
        await using var mailer = new SmtpMailer(settings);
        foreach (var organization in organizations)
        {
            using var inOrganization = db.Acting.ActIn(organization.Id, OrganizationRole.Admin);
            using var asService = db.Acting.ActAsService("reminders", AuditChannel.System);
            var today = OrganizationTime.Date(db.Clock.GetUtcNow(), OrganizationTime.Zone(organization.TimeZone));
            var members = await db.Memberships.AsNoTracking()
                .Where(m => m.AccessEndsOn == null || today <= m.AccessEndsOn)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName })
                .Where(u => u.Email != null && u.Email != "")
                .OrderBy(u => u.Email)
                .ToListAsync(cancellationToken);
            var delivered = (await db.ReminderDeliveries.AsNoTracking().Where(d => d.ForDay == today && d.Delivered).Select(d => d.UserId).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var member in members)
            {
                if (delivered.Contains(member.Id))
                {
                    alreadySent++;
                    continue;
                }
                var tasks = await MyTasks.ForUserAsync(db, member.Id, today, cancellationToken);
                if (tasks.Items.Count == 0) continue;
                var name = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email! : member.DisplayName;
                if (dryRun)
                {
                    outcomes.Add(new ReminderOutcome(organization.Name, member.Id, name, member.Email!, tasks.DueCount, tasks.OverdueCount, false, ""));
                    continue;
                }
                var error = await mailer.SendAsync(ReminderDigest.Compose(settings, organization.Name, name, member.Email!, tasks), cancellationToken);
                db.ReminderDeliveries.Add(new ReminderDelivery
                {
                    UserId = member.Id,
                    Address = member.Email!,
                    ForDay = today,
                    DueCount = tasks.DueCount,
                    OverdueCount = tasks.OverdueCount,
                    AttemptedAt = Instant.Now(db.Clock),
                    Delivered = error is null,
                    Error = Truncate(error ?? "", 2000),
                });
                // Saved after each message, so that a run cut short never sends the same digest twice.
                await db.SaveAsync("reminder delivery", cancellationToken);
                outcomes.Add(new ReminderOutcome(organization.Name, member.Id, name, member.Email!, tasks.DueCount, tasks.OverdueCount, error is null, error ?? ""));
            }
        }
        return new ReminderRun(false, dryRun, [], outcomes, alreadySent);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Sends the signed-in person a test message, so an administrator sees that the SMTP settings work.</summary>
public sealed class SendTestEmail(AttestDbContext db, SmtpSettings settings)
{
    /// <summary>Sends it and returns the address it went to.</summary>
    /// <exception cref="ValidationFailedException">E-mail is off or misconfigured, the person has no address, or the server refused or could not be reached (field "smtp").</exception>
    public async Task<string> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!settings.IsConfigured) throw ValidationFailedException.For("smtp", $"E-mail is off: set {SmtpSettings.HostKey} (environment variable Smtp__Host) to send e-mail.");
        if (!settings.CanSend) throw ValidationFailedException.For("smtp", string.Join(" ", settings.Problems));
        var userId = db.Acting.UserId ?? throw ValidationFailedException.For("smtp", "Only a signed-in person can be sent a test e-mail.");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(user?.Email)) throw ValidationFailedException.For("smtp", "Your account has no e-mail address.");
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == db.Acting.RequireOrganization()).Select(o => o.Name).FirstAsync(cancellationToken);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;
        var text = $"Hello {name},\n\nThis is a test e-mail from Attest for {organization}: the SMTP settings work.\nYour tasks: {settings.Link("/my/tasks")}\n";
        var html = $"<!DOCTYPE html><html lang=\"en\"><body><p>Hello {System.Net.WebUtility.HtmlEncode(name)},</p><p>This is a test e-mail from Attest for " +
                   $"{System.Net.WebUtility.HtmlEncode(organization)}: the SMTP settings work.</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(settings.Link("/my/tasks"))}\">Your tasks</a></p></body></html>";
        await using var mailer = new SmtpMailer(settings);
        var error = await mailer.SendAsync(ReminderDigest.Message(settings, name, user.Email, "Attest: test e-mail", text, html), cancellationToken);
        if (error is not null) throw ValidationFailedException.For("smtp", $"The test e-mail to {user.Email} was not sent: {error}");
        return user.Email;
    }
}

/// <summary>The delivery log as the e-mail settings page shows it: the latest attempts, failures first among the same day.</summary>
public static class ReminderDeliveries
{
    public sealed record Row(DateOnly ForDay, string Address, int Due, int Overdue, DateTimeOffset AttemptedAt, bool Delivered, string Error);

    public static async Task<IReadOnlyList<Row>> LatestAsync(AttestDbContext db, int count = 50, CancellationToken cancellationToken = default) =>
        await db.ReminderDeliveries.AsNoTracking()
            .OrderByDescending(d => d.ForDay).ThenBy(d => d.Delivered).ThenByDescending(d => d.AttemptedAt)
            .Take(count)
            .Select(d => new Row(d.ForDay, d.Address, d.DueCount, d.OverdueCount, d.AttemptedAt, d.Delivered, d.Error))
            .ToListAsync(cancellationToken);
}
