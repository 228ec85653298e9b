using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Incidents;

/// <summary>What a person (or a monitoring tool) tells when reporting an incident.</summary>
public sealed record IncidentReportInput(
    string Title,
    string? Description = null,
    IncidentCategory Category = IncidentCategory.Other,
    IncidentSeverity Severity = IncidentSeverity.Medium,
    DateTimeOffset? OccurredAt = null,
    /// <summary>When it was noticed; now when not given.</summary>
    DateTimeOffset? DetectedAt = null,
    IReadOnlyList<Guid>? AssetIds = null,
    string? AffectedClients = null,
    string? AffectedData = null,
    bool PersonalData = false);

/// <summary>What the incident handler edits.</summary>
public sealed record IncidentInput(
    string Title,
    string? Description,
    IncidentCategory Category,
    IncidentSeverity Severity,
    Guid? OwnerId,
    DateTimeOffset? OccurredAt,
    DateTimeOffset DetectedAt,
    /// <summary>Affected assets, AI systems included (their asset ids); null leaves them as they are.</summary>
    IReadOnlyList<Guid>? AssetIds = null,
    string? AffectedClients = null,
    string? AffectedData = null,
    bool PersonalData = false,
    Guid? SupplierId = null,
    int Version = 0);

public sealed record IncidentLinkInput(Guid Id, string? Note);

/// <summary>The post-incident review; null lists leave the links as they are.</summary>
public sealed record IncidentReviewInput(
    string? RootCause,
    string? LessonsLearned,
    DateOnly? ReviewedOn,
    IReadOnlyList<IncidentLinkInput>? Risks = null,
    IReadOnlyList<IncidentLinkInput>? Controls = null,
    int Version = 0);

public sealed record IncidentSettingsInput(
    string? CriticalDefinition, string? HighDefinition, string? MediumDefinition, string? LowDefinition,
    int CriticalDetectMinutes, int CriticalContainMinutes, int CriticalRecoverMinutes,
    int HighDetectMinutes, int HighContainMinutes, int HighRecoverMinutes,
    int MediumDetectMinutes, int MediumContainMinutes, int MediumRecoverMinutes,
    int LowDetectMinutes, int LowContainMinutes, int LowRecoverMinutes,
    bool LessonsRequiredForLow = true,
    int NotificationHours = 72,
    int Version = 0)
{
    public static IncidentSettingsInput From(IncidentSettings s) => new(s.CriticalDefinition, s.HighDefinition, s.MediumDefinition, s.LowDefinition,
        s.CriticalDetectMinutes, s.CriticalContainMinutes, s.CriticalRecoverMinutes, s.HighDetectMinutes, s.HighContainMinutes, s.HighRecoverMinutes,
        s.MediumDetectMinutes, s.MediumContainMinutes, s.MediumRecoverMinutes, s.LowDetectMinutes, s.LowContainMinutes, s.LowRecoverMinutes,
        s.LessonsRequiredForLow, s.NotificationHours, s.Version);
}

