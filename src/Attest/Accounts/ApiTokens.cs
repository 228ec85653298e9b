using System.Security.Cryptography;
using System.Text;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Accounts;

public sealed record NewApiToken(string Name, ApiTokenScope Scope, int ValidForDays);

/// <summary>The token text is returned exactly once; only its hash is kept.</summary>
public sealed record IssuedApiToken(Guid Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues an API token for the acting user in the acting organization.</summary>
public sealed class CreateApiToken(AttestDbContext db)
{
    public const int MaxValidForDays = 366;

    public async Task<IssuedApiToken> RunAsync(NewApiToken input, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId ?? throw new InvalidOperationException("API tokens are issued to a signed-in person.");
        var validation = new Validation().Required(nameof(input.Name), input.Name, 100).Defined(nameof(input.Scope), input.Scope);
        if (input.ValidForDays is < 1 or > MaxValidForDays) validation.Add(nameof(input.ValidForDays), $"must be between 1 and {MaxValidForDays} days.");
        if (input.Scope == ApiTokenScope.ReadWrite && db.Acting.Role is OrganizationRole.Auditor or OrganizationRole.Employee)
        {
            validation.Add(nameof(input.Scope), $"a {db.Acting.Role} can only have read tokens.");
        }
        validation.ThrowIfInvalid();

        var prefix = "attest_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Instant.Now(db.Clock);
        var record = new ApiToken
        {
            UserId = userId,
            Name = input.Name.Trim(),
            Scope = input.Scope,
            Prefix = prefix,
            SecretHash = ApiTokenHash.Of(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(input.ValidForDays),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiToken(record.Id, token, record.ExpiresAt);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Revokes a token at once. People revoke their own; Admins any in their organization.</summary>
public sealed class RevokeApiToken(AttestDbContext db)
{
    public async Task RunAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken)
            ?? throw new RecordNotFoundException("API token", tokenId);
        if (token.UserId != db.Acting.UserId && db.Acting.Role != OrganizationRole.Admin) throw new RecordNotFoundException("API token", tokenId);
        if (token.RevokedAt is not null) return;
        token.RevokedAt = Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class ApiTokenHash
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private const int PrefixLength = 19; // "attest_" and 12 hex digits; the secret after it may contain '_' too.

    /// <summary>The lookup part of a token: "attest_" and 12 hex digits, before the secret.</summary>
    public static string? PrefixOf(string token) =>
        token.Length > PrefixLength + 1 && token.StartsWith("attest_", StringComparison.Ordinal) && token[PrefixLength] == '_'
            ? token[..PrefixLength] : null;

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(token)), Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>Sets the time zone in which a person sees dates (empty: the organization's).</summary>
public sealed class ChangeDisplayTimeZone(AttestDbContext db)
{
    public async Task RunAsync(Guid userId, string? timeZone, CancellationToken cancellationToken = default)
    {
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim();
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw ValidationFailedException.For("TimeZone", $"'{zone}' is not a known time zone (use an IANA name such as Europe/Berlin, or leave it empty).");
        }
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.TimeZone = zone;
        await db.SaveChangesAsync(cancellationToken);
    }
}
