using Attest.Data;
using Attest.Organizations;
using Attest.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class AccountApi
{
    public sealed record Me(Guid UserId, string Actor, Guid OrganizationId, string OrganizationName, OrganizationRole Role, string? TokenScope);
    public sealed record Member(Guid MembershipId, Guid UserId, string Email, string DisplayName, OrganizationRole Role, DateOnly? AccessEndsOn, bool MfaEnabled);

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).RequireAuthorization(Access.Member).WithSummary("Who the token acts as, in which organization and role.");
        api.MapGet("/members", ListMembers).RequireAuthorization(Access.Admin).WithSummary("The organization's members and their roles.");
    }

    private static async Task<Ok<Me>> GetMe(ActingContext acting, AttestDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var organizationId = acting.RequireOrganization();
        var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(new Me(acting.UserId!.Value, acting.Actor, organizationId, name, acting.Role!.Value,
            http.User.FindFirst(ApiTokenAuthentication.ScopeClaim)?.Value));
    }

    private static async Task<Ok<List<Member>>> ListMembers(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.Email)
            .Select(x => new Member(x.m.Id, x.u.Id, x.u.Email ?? "", x.u.DisplayName, x.m.Role, x.m.AccessEndsOn, x.u.TwoFactorEnabled))
            .ToListAsync(cancellationToken));
}
