namespace Attest.Risks;

public enum RiskTreatment
{
    Undecided = 0,
    /// <summary>Reduce likelihood or impact with controls.</summary>
    Mitigate = 1,
    /// <summary>Retain the risk as it is, by a recorded decision.</summary>
    Accept = 2,
    /// <summary>Share it with another party (insurance, a supplier's contract).</summary>
    Transfer = 3,
    /// <summary>Stop the activity that gives rise to it.</summary>
    Avoid = 4,
}

public enum RiskStatus
{
    Identified = 0,
    Assessed = 1,
    InTreatment = 2,
    Treated = 3,
    Accepted = 4,
    Closed = 5,
}

/// <summary>What a linked control does for a risk: already in place (counted in the inherent rating) or to add or strengthen (the treatment).</summary>
public enum RiskControlRole
{
    Existing = 0,
    Planned = 1,
}

/// <summary>A risk to information security or to the organization's AI systems, assessed under one methodology version.</summary>
public sealed class Risk : OrganizationRecord, IOwnedRecord
{
    /// <summary>R-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public string Threat { get; set; } = "";
    public string Vulnerability { get; set; } = "";
    /// <summary>e.g. AI agents, Cloud infrastructure, People, Suppliers.</summary>
    public string Category { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// <summary>The methodology version the ratings were made under.</summary>
    public Guid MethodologyId { get; set; }
    public int? InherentLikelihood { get; set; }
    public int? InherentImpact { get; set; }
    /// <summary>Level index in the risk's methodology, from the matrix; null until rated.</summary>
    public int? InherentLevel { get; set; }
    /// <summary>The controls already in place, in words (linked controls are listed separately).</summary>
    public string ExistingControls { get; set; } = "";
    public RiskTreatment Treatment { get; set; }
    /// <summary>Markdown: what will be done and why.</summary>
    public string TreatmentPlan { get; set; } = "";
    public int? ResidualLikelihood { get; set; }
    public int? ResidualImpact { get; set; }
    public int? ResidualLevel { get; set; }
    /// <summary>The level the treatment aims for.</summary>
    public int? TargetLevel { get; set; }
    public RiskStatus Status { get; set; }
    public DateOnly IdentifiedOn { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    /// <summary>The library entry the risk was added from, if any.</summary>
    public string? LibraryKey { get; set; }
}

/// <summary>An asset or AI system the risk affects.</summary>
public sealed class RiskAsset : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid RiskId { get; set; }
    public Guid AssetId { get; set; }
}

/// <summary>A control that treats the risk, in place or planned.</summary>
public sealed class RiskControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid RiskId { get; set; }
    public Guid ControlId { get; set; }
    public RiskControlRole Role { get; set; }
}

/// <summary>A task of a risk's treatment plan, optionally about one control.</summary>
public sealed class RiskTask : OrganizationRecord, IOwnedRecord
{
    public Guid RiskId { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }
    public Guid? ControlId { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string Notes { get; set; } = "";
}

/// <summary>
/// A recorded decision to accept a risk's residual level, by someone the methodology allows. It is never edited: a later change
/// to the risk marks it stale, and a new decision is recorded beside it.
/// </summary>
public sealed class RiskAcceptance : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid RiskId { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
    public Guid AcceptedByUserId { get; set; }
    /// <summary>Name and e-mail as they were at the decision.</summary>
    public required string AcceptedBy { get; set; }
    /// <summary>The authority the person accepted with.</summary>
    public AcceptanceAuthority Authority { get; set; }
    public string Comment { get; set; } = "";
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public int Level { get; set; }
    public required string LevelName { get; set; }
    public int MethodologyNumber { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>Set when the risk changed after the decision.</summary>
    public DateTimeOffset? StaleSince { get; set; }
    public string StaleReason { get; set; } = "";
}

public enum RiskAssessmentStatus
{
    InProgress = 0,
    Completed = 1,
}

/// <summary>A dated risk assessment exercise (e.g. the annual assessment 2026); completing it freezes the register as it stood.</summary>
public sealed class RiskAssessment : OrganizationRecord, IOwnedRecord
{
    public required string Title { get; set; }
    /// <summary>Markdown: scope, participants, method notes.</summary>
    public string Description { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public RiskAssessmentStatus Status { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string CompletedBy { get; set; } = "";
    /// <summary>JSON array of <see cref="RiskSnapshotRow"/>, written at completion.</summary>
    public string Snapshot { get; set; } = "";
    public string Conclusion { get; set; } = "";
}

/// <summary>One risk as a completed assessment froze it.</summary>
public sealed record RiskSnapshotRow(
    string Reference, string Title, string Category, string? Owner, int MethodologyNumber,
    int? InherentLikelihood, int? InherentImpact, string? InherentLevel,
    RiskTreatment Treatment, int? ResidualLikelihood, int? ResidualImpact, string? ResidualLevel,
    RiskStatus Status, string? AcceptedBy, DateOnly? AcceptedOn);

public static class RiskLabels
{
    public static string Of(RiskStatus status) => status switch
    {
        RiskStatus.InTreatment => "in treatment",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(RiskTreatment treatment) => treatment == RiskTreatment.Undecided ? "undecided" : treatment.ToString().ToLowerInvariant();

    public static string Of(AcceptanceAuthority authority) => authority switch
    {
        AcceptanceAuthority.RiskOwner => "risk owner",
        AcceptanceAuthority.Ciso => "CISO",
        AcceptanceAuthority.Executive => "executive",
        _ => "not acceptable",
    };
}
