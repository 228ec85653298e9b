using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reviews;

/// <summary>A management review as forms and the API send it. Attendees: one a line, with their role.</summary>
public sealed record ManagementReviewInput(
    string Title,
    DateOnly? HeldOn,
    Guid? OwnerId = null,
    string? Attendees = null,
    string? Minutes = null,
    string? Conclusions = null,
    int Version = 0);

/// <summary>
/// Plans a management review (MR-nnn) or updates one. The review date of a held review cannot move: its inputs were gathered as at that day.
/// A cancelled review stays cancelled.
/// </summary>
public sealed class SaveManagementReview(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ManagementReviewInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Attendees), input.Attendees, 4000)
            .MaxLength(nameof(input.Minutes), input.Minutes, 50000)
            .MaxLength(nameof(input.Conclusions), input.Conclusions, 50000);
        if (input.HeldOn is null) validation.Add(nameof(input.HeldOn), "is required.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        validation.ThrowIfInvalid();

        ManagementReview review;
        if (id is null)
        {
            review = new ManagementReview
            {
                Reference = await References.NextAsync(db.ManagementReviews.Select(r => r.Reference), "MR-", 3, cancellationToken),
                Title = input.Title.Trim(),
                Status = ManagementReviewStatus.Planned,
            };
            db.ManagementReviews.Add(review);
        }
        else
        {
            review = await db.ManagementReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Management review", id);
            db.Entry(review).Property(r => r.Version).OriginalValue = input.Version;
            if (review.Status == ManagementReviewStatus.Held && review.HeldOn != input.HeldOn)
            {
                throw ValidationFailedException.For(nameof(input.HeldOn), "cannot change once the review is held: its inputs were gathered as at that day.");
            }
        }
        review.Title = input.Title.Trim();
        review.HeldOn = input.HeldOn!.Value;
        review.OwnerId = input.OwnerId;
        review.Attendees = NormalizeLines(input.Attendees);
        review.Minutes = input.Minutes?.Trim() ?? "";
        review.Conclusions = input.Conclusions?.Trim() ?? "";
        await db.SaveAsync("management review", cancellationToken);
        return review.Id;
    }

    /// <summary>One attendee a line, blank lines dropped.</summary>
    public static string NormalizeLines(string? text) =>
        string.Join("\n", (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// Signs a review off as held: gathers its inputs as at its date (since the previous held review) and freezes them as JSON, so the
/// record shows what management had before it, whatever changes later. Only a planned review whose date has come may be held.
/// </summary>
public sealed class HoldManagementReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var review = await db.ManagementReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Management review", id);
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        if (review.Status != ManagementReviewStatus.Planned)
        {
            throw ValidationFailedException.For(nameof(ManagementReview.Status), $"a {review.Status.ToString().ToLowerInvariant()} review cannot be held again.");
        }
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (review.HeldOn > today) throw ValidationFailedException.For(nameof(ManagementReview.HeldOn), "is still to come: a review is signed off on or after its date.");
        if (string.IsNullOrWhiteSpace(review.Attendees)) throw ValidationFailedException.For(nameof(ManagementReview.Attendees), "are required to sign a review off.");

        var since = await ManagementReviewQueries.PreviousHeldOnAsync(db, review.Id, review.HeldOn, cancellationToken);
        var inputs = await ManagementReviewInputs.GatherAsync(db, review.HeldOn, since, cancellationToken);
        var signer = db.Acting.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName + " <" + u.Email + ">").FirstOrDefaultAsync(cancellationToken)
            : null;
        review.InputsJson = inputs.ToJson();
        review.Status = ManagementReviewStatus.Held;
        review.HeldAt = Instant.Now(db.Clock);
        review.SignedOffBy = (signer ?? db.Acting.Actor).Length > 400 ? (signer ?? db.Acting.Actor)[..400] : signer ?? db.Acting.Actor;
        await db.SaveAsync("management review", cancellationToken);
    }
}

/// <summary>Cancels a planned review. A held review is a record of what happened and is never cancelled.</summary>
public sealed class CancelManagementReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var review = await db.ManagementReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Management review", id);
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        if (review.Status != ManagementReviewStatus.Planned) throw ValidationFailedException.For(nameof(ManagementReview.Status), "only a planned review can be cancelled.");
        review.Status = ManagementReviewStatus.Cancelled;
        await db.SaveAsync("management review", cancellationToken);
    }
}

/// <summary>Records a decision of a review (9.3.3): an improvement, a change to the management systems, resources, or another decision.</summary>
public sealed class RecordReviewDecision(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid reviewId, ReviewDecisionKind kind, string? text, CancellationToken cancellationToken = default)
    {
        var status = await db.ManagementReviews.Where(r => r.Id == reviewId).Select(r => (ManagementReviewStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Management review", reviewId);
        var validation = new Validation().Required("Text", text, 4000).Defined(nameof(kind), kind);
        if (status == ManagementReviewStatus.Cancelled) validation.Add("Status", "a cancelled review takes no decisions.");
        validation.ThrowIfInvalid();
        var position = await db.ReviewDecisions.Where(d => d.ReviewId == reviewId).Select(d => (int?)d.Position).MaxAsync(cancellationToken) ?? 0;
        var decision = new ReviewDecision { ReviewId = reviewId, Kind = kind, Text = text!.Trim(), Position = position + 1, RecordedAt = Instant.Now(db.Clock) };
        db.ReviewDecisions.Add(decision);
        await db.SaveAsync("management review decision", cancellationToken);
        return decision.Id;
    }
}

/// <summary>Removes a decision recorded by mistake; the audit trail keeps what it said.</summary>
public sealed class RemoveReviewDecision(AttestDbContext db)
{
    public async Task RunAsync(Guid reviewId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.ReviewDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.ReviewId == reviewId, cancellationToken)
            ?? throw new RecordNotFoundException("Management review decision", decisionId);
        db.ReviewDecisions.Remove(decision);
        await db.SaveAsync("management review decision", cancellationToken);
    }
}

/// <summary>An action a review decided on: who does what by when.</summary>
public sealed record ReviewActionInput(string Title, string? Description = null, Guid? OwnerId = null, DateOnly? DueOn = null);

/// <summary>
/// Raises an action from a review as a corrective action with source ManagementReview, so it is tracked to closure in the one action
/// register and comes back under input (a) of the next review.
/// </summary>
public sealed class AddReviewAction(AttestDbContext db, SaveCorrectiveAction save)
{
    public async Task<Guid> RunAsync(Guid reviewId, ReviewActionInput input, CancellationToken cancellationToken = default)
    {
        var status = await db.ManagementReviews.Where(r => r.Id == reviewId).Select(r => (ManagementReviewStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Management review", reviewId);
        if (status == ManagementReviewStatus.Cancelled) throw ValidationFailedException.For("Status", "a cancelled review raises no actions.");
        if (input.DueOn is null) throw ValidationFailedException.For(nameof(input.DueOn), "is required: an action is tracked to a date.");
        return await save.RunAsync(null, new CorrectiveActionInput(input.Title, input.Description, ActionSource.ManagementReview, reviewId, input.OwnerId, input.DueOn), cancellationToken);
    }
}
