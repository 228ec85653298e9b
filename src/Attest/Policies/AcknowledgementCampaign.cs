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

    /// <summary>
    /// Two aggregates over the assignments, each answered from a covering index (per document, per person); departments,
    /// overall figures and the people page are folded from the per-person tallies in memory (one row per person).
    /// </summary>
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
        var byPerson = await assignments.GroupBy(a => a.UserId)
            .Select(g => new { g.Key, Assigned = g.Count(), Accepted = g.Count(a => a.AcceptedAt != null), Overdue = g.Count(a => a.AcceptedAt == null && a.DueOn < today) })
            .ToListAsync(cancellationToken);
        var departments = await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.Department }).ToDictionaryAsync(m => m.UserId, m => m.Department, cancellationToken);

        var byDepartment = byPerson.GroupBy(p => departments.GetValueOrDefault(p.Key))
            .OrderBy(g => g.Key ?? "\uffff", StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupLine(g.Key ?? "(no department)", new Tally(g.Sum(p => p.Assigned), g.Sum(p => p.Accepted), g.Sum(p => p.Overdue))))
            .ToList();
        var overall = new Tally(byPerson.Sum(p => p.Assigned), byPerson.Sum(p => p.Accepted), byPerson.Sum(p => p.Overdue));

        // The people page: most overdue first; names for that page only.
        var ordered = byPerson.OrderByDescending(p => p.Overdue).ThenByDescending(p => p.Assigned - p.Accepted).ThenBy(p => p.Key).ToList();
        var page = ordered.Skip((peoplePage - 1) * pageSize).Take(pageSize).ToList();
        var ids = page.Select(p => p.Key).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var people = page.Where(p => names.ContainsKey(p.Key))
            .Select(p => new PersonLine(p.Key, names[p.Key].DisplayName, names[p.Key].Email, departments.GetValueOrDefault(p.Key), new Tally(p.Assigned, p.Accepted, p.Overdue)))
            .ToList();

        var overdue = await assignments.Where(a => a.AcceptedAt == null && a.DueOn < today)
            .OrderBy(a => a.DueOn).Take(100)
            .Join(db.Documents, a => a.DocumentId, d => d.Id, (a, d) => new { a, d.Reference, d.Title })
            .Join(db.Users, x => x.a.UserId, u => u.Id, (x, u) => new { x.a, x.Reference, x.Title, u.DisplayName, u.Email })
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.DisplayName)
            .Select(x => new OverdueLine(x.a.DocumentId, x.Reference, x.Title, x.DisplayName, x.Email, x.a.DueOn, x.a.OpenedAt, x.a.RemindedAt))
            .ToListAsync(cancellationToken);
        return new Summary(overall, byDocument, byDepartment, people, ordered.Count > peoplePage * pageSize, overdue, overall.Overdue);
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
