using Attest.Data;
using Attest.Improvement;
using Attest.InternalAudits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>
/// /api/v1/internal-audits: audit programmes with their coverage, internal audits, checklists and results (clause 9.2). Readers read; Managers and
/// Admins run programmes; Admins, Managers and the Contributor who owns an audit change it.
/// </summary>
public static class InternalAuditsApi
{
    public sealed record ProgrammeBody(string Name, DateOnly? CycleStart, DateOnly? CycleEnd, int AuditsPerYear = 4, string? FrameworkKeys = null, string? Description = null,
        Guid? OwnerId = null, bool Archived = false, int Version = 0);

    public sealed record AuditBody(string Title, DateOnly? PlannedStart, DateOnly? PlannedEnd, Guid? ProgrammeId = null, string? Scope = null, string? Criteria = null,
        Guid? AuditorUserId = null, string? AuditorName = null, string? IndependenceStatement = null, Guid? OwnerId = null, string? Plan = null, string? Conclusion = null,
        int Version = 0);

    public sealed record StartBody(DateOnly? StartedOn = null, int Version = 0);

    public sealed record CompleteBody(string? Conclusion = null, DateOnly? CompletedOn = null, int Version = 0);

    public sealed record CancelBody(string? Reason, int Version = 0);

    public sealed record ItemsBody(string? FrameworkKey = null, string? Codes = null, int? NextUncovered = null);

    public sealed record ResultBody(AuditResult Result, string? Notes = null, string? Question = null, string? Evidence = null, FindingGrade? Grade = null,
        string? FindingTitle = null, Guid? FindingOwnerId = null, DateOnly? FindingDueOn = null, bool RaiseFinding = false, string? LinkNonconformity = null, int Version = 0);

    public sealed record Count(int Added);

