using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Incidents;

/// <summary>The breach assessment as the handler writes it. <see cref="Decision"/> is Assessing, Notifiable or NotNotifiable; Notified follows from the log.</summary>
public sealed record BreachInput(
    DateTimeOffset AwareAt,
    BreachStatus Decision = BreachStatus.Assessing,
    BreachRisk Risk = BreachRisk.NotAssessed,
    string? DataCategories = null,
    string? DataSubjects = null,
    int? ApproximateSubjects = null,
    int? ApproximateRecords = null,
    string? LikelyConsequences = null,
    string? MeasuresTaken = null,
    string? Authority = null,
    string? NotNotifiableReason = null,
    string? DelayReason = null,
    int Version = 0);

public sealed record BreachNotificationInput(
    NotificationRecipient Recipient,
    string RecipientName,
    DateTimeOffset? SentAt,
    string Method,
    string? Content = null,
    string? ExternalReference = null,
    /// <summary>Who sent it; the acting person when empty.</summary>
    string? SentBy = null,
    /// <summary>Required when an authority notification is later than the deadline, unless the assessment already gives the reasons.</summary>
    string? DelayReason = null);

internal static class BreachRules
{
    /// <summary>
    /// Notified once the authority has been told and, when the risk to people is high, the people too (Art. 33, 34). Logging a notification
    /// to the authority while still assessing is itself the decision that the breach is notifiable.
    /// </summary>
    public static void Settle(AttestDbContext db, BreachAssessment breach, IReadOnlyCollection<NotificationRecipient> notified, DateTimeOffset now)
    {
        if (breach.Status == BreachStatus.NotNotifiable) return;
        var authority = notified.Contains(NotificationRecipient.SupervisoryAuthority);
        if (breach.Status == BreachStatus.Assessing && authority)
        {
            breach.Status = BreachStatus.Notifiable;
            breach.DecidedAt = now;
            breach.DecidedBy = db.Acting.Actor;
        }
        if (breach.Status is BreachStatus.Notifiable or BreachStatus.Notified)
        {
            var complete = authority && (breach.Risk != BreachRisk.HighRisk || notified.Contains(NotificationRecipient.DataSubjects));
            breach.Status = complete ? BreachStatus.Notified : BreachStatus.Notifiable;
        }
    }

    public static async Task<BreachAssessment> FindAsync(AttestDbContext db, Guid incidentId, CancellationToken cancellationToken) =>
        await db.BreachAssessments.FirstOrDefaultAsync(b => b.IncidentId == incidentId, cancellationToken)
        ?? (await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken)
            ? throw ValidationFailedException.For("PersonalData", "this incident is not marked as involving personal data, so it has no breach record.")
            : throw new RecordNotFoundException("Incident", incidentId));
}

/// <summary>
/// Saves the personal data breach assessment (GDPR Art. 33/34): when the organization became aware (the clock's start), the risk to people,
/// what and whom the breach concerns, consequences and measures, the authority, and the decision. "Not notifiable" needs its reason and is
/// refused at high risk.
/// </summary>
public sealed class SaveBreachAssessment(AttestDbContext db)
{
    public async Task RunAsync(Guid incidentId, BreachInput input, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var validation = new Validation()
            .Defined("Decision", input.Decision).Defined("Risk", input.Risk)
            .MaxLength("DataCategories", input.DataCategories, 2000).MaxLength("DataSubjects", input.DataSubjects, 2000)
            .MaxLength("LikelyConsequences", input.LikelyConsequences, 20_000).MaxLength("MeasuresTaken", input.MeasuresTaken, 20_000)
            .MaxLength("Authority", input.Authority, 200).MaxLength("NotNotifiableReason", input.NotNotifiableReason, 4000).MaxLength("DelayReason", input.DelayReason, 4000);
        if (input.ApproximateSubjects is < 0) validation.Add("ApproximateSubjects", "cannot be negative.");
        if (input.ApproximateRecords is < 0) validation.Add("ApproximateRecords", "cannot be negative.");
        var awareAt = Instant.Truncate(input.AwareAt);
        if (awareAt > now + IncidentRules.Skew) validation.Add("AwareAt", "cannot be in the future.");
        var decision = input.Decision == BreachStatus.Notified ? BreachStatus.Notifiable : input.Decision;
        if (decision == BreachStatus.NotNotifiable)
        {
            if (string.IsNullOrWhiteSpace(input.NotNotifiableReason)) validation.Add("NotNotifiableReason", "is required: record why the breach is unlikely to result in a risk to people's rights and freedoms (Art. 33(1), 33(5)).");
            if (input.Risk == BreachRisk.HighRisk) validation.Add("Decision", "a breach with a high risk to people is notifiable (Art. 33, 34).");
        }
        var breach = await BreachRules.FindAsync(db, incidentId, cancellationToken);
        db.Entry(breach).Property(b => b.Version).OriginalValue = input.Version;
        var notified = await db.BreachNotifications.Where(n => n.BreachId == breach.Id).Select(n => n.Recipient).Distinct().ToListAsync(cancellationToken);
        if (decision == BreachStatus.NotNotifiable && notified.Contains(NotificationRecipient.SupervisoryAuthority))
        {
            validation.Add("Decision", "the authority has already been notified of this breach.");
        }
        validation.ThrowIfInvalid();

        var before = breach.Status == BreachStatus.Notified ? BreachStatus.Notifiable : breach.Status;
        if (before != decision)
        {
            breach.DecidedAt = decision == BreachStatus.Assessing ? null : now;
            breach.DecidedBy = decision == BreachStatus.Assessing ? "" : db.Acting.Actor;
            db.IncidentEvents.Add(IncidentRules.Event(db, incidentId, IncidentEventKind.Change, now, $"Breach assessment: {IncidentLabels.Of(decision)}."));
        }
        if (breach.AwareAt != awareAt)
        {
            db.IncidentEvents.Add(IncidentRules.Event(db, incidentId, IncidentEventKind.Change, now, $"Breach awareness {IncidentRules.At(breach.AwareAt)} → {IncidentRules.At(awareAt)}."));
        }
        breach.AwareAt = awareAt;
        breach.Status = decision;
        breach.Risk = input.Risk;
        breach.DataCategories = input.DataCategories?.Trim() ?? "";
        breach.DataSubjects = input.DataSubjects?.Trim() ?? "";
        breach.ApproximateSubjects = input.ApproximateSubjects;
        breach.ApproximateRecords = input.ApproximateRecords;
        breach.LikelyConsequences = input.LikelyConsequences?.Trim() ?? "";
        breach.MeasuresTaken = input.MeasuresTaken?.Trim() ?? "";
        breach.Authority = input.Authority?.Trim() ?? "";
        breach.NotNotifiableReason = decision == BreachStatus.NotNotifiable ? input.NotNotifiableReason!.Trim() : "";
        breach.DelayReason = input.DelayReason?.Trim() ?? "";
        BreachRules.Settle(db, breach, notified, now);
        await db.SaveAsync("breach assessment", cancellationToken);
    }
}

