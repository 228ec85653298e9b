namespace Attest.Improvement;

/// <summary>How serious a finding is. Observations and opportunities need no corrective action but stay in the register.</summary>
public enum FindingGrade
{
    /// <summary>A requirement not met at all, or a systemic failure: blocks certification until corrected.</summary>
    Major = 0,
    /// <summary>A single lapse against a requirement.</summary>
    Minor = 1,
    /// <summary>Not a nonconformity yet: something that may become one.</summary>
    Observation = 2,
    /// <summary>An opportunity for improvement.</summary>
    Opportunity = 3,
}

/// <summary>Where a nonconformity was found.</summary>
public enum NonconformitySource
{
    /// <summary>Raised by hand.</summary>
    Manual = 0,
    /// <summary>A certification body's audit (stage 1, stage 2, surveillance); <see cref="Nonconformity.SourceId"/> is the <c>ExternalAudit</c>.</summary>
    ExternalAudit = 1,
    /// <summary>An internal audit (clause 9.2).</summary>
    InternalAudit = 2,
    /// <summary>An incident's post-incident review.</summary>
    Incident = 3,
    /// <summary>A management review (clause 9.3).</summary>
    ManagementReview = 4,
    /// <summary>A violation of an obligation or a regulatory event.</summary>
    RegulatoryEvent = 5,
}

public enum NonconformityStatus
{
    /// <summary>Raised; the cause and correction are being worked out.</summary>
    Open = 0,
    /// <summary>Corrected and actions done; waiting for the effectiveness check.</summary>
    AwaitingVerification = 1,
    /// <summary>Closed: effective (nonconformities) or noted (observations, opportunities).</summary>
    Closed = 2,
}

/// <summary>
/// A nonconformity, observation or opportunity for improvement (clause 10.2): what was found against which requirement, its root
/// cause, the immediate correction, corrective actions (<see cref="CorrectiveAction"/> with source <see cref="ActionSource.Nonconformity"/>),
/// and the effectiveness checks that close it — an ineffective check reopens it.
/// </summary>
public sealed class Nonconformity : OrganizationRecord, IOwnedRecord
{
    /// <summary>NC-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown: what was found, with the objective evidence.</summary>
    public string Description { get; set; } = "";
    public FindingGrade Grade { get; set; }
    public NonconformitySource Source { get; set; }
    /// <summary>The audit, incident, review or regulatory event it was raised from; null when raised by hand.</summary>
    public Guid? SourceId { get; set; }
    /// <summary>The auditor's own numbering, e.g. "Minor NC 2".</summary>
    public string ExternalReference { get; set; } = "";
    /// <summary>The clause or control not met, in any framework.</summary>
    public Guid? RequirementId { get; set; }
    public Guid? ControlId { get; set; }
    public DateOnly RaisedOn { get; set; }
    /// <summary>Who raised it, as written (the auditor's name for an external audit).</summary>
    public string RaisedBy { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// <summary>When correction and corrective actions must be done (certification bodies set e.g. 90 days for a minor).</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>Markdown: why it happened (root cause analysis).</summary>
    public string RootCause { get; set; } = "";
    /// <summary>Markdown: what was done at once to correct it.</summary>
    public string Correction { get; set; } = "";
    public NonconformityStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Why it was closed, in words (for observations: "noted").</summary>
    public string ClosureNote { get; set; } = "";
}

/// <summary>One check that a nonconformity's corrective actions worked. "Not effective" reopens it.</summary>
public sealed class EffectivenessCheck : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid NonconformityId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public Guid? CheckedByUserId { get; set; }
    /// <summary>Name and e-mail as they were at the check.</summary>
    public required string CheckedBy { get; set; }
    public bool Effective { get; set; }
    /// <summary>Markdown: what was looked at.</summary>
    public string Note { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
