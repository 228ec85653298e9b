namespace Attest.Organizations;

/// <summary>A company (or a consultant's client) whose ISMS and AIMS Attest runs. Every record belongs to one.</summary>
public sealed class Organization : IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>IANA time zone used to show dates to people who have not chosen their own.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>The public trust page at /trust/{TrustSlug} is shown only when switched on.</summary>
    public bool TrustPageEnabled { get; set; }
    public string? TrustSlug { get; set; }
    /// <summary>Markdown: who the organization is, for clients reading the trust page.</summary>
    public string TrustSummary { get; set; } = "";
    /// <summary>Certification status in the organization's own words (Markdown).</summary>
    public string CertificationStatement { get; set; } = "";
    /// <summary>Command checks run shell commands on the Attest host; they run only when an Admin switches this on.</summary>
    public bool CommandChecksEnabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

public enum OrganizationRole
{
    Employee = 0,
    Auditor = 1,
    Contributor = 2,
    Manager = 3,
    Admin = 4,
}

/// <summary>A person's role in one organization. Auditor access can be given an end date.</summary>
public sealed class Membership : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public OrganizationRole Role { get; set; }
    /// <summary>Last day on which the membership grants access (inclusive); null for no end.</summary>
    public DateOnly? AccessEndsOn { get; set; }
    /// <summary>Job title, e.g. CISO, CEO: documents can require the approval of whoever holds one.</summary>
    public string? JobTitle { get; set; }
    /// <summary>Department or group, for distributing documents and reporting acceptance.</summary>
    public string? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public bool IsActiveOn(DateOnly day) => AccessEndsOn is null || day <= AccessEndsOn.Value;
}