/// <summary>Rules every incident write shares.</summary>
internal static class IncidentRules
{
    /// <summary>Clocks of people and tools drift: a time up to five minutes ahead of the server still counts as now.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static Validation Describe(Validation validation, string title, string? description, IncidentCategory category, IncidentSeverity severity,
        string? clients, string? data) => validation
        .Required("Title", title, 300)
        .MaxLength("Description", description, 20_000)
        .Defined("Category", category)
        .Defined("Severity", severity)
        .MaxLength("AffectedClients", clients, 2000)
        .MaxLength("AffectedData", data, 2000);

    public static string At(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task CheckAssetsAsync(AttestDbContext db, Validation validation, IReadOnlyList<Guid>? assetIds, CancellationToken cancellationToken)
    {
        if (assetIds is not { Count: > 0 }) return;
        var wanted = assetIds.Distinct().ToList();
        if (await db.Assets.CountAsync(a => wanted.Contains(a.Id), cancellationToken) != wanted.Count)
        {
            validation.Add("AssetIds", "names assets that do not exist in this organization.");
        }
    }

    public static async Task LinkAssetsAsync(AttestDbContext db, Guid incidentId, IReadOnlyList<Guid>? assetIds, bool isNew, CancellationToken cancellationToken)
    {
        if (assetIds is null) return;
        var wanted = assetIds.Distinct().ToList();
        var linked = isNew ? [] : await db.IncidentAssets.Where(l => l.IncidentId == incidentId).ToListAsync(cancellationToken);
        db.IncidentAssets.RemoveRange(linked.Where(l => !wanted.Contains(l.AssetId)));
        foreach (var asset in wanted.Where(a => !linked.Any(l => l.AssetId == a))) db.IncidentAssets.Add(new IncidentAsset { IncidentId = incidentId, AssetId = asset });
    }

    /// <summary>The breach record an incident gets once personal data is involved; the Art. 33 clock starts at <paramref name="awareAt"/>.</summary>
    public static void OpenBreach(AttestDbContext db, Incident incident, DateTimeOffset awareAt) =>
        db.BreachAssessments.Add(new BreachAssessment { IncidentId = incident.Id, AwareAt = awareAt, Status = BreachStatus.Assessing });

    public static IncidentEvent Event(AttestDbContext db, Guid incidentId, IncidentEventKind kind, DateTimeOffset at, string text,
        IncidentStatus? from = null, IncidentStatus? to = null) => new()
    {
        IncidentId = incidentId, Kind = kind, At = at, RecordedAt = Instant.Now(db.Clock), RecordedBy = db.Acting.Actor, FromStatus = from, ToStatus = to, Text = text,
    };

    public static async Task<Incident> FindAsync(AttestDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Incident", id);
        db.Entry(incident).Property(i => i.Version).OriginalValue = version;
        return incident;
    }

    /// <summary>The timestamps of the steps after detection, in order: each must be at or after the one before.</summary>
    public static IEnumerable<(IncidentStatus Status, DateTimeOffset? At)> Steps(Incident incident) =>
    [
        (IncidentStatus.Triaged, incident.TriagedAt), (IncidentStatus.Contained, incident.ContainedAt), (IncidentStatus.Eradicated, incident.EradicatedAt),
        (IncidentStatus.Recovered, incident.RecoveredAt), (IncidentStatus.Closed, incident.ClosedAt),
    ];

    public static void SetStep(Incident incident, IncidentStatus status, DateTimeOffset? at)
    {
        switch (status)
        {
            case IncidentStatus.Triaged: incident.TriagedAt = at; break;
            case IncidentStatus.Contained: incident.ContainedAt = at; break;
            case IncidentStatus.Eradicated: incident.EradicatedAt = at; break;
            case IncidentStatus.Recovered: incident.RecoveredAt = at; break;
            case IncidentStatus.Closed: incident.ClosedAt = at; break;
        }
    }
}

/// <summary>
/// Reports an incident: any member through the form, or a monitoring tool through the API. A person is recorded as the reporter; a tool
/// (an API token) by the token's name. Personal data involved opens the breach record with the 72-hour clock from detection.
/// </summary>
public sealed class ReportIncident(AttestDbContext db)
{
    public async Task<Guid> RunAsync(IncidentReportInput input, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var detected = input.DetectedAt is { } d ? Instant.Truncate(d) : now;
        var occurred = input.OccurredAt is { } o ? Instant.Truncate(o) : (DateTimeOffset?)null;
        var validation = IncidentRules.Describe(new Validation(), input.Title, input.Description, input.Category, input.Severity, input.AffectedClients, input.AffectedData);
        if (detected > now + IncidentRules.Skew) validation.Add("DetectedAt", "cannot be in the future.");
        if (occurred is { } happened && happened > detected) validation.Add("OccurredAt", $"must be at or before the detection ({IncidentRules.At(detected)}).");
        await IncidentRules.CheckAssetsAsync(db, validation, input.AssetIds, cancellationToken);
        validation.ThrowIfInvalid();

        var (reporterId, reportedBy, channel) = await ReporterAsync(cancellationToken);
        var incident = new Incident
        {
            Reference = await References.NextAsync(db.Incidents.Select(i => i.Reference), "INC-", 4, cancellationToken),
            Title = input.Title.Trim(), Description = input.Description?.Trim() ?? "", Category = input.Category, Severity = input.Severity,
            Status = IncidentStatus.Reported, Channel = channel, ReporterId = reporterId, ReportedBy = reportedBy,
            OccurredAt = occurred, DetectedAt = detected, ReportedAt = now,
            AffectedClients = input.AffectedClients?.Trim() ?? "", AffectedData = input.AffectedData?.Trim() ?? "", PersonalData = input.PersonalData,
        };
        IncidentClock.Recompute(incident, await OrganizationTime.ZoneAsync(db, cancellationToken));
        db.Incidents.Add(incident);
        await IncidentRules.LinkAssetsAsync(db, incident.Id, input.AssetIds, isNew: true, cancellationToken);
        db.IncidentEvents.Add(IncidentRules.Event(db, incident.Id, IncidentEventKind.Status, now, $"Reported by {reportedBy}.", to: IncidentStatus.Reported));
        if (incident.PersonalData) IncidentRules.OpenBreach(db, incident, detected);
        await db.SaveAsync("incident", cancellationToken);
        return incident.Id;
    }

