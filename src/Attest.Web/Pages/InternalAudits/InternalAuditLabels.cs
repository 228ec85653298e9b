using Attest.Data;
using Attest.InternalAudits;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.InternalAudits;

/// <summary>How the internal audit pages name statuses and results, and whom they offer as owners and auditors.</summary>
public static class InternalAuditLabels
{
    public sealed record Person(Guid Id, string Name);

    public static string Of(InternalAuditStatus status) => InternalAuditReport.Label(status);

    public static string Of(AuditResult result) => InternalAuditReport.Label(result);

    /// <summary>Members who may own an audit or a programme, or audit: everyone but Employees.</summary>
    public static Task<List<Person>> PeopleAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.Role != OrganizationRole.Employee)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
}
