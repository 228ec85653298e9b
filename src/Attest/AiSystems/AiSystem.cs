namespace Attest.AiSystems;

public enum ServiceCategory
{
    Legal = 0,
    Financial = 1,
    Healthcare = 2,
    Engineering = 3,
    Marketing = 4,
    Design = 5,
    Other = 6,
}

public enum DeploymentModel
{
    Cloud = 0,
    Edge = 1,
    Hybrid = 2,
    OnPremises = 3,
}

/// <summary>How much the system decides by itself, and where people stand.</summary>
public enum AutonomyLevel
{
    /// <summary>Suggests; a person does the work.</summary>
    Assistive = 0,
    /// <summary>Acts only after a person approves each output.</summary>
    HumanInTheLoop = 1,
    /// <summary>Acts; a person monitors and can intervene.</summary>
    HumanOnTheLoop = 2,
    /// <summary>Acts without routine human review.</summary>
    Autonomous = 3,
}

public enum EuAiActCategory
{
    NotAssessed = 0,
    Minimal = 1,
    Limited = 2,
    High = 3,
    Prohibited = 4,
}

public enum AiLifecycleStage
{
    Design = 0,
    Development = 1,
    Validation = 2,
    Deployed = 3,
    Retired = 4,
}

/// <summary>
/// A class of AI systems (e.g. client-facing agent) and the requirements every system of that class must meet — its
/// required control baseline, written in the ISO notation against any framework.
/// </summary>
public sealed class AiSystemClass : OrganizationRecord
{
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

public sealed class AiSystemClassRequirement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ClassId { get; set; }
    public Guid RequirementId { get; set; }
}

/// <summary>The ISO/IEC 42001 record of an AI system, extending its asset (type AI system) one to one.</summary>
public sealed class AiSystem : OrganizationRecord
{
    public Guid AssetId { get; set; }
    public Guid? ClassId { get; set; }
    public string Purpose { get; set; } = "";
    public string IntendedUse { get; set; } = "";
    public string ForeseeableMisuse { get; set; } = "";
    public ServiceCategory ServiceCategory { get; set; } = ServiceCategory.Other;
    /// <summary>The clients or users it serves, as written.</summary>
    public string ClientsServed { get; set; } = "";
    /// <summary>Training and fine-tuning data, in words (datasets are also linked as assets).</summary>
    public string TrainingData { get; set; } = "";
    public DeploymentModel Deployment { get; set; }
    public string Regions { get; set; } = "";
    public AutonomyLevel Autonomy { get; set; } = AutonomyLevel.HumanInTheLoop;
    public string HumanOversight { get; set; } = "";
    public bool DisclaimerRequired { get; set; }
    public bool DisclaimerImplemented { get; set; }
    /// <summary>Where the professional disclaimer is shown.</summary>
    public string DisclaimerWhere { get; set; } = "";
    public EuAiActCategory EuAiActCategory { get; set; }
    public string EuAiActReason { get; set; } = "";
    public AiLifecycleStage Stage { get; set; } = AiLifecycleStage.Deployed;
}

/// <summary>"This control of the organization applies to this AI system." Coverage counts the baseline requirements its implemented controls meet.</summary>
public sealed class AiSystemControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AiSystemId { get; set; }
    public Guid ControlId { get; set; }
}

public static class AiLabels
{
    public static string Of(AutonomyLevel level) => level switch
    {
        AutonomyLevel.HumanInTheLoop => "human in the loop",
        AutonomyLevel.HumanOnTheLoop => "human on the loop",
        _ => level.ToString().ToLowerInvariant(),
    };

    public static string Of(EuAiActCategory category) => category == EuAiActCategory.NotAssessed ? "not assessed" : category.ToString().ToLowerInvariant() + " risk";
}
