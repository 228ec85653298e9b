using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Assets;

public enum AssetSort
{
    Reference = 0,
    Name = 1,
    Type = 2,
    Criticality = 3,
    Updated = 4,
}

public sealed record AssetFilter(string? Search = null, AssetType? Type = null, AssetLifecycle? Lifecycle = null, Criticality? Criticality = null,
    Guid? ClassificationId = null, AssetSort Sort = AssetSort.Reference, bool Descending = false);

public sealed record AssetRow(Guid Id, string Reference, string Name, AssetType Type, string? Owner, string? Classification, int Confidentiality, int Integrity,
    int Availability, Criticality Criticality, string Location, AssetLifecycle Lifecycle, string Tags, int Version);

public sealed record AssetPage(IReadOnlyList<AssetRow> Rows, bool HasMore, int Total);

public sealed record DependencyView(Guid AssetId, string Reference, string Name, AssetType Type, DependencyKind Kind, string Reads);

public sealed record AssetDetail(Guid Id, string Reference, string Name, AssetType Type, string Description, Guid? OwnerId, string? Owner, string Custodian,
    Guid? ClassificationId, string? Classification, string HandlingRules, int Confidentiality, int Integrity, int Availability, Criticality Criticality,
    string Location, AssetLifecycle Lifecycle, string Tags, string Provider, string VersionLabel, ModelOrigin Origin, string? ExternalId,
    IReadOnlyList<DependencyView> DependsOn, IReadOnlyList<DependencyView> NeededBy, Guid? AiSystemId, int Version);

