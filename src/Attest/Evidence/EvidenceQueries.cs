using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Evidence;

public sealed record EvidenceFilter(string? Search = null, EvidenceKind? Kind = null, Guid? ControlId = null, Guid? OwnerId = null, bool StaleOnly = false, Guid? CheckId = null);

public sealed record EvidenceRow(Guid Id, string Reference, string Title, EvidenceKind Kind, EvidenceSource Source, string? Owner, DateOnly CollectedOn, DateOnly? ValidUntil,
    bool Expired, string? FileName, string? Sha256, long? Size, string? Url, bool? Passed, int CurrentVersion, int Version);

public sealed record EvidencePage(IReadOnlyList<EvidenceRow> Rows, bool HasMore);

public sealed record EvidenceVersionView(int Number, string? FileName, string? Sha256, long? Size, string? ContentType, string? Url, string Note, DateOnly CollectedOn,
    DateOnly? ValidUntil, DateTimeOffset CreatedAt, string CreatedBy, Guid? FileId);

public sealed record EvidenceLinkView(EvidenceTarget Target, Guid TargetId, string Label);

public sealed record EvidenceDetail(Guid Id, string Reference, string Title, string Description, EvidenceKind Kind, EvidenceSource Source, Guid? OwnerId, string? Owner,
    DateOnly CollectedOn, DateOnly? ValidUntil, bool Expired, Guid? CheckId, string? CheckName, bool? Passed, string Note, string? Url,
    IReadOnlyList<EvidenceVersionView> Versions, IReadOnlyList<EvidenceLinkView> Links, int Version);

/// <summary>Reading evidence: a keyset-free page of the newest first (one query, no count over 100,000 rows), one item whole, a control's evidence.</summary>
public static class EvidenceQueries
{
    public static async Task<EvidencePage> PageAsync(AttestDbContext db, EvidenceFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var query = db.EvidenceItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(e => e.Reference.ToLower().Contains(term) || e.Title.ToLower().Contains(term) || (e.FileName != null && e.FileName.ToLower().Contains(term)));
        }
        if (filter.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (filter.OwnerId is { } owner) query = query.Where(e => e.OwnerId == owner);
        if (filter.CheckId is { } check) query = query.Where(e => e.CheckId == check);
        // A control's evidence is read from its links (index on target), not by probing every item newest first.
        if (filter.ControlId is { } control)
        {
            query = db.EvidenceLinks.Where(l => l.Target == EvidenceTarget.Control && l.TargetId == control).Join(query, l => l.EvidenceId, e => e.Id, (_, e) => e);
        }
        if (filter.StaleOnly) query = query.Where(e => e.ValidUntil != null && e.ValidUntil < today);
        var rows = await query.OrderByDescending(e => e.CollectedOn).ThenByDescending(e => e.Reference)
            .Skip((page - 1) * size).Take(size + 1)
            .Select(e => new
            {
                e.Id, e.Reference, e.Title, e.Kind, e.Source, e.CollectedOn, e.ValidUntil, e.FileName, e.Url, e.Passed, e.CurrentVersion, e.Version,
                Owner = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                File = db.EvidenceFiles.Where(f => f.Id == e.FileId).Select(f => new { f.Sha256, f.Size }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new EvidencePage(rows.Select(e => new EvidenceRow(e.Id, e.Reference, e.Title, e.Kind, e.Source, e.Owner, e.CollectedOn, e.ValidUntil, e.ValidUntil < today,
            e.FileName, e.File?.Sha256, e.File?.Size, e.Url, e.Passed, e.CurrentVersion, e.Version)).ToList(), more);
    }

    public static async Task<EvidenceDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var found = await db.EvidenceItems.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Item = e,
                Owner = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Check = db.Checks.Where(c => c.Id == e.CheckId).Select(c => c.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Evidence", id);
        var versions = await db.EvidenceVersions.AsNoTracking().Where(v => v.EvidenceId == id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                v.Number, v.FileName, v.Url, v.Note, v.CollectedOn, v.ValidUntil, v.CreatedAt, v.CreatedBy, v.FileId,
                File = db.EvidenceFiles.Where(f => f.Id == v.FileId).Select(f => new { f.Sha256, f.Size, f.ContentType }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var links = await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == id)
            .Select(l => new
            {
                l.Target, l.TargetId,
                Control = db.Controls.Where(c => l.Target == EvidenceTarget.Control && c.Id == l.TargetId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Requirement = db.Requirements.Where(r => l.Target == EvidenceTarget.Requirement && r.Id == l.TargetId).Select(r => r.Code + " " + r.Title).FirstOrDefault(),
                Risk = db.Risks.Where(r => l.Target == EvidenceTarget.Risk && r.Id == l.TargetId).Select(r => r.Reference + " " + r.Title).FirstOrDefault(),
                Document = db.Documents.Where(d => l.Target == EvidenceTarget.Document && d.Id == l.TargetId).Select(d => d.Reference + " " + d.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var e = found.Item;
        return new EvidenceDetail(e.Id, e.Reference, e.Title, e.Description, e.Kind, e.Source, e.OwnerId, found.Owner, e.CollectedOn, e.ValidUntil, e.ValidUntil < today,
            e.CheckId, found.Check, e.Passed, e.Note, e.Url,
            versions.Select(v => new EvidenceVersionView(v.Number, v.FileName, v.File?.Sha256, v.File?.Size, v.File?.ContentType, v.Url, v.Note, v.CollectedOn, v.ValidUntil,
                v.CreatedAt, v.CreatedBy, v.FileId)).ToList(),
            links.Select(l => new EvidenceLinkView(l.Target, l.TargetId, l.Control ?? l.Requirement ?? l.Risk ?? l.Document ?? l.Target.ToString()))
                .OrderBy(l => l.Target).ThenBy(l => l.Label, StringComparer.Ordinal).ToList(),
            e.Version);
    }

    /// <summary>A stored file of this organization by its id: what a download needs.</summary>
    public static async Task<(string Sha256, string ContentType, long Size)?> FileAsync(AttestDbContext db, Guid fileId, CancellationToken cancellationToken = default)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => new { f.Sha256, f.ContentType, f.Size }).FirstOrDefaultAsync(cancellationToken);
        return file is null ? null : (file.Sha256, file.ContentType, file.Size);
    }
}
