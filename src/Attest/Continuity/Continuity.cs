namespace Attest.Continuity;

public enum PlanKind
{
    /// <summary>Keeps the service running through a disruption (A.5.29).</summary>
    Continuity = 0,
    /// <summary>Brings the service and its data back (A.5.30, ICT readiness; A.8.13, A.8.14).</summary>
    Recovery = 1,
}

public enum PlanStatus
{
    Draft = 0,
    Approved = 1,
    Retired = 2,
}

/// <summary>A continuity or recovery plan for one critical service: objectives, owners, steps and what it depends on.</summary>
public sealed class ContinuityPlan : OrganizationRecord, IOwnedRecord
{
    /// <summary>BCP-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public PlanKind Kind { get; set; }
    public PlanStatus Status { get; set; }
    /// <summary>The critical service the plan keeps or brings back (an asset, usually a service or an AI system).</summary>
    public Guid? ServiceAssetId { get; set; }
    /// <summary>Recovery time objective, in minutes.</summary>
    public int? RtoMinutes { get; set; }
    /// <summary>Recovery point objective: the most data, in minutes of changes, that may be lost.</summary>
    public int? RpoMinutes { get; set; }
    public Guid? OwnerId { get; set; }
    /// <summary>Who takes over when the owner is unavailable.</summary>
    public Guid? DeputyId { get; set; }
    /// <summary>When the plan is invoked, in words (Markdown).</summary>
    public string Activation { get; set; } = "";
    /// <summary>The steps, in order (Markdown).</summary>
    public string Steps { get; set; } = "";
    /// <summary>Who to call: roles, people, suppliers (Markdown).</summary>
    public string Contacts { get; set; } = "";
    public DateOnly? ApprovedOn { get; set; }
    public DateOnly? LastReviewedOn { get; set; }
    public DateOnly? NextReviewOn { get; set; }
}

/// <summary>An asset the plan's service depends on.</summary>
public sealed class PlanAsset : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }
    public Guid AssetId { get; set; }
}

/// <summary>A supplier the plan's service depends on.</summary>
public sealed class PlanSupplier : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }
    public Guid SupplierId { get; set; }
}

public enum ExerciseType
{
    Tabletop = 0,
    /// <summary>A backup restored and checked (A.8.13): recorded as evidence too.</summary>
    RestoreTest = 1,
    Failover = 2,
    Simulation = 3,
    FullInterruption = 4,
}

public enum ExerciseResult
{
    Planned = 0,
    Passed = 1,
    PassedWithIssues = 2,
    Failed = 3,
}

/// <summary>An exercise or test of a plan (A.5.30): what was tried, what was achieved against the objectives, what was found.</summary>
public sealed class ContinuityExercise : OrganizationRecord, IOwnedRecord
{
    /// <summary>EX-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public Guid? PlanId { get; set; }
    public ExerciseType Type { get; set; }
    public DateOnly HeldOn { get; set; }
    public ExerciseResult Result { get; set; }
    public Guid? OwnerId { get; set; }
    public string Participants { get; set; } = "";
    /// <summary>The scenario or what was restored (Markdown).</summary>
    public string Scenario { get; set; } = "";
    /// <summary>Minutes it took to restore or fail over, measured.</summary>
    public int? AchievedRtoMinutes { get; set; }
    /// <summary>Minutes of data lost, measured (age of the restored backup).</summary>
    public int? AchievedRpoMinutes { get; set; }
    /// <summary>Issues found (Markdown); follow-up actions are corrective actions raised from the exercise.</summary>
    public string IssuesFound { get; set; } = "";
    /// <summary>The evidence item recording it (restore tests are recorded as evidence of A.8.13).</summary>
    public Guid? EvidenceItemId { get; set; }
}

/// <summary>A service whose availability is monitored against a target (99.9 % by default).</summary>
public sealed class MonitoredService : OrganizationRecord, IOwnedRecord
{
    public required string Name { get; set; }
    /// <summary>The asset that is the service (an AI system, a SaaS, …); its availability incidents are the outages.</summary>
    public Guid? AssetId { get; set; }
    /// <summary>Target monthly uptime in percent, e.g. 99.9.</summary>
    public double TargetPercent { get; set; } = 99.9;
    public Guid? OwnerId { get; set; }
    public bool Active { get; set; } = true;
}

public enum AvailabilitySource
{
    Manual = 0,
    Api = 1,
    Import = 2,
}

/// <summary>
/// A service's measured uptime for one month. The target it is compared with is copied in when recorded, so a later change of target
/// does not rewrite history. Monitoring tools post these through the API; they are imported from CSV too.
/// </summary>
public sealed class AvailabilityRecord : OrganizationRecord
{
    public Guid ServiceId { get; set; }
    /// <summary>The month as yyyyMM (202610).</summary>
    public int Month { get; set; }
    public double UptimePercent { get; set; }
    public double TargetPercent { get; set; }
    /// <summary>Minutes down in the month, when the monitor reports it.</summary>
    public int? DowntimeMinutes { get; set; }
    public AvailabilitySource Source { get; set; }
    public string Note { get; set; } = "";
}
