using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/nonconformities: the nonconformity register (clause 10.2) for tools — audit portals, dashboards, ticketing.</summary>
public static class NonconformitiesApi
{
    public sealed record RaiseBody(
        string Title, FindingGrade Grade, string? Description = null, NonconformitySource Source = NonconformitySource.Manual, Guid? SourceId = null,
        string? ExternalReference = null, Guid? RequirementId = null, string? FrameworkKey = null, string? RequirementCode = null, Guid? ControlId = null,
        DateOnly? RaisedOn = null, string? RaisedBy = null, Guid? OwnerId = null, DateOnly? DueOn = null);

    public sealed record UpdateBody(
        string Title, FindingGrade Grade, string? Description = null, Guid? RequirementId = null, string? FrameworkKey = null, string? RequirementCode = null,
        Guid? ControlId = null, Guid? OwnerId = null, DateOnly? DueOn = null, string? ExternalReference = null, int Version = 0);

    public sealed record RootCauseBody(string? RootCause, string? Correction, int Version);

    public sealed record SubmitBody(bool CorrectionSufficient = false, string? Note = null, int Version = 0);

    public sealed record CheckBody(bool Effective, string? Note, DateOnly? CheckedOn = null, int Version = 0);

    public sealed record NoteBody(string? Note, int Version);

    public static void MapNonconformitiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/nonconformities", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page, not closed first, majors first, then by due date. Filters: ?q=, grade=Major|Minor|Observation|Opportunity, " +
                         "status=Open|AwaitingVerification|Closed, source=Manual|ExternalAudit|InternalAudit|Incident|ManagementReview|RegulatoryEvent, " +
                         "state=open|closed|overdue, owner=, requirement= (a code such as A.5.18), page=. Rows carry age in days and the source record's reference.");
        api.MapGet("/nonconformities/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Not closed by grade, overdue, ageing (0–30, 31–90, over 90 days) and mean days to close over the last 12 months.");
        api.MapGet("/nonconformities/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One record with its effectiveness checks and corrective actions.");
        api.MapPost("/nonconformities", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Raises a nonconformity, observation or opportunity; source and sourceId name the audit, incident or regulatory event (sourceId empty for Manual). " +
                         "The requirement is an id, or frameworkKey and requirementCode. A Contributor owns it unless they name someone.");
        api.MapPut("/nonconformities/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Replaces title, description, grade, requirement, control, owner, due date and external reference; send the version you read. Contributors change their own.");
        api.MapPost("/nonconformities/{id:guid}/root-cause", RootCause).RequireAuthorization(Access.Editor).WithSummary("Records the root cause and the correction (Markdown).");
        api.MapPost("/nonconformities/{id:guid}/submit", Submit).RequireAuthorization(Access.Editor)
            .WithSummary("Submits a major or minor for verification: root cause, correction and every action done or cancelled; at least one done unless correctionSufficient with a note.");
        api.MapPost("/nonconformities/{id:guid}/check", Check).RequireAuthorization(Access.Manager)
            .WithSummary("Records an effectiveness check (a Manager or Admin who is not the owner; note required). Effective closes it; not effective reopens it.");
        api.MapPost("/nonconformities/{id:guid}/close", Close).RequireAuthorization(Access.Editor).WithSummary("Closes an observation or opportunity with a note.");
        api.MapPost("/nonconformities/{id:guid}/reopen", Reopen).RequireAuthorization(Access.Manager).WithSummary("Reopens a closed one, or sends one awaiting verification back, with a note.");
    }

    private static async Task<Ok<NonconformityPage>> List(AttestDbContext db, string? q, FindingGrade? grade, NonconformityStatus? status, NonconformitySource? source,
        string? state, Guid? owner, string? requirement, int? page, CancellationToken cancellationToken)
    {
        if (state is { Length: > 0 } && state.ToLowerInvariant() is not ("open" or "closed" or "overdue"))
        {
            throw ValidationFailedException.For("state", $"'{state}' is not a state here: use open, closed or overdue.");
        }
        return TypedResults.Ok(await NonconformityRegister.PageAsync(db, new NonconformityFilter(q, grade, status, source, state, owner, requirement), Math.Max(1, page ?? 1), 50,
            cancellationToken));
    }

    private static async Task<Ok<NonconformityFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await NonconformityRegister.FiguresAsync(db, cancellationToken));

    private static async Task<Ok<NonconformityDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await NonconformityRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<NonconformityDetail>> Create(RaiseBody body, RaiseNonconformity raise, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await raise.RunAsync(new NonconformityInput(body.Title ?? "", body.Grade, body.Description, body.Source, body.SourceId, body.ExternalReference, body.RequirementId,
            body.ControlId, body.RaisedOn, body.RaisedBy, OwnedRecords.OwnerFor(body.OwnerId, acting), body.DueOn, body.FrameworkKey, body.RequirementCode), cancellationToken);
        return TypedResults.Created($"/api/v1/nonconformities/{id}", await NonconformityRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, UpdateBody body, UpdateNonconformity update, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Nonconformity>(id, db, authorization, http, () => update.RunAsync(id, new NonconformityChange(body.Title ?? "", body.Grade, body.Description,
            body.RequirementId, body.FrameworkKey, body.RequirementCode, body.ControlId, body.OwnerId, body.DueOn, body.ExternalReference, body.Version), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RootCause(Guid id, RootCauseBody body, RecordRootCauseAndCorrection record, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Nonconformity>(id, db, authorization, http, () => record.RunAsync(id, body.RootCause, body.Correction, body.Version, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Submit(Guid id, SubmitBody body, SubmitNonconformityForVerification submit, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Nonconformity>(id, db, authorization, http, () => submit.RunAsync(id, body.CorrectionSufficient, body.Note, body.Version, cancellationToken), cancellationToken);

    private static async Task<Created<NonconformityDetail>> Check(Guid id, CheckBody body, RecordEffectivenessCheck check, AttestDbContext db, CancellationToken cancellationToken)
    {
        await check.RunAsync(id, body.CheckedOn, body.Effective, body.Note, body.Version, cancellationToken);
        return TypedResults.Created($"/api/v1/nonconformities/{id}", await NonconformityRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Close(Guid id, NoteBody body, CloseObservation close, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Nonconformity>(id, db, authorization, http, () => close.RunAsync(id, body.Note, body.Version, cancellationToken), cancellationToken);

    private static async Task<NoContent> Reopen(Guid id, NoteBody body, ReopenNonconformity reopen, CancellationToken cancellationToken)
    {
        await reopen.RunAsync(id, body.Note, body.Version, cancellationToken);
        return TypedResults.NoContent();
    }
}
