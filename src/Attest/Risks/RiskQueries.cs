using Attest.Assets;
using Attest.Controls;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Risks;

public enum RiskRating
{
    Residual = 0,
    Inherent = 1,
}

public enum RiskSort
{
    Reference = 0,
    Title = 1,
    Inherent = 2,
    Residual = 3,
    NextReview = 4,
    Updated = 5,
}

public enum AcceptanceState
{
    None = 0,
    Current = 1,
    Stale = 2,
    Expired = 3,
}

/// <summary>
/// Register filters. Without a status the register shows every risk that is not closed. <see cref="Level"/>, <see cref="Likelihood"/> and
/// <see cref="Impact"/> apply to the rating named by <see cref="Rating"/>; a likelihood or impact keeps to risks rated under the current
/// methodology, as the heatmap does.
/// </summary>
public sealed record RiskFilter(
    string? Search = null,
    Guid? OwnerId = null,
    RiskStatus? Status = null,
    RiskTreatment? Treatment = null,
    RiskRating Rating = RiskRating.Residual,
    int? Level = null,
    int? Likelihood = null,
    int? Impact = null,
    bool ReviewOverdue = false,
    Guid? AssetId = null,
    string? Category = null,
    bool OlderMethodology = false,
    bool AcceptanceStale = false,
    RiskSort Sort = RiskSort.Reference,
    bool Descending = false);

public sealed record LevelView(int Index, string Name, string Colour);

public sealed record RiskRow(
    Guid Id, string Reference, string Title, string Category, string? Owner, int MethodologyNumber, bool OlderMethodology,
    int? InherentLikelihood, int? InherentImpact, LevelView? InherentLevel, RiskTreatment Treatment,
    int? ResidualLikelihood, int? ResidualImpact, LevelView? ResidualLevel, LevelView? TargetLevel, RiskStatus Status,
    DateOnly? NextReviewOn, bool ReviewOverdue, AcceptanceState Acceptance, int Version);

public sealed record RiskPage(IReadOnlyList<RiskRow> Rows, bool HasMore, int Total);

/// <summary>A heatmap: count of risks per likelihood × impact cell under the current methodology, plus those it cannot place.</summary>
public sealed record Heatmap(RiskRating Rating, int MethodologyNumber, MethodologyDefinition Definition, IReadOnlyDictionary<(int Likelihood, int Impact), int> Counts, int Unrated, int OlderMethodology)
{
    public int Placed => Counts.Values.Sum();
    public int CountAt(int likelihood, int impact) => Counts.GetValueOrDefault((likelihood, impact));
}

public sealed record RiskAssetView(Guid Id, string Reference, string Name, AssetType Type, Guid? AiSystemId);

public sealed record RiskControlView(Guid Id, string Reference, string Name, ImplementationStatus Status, RiskControlRole Role);

public sealed record RiskTaskView(Guid Id, string Title, Guid? OwnerId, string? Owner, DateOnly? DueOn, Guid? ControlId, string? ControlReference, DateOnly? CompletedOn, string Notes, bool Overdue, int Version);

public sealed record RiskAcceptanceView(Guid Id, DateTimeOffset AcceptedAt, string AcceptedBy, AcceptanceAuthority Authority, string Comment, int Likelihood, int Impact,
    string LevelName, int MethodologyNumber, DateOnly ValidUntil, DateTimeOffset? StaleSince, string StaleReason, AcceptanceState State);

public sealed record RiskDetail(
    Guid Id, string Reference, string Title, string Description, string Threat, string Vulnerability, string Category, Guid? OwnerId, string? Owner,
    Guid MethodologyId, int MethodologyNumber, int CurrentMethodologyNumber, int? InherentLikelihood, int? InherentImpact, LevelView? InherentLevel, string ExistingControls,
    RiskTreatment Treatment, string TreatmentPlan, int? ResidualLikelihood, int? ResidualImpact, LevelView? ResidualLevel, LevelView? TargetLevel, RiskStatus Status,
    DateOnly IdentifiedOn, DateOnly? NextReviewOn, string? LibraryKey, IReadOnlyList<RiskAssetView> Assets, IReadOnlyList<RiskControlView> Controls,
    IReadOnlyList<RiskTaskView> Tasks, IReadOnlyList<RiskAcceptanceView> Acceptances, int Version)
{
    public bool OlderMethodology => MethodologyNumber != CurrentMethodologyNumber;
    public AcceptanceState Acceptance => Acceptances.Count == 0 ? AcceptanceState.None : Acceptances[0].State;
}

