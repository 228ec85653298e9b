using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.AccessReviews;

public sealed record AccessReviewInput(string Title, IReadOnlyList<Guid> SystemIds, ReviewerRule Reviewers, DateOnly DueOn, int RevokeWithinDays = 14, int Version = 0);

public sealed record AccessDecisionInput(AccessDecision Decision, string? Comment = null, string? ChangeTo = null, int Version = 0);

/// <summary>Who may act on a review's items: the assigned reviewer, or a Manager or Admin; an Auditor only reads.</summary>
public static class AccessReviewPermissions
{
    public static bool IsManager(ActingContext acting) => acting.Role is OrganizationRole.Admin or OrganizationRole.Manager;

    public static bool CanDecide(ActingContext acting, Guid? reviewerId) =>
        IsManager(acting) || (acting.Role is not (null or OrganizationRole.Auditor) && acting.UserId is { } user && user == reviewerId);

    /// <summary>Revocations are confirmed by a Manager or by the owner of the system (who usually carries them out).</summary>
    public static bool CanConfirm(ActingContext acting, Guid? systemOwnerId) =>
        IsManager(acting) || (acting.Role is not (null or OrganizationRole.Auditor) && acting.UserId is { } user && user == systemOwnerId);

    /// <summary>"Casey Ciso &lt;ciso@lumen.example&gt;" for the acting person, or the actor's name (the CLI, the system).</summary>
    internal static async Task<string> WhoAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        if (db.Acting.UserId is not { } userId) return db.Acting.Actor;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        var who = user is null ? db.Acting.Actor : $"{user.DisplayName} <{user.Email}>";
        return who.Length > 300 ? who[..300] : who;
    }
}

/// <summary>Creates a review campaign as a draft, or changes a draft: title, systems, reviewer rule, due date.</summary>
public sealed class SaveAccessReview(AttestDbContext db)
{
    /// <exception cref="ValidationFailedException">A field breaks a rule, or the campaign is no longer a draft.</exception>
    public async Task<Guid> RunAsync(Guid? id, AccessReviewInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Title), input.Title, 300).Defined(nameof(input.Reviewers), input.Reviewers);
        if (input.RevokeWithinDays is < 1 or > 365) validation.Add(nameof(input.RevokeWithinDays), "must be 1 to 365 days.");
        var systems = (input.SystemIds ?? []).Distinct().ToList();
        if (systems.Count == 0) validation.Add(nameof(input.SystemIds), "choose at least one system to review.");
        else if (await db.AccessSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken) != systems.Count)
        {
            validation.Add(nameof(input.SystemIds), "names systems that do not exist in this organization.");
        }
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        AccessReviewCampaign? campaign = null;
        if (id is not null)
        {
            campaign = await db.AccessReviewCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access review", id);
            if (campaign.Status != CampaignStatus.Draft) validation.Add("Status", $"{campaign.Reference} is {campaign.Status.ToString().ToLowerInvariant()}; only a draft changes.");
        }
        if (input.DueOn == default) validation.Add(nameof(input.DueOn), "is required.");
        else if (campaign is null && input.DueOn < today) validation.Add(nameof(input.DueOn), "must be today or later.");
        validation.ThrowIfInvalid();
        if (campaign is null)
        {
            campaign = new AccessReviewCampaign
            {
                Reference = await References.NextAsync(db.AccessReviewCampaigns.Select(c => c.Reference), "AR-", 3, cancellationToken), Title = input.Title.Trim(),
            };
            db.AccessReviewCampaigns.Add(campaign);
        }
        else
        {
            db.Entry(campaign).Property(c => c.Version).OriginalValue = input.Version;
        }
        campaign.Title = input.Title.Trim();
        campaign.Reviewers = input.Reviewers;
        campaign.DueOn = input.DueOn;
        campaign.RevokeWithinDays = input.RevokeWithinDays;
        var linked = id is null ? [] : await db.AccessReviewCampaignSystems.Where(l => l.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        db.AccessReviewCampaignSystems.RemoveRange(linked.Where(l => !systems.Contains(l.SystemId)));
        foreach (var system in systems.Where(s => !linked.Any(l => l.SystemId == s)))
        {
            db.AccessReviewCampaignSystems.Add(new AccessReviewCampaignSystem { CampaignId = campaign.Id, SystemId = system });
        }
        await db.SaveAsync("access review", cancellationToken);
        return campaign.Id;
    }
}

