using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reports;

/// <summary>The kinds of overdue work the dashboard and the monthly report list by owner.</summary>
public enum OverdueKind
{
    CorrectiveAction = 0,
    Nonconformity = 1,
    PolicyReview = 2,
    RiskReview = 3,
    TreatmentTask = 4,
    AccessReview = 5,
    ExpiredException = 6,
    SupplierReview = 7,
}

/// <summary>How many items of one kind one person (or nobody) owns past their date.</summary>
public sealed record OverdueCount(OverdueKind Kind, int Count, string Link);

/// <summary>One owner's overdue work, most first.</summary>
/// <param name="OwnerId">Null for items nobody owns.</param>
public sealed record OverdueOwner(Guid? OwnerId, string Owner, int Total, IReadOnlyList<OverdueCount> Items);

/// <summary>What is overdue and who owns it, counted in one grouped query.</summary>
public static class OverdueByOwner
{
    public static string Label(OverdueKind kind, int count) => kind switch
    {
        OverdueKind.CorrectiveAction => count == 1 ? "corrective action" : "corrective actions",
        OverdueKind.Nonconformity => count == 1 ? "nonconformity" : "nonconformities",
        OverdueKind.PolicyReview => count == 1 ? "policy review" : "policy reviews",
        OverdueKind.RiskReview => count == 1 ? "risk review" : "risk reviews",
        OverdueKind.TreatmentTask => count == 1 ? "treatment task" : "treatment tasks",
        OverdueKind.AccessReview => count == 1 ? "access review decision" : "access review decisions",
        OverdueKind.ExpiredException => count == 1 ? "expired exception" : "expired exceptions",
        _ => count == 1 ? "supplier review" : "supplier reviews",
    };

    /// <summary>The register page listing these items, filtered to the owner where the register can.</summary>
    public static string Link(OverdueKind kind, Guid? owner)
    {
        var by = owner is { } id ? $"&owner={id}" : "";
        return kind switch
        {
            OverdueKind.CorrectiveAction => "/actions?overdue=true" + by,
            OverdueKind.Nonconformity => "/nonconformities?state=overdue" + by,
            OverdueKind.PolicyReview => "/policies?overdue=true",
            OverdueKind.RiskReview => "/risks?reviewOverdue=true" + by,
            OverdueKind.TreatmentTask => "/risks/treatment?overdue=true" + by,
            OverdueKind.AccessReview => "/access",
            OverdueKind.ExpiredException => "/exceptions?status=expired",
            _ => "/suppliers?reviewOverdue=true" + by,
        };
    }

    private sealed class Entry
    {
        public Guid? OwnerId { get; init; }
        public int Kind { get; init; }
    }

    /// <summary>
    /// Overdue work as at <paramref name="asAt"/> grouped by owner, owners with most first (then by name), in one query.
    /// With <paramref name="onlyWithHistory"/> only the kinds whose completion dates are stored — corrective actions and
    /// nonconformities — are counted, so a past month's figure is what it was then rather than what is overdue today.
    /// </summary>
    public static async Task<IReadOnlyList<OverdueOwner>> ListAsync(AttestDbContext db, DateOnly asAt, bool onlyWithHistory = false,
        CancellationToken cancellationToken = default)
    {
        var open = new[] { ActionStatus.Open, ActionStatus.InProgress };
        IQueryable<Entry> entries = onlyWithHistory
            ? db.CorrectiveActions.Where(a => a.Status != ActionStatus.Cancelled && a.DueOn < asAt && (a.CompletedOn == null || a.CompletedOn > asAt) &&
                    (a.Status != ActionStatus.Done || a.CompletedOn != null))
                .Select(a => new Entry { OwnerId = a.OwnerId, Kind = (int)OverdueKind.CorrectiveAction })
                .Concat(db.Nonconformities.Where(n => n.DueOn < asAt && n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt))
                    .Select(n => new Entry { OwnerId = n.OwnerId, Kind = (int)OverdueKind.Nonconformity }))
            : db.CorrectiveActions.Where(a => open.Contains(a.Status) && a.DueOn < asAt)
                .Select(a => new Entry { OwnerId = a.OwnerId, Kind = (int)OverdueKind.CorrectiveAction })
                .Concat(db.Nonconformities.Where(n => n.Status == NonconformityStatus.Open && n.DueOn < asAt)
                    .Select(n => new Entry { OwnerId = n.OwnerId, Kind = (int)OverdueKind.Nonconformity }))
                .Concat(db.Documents.Where(d => !d.Retired && d.NextReviewOn != null && d.NextReviewOn < asAt)
                    .Select(d => new Entry { OwnerId = d.OwnerId, Kind = (int)OverdueKind.PolicyReview }))
                .Concat(db.Risks.Where(r => r.Status != Attest.Risks.RiskStatus.Closed && r.NextReviewOn != null && r.NextReviewOn < asAt)
                    .Select(r => new Entry { OwnerId = r.OwnerId, Kind = (int)OverdueKind.RiskReview }))
                .Concat(db.RiskTasks.Where(t => t.CompletedOn == null && t.DueOn < asAt)
                    .Select(t => new Entry { OwnerId = t.OwnerId, Kind = (int)OverdueKind.TreatmentTask }))
                // Driven from the open campaigns past their date, so the items are read through the (campaign, reviewer, decision) index.
                .Concat(db.AccessReviewCampaigns.Where(c => c.Status == AccessReviews.CampaignStatus.Open && c.DueOn < asAt)
                    .SelectMany(c => db.AccessReviewItems.Where(i => i.CampaignId == c.Id && i.Decision == AccessReviews.AccessDecision.Pending))
                    .Select(i => new Entry { OwnerId = i.ReviewerId, Kind = (int)OverdueKind.AccessReview }))
                .Concat(db.ComplianceExceptions.Where(e => e.Status == Exceptions.ExceptionStatus.Approved && e.ValidUntil < asAt)
                    .Select(e => new Entry { OwnerId = e.OwnerId, Kind = (int)OverdueKind.ExpiredException }))
                .Concat(db.Suppliers.Where(s => s.Status != Suppliers.SupplierStatus.Offboarded && s.NextReviewOn != null && s.NextReviewOn < asAt)
                    .Select(s => new Entry { OwnerId = s.OwnerId, Kind = (int)OverdueKind.SupplierReview }));
        // Names in the same round trip: a scalar lookup per (owner, kind) group, of which there are few.
        var groups = await entries
            .GroupBy(e => new { e.OwnerId, e.Kind })
            .Select(g => new { g.Key.OwnerId, g.Key.Kind, Count = g.Count(), Name = db.Users.Where(u => u.Id == g.Key.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return groups.GroupBy(g => g.OwnerId)
            .Select(o => new OverdueOwner(o.Key, o.Key is null ? "No owner" : o.Select(g => g.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "Former member", o.Sum(g => g.Count),
                o.OrderByDescending(g => g.Count).ThenBy(g => g.Kind)
                    .Select(g => new OverdueCount((OverdueKind)g.Kind, g.Count, Link((OverdueKind)g.Kind, o.Key))).ToList()))
            .OrderByDescending(o => o.Total).ThenBy(o => o.OwnerId == null).ThenBy(o => o.Owner, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
