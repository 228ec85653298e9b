using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Evidence;

public enum EvidenceState
{
    /// <summary>No evidence linked and none required.</summary>
    NotRequired = 0,
    /// <summary>Evidence is required and none is linked.</summary>
    Missing = 1,
    Fresh = 2,
    /// <summary>Evidence is linked but all of it has expired.</summary>
    Stale = 3,
}

public sealed record ControlEvidence(Guid ControlId, int Items, DateOnly? LatestCollectedOn, DateOnly? FreshUntil, EvidenceState State);

/// <summary>
/// Whether a control's evidence is current. An item is fresh until its valid-until date; without one, for the control's freshness
/// period after collection; without either, indefinitely. A control is fresh when any linked item is.
/// </summary>
public static class EvidenceFreshness
{
    /// <summary>The evidence state of the given controls (or all), in one grouped query plus one for the controls' rules.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ControlEvidence>> ForControlsAsync(AttestDbContext db, IReadOnlyCollection<Guid>? controlIds = null,
        CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var controls = db.Controls.AsNoTracking();
        if (controlIds is not null) controls = controls.Where(c => controlIds.Contains(c.Id));
        var rules = await controls.Select(c => new { c.Id, c.EvidenceRequired, c.EvidenceFreshnessDays }).ToListAsync(cancellationToken);
        var links = db.EvidenceLinks.AsNoTracking().Where(l => l.Target == EvidenceTarget.Control);
        if (controlIds is not null) links = links.Where(l => controlIds.Contains(l.TargetId));
        var groups = await links.Join(db.EvidenceItems, l => l.EvidenceId, e => e.Id, (l, e) => new { l.TargetId, e.ValidUntil, e.CollectedOn })
            .GroupBy(x => x.TargetId)
            .Select(g => new
            {
                ControlId = g.Key,
                Count = g.Count(),
                Latest = g.Max(x => x.CollectedOn),
                MaxValidUntil = g.Max(x => x.ValidUntil),
                LatestOpen = g.Max(x => x.ValidUntil == null ? (DateOnly?)x.CollectedOn : null),
            })
            .ToDictionaryAsync(g => g.ControlId, cancellationToken);
        var result = new Dictionary<Guid, ControlEvidence>(rules.Count);
        foreach (var rule in rules)
        {
            if (!groups.TryGetValue(rule.Id, out var g))
            {
                result[rule.Id] = new ControlEvidence(rule.Id, 0, null, null, rule.EvidenceRequired ? EvidenceState.Missing : EvidenceState.NotRequired);
                continue;
            }
            var (state, freshUntil) = StateOf(rule.EvidenceRequired, g.Count, g.MaxValidUntil, g.LatestOpen, rule.EvidenceFreshnessDays, today);
            result[rule.Id] = new ControlEvidence(rule.Id, g.Count, g.Latest, freshUntil, state);
        }
        return result;
    }

    public sealed record Summary(int Required, int Current, int Stale, int Missing);

    /// <summary>
    /// The controls that require evidence: how many have it current, stale or missing, counted in the database in one query (an EXISTS
    /// probe per required control through the link index, with the same rule as <see cref="StateOf"/>).
    /// </summary>
    public static async Task<Summary> RequiredSummaryAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var required = db.Controls.AsNoTracking().Where(c => c.EvidenceRequired);
        var links = db.EvidenceLinks.Where(l => l.Target == EvidenceTarget.Control);
        var counts = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(_ => new
            {
                Required = required.Count(),
                Missing = required.Count(c => !links.Any(l => l.TargetId == c.Id)),
                Current = required.Count(c => links.Any(l => l.TargetId == c.Id && db.EvidenceItems.Any(e => e.Id == l.EvidenceId &&
                    ((e.ValidUntil != null && e.ValidUntil >= today) ||
                     (e.ValidUntil == null && (c.EvidenceFreshnessDays == null || e.CollectedOn.AddDays(c.EvidenceFreshnessDays.Value) >= today)))))),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new Summary(0, 0, 0, 0) : new Summary(counts.Required, counts.Current, counts.Required - counts.Current - counts.Missing, counts.Missing);
    }

    /// <summary>
    /// A control's state from its linked evidence: how many items, the latest valid-until date among those that have one, and the latest
    /// collection date among those that do not.
    /// </summary>
    public static (EvidenceState State, DateOnly? FreshUntil) StateOf(bool required, int items, DateOnly? maxValidUntil, DateOnly? latestWithoutValidUntil,
        int? freshnessDays, DateOnly today)
    {
        if (items == 0) return (required ? EvidenceState.Missing : EvidenceState.NotRequired, null);
        var until = FreshUntil(maxValidUntil, latestWithoutValidUntil, freshnessDays);
        return (until is null || until >= today ? EvidenceState.Fresh : EvidenceState.Stale, until);
    }

    /// <summary>The last day the evidence is fresh; null when it never expires.</summary>
    public static DateOnly? FreshUntil(DateOnly? maxValidUntil, DateOnly? latestWithoutValidUntil, int? freshnessDays)
    {
        if (latestWithoutValidUntil is { } open)
        {
            if (freshnessDays is null) return null;
            var openUntil = open.AddDays(freshnessDays.Value);
            return maxValidUntil is { } until && until > openUntil ? until : openUntil;
        }
        return maxValidUntil;
    }

    public static string Describe(EvidenceState state) => state switch
    {
        EvidenceState.Missing => "evidence missing",
        EvidenceState.Fresh => "evidence current",
        EvidenceState.Stale => "evidence stale",
        _ => "no evidence required",
    };
}
