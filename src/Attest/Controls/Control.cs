namespace Attest.Controls;

public enum ImplementationStatus
{
    NotStarted = 0,
    Planned = 1,
    PartiallyImplemented = 2,
    Implemented = 3,
    NotApplicable = 4,
}

/// <summary>One of the organization's own controls: what it does to meet requirements in any framework.</summary>
public sealed class Control : OrganizationRecord, IOwnedRecord
{
    /// <summary>Human reference, e.g. CTL-012; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Name { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public ImplementationStatus Status { get; set; }
    public string ImplementationNotes { get; set; } = "";
    /// <summary>Months between reviews; null when not reviewed on a cycle.</summary>
    public int? ReviewFrequencyMonths { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    /// <summary>Comma-separated tags.</summary>
    public string Tags { get; set; } = "";
    /// <summary>Whether an auditor should expect evidence for this control: without fresh evidence it shows "evidence missing" or "evidence stale".</summary>
    public bool EvidenceRequired { get; set; }
    /// <summary>Days evidence stays fresh for this control when the evidence itself gives no valid-until date (e.g. 90).</summary>
    public int? EvidenceFreshnessDays { get; set; }
}

/// <summary>"This control helps meet that requirement."</summary>
public sealed class ControlRequirement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ControlId { get; set; }
    public Guid RequirementId { get; set; }
}
