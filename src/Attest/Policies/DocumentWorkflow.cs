using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

/// <summary>What a person edits: the document's settings and the text of its working version.</summary>
public sealed record DocumentInput(
    string Title,
    string? Summary,
    string? Body,
    DocumentKind Kind = DocumentKind.Policy,
    string? Reference = null,
    Guid? OwnerId = null,
    DocumentClassification Classification = DocumentClassification.Internal,
    int ReviewMonths = 12,
    string? ReviewCycle = null,
    DocumentDistribution Distribution = DocumentDistribution.AllPersonnel,
    string? DistributionGroups = null,
    int AcceptWithinDays = 14,
    bool MinorVersionsNeedAcceptance = false,
    bool ListPublicly = false,
    bool PublishFullText = false,
    /// <summary>ISO relevance in the compact notation, e.g. "Clauses 4.3, 6.2; Annex A 5.9-5.11".</summary>
    string? Relevance = null,
    /// <summary>Comma-separated: job titles (CISO, CEO) and/or e-mail addresses of members.</summary>
    string? Approvers = null,
    IReadOnlyList<Guid>? RelatedDocumentIds = null,
    /// <summary>When editing a published document: the new draft is the next major version (2.0) rather than minor (1.1).</summary>
    bool MajorChange = false,
    string? ChangeNote = null,
    int Version = 0);

internal static class DocumentDates
{
    public static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public static async Task<Document> LoadAsync(AttestDbContext db, Guid id, int? version, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Document", id);
        if (version is { } expected) db.Entry(document).Property(d => d.Version).OriginalValue = expected;
        return document;
    }

    public static async Task<DocumentVersion> LatestAsync(AttestDbContext db, Document document, CancellationToken cancellationToken) =>
        await db.DocumentVersions.FirstOrDefaultAsync(v => v.Id == document.LatestVersionId, cancellationToken)
        ?? throw new RecordNotFoundException("Document version", document.LatestVersionId ?? Guid.Empty);

    /// <summary>Touches the document so its concurrency token moves with every change made through it.</summary>
    public static void Touch(AttestDbContext db, Document document)
    {
        if (db.Entry(document).State == EntityState.Unchanged) db.Entry(document).Property(d => d.UpdatedAt).IsModified = true;
    }
}

