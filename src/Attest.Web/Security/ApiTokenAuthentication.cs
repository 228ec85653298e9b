using System.Security.Claims;
using System.Text.Encodings.Web;
using Attest.Accounts;
using Attest.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Security;

/// <summary>Bearer tokens for /api/v1: looked up by prefix, compared by SHA-256, checked for expiry, revocation and membership.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AttestDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string OrganizationClaim = "attest:organization";
    public const string TokenClaim = "attest:token";
    public const string TokenPrefixClaim = "attest:token-prefix";
    public const string ScopeClaim = "attest:token-scope";
    public const string RoleClaim = "attest:role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var prefix = ApiTokenHash.PrefixOf(token);
        if (prefix is null) return AuthenticateResult.Fail("The bearer token is not an Attest API token.");

        var now = Instant.Now(clock);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var found = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Prefix == prefix)
            .Select(t => new
            {
                t.Id, t.UserId, t.OrganizationId, t.Scope, t.SecretHash, t.ExpiresAt, t.RevokedAt, t.LastUsedAt,
                Email = db.Users.Where(u => u.Id == t.UserId).Select(u => u.Email).FirstOrDefault(),
                Membership = db.Memberships.IgnoreQueryFilters()
                    .Where(m => m.UserId == t.UserId && m.OrganizationId == t.OrganizationId)
                    .Select(m => new { m.Role, m.AccessEndsOn }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !ApiTokenHash.Matches(token, found.SecretHash)) return AuthenticateResult.Fail("The API token is not valid.");
        if (found.RevokedAt is not null) return AuthenticateResult.Fail("The API token has been revoked.");
        if (found.ExpiresAt <= now) return AuthenticateResult.Fail("The API token has expired.");
        if (found.Membership is null || (found.Membership.AccessEndsOn is { } end && end < today))
        {
            return AuthenticateResult.Fail("The token's owner no longer has access to its organization.");
        }

        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
        {
            // Usage bookkeeping, not a change of the record: kept out of the audit trail, and at most once a minute.
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new Claim(ClaimTypes.Name, found.Email ?? found.UserId.ToString()),
            new Claim(OrganizationClaim, found.OrganizationId.ToString()),
            new Claim(TokenClaim, found.Id.ToString()),
            new Claim(TokenPrefixClaim, prefix),
            new Claim(ScopeClaim, found.Scope.ToString()),
            new Claim(RoleClaim, found.Membership.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"attest\"";
        return Task.CompletedTask;
    }
}
