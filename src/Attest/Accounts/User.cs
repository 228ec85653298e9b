using Microsoft.AspNetCore.Identity;

namespace Attest.Accounts;

/// <summary>A person who signs in. People belong to organizations through memberships.</summary>
public sealed class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";
    /// <summary>IANA time zone in which instants are shown to this person; null means the organization's.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    [Secret]
    public override string? PasswordHash { get => base.PasswordHash; set => base.PasswordHash = value; }
    [Secret]
    public override string? SecurityStamp { get => base.SecurityStamp; set => base.SecurityStamp = value; }
}

public enum ApiTokenScope
{
    Read = 0,
    ReadWrite = 1,
}

/// <summary>A bearer token for /api/v1, acting as its user in one organization. Only its SHA-256 is stored.</summary>
public sealed class ApiToken : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public ApiTokenScope Scope { get; set; }
    /// <summary>The visible start of the token, so people can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    [Secret]
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