/// <summary>
/// Creates a document with its first draft, or edits one: the draft changes in place (a version in review goes back to
/// draft), a published document gets a new draft version — the published text is never touched.
/// </summary>
public sealed class SaveDocument(AttestDbContext db, DocumentDistributionRule distribution)
{
    public async Task<Guid> RunAsync(Guid? id, DocumentInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Summary), input.Summary, 1000)
            .MaxLength(nameof(input.Body), input.Body, 200_000)
            .MaxLength(nameof(input.Reference), input.Reference, 40)
            .MaxLength(nameof(input.ReviewCycle), input.ReviewCycle, 200)
            .MaxLength(nameof(input.DistributionGroups), input.DistributionGroups, 1000)
            .MaxLength(nameof(input.ChangeNote), input.ChangeNote, 2000)
            .MaxLength(nameof(input.Approvers), input.Approvers, 2000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Classification), input.Classification)
            .Defined(nameof(input.Distribution), input.Distribution);
        if (input.ReviewMonths is < 1 or > 60) validation.Add(nameof(input.ReviewMonths), "must be between 1 and 60 months.");
        if (input.AcceptWithinDays is < 1 or > 365) validation.Add(nameof(input.AcceptWithinDays), "must be between 1 and 365 days.");
        if (input.Distribution == DocumentDistribution.Groups && Split(input.DistributionGroups).Count == 0)
        {
            validation.Add(nameof(input.DistributionGroups), "name at least one department when the document is distributed to groups.");
        }
        if (input.PublishFullText && !input.ListPublicly) validation.Add(nameof(input.PublishFullText), "only a document listed publicly can show its full text.");
        if (input.ListPublicly && input.Classification != DocumentClassification.Public)
        {
            validation.Add(nameof(input.ListPublicly), $"only a document classified Public can be listed on the trust page (this one is {input.Classification}).");
        }
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Documents.AnyAsync(d => d.Reference == reference && d.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another document.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var approvers = await ResolveApproversAsync(input.Approvers, validation, cancellationToken);
        var related = (input.RelatedDocumentIds ?? []).Distinct().Where(r => r != id).ToList();
        if (related.Count > 0 && await db.Documents.CountAsync(d => related.Contains(d.Id), cancellationToken) != related.Count)
        {
            validation.Add(nameof(input.RelatedDocumentIds), "names documents that do not exist in this organization.");
        }
        IReadOnlyList<Guid> requirements = [];
        try
        {
            requirements = IsoNotation.Parse(input.Relevance, await RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken), nameof(input.Relevance));
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value)) validation.Add(nameof(input.Relevance), message);
        }
        validation.ThrowIfInvalid();

        Document document;
        DocumentVersion? draft;
        var body = (input.Body ?? "").Replace("\r\n", "\n").TrimEnd();
        var distributionChanged = false;
        if (id is null)
        {
            document = new Document { Reference = string.IsNullOrEmpty(reference) ? await NextReferenceAsync(input.Kind, cancellationToken) : reference, Title = input.Title.Trim() };
            db.Documents.Add(document);
            draft = new DocumentVersion { DocumentId = document.Id, Major = 1, Minor = 0, Status = DocumentVersionStatus.Draft, Title = document.Title };
            db.DocumentVersions.Add(draft);
            document.LatestVersionId = draft.Id;
        }
        else
        {
            document = await DocumentDates.LoadAsync(db, id.Value, input.Version, cancellationToken);
            if (document.Retired) throw ValidationFailedException.For("Status", $"{document.Reference} is retired; retired documents are kept as they were.");
            if (!string.IsNullOrEmpty(reference)) document.Reference = reference;
            distributionChanged = document.Distribution != input.Distribution || document.DistributionGroups != Join(input.DistributionGroups);
            var latest = await DocumentDates.LatestAsync(db, document, cancellationToken);
            var unchanged = latest.IsFinal && !input.MajorChange && latest.Title == input.Title.Trim() && latest.Summary == (input.Summary?.Trim() ?? "") &&
                latest.Body == body && (await db.DocumentRequirements.Where(l => l.VersionId == latest.Id).Select(l => l.RequirementId).ToListAsync(cancellationToken))
                    .ToHashSet().SetEquals(requirements);
            if (unchanged)
            {
                // Only the document's settings changed: the published text stays the current version, no new draft.
                draft = null;
            }
            else if (latest.IsFinal)
            {
                draft = new DocumentVersion
                {
                    DocumentId = document.Id,
                    Major = input.MajorChange ? latest.Major + 1 : latest.Major,
                    Minor = input.MajorChange ? 0 : latest.Minor + 1,
                    Status = DocumentVersionStatus.Draft,
                    Title = latest.Title,
                };
                db.DocumentVersions.Add(draft);
                document.LatestVersionId = draft.Id;
            }
            else
            {
                draft = latest;
                if (draft.Status != DocumentVersionStatus.Draft)
                {
                    // Changing the text under review voids the round: approvers must see what they approve.
                    draft.Status = DocumentVersionStatus.Draft;
                    db.DocumentApprovals.RemoveRange(await db.DocumentApprovals
                        .Where(a => a.VersionId == draft.Id && a.Decision == ApprovalDecision.Pending).ToListAsync(cancellationToken));
                }
                if (document.PublishedVersionId is { } publishedId)
                {
                    var published = await db.DocumentVersions.AsNoTracking().SingleAsync(v => v.Id == publishedId, cancellationToken);
                    draft.Major = input.MajorChange ? published.Major + 1 : published.Major;
                    draft.Minor = input.MajorChange ? 0 : published.Minor + 1;
                }
            }
        }

        document.Title = input.Title.Trim();
        document.Kind = input.Kind;
        document.OwnerId = input.OwnerId;
        document.Classification = input.Classification;
        document.ReviewMonths = input.ReviewMonths;
        document.ReviewCycle = input.ReviewCycle?.Trim() ?? "";
        document.Distribution = input.Distribution;
        document.DistributionGroups = Join(input.DistributionGroups);
        document.AcceptWithinDays = input.AcceptWithinDays;
        document.MinorVersionsNeedAcceptance = input.MinorVersionsNeedAcceptance;
        document.ListPublicly = input.ListPublicly;
        document.PublishFullText = input.PublishFullText;
        DocumentDates.Touch(db, document);

        if (draft is not null)
        {
            draft.Title = document.Title;
            draft.Summary = input.Summary?.Trim() ?? "";
            draft.Body = body;
            draft.ChangeNote = input.ChangeNote?.Trim() ?? "";
            var links = await db.DocumentRequirements.Where(l => l.VersionId == draft.Id).ToListAsync(cancellationToken);
            db.DocumentRequirements.RemoveRange(links.Where(l => !requirements.Contains(l.RequirementId)));
            foreach (var requirementId in requirements.Except(links.Select(l => l.RequirementId)))
            {
                db.DocumentRequirements.Add(new DocumentRequirement { VersionId = draft.Id, RequirementId = requirementId });
            }
        }

        var currentApprovers = await db.DocumentApprovers.Where(a => a.DocumentId == document.Id).ToListAsync(cancellationToken);
        db.DocumentApprovers.RemoveRange(currentApprovers.Where(a => !approvers.Any(n => n.UserId == a.UserId && n.JobTitle == a.JobTitle)));
        foreach (var approver in approvers.Where(n => !currentApprovers.Any(a => a.UserId == n.UserId && a.JobTitle == n.JobTitle)))
        {
            db.DocumentApprovers.Add(new DocumentApprover { DocumentId = document.Id, UserId = approver.UserId, JobTitle = approver.JobTitle });
        }

        // Relations read both ways: A related to B is B related to A, stored once.
        var relations = await db.DocumentRelations.Where(r => r.DocumentId == document.Id || r.RelatedDocumentId == document.Id).ToListAsync(cancellationToken);
        Guid Other(DocumentRelation r) => r.DocumentId == document.Id ? r.RelatedDocumentId : r.DocumentId;
        db.DocumentRelations.RemoveRange(relations.Where(r => !related.Contains(Other(r))));
        foreach (var relatedId in related.Except(relations.Select(Other)))
        {
            db.DocumentRelations.Add(new DocumentRelation { DocumentId = document.Id, RelatedDocumentId = relatedId });
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveAsync("document", cancellationToken);
        if (distributionChanged && document.PublishedVersionId is not null) await distribution.AssignAsync(document.Id, null, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return document.Id;
    }

    private sealed record NamedApprover(Guid? UserId, string? JobTitle);

    private async Task<List<NamedApprover>> ResolveApproversAsync(string? text, Validation validation, CancellationToken cancellationToken)
    {
        var result = new List<NamedApprover>();
        var names = Split(text);
        var emails = names.Where(n => n.Contains('@')).Select(n => n.ToUpperInvariant()).ToList();
        var members = emails.Count == 0 ? [] : await db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.NormalizedEmail, m.Role })
            .Where(u => emails.Contains(u.NormalizedEmail!))
            .ToListAsync(cancellationToken);
        foreach (var name in names)
        {
            if (name.Contains('@'))
            {
                var member = members.FirstOrDefault(m => m.NormalizedEmail == name.ToUpperInvariant());
                if (member is null) validation.Add("Approvers", $"{name} is not a member of this organization.");
                else if (member.Role == OrganizationRole.Auditor) validation.Add("Approvers", $"{name} is an auditor; auditors read, they do not approve.");
                else result.Add(new NamedApprover(member.Id, null));
            }
            else if (name.Length > 100) validation.Add("Approvers", $"'{name[..20]}…' is too long for a job title.");
            else result.Add(new NamedApprover(null, name));
        }
        return result.Distinct().ToList();
    }

    public static List<string> Split(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Join(string? text) => string.Join(", ", Split(text));

    private Task<string> NextReferenceAsync(DocumentKind kind, CancellationToken cancellationToken) =>
        References.NextAsync(db.Documents.Select(d => d.Reference), PrefixOf(kind), 3, cancellationToken);

    public static string PrefixOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Policy => "POL-",
        DocumentKind.Standard => "STD-",
        DocumentKind.Procedure => "PRO-",
        DocumentKind.Plan => "PLN-",
        DocumentKind.RecordTemplate => "TPL-",
        _ => "ISMS-",
    };
}

