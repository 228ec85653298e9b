namespace Attest.InternalAudits;

/// <summary>
/// The internal audit programme (ISO/IEC 27001 and 42001 clause 9.2.2): a cycle (e.g. three years) over which planned audits cover
/// every clause and Annex A control of the frameworks it serves, with a frequency and the method used.
/// </summary>
public sealed class AuditProgramme : OrganizationRecord, IOwnedRecord
{
    public required string Name { get; set; }
    /// <summary>Markdown: objectives, methods, responsibilities, how results are reported.</summary>
    public string Description { get; set; } = "";
    public DateOnly CycleStart { get; set; }
    public DateOnly CycleEnd { get; set; }
    /// <summary>Planned audits per year (4 = quarterly).</summary>
    public int AuditsPerYear { get; set; } = 4;
    public Guid? OwnerId { get; set; }
    public bool Archived { get; set; }
}

/// <summary>A framework whose clauses and controls the programme must cover over its cycle.</summary>
public sealed class AuditProgrammeFramework : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid FrameworkId { get; set; }
}

public enum InternalAuditStatus
{
    Planned = 0,
    InProgress = 1,
    /// <summary>Fieldwork finished and every checklist item has a result; the report is final.</summary>
    Completed = 2,
    Cancelled = 3,
}

/// <summary>
/// One internal audit (IA-nnn): scope, criteria, the auditor and a statement of their independence from the area audited, planned
/// and actual dates, the plan, a checklist built from the chosen requirements, and a conclusion.
/// </summary>
public sealed class InternalAudit : OrganizationRecord, IOwnedRecord
{
    /// <summary>IA-nnn.</summary>
    public required string Reference { get; set; }
    public Guid? ProgrammeId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown: what is audited (processes, locations, teams, AI systems).</summary>
    public string Scope { get; set; } = "";
    /// <summary>Markdown: the criteria (standards, policies, contracts) the audit judges against.</summary>
    public string Criteria { get; set; } = "";
    /// <summary>The lead auditor, a user of this organization; null when an outside auditor is named in <see cref="AuditorName"/>.</summary>
    public Guid? AuditorUserId { get; set; }
    /// <summary>The auditor's name as shown on the report (a user's name, or an outside consultant and firm).</summary>
    public string AuditorName { get; set; } = "";
    /// <summary>Clause 9.2.2 "ensure the objectivity and the impartiality": how the auditor is independent of what is audited.</summary>
    public string IndependenceStatement { get; set; } = "";
    /// <summary>Audit manager who plans and follows up the audit.</summary>
    public Guid? OwnerId { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>Markdown: the audit plan (interviews, sampling, schedule).</summary>
    public string Plan { get; set; } = "";
    /// <summary>Markdown: the auditor's overall conclusion.</summary>
    public string Conclusion { get; set; } = "";
    public InternalAuditStatus Status { get; set; }
}

public enum AuditResult
{
    /// <summary>Not yet audited.</summary>
    NotAssessed = 0,
    Conforming = 1,
    /// <summary>A nonconformity was found; <see cref="AuditChecklistItem.NonconformityId"/> names the NC raised.</summary>
    Nonconformity = 2,
    Observation = 3,
    OpportunityForImprovement = 4,
    /// <summary>Planned but not audited this time (e.g. out of time); it stays uncovered for the programme.</summary>
    NotAudited = 5,
}

/// <summary>
/// One line of an audit's checklist: a requirement (clause or control) of a framework, what the auditor asks, and the result with
/// notes and evidence. <see cref="IsReaudit"/> marks a requirement re-audited because an earlier audit found a nonconformity there.
/// </summary>
public sealed class AuditChecklistItem : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    public Guid AuditId { get; set; }
    public Guid RequirementId { get; set; }
    public int Position { get; set; }
    /// <summary>What to check or ask (defaults to the requirement's title).</summary>
    public string Question { get; set; } = "";
    public AuditResult Result { get; set; }
    /// <summary>Markdown: what was seen, sampled and heard.</summary>
    public string Notes { get; set; } = "";
    /// <summary>The nonconformity raised from this item (clause 10.2), if any.</summary>
    public Guid? NonconformityId { get; set; }
    /// <summary>The earlier nonconformity this item re-audits.</summary>
    public Guid? ReauditOfNonconformityId { get; set; }
    public bool IsReaudit { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public string AssessedBy { get; set; } = "";
}

/// <summary>An evidence item the auditor relied on for a checklist item's result.</summary>
public sealed class AuditItemEvidence : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ItemId { get; set; }
    public Guid EvidenceId { get; set; }
}
