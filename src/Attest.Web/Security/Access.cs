using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;

namespace Attest.Web.Security;

/// <summary>
/// Who may use what. Every page and endpoint names one of these policies (or allows anonymous use);
/// the route-table test reads this table to prove each role gets exactly what it says.
/// </summary>
public static class Access
{
    /// <summary>Any signed-in person, even one with no organization yet (their own account pages).</summary>
    public const string SignedIn = "signed-in";
    /// <summary>Every role, Employee included: the dashboard and their own tasks.</summary>
    public const string Member = "member";
    /// <summary>Takes part in the ISMS's work (accepts and approves documents): every role except Auditor, who only reads.</summary>
    public const string Participant = "participant";
    /// <summary>Reads every ISMS record and its history: Admin, Manager, Contributor, Auditor.</summary>
    public const string Reader = "reader";
    /// <summary>Edits records: Admin and Manager any, Contributor those they own.</summary>
    public const string Editor = "editor";
    /// <summary>Every ISMS record (the CISO / compliance lead): Admin, Manager.</summary>
    public const string Manager = "manager";
    /// <summary>Users and settings: Admin.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyDictionary<string, OrganizationRole[]> Roles = new Dictionary<string, OrganizationRole[]>
    {
        [Member] = [OrganizationRole.Admin, OrganizationRole.Manager, OrganizationRole.Contributor, OrganizationRole.Auditor, OrganizationRole.Employee],
        [Participant] = [OrganizationRole.Admin, OrganizationRole.Manager, OrganizationRole.Contributor, OrganizationRole.Employee],
        [Reader] = [OrganizationRole.Admin, OrganizationRole.Manager, OrganizationRole.Contributor, OrganizationRole.Auditor],
        [Editor] = [OrganizationRole.Admin, OrganizationRole.Manager, OrganizationRole.Contributor],
        [Manager] = [OrganizationRole.Admin, OrganizationRole.Manager],
        [Admin] = [OrganizationRole.Admin],
    };

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(new OrganizationRoleRequirement(roles)));
        }
        // A page or endpoint that forgot to say who may use it is closed to everyone but Admins.
        options.FallbackPolicy = options.GetPolicy(Admin);
    }

    public static bool Allows(string policy, OrganizationRole role) => Roles[policy].Contains(role);
}

/// <summary>The acting person's role in the selected organization must be one of <see cref="Roles"/>.</summary>
public sealed class OrganizationRoleRequirement(OrganizationRole[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<OrganizationRole> Roles { get; } = roles;
}

public sealed class OrganizationRoleHandler : AuthorizationHandler<OrganizationRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationRoleRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? (context.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext;
        var acting = http?.RequestServices.GetService<ActingContext>();
        if (acting?.Role is { } role && requirement.Roles.Contains(role))
        {
            // A read-only API token never writes, whatever its owner's role.
            if (http!.User.FindFirst(ApiTokenAuthentication.ScopeClaim)?.Value == nameof(Accounts.ApiTokenScope.Read) &&
                !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return Task.CompletedTask;
            }
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Operations on a single record, decided by who owns it.</summary>
public static class RecordOperations
{
    public static readonly Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>Admins and Managers edit any record; Contributors only those they own.</summary>
public sealed class OwnedRecordHandler(ActingContext acting)
    : AuthorizationHandler<Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement, IOwnedRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement requirement, IOwnedRecord resource)
    {
        if (requirement.Name == RecordOperations.Edit.Name && CanEdit(acting, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool CanEdit(ActingContext acting, IOwnedRecord record) => acting.Role switch
    {
        OrganizationRole.Admin or OrganizationRole.Manager => true,
        OrganizationRole.Contributor => record.OwnerId is not null && record.OwnerId == acting.UserId,
        _ => false,
    };
}
