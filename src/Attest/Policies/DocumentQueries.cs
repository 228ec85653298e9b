using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

public sealed record DocumentFilter(string? Search = null, DocumentKind? Kind = null, DocumentVersionStatus? Status = null, bool OverdueOnly = false, bool IncludeRetired = false);

public sealed record DocumentRow(
    Guid Id, string Reference, DocumentKind Kind, string Title, string Summary, string? Owner, string LatestNumber, DocumentVersionStatus LatestStatus,
    string? PublishedNumber, DateOnly? EffectiveOn, DateOnly? NextReviewOn, bool ReviewOverdue, bool Retired, bool ListPublicly,
    int Assigned, int Accepted, string Relevance, int Version);

public sealed record DocumentPage(IReadOnlyList<DocumentRow> Rows, bool HasMore, int Total);

public sealed record VersionSummary(
    Guid Id, string Number, DocumentVersionStatus Status, string Title, string ChangeNote, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    DateOnly? EffectiveOn, DateTimeOffset? PublishedAt, string? PublishedBy, bool NeededAcceptance, int Acceptances, IReadOnlyList<ApprovalView> Approvals);

public sealed record ApprovalView(string Required, ApprovalDecision Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string Comment, DateTimeOffset RequestedAt);

public sealed record VersionView(
    Guid DocumentId, string Reference, Guid Id, string Number, DocumentVersionStatus Status, string Title, string Summary, string Body, string ChangeNote,
    DateOnly? EffectiveOn, DateTimeOffset? PublishedAt, string? PublishedBy, string Relevance, IReadOnlyList<Guid> RequirementIds, IReadOnlyList<ApprovalView> Approvals);

public sealed record RelatedView(Guid Id, string Reference, string Title);

public sealed record AssignmentView(Guid VersionId, string Number, DateTimeOffset AssignedAt, DateOnly DueOn, DateTimeOffset? OpenedAt, DateTimeOffset? AcceptedAt, bool Overdue);

public sealed record DocumentDetail(
    Guid Id, string Reference, DocumentKind Kind, string Title, Guid? OwnerId, string? Owner, DocumentClassification Classification,
    int ReviewMonths, string ReviewCycle, DateOnly? NextReviewOn, DateOnly? LastReviewedOn, bool ReviewOverdue,
    DocumentDistribution Distribution, string DistributionGroups, int AcceptWithinDays, bool MinorVersionsNeedAcceptance,
    bool ListPublicly, bool PublishFullText, bool Retired, string Approvers, IReadOnlyList<RelatedView> Related,
    VersionView Latest, VersionView? Published, IReadOnlyList<VersionSummary> History, AssignmentView? MyAssignment,
    bool AwaitingMyApproval, IReadOnlyList<string> AwaitedApprovers, int Version);

