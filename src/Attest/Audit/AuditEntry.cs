namespace Attest.Audit;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>Where a change came from.</summary>
public enum AuditChannel
{
    System = 0,
    Ui = 1,
    Api = 2,
    Cli = 3,
    Import = 4,
}

/// <summary>
/// One change to one record, written in the same transaction as the change. Entries of an
/// organization form a hash chain: each <see cref="Hash"/> covers the entry's content and the previous hash.
/// </summary>
public sealed class AuditEntry : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Position in the organization's chain, starting at 1 with no gaps.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    /// <summary>Who, in words: an e-mail address, "token 'CI' of …", or "system".</summary>
    public required string Actor { get; set; }
    public AuditChannel Channel { get; set; }
    public AuditAction Action { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }
    /// <summary>JSON object: field name → {"before": …, "after": …}.</summary>
    public required string Changes { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// The latest link of an organization's audit chain, updated in the same transaction as the entries,
/// so that entries removed from the end of the chain are noticed too.
/// </summary>
public sealed class AuditChainHead : IOrganizationOwned
{
    public Guid OrganizationId { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
