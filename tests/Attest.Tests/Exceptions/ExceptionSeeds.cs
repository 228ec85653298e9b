using Attest.Exceptions;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Exceptions;

/// <summary>Exceptions for tests: requested by the Contributor (who owns them), approved by the Manager as CISO when asked.</summary>
public static class ExceptionSeeds
{
    /// <summary>Gives a member a job title (the methodology reads authority from it).</summary>
    public static Task SetJobTitleAsync(this TestApp app, TestOrganization organization, OrganizationRole role, string? title) =>
        app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            (await db.Memberships.SingleAsync(m => m.UserId == organization[role].UserId)).JobTitle = title;
            await db.SaveChangesAsync();
        });

    /// <summary>Runs <paramref name="action"/> as <paramref name="role"/>'s person.</summary>
    public static Task<T> AsAsync<T>(this TestApp app, TestOrganization organization, OrganizationRole role, Func<IServiceProvider, Attest.Data.AttestDbContext, Task<T>> action) =>
        app.WithCoreAsync(organization.Id, (s, db) =>
        {
            db.Acting.IdentifyUser(organization[role].UserId, organization[role].Email, Attest.Audit.AuditChannel.Ui);
            return action(s, db);
        });

    public static async Task<Guid> AddExceptionAsync(this TestApp app, TestOrganization organization, Guid controlId, string title = "Legacy tool without SSO",
        string level = "Medium", DateOnly? approveUntil = null)
    {
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            if (!await db.RiskMethodologies.AnyAsync()) await s.GetRequiredService<Attest.Risks.SaveRiskMethodology>().FromTemplateAsync("5x5");
        });
        var id = await app.AsAsync(organization, OrganizationRole.Contributor, (s, _) => s.GetRequiredService<RequestException>().RunAsync(
            new ExceptionInput(title, ExceptionSubject.Control, ControlId: controlId, Reason: "It cannot use SSO.", CompensatingControls: "Long passwords, monthly review.",
                RiskLevel: level, OwnerId: organization[OrganizationRole.Contributor].UserId)));
        if (approveUntil is { } until)
        {
            await app.SetJobTitleAsync(organization, OrganizationRole.Manager, "CISO");
            await app.AsAsync(organization, OrganizationRole.Manager, async (s, db) =>
            {
                var version = await db.ComplianceExceptions.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
                await s.GetRequiredService<ApproveException>().RunAsync(id, until, "Approved.", version);
                return true;
            });
        }
        return id;
    }
}
