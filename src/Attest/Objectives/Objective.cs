namespace Attest.Objectives;

/// <summary>Strategic objectives state what the management systems are for; operational ones break them down for a team.</summary>
public enum ObjectiveKind
{
    Strategic = 0,
    Operational = 1,
}

public enum ObjectiveStatus
{
    /// <summary>Being worked towards and measured.</summary>
    Active = 0,
    /// <summary>Reached and closed by its owner; kept with its measurements.</summary>
    Achieved = 1,
    /// <summary>No longer pursued; kept for the record, no longer measured.</summary>
    Retired = 2,
}

/// <summary>How often an objective is reviewed by its owner (clause 6.2 "updated as appropriate").</summary>
public enum ReviewCadence
{
    Monthly = 0,
    Quarterly = 1,
    SemiAnnually = 2,
    Annually = 3,
}

/// <summary>
/// An information security or AI objective (ISO/IEC 27001 and 42001 clause 6.2): what is to be achieved, by whom, by when, how it
/// is reviewed and which frameworks it serves; its <see cref="Measure"/>s say how achievement is evaluated (clause 9.1).
/// </summary>
public sealed class Objective : OrganizationRecord, IOwnedRecord
{
    /// <summary>OBJ-nn.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown: the goal in words, and why it matters.</summary>
    public string Goal { get; set; } = "";
    public ObjectiveKind Kind { get; set; }
    /// <summary>The strategic objective an operational one contributes to.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>The accountable owner; <see cref="ObjectiveOwner"/> rows add co-owners.</summary>
    public Guid? OwnerId { get; set; }
    public DateOnly StartOn { get; set; }
    /// <summary>When it is to be achieved; null for an ongoing objective.</summary>
    public DateOnly? TargetOn { get; set; }
    public ReviewCadence ReviewCadence { get; set; } = ReviewCadence.Quarterly;
    public DateOnly? LastReviewedOn { get; set; }
    public ObjectiveStatus Status { get; set; }
}

/// <summary>A further owner of an objective (the "owner(s)"); co-owners may edit it like the owner.</summary>
public sealed class ObjectiveOwner : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ObjectiveId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A framework an objective serves (e.g. ISO 27001 and ISO 42001).</summary>
public sealed class ObjectiveFramework : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ObjectiveId { get; set; }
    public Guid FrameworkId { get; set; }
}

/// <summary>Where a measure's values come from.</summary>
public enum MeasureSource
{
    /// <summary>Computed from Attest's records by a named measure of <see cref="MeasureLibrary"/>.</summary>
    Computed = 0,
    /// <summary>Entered by a person with a note and, where there is one, evidence (e.g. a client satisfaction survey).</summary>
    Manual = 1,
}

/// <summary>How a value is compared with the target.</summary>
public enum TargetComparison
{
    /// <summary>≥ target.</summary>
    AtLeast = 0,
    /// <summary>≤ target.</summary>
    AtMost = 1,
    /// <summary>&gt; target.</summary>
    GreaterThan = 2,
    /// <summary>&lt; target.</summary>
    LessThan = 3,
    /// <summary>= target.</summary>
    EqualTo = 4,
}

/// <summary>Which way is better when the target is missed; decides whether a miss is amber or red.</summary>
public enum MeasureDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

public enum MeasureUnit
{
    Percent = 0,
    Count = 1,
    Hours = 2,
    Minutes = 3,
    Days = 4,
    Number = 5,
}

public enum MeasureFrequency
{
    Monthly = 0,
    Quarterly = 1,
    Weekly = 2,
    Annually = 3,
}

/// <summary>Green: target met. Amber: missed but within the amber threshold. Red: missed beyond it. NoData: nothing to measure.</summary>
public enum MeasureStatus
{
    NoData = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>
/// How one objective is evaluated: a target with its comparison and unit, an amber threshold, a frequency and a data source
/// (a named computed measure, or manual entry).
/// </summary>
public sealed class Measure : OrganizationRecord, IOwnedRecord
{
    public Guid ObjectiveId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public MeasureSource Source { get; set; }
    /// <summary>The key of the named measure in <see cref="MeasureLibrary"/> when <see cref="Source"/> is Computed.</summary>
    public string? LibraryKey { get; set; }
    /// <summary>For manual measures: where the value comes from (e.g. "quarterly client survey by the account team").</summary>
    public string DataSourceNote { get; set; } = "";
    public TargetComparison Comparison { get; set; }
    public decimal Target { get; set; }
    public MeasureDirection Direction { get; set; }
    /// <summary>A missed value on the good side of this is amber, beyond it red; null means every miss is red.</summary>
    public decimal? AmberThreshold { get; set; }
    public MeasureUnit Unit { get; set; }
    public MeasureFrequency Frequency { get; set; }
    /// <summary>Who enters manual values; null means the objective's owner.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>Order on the objective.</summary>
    public int Position { get; set; }
    public bool Retired { get; set; }
}

public enum MeasurementKind
{
    /// <summary>Taken by the monthly schedule.</summary>
    Scheduled = 0,
    /// <summary>Taken when someone asked (UI, API, CLI `attest measures snapshot`).</summary>
    OnDemand = 1,
    /// <summary>Entered by a person for a manual measure.</summary>
    Manual = 2,
}

/// <summary>
/// One dated value of a measure, frozen when taken: the value, the target and status as they were, and what the value was made of,
/// so trends and "as at" figures are exact and never recomputed from today's records. Never changed or deleted once saved.
/// </summary>
public sealed class Measurement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid MeasureId { get; set; }
    /// <summary>First day of the period measured (a month for monthly measures).</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last day of the period measured, inclusive; the value is "as at" the end of this day.</summary>
    public DateOnly PeriodEnd { get; set; }
    /// <summary>Null when there was nothing to measure (e.g. no AI systems yet).</summary>
    public decimal? Value { get; set; }
    public MeasureStatus Status { get; set; }
    /// <summary>The target as it was when the value was taken.</summary>
    public TargetComparison Comparison { get; set; }
    public decimal Target { get; set; }
    public decimal? AmberThreshold { get; set; }
    public MeasureDirection Direction { get; set; }
    /// <summary>What the value was made of, in words ("47 of 50 AI systems").</summary>
    public string Detail { get; set; } = "";
    public MeasurementKind Kind { get; set; }
    /// <summary>For manual values: the note that explains the value.</summary>
    public string Note { get; set; } = "";
    /// <summary>For manual values: the evidence item that supports it.</summary>
    public Guid? EvidenceId { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public Guid? TakenByUserId { get; set; }
    public string TakenBy { get; set; } = "";
}
