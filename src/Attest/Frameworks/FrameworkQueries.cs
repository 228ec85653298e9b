using Attest.Controls;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Frameworks;

public sealed record FrameworkSummary(Guid Id, string Key, string Name, string CatalogVersion, string? Publisher, FrameworkSource Source, int Requirements, int Assessable);

public sealed record RequirementRow(Guid Id, string Code, string Title, RequirementKind Kind, int Depth, bool Withdrawn, bool Assessable, string? Description, int Controls);

public sealed record RequirementDetail(
    Guid Id, string FrameworkKey, string FrameworkName, string Code, string Title, RequirementKind Kind, string? Description, string? Guidance,
    string? Parameters, bool Withdrawn, IReadOnlyList<RequirementDetail.Link> Path, IReadOnlyList<RequirementDetail.ControlLink> Controls,
    IReadOnlyList<RequirementDetail.Mapped> MappedTo, IReadOnlyList<RequirementDetail.PolicyLink> Policies)
{
    public sealed record PolicyLink(Guid Id, string Reference, string Title, string Number, Policies.DocumentVersionStatus Status);
    public sealed record Link(Guid Id, string Code, string Title);
    public sealed record ControlLink(Guid Id, string Reference, string Name, ImplementationStatus Status);
    public sealed record Mapped(Guid Id, string FrameworkKey, string FrameworkName, string Code, string Title, MappingRelationship Relationship, string Source);
}

public sealed record CoverageGap(Guid Id, string Code, string Title);

public sealed record FrameworkCoverage(string Key, string Name, int Assessable, int CoveredDirectly, int CoveredWithMappings, IReadOnlyList<CoverageGap> Gaps);

/// <summary>Reading frameworks: lists, the requirement tree with search, one requirement with its links, and coverage.</summary>
public static class FrameworkQueries
{
    public static Task<List<FrameworkSummary>> ListAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.Frameworks.AsNoTracking().OrderBy(f => f.Source).ThenBy(f => f.Name)
            .Select(f => new FrameworkSummary(f.Id, f.Key, f.Name, f.CatalogVersion, f.Publisher, f.Source, f.RequirementCount,
                db.Requirements.Count(r => r.FrameworkId == f.Id && r.Assessable && !r.Withdrawn)))
            .ToListAsync(cancellationToken);