/// <summary>Sends the draft to its required approvers. Every approver named on the document gets one approval to give.</summary>
public sealed class SubmitDocumentForReview(AttestDbContext db)
{
    public async Task RunAsync(Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var document = await DocumentDates.LoadAsync(db, documentId, version, cancellationToken);
        var draft = await DocumentDates.LatestAsync(db, document, cancellationToken);
        if (draft.Status != DocumentVersionStatus.Draft) throw ValidationFailedException.For("Status", $"version {draft.Number} is {Describe(draft.Status)}; only a draft can be sent for review.");
        var approvers = await db.DocumentApprovers.AsNoTracking().Where(a => a.DocumentId == documentId).ToListAsync(cancellationToken);
        if (approvers.Count == 0) throw ValidationFailedException.For("Approvers", "name at least one required approver (a job title such as CISO, or a member's e-mail) before sending for review.");
        if (string.IsNullOrWhiteSpace(draft.Body)) throw ValidationFailedException.For("Body", "the draft has no text to review.");
        var now = Instant.Now(db.Clock);
        draft.Status = DocumentVersionStatus.InReview;
        draft.SubmittedAt = now;
        foreach (var approver in approvers)
        {
            db.DocumentApprovals.Add(new DocumentApproval
            {
                DocumentId = documentId, VersionId = draft.Id, RequiredUserId = approver.UserId, RequiredJobTitle = approver.JobTitle, RequestedAt = now,
            });
        }
        DocumentDates.Touch(db, document);
        await db.SaveAsync("document", cancellationToken);
    }