    private async Task<(Guid? Id, string Name, IncidentChannel Channel)> ReporterAsync(CancellationToken cancellationToken)
    {
        if (db.Acting.ApiTokenId is { } token)
        {
            var name = await db.ApiTokens.Where(t => t.Id == token).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            return (null, string.IsNullOrWhiteSpace(name) ? db.Acting.Actor : name, IncidentChannel.Api);
        }
        if (db.Acting.UserId is { } user)
        {
            var person = await db.Users.Where(u => u.Id == user).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
            var shown = person is null ? db.Acting.Actor
                : string.IsNullOrWhiteSpace(person.DisplayName) ? person.Email ?? db.Acting.Actor
                : $"{person.DisplayName} <{person.Email}>";
            return (user, shown, IncidentChannel.Form);
        }
        return (null, db.Acting.Actor, IncidentChannel.Import);
    }
}

/// <summary>
/// The handler's edits: description, category, severity, owner, occurrence and detection, what was affected. Times must keep their order
/// (occurred ≤ detected ≤ every later step); a change of severity or of a time is written on the timeline. Marking personal data opens
/// the breach record, its clock starting now; it can be unmarked only while no notification has been logged.
/// </summary>
public sealed class SaveIncident(AttestDbContext db)
{
    public async Task RunAsync(Guid id, IncidentInput input, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var validation = IncidentRules.Describe(new Validation(), input.Title, input.Description, input.Category, input.Severity, input.AffectedClients, input.AffectedData);
        var incident = await IncidentRules.FindAsync(db, id, input.Version, cancellationToken);
        var detected = Instant.Truncate(input.DetectedAt);
        var occurred = input.OccurredAt is { } o ? Instant.Truncate(o) : (DateTimeOffset?)null;
        if (detected > now + IncidentRules.Skew) validation.Add("DetectedAt", "cannot be in the future.");
        if (occurred is { } happened && happened > detected) validation.Add("OccurredAt", $"must be at or before the detection ({IncidentRules.At(detected)}).");
        if (IncidentRules.Steps(incident).FirstOrDefault(s => s.At is { } at && at < detected) is { At: { } first } step)
        {
            validation.Add("DetectedAt", $"must be at or before {step.Status.ToString().ToLowerInvariant()} ({IncidentRules.At(first)}).");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        await IncidentRules.CheckAssetsAsync(db, validation, input.AssetIds, cancellationToken);
        if (input.SupplierId is { } supplier && !await db.Suppliers.AnyAsync(s => s.Id == supplier, cancellationToken))
        {
            validation.Add("SupplierId", "is not a supplier of this organization.");
        }
        var breach = await db.BreachAssessments.FirstOrDefaultAsync(b => b.IncidentId == id, cancellationToken);
        if (!input.PersonalData && breach is not null && await db.BreachNotifications.AnyAsync(n => n.BreachId == breach.Id, cancellationToken))
        {
            validation.Add("PersonalData", "stays set: notifications about this breach have been logged.");
        }
        validation.ThrowIfInvalid();

        var changes = new List<string>();
        if (incident.Severity != input.Severity) changes.Add($"Severity {incident.Severity} → {input.Severity}.");
        if (incident.DetectedAt != detected) changes.Add($"Detected at {IncidentRules.At(incident.DetectedAt)} → {IncidentRules.At(detected)}.");
        if (incident.OccurredAt != occurred)
        {
            changes.Add($"Occurred at {(incident.OccurredAt is { } was ? IncidentRules.At(was) : "unknown")} → {(occurred is { } now2 ? IncidentRules.At(now2) : "unknown")}.");
        }
        if (incident.PersonalData != input.PersonalData) changes.Add(input.PersonalData ? "Personal data involved: breach assessment opened." : "No personal data involved after all.");

        incident.Title = input.Title.Trim();
        incident.Description = input.Description?.Trim() ?? "";
        incident.Category = input.Category;
        incident.Severity = input.Severity;
        incident.OwnerId = input.OwnerId;
        incident.OccurredAt = occurred;
        incident.DetectedAt = detected;
        incident.AffectedClients = input.AffectedClients?.Trim() ?? "";
        incident.AffectedData = input.AffectedData?.Trim() ?? "";
        incident.PersonalData = input.PersonalData;
        incident.SupplierId = input.SupplierId;
        IncidentClock.Recompute(incident, await OrganizationTime.ZoneAsync(db, cancellationToken));
        await IncidentRules.LinkAssetsAsync(db, incident.Id, input.AssetIds, isNew: false, cancellationToken);
        if (input.PersonalData && breach is null) IncidentRules.OpenBreach(db, incident, now);
        if (!input.PersonalData && breach is not null) db.BreachAssessments.Remove(breach);
        if (changes.Count > 0) db.IncidentEvents.Add(IncidentRules.Event(db, id, IncidentEventKind.Change, now, string.Join(" ", changes)));
        await db.SaveAsync("incident", cancellationToken);
    }
}

/// <summary>
/// Moves an incident along Reported → Triaged → Contained → Eradicated → Recovered → Closed. Forward, steps may be skipped; the instant the
/// step was reached (now by default) is stored and must follow detection and the steps before it. Backward ("reopen") needs a note and
/// clears the timestamps after the step returned to. Closing needs lessons learned unless the severity is Low and the settings allow it.
/// Every change is written on the timeline.
/// </summary>
public sealed class ChangeIncidentStatus(AttestDbContext db)
{
    public async Task RunAsync(Guid id, IncidentStatus to, DateTimeOffset? at, string? note, int version, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var validation = new Validation().Defined("Status", to).MaxLength("Note", note, 4000);
        validation.ThrowIfInvalid();
        var incident = await IncidentRules.FindAsync(db, id, version, cancellationToken);
        var from = incident.Status;
        var when = at is { } given ? Instant.Truncate(given) : now;
        var field = IncidentLabels.FieldOf(to);
        if (to == from)
        {
            throw ValidationFailedException.For("Status", $"the incident is already {from}.");
        }
        if (to > from)
        {
            if (when > now + IncidentRules.Skew) validation.Add(field, "cannot be in the future.");
            var earlier = IncidentRules.Steps(incident).Where(s => s.Status < to && s.At is not null).Select(s => (s.Status.ToString().ToLowerInvariant(), s.At!.Value))
                .Prepend(("detection", incident.DetectedAt)).MaxBy(s => s.Item2);
            if (when < earlier.Item2) validation.Add(field, $"must be at or after the {earlier.Item1} ({IncidentRules.At(earlier.Item2)}).");
            if (to == IncidentStatus.Closed)
            {
                var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
                if (IncidentClock.Limits(settings, incident.Severity).LessonsRequired && string.IsNullOrWhiteSpace(incident.LessonsLearned))
                {
                    validation.Add("LessonsLearned", incident.Severity == IncidentSeverity.Low
                        ? "an incident closes only once its lessons learned are recorded (the incident settings require them for Low severity too)."
                        : $"an incident closes only once its lessons learned are recorded (required for {incident.Severity} severity).");
                }
                if (!string.IsNullOrWhiteSpace(note)) incident.ClosureNote = note.Trim();
            }
            validation.ThrowIfInvalid();
            IncidentRules.SetStep(incident, to, when);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(note)) validation.Add("Note", $"say why the incident goes back from {from} to {to}.");
            validation.ThrowIfInvalid();
            foreach (var step in IncidentRules.Steps(incident).Where(s => s.Status > to)) IncidentRules.SetStep(incident, step.Status, null);
            incident.ClosureNote = "";
            when = now;
        }
        incident.Status = to;
        IncidentClock.Recompute(incident, await OrganizationTime.ZoneAsync(db, cancellationToken));
        db.IncidentEvents.Add(IncidentRules.Event(db, id, IncidentEventKind.Status, when, note?.Trim() ?? "", from, to));
        await db.SaveAsync("incident", cancellationToken);
    }
}