    public static async Task<Framework> FindAsync(AttestDbContext db, string key, CancellationToken cancellationToken = default) =>
        await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken) ?? throw new RecordNotFoundException("Framework", key);

    /// <summary>The tree in document order; with <paramref name="search"/>, only requirements whose code, title or text contain it.</summary>
    public static async Task<List<RequirementRow>> TreeAsync(AttestDbContext db, Guid frameworkId, string? search, CancellationToken cancellationToken = default)
    {
        var query = db.Requirements.AsNoTracking().Where(r => r.FrameworkId == frameworkId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(r => r.Code.ToLower().Contains(term) || r.Title.ToLower().Contains(term) || (r.Description != null && r.Description.ToLower().Contains(term)));
        }
        return await query.OrderBy(r => r.SortOrder)
            .Select(r => new RequirementRow(r.Id, r.Code, r.Title, r.Kind, r.Depth, r.Withdrawn, r.Assessable, r.Description,
                db.ControlRequirements.Count(l => l.RequirementId == r.Id)))
            .ToListAsync(cancellationToken);
    }

    public static async Task<RequirementDetail> RequirementAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Requirement", id);
        var framework = await db.Frameworks.AsNoTracking().SingleAsync(f => f.Id == requirement.FrameworkId, cancellationToken);
        var path = new List<RequirementDetail.Link>();
        for (var parentId = requirement.ParentId; parentId is not null;)
        {
            var parent = await db.Requirements.AsNoTracking().Where(r => r.Id == parentId).Select(r => new { r.Id, r.Code, r.Title, r.ParentId }).SingleAsync(cancellationToken);
            path.Insert(0, new RequirementDetail.Link(parent.Id, parent.Code, parent.Title));
            parentId = parent.ParentId;
        }
        var controls = await db.ControlRequirements.AsNoTracking().Where(l => l.RequirementId == id)
            .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => c)
            .OrderBy(c => c.Reference)
            .Select(c => new RequirementDetail.ControlLink(c.Id, c.Reference, c.Name, c.Status))
            .ToListAsync(cancellationToken);
        var outgoing = db.FrameworkMappings.Where(m => m.FromRequirementId == id).Select(m => new { Other = m.ToRequirementId, m.Relationship, m.Source });
        var incoming = db.FrameworkMappings.Where(m => m.ToRequirementId == id).Select(m => new { Other = m.FromRequirementId, m.Relationship, m.Source });
        var mapped = await outgoing.Concat(incoming)
            .Join(db.Requirements, m => m.Other, r => r.Id, (m, r) => new { m, r })
            .Join(db.Frameworks, x => x.r.FrameworkId, f => f.Id, (x, f) => new { x.m, x.r, f })
            .OrderBy(x => x.f.Name).ThenBy(x => x.r.SortOrder)
            .Select(x => new RequirementDetail.Mapped(x.r.Id, x.f.Key, x.f.Name, x.r.Code, x.r.Title, x.m.Relationship, x.m.Source))
            .ToListAsync(cancellationToken);
        // Documents whose published or working version serves the requirement.
        var policies = await db.DocumentRequirements.AsNoTracking().Where(l => l.RequirementId == id)
            .Join(db.DocumentVersions, l => l.VersionId, v => v.Id, (l, v) => v)
            .Join(db.Documents.Where(d => !d.Retired), v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .Where(x => x.v.Id == x.d.PublishedVersionId || x.v.Id == x.d.LatestVersionId)
            .OrderBy(x => x.d.Reference).ThenByDescending(x => x.v.Major).ThenByDescending(x => x.v.Minor)
            .Select(x => new RequirementDetail.PolicyLink(x.d.Id, x.d.Reference, x.d.Title, x.v.Major + "." + x.v.Minor, x.v.Status))
            .ToListAsync(cancellationToken);
        return new RequirementDetail(requirement.Id, framework.Key, framework.Name, requirement.Code, requirement.Title, requirement.Kind, requirement.Description,
            requirement.Guidance, requirement.Parameters, requirement.Withdrawn, path, controls, mapped, policies);
    }

    /// <summary>
    /// Coverage of every framework: assessable requirements with at least one implemented control, and those covered
    /// through a mapping to a covered requirement of another framework. A mapping stated for a CSF category counts for
    /// its subcategories (NIST references some categories as a whole); one stated for a whole function does not.
    /// </summary>
    public static async Task<List<FrameworkCoverage>> CoverageAsync(AttestDbContext db, string? gapsFor = null, CancellationToken cancellationToken = default)
    {
        var requirements = await db.Requirements.AsNoTracking().Where(r => !r.Withdrawn)
            .Select(r => new { r.Id, r.FrameworkId, r.ParentId, r.Code, r.Title, r.Kind, r.Assessable, r.SortOrder }).ToListAsync(cancellationToken);
        // One probe per requirement that stops at the first implemented control: cheap however many links there are.
        var covered = (await db.Requirements.AsNoTracking()
            .Where(r => db.ControlRequirements.Any(l => l.RequirementId == r.Id &&
                db.Controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Implemented)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var mappings = await db.FrameworkMappings.AsNoTracking().Select(m => new { m.FromRequirementId, m.ToRequirementId }).ToListAsync(cancellationToken);
        var neighbours = mappings.SelectMany(m => new[] { (m.FromRequirementId, m.ToRequirementId), (m.ToRequirementId, m.FromRequirementId) }).ToLookup(p => p.Item1, p => p.Item2);
        var byId = requirements.ToDictionary(r => r.Id);
        var frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Key, f.Name }).ToListAsync(cancellationToken);

        bool CoveredViaMapping(Guid id)
        {
            if (neighbours[id].Any(covered.Contains)) return true;
            var requirement = byId[id];
            return requirement.Kind == RequirementKind.Subcategory && requirement.ParentId is { } parent &&
                   byId.TryGetValue(parent, out var category) && category.Kind == RequirementKind.Category && neighbours[parent].Any(covered.Contains);
        }

        return frameworks.Select(f =>
        {
            var assessable = requirements.Where(r => r.FrameworkId == f.Id && r.Assessable).OrderBy(r => r.SortOrder).ToList();
            var direct = assessable.Count(r => covered.Contains(r.Id));
            var gaps = assessable.Where(r => !covered.Contains(r.Id) && !CoveredViaMapping(r.Id)).ToList();
            return new FrameworkCoverage(f.Key, f.Name, assessable.Count, direct, assessable.Count - gaps.Count,
                f.Key == gapsFor ? gaps.Select(g => new CoverageGap(g.Id, g.Code, g.Title)).ToList() : []);
        }).ToList();
    }
}
