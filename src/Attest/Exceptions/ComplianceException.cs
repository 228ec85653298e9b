using Attest.Risks;

namespace Attest.Exceptions;

/// <summary>What an exception lets deviate.</summary>
public enum ExceptionSubject
{
    /// <summary>A policy or one of its sections (<see cref="ComplianceException.DocumentId"/>, <see cref="ComplianceException.PolicySection"/>).</summary>
    Policy = 0,
    Control = 1,
    /// <summary>An asset or AI system, against the controls that apply to it.</summary>
    Asset = 2,
}

public enum ExceptionStatus
{
    /// <summary>Asked for; waiting for a decision.</summary>
    Requested = 0,
    Approved = 1,
    Rejected = 2,
    /// <summary>Withdrawn by an approver before it ran out.</summary>
    Revoked = 3,
    /// <summary>No longer needed: the deviation ended (e.g. the control is now met).</summary>
    Closed = 4,
}

/// <summary>
/// A policy or control exception: a recorded, approved and time-limited deviation (not a .NET exception). It names what deviates
/// and why, the compensating controls, the risk level of the deviation and the accepted risk behind it. It is approved only by
/// someone the risk methodology lets accept that level, never by its requester, and only with an expiry date; an approved
/// exception past <see cref="ValidUntil"/> is expired.
/// </summary>
public sealed class ComplianceException : OrganizationRecord, IOwnedRecord
{
    /// <summary>EXC-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public ExceptionSubject Subject { get; set; }
    public Guid? DocumentId { get; set; }
    /// <summary>The section of the policy that is not followed, e.g. "4.2 Multi-factor authentication".</summary>
    public string PolicySection { get; set; } = "";
    public Guid? ControlId { get; set; }
    public Guid? AssetId { get; set; }
    /// <summary>Markdown: why the deviation is needed.</summary>
    public string Reason { get; set; } = "";
    /// <summary>Markdown: what reduces the risk meanwhile.</summary>
    public string CompensatingControls { get; set; } = "";
    /// <summary>The risk register entry for the deviation, if there is one.</summary>
    public Guid? RiskId { get; set; }
    /// <summary>The risk acceptance the approval relies on, if any.</summary>
    public Guid? RiskAcceptanceId { get; set; }
    /// <summary>Level index of the deviation's risk in the current methodology (the linked risk's residual level when there is one).</summary>
    public int RiskLevel { get; set; }
    public string RiskLevelName { get; set; } = "";
    public int MethodologyNumber { get; set; }
    public Guid? OwnerId { get; set; }
    public Guid? RequestedByUserId { get; set; }
    /// <summary>Name and e-mail as they were at the request.</summary>
    public string RequestedBy { get; set; } = "";
    public DateOnly RequestedOn { get; set; }
    public ExceptionStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    /// <summary>Name and e-mail of who approved, rejected, revoked or closed it.</summary>
    public string DecidedBy { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The authority the approver held.</summary>
    public AcceptanceAuthority? ApprovalAuthority { get; set; }
    public string DecisionNote { get; set; } = "";
    /// <summary>The last day the exception applies (inclusive); required to approve.</summary>
    public DateOnly? ValidUntil { get; set; }
}