/// <summary>Writes a note on the incident's timeline (what was found, done or decided), at a given instant or now.</summary>
public sealed class AddIncidentNote(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string text, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var validation = new Validation().Required("Text", text, 20_000);
        if (at is { } given && given > now + IncidentRules.Skew) validation.Add("At", "cannot be in the future.");
        validation.ThrowIfInvalid();
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken)) throw new RecordNotFoundException("Incident", id);
        db.IncidentEvents.Add(IncidentRules.Event(db, id, IncidentEventKind.Note, at is { } a ? Instant.Truncate(a) : now, text.Trim()));
        await db.SaveAsync("incident note", cancellationToken);
    }
}

/// <summary>
/// Records the post-incident review (A.5.27): root cause, lessons learned, the day it was held, and the risks and controls it touched with a
/// note on each (which the risk and control pages then list).
/// </summary>
public sealed class RecordIncidentReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, IncidentReviewInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().MaxLength("RootCause", input.RootCause, 20_000).MaxLength("LessonsLearned", input.LessonsLearned, 20_000);
        foreach (var link in input.Risks ?? []) validation.MaxLength("Risks", link.Note, 2000);
        foreach (var link in input.Controls ?? []) validation.MaxLength("Controls", link.Note, 2000);
        var incident = await IncidentRules.FindAsync(db, id, input.Version, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.ReviewedOn is { } reviewed && reviewed > today) validation.Add("ReviewedOn", "cannot be in the future.");
        var risks = input.Risks?.DistinctBy(l => l.Id).ToList();
        var controls = input.Controls?.DistinctBy(l => l.Id).ToList();
        if (risks is { Count: > 0 })
        {
            var ids = risks.Select(r => r.Id).ToList();
            if (await db.Risks.CountAsync(r => ids.Contains(r.Id), cancellationToken) != ids.Count) validation.Add("Risks", "names risks that do not exist in this organization.");
        }
        if (controls is { Count: > 0 })
        {
            var ids = controls.Select(c => c.Id).ToList();
            if (await db.Controls.CountAsync(c => ids.Contains(c.Id), cancellationToken) != ids.Count) validation.Add("Controls", "names controls that do not exist in this organization.");
        }
        if (incident.Status == IncidentStatus.Closed && string.IsNullOrWhiteSpace(input.LessonsLearned) && !string.IsNullOrWhiteSpace(incident.LessonsLearned))
        {
            var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
            if (IncidentClock.Limits(settings, incident.Severity).LessonsRequired) validation.Add("LessonsLearned", "stays recorded while the incident is closed.");
        }
        validation.ThrowIfInvalid();

        incident.RootCause = input.RootCause?.Trim() ?? "";
        incident.LessonsLearned = input.LessonsLearned?.Trim() ?? "";
        incident.ReviewedOn = input.ReviewedOn ?? (string.IsNullOrWhiteSpace(incident.LessonsLearned) ? incident.ReviewedOn : incident.ReviewedOn ?? today);
        if (risks is not null)
        {
            var linked = await db.IncidentRisks.Where(l => l.IncidentId == id).ToListAsync(cancellationToken);
            db.IncidentRisks.RemoveRange(linked.Where(l => !risks.Any(r => r.Id == l.RiskId)));
            foreach (var wanted in risks)
            {
                if (linked.FirstOrDefault(l => l.RiskId == wanted.Id) is { } existing) existing.Note = wanted.Note?.Trim() ?? "";
                else db.IncidentRisks.Add(new IncidentRisk { IncidentId = id, RiskId = wanted.Id, Note = wanted.Note?.Trim() ?? "" });
            }
        }
        if (controls is not null)
        {
            var linked = await db.IncidentControls.Where(l => l.IncidentId == id).ToListAsync(cancellationToken);
            db.IncidentControls.RemoveRange(linked.Where(l => !controls.Any(c => c.Id == l.ControlId)));
            foreach (var wanted in controls)
            {
                if (linked.FirstOrDefault(l => l.ControlId == wanted.Id) is { } existing) existing.Note = wanted.Note?.Trim() ?? "";
                else db.IncidentControls.Add(new IncidentControl { IncidentId = id, ControlId = wanted.Id, Note = wanted.Note?.Trim() ?? "" });
            }
        }
        await db.SaveAsync("incident", cancellationToken);
    }
}

