using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives;

/// <summary>
/// An objective as forms and the API send it. <see cref="Frameworks"/> are framework keys (iso27001-2022, iso42001-2023); null leaves
/// them as they are on an update. <see cref="CoOwnerIds"/> likewise (null: unchanged). An empty <see cref="StartOn"/> means today.
/// </summary>
public sealed record ObjectiveInput(
    string Title,
    ObjectiveKind Kind,
    Guid? OwnerId,
    string? Goal = null,
    Guid? ParentId = null,
    IReadOnlyList<Guid>? CoOwnerIds = null,
    DateOnly? StartOn = null,
    DateOnly? TargetOn = null,
    ReviewCadence ReviewCadence = ReviewCadence.Quarterly,
    IReadOnlyList<string>? Frameworks = null,
    ObjectiveStatus Status = ObjectiveStatus.Active,
    int Version = 0);

/// <summary>
/// Adds or updates an objective (clause 6.2): OBJ-nn, an accountable owner and co-owners who are members here, a start and target,
/// a review cadence, the frameworks it serves, and for an operational objective the strategic objective it contributes to.
/// </summary>
public sealed class SaveObjective(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ObjectiveInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Goal), input.Goal, 20000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.ReviewCadence), input.ReviewCadence)
            .Defined(nameof(input.Status), input.Status);
        if (input.OwnerId is null) validation.Add(nameof(input.OwnerId), "is required: every objective has an accountable owner.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);

        var coOwners = (input.CoOwnerIds ?? []).Where(c => c != input.OwnerId).Distinct().ToList();
        if (coOwners.Count > 0)
        {
            var members = await db.Memberships.Where(m => coOwners.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken);
            if (members.Count != coOwners.Count) validation.Add(nameof(input.CoOwnerIds), "must all be members of this organization.");
        }

        if (input.Kind == ObjectiveKind.Strategic && input.ParentId is not null)
        {
            validation.Add(nameof(input.ParentId), "must be empty: a strategic objective has no parent.");
        }
        else if (input.Kind == ObjectiveKind.Operational)
        {
            if (input.ParentId is not { } parentId)
            {
                validation.Add(nameof(input.ParentId), "is required: an operational objective contributes to a strategic objective.");
            }
            else if (parentId == id || !await db.Objectives.AnyAsync(o => o.Id == parentId && o.Kind == ObjectiveKind.Strategic, cancellationToken))
            {
                validation.Add(nameof(input.ParentId), "must be a strategic objective of this organization.");
            }
        }
        if (id is { } self && input.Kind == ObjectiveKind.Operational && await db.Objectives.AnyAsync(o => o.ParentId == self, cancellationToken))
        {
            validation.Add(nameof(input.Kind), "cannot become operational while operational objectives contribute to it.");
        }

        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var start = input.StartOn ?? today;
        if (input.TargetOn is { } target && target < start) validation.Add(nameof(input.TargetOn), "cannot be before the start date.");

        var frameworkIds = new List<Guid>();
        if (input.Frameworks is { } keys)
        {
            var wanted = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim().ToLowerInvariant()).Distinct().ToList();
            var found = await db.Frameworks.Where(f => wanted.Contains(f.Key)).Select(f => new { f.Key, f.Id }).ToListAsync(cancellationToken);
            var missing = wanted.Except(found.Select(f => f.Key)).ToList();
            if (missing.Count > 0) validation.Add(nameof(input.Frameworks), $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is not a framework" : "are not frameworks")} loaded here.");
            frameworkIds.AddRange(found.Select(f => f.Id));
        }
        validation.ThrowIfInvalid();

        Objective objective;
        if (id is null)
        {
            objective = new Objective
            {
                Reference = await References.NextAsync(db.Objectives.Select(o => o.Reference), "OBJ-", 2, cancellationToken),
                Title = input.Title.Trim(),
            };
            db.Objectives.Add(objective);
        }
        else
        {
            objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Objective", id);
            db.Entry(objective).Property(o => o.Version).OriginalValue = input.Version;
        }
        objective.Title = input.Title.Trim();
        objective.Goal = input.Goal?.Trim() ?? "";
        objective.Kind = input.Kind;
        objective.ParentId = input.Kind == ObjectiveKind.Operational ? input.ParentId : null;
        objective.OwnerId = input.OwnerId;
        objective.StartOn = start;
        objective.TargetOn = input.TargetOn;
        objective.ReviewCadence = input.ReviewCadence;
        objective.Status = input.Status;

        if (input.CoOwnerIds is not null)
        {
            var current = await db.ObjectiveOwners.Where(o => o.ObjectiveId == objective.Id).ToListAsync(cancellationToken);
            db.ObjectiveOwners.RemoveRange(current.Where(c => !coOwners.Contains(c.UserId)));
            db.ObjectiveOwners.AddRange(coOwners.Where(c => current.All(o => o.UserId != c)).Select(c => new ObjectiveOwner { ObjectiveId = objective.Id, UserId = c }));
        }
        if (input.Frameworks is not null)
        {
            var current = await db.ObjectiveFrameworks.Where(f => f.ObjectiveId == objective.Id).ToListAsync(cancellationToken);
            db.ObjectiveFrameworks.RemoveRange(current.Where(c => !frameworkIds.Contains(c.FrameworkId)));
            db.ObjectiveFrameworks.AddRange(frameworkIds.Where(f => current.All(c => c.FrameworkId != f)).Select(f => new ObjectiveFramework { ObjectiveId = objective.Id, FrameworkId = f }));
        }
        await db.SaveAsync("objective", cancellationToken);
        return objective.Id;
    }
}