/// <summary>Reading the inventory: one page per query (filtered, sorted), one asset with its dependencies both ways, the neighbourhood graph.</summary>
public static class AssetQueries
{
    public static async Task<AssetPage> PageAsync(AttestDbContext db, AssetFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var query = db.Assets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(a => a.Reference.ToLower().Contains(term) || a.Name.ToLower().Contains(term) || a.Tags.ToLower().Contains(term) || a.Location.ToLower().Contains(term));
        }
        if (filter.Type is { } type) query = query.Where(a => a.Type == type);
        if (filter.Lifecycle is { } lifecycle) query = query.Where(a => a.Lifecycle == lifecycle);
        if (filter.Criticality is { } criticality) query = query.Where(a => a.Criticality == criticality);
        if (filter.ClassificationId is { } level) query = query.Where(a => a.ClassificationId == level);
        var total = await query.CountAsync(cancellationToken);
        query = (filter.Sort, filter.Descending) switch
        {
            (AssetSort.Name, false) => query.OrderBy(a => a.Name).ThenBy(a => a.Reference),
            (AssetSort.Name, true) => query.OrderByDescending(a => a.Name).ThenBy(a => a.Reference),
            (AssetSort.Type, false) => query.OrderBy(a => a.Type).ThenBy(a => a.Name),
            (AssetSort.Type, true) => query.OrderByDescending(a => a.Type).ThenBy(a => a.Name),
            (AssetSort.Criticality, false) => query.OrderBy(a => a.Criticality).ThenBy(a => a.Name),
            (AssetSort.Criticality, true) => query.OrderByDescending(a => a.Criticality).ThenBy(a => a.Name),
            (AssetSort.Updated, false) => query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Reference),
            (AssetSort.Updated, true) => query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Reference),
            (_, true) => query.OrderByDescending(a => a.Reference),
            _ => query.OrderBy(a => a.Reference),
        };
        var rows = await query.Skip((page - 1) * size).Take(size + 1)
            .Select(a => new AssetRow(a.Id, a.Reference, a.Name, a.Type,
                db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.ClassificationLevels.Where(l => l.Id == a.ClassificationId).Select(l => l.Name).FirstOrDefault(),
                a.Confidentiality, a.Integrity, a.Availability, a.Criticality, a.Location, a.Lifecycle, a.Tags, a.Version))
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new AssetPage(rows, more, total);
    }

    public static async Task<AssetDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.Assets.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Asset = a,
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Level = db.ClassificationLevels.Where(l => l.Id == a.ClassificationId).Select(l => new { l.Name, l.HandlingRules }).FirstOrDefault(),
                AiSystemId = db.AiSystems.Where(s => s.AssetId == a.Id).Select(s => (Guid?)s.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Asset", id);
        var outgoing = await db.AssetDependencies.AsNoTracking().Where(d => d.FromAssetId == id)
            .Join(db.Assets, d => d.ToAssetId, a => a.Id, (d, a) => new { d.Kind, a.Id, a.Reference, a.Name, a.Type })
            .OrderBy(x => x.Kind).ThenBy(x => x.Name)
            .ToListAsync(cancellationToken);
        var incoming = await db.AssetDependencies.AsNoTracking().Where(d => d.ToAssetId == id)
            .Join(db.Assets, d => d.FromAssetId, a => a.Id, (d, a) => new { d.Kind, a.Id, a.Reference, a.Name, a.Type })
            .OrderBy(x => x.Kind).ThenBy(x => x.Name)
            .ToListAsync(cancellationToken);
        var a = found.Asset;
        return new AssetDetail(a.Id, a.Reference, a.Name, a.Type, a.Description, a.OwnerId, found.Owner, a.Custodian, a.ClassificationId, found.Level?.Name,
            found.Level?.HandlingRules ?? "", a.Confidentiality, a.Integrity, a.Availability, a.Criticality, a.Location, a.Lifecycle, a.Tags, a.Provider, a.VersionLabel,
            a.Origin, a.ExternalId,
            outgoing.Select(x => new DependencyView(x.Id, x.Reference, x.Name, x.Type, x.Kind, AssetLabels.Of(x.Kind).Forward)).ToList(),
            incoming.Select(x => new DependencyView(x.Id, x.Reference, x.Name, x.Type, x.Kind, AssetLabels.Of(x.Kind).Backward)).ToList(),
            found.AiSystemId, a.Version);
    }

    public sealed record GraphNode(Guid Id, string Reference, string Name, AssetType Type, int Hops);

    public sealed record GraphEdge(Guid From, Guid To, DependencyKind Kind);

    public sealed record Graph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

    /// <summary>The asset, what it depends on and what depends on it, and one step further out (at most <paramref name="limit"/> assets): two queries per step.</summary>
    public static async Task<Graph> NeighbourhoodAsync(AttestDbContext db, Guid id, int limit = 30, CancellationToken cancellationToken = default)
    {
        var hops = new Dictionary<Guid, int> { [id] = 0 };
        var edges = new HashSet<GraphEdge>();
        var frontier = new List<Guid> { id };
        for (var hop = 1; hop <= 2 && frontier.Count > 0 && hops.Count < limit; hop++)
        {
            var around = await db.AssetDependencies.AsNoTracking()
                .Where(d => frontier.Contains(d.FromAssetId) || frontier.Contains(d.ToAssetId))
                .OrderBy(d => d.Kind).Take(limit * 4)
                .Select(d => new GraphEdge(d.FromAssetId, d.ToAssetId, d.Kind))
                .ToListAsync(cancellationToken);
            var next = new List<Guid>();
            foreach (var edge in around)
            {
                foreach (var end in new[] { edge.From, edge.To })
                {
                    if (!hops.ContainsKey(end) && hops.Count < limit)
                    {
                        hops[end] = hop;
                        next.Add(end);
                    }
                }
                if (hops.ContainsKey(edge.From) && hops.ContainsKey(edge.To)) edges.Add(edge);
            }
            frontier = next;
        }
        var ids = hops.Keys.ToList();
        var nodes = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Reference, a.Name, a.Type }).ToListAsync(cancellationToken);
        return new Graph(nodes.Select(n => new GraphNode(n.Id, n.Reference, n.Name, n.Type, hops[n.Id])).OrderBy(n => n.Hops).ThenBy(n => n.Type).ThenBy(n => n.Name).ToList(), edges.ToList());
    }
}
