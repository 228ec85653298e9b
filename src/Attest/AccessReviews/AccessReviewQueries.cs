using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.AccessReviews;

public sealed record AccessFigures(int CampaignsCompletedOnTime, int CampaignsCounted, int ItemsRevoked, int OpenRevocations, int OverdueRevocations, int OrphanedAccounts,
    int LeaversWithAccess)
{
    /// <summary>Completed on time ÷ (completed + open past their due date); null before any campaign counts.</summary>
    public double? OnTimeRate => CampaignsCounted == 0 ? null : (double)CampaignsCompletedOnTime / CampaignsCounted;
}

public sealed record CampaignRow(Guid Id, string Reference, string Title, CampaignStatus Status, ReviewerRule Reviewers, DateOnly DueOn, DateTimeOffset? OpenedAt,
    DateTimeOffset? CompletedAt, int Items, int Pending, bool Overdue, bool CompletedLate, int Version);

public sealed record SystemRow(Guid Id, string Name, string Description, Guid? OwnerId, string? Owner, Guid? AssetId, string? Asset, int UnusedAfterDays, DateTimeOffset? LastLoadedAt,
    int Accounts, int NoMatchingPerson, int Leavers, int Privileged, int Unused, int Version);

public sealed record AccountRow(Guid Id, string Account, string Email, string DisplayName, string Entitlement, bool Privileged, DateOnly? LastUsedOn, Guid? PersonId,
    string? Person, DateOnly FirstSeenOn, DateOnly? RemovedOn, AccessFlags Flags);

public sealed record AccountPage(IReadOnlyList<AccountRow> Rows, bool HasMore, int Total);

public sealed record AccountFilter(string? Query = null, AccessFlags? Flag = null, bool IncludeRemoved = false);

public sealed record ReviewItemRow(Guid Id, Guid SystemId, string System, string Account, string Email, string DisplayName, string? Person, string Entitlement, bool Privileged,
    DateOnly? LastUsedOn, AccessFlags Flags, Guid? ReviewerId, string? Reviewer, AccessDecision Decision, string Comment, string ChangeTo, DateTimeOffset? DecidedAt,
    string DecidedBy, DateOnly? RemediationDueOn, DateTimeOffset? RemediatedAt, string RemediatedBy, string RemediationNote, int Version);

/// <summary>Filters of a reviewer's page: which decisions (pending by default), flagged only or one flag, one system.</summary>
public sealed record ReviewItemFilter(bool PendingOnly = true, AccessFlags? Flag = null, Guid? SystemId = null, string? Query = null);

public sealed record ReviewItemPage(IReadOnlyList<ReviewItemRow> Rows, bool HasMore, int Pending, int Decided);

public sealed record CampaignDetail(Guid Id, string Reference, string Title, CampaignStatus Status, ReviewerRule Reviewers, DateOnly DueOn, int RevokeWithinDays,
    DateTimeOffset? OpenedAt, DateTimeOffset? CompletedAt, IReadOnlyList<CampaignSystem> Systems, int Version);

public sealed record CampaignSystem(Guid Id, string Name, Guid? OwnerId, string? Owner);

public sealed record DecisionCounts(int Pending, int Keep, int Revoke, int Change)
{
    public int Total => Pending + Keep + Revoke + Change;
    public int Decided => Keep + Revoke + Change;
}

public sealed record ReviewerProgress(Guid? ReviewerId, string Reviewer, DecisionCounts Counts);

public sealed record SystemProgress(Guid SystemId, string System, DecisionCounts Counts);

public sealed record FlagCount(AccessFlags Flag, int Items, int Pending, int Revoked);

public sealed record CampaignSummary(CampaignDetail Campaign, DecisionCounts Counts, IReadOnlyList<ReviewerProgress> ByReviewer, IReadOnlyList<SystemProgress> BySystem,
    IReadOnlyList<FlagCount> ByFlag, int Flagged, int OpenRemediations, int OverdueRemediations, int Confirmed);

public sealed record MyReviewRow(Guid CampaignId, string Reference, string Title, DateOnly DueOn, CampaignStatus Status, int Pending, int Total);

/// <summary>The read side of access reviews: a few grouped queries per page, whatever the number of accounts or items.</summary>
public static class AccessReviewQueries
{
    public const int PageSize = 50;