/// <summary>
/// Saves how the organization defines and answers each severity: definitions, detection/containment/recovery limits in minutes, whether Low
/// incidents need lessons learned to close, and the hours to notify the authority of a personal data breach. Stored durations do not
/// depend on the limits, so changing them re-judges every incident at once.
/// </summary>
public sealed class SaveIncidentSettings(AttestDbContext db)
{
    /// <summary>A year: no SLA of an incident response is longer.</summary>
    private const int MaxMinutes = 525_600;

    public async Task RunAsync(IncidentSettingsInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .MaxLength("CriticalDefinition", input.CriticalDefinition, 1000).MaxLength("HighDefinition", input.HighDefinition, 1000)
            .MaxLength("MediumDefinition", input.MediumDefinition, 1000).MaxLength("LowDefinition", input.LowDefinition, 1000);
        foreach (var (name, value) in new (string, int)[]
        {
            ("CriticalDetectMinutes", input.CriticalDetectMinutes), ("CriticalContainMinutes", input.CriticalContainMinutes), ("CriticalRecoverMinutes", input.CriticalRecoverMinutes),
            ("HighDetectMinutes", input.HighDetectMinutes), ("HighContainMinutes", input.HighContainMinutes), ("HighRecoverMinutes", input.HighRecoverMinutes),
            ("MediumDetectMinutes", input.MediumDetectMinutes), ("MediumContainMinutes", input.MediumContainMinutes), ("MediumRecoverMinutes", input.MediumRecoverMinutes),
            ("LowDetectMinutes", input.LowDetectMinutes), ("LowContainMinutes", input.LowContainMinutes), ("LowRecoverMinutes", input.LowRecoverMinutes),
        })
        {
            if (value is < 1 or > MaxMinutes) validation.Add(name, $"must be 1 to {MaxMinutes} minutes (a year).");
        }
        if (input.NotificationHours is < 1 or > 720) validation.Add("NotificationHours", "must be 1 to 720 hours (GDPR Art. 33 sets 72).");
        validation.ThrowIfInvalid();

        var settings = await db.IncidentSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new IncidentSettings();
            db.IncidentSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
        }
        settings.CriticalDefinition = input.CriticalDefinition?.Trim() ?? "";
        settings.HighDefinition = input.HighDefinition?.Trim() ?? "";
        settings.MediumDefinition = input.MediumDefinition?.Trim() ?? "";
        settings.LowDefinition = input.LowDefinition?.Trim() ?? "";
        (settings.CriticalDetectMinutes, settings.CriticalContainMinutes, settings.CriticalRecoverMinutes) = (input.CriticalDetectMinutes, input.CriticalContainMinutes, input.CriticalRecoverMinutes);
        (settings.HighDetectMinutes, settings.HighContainMinutes, settings.HighRecoverMinutes) = (input.HighDetectMinutes, input.HighContainMinutes, input.HighRecoverMinutes);
        (settings.MediumDetectMinutes, settings.MediumContainMinutes, settings.MediumRecoverMinutes) = (input.MediumDetectMinutes, input.MediumContainMinutes, input.MediumRecoverMinutes);
        (settings.LowDetectMinutes, settings.LowContainMinutes, settings.LowRecoverMinutes) = (input.LowDetectMinutes, input.LowContainMinutes, input.LowRecoverMinutes);
        settings.LessonsRequiredForLow = input.LessonsRequiredForLow;
        settings.NotificationHours = input.NotificationHours;
        await db.SaveAsync("incident settings", cancellationToken);
    }
}
