namespace Attest.Certification;

/// <summary>
/// The way to (and the life of) one certification: ISO/IEC 27001, ISO/IEC 42001 or another standard. Holds the target date, the
/// certification body, dated milestones, the external audits with their findings (as nonconformities) and the certificates issued.
/// </summary>
public sealed class CertificationProgramme : OrganizationRecord, IOwnedRecord
{
    public required string Name { get; set; }
    /// <summary>The standard as named publicly, e.g. "ISO/IEC 27001:2022".</summary>
    public required string Standard { get; set; }
    /// <summary>The framework whose clauses readiness is computed against (ISO 27001 or ISO 42001); null for other standards.</summary>
    public Guid? FrameworkId { get; set; }
    /// <summary>When the management system's scope was established; the target is often this + 6 months.</summary>
    public DateOnly? ScopeEstablishedOn { get; set; }
    /// <summary>When the certificate is to be issued.</summary>
    public DateOnly TargetOn { get; set; }
    public string CertificationBody { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>Whether the public trust page states this programme's status.</summary>
    public bool ShowOnTrustPage { get; set; }
    /// <summary>Abandoned or superseded; kept for the record, hidden from the dashboard and the trust page.</summary>
    public bool Archived { get; set; }
}

/// <summary>The usual steps to certification and after it.</summary>
public enum MilestoneKind
{
    GapAssessment = 0,
    RiskAssessment = 1,
    SoaApproved = 2,
    PoliciesPublished = 3,
    InternalAudit = 4,
    ManagementReview = 5,
    Stage1Audit = 6,
    Stage2Audit = 7,
    CertificateIssued = 8,
    SurveillanceAudit1 = 9,
    SurveillanceAudit2 = 10,
    Recertification = 11,
    Other = 12,
}

public enum MilestoneStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    /// <summary>Does not apply to this programme.</summary>
    NotApplicable = 3,
}

/// <summary>A step of a programme with planned and actual dates. It is late when it is not done and its planned date has passed.</summary>
public sealed class Milestone : OrganizationRecord, IOwnedRecord
{
    public Guid ProgrammeId { get; set; }
    public MilestoneKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly? PlannedOn { get; set; }
    /// <summary>When it was done; set exactly when <see cref="Status"/> is Done.</summary>
    public DateOnly? DoneOn { get; set; }
    public MilestoneStatus Status { get; set; }
    public Guid? OwnerId { get; set; }
    public int SortOrder { get; set; }
    public string Notes { get; set; } = "";
}

public enum ExternalAuditKind
{
    Stage1 = 0,
    Stage2 = 1,
    Surveillance = 2,
    Recertification = 3,
    /// <summary>A special or follow-up visit (e.g. to close a major nonconformity).</summary>
    Special = 4,
}

public enum ExternalAuditStatus
{
    Planned = 0,
    Completed = 1,
    Cancelled = 2,
}

/// <summary>What the audit team concluded.</summary>
public enum AuditConclusion
{
    /// <summary>Not concluded yet.</summary>
    Pending = 0,
    /// <summary>Stage 1: ready for stage 2. Stage 2 / recertification: recommended for certification. Surveillance: continue.</summary>
    Positive = 1,
    /// <summary>Positive once the nonconformities raised are corrected.</summary>
    Conditional = 2,
    /// <summary>Not ready / not recommended / suspension recommended.</summary>
    Negative = 3,
}

/// <summary>
/// A certification body's audit of the programme (stage 1, stage 2, surveillance, recertification). Its findings are nonconformities
/// with source <see cref="Improvement.NonconformitySource.ExternalAudit"/> and <see cref="Improvement.Nonconformity.SourceId"/> this audit.
/// </summary>
public sealed class ExternalAudit : OrganizationRecord, IOwnedRecord
{
    /// <summary>EA-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public Guid ProgrammeId { get; set; }
    public ExternalAuditKind Kind { get; set; }
    public string CertificationBody { get; set; } = "";
    public string LeadAuditor { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public ExternalAuditStatus Status { get; set; }
    public AuditConclusion Conclusion { get; set; }
    /// <summary>Markdown: scope of the visit, sites, summary of the report.</summary>
    public string Summary { get; set; } = "";
    /// <summary>The organization's coordinator for the audit.</summary>
    public Guid? OwnerId { get; set; }
}

public enum CertificateStatus
{
    /// <summary>Issued and not suspended or withdrawn (it may still have passed its expiry date).</summary>
    Issued = 0,
    Suspended = 1,
    Withdrawn = 2,
}

/// <summary>A certificate the certification body issued. It is current when issued, not suspended or withdrawn, and not past <see cref="ExpiresOn"/>.</summary>
public sealed class Certificate : OrganizationRecord
{
    public Guid ProgrammeId { get; set; }
    public required string Number { get; set; }
    public string CertificationBody { get; set; } = "";
    /// <summary>e.g. "UKAS".</summary>
    public string AccreditationBody { get; set; } = "";
    /// <summary>The scope statement printed on the certificate.</summary>
    public string ScopeStatement { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    /// <summary>The last day it is valid (inclusive).</summary>
    public DateOnly ExpiresOn { get; set; }
    public CertificateStatus Status { get; set; }
}
