namespace Attest.Incidents;

public enum IncidentCategory
{
    Malware = 0,
    UnauthorizedAccess = 1,
    DataLeak = 2,
    /// <summary>An AI system misbehaved: a harmful, biased or wrong professional answer, a prompt injection that succeeded, …</summary>
    AiMisbehaviour = 3,
    Availability = 4,
    Supplier = 5,
    Other = 6,
}

public enum IncidentSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>Where an incident stands. Each status after <see cref="Reported"/> has its own timestamp on the incident.</summary>
public enum IncidentStatus
{
    Reported = 0,
    Triaged = 1,
    Contained = 2,
    Eradicated = 3,
    Recovered = 4,
    Closed = 5,
}

public enum IncidentChannel
{
    /// <summary>Reported by a person through the form.</summary>
    Form = 0,
    /// <summary>Posted by a monitoring tool through the API.</summary>
    Api = 1,
    Import = 2,
}

/// <summary>
/// An information security incident (ISO 27001 A.5.24–5.28, A.6.8), AI incidents included. Times are instants (UTC); the durations
/// are kept in seconds beside them, recomputed on every save, so figures and SLA checks over thousands of incidents stay in SQL.
/// </summary>
public sealed class Incident : OrganizationRecord, IOwnedRecord
{
    /// <summary>INC-0001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public IncidentCategory Category { get; set; }
    public IncidentSeverity Severity { get; set; }
    public IncidentStatus Status { get; set; }
    public IncidentChannel Channel { get; set; }
    /// <summary>The person who reported it; null when a monitoring tool did.</summary>
    public Guid? ReporterId { get; set; }
    /// <summary>Who reported it as shown (name and e-mail, or the tool's name), kept as it was.</summary>
    public string ReportedBy { get; set; } = "";
    /// <summary>The incident handler.</summary>
    public Guid? OwnerId { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public DateTimeOffset? ContainedAt { get; set; }
    public DateTimeOffset? EradicatedAt { get; set; }
    public DateTimeOffset? RecoveredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Occurred → detected; null while the occurrence time is unknown.</summary>
    public long? DetectSeconds { get; set; }
    /// <summary>Detected → contained; null until contained.</summary>
    public long? ContainSeconds { get; set; }
    /// <summary>Detected → recovered; null until recovered.</summary>
    public long? RecoverSeconds { get; set; }
    /// <summary>The month it was detected in the organization's time zone, as yyyyMM (202610), for figures by month.</summary>
    public int DetectedMonth { get; set; }

    /// <summary>Clients affected, as written (names or "all clients of the legal service").</summary>
    public string AffectedClients { get; set; } = "";
    /// <summary>Data affected, in words (categories, classification, volume).</summary>
    public string AffectedData { get; set; } = "";
    /// <summary>Personal data involved: the incident then carries a <see cref="BreachAssessment"/> (GDPR Art. 33/34).</summary>
    public bool PersonalData { get; set; }
    /// <summary>The supplier at the origin of a supplier incident.</summary>
    public Guid? SupplierId { get; set; }

    /// <summary>Post-incident review (Markdown).</summary>
    public string RootCause { get; set; } = "";
    public string LessonsLearned { get; set; } = "";
    public DateOnly? ReviewedOn { get; set; }
    /// <summary>Why it was closed without containment, recovery or lessons learned when the rules allow it (e.g. "not an incident").</summary>
    public string ClosureNote { get; set; } = "";
}

/// <summary>An asset (AI systems, models and services included) an incident affected.</summary>
public sealed class IncidentAsset : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid AssetId { get; set; }
}

/// <summary>A risk the post-incident review linked (the incident realised it, or it was re-assessed because of it).</summary>
public sealed class IncidentRisk : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid RiskId { get; set; }
    /// <summary>What the review changed on it, in words.</summary>
    public string Note { get; set; } = "";
}

/// <summary>A control the incident tested (failed, worked, or was changed after the review).</summary>
public sealed class IncidentControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid ControlId { get; set; }
    public string Note { get; set; } = "";
}

public enum IncidentEventKind
{
    /// <summary>The status moved (the timeline's steps).</summary>
    Status = 0,
    /// <summary>A note or update written on the timeline.</summary>
    Note = 1,
    /// <summary>A field that matters to the SLA changed: severity, a timestamp.</summary>
    Change = 2,
    /// <summary>A breach notification was logged.</summary>
    Notification = 3,
}

/// <summary>One line of an incident's timeline; never changed once written.</summary>
public sealed class IncidentEvent : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid IncidentId { get; set; }
    /// <summary>When it happened (for a status, the instant the status was reached, which may be earlier than when it was written).</summary>
    public DateTimeOffset At { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public IncidentEventKind Kind { get; set; }
    public IncidentStatus? FromStatus { get; set; }
    public IncidentStatus? ToStatus { get; set; }
    /// <summary>Markdown.</summary>
    public string Text { get; set; } = "";
}

