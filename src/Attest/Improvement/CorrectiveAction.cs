namespace Attest.Improvement;

/// <summary>The record a corrective or follow-up action was raised from.</summary>
public enum ActionSource
{
    /// <summary>Raised by hand, outside any other record.</summary>
    Other = 0,
    /// <summary>A post-incident review (ISO 27001 A.5.27).</summary>
    Incident = 1,
    /// <summary>A continuity exercise or restore test that found issues (A.5.30, 8.13).</summary>
    ContinuityExercise = 2,
    /// <summary>A nonconformity (clause 10.2).</summary>
    Nonconformity = 3,
    /// <summary>A management review decision (clause 9.3).</summary>
    ManagementReview = 4,
}

public enum ActionStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>
/// An action someone owns and must finish by a date, raised from an incident review, an exercise, a nonconformity or a management
/// review (clause 10.2 "take action to control and correct it"). One register serves every source so "open corrective actions" and
/// each person's tasks read from one place; <see cref="SourceId"/> names the record of <see cref="Source"/> it came from.
/// </summary>
public sealed class CorrectiveAction : OrganizationRecord, IOwnedRecord
{
    /// <summary>CA-0001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public ActionSource Source { get; set; }
    /// <summary>The incident, exercise, nonconformity or review it came from; null for <see cref="ActionSource.Other"/>.</summary>
    public Guid? SourceId { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>What was done, in words (Markdown).</summary>
    public string Outcome { get; set; } = "";
    /// <summary>The control the action changes or adds, if any.</summary>
    public Guid? ControlId { get; set; }
    /// <summary>The risk the action treats or that was re-assessed, if any.</summary>
    public Guid? RiskId { get; set; }
}
