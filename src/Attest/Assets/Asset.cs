namespace Attest.Assets;

public enum AssetType
{
    Information = 0,
    Software = 1,
    /// <summary>Including cloud services and SaaS.</summary>
    Service = 2,
    Hardware = 3,
    PeopleGroup = 4,
    Location = 5,
    AiSystem = 6,
    AiModel = 7,
    Dataset = 8,
}

public enum AssetLifecycle
{
    Planned = 0,
    InUse = 1,
    Retired = 2,
    Disposed = 3,
}

public enum Criticality
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>Who made a model: the organization itself, a third party (a foundation model provider), or an open-source project.</summary>
public enum ModelOrigin
{
    NotApplicable = 0,
    Own = 1,
    ThirdParty = 2,
    OpenSource = 3,
}

/// <summary>
/// A classification level of the organization (Public, Internal, Confidential, Restricted by default; labels and
/// handling rules are the organization's own). Assets inherit the handling rules of their level.
/// </summary>
public sealed class ClassificationLevel : OrganizationRecord
{
    public required string Name { get; set; }
    /// <summary>0 is the least sensitive.</summary>
    public int Rank { get; set; }
    /// <summary>Markdown: how information at this level is labelled, stored, shared and disposed of.</summary>
    public string HandlingRules { get; set; } = "";
}

/// <summary>Something of value the ISMS protects: information, software, services, hardware, people, places, AI systems, models and datasets.</summary>
public sealed class Asset : OrganizationRecord, IOwnedRecord
{
    /// <summary>Human reference, e.g. AST-00042; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Name { get; set; }
    public AssetType Type { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// <summary>Who looks after it day to day (a person or team, as written).</summary>
    public string Custodian { get; set; } = "";
    public Guid? ClassificationId { get; set; }
    /// <summary>Confidentiality, integrity and availability, each 1 (low) to 4 (very high).</summary>
    public int Confidentiality { get; set; } = 2;
    public int Integrity { get; set; } = 2;
    public int Availability { get; set; } = 2;
    public Criticality Criticality { get; set; } = Criticality.Medium;
    /// <summary>Physical location or cloud region(s), e.g. "eu-west-1".</summary>
    public string Location { get; set; } = "";
    public AssetLifecycle Lifecycle { get; set; } = AssetLifecycle.InUse;
    /// <summary>Comma-separated.</summary>
    public string Tags { get; set; } = "";
    /// <summary>For AI models and datasets: who provides it (e.g. OpenAI, Hugging Face).</summary>
    public string Provider { get; set; } = "";
    /// <summary>For AI models, datasets and software: the version in use.</summary>
    public string VersionLabel { get; set; } = "";
    public ModelOrigin Origin { get; set; }
    /// <summary>Where an imported record came from, e.g. a CycloneDX bom-ref, so re-imports update rather than duplicate.</summary>
    public string? ExternalId { get; set; }
}

public enum DependencyKind
{
    /// <summary>An AI system uses a model; software uses a library or service.</summary>
    Uses = 0,
    /// <summary>A model was trained or fine-tuned on a dataset.</summary>
    TrainedOn = 1,
    /// <summary>Runs on a cloud service, host or platform.</summary>
    RunsOn = 2,
    /// <summary>Processes (stores, reads) information or data.</summary>
    Processes = 3,
    /// <summary>Any other dependency.</summary>
    DependsOn = 4,
}

/// <summary>"From uses / was trained on / runs on / processes To."</summary>
public sealed class AssetDependency : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FromAssetId { get; set; }
    public Guid ToAssetId { get; set; }
    public DependencyKind Kind { get; set; }
}

public static class AssetLabels
{
    public static string Of(AssetType type) => type switch
    {
        AssetType.PeopleGroup => "People group",
        AssetType.AiSystem => "AI system",
        AssetType.AiModel => "AI model",
        _ => type.ToString(),
    };

    public static string Of(AssetLifecycle lifecycle) => lifecycle == AssetLifecycle.InUse ? "in use" : lifecycle.ToString().ToLowerInvariant();

    /// <summary>How a dependency reads from its source ("uses") and from its target ("used by").</summary>
    public static (string Forward, string Backward) Of(DependencyKind kind) => kind switch
    {
        DependencyKind.Uses => ("uses", "used by"),
        DependencyKind.TrainedOn => ("trained or fine-tuned on", "training data for"),
        DependencyKind.RunsOn => ("runs on", "hosts"),
        DependencyKind.Processes => ("processes", "processed by"),
        _ => ("depends on", "needed by"),
    };

    public static string Rating(int value) => value switch { 1 => "low", 2 => "medium", 3 => "high", 4 => "very high", _ => "—" };
}
