using System.Security.Cryptography;
using Attest.Audit;
using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Attest.Checks;

/// <summary>What started a run: the scheduler, a person or the CLI ("run now"), or a system posting its result.</summary>
public enum CheckTrigger
{
    Schedule = 0,
    RunNow = 1,
    Push = 2,
}

/// <summary>How a run went and the evidence record it became.</summary>
public sealed record CheckRunResult(Guid CheckId, string Name, bool Passed, string Summary, Guid EvidenceId);

public enum PushOutcome
{
    Recorded = 0,
    UnknownCheck = 1,
    WrongToken = 2,
}

/// <summary>The answer to a pushed result: recorded (with the run), or why not.</summary>
public sealed record PushedResult(PushOutcome Outcome, CheckRunResult? Run = null);

/// <summary>
/// Runs a check and records its result as evidence linked to the check's controls: one attempt per timeout, up to Retries more after a
/// failure, any probe exception a failed result. Updates the check's schedule and, when it turns from pass to fail, tells the owners of
/// its controls and the check's owner. Command checks run only while an Admin has enabled them for the organization.
/// </summary>
public sealed class RunCheck(AttestDbContext db, SaveEvidence saveEvidence, IDataProtectionProvider protection)
{
    private const int SummaryLength = 1000;
    private const int DetailsLength = 50_000;

