using System.Security.Claims;
using Attest.Audit;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Security;

/// <summary>One organization the signed-in person may switch to.</summary>
public sealed record OrganizationChoice(Guid Id, string Name, OrganizationRole Role);

/// <summary>What the page layout needs to know about the signed-in person.</summary>
public sealed record SignedInPerson(Guid UserId, string Email, string DisplayName, string TimeZone, IReadOnlyList<OrganizationChoice> Organizations, OrganizationChoice? Current);

/// <summary>
/// After authentication: decides the acting organization and role for this request, in one query.
/// A cookie whose security stamp no longer matches (after "sign out everywhere" or a password change) is dropped here.
/// </summary>
public sealed class ActingContextMiddleware(RequestDelegate next)
{
    public const string OrganizationCookie = "attest.org";
    private const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task InvokeAsync(HttpContext http, ActingContext acting, AttestDbContext db, TimeProvider clock)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            if (user.Identity.AuthenticationType == ApiTokenAuthentication.SchemeName)
            {
                acting.EnterOrganization(Guid.Parse(user.FindFirstValue(ApiTokenAuthentication.OrganizationClaim)!),
                    Enum.Parse<OrganizationRole>(user.FindFirstValue(ApiTokenAuthentication.RoleClaim)!));
                acting.IdentifyUser(userId, $"{user.Identity.Name} (API token {user.FindFirstValue(ApiTokenAuthentication.TokenPrefixClaim)})", AuditChannel.Api,
                    Guid.Parse(user.FindFirstValue(ApiTokenAuthentication.TokenClaim)!));
            }
            else if (!await EnterFromCookieAsync(http, acting, db, clock, userId))
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(http);
    }

    private static async Task<bool> EnterFromCookieAsync(HttpContext http, ActingContext acting, AttestDbContext db, TimeProvider clock, Guid userId)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp, u.Email, u.DisplayName, u.TimeZone,
                Memberships = db.Memberships.IgnoreQueryFilters()
                    .Where(m => m.UserId == u.Id)
                    .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, o.TimeZone, m.Role, m.AccessEndsOn })
                    .ToList(),
            })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (person is null || person.SecurityStamp != http.User.FindFirstValue(SecurityStampClaim)) return false;

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var active = person.Memberships
            .Where(m => m.AccessEndsOn is null || today <= m.AccessEndsOn)
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var wanted = Guid.TryParse(http.Request.Cookies[OrganizationCookie], out var chosen) ? chosen : (Guid?)null;
        var current = active.FirstOrDefault(m => m.Id == wanted) ?? active.FirstOrDefault();

        acting.IdentifyUser(userId, person.Email ?? userId.ToString(), AuditChannel.Ui);
        if (current is not null) acting.EnterOrganization(current.Id, current.Role);

        var choices = active.Select(m => new OrganizationChoice(m.Id, m.Name, m.Role)).ToList();
        http.Items[typeof(SignedInPerson)] = new SignedInPerson(userId, person.Email ?? "", person.DisplayName,
            person.TimeZone ?? current?.TimeZone ?? "UTC", choices, choices.FirstOrDefault(c => c.Id == current?.Id));
        return true;
    }
}

public static class SignedInPersonExtensions
{
    public static SignedInPerson? SignedInPerson(this HttpContext http) =>
        http.Items.TryGetValue(typeof(SignedInPerson), out var value) ? value as SignedInPerson : null;
}
