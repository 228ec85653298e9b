using System.Security.Cryptography;
using System.Text;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

/// <summary>The token text is returned exactly once; only its hash is kept.</summary>
public sealed record IssuedScimToken(Guid Id, string Name, string Token);

/// <summary>Issues a SCIM provisioning token for the acting organization (for an identity provider such as Entra ID or Okta).</summary>
public sealed class CreateScimToken(AttestDbContext db)
{
    public async Task<IssuedScimToken> RunAsync(string? name, CancellationToken cancellationToken = default)
    {
        var label = string.IsNullOrWhiteSpace(name) ? "Identity provider" : name.Trim();
        new Validation().Required("Name", label, 100).ThrowIfInvalid();
        var prefix = "scim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ScimToken { Name = label, Prefix = prefix, SecretHash = ScimTokenHash.Of(token), CreatedAt = Instant.Now(db.Clock), CreatedBy = db.Acting.Actor };
        db.ScimTokens.Add(record);
        await db.SaveAsync("SCIM token", cancellationToken);
        return new IssuedScimToken(record.Id, label, token);
    }
}

/// <summary>Revokes a SCIM token at once; the identity provider's next request is refused.</summary>
public sealed class RevokeScimToken(AttestDbContext db)
{
    public async Task RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var token = await db.ScimTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException("SCIM token", id);
        if (token.RevokedAt is not null) return;
        token.RevokedAt = Instant.Now(db.Clock);
        await db.SaveAsync("SCIM token", cancellationToken);
    }
}

public static class ScimTokenHash
{
    /// <summary>"scim_" and 12 hex digits: the lookup part of a token, before its secret.</summary>
    private const int PrefixLength = 17;

    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string? PrefixOf(string token) =>
        token.Length > PrefixLength + 1 && token.StartsWith("scim_", StringComparison.Ordinal) && token[PrefixLength] == '_' ? token[..PrefixLength] : null;

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(token)), Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>Who a SCIM request comes from: a live token of one organization.</summary>
public sealed record ScimCaller(Guid TokenId, Guid OrganizationId, string Name, string Prefix);

/// <summary>Finds the live token a request presents; null for a missing, unknown, wrong or revoked one.</summary>
public static class ScimAuthentication
{
    public static async Task<ScimCaller?> AuthenticateAsync(AttestDbContext db, string? authorization, CancellationToken cancellationToken = default)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization["Bearer ".Length..].Trim();
        if (ScimTokenHash.PrefixOf(token) is not { } prefix) return null;
        // The token names its organization: before it is known, only this lookup may cross organizations.
        var found = await db.ScimTokens.IgnoreQueryFilters().AsNoTracking().Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.OrganizationId, t.Name, t.SecretHash, t.RevokedAt, t.LastUsedAt }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !ScimTokenHash.Matches(token, found.SecretHash) || found.RevokedAt is not null) return null;
        var now = Instant.Now(db.Clock);
        // A bulk update, not a tracked change: a provisioning cycle is thousands of requests and none of them is worth an audit entry.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
        {
            await db.ScimTokens.IgnoreQueryFilters().Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return new ScimCaller(found.Id, found.OrganizationId, found.Name, prefix);
    }
}