/// <summary>Reading documents: the register, one document with its history, a version, comparisons and coverage.</summary>
public static class DocumentQueries
{
    public static async Task<DocumentPage> RegisterAsync(AttestDbContext db, DocumentFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = DocumentDates.Today(db);
        var query = from d in db.Documents.AsNoTracking()
                    join l in db.DocumentVersions on d.LatestVersionId equals l.Id
                    select new { d, l };
        if (!filter.IncludeRetired && filter.Status != DocumentVersionStatus.Retired) query = query.Where(x => !x.d.Retired);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(x => x.d.Reference.ToLower().Contains(term) || x.d.Title.ToLower().Contains(term) || x.l.Summary.ToLower().Contains(term));
        }
        if (filter.Kind is { } kind) query = query.Where(x => x.d.Kind == kind);
        if (filter.Status is { } status) query = query.Where(x => x.l.Status == status);
        if (filter.OverdueOnly) query = query.Where(x => x.d.NextReviewOn != null && x.d.NextReviewOn < today && !x.d.Retired);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.d.Reference).Skip((page - 1) * size).Take(size + 1)
            .Select(x => new
            {
                x.d.Id, x.d.Reference, x.d.Kind, x.d.Title, x.l.Summary, x.d.OwnerId, LatestId = x.l.Id, x.l.Major, x.l.Minor, x.l.Status,
                x.d.PublishedVersionId, x.d.NextReviewOn, x.d.Retired, x.d.ListPublicly, x.d.Version,
                Owner = db.Users.Where(u => u.Id == x.d.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Published = db.DocumentVersions.Where(p => p.Id == x.d.PublishedVersionId).Select(p => new { p.Major, p.Minor, p.EffectiveOn }).FirstOrDefault(),
                Assigned = db.DocumentAssignments.Count(a => a.DocumentId == x.d.Id),
                Accepted = db.DocumentAssignments.Count(a => a.DocumentId == x.d.Id && a.AcceptedAt != null),
            })
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        var shownVersions = rows.Select(r => r.PublishedVersionId ?? r.LatestId).ToList();
        var relevance = await RelevanceAsync(db, shownVersions, cancellationToken);
        return new DocumentPage(rows.Select(r => new DocumentRow(
            r.Id, r.Reference, r.Kind, r.Title, r.Summary, r.Owner, $"{r.Major}.{r.Minor}", r.Status,
            r.Published is null ? null : $"{r.Published.Major}.{r.Published.Minor}", r.Published?.EffectiveOn, r.NextReviewOn,
            !r.Retired && r.NextReviewOn is { } next && next < today, r.Retired, r.ListPublicly, r.Assigned, r.Accepted,
            relevance.GetValueOrDefault(r.PublishedVersionId ?? r.LatestId, ""), r.Version)).ToList(), more, total);
    }

    /// <summary>The ISO relevance of each version, in the compact notation; one query for the links, one index for all.</summary>
    public static async Task<Dictionary<Guid, string>> RelevanceAsync(AttestDbContext db, IReadOnlyCollection<Guid> versionIds, CancellationToken cancellationToken = default)
    {
        if (versionIds.Count == 0) return [];
        var links = await db.DocumentRequirements.AsNoTracking().Where(l => versionIds.Contains(l.VersionId)).Select(l => new { l.VersionId, l.RequirementId }).ToListAsync(cancellationToken);
        if (links.Count == 0) return [];
        var index = await RequirementIndex.LoadAsync(db, links.Select(l => l.RequirementId), cancellationToken);
        return links.GroupBy(l => l.VersionId).ToDictionary(g => g.Key, g => IsoNotation.Format(g.Select(l => l.RequirementId), index));
    }

    public static async Task<DocumentDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Document", id);
        var today = DocumentDates.Today(db);
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id)
            .OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new { Version = v, PublishedBy = db.Users.Where(u => u.Id == v.PublishedById).Select(u => u.DisplayName).FirstOrDefault(),
                Acceptances = db.DocumentAcceptances.Count(a => a.VersionId == v.Id) })
            .ToListAsync(cancellationToken);
        var approvals = await ApprovalsAsync(db, a => a.DocumentId == id, cancellationToken);
        var shown = versions.Where(v => v.Version.Id == document.LatestVersionId || v.Version.Id == document.PublishedVersionId).Select(v => v.Version.Id).ToList();
        var links = await db.DocumentRequirements.AsNoTracking().Where(l => shown.Contains(l.VersionId)).Select(l => new { l.VersionId, l.RequirementId }).ToListAsync(cancellationToken);
        var index = await RequirementIndex.LoadAsync(db, links.Select(l => l.RequirementId), cancellationToken);
        VersionView View(DocumentVersion v, string? publishedBy)
        {
            var ids = links.Where(l => l.VersionId == v.Id).Select(l => l.RequirementId).ToList();
            return new VersionView(id, document.Reference, v.Id, v.Number, v.Status, v.Title, v.Summary, v.Body, v.ChangeNote, v.EffectiveOn, v.PublishedAt, publishedBy,
                IsoNotation.Format(ids, index), ids, approvals.Where(a => a.VersionId == v.Id).Select(a => a.View).ToList());
        }
        var latest = versions.Single(v => v.Version.Id == document.LatestVersionId);
        var published = versions.FirstOrDefault(v => v.Version.Id == document.PublishedVersionId);

        var approvers = await db.DocumentApprovers.AsNoTracking().Where(a => a.DocumentId == id)
            .Select(a => new { a.JobTitle, Email = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var related = await db.DocumentRelations.AsNoTracking().Where(r => r.DocumentId == id || r.RelatedDocumentId == id)
            .Select(r => r.DocumentId == id ? r.RelatedDocumentId : r.DocumentId)
            .Join(db.Documents, r => r, d => d.Id, (_, d) => new RelatedView(d.Id, d.Reference, d.Title))
            .ToListAsync(cancellationToken);
        var owner = document.OwnerId is null ? null : await db.Users.Where(u => u.Id == document.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        AssignmentView? mine = null;
        var awaitingMe = false;
        if (db.Acting.UserId is { } userId)
        {
            mine = await db.DocumentAssignments.AsNoTracking().Where(a => a.DocumentId == id && a.UserId == userId)
                .Join(db.DocumentVersions, a => a.VersionId, v => v.Id, (a, v) => new { a, v.Major, v.Minor })
                .Select(x => new AssignmentView(x.a.VersionId, x.Major + "." + x.Minor, x.a.AssignedAt, x.a.DueOn, x.a.OpenedAt, x.a.AcceptedAt, x.a.AcceptedAt == null && x.a.DueOn < today))
                .FirstOrDefaultAsync(cancellationToken);
            var jobTitle = await JobTitleAsync(db, userId, cancellationToken);
            awaitingMe = latest.Version.Status == DocumentVersionStatus.InReview && approvals.Any(a => a.VersionId == latest.Version.Id &&
                a.View.RequestedAt == latest.Version.SubmittedAt && a.View.Decision == ApprovalDecision.Pending &&
                (a.RequiredUserId == userId || (a.RequiredJobTitle is not null && string.Equals(a.RequiredJobTitle, jobTitle, StringComparison.OrdinalIgnoreCase))));
        }
        var awaited = latest.Version.Status == DocumentVersionStatus.InReview
            ? approvals.Where(a => a.VersionId == latest.Version.Id && a.View.RequestedAt == latest.Version.SubmittedAt && a.View.Decision == ApprovalDecision.Pending).Select(a => a.View.Required).ToList()
            : [];

        return new DocumentDetail(
            document.Id, document.Reference, document.Kind, document.Title, document.OwnerId, owner, document.Classification, document.ReviewMonths, document.ReviewCycle,
            document.NextReviewOn, document.LastReviewedOn, !document.Retired && document.NextReviewOn < today, document.Distribution, document.DistributionGroups,
            document.AcceptWithinDays, document.MinorVersionsNeedAcceptance, document.ListPublicly, document.PublishFullText, document.Retired,
            string.Join(", ", approvers.Select(a => a.JobTitle ?? a.Email ?? "").Where(a => a.Length > 0).OrderBy(a => a.Contains('@')).ThenBy(a => a, StringComparer.OrdinalIgnoreCase)),
            related.DistinctBy(r => r.Id).OrderBy(r => r.Reference).ToList(),
            View(latest.Version, latest.PublishedBy), published is null ? null : View(published.Version, published.PublishedBy),
            versions.Select(v => new VersionSummary(v.Version.Id, v.Version.Number, v.Version.Status, v.Version.Title, v.Version.ChangeNote, v.Version.CreatedAt,
                v.Version.SubmittedAt, v.Version.EffectiveOn, v.Version.PublishedAt, v.PublishedBy, v.Version.NeededAcceptance, v.Acceptances,
                approvals.Where(a => a.VersionId == v.Version.Id).Select(a => a.View).ToList())).ToList(),
            mine, awaitingMe, awaited, document.Version);
    }

    public static async Task<VersionView> VersionAsync(AttestDbContext db, Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        var found = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == versionId && v.DocumentId == documentId)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v, d.Reference, PublishedBy = db.Users.Where(u => u.Id == v.PublishedById).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Document version", versionId);
        var ids = await db.DocumentRequirements.AsNoTracking().Where(l => l.VersionId == versionId).Select(l => l.RequirementId).ToListAsync(cancellationToken);
        var index = await RequirementIndex.LoadAsync(db, ids, cancellationToken);
        var approvals = await ApprovalsAsync(db, a => a.VersionId == versionId, cancellationToken);
        var v = found.v;
        return new VersionView(documentId, found.Reference, v.Id, v.Number, v.Status, v.Title, v.Summary, v.Body, v.ChangeNote, v.EffectiveOn, v.PublishedAt, found.PublishedBy,
            IsoNotation.Format(ids, index), ids, approvals.Select(a => a.View).ToList());
    }

    private static Task<string?> JobTitleAsync(AttestDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.JobTitle).FirstOrDefaultAsync(cancellationToken);

    private sealed record ApprovalRow(Guid VersionId, Guid? RequiredUserId, string? RequiredJobTitle, ApprovalView View);

    private static async Task<List<ApprovalRow>> ApprovalsAsync(AttestDbContext db, System.Linq.Expressions.Expression<Func<DocumentApproval, bool>> which, CancellationToken cancellationToken)
    {
        var rows = await db.DocumentApprovals.AsNoTracking().Where(which).OrderBy(a => a.RequestedAt).ThenBy(a => a.RequiredJobTitle)
            .Select(a => new
            {
                a.VersionId, a.RequiredUserId, a.RequiredJobTitle, a.Decision, a.DecidedAt, a.Comment, a.RequestedAt,
                Required = db.Users.Where(u => u.Id == a.RequiredUserId).Select(u => u.DisplayName).FirstOrDefault(),
                DecidedBy = db.Users.Where(u => u.Id == a.DecidedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ApprovalRow(a.VersionId, a.RequiredUserId, a.RequiredJobTitle,
            new ApprovalView(a.RequiredJobTitle ?? a.Required ?? "a former member", a.Decision, a.DecidedBy, a.DecidedAt, a.Comment, a.RequestedAt))).ToList();
    }

    public sealed record Comparison(VersionView From, VersionView To, IReadOnlyList<DiffLine> Body, bool TitleChanged, bool SummaryChanged, bool RelevanceChanged);

    /// <summary>Two versions compared; without a choice, the published version against the working one (or the two newest).</summary>
    public static async Task<Comparison> CompareAsync(AttestDbContext db, Guid documentId, Guid? fromId, Guid? toId, CancellationToken cancellationToken = default)
    {
        if (fromId is null || toId is null)
        {
            var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId)
                .OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor).Select(v => new { v.Id, v.Status }).Take(2).ToListAsync(cancellationToken);
            if (versions.Count == 0) throw new RecordNotFoundException("Document", documentId);
            toId ??= versions[0].Id;
            fromId ??= versions.Count > 1 ? versions[1].Id : versions[0].Id;
        }
        var from = await VersionAsync(db, documentId, fromId.Value, cancellationToken);
        var to = await VersionAsync(db, documentId, toId.Value, cancellationToken);
        return new Comparison(from, to, TextDiff.Lines(from.Body, to.Body), from.Title != to.Title, from.Summary != to.Summary, from.Relevance != to.Relevance);
    }

    public sealed record UncoveredRequirement(Guid Id, string Code, string Title);

    public sealed record OverdueDocument(Guid Id, string Reference, string Title, string? Owner, DateOnly NextReviewOn, int DaysOverdue);

    public sealed record Coverage(string FrameworkKey, string FrameworkName, int Assessable, int Covered, IReadOnlyList<UncoveredRequirement> Uncovered, IReadOnlyList<OverdueDocument> Overdue);

    /// <summary>Which requirements of a framework (ISO 27001 by default) no published document addresses, and which documents are past their review date.</summary>
    public static async Task<Coverage> CoverageAsync(AttestDbContext db, string? frameworkKey, CancellationToken cancellationToken = default)
    {
        var framework = await Frameworks.FrameworkQueries.FindAsync(db, string.IsNullOrWhiteSpace(frameworkKey) ? IsoNotation.DefaultFramework : frameworkKey, cancellationToken);
        var today = DocumentDates.Today(db);
        var published = db.DocumentRequirements
            .Join(db.DocumentVersions.Where(v => v.Status == DocumentVersionStatus.Published), l => l.VersionId, v => v.Id, (l, _) => l.RequirementId);
        var requirements = await db.Requirements.AsNoTracking().Where(r => r.FrameworkId == framework.Id && r.Assessable && !r.Withdrawn)
            .OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Code, r.Title, Covered = published.Any(p => p == r.Id) })
            .ToListAsync(cancellationToken);
        var overdue = await db.Documents.AsNoTracking().Where(d => !d.Retired && d.NextReviewOn != null && d.NextReviewOn < today)
            .OrderBy(d => d.NextReviewOn)
            .Select(d => new { d.Id, d.Reference, d.Title, d.NextReviewOn, Owner = db.Users.Where(u => u.Id == d.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new Coverage(framework.Key, framework.Name, requirements.Count, requirements.Count(r => r.Covered),
            requirements.Where(r => !r.Covered).Select(r => new UncoveredRequirement(r.Id, r.Code, r.Title)).ToList(),
            overdue.Select(d => new OverdueDocument(d.Id, d.Reference, d.Title, d.Owner, d.NextReviewOn!.Value, today.DayNumber - d.NextReviewOn.Value.DayNumber)).ToList());
    }

    public sealed record MyAssignment(Guid DocumentId, string Reference, string Title, Guid VersionId, string Number, DateOnly DueOn, DateTimeOffset? OpenedAt,
        DateTimeOffset? AcceptedAt, DateTimeOffset? RemindedAt, bool Overdue);

    public sealed record MyApproval(Guid DocumentId, string Reference, string Title, string Number, DateTimeOffset RequestedAt);

    public sealed record MyDocuments(IReadOnlyList<MyAssignment> ToRead, IReadOnlyList<MyAssignment> Accepted, IReadOnlyList<MyApproval> ToApprove);

    /// <summary>What the signed-in person must read, has accepted, and must approve.</summary>
    public static async Task<MyDocuments> MineAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Acting.UserId is not { } userId) return new MyDocuments([], [], []);
        var today = DocumentDates.Today(db);
        var assignments = await db.DocumentAssignments.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Documents, a => a.DocumentId, d => d.Id, (a, d) => new { a, d.Reference, d.Title })
            .Join(db.DocumentVersions, x => x.a.VersionId, v => v.Id, (x, v) => new { x.a, x.Reference, x.Title, v.Major, v.Minor })
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.Reference)
            .Select(x => new MyAssignment(x.a.DocumentId, x.Reference, x.Title, x.a.VersionId, x.Major + "." + x.Minor, x.a.DueOn, x.a.OpenedAt, x.a.AcceptedAt,
                x.a.RemindedAt, x.a.AcceptedAt == null && x.a.DueOn < today))
            .ToListAsync(cancellationToken);
        var jobTitle = (await JobTitleAsync(db, userId, cancellationToken))?.ToLower();
        var approvals = await db.DocumentApprovals.AsNoTracking()
            .Where(a => a.Decision == ApprovalDecision.Pending && (a.RequiredUserId == userId || (jobTitle != null && a.RequiredJobTitle != null && a.RequiredJobTitle.ToLower() == jobTitle)))
            .Join(db.DocumentVersions.Where(v => v.Status == DocumentVersionStatus.InReview), a => a.VersionId, v => v.Id, (a, v) => new { a, v })
            .Where(x => x.a.RequestedAt == x.v.SubmittedAt)
            .Join(db.Documents, x => x.v.DocumentId, d => d.Id, (x, d) => new MyApproval(d.Id, d.Reference, d.Title, x.v.Major + "." + x.v.Minor, x.a.RequestedAt))
            .ToListAsync(cancellationToken);
        return new MyDocuments(assignments.Where(a => a.AcceptedAt is null).ToList(), assignments.Where(a => a.AcceptedAt is not null).ToList(),
            approvals.DistinctBy(a => a.DocumentId).ToList());
    }
}
