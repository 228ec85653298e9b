using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>/api/v1/corrective-actions: the corrective action register for tools (ticketing, dashboards).</summary>
public static class CorrectiveActionsApi
{
    public sealed record ActionBody(
        string Title, string? Description = null, ActionSource Source = ActionSource.Other, Guid? SourceId = null, Guid? OwnerId = null, DateOnly? DueOn = null,
        ActionStatus Status = ActionStatus.Open, DateOnly? CompletedOn = null, string? Outcome = null, Guid? ControlId = null, Guid? RiskId = null, int Version = 0);

    public static void MapCorrectiveActionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/corrective-actions", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page, open actions first by due date. Filters: ?q=, source=Incident|ContinuityExercise|Nonconformity|ManagementReview|Other, " +
                         "status= (default: Open and InProgress; all=true for every status), owner=, overdue=true, dueBefore=yyyy-MM-dd, page=. Rows carry days open and days overdue.");
        api.MapGet("/corrective-actions/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Open, overdue, done this month, average days to close (actions completed in the last 12 months), and counts by source.");
        api.MapGet("/corrective-actions/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv|xlsx: every action, one row each.");
        api.MapGet("/corrective-actions/{id:guid}", Get).RequireAuthorization(Access.Reader);
        api.MapPost("/corrective-actions", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Raises an action; source and sourceId name the incident or exercise it comes from (sourceId empty for Other). A Contributor owns it unless they name someone.");
        api.MapPut("/corrective-actions/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors update only the actions they own. Send the version you read; an action stays with its source. Done without completedOn means today.");
        api.MapDelete("/corrective-actions/{id:guid}", Delete).RequireAuthorization(Access.Editor).WithSummary("Removes an action (?version=); cancelling it keeps it in the register.");
    }

    private static async Task<Ok<CorrectiveActionPage>> List(AttestDbContext db, string? q, ActionSource? source, ActionStatus? status, bool? all, Guid? owner, bool? overdue,
        DateOnly? dueBefore, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CorrectiveActionRegister.PageAsync(db,
            new CorrectiveActionFilter(q, source, status, OpenOnly: status is null && all != true, owner, overdue ?? false, dueBefore), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<CorrectiveActionFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CorrectiveActionRegister.FiguresAsync(db, cancellationToken));

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await CorrectiveActionExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "corrective-actions.csv"),
        "xlsx" => Results.File(await CorrectiveActionExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "corrective-actions.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<Ok<CorrectiveActionDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CorrectiveActionRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<CorrectiveActionDetail>> Create(ActionBody body, SaveCorrectiveAction save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body with { OwnerId = OwnedRecords.OwnerFor(body.OwnerId, acting) }), cancellationToken);
        return TypedResults.Created($"/api/v1/corrective-actions/{id}", await CorrectiveActionRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, ActionBody body, SaveCorrectiveAction save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<CorrectiveAction>(id, db, authorization, http, () => save.RunAsync(id, Input(body), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, int version, RemoveCorrectiveAction remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<CorrectiveAction>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static CorrectiveActionInput Input(ActionBody b) =>
        new(b.Title ?? "", b.Description, b.Source, b.SourceId, b.OwnerId, b.DueOn, b.Status, b.CompletedOn, b.Outcome, b.ControlId, b.RiskId, b.Version);
}
