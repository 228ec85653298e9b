namespace Attest.AccessReviews;

/// <summary>A system whose accounts are reviewed (the AI platform, a cloud console, the CRM), optionally linked to its asset.</summary>
public sealed class AccessSystem : OrganizationRecord
{
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public Guid? AssetId { get; set; }
    /// <summary>The system owner: reviews its accounts when a campaign asks the system owner.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>Accounts not used for this many days are flagged unused.</summary>
    public int UnusedAfterDays { get; set; } = 90;
    public DateTimeOffset? LastLoadedAt { get; set; }
}

/// <summary>What about an account deserves a reviewer's attention.</summary>
[Flags]
public enum AccessFlags
{
    None = 0,
    /// <summary>No person in the register matches the account.</summary>
    NoMatchingPerson = 1,
    /// <summary>The matching person has left.</summary>
    Leaver = 2,
    Privileged = 4,
    /// <summary>Not used within the system's unused period (or never).</summary>
    Unused = 8,
}

/// <summary>
/// One entitlement of one account on a system (account "jdoe", role "Admin"), as the latest load listed it. An entitlement absent
/// from a later load is kept with <see cref="RemovedOn"/> set, so reviews and history still read.
/// Grants are loaded in bulk (tens of thousands per export) and so are not audited row by row: each load is audited on its
/// <see cref="AccessSystem"/> (<see cref="AccessSystem.LastLoadedAt"/>), and every review decision on its item.
/// </summary>
[NotAudited]
public sealed class AccessGrant : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SystemId { get; set; }
    /// <summary>The account's name on the system.</summary>
    public required string Account { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Role, group or permission set; "" when the system has only one kind of access.</summary>
    public string Entitlement { get; set; } = "";
    public bool Privileged { get; set; }
    public DateOnly? LastUsedOn { get; set; }
    /// <summary>The person the account belongs to, matched by e-mail (or by account name equal to an e-mail).</summary>
    public Guid? PersonId { get; set; }
    public DateOnly FirstSeenOn { get; set; }
    public DateOnly? RemovedOn { get; set; }
}

public enum ReviewerRule
{
    /// <summary>Each system's owner reviews all its accounts.</summary>
    SystemOwner = 0,
    /// <summary>Each account is reviewed by its person's manager; accounts without one go to the system owner.</summary>
    PersonManager = 1,
}

public enum CampaignStatus
{
    Draft = 0,
    Open = 1,
    Completed = 2,
    Cancelled = 3,
}

/// <summary>An access review (e.g. the quarterly one): chosen systems, reviewers and a due date.</summary>
public sealed class AccessReviewCampaign : OrganizationRecord
{
    /// <summary>AR-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public ReviewerRule Reviewers { get; set; }
    public DateOnly DueOn { get; set; }
    public CampaignStatus Status { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Days the revocations decided in the campaign have to be carried out.</summary>
    public int RevokeWithinDays { get; set; } = 14;
}

public sealed class AccessReviewCampaignSystem : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid SystemId { get; set; }
}

public enum AccessDecision
{
    Pending = 0,
    Keep = 1,
    Revoke = 2,
    /// <summary>Keep the account with a different entitlement (<see cref="AccessReviewItem.ChangeTo"/>).</summary>
    Change = 3,
}

/// <summary>
/// One entitlement to decide in a campaign: a copy of the grant as it stood when the campaign opened, the reviewer, the
/// decision, and — for revoke or change — the follow-up until someone confirms it was done.
/// </summary>
public sealed class AccessReviewItem : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid SystemId { get; set; }
    public Guid GrantId { get; set; }
    public required string Account { get; set; }
    public string DisplayName { get; set; } = "";
    public string Entitlement { get; set; } = "";
    public bool Privileged { get; set; }
    public DateOnly? LastUsedOn { get; set; }
    public Guid? PersonId { get; set; }
    public AccessFlags Flags { get; set; }
    public Guid? ReviewerId { get; set; }
    public AccessDecision Decision { get; set; }
    public string Comment { get; set; } = "";
    public string ChangeTo { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Name and e-mail of who decided, as they were.</summary>
    public string DecidedBy { get; set; } = "";
    public DateOnly? RemediationDueOn { get; set; }
    public DateTimeOffset? RemediatedAt { get; set; }
    public string RemediatedBy { get; set; } = "";
    public string RemediationNote { get; set; } = "";
    public int Version { get; set; }
}
