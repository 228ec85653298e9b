using Attest.Data;
using Attest.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>/api/v1/exceptions: policy and control exceptions, their decisions and the register's figures.</summary>
public static class ExceptionsApi
{
    /// <summary>
    /// A request. <c>Policy</c>, <c>Control</c>, <c>Asset</c> and <c>Risk</c> take an id or a reference (POL-005, CTL-004, AST-00012, R-007);
    /// <c>RiskLevel</c> names a level of the current methodology when no risk is linked.
    /// </summary>
    public sealed record ExceptionBody(
        string Title, ExceptionSubject Subject, string? Policy = null, string? PolicySection = null, string? Control = null, string? Asset = null, string? Reason = null,
        string? CompensatingControls = null, string? Risk = null, string? RiskLevel = null, Guid? RiskAcceptanceId = null, Guid? OwnerId = null, DateOnly? ValidUntil = null,
        int Version = 0);

    public sealed record ApproveBody(DateOnly? ValidUntil, string? Note = null, int Version = 0);

    public sealed record NoteBody(string? Note, int Version = 0);

    public static void MapExceptionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exceptions", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page, awaiting decision first, then by last day. Filters: ?q=, status=expired|inforce|open|requested|approved|rejected|revoked|closed, " +
                         "subject=Policy|Control|Asset, control=, asset=, policy= (ids), expiring=true (approved, last day within 30 days), page=. Rows say whether they are expired.");
        api.MapGet("/exceptions/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Approved and in force, expired (approved, past the last day in the organization's zone), awaiting decision, and expiring within 30 days.");
        api.MapGet("/exceptions/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One exception, with who may approve its level.");
        api.MapPost("/exceptions", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Requests an exception in the caller's name. Subject Policy needs policy (id or reference), Control needs control, Asset needs asset; reason and " +
                         "compensatingControls are required; link a risk (its residual level under the current methodology) or name a riskLevel.");
        api.MapPut("/exceptions/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Changes a request while it awaits a decision. Contributors change only the exceptions they own. Send the version you read.");
        api.MapPost("/exceptions/{id:guid}/approve", Approve).RequireAuthorization(Access.Editor)
            .WithSummary("Approves until validUntil (required: after today, at most 12 months ahead). Only someone whose authority under the risk methodology covers the " +
                         "level, never the requester; a level that may not be accepted is refused.");
        api.MapPost("/exceptions/{id:guid}/reject", Reject).RequireAuthorization(Access.Editor).WithSummary("Rejects a request; note required.");
        api.MapPost("/exceptions/{id:guid}/revoke", Revoke).RequireAuthorization(Access.Editor).WithSummary("Revokes an approved exception; note required.");
        api.MapPost("/exceptions/{id:guid}/close", Close).RequireAuthorization(Access.Editor)
            .WithSummary("Closes an exception no longer needed (its owner, its requester, or an Admin or Manager); note required.");
        api.MapPost("/exceptions/{id:guid}/renew", Renew).RequireAuthorization(Access.Editor)
            .WithSummary("Renews an approved exception that has expired or ends within 30 days as a new request copying its content.");
    }

    private static async Task<Ok<ExceptionPage>> List(AttestDbContext db, string? q, string? status, ExceptionSubject? subject, Guid? control, Guid? asset, Guid? policy,
        bool? expiring, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ExceptionRegister.PageAsync(db, new ExceptionFilter(q, status, subject, control, asset, policy, expiring ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<ExceptionFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ExceptionRegister.FiguresAsync(db, cancellationToken));

    private static async Task<Ok<ExceptionDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ExceptionRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<ExceptionDetail>> Create(ExceptionBody body, RequestException request, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await request.RunAsync(await InputAsync(db, body with { OwnerId = OwnedRecords.OwnerFor(body.OwnerId, acting) }, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/v1/exceptions/{id}", await ExceptionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, ExceptionBody body, UpdateException update, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        await OwnedRecords.ChangeAsync<ComplianceException>(id, db, authorization, http, async () => await update.RunAsync(id, await InputAsync(db, body, cancellationToken), cancellationToken),
            cancellationToken);

    private static async Task<Ok<ExceptionDetail>> Approve(Guid id, ApproveBody body, ApproveException approve, AttestDbContext db, CancellationToken cancellationToken)
    {
        await approve.RunAsync(id, body.ValidUntil, body.Note, body.Version, cancellationToken);
        return TypedResults.Ok(await ExceptionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<ExceptionDetail>> Reject(Guid id, NoteBody body, RejectException reject, AttestDbContext db, CancellationToken cancellationToken)
    {
        await reject.RunAsync(id, body.Note, body.Version, cancellationToken);
        return TypedResults.Ok(await ExceptionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<ExceptionDetail>> Revoke(Guid id, NoteBody body, RevokeException revoke, AttestDbContext db, CancellationToken cancellationToken)
    {
        await revoke.RunAsync(id, body.Note, body.Version, cancellationToken);
        return TypedResults.Ok(await ExceptionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Results<Ok<ExceptionDetail>, ForbidHttpResult>> Close(Guid id, NoteBody body, CloseException close, AttestDbContext db, ActingContext acting,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await db.ComplianceExceptions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Exception", id);
        if (record.RequestedByUserId != acting.UserId && !(await authorization.AuthorizeAsync(http.User, record, RecordOperations.Edit)).Succeeded) return TypedResults.Forbid();
        await close.RunAsync(id, body.Note, body.Version, cancellationToken);
        return TypedResults.Ok(await ExceptionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Created<ExceptionDetail>> Renew(Guid id, RenewException renew, AttestDbContext db, CancellationToken cancellationToken)
    {
        var renewed = await renew.RunAsync(id, cancellationToken);
        return TypedResults.Created($"/api/v1/exceptions/{renewed}", await ExceptionRegister.DetailAsync(db, renewed, cancellationToken));
    }

    private static async Task<ExceptionInput> InputAsync(AttestDbContext db, ExceptionBody b, CancellationToken cancellationToken) =>
        new(b.Title ?? "", b.Subject,
            await ExceptionReferences.DocumentAsync(db, b.Policy, "policy", cancellationToken), b.PolicySection,
            await ExceptionReferences.ControlAsync(db, b.Control, "control", cancellationToken),
            await ExceptionReferences.AssetAsync(db, b.Asset, "asset", cancellationToken), b.Reason, b.CompensatingControls,
            await ExceptionReferences.RiskAsync(db, b.Risk, "risk", cancellationToken), b.RiskLevel, b.RiskAcceptanceId, b.OwnerId, b.ValidUntil, b.Version);
}