    /// <summary>
    /// Runs the check now. Outside a request (the scheduler) it acts as the system in the check's organization. A scheduled run of a
    /// check that was disabled or made a push check meanwhile runs nothing, clears its schedule and returns null.
    /// </summary>
    public async Task<CheckRunResult?> RunAsync(Guid checkId, CheckTrigger trigger, CancellationToken cancellationToken = default)
    {
        if (db.Acting.OrganizationId is null)
        {
            var organizationId = await db.Checks.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == checkId).Select(c => (Guid?)c.OrganizationId)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Check", checkId);
            db.Acting.EnterOrganization(organizationId, null);
        }
        var check = await db.Checks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkId, cancellationToken) ?? throw new RecordNotFoundException("Check", checkId);
        if (trigger == CheckTrigger.Schedule && (!check.Enabled || check.Kind == CheckKind.Push))
        {
            await db.CheckSchedules.Where(s => s.Id == checkId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRunAt, (DateTimeOffset?)null).SetProperty(s => s.LeaseOwner, (string?)null)
                    .SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            return null;
        }
        if (check.Kind == CheckKind.Push)
        {
            throw ValidationFailedException.For("Kind", $"'{check.Name}' is a push check: it records the results its system posts with its token and does not run from Attest.");
        }

        ProbeResult result;
        if (check.Kind == CheckKind.Command && !await db.Organizations.Where(o => o.Id == check.OrganizationId).Select(o => o.CommandChecksEnabled).SingleAsync(cancellationToken))
        {
            result = new ProbeResult(false, "command checks are disabled",
                "Command checks are disabled for this organization, so the command was not run. An Admin can enable them under Settings → Automated checks.");
        }
        else
        {
            result = await ProbeAsync(check, cancellationToken);
        }
        return await RecordAsync(check, result, trigger, cancellationToken);
    }

    /// <summary>
    /// Records a result posted for a push check. The check is found by name across organizations and the token compared with each
    /// candidate's stored hash in constant time; the organization is the matching check's.
    /// </summary>
    public async Task<PushedResult> RecordPushedResult(string checkName, string token, bool passed, string? summary, string? details, CancellationToken cancellationToken = default)
    {
        var name = checkName?.Trim() ?? "";
        var candidates = await db.Checks.IgnoreQueryFilters().AsNoTracking().Where(c => c.Name == name)
            .Select(c => new { c.Id, c.OrganizationId, c.Kind, c.PushTokenHash }).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return new PushedResult(PushOutcome.UnknownCheck);
        (Guid Id, Guid OrganizationId)? match = null;
        foreach (var candidate in candidates)
        {
            // Every candidate is compared, so the time taken does not tell which one (if any) matched.
            if (CheckSecrets.Matches(token ?? "", candidate.PushTokenHash) && candidate.Kind == CheckKind.Push) match = (candidate.Id, candidate.OrganizationId);
        }
        if (match is not { } authenticated) return new PushedResult(PushOutcome.WrongToken);

        db.Acting.EnterOrganization(authenticated.OrganizationId, null);
        db.Acting.UseChannel(AuditChannel.Api);
        var check = await db.Checks.AsNoTracking().FirstAsync(c => c.Id == authenticated.Id, cancellationToken);
        var validation = new Validation().Required("summary", summary, SummaryLength).MaxLength("details", details, DetailsLength);
        if (!check.Enabled) validation.Add("check", $"'{check.Name}' is disabled; enable it to record results.");
        validation.ThrowIfInvalid();
        var run = await RecordAsync(check, new ProbeResult(passed, summary!.Trim(), details?.Trim() ?? ""), CheckTrigger.Push, cancellationToken);
        return new PushedResult(PushOutcome.Recorded, run);
    }

    private async Task<ProbeResult> ProbeAsync(Check check, CancellationToken cancellationToken)
    {
        string? secret = null;
        if (check.ProtectedSecret is not null)
        {
            try
            {
                secret = protection.CreateProtector(CheckSecrets.Purpose).Unprotect(check.ProtectedSecret);
            }
            catch (CryptographicException)
            {
                return new ProbeResult(false, "the stored connection string cannot be decrypted",
                    "The connection string was encrypted with a data-protection key this installation no longer has. Enter it again on the check.");
            }
        }
        var target = new CheckTarget(check.Target, check.Settings, secret);
        var attempts = check.Retries + 1;
        ProbeResult result = new(false, "not run", "");
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(check.TimeoutSeconds));
            try
            {
                var probe = CheckProbes.For(check.Kind);
                // WaitAsync enforces the timeout even on a probe that does not watch its token.
                result = await probe.RunAsync(target, timeout.Token).WaitAsync(timeout.Token);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                result = failure is OperationCanceledException && timeout.IsCancellationRequested
                    ? new ProbeResult(false, $"timed out after {check.TimeoutSeconds} s", $"The probe did not answer within {check.TimeoutSeconds} seconds.")
                    : new ProbeResult(false, $"the probe failed: {failure.Message}", $"The probe failed with {failure.GetType().Name}: {failure.Message}");
            }
            if (result.Passed) break;
        }
        return result;
    }

    private async Task<CheckRunResult> RecordAsync(Check check, ProbeResult result, CheckTrigger trigger, CancellationToken cancellationToken)
    {
        var now = Instant.Now(db.Clock);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var summary = Shorten(string.IsNullOrWhiteSpace(result.Summary) ? (result.Passed ? "passed" : "failed") : result.Summary.Trim().ReplaceLineEndings(" "), SummaryLength);
        var details = Shorten(result.Details ?? "", DetailsLength);
        var controls = await db.CheckControls.AsNoTracking().Where(l => l.CheckId == check.Id).Select(l => l.ControlId).ToListAsync(cancellationToken);
        // An owner who has left the organization no longer owns its evidence.
        var owner = check.OwnerId is { } ownerId && await db.Memberships.AnyAsync(m => m.UserId == ownerId, cancellationToken) ? check.OwnerId : null;
        var how = trigger switch
        {
            CheckTrigger.Schedule => $"Scheduled run ({check.Schedule} UTC).",
            CheckTrigger.Push => "Posted by the check's system with its push token.",
            _ => $"Run on request by {db.Acting.Actor}.",
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Evidence references are numbered from the highest in use: hold the organization's audit lock from numbering to commit so
        // that runs finishing together (on any instance) never take the same number.
        await DatabaseProvider.LockAuditChainAsync(db, check.OrganizationId, cancellationToken);
        var evidenceId = await saveEvidence.RunAsync(null, new EvidenceInput(
            $"{check.Name} — {(result.Passed ? "pass" : "fail")}", EvidenceKind.CheckResult,
            Description: $"{summary}\n\n{how}", OwnerId: owner, CollectedOn: today, ValidUntil: today.AddDays(check.ResultValidDays), Note: details,
            Links: controls.Select(c => new EvidenceLinkInput(EvidenceTarget.Control, c)).ToList(),
            Source: EvidenceSource.Check, CheckId: check.Id, Passed: result.Passed), null, cancellationToken);

        var schedule = await db.CheckSchedules.FirstOrDefaultAsync(s => s.Id == check.Id, cancellationToken);
        if (schedule is null)
        {
            schedule = new CheckSchedule { Id = check.Id };
            db.CheckSchedules.Add(schedule);
        }
        var turnedToFail = schedule.LastPassed == true && !result.Passed;
        schedule.LastRunAt = now;
        schedule.LastPassed = result.Passed;
        schedule.LastSummary = summary;
        schedule.LastEvidenceId = evidenceId;
        schedule.NextRunAt = CheckTiming.NextRun(check, null, now);
        if (trigger == CheckTrigger.Schedule) (schedule.LeaseOwner, schedule.LeaseUntil) = (null, null);
        if (turnedToFail)
        {
            var recipients = await db.Controls.AsNoTracking().Where(c => controls.Contains(c.Id) && c.OwnerId != null).Select(c => c.OwnerId!.Value).ToListAsync(cancellationToken);
            if (check.OwnerId is { } checkOwner) recipients.Add(checkOwner);
            recipients = recipients.Distinct().ToList();
            var members = await db.Memberships.AsNoTracking().Where(m => recipients.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken);
            foreach (var person in members.Distinct())
            {
                db.Notifications.Add(new Notification { UserId = person, Text = Shorten($"Check {check.Name} failed: {summary}", 1000), Link = $"/checks/{check.Id}", CreatedAt = now });
            }
        }
        await db.SaveAsync("check result", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CheckRunResult(check.Id, check.Name, result.Passed, summary, evidenceId);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>Marks the acting person's notifications read: one, or all of them.</summary>
public sealed class MarkNotificationsRead(AttestDbContext db)
{
    public async Task RunAsync(Guid? notificationId, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId ?? throw new InvalidOperationException("Notifications belong to a person.");
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (notificationId == null || n.Id == notificationId)).ToListAsync(cancellationToken);
        if (notificationId is not null && unread.Count == 0 && !await db.Notifications.AnyAsync(n => n.UserId == userId && n.Id == notificationId, cancellationToken))
        {
            throw new RecordNotFoundException("Notification", notificationId);
        }
        var now = Instant.Now(db.Clock);
        foreach (var notification in unread) notification.ReadAt = now;
        await db.SaveAsync("notification", cancellationToken);
    }
}

/// <summary>A person's notifications, newest first (unread before read), at most a page of them.</summary>
public static class NotificationQueries
{
    public sealed record Row(Guid Id, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public static async Task<List<Row>> MineAsync(AttestDbContext db, int limit = 100, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId;
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).Take(limit)
            .Select(n => new Row(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(cancellationToken);
    }
}