/// <summary>
/// How the organization defines and answers each severity: the definition people pick from, the detection, containment and recovery
/// SLAs, and whether closing needs lessons learned. One row per organization; without one the defaults apply
/// (<see cref="IncidentSettings.Defaults"/>).
/// </summary>
public sealed class IncidentSettings : OrganizationRecord
{
    public string CriticalDefinition { get; set; } = "";
    public string HighDefinition { get; set; } = "";
    public string MediumDefinition { get; set; } = "";
    public string LowDefinition { get; set; } = "";
    public int CriticalDetectMinutes { get; set; }
    public int CriticalContainMinutes { get; set; }
    public int CriticalRecoverMinutes { get; set; }
    public int HighDetectMinutes { get; set; }
    public int HighContainMinutes { get; set; }
    public int HighRecoverMinutes { get; set; }
    public int MediumDetectMinutes { get; set; }
    public int MediumContainMinutes { get; set; }
    public int MediumRecoverMinutes { get; set; }
    public int LowDetectMinutes { get; set; }
    public int LowContainMinutes { get; set; }
    public int LowRecoverMinutes { get; set; }
    /// <summary>Low-severity incidents may close without lessons learned when false.</summary>
    public bool LessonsRequiredForLow { get; set; } = true;
    /// <summary>Hours from awareness to notify the supervisory authority (GDPR Art. 33: 72).</summary>
    public int NotificationHours { get; set; } = 72;

    /// <summary>
    /// Defaults taken from the objectives Attest is built around: critical incidents detected within 1 hour and contained within 4,
    /// recovered within 4 (the continuity objective); each lower severity gets more time.
    /// </summary>
    public static IncidentSettings Defaults() => new()
    {
        CriticalDefinition = "Client data or an AI agent's professional output is compromised, or a core service is down for all clients.",
        HighDefinition = "A confirmed compromise or outage limited to one service, one client or one AI agent.",
        MediumDefinition = "A contained security event with limited impact, or a control failure without confirmed compromise.",
        LowDefinition = "A minor event or policy breach with no impact on clients, data or services.",
        CriticalDetectMinutes = 60, CriticalContainMinutes = 240, CriticalRecoverMinutes = 240,
        HighDetectMinutes = 240, HighContainMinutes = 1440, HighRecoverMinutes = 2880,
        MediumDetectMinutes = 1440, MediumContainMinutes = 4320, MediumRecoverMinutes = 10080,
        LowDetectMinutes = 4320, LowContainMinutes = 10080, LowRecoverMinutes = 20160,
        LessonsRequiredForLow = true,
        NotificationHours = 72,
    };
}

public enum BreachStatus
{
    /// <summary>Being assessed: the clock runs.</summary>
    Assessing = 0,
    /// <summary>Notifiable: the authority must be told (and, at high risk, the people affected).</summary>
    Notifiable = 1,
    /// <summary>Not notifiable: unlikely to result in a risk to people's rights and freedoms; the reason is recorded.</summary>
    NotNotifiable = 2,
    /// <summary>Every notification the assessment requires is logged.</summary>
    Notified = 3,
}

/// <summary>GDPR Art. 33/34 risk to the people whose data it is.</summary>
public enum BreachRisk
{
    NotAssessed = 0,
    Unlikely = 1,
    Risk = 2,
    HighRisk = 3,
}

/// <summary>
/// A personal data breach (GDPR Art. 4(12)) on an incident: the 72-hour clock from awareness, the assessment, and the
/// notifications made. One per incident.
/// </summary>
public sealed class BreachAssessment : OrganizationRecord
{
    public Guid IncidentId { get; set; }
    /// <summary>When the organization became aware of the breach: the Art. 33 clock starts here.</summary>
    public DateTimeOffset AwareAt { get; set; }
    public BreachStatus Status { get; set; }
    public BreachRisk Risk { get; set; }
    /// <summary>Categories of personal data, in words.</summary>
    public string DataCategories { get; set; } = "";
    /// <summary>Categories of people concerned (clients' patients, employees, …).</summary>
    public string DataSubjects { get; set; } = "";
    public int? ApproximateSubjects { get; set; }
    public int? ApproximateRecords { get; set; }
    public string LikelyConsequences { get; set; } = "";
    public string MeasuresTaken { get; set; } = "";
    /// <summary>Required when <see cref="Status"/> is <see cref="BreachStatus.NotNotifiable"/>.</summary>
    public string NotNotifiableReason { get; set; } = "";
    /// <summary>The reasons for a notification later than the deadline (Art. 33(1)).</summary>
    public string DelayReason { get; set; } = "";
    /// <summary>The supervisory authority concerned, e.g. "ICO" or "CNIL".</summary>
    public string Authority { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecidedBy { get; set; } = "";
}

public enum NotificationRecipient
{
    SupervisoryAuthority = 0,
    DataSubjects = 1,
    Client = 2,
    Other = 3,
}

/// <summary>A notification made about a breach: to whom, when, how and what was said. Never changed once logged.</summary>
public sealed class BreachNotification : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid BreachId { get; set; }
    public NotificationRecipient Recipient { get; set; }
    /// <summary>The authority, client or group notified, by name.</summary>
    public required string RecipientName { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>E-mail, authority portal, letter, phone, …</summary>
    public required string Method { get; set; }
    /// <summary>What was said (Markdown).</summary>
    public string Content { get; set; } = "";
    /// <summary>The authority's case number or the message reference.</summary>
    public string ExternalReference { get; set; } = "";
    /// <summary>Who sent it, as written.</summary>
    public required string SentBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
