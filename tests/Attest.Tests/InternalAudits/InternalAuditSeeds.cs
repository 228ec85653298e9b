using Attest.InternalAudits;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.InternalAudits;

/// <summary>Internal audit programmes and audits for tests.</summary>
public static class InternalAuditSeeds
{
    public sealed record SeededInternalAudit(Guid ProgrammeId, Guid AuditId, Guid ItemId);

    /// <summary>
    /// A quarterly ISO 27001 programme over this year and the next, and an audit of it in progress (an outside auditor with a statement) whose checklist
    /// holds A.5.18 (conforming) and A.8.2 (not assessed).
    /// </summary>
    public static Task<SeededInternalAudit> AddAuditAsync(TestApp app, TestOrganization organization, string name = "Internal audit programme") =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db));
            var programme = await s.GetRequiredService<SaveAuditProgramme>().RunAsync(null, new AuditProgrammeInput(name, new DateOnly(today.Year, 1, 1),
                new DateOnly(today.Year + 1, 12, 31), 4, "iso27001-2022", "Every clause and control over two years.", organization[OrganizationRole.Manager].UserId));
            var audit = await s.GetRequiredService<SaveInternalAudit>().RunAsync(null, new InternalAuditInput($"{name} audit", today.AddDays(-3), today.AddDays(3), programme,
                AuditorName: "Outside Auditor Ltd", IndependenceStatement: "No other work for the organization.", OwnerId: organization[OrganizationRole.Manager].UserId));
            await s.GetRequiredService<AddChecklistItems>().RunAsync(audit, new ChecklistAddition("iso27001-2022", "A.5.18, A.8.2"));
            await s.GetRequiredService<StartInternalAudit>().RunAsync(audit, today.AddDays(-1), 1);
            var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AuditChecklistItems.Where(i => i.AuditId == audit).OrderBy(i => i.Position));
            await s.GetRequiredService<RecordAuditResult>().RunAsync(items[0].Id, new AuditResultInput(AuditResult.Conforming, "Sampled.", Version: items[0].Version));
            return new SeededInternalAudit(programme, audit, items[1].Id);
        });
}
