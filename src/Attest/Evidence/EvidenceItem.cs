namespace Attest.Evidence;

public enum EvidenceKind
{
    File = 0,
    Link = 1,
    Note = 2,
    CheckResult = 3,
}

public enum EvidenceSource
{
    Uploaded = 0,
    Api = 1,
    Check = 2,
    Import = 3,
}

/// <summary>What a piece of evidence supports. Incidents and audits arrive with their own registers; the links are ready for them.</summary>
public enum EvidenceTarget
{
    Control = 0,
    Requirement = 1,
    Risk = 2,
    Document = 3,
    Incident = 4,
    Audit = 5,
}

/// <summary>
/// Something that shows a control works: a file, a link, a note or an automated check's result. Its current content is the latest
/// <see cref="EvidenceVersion"/>; older versions stay. It is fresh until <see cref="ValidUntil"/>, or for the freshness period of the
/// control it supports.
/// </summary>
public sealed class EvidenceItem : OrganizationRecord, IOwnedRecord
{
    /// <summary>EV-000001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public EvidenceKind Kind { get; set; }
    public EvidenceSource Source { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly CollectedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The current version's number (1, 2, …).</summary>
    public int CurrentVersion { get; set; }
    /// <summary>The current version's file, link or note (copied from the version for listing in one query).</summary>
    public Guid? FileId { get; set; }
    public string? FileName { get; set; }
    public string? Url { get; set; }
    /// <summary>Markdown; for a check result, the details of the run.</summary>
    public string Note { get; set; } = "";
    /// <summary>For check results: the check that produced it and whether it passed.</summary>
    public Guid? CheckId { get; set; }
    public bool? Passed { get; set; }
}

/// <summary>One version of an evidence item as it was recorded; nothing changes a version once written.</summary>
public sealed class EvidenceVersion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid EvidenceId { get; set; }
    public int Number { get; set; }
    public Guid? FileId { get; set; }
    public string? FileName { get; set; }
    public string? Url { get; set; }
    public string Note { get; set; } = "";
    public DateOnly CollectedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A stored file, named by the SHA-256 of its content: the same content uploaded twice is stored once per organization. The type is the
/// one detected from the content, never the name's.
/// </summary>
public sealed class EvidenceFile : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Lower-case hex; also the key in the file store.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>"This evidence supports that control (requirement, risk, document …)."</summary>
public sealed class EvidenceLink : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid EvidenceId { get; set; }
    public EvidenceTarget Target { get; set; }
    public Guid TargetId { get; set; }
}
