namespace Attest.People;

public enum PersonType
{
    Employee = 0,
    Contractor = 1,
    /// <summary>Someone of another organization given access (a supplier's engineer, an auditor, a partner).</summary>
    ThirdParty = 2,
}

/// <summary>Background verification before or at joining (ISO 27001 A.6.1).</summary>
public enum ScreeningStatus
{
    NotStarted = 0,
    InProgress = 1,
    Passed = 2,
    Failed = 3,
    NotRequired = 4,
}

/// <summary>Where a person record came from, and so what may change it.</summary>
public enum PersonSource
{
    Manual = 0,
    Import = 1,
    /// <summary>Provisioned by an identity provider over SCIM; the provider keeps it up to date.</summary>
    Scim = 2,
}

/// <summary>
/// Someone who works for or with the organization: an employee, a contractor or an authorized third party. Not everyone signs in
/// to Attest; <see cref="UserId"/> links the person to an account when they do.
/// </summary>
public sealed class Person : OrganizationRecord
{
    public required string Name { get; set; }
    /// <summary>Work e-mail; unique in the organization (compared in lower case).</summary>
    public required string Email { get; set; }
    public PersonType Type { get; set; }
    public string Department { get; set; } = "";
    /// <summary>The person's line manager (another person).</summary>
    public Guid? ManagerId { get; set; }
    /// <summary>Job role or title, e.g. "Data engineer".</summary>
    public string Role { get; set; } = "";
    public string Location { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    /// <summary>Last working day; the person has left once it is past.</summary>
    public DateOnly? EndDate { get; set; }
    public ScreeningStatus Screening { get; set; }
    public DateOnly? ScreenedOn { get; set; }
    /// <summary>When the confidentiality or non-disclosure terms were signed; null when not signed.</summary>
    public DateOnly? ConfidentialitySignedOn { get; set; }
    /// <summary>Which terms: "Employment contract clause 12", "Mutual NDA v3".</summary>
    public string ConfidentialityTerms { get; set; } = "";
    public Guid? UserId { get; set; }
    /// <summary>False once deactivated (by an identity provider or by hand); a deactivated person counts as having left.</summary>
    public bool Active { get; set; } = true;
    public PersonSource Source { get; set; }
    /// <summary>The identity provider's own id for the person (SCIM externalId).</summary>
    public string? ExternalId { get; set; }
    /// <summary>SCIM userName as the identity provider sent it (usually the e-mail).</summary>
    public string? UserName { get; set; }
    /// <summary>Lower-cased e-mail, for matching accounts and imports without a case-folding query.</summary>
    public string EmailKey { get; set; } = "";

    /// <summary>Has the person left by this day: deactivated, or past the last working day.</summary>
    public bool HasLeftBy(DateOnly day) => !Active || (EndDate is { } end && end < day);
}

/// <summary>A group of people, as an identity provider keeps them (SCIM Groups), e.g. "Engineering" or "Privileged admins".</summary>
public sealed class PersonGroup : OrganizationRecord
{
    public required string DisplayName { get; set; }
    public string? ExternalId { get; set; }
    public PersonSource Source { get; set; }
}

public sealed class PersonGroupMember : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid GroupId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>A bearer token an identity provider uses for SCIM provisioning. Only its hash is kept; the text is shown once.</summary>
public sealed class ScimToken : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lookup part of the token ("scim_" and 12 hex digits).</summary>
    public required string Prefix { get; set; }
    [Secret]
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>Written with a bulk update (no audit entry per provisioning request).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public enum ChecklistKind
{
    Onboarding = 0,
    Offboarding = 1,
}

/// <summary>A reusable onboarding or offboarding checklist, for one type of person or for all.</summary>
public sealed class ChecklistTemplate : OrganizationRecord
{
    public required string Name { get; set; }
    public ChecklistKind Kind { get; set; }
    /// <summary>Null: applies to every type of person.</summary>
    public PersonType? PersonType { get; set; }
}

public sealed class ChecklistTemplateItem : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid TemplateId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    /// <summary>Days from the start date (onboarding) or end date (offboarding); negative means before it.</summary>
    public int DueOffsetDays { get; set; }
    /// <summary>Who does it, in words: "Manager", "IT", "HR", "Security".</summary>
    public string Responsible { get; set; } = "";
    /// <summary>The item "all access revoked": it can be ticked only when the person holds no access in any system.</summary>
    public bool VerifiesAccessRevoked { get; set; }
}

/// <summary>One person's onboarding or offboarding, copied from a template when it started.</summary>
public sealed class PersonChecklist : OrganizationRecord
{
    public Guid PersonId { get; set; }
    public Guid? TemplateId { get; set; }
    public ChecklistKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The start or end date the due dates are counted from.</summary>
    public DateOnly AnchorDate { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class PersonChecklistItem : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ChecklistId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string Responsible { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public bool VerifiesAccessRevoked { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string CompletedBy { get; set; } = "";
    public string Notes { get; set; } = "";
    public int Version { get; set; }
}
