namespace Attest.Suppliers;

public enum SupplierCriticality
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

public enum SupplierStatus
{
    Proposed = 0,
    Active = 1,
    Offboarded = 2,
}

/// <summary>A supplier of products or services (ISO 27001 A.5.19–5.23): a cloud provider, an AI model provider, a SaaS tool.</summary>
public sealed class Supplier : OrganizationRecord, IOwnedRecord
{
    /// <summary>SUP-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Name { get; set; }
    /// <summary>What they provide, e.g. "Cloud hosting (EU regions)".</summary>
    public string Service { get; set; } = "";
    public SupplierCriticality Criticality { get; set; }
    public SupplierStatus Status { get; set; } = SupplierStatus.Active;
    /// <summary>The highest classification of the organization's data they process (a classification level name).</summary>
    public string DataClassification { get; set; } = "";
    public bool ProcessesPersonalData { get; set; }
    /// <summary>Processes personal data on the organization's behalf for its clients (GDPR Art. 28 sub-processor).</summary>
    public bool Subprocessor { get; set; }
    public DateOnly? ContractStartOn { get; set; }
    public DateOnly? ContractEndOn { get; set; }
    /// <summary>Data processing agreement signed on; null when none.</summary>
    public DateOnly? DpaSignedOn { get; set; }
    public DateOnly? LastReviewOn { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    /// <summary>Assessed supplier risk; null until assessed.</summary>
    public SupplierCriticality? RiskLevel { get; set; }
    public Guid? OwnerId { get; set; }
    public string Website { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Notes { get; set; } = "";
}

/// <summary>A certification or attestation a supplier holds (ISO 27001, SOC 2 Type II, ISO 42001…), with its expiry.</summary>
public sealed class SupplierCertification : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public required string Name { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The certificate or report kept as evidence.</summary>
    public Guid? EvidenceItemId { get; set; }
}

public sealed class SupplierAsset : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public Guid AssetId { get; set; }
}

public sealed class SupplierRisk : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public Guid RiskId { get; set; }
}

public enum QuestionKind
{
    /// <summary>Yes / No / Not applicable; "Yes" scores the weight.</summary>
    YesNo = 0,
    /// <summary>One of the listed choices; each choice has its own points.</summary>
    Choice = 1,
    /// <summary>Free text, scored by the reviewer.</summary>
    Text = 2,
}

/// <summary>A security questionnaire suppliers are asked to answer.</summary>
public sealed class QuestionnaireTemplate : OrganizationRecord
{
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

public sealed class QuestionnaireQuestion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid TemplateId { get; set; }
    public int Position { get; set; }
    /// <summary>Heading the question is shown under, e.g. "Access control".</summary>
    public string Section { get; set; } = "";
    public required string Text { get; set; }
    public QuestionKind Kind { get; set; }
    /// <summary>Choice questions: one choice per line as "text|points".</summary>
    public string Choices { get; set; } = "";
    /// <summary>Points a best answer earns.</summary>
    public int Weight { get; set; } = 1;
}

public enum QuestionnaireStatus
{
    Sent = 0,
    Submitted = 1,
    Reviewed = 2,
    Revoked = 3,
}

/// <summary>
/// A questionnaire sent to one supplier: its questions are copied in when sent, and the supplier answers through a link carrying a
/// secret token that reaches this questionnaire and nothing else, until it expires or is submitted.
/// </summary>
public sealed class SupplierQuestionnaire : OrganizationRecord
{
    public Guid SupplierId { get; set; }
    public Guid? TemplateId { get; set; }
    public required string Title { get; set; }
    /// <summary>Lookup part of the token ("sq_" and 12 hex digits).</summary>
    public required string TokenPrefix { get; set; }
    [Secret]
    public required string TokenHash { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string SentTo { get; set; } = "";
    public QuestionnaireStatus Status { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Who answered, as the supplier wrote it.</summary>
    public string RespondentName { get; set; } = "";
    public int? Score { get; set; }
    public int MaxScore { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string ReviewNotes { get; set; } = "";
}

/// <summary>A question as sent, and the supplier's answer.</summary>
public sealed class SupplierAnswer : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid QuestionnaireId { get; set; }
    public int Position { get; set; }
    public string Section { get; set; } = "";
    public required string Question { get; set; }
    public QuestionKind Kind { get; set; }
    public string Choices { get; set; } = "";
    public int Weight { get; set; }
    public string Answer { get; set; } = "";
    public string Comment { get; set; } = "";
    /// <summary>Points earned; set from the answer, or by the reviewer for free-text questions.</summary>
    public int? Points { get; set; }
}
