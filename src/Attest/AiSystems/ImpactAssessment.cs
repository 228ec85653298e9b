namespace Attest.AiSystems;

public enum AssessmentStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
}

public enum AffectedKind
{
    Individuals = 0,
    Groups = 1,
    Society = 2,
    Clients = 3,
    ClientsCustomers = 4,
    Employees = 5,
}

/// <summary>The dimensions ISO/IEC 42005 asks an assessment to consider for everyone affected.</summary>
public enum ImpactDimension
{
    FairnessAndBias = 0,
    Privacy = 1,
    Safety = 2,
    Security = 3,
    TransparencyAndExplainability = 4,
    Accountability = 5,
    HumanAutonomy = 6,
    Economic = 7,
    Environmental = 8,
    Societal = 9,
}

public enum ImpactNature
{
    Harm = 0,
    Benefit = 1,
}

/// <summary>
/// An AI system impact assessment (ISO/IEC 42005; ISO/IEC 42001 6.1.4 and 8.4) of one AI system or a group of similar
/// ones. The working copy is edited; approval freezes a numbered version (<see cref="ImpactAssessmentVersion"/>).
/// </summary>
public sealed class ImpactAssessment : OrganizationRecord, IOwnedRecord
{
    /// <summary>Human reference, e.g. AIA-007.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerId { get; set; }
    public AssessmentStatus Status { get; set; }
    public string ScopeAndIntendedUse { get; set; } = "";
    public string SystemDescription { get; set; } = "";
    public string Conclusion { get; set; } = "";
    public Guid? ReviewerId { get; set; }
    public Guid? ApproverId { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Reassessment at the latest by this date.</summary>
    public DateOnly? NextReviewOn { get; set; }
    /// <summary>Set by a trigger (model change, new intended use, new client group, a related incident); cleared by the next approval.</summary>
    public bool ReassessmentDue { get; set; }
    public string ReassessmentReason { get; set; } = "";
    /// <summary>The latest approved version, e.g. "1.0"; empty until the first approval.</summary>
    public string ApprovedNumber { get; set; } = "";
}

/// <summary>The AI systems an assessment covers.</summary>
public sealed class ImpactAssessmentSystem : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public Guid AiSystemId { get; set; }
}

/// <summary>Who is affected: individuals, groups, society; clients, their customers, employees.</summary>
public sealed class AffectedParty : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public required string Name { get; set; }
    public AffectedKind Kind { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>One potential benefit or harm for one affected party in one dimension, with its rating, mitigation and residual rating.</summary>
public sealed class ImpactEntry : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public Guid AffectedPartyId { get; set; }
    public ImpactDimension Dimension { get; set; }
    public ImpactNature Nature { get; set; }
    public required string Description { get; set; }
    /// <summary>1 (negligible) to 5 (severe).</summary>
    public int Severity { get; set; }
    /// <summary>1 (rare) to 5 (almost certain).</summary>
    public int Likelihood { get; set; }
    public string Mitigation { get; set; } = "";
    public int ResidualSeverity { get; set; }
    public int ResidualLikelihood { get; set; }
}

/// <summary>A control of the organization that mitigates an impact.</summary>
public sealed class ImpactEntryControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ImpactEntryId { get; set; }
    public Guid ControlId { get; set; }
}

/// <summary>Who was consulted, when, and what they said.</summary>
public sealed class StakeholderInput : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public required string Who { get; set; }
    public DateOnly On { get; set; }
    public required string Said { get; set; }
}

/// <summary>An approved version of an assessment, frozen as it was approved (its whole content as JSON).</summary>
public sealed class ImpactAssessmentVersion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public int Major { get; set; }
    public int Minor { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    public required string ApprovedBy { get; set; }
    public string ReviewedBy { get; set; } = "";
    public required string Content { get; set; }

    public string Number => $"{Major}.{Minor}";
}

public static class ImpactScale
{
    public static int Score(int severity, int likelihood) => severity * likelihood;

    /// <summary>Low below 8, medium below 15, high from 15 (of 25).</summary>
    public static string Level(int severity, int likelihood) => Score(severity, likelihood) switch { >= 15 => "high", >= 8 => "medium", _ => "low" };

    public static bool IsHigh(int severity, int likelihood) => Score(severity, likelihood) >= 15;

    public static string Of(ImpactDimension dimension) => dimension switch
    {
        ImpactDimension.FairnessAndBias => "Fairness and bias",
        ImpactDimension.TransparencyAndExplainability => "Transparency and explainability",
        ImpactDimension.HumanAutonomy => "Human autonomy",
        _ => dimension.ToString(),
    };

    public static string Of(AffectedKind kind) => kind switch
    {
        AffectedKind.ClientsCustomers => "Clients' customers",
        _ => kind.ToString(),
    };
}