    public static void MapInternalAuditsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/internal-audits", List).RequireAuthorization(Access.Reader)
            .WithSummary("Audits, 50 per page, latest planned first, with checklist counts by result and findings raised. Filters: status=Planned|InProgress|Completed|Cancelled, " +
                         "programme= (id), year= (of the planned start), auditor= (part of the name), page=.");
        api.MapGet("/internal-audits/completed", Completed).RequireAuthorization(Access.Reader)
            .WithSummary("Audits completed between from= and to= (inclusive, yyyy-MM-dd; default the last twelve months to today), with result counts and the NC references raised.");
        api.MapGet("/internal-audits/programmes", Programmes).RequireAuthorization(Access.Reader).WithSummary("Every programme; ?archived=true includes archived ones.");
        api.MapGet("/internal-audits/programmes/{id:guid}", Programme).RequireAuthorization(Access.Reader)
            .WithSummary("One programme with its audits and its coverage per framework: clauses and controls audited over the cycle, and those not yet, by clause or theme.");
        api.MapPost("/internal-audits/programmes", CreateProgramme).RequireAuthorization(Access.Manager)
            .WithSummary("Adds a programme: cycle start and end, auditsPerYear (1, 2, 3, 4, 6 or 12), frameworkKeys (\"iso27001-2022, iso42001-2023\").");
        api.MapPut("/internal-audits/programmes/{id:guid}", UpdateProgramme).RequireAuthorization(Access.Manager).WithSummary("Updates a programme; send the version you read.");
        api.MapPost("/internal-audits/programmes/{id:guid}/plan", Plan).RequireAuthorization(Access.Manager)
            .WithSummary("Plans the cycle: one audit per period (\"Q1 2027 internal audit\") that has none yet. Running it again adds nothing.");
        api.MapGet("/internal-audits/{id:guid}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("One audit: independence, plan, checklist with results, evidence and findings, re-audits of earlier nonconformities, and independence warnings.");
        api.MapPost("/internal-audits", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Plans an audit (IA-nnn). The auditor is auditorUserId (a member) or auditorName (an outside auditor). A Contributor owns it unless they name someone.");
        api.MapPut("/internal-audits/{id:guid}", Update).RequireAuthorization(Access.Editor).WithSummary("Updates an audit not completed or cancelled; send the version you read.");
        api.MapPost("/internal-audits/{id:guid}/start", Start).RequireAuthorization(Access.Editor)
            .WithSummary("Starts a planned audit; the auditor and an independence statement are required.");
        api.MapPost("/internal-audits/{id:guid}/complete", Complete).RequireAuthorization(Access.Editor)
            .WithSummary("Completes an audit in progress: every checklist item needs a result, and a conclusion is required.");
        api.MapPost("/internal-audits/{id:guid}/cancel", Cancel).RequireAuthorization(Access.Editor).WithSummary("Cancels a planned audit or one in progress, with a reason.");
        api.MapPost("/internal-audits/{id:guid}/items", AddItems).RequireAuthorization(Access.Editor)
            .WithSummary("Adds checklist items: codes of frameworkKey (\"A.5.15, A.8.2\", a clause such as \"9.2\" or a theme such as \"A.5\"), and/or nextUncovered=N of the programme. " +
                         "Pending re-audits of earlier nonconformities are added too.");
        api.MapPut("/internal-audits/items/{itemId:guid}", RecordResult).RequireAuthorization(Access.Editor)
            .WithSummary("Records an item's result (Conforming, Nonconformity, Observation, OpportunityForImprovement, NotAudited) with notes and evidence references. " +
                         "Nonconformity raises an NC (grade Major or Minor) or links linkNonconformity; raiseFinding records an observation or opportunity as well.");
        api.MapDelete("/internal-audits/items/{itemId:guid}", RemoveItem).RequireAuthorization(Access.Editor).WithSummary("Removes an item not assessed yet (?version=).");
    }

    private static async Task<Ok<InternalAuditPage>> List(AttestDbContext db, InternalAuditStatus? status, Guid? programme, int? year, string? auditor, int? page,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await InternalAuditRegister.PageAsync(db, new InternalAuditFilter(status, programme, year, auditor), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<IReadOnlyList<CompletedInternalAudit>>> Completed(AttestDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var until = to ?? OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        return TypedResults.Ok(await InternalAuditQueries.CompletedBetweenAsync(db, from ?? until.AddYears(-1).AddDays(1), until, cancellationToken));
    }

    private static async Task<Ok<List<AuditProgrammeRow>>> Programmes(AttestDbContext db, bool? archived, CancellationToken cancellationToken) =>
        TypedResults.Ok(await InternalAuditRegister.ProgrammesAsync(db, archived ?? false, cancellationToken));

    private static async Task<Ok<AuditProgrammeDetail>> Programme(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await InternalAuditRegister.ProgrammeAsync(db, id, cancellationToken));

    private static async Task<Created<AuditProgrammeDetail>> CreateProgramme(ProgrammeBody body, SaveAuditProgramme save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/internal-audits/programmes/{id}", await InternalAuditRegister.ProgrammeAsync(db, id, cancellationToken));
    }

    private static async Task<NoContent> UpdateProgramme(Guid id, ProgrammeBody body, SaveAuditProgramme save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Count>> Plan(Guid id, PlanAuditCycle plan, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Count(await plan.RunAsync(id, cancellationToken)));

    private static async Task<Ok<InternalAuditDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await InternalAuditRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<InternalAuditDetail>> Create(AuditBody body, SaveInternalAudit save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body) with { OwnerId = OwnedRecords.OwnerFor(body.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/internal-audits/{id}", await InternalAuditRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, AuditBody body, SaveInternalAudit save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InternalAudit>(id, db, authorization, http, () => save.RunAsync(id, Input(body), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Start(Guid id, StartBody body, StartInternalAudit start, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InternalAudit>(id, db, authorization, http, () => start.RunAsync(id, body.StartedOn, body.Version, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Complete(Guid id, CompleteBody body, CompleteInternalAudit complete, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InternalAudit>(id, db, authorization, http, () => complete.RunAsync(id, body.Conclusion, body.CompletedOn, body.Version, cancellationToken),
            cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Cancel(Guid id, CancelBody body, CancelInternalAudit cancel, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<InternalAudit>(id, db, authorization, http, () => cancel.RunAsync(id, body.Reason, body.Version, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<Count>, NotFound, ForbidHttpResult>> AddItems(Guid id, ItemsBody body, AddChecklistItems add, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var added = 0;
        var result = await OwnedRecords.ChangeAsync<InternalAudit>(id, db, authorization, http,
            async () => added = await add.RunAsync(id, new ChecklistAddition(body.FrameworkKey, body.Codes, body.NextUncovered), cancellationToken), cancellationToken);
        return result.Result switch
        {
            NotFound notFound => notFound,
            ForbidHttpResult forbid => forbid,
            _ => TypedResults.Ok(new Count(added)),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> RecordResult(Guid itemId, ResultBody body, RecordAuditResult record, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        if (await AuditOfAsync(db, itemId, cancellationToken) is not { } auditId) return TypedResults.NotFound();
        return await OwnedRecords.ChangeAsync<InternalAudit>(auditId, db, authorization, http, () => record.RunAsync(itemId, new AuditResultInput(body.Result, body.Notes,
            body.Question, body.Evidence, body.Grade, body.FindingTitle, body.FindingOwnerId, body.FindingDueOn, body.RaiseFinding, body.LinkNonconformity, body.Version),
            cancellationToken), cancellationToken);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveItem(Guid itemId, int version, RemoveChecklistItem remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        if (await AuditOfAsync(db, itemId, cancellationToken) is not { } auditId) return TypedResults.NotFound();
        return await OwnedRecords.ChangeAsync<InternalAudit>(auditId, db, authorization, http, () => remove.RunAsync(itemId, version, cancellationToken), cancellationToken);
    }

    private static Task<Guid?> AuditOfAsync(AttestDbContext db, Guid itemId, CancellationToken cancellationToken) =>
        db.AuditChecklistItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (Guid?)i.AuditId).FirstOrDefaultAsync(cancellationToken);

    private static AuditProgrammeInput Input(ProgrammeBody b) =>
        new(b.Name ?? "", b.CycleStart ?? default, b.CycleEnd ?? default, b.AuditsPerYear, b.FrameworkKeys, b.Description, b.OwnerId, b.Archived, b.Version);

    private static InternalAuditInput Input(AuditBody b) =>
        new(b.Title ?? "", b.PlannedStart ?? default, b.PlannedEnd ?? default, b.ProgrammeId, b.Scope, b.Criteria, b.AuditorUserId, b.AuditorName, b.IndependenceStatement,
            b.OwnerId, b.Plan, b.Conclusion, b.Version);
}