/// <summary>
/// Logs a notification about a breach — to the authority, the people affected, a client — with when, how, what was said and who sent it.
/// A log entry is never changed. An authority notification after the deadline (awareness + the notification hours) needs the reasons for the
/// delay. The breach becomes Notified once everything its risk level requires is logged.
/// </summary>
public sealed class LogBreachNotification(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid incidentId, BreachNotificationInput input, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var sentAt = input.SentAt is { } s ? Instant.Truncate(s) : now;
        var validation = new Validation()
            .Defined("Recipient", input.Recipient)
            .Required("RecipientName", input.RecipientName, 300)
            .Required("Method", input.Method, 100)
            .MaxLength("Content", input.Content, 50_000)
            .MaxLength("ExternalReference", input.ExternalReference, 200)
            .MaxLength("SentBy", input.SentBy, 400)
            .MaxLength("DelayReason", input.DelayReason, 4000);
        if (sentAt > now + IncidentRules.Skew) validation.Add("SentAt", "cannot be in the future.");
        var breach = await BreachRules.FindAsync(db, incidentId, cancellationToken);
        if (breach.Status == BreachStatus.NotNotifiable && input.Recipient == NotificationRecipient.SupervisoryAuthority)
        {
            validation.Add("Recipient", "the breach was assessed as not notifiable: change the assessment before notifying the authority.");
        }
        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        var delayReason = string.IsNullOrWhiteSpace(input.DelayReason) ? breach.DelayReason : input.DelayReason.Trim();
        if (input.Recipient == NotificationRecipient.SupervisoryAuthority && !BreachClock.InTime(breach.AwareAt, settings.NotificationHours, sentAt)
            && string.IsNullOrWhiteSpace(delayReason))
        {
            validation.Add("DelayReason", $"is required: the authority was notified after the {settings.NotificationHours}-hour deadline " +
                $"({IncidentRules.At(BreachClock.Deadline(breach.AwareAt, settings.NotificationHours))}), and Art. 33(1) asks for the reasons for the delay.");
        }
        validation.ThrowIfInvalid();

        var sentBy = string.IsNullOrWhiteSpace(input.SentBy) ? await ActorNameAsync(cancellationToken) : input.SentBy.Trim();
        var notification = new BreachNotification
        {
            BreachId = breach.Id, Recipient = input.Recipient, RecipientName = input.RecipientName.Trim(), SentAt = sentAt, Method = input.Method.Trim(),
            Content = input.Content?.Trim() ?? "", ExternalReference = input.ExternalReference?.Trim() ?? "", SentBy = sentBy,
            RecordedAt = now, RecordedBy = db.Acting.Actor,
        };
        db.BreachNotifications.Add(notification);
        breach.DelayReason = delayReason ?? "";
        var notified = await db.BreachNotifications.Where(n => n.BreachId == breach.Id).Select(n => n.Recipient).Distinct().ToListAsync(cancellationToken);
        notified.Add(input.Recipient);
        BreachRules.Settle(db, breach, notified, now);
        db.IncidentEvents.Add(IncidentRules.Event(db, incidentId, IncidentEventKind.Notification, sentAt,
            $"{IncidentLabels.Of(input.Recipient)} notified: {notification.RecipientName}, by {notification.Method}{(notification.ExternalReference.Length > 0 ? $" (ref. {notification.ExternalReference})" : "")}."));
        await db.SaveAsync("breach notification", cancellationToken);
        return notification.Id;
    }

    private async Task<string> ActorNameAsync(CancellationToken cancellationToken)
    {
        if (db.Acting.UserId is not { } user) return db.Acting.Actor;
        var name = await db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? db.Acting.Actor : name;
    }
}
