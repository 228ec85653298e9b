namespace Attest.Policies;

public enum DocumentKind
{
    Policy = 0,
    Standard = 1,
    Procedure = 2,
    Plan = 3,
    RecordTemplate = 4,
    /// <summary>The ISMS's own documents: scope, objectives, risk methodology, SoA reports.</summary>
    IsmsDocument = 5,
}

public enum DocumentClassification
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    Restricted = 3,
}

/// <summary>Who must read and accept a published version.</summary>
public enum DocumentDistribution
{
    NoOne = 0,
    AllPersonnel = 1,
    /// <summary>Admins and Managers.</summary>
    Management = 2,
    /// <summary>The departments named in <see cref="Document.DistributionGroups"/>.</summary>
    Groups = 3,
}

public enum DocumentVersionStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
    Published = 3,
    /// <summary>Was published; a later version replaced it.</summary>
    Superseded = 4,
    /// <summary>Was published; the document was withdrawn.</summary>
    Retired = 5,
}

/// <summary>
/// A controlled document — policy, standard, procedure, plan, template or an ISMS document — with the settings
/// that apply across its versions. The text lives in <see cref="DocumentVersion"/>s; a published one never changes.
/// </summary>
public sealed class Document : OrganizationRecord, IOwnedRecord
{
    /// <summary>Human reference, e.g. POL-007; unique in the organization.</summary>
    public required string Reference { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>Title of the latest version, kept here so registers list without reading versions.</summary>
    public required string Title { get; set; }
    public Guid? OwnerId { get; set; }
    public DocumentClassification Classification { get; set; } = DocumentClassification.Internal;
    /// <summary>Months between full reviews.</summary>
    public int ReviewMonths { get; set; } = 12;
    /// <summary>How the review cycle is described, e.g. "annual, with quarterly updates".</summary>
    public string ReviewCycle { get; set; } = "";
    public DateOnly? NextReviewOn { get; set; }
    public DateOnly? LastReviewedOn { get; set; }
    public DocumentDistribution Distribution { get; set; } = DocumentDistribution.AllPersonnel;
    /// <summary>Comma-separated department names when <see cref="Distribution"/> is Groups.</summary>
    public string DistributionGroups { get; set; } = "";
    /// <summary>Days people have to accept a version once it is assigned to them.</summary>
    public int AcceptWithinDays { get; set; } = 14;
    /// <summary>When true, minor versions are accepted again too; a major version always is.</summary>
    public bool MinorVersionsNeedAcceptance { get; set; }
    /// <summary>Listed on the public trust page once published.</summary>
    public bool ListPublicly { get; set; }
    /// <summary>The published text, not only the title and summary, is shown on the trust page.</summary>
    public bool PublishFullText { get; set; }
    public bool Retired { get; set; }
    /// <summary>The newest version (the draft being worked on, or the published one when there is no draft).</summary>
    public Guid? LatestVersionId { get; set; }
    public Guid? PublishedVersionId { get; set; }
}

/// <summary>One version of a document. Drafts change; from publication on, only the status moves (to superseded or retired).</summary>
public sealed class DocumentVersion : OrganizationRecord
{
    public Guid DocumentId { get; set; }
    public int Major { get; set; }
    public int Minor { get; set; }
    public DocumentVersionStatus Status { get; set; }
    public required string Title { get; set; }
    /// <summary>What the document covers, in one sentence.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Markdown; rendered sanitized.</summary>
    public string Body { get; set; } = "";
    /// <summary>What changed in this version.</summary>
    public string ChangeNote { get; set; } = "";
    public DateOnly? EffectiveOn { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
    /// <summary>Set at publication: whether people had to accept this version again.</summary>
    public bool NeededAcceptance { get; set; }

    public string Number => $"{Major}.{Minor}";

    public bool IsFinal => Status is DocumentVersionStatus.Published or DocumentVersionStatus.Superseded or DocumentVersionStatus.Retired;
}

/// <summary>"This version of the document serves that requirement." Kept per version, so a published version's ISO relevance never changes.</summary>
public sealed class DocumentRequirement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid VersionId { get; set; }
    public Guid RequirementId { get; set; }
}

/// <summary>Someone who must approve every version before it is published: a named person, or whoever holds a job title (CEO, CISO, CTO).</summary>
public sealed class DocumentApprover : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid? UserId { get; set; }
    public string? JobTitle { get; set; }
}

public enum ApprovalDecision
{
    Pending = 0,
    Approved = 1,
    ChangesRequested = 2,
}

/// <summary>One required approval of one version, created when the version goes to review, decided by the person it names.</summary>
public sealed class DocumentApproval : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid VersionId { get; set; }
    /// <summary>The person required, when the approver is named.</summary>
    public Guid? RequiredUserId { get; set; }
    /// <summary>The job title required, when the approver is a role.</summary>
    public string? RequiredJobTitle { get; set; }
    /// <summary>When the version was sent to the review round this approval belongs to.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    public ApprovalDecision Decision { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string Comment { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>Documents that belong together (a policy and the procedures that carry it out).</summary>
public sealed class DocumentRelation : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid RelatedDocumentId { get; set; }
}

/// <summary>
/// A person's current duty to read a document: the version they must accept, when it was assigned and is due,
/// when they opened and accepted it. One per person and document; the acceptances themselves are kept for ever in <see cref="DocumentAcceptance"/>.
/// </summary>
public sealed class DocumentAssignment : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid UserId { get; set; }
    public Guid VersionId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>"This person accepted this version then." Never changed, never deleted by a later version.</summary>
public sealed class DocumentAcceptance : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid VersionId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>How document values are written for people.</summary>
public static class DocumentLabels
{
    public static string Of(DocumentVersionStatus status) => status switch
    {
        DocumentVersionStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.RecordTemplate => "Record template",
        DocumentKind.IsmsDocument => "ISMS document",
        _ => kind.ToString(),
    };

    public static string Of(DocumentDistribution distribution, string groups) => distribution switch
    {
        DocumentDistribution.AllPersonnel => "All personnel",
        DocumentDistribution.Management => "Management",
        DocumentDistribution.Groups => groups,
        _ => "No one (not distributed)",
    };
}
