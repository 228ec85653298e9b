using Attest.Data;
using Attest.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/management-reviews: management reviews (clause 9.3) with their inputs, decisions and actions. Readers read; Managers and Admins write.</summary>
public static class ManagementReviewsApi
{
    public sealed record ReviewBody(string Title, DateOnly? HeldOn, Guid? OwnerId = null, string? Attendees = null, string? Minutes = null, string? Conclusions = null, int Version = 0);

    public sealed record VersionBody(int Version);

    public sealed record DecisionBody(ReviewDecisionKind Kind, string? Text);

    public sealed record ActionBody(string Title, string? Description = null, Guid? OwnerId = null, DateOnly? DueOn = null);

    public sealed record SavedId(Guid Id);

    public static void MapManagementReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/management-reviews", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, newest first, 50 per page: status, date, decisions and open actions. Filters: ?status=Planned|Held|Cancelled, page=.");
        api.MapGet("/management-reviews/{id:guid}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("One review with its decisions, actions (live status) and inputs of 9.3.2: frozen when held, gathered live as at its date while planned.");
        api.MapPost("/management-reviews", Create).RequireAuthorization(Access.Manager).WithSummary("Plans a review (MR-nnn): title, heldOn, ownerId, attendees (one a line), minutes, conclusions.");
        api.MapPut("/management-reviews/{id:guid}", Update).RequireAuthorization(Access.Manager)
            .WithSummary("Replaces the review's fields; send the version you read. A held review's date cannot change.");
        api.MapPost("/management-reviews/{id:guid}/hold", Hold).RequireAuthorization(Access.Manager)
            .WithSummary("Signs a planned review off as held (on or after its date, with attendees): gathers its inputs as at its date and freezes them.");
        api.MapPost("/management-reviews/{id:guid}/cancel", Cancel).RequireAuthorization(Access.Manager).WithSummary("Cancels a planned review.");
        api.MapPost("/management-reviews/{id:guid}/decisions", AddDecision).RequireAuthorization(Access.Manager)
            .WithSummary("Records a decision: kind Improvement|Change|Resources|Other and text.");
        api.MapDelete("/management-reviews/{id:guid}/decisions/{decisionId:guid}", RemoveDecision).RequireAuthorization(Access.Manager).WithSummary("Removes a decision.");
        api.MapPost("/management-reviews/{id:guid}/actions", AddAction).RequireAuthorization(Access.Manager)
            .WithSummary("Raises an action (a corrective action with source ManagementReview): title, description, ownerId, dueOn (required).");
    }

    private static async Task<Ok<ManagementReviewPage>> List(AttestDbContext db, ManagementReviewStatus? status, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ManagementReviewQueries.PageAsync(db, status, Math.Max(1, page ?? 1), cancellationToken));

    private static async Task<Ok<ManagementReviewDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ManagementReviewQueries.DetailAsync(db, id, true, cancellationToken));

    private static async Task<Created<ManagementReviewDetail>> Create(ReviewBody body, SaveManagementReview save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/management-reviews/{id}", await ManagementReviewQueries.DetailAsync(db, id, false, cancellationToken));
    }

    private static async Task<NoContent> Update(Guid id, ReviewBody body, SaveManagementReview save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Hold(Guid id, VersionBody body, HoldManagementReview hold, CancellationToken cancellationToken)
    {
        await hold.RunAsync(id, body.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Cancel(Guid id, VersionBody body, CancelManagementReview cancel, CancellationToken cancellationToken)
    {
        await cancel.RunAsync(id, body.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<SavedId>> AddDecision(Guid id, DecisionBody body, RecordReviewDecision decide, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/management-reviews/{id}", new SavedId(await decide.RunAsync(id, body.Kind, body.Text, cancellationToken)));

    private static async Task<NoContent> RemoveDecision(Guid id, Guid decisionId, RemoveReviewDecision remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, decisionId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<SavedId>> AddAction(Guid id, ActionBody body, AddReviewAction add, CancellationToken cancellationToken)
    {
        var actionId = await add.RunAsync(id, new ReviewActionInput(body.Title ?? "", body.Description, body.OwnerId, body.DueOn), cancellationToken);
        return TypedResults.Created($"/api/v1/corrective-actions/{actionId}", new SavedId(actionId));
    }

    private static ManagementReviewInput Input(ReviewBody body) =>
        new(body.Title ?? "", body.HeldOn, body.OwnerId, body.Attendees, body.Minutes, body.Conclusions, body.Version);
}