/// <summary>
/// Opens a draft campaign: every active grant of its systems becomes an item to decide, with the account's flags and its reviewer
/// (the system owner, or the person's manager with the owner as fallback). Items go in by bulk batches — a campaign may hold tens
/// of thousands — and the campaign's opening is the audited change; each later decision is audited on its item.
/// </summary>
public sealed class OpenAccessReview(AttestDbContext db)
{
    private const int Batch = 5_000;

    /// <returns>The number of items to review.</returns>
    public async Task<int> RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var campaign = await db.AccessReviewCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access review", id);
        if (campaign.Status != CampaignStatus.Draft) throw ValidationFailedException.For("Status", $"{campaign.Reference} is already {campaign.Status.ToString().ToLowerInvariant()}.");
        if (campaign.Version != version) throw new EditConflictException("access review");
        var systems = await db.AccessReviewCampaignSystems.AsNoTracking().Where(l => l.CampaignId == id)
            .Join(db.AccessSystems, l => l.SystemId, s => s.Id, (l, s) => new { s.Id, s.Name, s.OwnerId, s.UnusedAfterDays }).ToListAsync(cancellationToken);
        var validation = new Validation();
        if (systems.Count == 0) validation.Add("SystemIds", "choose at least one system to review.");
        var members = (await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken));
        var memberIds = members.Select(m => m.Id).ToHashSet();
        foreach (var system in systems.Where(s => s.OwnerId is not { } owner || !memberIds.Contains(owner)))
        {
            validation.Add("SystemIds", $"{system.Name} has no owner who is a member here; give it one first (the owner reviews its accounts, or those without a manager).");
        }
        validation.ThrowIfInvalid();

        var systemIds = systems.Select(s => s.Id).ToList();
        var grants = await db.AccessGrants.AsNoTracking().Where(g => systemIds.Contains(g.SystemId) && g.RemovedOn == null)
            .Select(g => new { g.Id, g.SystemId, g.Account, g.DisplayName, g.Entitlement, g.Privileged, g.LastUsedOn, g.PersonId }).ToListAsync(cancellationToken);
        if (grants.Count == 0) throw ValidationFailedException.For("SystemIds", "the chosen systems have no accounts yet; load their accounts first.");
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.ManagerId, p.UserId, p.EmailKey, p.Active, p.EndDate }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var memberByEmail = members.Where(m => m.NormalizedEmail != null).GroupBy(m => m.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        Guid? UserOf(Guid personId)
        {
            if (!people.TryGetValue(personId, out var person)) return null;
            if (person.UserId is { } linked) return memberIds.Contains(linked) ? linked : null;
            return memberByEmail.TryGetValue(person.EmailKey.ToUpperInvariant(), out var user) ? user : null;
        }

        var now = Instant.Now(db.Clock);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var bySystem = systems.ToDictionary(s => s.Id);
        var items = new List<AccessReviewItem>(grants.Count);
        foreach (var grant in grants)
        {
            var system = bySystem[grant.SystemId];
            var person = grant.PersonId is { } p ? people.GetValueOrDefault(p) : null;
            var reviewer = system.OwnerId;
            if (campaign.Reviewers == ReviewerRule.PersonManager && person?.ManagerId is { } manager && UserOf(manager) is { } managerUser && managerUser != UserOf(person.Id))
            {
                reviewer = managerUser;
            }
            items.Add(new AccessReviewItem
            {
                OrganizationId = organizationId, CampaignId = id, SystemId = grant.SystemId, GrantId = grant.Id, Account = grant.Account, DisplayName = grant.DisplayName,
                Entitlement = grant.Entitlement, Privileged = grant.Privileged, LastUsedOn = grant.LastUsedOn, PersonId = grant.PersonId, ReviewerId = reviewer, Version = 1,
                Flags = AccessFlagRules.Of(person is not null, person is not null && (!person.Active || person.EndDate < today), grant.Privileged, grant.LastUsedOn,
                    system.UnusedAfterDays, today),
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BulkLoading = true;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in items.Chunk(Batch))
            {
                db.AccessReviewItems.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.BulkLoading = false;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        var opened = await db.AccessReviewCampaigns.FirstAsync(c => c.Id == id, cancellationToken);
        db.Entry(opened).Property(c => c.Version).OriginalValue = version;
        opened.Status = CampaignStatus.Open;
        opened.OpenedAt = now;
        await db.SaveAsync("access review", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return items.Count;
    }
}

/// <summary>Records a reviewer's decision on one item: keep, revoke, or change to another entitlement. The last decision completes the campaign.</summary>
public sealed class DecideAccessItem(AttestDbContext db)
{
    /// <exception cref="RecordNotFoundException">No such item here, or it is not the acting person's to decide.</exception>
    /// <exception cref="ValidationFailedException">The campaign is not open, or a required comment or new entitlement is missing.</exception>
    public async Task RunAsync(Guid campaignId, Guid itemId, AccessDecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.AccessReviewItems.FirstOrDefaultAsync(i => i.Id == itemId && i.CampaignId == campaignId, cancellationToken);
        if (item is null || !AccessReviewPermissions.CanDecide(db.Acting, item.ReviewerId)) throw new RecordNotFoundException("Access review item", itemId);
        var campaign = await db.AccessReviewCampaigns.FirstAsync(c => c.Id == campaignId, cancellationToken);
        var validation = new Validation();
        AccessReviewRules.CheckOpen(campaign);
        if (!Enum.IsDefined(input.Decision) || input.Decision == AccessDecision.Pending) validation.Add(nameof(input.Decision), "choose Keep, Revoke or Change.");
        var comment = input.Comment?.Trim() ?? "";
        var changeTo = input.ChangeTo?.Trim() ?? "";
        validation.MaxLength(nameof(input.Comment), comment, 2000).MaxLength(nameof(input.ChangeTo), changeTo, 300);
        if (comment.Length == 0 && AccessFlagRules.NeedsComment(item.Privileged, input.Decision))
        {
            validation.Add(nameof(input.Comment), item.Privileged ? "is required for privileged access: say why it is (or is no longer) needed." : $"is required to {input.Decision.ToString().ToLowerInvariant()} access: say why.");
        }
        if (input.Decision == AccessDecision.Change)
        {
            if (changeTo.Length == 0) validation.Add(nameof(input.ChangeTo), "name the entitlement the account should have instead.");
            else if (string.Equals(changeTo, item.Entitlement, StringComparison.OrdinalIgnoreCase)) validation.Add(nameof(input.ChangeTo), $"is the entitlement it already has ({item.Entitlement}); choose Keep instead.");
        }
        if (item.RemediatedAt is not null && input.Decision != item.Decision)
        {
            validation.Add(nameof(input.Decision), $"the {item.Decision.ToString().ToLowerInvariant()} was already carried out ({item.RemediatedBy}); it can no longer change.");
        }
        validation.ThrowIfInvalid();
        db.Entry(item).Property(i => i.Version).OriginalValue = input.Version;
        var now = Instant.Now(db.Clock);
        AccessReviewRules.Apply(item, input.Decision, comment, input.Decision == AccessDecision.Change ? changeTo : "", now, await AccessReviewPermissions.WhoAsync(db, cancellationToken), campaign.RevokeWithinDays);
        if (!await db.AccessReviewItems.AnyAsync(i => i.CampaignId == campaignId && i.Decision == AccessDecision.Pending && i.Id != itemId, cancellationToken))
        {
            campaign.Status = CampaignStatus.Completed;
            campaign.CompletedAt = now;
        }
        await db.SaveAsync("access review item", cancellationToken);
    }
}

/// <summary>Keeps several non-privileged items at once (the reviewer's "keep selected").</summary>
public sealed class KeepAccessItems(AttestDbContext db)
{
    public const int MaxItems = 500;

    /// <returns>How many items were kept.</returns>
    public async Task<int> RunAsync(Guid campaignId, IReadOnlyList<Guid> itemIds, string? comment, CancellationToken cancellationToken = default)
    {
        var ids = (itemIds ?? []).Distinct().ToList();
        var validation = new Validation().MaxLength("Comment", comment?.Trim(), 2000);
        if (ids.Count == 0) validation.Add("ItemIds", "select at least one item to keep.");
        if (ids.Count > MaxItems) validation.Add("ItemIds", $"keep at most {MaxItems} items at once.");
        validation.ThrowIfInvalid();
        var campaign = await db.AccessReviewCampaigns.FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken) ?? throw new RecordNotFoundException("Access review", campaignId);
        var items = await db.AccessReviewItems.Where(i => i.CampaignId == campaignId && ids.Contains(i.Id)).ToListAsync(cancellationToken);
        if (items.Count != ids.Count || items.Any(i => !AccessReviewPermissions.CanDecide(db.Acting, i.ReviewerId)))
        {
            throw new RecordNotFoundException("Access review item", string.Join(", ", ids.Except(items.Where(i => AccessReviewPermissions.CanDecide(db.Acting, i.ReviewerId)).Select(i => i.Id))));
        }
        AccessReviewRules.CheckOpen(campaign);
        foreach (var item in items.Where(i => i.Privileged).OrderBy(i => i.Account))
        {
            validation.Add("ItemIds", $"{item.Account}{(item.Entitlement.Length > 0 ? $" ({item.Entitlement})" : "")} is privileged: decide it on its own, with a comment.");
        }
        foreach (var item in items.Where(i => i.RemediatedAt is not null).OrderBy(i => i.Account))
        {
            validation.Add("ItemIds", $"{item.Account}: the {item.Decision.ToString().ToLowerInvariant()} was already carried out; it can no longer change.");
        }
        validation.ThrowIfInvalid();
        var now = Instant.Now(db.Clock);
        var who = await AccessReviewPermissions.WhoAsync(db, cancellationToken);
        foreach (var item in items) AccessReviewRules.Apply(item, AccessDecision.Keep, comment?.Trim() ?? "", "", now, who, campaign.RevokeWithinDays);
        if (!await db.AccessReviewItems.AnyAsync(i => i.CampaignId == campaignId && i.Decision == AccessDecision.Pending && !ids.Contains(i.Id), cancellationToken))
        {
            campaign.Status = CampaignStatus.Completed;
            campaign.CompletedAt = now;
        }
        await db.SaveAsync("access review item", cancellationToken);
        return items.Count;
    }
}

/// <summary>Records that a revocation or change was carried out on the system: who, when and a note (the ticket, what was done).</summary>
public sealed class ConfirmAccessRemediation(AttestDbContext db)
{
    /// <exception cref="RecordNotFoundException">No such item here, or the acting person is neither a Manager nor the system's owner.</exception>
    public async Task RunAsync(Guid campaignId, Guid itemId, string? note, int version, CancellationToken cancellationToken = default)
    {
        var item = await db.AccessReviewItems.FirstOrDefaultAsync(i => i.Id == itemId && i.CampaignId == campaignId, cancellationToken)
            ?? throw new RecordNotFoundException("Access review item", itemId);
        var owner = await db.AccessSystems.Where(s => s.Id == item.SystemId).Select(s => s.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (!AccessReviewPermissions.CanConfirm(db.Acting, owner)) throw new RecordNotFoundException("Access review item", itemId);
        var validation = new Validation().Required("Note", note, 2000);
        if (!AccessFlagRules.NeedsRemediation(item.Decision)) validation.Add("Decision", $"{item.Account} was not decided revoke or change; there is nothing to carry out.");
        else if (item.RemediatedAt is not null) validation.Add("Decision", $"{item.Account}'s {item.Decision.ToString().ToLowerInvariant()} was already confirmed ({item.RemediatedBy}).");
        validation.ThrowIfInvalid();
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        item.RemediatedAt = Instant.Now(db.Clock);
        item.RemediatedBy = await AccessReviewPermissions.WhoAsync(db, cancellationToken);
        item.RemediationNote = note!.Trim();
        await db.SaveAsync("access review item", cancellationToken);
    }
}

/// <summary>
/// Completes an open campaign by a Manager's decision. Items still pending stay pending in the report, each with the reason the
/// campaign closed without them; a reason is required when there are any.
/// </summary>
public sealed class CompleteAccessReview(AttestDbContext db)
{
    /// <returns>How many items were still pending.</returns>
    public async Task<int> RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var campaign = await db.AccessReviewCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access review", id);
        AccessReviewRules.CheckOpen(campaign);
        var pending = await db.AccessReviewItems.CountAsync(i => i.CampaignId == id && i.Decision == AccessDecision.Pending, cancellationToken);
        var reason = note?.Trim() ?? "";
        var validation = new Validation().MaxLength("Note", reason, 1500);
        if (pending > 0 && reason.Length == 0) validation.Add("Note", $"{pending} item(s) are still pending: say why the review closes without their decisions.");
        validation.ThrowIfInvalid();
        db.Entry(campaign).Property(c => c.Version).OriginalValue = version;
        var now = Instant.Now(db.Clock);
        campaign.Status = CampaignStatus.Completed;
        campaign.CompletedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (pending > 0)
        {
            var who = await AccessReviewPermissions.WhoAsync(db, cancellationToken);
            var comment = $"Not decided: {campaign.Reference} was closed by {who} on {now:yyyy-MM-dd}: {reason}";
            if (comment.Length > 2000) comment = comment[..2000];
            // Pending items can be tens of thousands: one statement; the campaign's completion is the audited change.
            await db.AccessReviewItems.Where(i => i.CampaignId == id && i.Decision == AccessDecision.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Comment, comment).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
        }
        await db.SaveAsync("access review", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pending;
    }
}

/// <summary>Removes a draft campaign (an opened one is the record of a review and stays).</summary>
public sealed class RemoveAccessReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var campaign = await db.AccessReviewCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access review", id);
        if (campaign.Status != CampaignStatus.Draft) throw ValidationFailedException.For("Status", $"{campaign.Reference} has been opened; it stays as the record of the review.");
        db.Entry(campaign).Property(c => c.Version).OriginalValue = version;
        db.AccessReviewCampaignSystems.RemoveRange(await db.AccessReviewCampaignSystems.Where(l => l.CampaignId == id).ToListAsync(cancellationToken));
        db.AccessReviewCampaigns.Remove(campaign);
        await db.SaveAsync("access review", cancellationToken);
    }
}

internal static class AccessReviewRules
{
    public static void CheckOpen(AccessReviewCampaign campaign)
    {
        var problem = campaign.Status switch
        {
            CampaignStatus.Draft => $"{campaign.Reference} has not been opened yet.",
            CampaignStatus.Completed => $"{campaign.Reference} is completed; its decisions are final.",
            CampaignStatus.Cancelled => $"{campaign.Reference} was cancelled.",
            _ => null,
        };
        if (problem is not null) throw ValidationFailedException.For("Status", problem);
    }

    public static void Apply(AccessReviewItem item, AccessDecision decision, string comment, string changeTo, DateTimeOffset now, string who, int revokeWithinDays)
    {
        item.Decision = decision;
        item.Comment = comment;
        item.ChangeTo = changeTo;
        item.DecidedAt = now;
        item.DecidedBy = who;
        item.RemediationDueOn = AccessFlagRules.NeedsRemediation(decision) ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(revokeWithinDays) : null;
    }
}
