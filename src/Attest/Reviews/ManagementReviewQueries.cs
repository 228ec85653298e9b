using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reviews;

/// <summary>A review as the register lists it, with its decisions and the actions raised from it that are still open.</summary>
public sealed record ManagementReviewRow(
    Guid Id, string Reference, string Title, DateOnly HeldOn, ManagementReviewStatus Status, string? OwnerName, int Decisions, int Actions, int OpenActions);

public sealed record ManagementReviewPage(IReadOnlyList<ManagementReviewRow> Rows, bool HasMore);

public sealed record ReviewDecisionRow(Guid Id, int Position, ReviewDecisionKind Kind, string Text, DateTimeOffset RecordedAt);

/// <summary>
/// One review with its decisions, the actions raised from it (with their live status) and its inputs: frozen when held, gathered live
/// as at its date while planned. <see cref="PreviousHeldOn"/> is the date of the held review before it, where its input window starts.
/// </summary>
public sealed record ManagementReviewDetail(
    Guid Id, string Reference, string Title, DateOnly HeldOn, Guid? OwnerId, string? OwnerName, string Attendees, string Minutes, string Conclusions,
    ManagementReviewStatus Status, DateTimeOffset? HeldAt, string SignedOffBy, DateOnly? PreviousHeldOn, int Version,
    IReadOnlyList<ReviewDecisionRow> Decisions, IReadOnlyList<CorrectiveActionRow> Actions, ManagementReviewInputs? Inputs)
{
    /// <summary>Today in the organization's zone, read with the review.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Whether <see cref="Inputs"/> come from the frozen JSON (held) rather than live records.</summary>
    public bool InputsFrozen => Status == ManagementReviewStatus.Held;

    public IReadOnlyList<string> AttendeeLines => Attendees.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Reads management reviews: the register (one query a page) and one review (four queries, plus the live inputs of a planned review).</summary>
public static class ManagementReviewQueries
{
    public const int PageSize = 50;

    /// <summary>The register, newest date first; <paramref name="status"/> narrows it.</summary>
    public static async Task<ManagementReviewPage> PageAsync(AttestDbContext db, ManagementReviewStatus? status, int page, CancellationToken cancellationToken = default)
    {
        var query = db.ManagementReviews.AsNoTracking();
        if (status is { } only) query = query.Where(r => r.Status == only);
        var rows = await query.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Reference)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize + 1)
            .Select(r => new ManagementReviewRow(r.Id, r.Reference, r.Title, r.HeldOn, r.Status,
                db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.ReviewDecisions.Count(d => d.ReviewId == r.Id),
                db.CorrectiveActions.Count(a => a.Source == ActionSource.ManagementReview && a.SourceId == r.Id),
                db.CorrectiveActions.Count(a => a.Source == ActionSource.ManagementReview && a.SourceId == r.Id && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))))
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(PageSize);
        return new ManagementReviewPage(rows, more);
    }

    /// <summary>The date of the latest held review before <paramref name="heldOn"/> (other than the review itself); null when there is none.</summary>
    public static async Task<DateOnly?> PreviousHeldOnAsync(AttestDbContext db, Guid reviewId, DateOnly heldOn, CancellationToken cancellationToken = default) =>
        await db.ManagementReviews.AsNoTracking()
            .Where(r => r.Id != reviewId && r.Status == ManagementReviewStatus.Held && r.HeldOn < heldOn)
            .MaxAsync(r => (DateOnly?)r.HeldOn, cancellationToken);

    /// <summary>One review; <paramref name="withInputs"/> false skips the inputs (forms that only edit the record).</summary>
    public static async Task<ManagementReviewDetail> DetailAsync(AttestDbContext db, Guid id, bool withInputs = true, CancellationToken cancellationToken = default)
    {
        var found = await db.ManagementReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Review = r,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Previous = db.ManagementReviews.Where(p => p.Id != r.Id && p.Status == ManagementReviewStatus.Held && p.HeldOn < r.HeldOn).Max(p => (DateOnly?)p.HeldOn),
                Zone = db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.TimeZone).FirstOrDefault(),
                Decisions = db.ReviewDecisions.Where(d => d.ReviewId == r.Id).OrderBy(d => d.Position)
                    .Select(d => new ReviewDecisionRow(d.Id, d.Position, d.Kind, d.Text, d.RecordedAt)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Management review", id);
        var decisions = found.Decisions;
        var actions = await CorrectiveActionQueries.ForSourceAsync(db, ActionSource.ManagementReview, id, cancellationToken);
        var r = found.Review;
        ManagementReviewInputs? inputs = null;
        var zone = OrganizationTime.Zone(found.Zone);
        if (r.Status == ManagementReviewStatus.Held && r.InputsJson is { } frozen) inputs = ManagementReviewInputs.FromJson(frozen);
        else if (withInputs && r.Status == ManagementReviewStatus.Planned) inputs = await ManagementReviewInputs.GatherAsync(db, r.HeldOn, found.Previous, cancellationToken, zone);
        return new ManagementReviewDetail(r.Id, r.Reference, r.Title, r.HeldOn, r.OwnerId, found.Owner, r.Attendees, r.Minutes, r.Conclusions, r.Status, r.HeldAt, r.SignedOffBy,
            found.Previous, r.Version, decisions, actions, inputs) { Today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone) };
    }
}

/// <summary>Words for the reviews' enumerations.</summary>
public static class ManagementReviewLabels
{
    public static string Of(ReviewDecisionKind kind) => kind switch
    {
        ReviewDecisionKind.Improvement => "Improvement",
        ReviewDecisionKind.Change => "Change to the management systems",
        ReviewDecisionKind.Resources => "Resources",
        _ => "Other",
    };
}
