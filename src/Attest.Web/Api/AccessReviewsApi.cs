using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>/api/v1/access: systems and their accounts, review campaigns, decisions, remediation, reports and figures.</summary>
public static class AccessReviewsApi
{
    public sealed record SystemView(SystemRow System, AccountPage Accounts);
    public sealed record CampaignCreated(Guid Id, string Reference);
    public sealed record VersionInput(int Version);
    public sealed record OpenedView(int Items);
    public sealed record CompleteInput(string? Note, int Version);
    public sealed record CompletedView(int PendingAtClose);
    public sealed record KeepInput(IReadOnlyList<Guid> ItemIds, string? Comment);
    public sealed record KeptView(int Kept);
    public sealed record RemediationInput(string? Note, int Version);

    public static void MapAccessReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/access", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Figures: campaigns completed on time, items revoked, open and overdue revocations, orphaned accounts, leavers with access.");
        api.MapGet("/access/systems", Systems).RequireAuthorization(Access.Reader).WithSummary("Systems in scope with their active accounts and flag counts.");
        api.MapPost("/access/systems", CreateSystem).RequireAuthorization(Access.Manager);
        api.MapGet("/access/systems/{id:guid}", System).RequireAuthorization(Access.Reader)
            .WithSummary("A system with its accounts, 50 a page: ?q=, flag=NoMatchingPerson|Leaver|Privileged|Unused|None (any flag), removed=true, page=.");
        api.MapPut("/access/systems/{id:guid}", UpdateSystem).RequireAuthorization(Access.Manager);
        api.MapDelete("/access/systems/{id:guid}", RemoveSystem).RequireAuthorization(Access.Manager).WithSummary("Removes a system never reviewed, with its accounts.");
        api.MapPost("/access/systems/{id:guid}/accounts", LoadAccounts).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportSystemAccounts.MaxBytes))
            .WithSummary("Replaces the system's accounts with the JSON array sent: new ones added, listed ones updated, absent ones marked removed today. All or nothing; errors name [index].field.");
        api.MapPost("/access/systems/{id:guid}/import", ImportAccounts).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportSystemAccounts.MaxBytes))
            .WithSummary("Loads the request body as the system's account export (?fileName= ends .csv or .xlsx), with the same replace semantics. Errors name row and column.");

        api.MapGet("/access/reviews", Campaigns).RequireAuthorization(Access.Reader).WithSummary("Review campaigns, latest due first.");
        api.MapPost("/access/reviews", CreateCampaign).RequireAuthorization(Access.Manager).WithSummary("Creates a draft campaign over the systems named.");
        api.MapGet("/access/reviews/{id:guid}", Summary).RequireAuthorization(Access.Reader)
            .WithSummary("The campaign summary: counts by decision, reviewer, system and flag; open and overdue revocations.");
        api.MapPut("/access/reviews/{id:guid}", UpdateCampaign).RequireAuthorization(Access.Manager).WithSummary("Changes a draft campaign.");
        api.MapDelete("/access/reviews/{id:guid}", RemoveCampaign).RequireAuthorization(Access.Manager).WithSummary("Removes a draft campaign.");
        api.MapPost("/access/reviews/{id:guid}/open", Open).RequireAuthorization(Access.Manager)
            .WithSummary("Opens a draft: every active account of its systems becomes an item with its flags and reviewer.");
        api.MapPost("/access/reviews/{id:guid}/complete", Complete).RequireAuthorization(Access.Manager)
            .WithSummary("Completes an open campaign; with items still pending a note saying why is required, and they stay pending in the report.");
        api.MapGet("/access/reviews/{id:guid}/items", Items).RequireAuthorization(Access.Member)
            .WithSummary("The caller's items to review, 50 a page: ?status=pending (default)|all, flag=, system=, q=, page=. Readers may ask for reviewer={userId} or all=true.");
        api.MapPost("/access/reviews/{id:guid}/items/{itemId:guid}/decision", Decide).RequireAuthorization(Access.Participant)
            .WithSummary("Decides an item (Keep, Revoke, Change with changeTo). Only its reviewer or a Manager; a comment is required for privileged access and to revoke or change.");
        api.MapPost("/access/reviews/{id:guid}/items/keep", Keep).RequireAuthorization(Access.Participant).WithSummary("Keeps several non-privileged items of the caller at once.");
        api.MapPost("/access/reviews/{id:guid}/items/{itemId:guid}/remediation", Confirm).RequireAuthorization(Access.Editor)
            .WithSummary("Confirms a revocation or change was carried out (a Manager or the system's owner), with a note.");
        api.MapGet("/access/reviews/{id:guid}/remediations", Remediations).RequireAuthorization(Access.Reader)
            .WithSummary("Revocations and changes still to carry out, oldest due first (?all=true includes confirmed ones, ?page=).");
        api.MapGet("/access/reviews/{id:guid}/report", Report).RequireAuthorization(Access.Reader).WithSummary("The campaign report for auditors: ?format=csv|xlsx|pdf.");
    }

    private static async Task<Ok<AccessFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AccessReviewQueries.FiguresAsync(db, cancellationToken));

    private static async Task<Ok<IReadOnlyList<SystemRow>>> Systems(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AccessReviewQueries.SystemsAsync(db, null, cancellationToken));

    private static async Task<Results<Ok<SystemView>, NotFound>> System(Guid id, AttestDbContext db, string? q, AccessFlags? flag, bool? removed, int? page, CancellationToken cancellationToken)
    {
        var system = (await AccessReviewQueries.SystemsAsync(db, id, cancellationToken)).FirstOrDefault();
        if (system is null) return TypedResults.NotFound();
        var accounts = await AccessReviewQueries.AccountsAsync(db, id, system.UnusedAfterDays, new AccountFilter(q, flag, removed ?? false), Math.Max(1, page ?? 1), cancellationToken);
        return TypedResults.Ok(new SystemView(system, accounts));
    }

    private static async Task<Created<SystemRow>> CreateSystem(AccessSystemInput input, SaveAccessSystem save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        return TypedResults.Created($"/api/v1/access/systems/{id}", (await AccessReviewQueries.SystemsAsync(db, id, cancellationToken)).Single());
    }

    private static async Task<NoContent> UpdateSystem(Guid id, AccessSystemInput input, SaveAccessSystem save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveSystem(Guid id, int version, RemoveAccessSystem remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccessLoadResult>> LoadAccounts(Guid id, List<AccessAccountInput> accounts, LoadSystemAccounts load, CancellationToken cancellationToken) =>
        TypedResults.Ok(await load.RunAsync(id, accounts, "API load", cancellationToken));

    private static async Task<Ok<AccessLoadResult>> ImportAccounts(Guid id, HttpRequest request, string? fileName, ImportSystemAccounts import, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.RunAsync(id, request.Body, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));

    private static async Task<Ok<IReadOnlyList<CampaignRow>>> Campaigns(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AccessReviewQueries.CampaignsAsync(db, cancellationToken));

    private static async Task<Created<CampaignCreated>> CreateCampaign(AccessReviewInput input, SaveAccessReview save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        var reference = await db.AccessReviewCampaigns.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/access/reviews/{id}", new CampaignCreated(id, reference));
    }

    private static async Task<Ok<CampaignSummary>> Summary(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AccessReviewQueries.SummaryAsync(db, id, cancellationToken));

    private static async Task<NoContent> UpdateCampaign(Guid id, AccessReviewInput input, SaveAccessReview save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveCampaign(Guid id, int version, RemoveAccessReview remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OpenedView>> Open(Guid id, VersionInput input, OpenAccessReview open, CancellationToken cancellationToken) =>
        TypedResults.Ok(new OpenedView(await open.RunAsync(id, input.Version, cancellationToken)));

    private static async Task<Ok<CompletedView>> Complete(Guid id, CompleteInput input, CompleteAccessReview complete, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CompletedView(await complete.RunAsync(id, input.Note, input.Version, cancellationToken)));

    private static async Task<Results<Ok<ReviewItemPage>, NotFound, ForbidHttpResult>> Items(Guid id, AttestDbContext db, ActingContext acting, string? status, AccessFlags? flag,
        Guid? system, string? q, Guid? reviewer, bool? all, int? page, CancellationToken cancellationToken)
    {
        if (!await db.AccessReviewCampaigns.AnyAsync(c => c.Id == id, cancellationToken)) return TypedResults.NotFound();
        var readsAll = acting.Role is { } role && Access.Allows(Access.Reader, role);
        if ((reviewer is not null && reviewer != acting.UserId || all == true) && !readsAll) return TypedResults.Forbid();
        var whose = all == true ? null : reviewer ?? acting.UserId;
        var filter = new ReviewItemFilter(!string.Equals(status, "all", StringComparison.OrdinalIgnoreCase), flag, system, q);
        return TypedResults.Ok(await AccessReviewQueries.ReviewerItemsAsync(db, id, whose, filter, Math.Max(1, page ?? 1), cancellationToken));
    }

    private static async Task<Ok<ReviewItemRow>> Decide(Guid id, Guid itemId, AccessDecisionInput input, DecideAccessItem decide, AttestDbContext db, CancellationToken cancellationToken)
    {
        await decide.RunAsync(id, itemId, input, cancellationToken);
        return TypedResults.Ok(await AccessReviewQueries.ItemAsync(db, id, itemId, cancellationToken));
    }

    private static async Task<Ok<KeptView>> Keep(Guid id, KeepInput input, KeepAccessItems keep, CancellationToken cancellationToken) =>
        TypedResults.Ok(new KeptView(await keep.RunAsync(id, input.ItemIds ?? [], input.Comment, cancellationToken)));

    private static async Task<Results<Ok<ReviewItemRow>, NotFound, ForbidHttpResult>> Confirm(Guid id, Guid itemId, RemediationInput input, ConfirmAccessRemediation confirm,
        AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var owner = await db.AccessReviewItems.Where(i => i.Id == itemId && i.CampaignId == id)
            .Select(i => new { Owner = db.AccessSystems.Where(s => s.Id == i.SystemId).Select(s => s.OwnerId).FirstOrDefault() }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null) return TypedResults.NotFound();
        if (!AccessReviewPermissions.CanConfirm(acting, owner.Owner)) return TypedResults.Forbid();
        await confirm.RunAsync(id, itemId, input.Note, input.Version, cancellationToken);
        return TypedResults.Ok(await AccessReviewQueries.ItemAsync(db, id, itemId, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewItemRow>>, NotFound>> Remediations(Guid id, AttestDbContext db, bool? all, int? page, CancellationToken cancellationToken)
    {
        if (!await db.AccessReviewCampaigns.AnyAsync(c => c.Id == id, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok((await AccessReviewQueries.RemediationsAsync(db, id, all ?? false, Math.Max(1, page ?? 1), cancellationToken)).Rows);
    }

    private static async Task<IResult> Report(Guid id, AttestDbContext db, string? format, CancellationToken cancellationToken)
    {
        var (content, type, name) = await AccessReviewReport.RenderAsync(db, id, format ?? "csv", cancellationToken);
        return Results.File(content, type, name);
    }
}