    public static string Describe(DocumentVersionStatus status) => DocumentLabels.Of(status);
}

/// <summary>
/// An approver's decision on the version in review. A person gives every approval they are entitled to (by name or
/// job title) at once; when none is pending the version is approved. Requesting changes returns it to draft.
/// </summary>
public sealed class DecideDocumentApproval(AttestDbContext db)
{
    public async Task<DocumentVersionStatus> RunAsync(Guid documentId, ApprovalDecision decision, string? comment, CancellationToken cancellationToken = default)
    {
        if (decision == ApprovalDecision.Pending || !Enum.IsDefined(decision)) throw ValidationFailedException.For("Decision", "must be Approved or ChangesRequested.");
        if (decision == ApprovalDecision.ChangesRequested && string.IsNullOrWhiteSpace(comment)) throw ValidationFailedException.For("Comment", "say what needs to change.");
        new Validation().MaxLength("Comment", comment, 2000).ThrowIfInvalid();
        var userId = db.Acting.UserId ?? throw ValidationFailedException.For("Approver", "only a signed-in person can approve.");
        var document = await DocumentDates.LoadAsync(db, documentId, null, cancellationToken);
        var version = await DocumentDates.LatestAsync(db, document, cancellationToken);
        if (version.Status != DocumentVersionStatus.InReview)
        {
            throw ValidationFailedException.For("Status", $"version {version.Number} is {SubmitDocumentForReview.Describe(version.Status)}; approvals are given while it is in review.");
        }
        var jobTitle = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.JobTitle).FirstOrDefaultAsync(cancellationToken);
        var round = await db.DocumentApprovals.Where(a => a.VersionId == version.Id && a.RequestedAt == version.SubmittedAt).ToListAsync(cancellationToken);
        var mine = round.Where(a => a.Decision == ApprovalDecision.Pending &&
            (a.RequiredUserId == userId || (a.RequiredJobTitle is not null && jobTitle is not null && string.Equals(a.RequiredJobTitle, jobTitle.Trim(), StringComparison.OrdinalIgnoreCase)))).ToList();
        if (mine.Count == 0)
        {
            var waiting = await DescribePendingAsync(db, round, cancellationToken);
            throw ValidationFailedException.For("Approver", waiting.Count == 0
                ? "every approval for this version has been given."
                : $"you are not one of the approvers still awaited: {string.Join(", ", waiting)}.");
        }
        var now = Instant.Now(db.Clock);
        foreach (var approval in mine)
        {
            approval.Decision = decision;
            approval.DecidedById = userId;
            approval.DecidedAt = now;
            approval.Comment = comment?.Trim() ?? "";
        }
        if (decision == ApprovalDecision.ChangesRequested)
        {
            version.Status = DocumentVersionStatus.Draft;
            db.DocumentApprovals.RemoveRange(round.Where(a => a.Decision == ApprovalDecision.Pending));
        }
        else if (round.All(a => a.Decision == ApprovalDecision.Approved))
        {
            version.Status = DocumentVersionStatus.Approved;
        }
        DocumentDates.Touch(db, document);
        await db.SaveAsync("document", cancellationToken);
        return version.Status;
    }

    /// <summary>"CISO, Dana Reyes": who still has to approve.</summary>
    internal static async Task<List<string>> DescribePendingAsync(AttestDbContext db, IEnumerable<DocumentApproval> round, CancellationToken cancellationToken)
    {
        var pending = round.Where(a => a.Decision == ApprovalDecision.Pending).ToList();
        var ids = pending.Where(a => a.RequiredUserId is not null).Select(a => a.RequiredUserId!.Value).ToList();
        var names = ids.Count == 0 ? [] : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return pending.Select(a => a.RequiredJobTitle ?? names.GetValueOrDefault(a.RequiredUserId!.Value, "a former member")).ToList();
    }
}

