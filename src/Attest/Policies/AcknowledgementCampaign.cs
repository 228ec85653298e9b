using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

/// <summary>How far people are with reading and accepting the published documents: per document, department and person, and who is overdue.</summary>
public static class AcknowledgementCampaign
{
    public sealed record Tally(int Assigned, int Accepted, int Overdue)
    {
        public int Percent => Assigned == 0 ? 100 : (int)Math.Floor(100.0 * Accepted / Assigned);
    }

    public sealed record DocumentLine(Guid Id, string Reference, string Title, string Number, Tally Tally);

    public sealed record GroupLine(string Department, Tally Tally);

    public sealed record PersonLine(Guid UserId, string Name, string? Email, string? Department, Tally Tally);

    public sealed record OverdueLine(Guid DocumentId, string Reference, string Title, string Person, string? Email, DateOnly DueOn, DateTimeOffset? OpenedAt, DateTimeOffset? RemindedAt);

    public sealed record Summary(Tally Overall, IReadOnlyList<DocumentLine> Documents, IReadOnlyList<GroupLine> Departments,
        IReadOnlyList<PersonLine> People, bool MorePeople, IReadOnlyList<OverdueLine> Overdue, int OverdueTotal);

    public static async Task<Summary> RunAsync(AttestDbContext db, int peoplePage = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var today = DocumentDates.Today(db);
        var assignments = db.DocumentAssignments.AsNoTracking();
        var byDocument = await assignments.GroupBy(a => a.DocumentId)
            .Select(g => new { g.Key, Assigned = g.Count(), Accepted = g.Count(a => a.AcceptedAt != null), Overdue = g.Count(a => a.AcceptedAt == null && a.DueOn < today) })
            .Join(db.Documents, g => g.Key, d => d.Id, (g, d) => new { g, d.Reference, d.Title, d.PublishedVersionId })
            .Join(db.DocumentVersions, x => x.PublishedVersionId, v => v.Id, (x, v) => new { x.g, x.Reference, x.Title, v.Major, v.Minor })
            .OrderBy(x => x.Reference)
            .Select(x => new DocumentLine(x.g.Key, x.Reference, x.Title, x.Major + "." + x.Minor, new Tally(x.g.Assigned, x.g.Accepted, x.g.Overdue)))
            .ToListAsync(cancellationToken);
        var byDepartment = await assignments
            .Join(db.Memberships, a => a.UserId, m => m.UserId, (a, m) => new { a.AcceptedAt, a.DueOn, m.Department })
            .GroupBy(x => x.Department)
            .Select(g => new { g.Key, Assigned = g.Count(), Accepted = g.Count(a => a.AcceptedAt != null), Overdue = g.Count(a => a.AcceptedAt == null && a.DueOn < today) })
            .ToListAsync(cancellationToken);
        var people = await assignments.GroupBy(a => a.UserId)
            .Select(g => new { g.Key, Assigned = g.Count(), Accepted = g.Count(a => a.AcceptedAt != null), Overdue = g.Count(a => a.AcceptedAt == null && a.DueOn < today) })
            .Join(db.Users, g => g.Key, u => u.Id, (g, u) => new { g, u.DisplayName, u.Email })
            .OrderByDescending(x => x.g.Overdue).ThenBy(x => x.DisplayName)
            .Skip((peoplePage - 1) * pageSize).Take(pageSize + 1)
            .Select(x => new { x.g.Key, x.DisplayName, x.Email, x.g.Assigned, x.g.Accepted, x.g.Overdue,
                Department = db.Memberships.Where(m => m.UserId == x.g.Key).Select(m => m.Department).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var more = people.Count > pageSize;
        if (more) people.RemoveAt(pageSize);
        var overdueQuery = assignments.Where(a => a.AcceptedAt == null && a.DueOn < today);
        var overdueTotal = await overdueQuery.CountAsync(cancellationToken);
        var overdue = await overdueQuery
            .Join(db.Documents, a => a.DocumentId, d => d.Id, (a, d) => new { a, d.Reference, d.Title })
            .Join(db.Users, x => x.a.UserId, u => u.Id, (x, u) => new { x.a, x.Reference, x.Title, u.DisplayName, u.Email })
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.DisplayName).Take(100)
            .Select(x => new OverdueLine(x.a.DocumentId, x.Reference, x.Title, x.DisplayName, x.Email, x.a.DueOn, x.a.OpenedAt, x.a.RemindedAt))
            .ToListAsync(cancellationToken);
        var overall = new Tally(byDepartment.Sum(d => d.Assigned), byDepartment.Sum(d => d.Accepted), byDepartment.Sum(d => d.Overdue));
        return new Summary(overall, byDocument,
            byDepartment.OrderBy(d => d.Key ?? "\uffff").Select(d => new GroupLine(d.Key ?? "(no department)", new Tally(d.Assigned, d.Accepted, d.Overdue))).ToList(),
            people.Select(p => new PersonLine(p.Key, p.DisplayName, p.Email, p.Department, new Tally(p.Assigned, p.Accepted, p.Overdue))).ToList(), more,
            overdue, overdueTotal);
    }

    /// <summary>Everything one person has accepted, version by version, for as long as the organization exists.</summary>
    public sealed record AcceptanceLine(Guid DocumentId, string Reference, string Title, string Number, DateTimeOffset OpenedAt, DateTimeOffset AcceptedAt);

    public static Task<List<AcceptanceLine>> HistoryOfAsync(AttestDbContext db, Guid userId, CancellationToken cancellationToken = default) =>
        db.DocumentAcceptances.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.DocumentVersions, a => a.VersionId, v => v.Id, (a, v) => new { a, v.Major, v.Minor })
            .Join(db.Documents, x => x.a.DocumentId, d => d.Id, (x, d) => new { x.a, x.Major, x.Minor, d.Reference, d.Title })
            .OrderByDescending(x => x.a.AcceptedAt)
            .Select(x => new AcceptanceLine(x.a.DocumentId, x.Reference, x.Title, x.Major + "." + x.Minor, x.a.OpenedAt, x.a.AcceptedAt))
            .ToListAsync(cancellationToken);
}