    private static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public static async Task<AccessFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var campaigns = await db.AccessReviewCampaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Completed || (c.Status == CampaignStatus.Open && c.DueOn < today))
            .Select(c => new { c.Status, c.DueOn, c.CompletedAt }).ToListAsync(cancellationToken);
        var onTime = campaigns.Count(c => c.Status == CampaignStatus.Completed && c.CompletedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) <= c.DueOn);
        var decisions = await db.AccessReviewItems.AsNoTracking().Where(i => i.Decision == AccessDecision.Revoke || i.Decision == AccessDecision.Change)
            .GroupBy(i => new { i.Decision, Open = i.RemediatedAt == null, Overdue = i.RemediatedAt == null && i.RemediationDueOn < today })
            .Select(g => new { g.Key.Decision, g.Key.Open, g.Key.Overdue, Count = g.Count() }).ToListAsync(cancellationToken);
        var orphans = await db.AccessGrants.AsNoTracking().CountAsync(g => g.RemovedOn == null && g.PersonId == null, cancellationToken);
        var leavers = await db.AccessGrants.AsNoTracking().Where(g => g.RemovedOn == null && g.PersonId != null)
            .Join(db.People.Where(p => !p.Active || p.EndDate < today), g => g.PersonId, p => p.Id, (g, p) => p.Id).Distinct().CountAsync(cancellationToken);
        return new AccessFigures(onTime, campaigns.Count, decisions.Where(d => d.Decision == AccessDecision.Revoke).Sum(d => d.Count),
            decisions.Where(d => d.Open).Sum(d => d.Count), decisions.Where(d => d.Overdue).Sum(d => d.Count), orphans, leavers);
    }

    public static async Task<IReadOnlyList<CampaignRow>> CampaignsAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var campaigns = await db.AccessReviewCampaigns.AsNoTracking().OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Reference)
            .Select(c => new { c.Id, c.Reference, c.Title, c.Status, c.Reviewers, c.DueOn, c.OpenedAt, c.CompletedAt, c.Version }).ToListAsync(cancellationToken);
        // Counts only for open campaigns (completed ones are read from their own page): the grouping stays on the campaign index.
        var open = campaigns.Where(c => c.Status == CampaignStatus.Open).Select(c => c.Id).ToList();
        var counts = open.Count == 0 ? [] : await db.AccessReviewItems.AsNoTracking().Where(i => open.Contains(i.CampaignId))
            .GroupBy(i => new { i.CampaignId, Pending = i.Decision == AccessDecision.Pending }).Select(g => new { g.Key.CampaignId, g.Key.Pending, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return campaigns.Select(c => new CampaignRow(c.Id, c.Reference, c.Title, c.Status, c.Reviewers, c.DueOn, c.OpenedAt, c.CompletedAt,
            counts.Where(n => n.CampaignId == c.Id).Sum(n => n.Count), counts.Where(n => n.CampaignId == c.Id && n.Pending).Sum(n => n.Count),
            c.Status == CampaignStatus.Open && c.DueOn < today,
            c.Status == CampaignStatus.Completed && c.CompletedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) > c.DueOn, c.Version)).ToList();
    }

    public static async Task<IReadOnlyList<SystemRow>> SystemsAsync(AttestDbContext db, Guid? id = null, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var systems = await db.AccessSystems.AsNoTracking().Where(s => id == null || s.Id == id).OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id, s.Name, s.Description, s.OwnerId, Owner = db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), s.AssetId,
                Asset = db.Assets.Where(a => a.Id == s.AssetId).Select(a => a.Reference + " " + a.Name).FirstOrDefault(), s.UnusedAfterDays, s.LastLoadedAt, s.Version,
            }).ToListAsync(cancellationToken);
        var ids = systems.Select(s => s.Id).ToList();
        // Active accounts grouped by what decides their flags; the unused cut-off differs per system, so last use is bucketed by the shortest and longest period.
        var groups = await db.AccessGrants.AsNoTracking().Where(g => ids.Contains(g.SystemId) && g.RemovedOn == null)
            .GroupBy(g => new { g.SystemId, NoPerson = g.PersonId == null, g.Privileged, Never = g.LastUsedOn == null })
            .Select(x => new { x.Key.SystemId, x.Key.NoPerson, x.Key.Privileged, x.Key.Never, Count = x.Count() }).ToListAsync(cancellationToken);
        // Leavers are few: start from them and reach their grants through the (person, removed) index, not a lookup per grant.
        var leavers = await db.People.AsNoTracking().Where(p => !p.Active || p.EndDate < today)
            .Join(db.AccessGrants.Where(g => g.RemovedOn == null && ids.Contains(g.SystemId)), p => (Guid?)p.Id, g => g.PersonId, (p, g) => g.SystemId)
            .GroupBy(systemId => systemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var stale = new Dictionary<Guid, int>();
        if (systems.Count > 0)
        {
            // Each system has its own unused period: "last used before" is a CASE over the systems, so one query counts them all.
            var grant = System.Linq.Expressions.Expression.Parameter(typeof(AccessGrant), "g");
            System.Linq.Expressions.Expression before = System.Linq.Expressions.Expression.Constant(null, typeof(DateOnly?));
            foreach (var system in systems)
            {
                before = System.Linq.Expressions.Expression.Condition(
                    System.Linq.Expressions.Expression.Equal(System.Linq.Expressions.Expression.Property(grant, nameof(AccessGrant.SystemId)), System.Linq.Expressions.Expression.Constant(system.Id)),
                    System.Linq.Expressions.Expression.Constant(AccessFlagRules.UnusedBefore(system.UnusedAfterDays, today), typeof(DateOnly?)), before);
            }
            var unused = System.Linq.Expressions.Expression.Lambda<Func<AccessGrant, bool>>(
                System.Linq.Expressions.Expression.LessThan(System.Linq.Expressions.Expression.Property(grant, nameof(AccessGrant.LastUsedOn)), before), grant);
            stale = await db.AccessGrants.AsNoTracking().Where(g => ids.Contains(g.SystemId) && g.RemovedOn == null).Where(unused)
                .GroupBy(g => g.SystemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        }
        return systems.Select(s =>
        {
            var mine = groups.Where(g => g.SystemId == s.Id).ToList();
            return new SystemRow(s.Id, s.Name, s.Description, s.OwnerId, s.Owner, s.AssetId, s.Asset, s.UnusedAfterDays, s.LastLoadedAt, mine.Sum(g => g.Count),
                mine.Where(g => g.NoPerson).Sum(g => g.Count), leavers.GetValueOrDefault(s.Id), mine.Where(g => g.Privileged).Sum(g => g.Count),
                mine.Where(g => g.Never).Sum(g => g.Count) + stale.GetValueOrDefault(s.Id), s.Version);
        }).ToList();
    }

    public static async Task<AccountPage> AccountsAsync(AttestDbContext db, Guid systemId, int unusedAfterDays, AccountFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var before = AccessFlagRules.UnusedBefore(unusedAfterDays, today);
        var query = db.AccessGrants.AsNoTracking().Where(g => g.SystemId == systemId);
        if (!filter.IncludeRemoved) query = query.Where(g => g.RemovedOn == null);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var text = filter.Query.Trim().ToLowerInvariant();
            query = query.Where(g => g.Account.ToLower().Contains(text) || g.Email.ToLower().Contains(text) || g.DisplayName.ToLower().Contains(text) || g.Entitlement.ToLower().Contains(text));
        }
        query = filter.Flag switch
        {
            AccessFlags.NoMatchingPerson => query.Where(g => g.PersonId == null),
            AccessFlags.Leaver => query.Where(g => db.People.Any(p => p.Id == g.PersonId && (!p.Active || p.EndDate < today))),
            AccessFlags.Privileged => query.Where(g => g.Privileged),
            AccessFlags.Unused => query.Where(g => g.LastUsedOn == null || g.LastUsedOn < before),
            AccessFlags.None => query.Where(g => g.PersonId == null || g.Privileged || g.LastUsedOn == null || g.LastUsedOn < before
                || db.People.Any(p => p.Id == g.PersonId && (!p.Active || p.EndDate < today))),
            _ => query,
        };
        var rows = await query.OrderBy(g => g.Account).ThenBy(g => g.Entitlement).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(g => new
            {
                g.Id, g.Account, g.Email, g.DisplayName, g.Entitlement, g.Privileged, g.LastUsedOn, g.PersonId, g.FirstSeenOn, g.RemovedOn,
                Person = db.People.Where(p => p.Id == g.PersonId).Select(p => new { p.Name, p.Active, p.EndDate }).FirstOrDefault(),
                Total = query.Count(),
            }).ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : page == 1 ? 0 : await query.CountAsync(cancellationToken);
        return new AccountPage(rows.Take(PageSize).Select(g => new AccountRow(g.Id, g.Account, g.Email, g.DisplayName, g.Entitlement, g.Privileged, g.LastUsedOn, g.PersonId,
            g.Person?.Name, g.FirstSeenOn, g.RemovedOn,
            AccessFlagRules.Of(g.PersonId is not null, g.Person is { } p && (!p.Active || p.EndDate < today), g.Privileged, g.LastUsedOn, unusedAfterDays, today))).ToList(),
            rows.Count > PageSize, total);
    }

    public static async Task<CampaignDetail> CampaignAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var campaign = await db.AccessReviewCampaigns.AsNoTracking().Where(c => c.Id == id).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Access review", id);
        var systems = await db.AccessReviewCampaignSystems.AsNoTracking().Where(l => l.CampaignId == id).Join(db.AccessSystems, l => l.SystemId, s => s.Id, (l, s) => s)
            .OrderBy(s => s.Name).Select(s => new CampaignSystem(s.Id, s.Name, s.OwnerId, db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new CampaignDetail(campaign.Id, campaign.Reference, campaign.Title, campaign.Status, campaign.Reviewers, campaign.DueOn, campaign.RevokeWithinDays,
            campaign.OpenedAt, campaign.CompletedAt, systems, campaign.Version);
    }

    /// <summary>The campaign summary: four grouped queries over the campaign's items (by reviewer, system, flags, remediation).</summary>
    public static async Task<CampaignSummary> SummaryAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var campaign = await CampaignAsync(db, id, cancellationToken);
        var today = Today(db);
        var items = db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == id);
        var byReviewer = await items.GroupBy(i => new { i.ReviewerId, i.Decision }).Select(g => new { g.Key.ReviewerId, g.Key.Decision, Count = g.Count() }).ToListAsync(cancellationToken);
        var bySystem = await items.GroupBy(i => new { i.SystemId, i.Decision }).Select(g => new { g.Key.SystemId, g.Key.Decision, Count = g.Count() }).ToListAsync(cancellationToken);
        var byFlags = await items.Where(i => i.Flags != AccessFlags.None).GroupBy(i => new { i.Flags, i.Decision }).Select(g => new { g.Key.Flags, g.Key.Decision, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var remediation = await items.Where(i => i.Decision == AccessDecision.Revoke || i.Decision == AccessDecision.Change)
            .GroupBy(i => new { Open = i.RemediatedAt == null, Overdue = i.RemediatedAt == null && i.RemediationDueOn < today })
            .Select(g => new { g.Key.Open, g.Key.Overdue, Count = g.Count() }).ToListAsync(cancellationToken);
        var reviewerIds = byReviewer.Where(r => r.ReviewerId != null).Select(r => r.ReviewerId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);

        static DecisionCounts Count<T>(IEnumerable<T> rows, Func<T, AccessDecision> decision, Func<T, int> count)
        {
            var list = rows.ToList();
            int Of(AccessDecision d) => list.Where(r => decision(r) == d).Sum(count);
            return new DecisionCounts(Of(AccessDecision.Pending), Of(AccessDecision.Keep), Of(AccessDecision.Revoke), Of(AccessDecision.Change));
        }
        var reviewers = byReviewer.GroupBy(r => r.ReviewerId)
            .Select(g => new ReviewerProgress(g.Key, g.Key is { } r && names.TryGetValue(r, out var n) ? $"{n.DisplayName} <{n.Email}>" : "(no reviewer)", Count(g, x => x.Decision, x => x.Count)))
            .OrderByDescending(r => r.Counts.Pending).ThenBy(r => r.Reviewer, StringComparer.OrdinalIgnoreCase).ToList();
        var systemNames = campaign.Systems.ToDictionary(s => s.Id, s => s.Name);
        var systems = bySystem.GroupBy(s => s.SystemId)
            .Select(g => new SystemProgress(g.Key, systemNames.GetValueOrDefault(g.Key) ?? "(removed)", Count(g, x => x.Decision, x => x.Count))).OrderBy(s => s.System).ToList();
        var flags = AccessFlagRules.Each.Select(f =>
        {
            var with = byFlags.Where(r => (r.Flags & f) == f).ToList();
            return new FlagCount(f, with.Sum(r => r.Count), with.Where(r => r.Decision == AccessDecision.Pending).Sum(r => r.Count),
                with.Where(r => AccessFlagRules.NeedsRemediation(r.Decision)).Sum(r => r.Count));
        }).ToList();
        return new CampaignSummary(campaign, Count(byReviewer, x => x.Decision, x => x.Count), reviewers, systems, flags, byFlags.Sum(r => r.Count),
            remediation.Where(r => r.Open).Sum(r => r.Count), remediation.Where(r => r.Overdue).Sum(r => r.Count), remediation.Where(r => !r.Open).Sum(r => r.Count));
    }

    /// <summary>
    /// One reviewer's items of a campaign, 50 a page, in account order (pending ones by default): one query for the rows, one for the
    /// counts. <paramref name="reviewerId"/> null lists every reviewer's items (for Managers and auditors).
    /// </summary>
    public static async Task<ReviewItemPage> ReviewerItemsAsync(AttestDbContext db, Guid campaignId, Guid? reviewerId, ReviewItemFilter filter, int page,
        CancellationToken cancellationToken = default)
    {
        var mine = db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaignId);
        if (reviewerId is { } reviewer) mine = mine.Where(i => i.ReviewerId == reviewer);
        var counts = await mine.GroupBy(i => i.Decision == AccessDecision.Pending).Select(g => new { Pending = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var query = mine;
        if (filter.PendingOnly) query = query.Where(i => i.Decision == AccessDecision.Pending);
        if (filter.SystemId is { } system) query = query.Where(i => i.SystemId == system);
        if (filter.Flag is { } flag)
        {
            var combinations = AccessFlagRules.CombinationsWith(flag);
            query = query.Where(i => combinations.Contains(i.Flags));
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var text = filter.Query.Trim().ToLowerInvariant();
            query = query.Where(i => i.Account.ToLower().Contains(text) || i.DisplayName.ToLower().Contains(text) || i.Entitlement.ToLower().Contains(text));
        }
        var rows = await Project(db, query.OrderBy(i => i.Account).ThenBy(i => i.Entitlement).ThenBy(i => i.Id).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize + 1))
            .ToListAsync(cancellationToken);
        return new ReviewItemPage(rows.Take(PageSize).ToList(), rows.Count > PageSize, counts.Where(c => c.Pending).Sum(c => c.Count), counts.Where(c => !c.Pending).Sum(c => c.Count));
    }

    /// <summary>Revocations and changes of a campaign still to carry out (or all of them), the oldest due first.</summary>
    public static async Task<(IReadOnlyList<ReviewItemRow> Rows, bool HasMore)> RemediationsAsync(AttestDbContext db, Guid campaignId, bool includeDone, int page,
        CancellationToken cancellationToken = default)
    {
        var query = db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaignId && (i.Decision == AccessDecision.Revoke || i.Decision == AccessDecision.Change));
        if (!includeDone) query = query.Where(i => i.RemediatedAt == null);
        var rows = await Project(db, query.OrderBy(i => i.RemediationDueOn).ThenBy(i => i.Account).ThenBy(i => i.Id).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize + 1))
            .ToListAsync(cancellationToken);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public static async Task<ReviewItemRow> ItemAsync(AttestDbContext db, Guid campaignId, Guid itemId, CancellationToken cancellationToken = default) =>
        await Project(db, db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaignId && i.Id == itemId)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new RecordNotFoundException("Access review item", itemId);

    internal static IQueryable<ReviewItemRow> Project(AttestDbContext db, IQueryable<AccessReviewItem> items) =>
        items.Select(i => new ReviewItemRow(i.Id, i.SystemId, db.AccessSystems.Where(s => s.Id == i.SystemId).Select(s => s.Name).FirstOrDefault() ?? "",
            i.Account, db.AccessGrants.Where(g => g.Id == i.GrantId).Select(g => g.Email).FirstOrDefault() ?? "", i.DisplayName,
            db.People.Where(p => p.Id == i.PersonId).Select(p => p.Name).FirstOrDefault(), i.Entitlement, i.Privileged, i.LastUsedOn, i.Flags, i.ReviewerId,
            db.Users.Where(u => u.Id == i.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(), i.Decision, i.Comment, i.ChangeTo, i.DecidedAt, i.DecidedBy,
            i.RemediationDueOn, i.RemediatedAt, i.RemediatedBy, i.RemediationNote, i.Version));

    /// <summary>Open campaigns in which <paramref name="userId"/> reviews items, with how many they still have to decide.</summary>
    public static async Task<IReadOnlyList<MyReviewRow>> MyReviewsAsync(AttestDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.AccessReviewCampaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Open || c.Status == CampaignStatus.Completed)
            .OrderByDescending(c => c.DueOn).Take(20).Select(c => new { c.Id, c.Reference, c.Title, c.DueOn, c.Status }).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.AccessReviewItems.AsNoTracking().Where(i => ids.Contains(i.CampaignId) && i.ReviewerId == userId)
            .GroupBy(i => new { i.CampaignId, Pending = i.Decision == AccessDecision.Pending }).Select(g => new { g.Key.CampaignId, g.Key.Pending, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return campaigns.Where(c => counts.Any(n => n.CampaignId == c.Id))
            .Select(c => new MyReviewRow(c.Id, c.Reference, c.Title, c.DueOn, c.Status, counts.Where(n => n.CampaignId == c.Id && n.Pending).Sum(n => n.Count),
                counts.Where(n => n.CampaignId == c.Id).Sum(n => n.Count))).ToList();
    }
}