/// <summary>
/// Publishes the approved version: the previous one is superseded, the review clock restarts, and the version is
/// assigned to the document's distribution (accepted again when it is a major version, or when minor versions need it).
/// </summary>
public sealed class PublishDocumentVersion(AttestDbContext db, DocumentDistributionRule distribution)
{
    public async Task<string> RunAsync(Guid documentId, DateOnly? effectiveOn, int version, CancellationToken cancellationToken = default)
    {
        var document = await DocumentDates.LoadAsync(db, documentId, version, cancellationToken);
        var candidate = await DocumentDates.LatestAsync(db, document, cancellationToken);
        if (candidate.Status != DocumentVersionStatus.Approved)
        {
            var round = await db.DocumentApprovals.AsNoTracking().Where(a => a.VersionId == candidate.Id && a.RequestedAt == candidate.SubmittedAt).ToListAsync(cancellationToken);
            var waiting = await DecideDocumentApproval.DescribePendingAsync(db, round, cancellationToken);
            throw ValidationFailedException.For("Status", candidate.Status == DocumentVersionStatus.InReview && waiting.Count > 0
                ? $"version {candidate.Number} cannot be published until every required approver has approved; still awaited: {string.Join(", ", waiting)}."
                : $"version {candidate.Number} is {SubmitDocumentForReview.Describe(candidate.Status)}; only an approved version can be published.");
        }
        var today = DocumentDates.Today(db);
        var effective = effectiveOn ?? today;
        var previous = document.PublishedVersionId is { } publishedId ? await db.DocumentVersions.SingleAsync(v => v.Id == publishedId, cancellationToken) : null;
        if (previous is not null) previous.Status = DocumentVersionStatus.Superseded;
        candidate.Status = DocumentVersionStatus.Published;
        candidate.PublishedAt = Instant.Now(db.Clock);
        candidate.PublishedById = db.Acting.UserId;
        candidate.EffectiveOn = effective;
        candidate.NeededAcceptance = previous is null || candidate.Major > previous.Major || document.MinorVersionsNeedAcceptance;
        document.PublishedVersionId = candidate.Id;
        document.LatestVersionId = candidate.Id;
        document.LastReviewedOn = effective;
        document.NextReviewOn = effective.AddMonths(document.ReviewMonths);
        DocumentDates.Touch(db, document);

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveAsync("document", cancellationToken);
        await distribution.AssignAsync(document.Id, null, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return candidate.Number;
    }
}

/// <summary>Records a review that found the published version still right: the next review date moves one cycle on.</summary>
public sealed class RecordDocumentReview(AttestDbContext db)
{
    public async Task RunAsync(Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var document = await DocumentDates.LoadAsync(db, documentId, version, cancellationToken);
        if (document.PublishedVersionId is null || document.Retired) throw ValidationFailedException.For("Status", "only a published document is reviewed on its cycle.");
        var today = DocumentDates.Today(db);
        document.LastReviewedOn = today;
        document.NextReviewOn = today.AddMonths(document.ReviewMonths);
        await db.SaveAsync("document", cancellationToken);
    }
}

/// <summary>Withdraws a document: its published version is retired, open drafts are dropped, nobody is asked to read it any more. Acceptances stay.</summary>
public sealed class RetireDocument(AttestDbContext db)
{
    public async Task RunAsync(Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var document = await DocumentDates.LoadAsync(db, documentId, version, cancellationToken);
        if (document.Retired) throw ValidationFailedException.For("Status", $"{document.Reference} is already retired.");
        var versions = await db.DocumentVersions.Where(v => v.DocumentId == documentId).ToListAsync(cancellationToken);
        foreach (var open in versions.Where(v => !v.IsFinal))
        {
            db.DocumentRequirements.RemoveRange(await db.DocumentRequirements.Where(l => l.VersionId == open.Id).ToListAsync(cancellationToken));
            db.DocumentApprovals.RemoveRange(await db.DocumentApprovals.Where(a => a.VersionId == open.Id).ToListAsync(cancellationToken));
            db.DocumentVersions.Remove(open);
        }
        if (versions.FirstOrDefault(v => v.Id == document.PublishedVersionId) is { } published) published.Status = DocumentVersionStatus.Retired;
        document.LatestVersionId = document.PublishedVersionId;
        document.Retired = true;
        document.NextReviewOn = null;
        document.ListPublicly = false;
        document.PublishFullText = false;
        db.DocumentAssignments.RemoveRange(await db.DocumentAssignments.Where(a => a.DocumentId == documentId && a.AcceptedAt == null).ToListAsync(cancellationToken));
        if (document.PublishedVersionId is null) db.Documents.Remove(document);
        await db.SaveAsync("document", cancellationToken);
    }
}

/// <summary>
/// Who must read what: every active member except auditors who is in a published document's distribution has one
/// assignment to its current version; those who left the distribution lose their unaccepted assignments.
/// </summary>
public sealed class DocumentDistributionRule(AttestDbContext db)
{
    /// <summary>Brings assignments up to date for one document (or all) and one person (or everyone).</summary>
    public async Task<int> AssignAsync(Guid? documentId, Guid? userId, CancellationToken cancellationToken = default)
    {
        var today = DocumentDates.Today(db);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.PublishedVersionId != null && !d.Retired && (documentId == null || d.Id == documentId))
            .Join(db.DocumentVersions, d => d.PublishedVersionId, v => v.Id, (d, v) => new { d.Id, d.Distribution, d.DistributionGroups, d.AcceptWithinDays, Published = v.Id, v.NeededAcceptance })
            .ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.Role != OrganizationRole.Auditor && (userId == null || m.UserId == userId) && (m.AccessEndsOn == null || m.AccessEndsOn >= today))
            .Select(m => new { m.UserId, m.Role, m.Department })
            .ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var existing = await db.DocumentAssignments.Where(a => ids.Contains(a.DocumentId) && (userId == null || a.UserId == userId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(a => (a.DocumentId, a.UserId));
        var now = Instant.Now(db.Clock);
        var changed = 0;
        foreach (var document in documents)
        {
            var groups = SaveDocument.Split(document.DistributionGroups);
            var targets = members.Where(m => document.Distribution switch
            {
                DocumentDistribution.AllPersonnel => true,
                DocumentDistribution.Management => m.Role is OrganizationRole.Admin or OrganizationRole.Manager,
                DocumentDistribution.Groups => m.Department is not null && groups.Contains(m.Department.Trim(), StringComparer.OrdinalIgnoreCase),
                _ => false,
            }).Select(m => m.UserId).ToHashSet();
            foreach (var target in targets)
            {
                if (!byKey.TryGetValue((document.Id, target), out var assignment))
                {
                    db.DocumentAssignments.Add(new DocumentAssignment
                    {
                        DocumentId = document.Id, UserId = target, VersionId = document.Published, AssignedAt = now, DueOn = today.AddDays(document.AcceptWithinDays),
                    });
                    changed++;
                }
                else if (assignment.VersionId != document.Published && (document.NeededAcceptance || assignment.AcceptedAt is null))
                {
                    if (assignment.AcceptedAt is not null)
                    {
                        assignment.AssignedAt = now;
                        assignment.DueOn = today.AddDays(document.AcceptWithinDays);
                    }
                    assignment.VersionId = document.Published;
                    assignment.AcceptedAt = null;
                    assignment.OpenedAt = null;
                    assignment.RemindedAt = null;
                    changed++;
                }
            }
            foreach (var gone in existing.Where(a => a.DocumentId == document.Id && a.AcceptedAt is null && !targets.Contains(a.UserId)))
            {
                db.DocumentAssignments.Remove(gone);
                changed++;
            }
        }
        if (changed > 0) await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}

/// <summary>Records that a person opened the version assigned to them (the first time only).</summary>
public sealed class RecordDocumentOpened(AttestDbContext db)
{
    public async Task RunAsync(Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        if (db.Acting.UserId is not { } userId) return;
        var assignment = await db.DocumentAssignments.FirstOrDefaultAsync(a => a.DocumentId == documentId && a.UserId == userId && a.VersionId == versionId && a.OpenedAt == null, cancellationToken);
        if (assignment is null) return;
        assignment.OpenedAt = Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A person accepts the published version assigned to them, after opening it. The acceptance is kept for ever.</summary>
public sealed class AcceptDocumentVersion(AttestDbContext db)
{
    public async Task RunAsync(Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId ?? throw ValidationFailedException.For("Person", "only a signed-in person can accept a document.");
        var assignment = await db.DocumentAssignments.FirstOrDefaultAsync(a => a.DocumentId == documentId && a.UserId == userId, cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken) ?? throw new RecordNotFoundException("Document", documentId);
        if (assignment is null) throw ValidationFailedException.For("Version", $"{document.Reference} is not assigned to you.");
        if (assignment.VersionId != versionId) throw ValidationFailedException.For("Version", "this is not the version assigned to you; open the current version and accept that one.");
        if (assignment.AcceptedAt is not null) throw ValidationFailedException.For("Version", "you have already accepted this version.");
        if (assignment.OpenedAt is null) throw ValidationFailedException.For("Version", "open and read the document before accepting it.");
        var now = Instant.Now(db.Clock);
        assignment.AcceptedAt = now;
        db.DocumentAcceptances.Add(new DocumentAcceptance { DocumentId = documentId, VersionId = versionId, UserId = userId, OpenedAt = assignment.OpenedAt.Value, AcceptedAt = now });
        await db.SaveAsync("acceptance", cancellationToken);
    }
}

/// <summary>Reminds everyone whose acceptance is overdue (in the app: their dashboard shows the reminder). Returns how many were reminded.</summary>
public sealed class RemindOverdueReaders(AttestDbContext db)
{
    public async Task<int> RunAsync(Guid? documentId, CancellationToken cancellationToken = default)
    {
        var today = DocumentDates.Today(db);
        var overdue = await db.DocumentAssignments.Where(a => a.AcceptedAt == null && a.DueOn < today && (documentId == null || a.DocumentId == documentId)).ToListAsync(cancellationToken);
        var now = Instant.Now(db.Clock);
        foreach (var assignment in overdue) assignment.RemindedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }
}
