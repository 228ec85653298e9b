using Attest.Context;
using Attest.Data;
using Attest.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class ContextApi
{
    public sealed record Revision(int Number);

    public static void MapContextApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scope", GetScope).RequireAuthorization(Access.Reader)
            .WithSummary("The ISMS context: scope (current, or as at a date with ?asAt=), interested parties and issues.");
        api.MapPut("/scope", PutScope).RequireAuthorization(Access.Manager)
            .WithSummary("Saves the scope as a new revision. Send the version you read; a stale version answers 409.");
        api.MapGet("/scope/revisions", ListRevisions).RequireAuthorization(Access.Reader).WithSummary("Every saved revision of the scope.");
        api.MapGet("/scope/markdown", GetMarkdown).RequireAuthorization(Access.Reader).WithSummary("The scope document as Markdown.");

        api.MapGet("/interested-parties", ListParties).RequireAuthorization(Access.Reader).WithSummary("Interested parties and their requirements (clause 4.2).");
        api.MapGet("/interested-parties/{id:guid}", GetParty).RequireAuthorization(Access.Reader);
        api.MapPost("/interested-parties", CreateParty).RequireAuthorization(Access.Editor);
        api.MapPut("/interested-parties/{id:guid}", UpdateParty).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors may update only the parties they own.");
        api.MapDelete("/interested-parties/{id:guid}", DeleteParty).RequireAuthorization(Access.Editor);

        api.MapGet("/context-issues", ListIssues).RequireAuthorization(Access.Reader).WithSummary("Internal and external issues (clause 4.1).");
        api.MapGet("/context-issues/{id:guid}", GetIssue).RequireAuthorization(Access.Reader);
        api.MapPost("/context-issues", CreateIssue).RequireAuthorization(Access.Editor);
        api.MapPut("/context-issues/{id:guid}", UpdateIssue).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors may update only the issues they own.");
        api.MapDelete("/context-issues/{id:guid}", DeleteIssue).RequireAuthorization(Access.Editor);
    }

    private static async Task<Ok<ScopeDocument>> GetScope(AttestDbContext db, DateTimeOffset? asAt, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ScopeDocument.LoadAsync(db, asAt, cancellationToken));

    private static async Task<Ok<Revision>> PutScope(ScopeInput input, UpdateScope update, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Revision(await update.RunAsync(input, cancellationToken)));

    private static async Task<Ok<List<ScopeDocument.RevisionRow>>> ListRevisions(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ScopeDocument.RevisionsAsync(db, cancellationToken));

    private static async Task<IResult> GetMarkdown(AttestDbContext db, CancellationToken cancellationToken) =>
        Results.Text((await ScopeDocument.LoadAsync(db, null, cancellationToken)).ToMarkdown(), "text/markdown; charset=utf-8");

    private static async Task<Ok<List<ScopeDocument.Party>>> ListParties(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ScopeDocument.PartyRows(db).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ScopeDocument.Party>, NotFound>> GetParty(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        await ScopeDocument.PartyRows(db, id).FirstOrDefaultAsync(cancellationToken) is { } party ? TypedResults.Ok(party) : TypedResults.NotFound();

    private static async Task<Created<ScopeDocument.Party>> CreateParty(InterestedPartyInput input, SaveInterestedParty save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/interested-parties/{id}", await ScopeDocument.PartyRows(db, id).SingleAsync(cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateParty(Guid id, InterestedPartyInput input, SaveInterestedParty save,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InterestedParty>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteParty(Guid id, int version, RemoveContextRecord remove,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InterestedParty>(id, db, authorization, http, () => remove.RunAsync<InterestedParty>(id, version, cancellationToken), cancellationToken);

    private static async Task<Ok<List<ScopeDocument.Issue>>> ListIssues(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ScopeDocument.IssueRows(db).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ScopeDocument.Issue>, NotFound>> GetIssue(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        await ScopeDocument.IssueRows(db, id).FirstOrDefaultAsync(cancellationToken) is { } issue ? TypedResults.Ok(issue) : TypedResults.NotFound();

    private static async Task<Created<ScopeDocument.Issue>> CreateIssue(ContextIssueInput input, SaveContextIssue save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/context-issues/{id}", await ScopeDocument.IssueRows(db, id).SingleAsync(cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateIssue(Guid id, ContextIssueInput input, SaveContextIssue save,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContextIssue>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteIssue(Guid id, int version, RemoveContextRecord remove,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContextIssue>(id, db, authorization, http, () => remove.RunAsync<ContextIssue>(id, version, cancellationToken), cancellationToken);
}