public sealed record TreatmentTaskRow(Guid RiskId, string RiskReference, string RiskTitle, LevelView? ResidualLevel, Guid TaskId, string Title, string? Owner, DateOnly? DueOn,
    string? ControlReference, string? ControlName, DateOnly? CompletedOn, bool Overdue);

public sealed record TreatedRisk(Guid Id, string Reference, string Title, LevelView? ResidualLevel, RiskStatus Status, RiskControlRole Role);

/// <summary>Reading the register: a filtered page, the heatmaps of the same filter, one risk whole, the treatment plan, and risks by control or requirement.</summary>
public static class RiskQueries
{
    public static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    private static IQueryable<Risk> Filtered(AttestDbContext db, RiskFilter filter, Guid? currentMethodology, DateOnly today, bool forHeatmap)
    {
        var query = db.Risks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(r => r.Reference.ToLower().Contains(term) || r.Title.ToLower().Contains(term) || r.Threat.ToLower().Contains(term) || r.Category.ToLower().Contains(term));
        }
        query = filter.Status is { } status ? query.Where(r => r.Status == status) : query.Where(r => r.Status != RiskStatus.Closed);
        if (filter.OwnerId is { } owner) query = query.Where(r => r.OwnerId == owner);
        if (filter.Treatment is { } treatment) query = query.Where(r => r.Treatment == treatment);
        if (!string.IsNullOrWhiteSpace(filter.Category)) { var category = filter.Category.Trim(); query = query.Where(r => r.Category == category); }
        if (filter.ReviewOverdue) query = query.Where(r => r.NextReviewOn != null && r.NextReviewOn < today);
        if (filter.AssetId is { } asset) query = query.Where(r => db.RiskAssets.Any(l => l.RiskId == r.Id && l.AssetId == asset));
        if (filter.OlderMethodology) query = query.Where(r => r.MethodologyId != currentMethodology);
        if (filter.AcceptanceStale)
        {
            query = query.Where(r => db.RiskAcceptances.Any(a => a.RiskId == r.Id && a.StaleSince != null && !db.RiskAcceptances.Any(b => b.RiskId == a.RiskId && b.AcceptedAt > a.AcceptedAt)));
        }
        if (filter.Level is { } level) query = filter.Rating == RiskRating.Inherent ? query.Where(r => r.InherentLevel == level) : query.Where(r => r.ResidualLevel == level);
        if (!forHeatmap && (filter.Likelihood is not null || filter.Impact is not null))
        {
            query = query.Where(r => r.MethodologyId == currentMethodology);
            if (filter.Rating == RiskRating.Inherent)
            {
                if (filter.Likelihood is { } l) query = query.Where(r => r.InherentLikelihood == l);
                if (filter.Impact is { } i) query = query.Where(r => r.InherentImpact == i);
            }
            else
            {
                if (filter.Likelihood is { } l) query = query.Where(r => r.ResidualLikelihood == l);
                if (filter.Impact is { } i) query = query.Where(r => r.ResidualImpact == i);
            }
        }
        return query;
    }

    public static async Task<RiskPage> PageAsync(AttestDbContext db, RiskFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var current = methodologies.Values.MaxBy(m => m.Number);
        var today = Today(db);
        var query = Filtered(db, filter, current?.Id, today, forHeatmap: false);
        var total = await query.CountAsync(cancellationToken);
        query = (filter.Sort, filter.Descending) switch
        {
            (RiskSort.Title, false) => query.OrderBy(r => r.Title).ThenBy(r => r.Reference),
            (RiskSort.Title, true) => query.OrderByDescending(r => r.Title).ThenBy(r => r.Reference),
            (RiskSort.Inherent, false) => query.OrderBy(r => r.InherentLevel).ThenBy(r => r.Reference),
            (RiskSort.Inherent, true) => query.OrderByDescending(r => r.InherentLevel).ThenBy(r => r.Reference),
            (RiskSort.Residual, false) => query.OrderBy(r => r.ResidualLevel).ThenBy(r => r.Reference),
            (RiskSort.Residual, true) => query.OrderByDescending(r => r.ResidualLevel).ThenBy(r => r.Reference),
            (RiskSort.NextReview, false) => query.OrderBy(r => r.NextReviewOn).ThenBy(r => r.Reference),
            (RiskSort.NextReview, true) => query.OrderByDescending(r => r.NextReviewOn).ThenBy(r => r.Reference),
            (RiskSort.Updated, false) => query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Reference),
            (RiskSort.Updated, true) => query.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Reference),
            (_, true) => query.OrderByDescending(r => r.Reference),
            _ => query.OrderBy(r => r.Reference),
        };
        var found = await query.Skip((page - 1) * size).Take(size + 1)
            .Select(r => new
            {
                r.Id, r.Reference, r.Title, r.Category, r.MethodologyId, r.InherentLikelihood, r.InherentImpact, r.InherentLevel, r.Treatment,
                r.ResidualLikelihood, r.ResidualImpact, r.ResidualLevel, r.TargetLevel, r.Status, r.NextReviewOn, r.Version,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Accepted = db.RiskAcceptances.Where(a => a.RiskId == r.Id).OrderByDescending(a => a.AcceptedAt).Select(a => new { a.StaleSince, a.ValidUntil }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        var rows = found.Select(r =>
        {
            var m = methodologies[r.MethodologyId].Definition;
            var state = r.Accepted is null ? AcceptanceState.None : r.Accepted.StaleSince is not null ? AcceptanceState.Stale : r.Accepted.ValidUntil < today ? AcceptanceState.Expired : AcceptanceState.Current;
            return new RiskRow(r.Id, r.Reference, r.Title, r.Category, r.Owner, methodologies[r.MethodologyId].Number, r.MethodologyId != current?.Id,
                r.InherentLikelihood, r.InherentImpact, View(m, r.InherentLevel), r.Treatment, r.ResidualLikelihood, r.ResidualImpact, View(m, r.ResidualLevel),
                View(m, r.TargetLevel), r.Status, r.NextReviewOn, r.NextReviewOn < today && r.Status != RiskStatus.Closed, state, r.Version);
        }).ToList();
        return new RiskPage(rows, more, total);
    }

    /// <summary>Inherent and residual heatmaps of the risks the filter selects (a likelihood or impact in the filter is ignored: the map shows every cell).</summary>
    public static async Task<(Heatmap Inherent, Heatmap Residual)?> HeatmapsAsync(AttestDbContext db, RiskFilter filter, CancellationToken cancellationToken = default)
    {
        var current = await RiskMethodologies.CurrentAsync(db, cancellationToken);
        if (current is null) return null;
        var query = Filtered(db, filter, current.Id, Today(db), forHeatmap: true);
        // One grouped query gives both maps: every (methodology is current, inherent cell, residual cell) combination and its count.
        var groups = await query
            .GroupBy(r => new { Current = r.MethodologyId == current.Id, r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact })
            .Select(g => new { g.Key.Current, g.Key.InherentLikelihood, g.Key.InherentImpact, g.Key.ResidualLikelihood, g.Key.ResidualImpact, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Heatmap Build(RiskRating rating)
        {
            var counts = new Dictionary<(int, int), int>();
            int unrated = 0, older = 0;
            foreach (var g in groups)
            {
                var (l, i) = rating == RiskRating.Inherent ? (g.InherentLikelihood, g.InherentImpact) : (g.ResidualLikelihood, g.ResidualImpact);
                if (!g.Current) older += g.Count;
                else if (l is null || i is null) unrated += g.Count;
                else counts[(l.Value, i.Value)] = counts.GetValueOrDefault((l.Value, i.Value)) + g.Count;
            }
            return new Heatmap(rating, current.Number, current.Definition, counts, unrated, older);
        }
        return (Build(RiskRating.Inherent), Build(RiskRating.Residual));
    }

    public static LevelView? View(MethodologyDefinition definition, int? level) =>
        level is { } index && index >= 0 && index < definition.Levels.Count ? new LevelView(index, definition.Levels[index].Name, definition.Levels[index].Colour) : null;

    public static async Task<RiskDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.Risks.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Risk = r, Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Risk", id);
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var r = found.Risk;
        var m = methodologies[r.MethodologyId];
        var current = methodologies.Values.MaxBy(x => x.Number)!;
        var assets = await db.RiskAssets.AsNoTracking().Where(l => l.RiskId == id).Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => a)
            .OrderBy(a => a.Reference)
            .Select(a => new RiskAssetView(a.Id, a.Reference, a.Name, a.Type, db.AiSystems.Where(s => s.AssetId == a.Id).Select(s => (Guid?)s.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var controls = await db.RiskControls.AsNoTracking().Where(l => l.RiskId == id).Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l.Role, c.Id, c.Reference, c.Name, c.Status })
            .OrderBy(x => x.Role).ThenBy(x => x.Reference)
            .Select(x => new RiskControlView(x.Id, x.Reference, x.Name, x.Status, x.Role))
            .ToListAsync(cancellationToken);
        var today = Today(db);
        var tasks = (await db.RiskTasks.AsNoTracking().Where(t => t.RiskId == id).OrderBy(t => t.CompletedOn != null).ThenBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Select(t => new
            {
                t.Id, t.Title, t.OwnerId, Owner = db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), t.DueOn, t.ControlId,
                Control = db.Controls.Where(c => c.Id == t.ControlId).Select(c => c.Reference).FirstOrDefault(), t.CompletedOn, t.Notes, t.Version,
            })
            .ToListAsync(cancellationToken))
            .Select(t => new RiskTaskView(t.Id, t.Title, t.OwnerId, t.Owner, t.DueOn, t.ControlId, t.Control, t.CompletedOn, t.Notes, t.CompletedOn is null && t.DueOn < today, t.Version))
            .ToList();
        var acceptances = (await db.RiskAcceptances.AsNoTracking().Where(a => a.RiskId == id).OrderByDescending(a => a.AcceptedAt).ToListAsync(cancellationToken))
            .Select((a, index) => new RiskAcceptanceView(a.Id, a.AcceptedAt, a.AcceptedBy, a.Authority, a.Comment, a.Likelihood, a.Impact, a.LevelName, a.MethodologyNumber, a.ValidUntil,
                a.StaleSince, a.StaleReason,
                index > 0 ? AcceptanceState.None : a.StaleSince is not null ? AcceptanceState.Stale : a.ValidUntil < today ? AcceptanceState.Expired : AcceptanceState.Current))
            .ToList();
        return new RiskDetail(r.Id, r.Reference, r.Title, r.Description, r.Threat, r.Vulnerability, r.Category, r.OwnerId, found.Owner, r.MethodologyId, m.Number, current.Number,
            r.InherentLikelihood, r.InherentImpact, View(m.Definition, r.InherentLevel), r.ExistingControls, r.Treatment, r.TreatmentPlan, r.ResidualLikelihood, r.ResidualImpact,
            View(m.Definition, r.ResidualLevel), View(m.Definition, r.TargetLevel), r.Status, r.IdentifiedOn, r.NextReviewOn, r.LibraryKey, assets, controls, tasks, acceptances, r.Version);
    }

    /// <summary>Treatment tasks across the register (open ones first, by due date), 100 a page; optionally only overdue or one owner's.</summary>
    public static async Task<(IReadOnlyList<TreatmentTaskRow> Rows, bool HasMore, int Overdue, int Open)> TreatmentPlanAsync(AttestDbContext db, bool overdueOnly, bool includeDone,
        Guid? ownerId, int page, int size, CancellationToken cancellationToken = default)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var today = Today(db);
        var tasks = db.RiskTasks.AsNoTracking();
        var open = await tasks.CountAsync(t => t.CompletedOn == null, cancellationToken);
        var overdue = await tasks.CountAsync(t => t.CompletedOn == null && t.DueOn < today, cancellationToken);
        if (overdueOnly) tasks = tasks.Where(t => t.CompletedOn == null && t.DueOn < today);
        else if (!includeDone) tasks = tasks.Where(t => t.CompletedOn == null);
        if (ownerId is { } owner) tasks = tasks.Where(t => t.OwnerId == owner);
        var found = await tasks.Join(db.Risks, t => t.RiskId, r => r.Id, (t, r) => new { Task = t, Risk = r })
            .OrderBy(x => x.Task.CompletedOn != null).ThenBy(x => x.Task.DueOn == null).ThenBy(x => x.Task.DueOn).ThenBy(x => x.Risk.Reference)
            .Skip((page - 1) * size).Take(size + 1)
            .Select(x => new
            {
                RiskId = x.Risk.Id, x.Risk.Reference, RiskTitle = x.Risk.Title, x.Risk.MethodologyId, x.Risk.ResidualLevel, x.Task.Id, x.Task.Title, x.Task.DueOn, x.Task.CompletedOn,
                Owner = db.Users.Where(u => u.Id == x.Task.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == x.Task.ControlId).Select(c => new { c.Reference, c.Name }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return (found.Select(x => new TreatmentTaskRow(x.RiskId, x.Reference, x.RiskTitle, View(methodologies[x.MethodologyId].Definition, x.ResidualLevel), x.Id, x.Title, x.Owner,
            x.DueOn, x.Control?.Reference, x.Control?.Name, x.CompletedOn, x.CompletedOn is null && x.DueOn < today)).ToList(), more, overdue, open);
    }

    /// <summary>The risks a control treats (in place or planned).</summary>
    public static async Task<IReadOnlyList<TreatedRisk>> TreatedByControlAsync(AttestDbContext db, Guid controlId, CancellationToken cancellationToken = default)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var rows = await db.RiskControls.AsNoTracking().Where(l => l.ControlId == controlId).Join(db.Risks, l => l.RiskId, r => r.Id, (l, r) => new { l.Role, r.Id, r.Reference, r.Title, r.MethodologyId, r.ResidualLevel, r.Status })
            .OrderBy(x => x.Reference).ToListAsync(cancellationToken);
        return rows.Select(x => new TreatedRisk(x.Id, x.Reference, x.Title, View(methodologies[x.MethodologyId].Definition, x.ResidualLevel), x.Status, x.Role)).ToList();
    }

    /// <summary>The open risks treated by the controls that implement a requirement (e.g. an Annex A control): why the SoA includes it.</summary>
    public static async Task<IReadOnlyList<TreatedRisk>> ForRequirementAsync(AttestDbContext db, Guid requirementId, CancellationToken cancellationToken = default)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var rows = await db.Risks.AsNoTracking()
            .Where(r => r.Status != RiskStatus.Closed && db.RiskControls.Any(l => l.RiskId == r.Id && db.ControlRequirements.Any(c => c.ControlId == l.ControlId && c.RequirementId == requirementId)))
            .OrderBy(r => r.Reference)
            .Select(r => new { r.Id, r.Reference, r.Title, r.MethodologyId, r.ResidualLevel, r.Status })
            .Take(200)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new TreatedRisk(x.Id, x.Reference, x.Title, View(methodologies[x.MethodologyId].Definition, x.ResidualLevel), x.Status, RiskControlRole.Existing)).ToList();
    }

    /// <summary>Distinct categories in use, for the filter and the form's suggestions.</summary>
    public static async Task<IReadOnlyList<string>> CategoriesAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await db.Risks.AsNoTracking().Where(r => r.Category != "").Select(r => r.Category).Distinct().OrderBy(c => c).Take(100).ToListAsync(cancellationToken);
}
