using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Controls;

/// <summary>The control register, one page per query, and one control with its requirement links.</summary>
public static class ControlRegister
{
    public sealed record Row(Guid Id, string Reference, string Name, string? Owner, ImplementationStatus Status, int Requirements, DateOnly? NextReviewOn, int Version);

    public sealed record Page(IReadOnlyList<Row> Rows, bool HasMore);

    public sealed record Linked(Guid RequirementId, string FrameworkKey, string Code);

    public static async Task<Page> PageAsync(AttestDbContext db, string? search, ImplementationStatus? status, int page, int size, CancellationToken cancellationToken = default)
    {
        var query = db.Controls.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(c => c.Reference.ToLower().Contains(term) || c.Name.ToLower().Contains(term) || c.Tags.ToLower().Contains(term));
        }
        if (status is { } wanted) query = query.Where(c => c.Status == wanted);
        var rows = await query.OrderBy(c => c.Reference).Skip((page - 1) * size).Take(size + 1)
            .Select(c => new Row(c.Id, c.Reference, c.Name, db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                c.Status, db.ControlRequirements.Count(l => l.ControlId == c.Id), c.NextReviewOn, c.Version))
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new Page(rows, more);
    }

    public static Task<List<Linked>> LinksAsync(AttestDbContext db, Guid controlId, CancellationToken cancellationToken = default) =>
        db.ControlRequirements.AsNoTracking().Where(l => l.ControlId == controlId)
            .Join(db.Requirements, l => l.RequirementId, r => r.Id, (l, r) => r)
            .Join(db.Frameworks, r => r.FrameworkId, f => f.Id, (r, f) => new { r, f })
            .OrderBy(x => x.f.Key).ThenBy(x => x.r.SortOrder)
            .Select(x => new Linked(x.r.Id, x.f.Key, x.r.Code))
            .ToListAsync(cancellationToken);
}
