using Attest.Audit;
using Attest.Data;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Improvement;

/// <summary>Nonconformities for tests, raised and moved through their workflow by the core's own use cases.</summary>
public static class NonconformitySeeds
{
    public static Task<Guid> AddNonconformityAsync(this TestApp app, TestOrganization organization, string title, FindingGrade grade = FindingGrade.Minor, Guid? ownerId = null,
        DateOnly? dueOn = null, DateOnly? raisedOn = null, NonconformitySource source = NonconformitySource.Manual, Guid? sourceId = null, string? requirementCode = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<RaiseNonconformity>().RunAsync(new NonconformityInput(title, grade, $"Found: {title}.", source, sourceId,
            RaisedOn: raisedOn, RaisedBy: "Tester", OwnerId: ownerId, DueOn: dueOn, FrameworkKey: requirementCode is null ? null : "iso27001-2022", RequirementCode: requirementCode)));

    /// <summary>Runs core code as <paramref name="person"/> in their role, as a request of theirs would.</summary>
    public static Task AsAsync(this TestApp app, TestOrganization organization, OrganizationRole role, Func<IServiceProvider, AttestDbContext, Task> action) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var person = organization[role];
            db.Acting.EnterOrganization(organization.Id, role);
            db.Acting.IdentifyUser(person.UserId, person.Email, AuditChannel.Ui);
            await action(s, db);
        });

    public static Task<int> NonconformityVersionAsync(this TestApp app, TestOrganization organization, Guid id) =>
        app.WithCoreAsync(organization.Id, (_, db) => db.Nonconformities.Where(n => n.Id == id).Select(n => n.Version).SingleAsync());

    /// <summary>Root cause and correction recorded, one action done, submitted: ready for its effectiveness check.</summary>
    public static async Task ReadyForCheckAsync(this TestApp app, TestOrganization organization, Guid id)
    {
        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<RecordRootCauseAndCorrection>().RunAsync(id, "Why it happened.", "What was fixed at once.",
            await app.NonconformityVersionAsync(organization, id)));
        await app.AddActionAsync(organization, "Fix the cause", null, null, ActionStatus.Done, ActionSource.Nonconformity, id);
        await app.WithCoreAsync(organization.Id, async (s, _) => await s.GetRequiredService<SubmitNonconformityForVerification>().RunAsync(id, false, null,
            await app.NonconformityVersionAsync(organization, id)));
    }

    /// <summary>A minor from an incident against A.5.18, with an action, checked once and found not effective (so every part of its page has rows).</summary>
    public static async Task<Guid> AddSampleNonconformityAsync(this TestApp app, TestOrganization organization, Guid incidentId, string title = "Access reviews done late")
    {
        var id = await app.AddNonconformityAsync(organization, title, FindingGrade.Minor, organization[OrganizationRole.Contributor].UserId,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40), NonconformitySource.Incident, incidentId, "A.5.18");
        await app.ReadyForCheckAsync(organization, id);
        await app.AsAsync(organization, OrganizationRole.Manager, async (s, _) => await s.GetRequiredService<RecordEffectivenessCheck>().RunAsync(id, null, false, "Still late.",
            await app.NonconformityVersionAsync(organization, id)));
        return id;
    }
}