/// <summary>
/// Records that an objective has been reviewed by its owners (clause 6.2 "monitored … updated as appropriate"): the next review falls one
/// cadence after it. The day defaults to today in the organization's zone and cannot be in the future or before the objective started.
/// </summary>
public sealed class RecordObjectiveReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, DateOnly? reviewedOn, int version, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Objective", id);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var day = reviewedOn ?? today;
        if (day > today) throw ValidationFailedException.For("ReviewedOn", "cannot be in the future.");
        if (day < objective.StartOn) throw ValidationFailedException.For("ReviewedOn", "cannot be before the objective started.");
        db.Entry(objective).Property(o => o.Version).OriginalValue = version;
        objective.LastReviewedOn = day;
        await db.SaveAsync("objective", cancellationToken);
    }
}

/// <summary>Review dates and who may change an objective: the rules the register, the pages and the API share.</summary>
public static class ObjectiveRules
{
    public static int Months(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Monthly => 1,
        ReviewCadence.SemiAnnually => 6,
        ReviewCadence.Annually => 12,
        _ => 3,
    };

    /// <summary>One cadence after the last review, or after the start when never reviewed.</summary>
    public static DateOnly NextReviewOn(DateOnly startOn, DateOnly? lastReviewedOn, ReviewCadence cadence) =>
        (lastReviewedOn ?? startOn).AddMonths(Months(cadence));

    /// <summary>Only active objectives fall due for review.</summary>
    public static bool ReviewOverdue(ObjectiveStatus status, DateOnly nextReviewOn, DateOnly today) =>
        status == ObjectiveStatus.Active && nextReviewOn < today;

    /// <summary>Admins and Managers change any objective; Contributors those they own or co-own; nobody else.</summary>
    public static async Task<bool> MayEditAsync(AttestDbContext db, Guid objectiveId, CancellationToken cancellationToken = default)
    {
        var acting = db.Acting;
        if (acting.Role is OrganizationRole.Admin or OrganizationRole.Manager) return true;
        if (acting.Role != OrganizationRole.Contributor || acting.UserId is not { } user) return false;
        return await db.Objectives.AnyAsync(o => o.Id == objectiveId && (o.OwnerId == user || db.ObjectiveOwners.Any(c => c.ObjectiveId == o.Id && c.UserId == user)), cancellationToken);
    }

    /// <summary>
    /// Who may enter a value of a manual measure: a Manager or Admin, the measure's owner, or the objective's owner or a co-owner — whatever
    /// their role otherwise (an Auditor reads only).
    /// </summary>
    public static async Task<bool> MayRecordAsync(AttestDbContext db, Guid measureId, CancellationToken cancellationToken = default)
    {
        var acting = db.Acting;
        if (acting.Role is OrganizationRole.Admin or OrganizationRole.Manager) return true;
        if (acting.Role is null or OrganizationRole.Auditor || acting.UserId is not { } user) return false;
        return await (from m in db.Measures
                      join o in db.Objectives on m.ObjectiveId equals o.Id
                      where m.Id == measureId && (m.OwnerId == user || o.OwnerId == user || db.ObjectiveOwners.Any(c => c.ObjectiveId == o.Id && c.UserId == user))
                      select m.Id).AnyAsync(cancellationToken);
    }
}
