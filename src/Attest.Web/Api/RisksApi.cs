using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class RisksApi
{
    public sealed record AcceptanceInput(string? Comment, DateOnly? ValidUntil, int Version);
    public sealed record MethodologyInput(string Name, string? Approach, MethodologyDefinition Definition, string? ChangeNote);
    public sealed record TemplateInput(string Key);
    public sealed record MethodologyView(int Number, string Name, string Approach, MethodologyDefinition Definition, string ChangeNote, DateTimeOffset CreatedAt, string CreatedBy);
    public sealed record MethodologyVersionRow(int Number, string Name, string ChangeNote, DateTimeOffset CreatedAt, string CreatedBy, int Risks);
    public sealed record NumberView(int Number);
    public sealed record CompleteInput(string? Conclusion, int Version);
    public sealed record LibraryAdd(Guid? OwnerId);
    public sealed record HeatmapCell(int Likelihood, int Impact, string Level, string Colour, int Count);
    public sealed record HeatmapView(RiskRating Rating, int MethodologyVersion, IReadOnlyList<HeatmapCell> Cells, int Placed, int Unrated, int OlderMethodology);
    public sealed record HeatmapsView(HeatmapView Inherent, HeatmapView Residual);
    public sealed record TreatmentPlanView(IReadOnlyList<TreatmentTaskRow> Rows, bool HasMore, int Open, int Overdue);
    public sealed record AssessmentRow(Guid Id, string Title, DateOnly StartedOn, DateOnly? DueOn, RiskAssessmentStatus Status, DateTimeOffset? CompletedAt, string CompletedBy, int Version);
    public sealed record AssessmentView(Guid Id, string Title, string Description, Guid? OwnerId, DateOnly StartedOn, DateOnly? DueOn, RiskAssessmentStatus Status,
        DateTimeOffset? CompletedAt, string CompletedBy, string Conclusion, IReadOnlyList<RiskSnapshotRow> Register, RiskComparison? ComparedWithPrevious, int Version);

    public static void MapRisksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/risks", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page. Filters: ?q=, owner=, status= (default: all but Closed), treatment=, rating=Residual|Inherent with level= (index from 0), likelihood=, impact=; reviewOverdue=true, asset=, category=, olderMethodology=true, acceptanceStale=true; sort=Reference|Title|Inherent|Residual|NextReview|Updated, desc=true, page=.");
        api.MapGet("/risks/heatmap", Heatmap).RequireAuthorization(Access.Reader).WithSummary("Inherent and residual heatmaps (count per likelihood × impact cell) of the risks the same filters select.");
        api.MapGet("/risks/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One risk with its assets, controls, treatment tasks and acceptance decisions.");
        api.MapPost("/risks", Create).RequireAuthorization(Access.Editor).WithSummary("Creates a risk; likelihood and impact are rated on the current methodology's scales (1 = lowest).");
        api.MapPut("/risks/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors update only the risks they own. Send the version you read; reassess=true rates a risk from an older methodology on the current one. A change after acceptance marks the acceptance stale.");
        api.MapDelete("/risks/{id:guid}", Delete).RequireAuthorization(Access.Editor).WithSummary("Removes a risk and its records; closing it (status Closed) keeps the history readable.");
        api.MapPost("/risks/{id:guid}/tasks", AddTask).RequireAuthorization(Access.Editor).WithSummary("Adds a treatment task; a task about a control links that control to the risk as planned.");
        api.MapPut("/risks/{id:guid}/tasks/{taskId:guid}", UpdateTask).RequireAuthorization(Access.Editor);
        api.MapDelete("/risks/{id:guid}/tasks/{taskId:guid}", RemoveTask).RequireAuthorization(Access.Editor);
        api.MapPost("/risks/{id:guid}/acceptances", Accept).RequireAuthorization(Access.Editor)
            .WithSummary("Records the caller's acceptance of the residual risk. Refused (400, naming who may) when the methodology does not give the caller that authority.");
        api.MapGet("/risks/treatment-plan", TreatmentPlan).RequireAuthorization(Access.Reader).WithSummary("Treatment tasks across the register, open first by due date (?overdue=true, ?all=true, ?owner=, ?page=).");
        api.MapGet("/risks/treatment-plan/export", TreatmentPlanExport).RequireAuthorization(Access.Reader).WithSummary("The risk treatment plan report as PDF.");
        api.MapGet("/risks/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv|xlsx: the whole register, one row per risk, in the columns the import reads.");
        api.MapPost("/risks/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(20 * 1024 * 1024))
            .WithSummary("Imports the request body as a register (?fileName= ends .csv or .xlsx). All or nothing; errors name the row.");

        api.MapGet("/risk-methodology", Methodology).RequireAuthorization(Access.Reader).WithSummary("The current methodology version: scales, levels, matrix, acceptance criteria.");
        api.MapGet("/risk-methodology/versions", Versions).RequireAuthorization(Access.Reader).WithSummary("Every version with the number of risks still assessed under it.");
        api.MapGet("/risk-methodology/versions/{number:int}", MethodologyVersion).RequireAuthorization(Access.Reader);
        api.MapPut("/risk-methodology", SaveMethodology).RequireAuthorization(Access.Manager).WithSummary("Saves the next version (nothing when nothing changed). Existing risks keep their version until re-assessed.");
        api.MapPost("/risk-methodology/template", Template).RequireAuthorization(Access.Manager).WithSummary("Adopts a ready-made methodology (key 5x5 or 3x3) as the next version.");
        api.MapGet("/risk-methodology/export", MethodologyExport).RequireAuthorization(Access.Reader).WithSummary("The printable methodology document: ?format=pdf|md, ?version=N (default current).");

        api.MapGet("/risk-library", Library).RequireAuthorization(Access.Reader).WithSummary("Common risks of an AI-services business, ready to add.");
        api.MapPost("/risk-library/{key}", AddFromLibrary).RequireAuthorization(Access.Editor).WithSummary("Adds a library risk to the register with the organization's controls that treat it.");

        api.MapGet("/risk-assessments", Assessments).RequireAuthorization(Access.Reader).WithSummary("Dated risk assessment exercises, newest first.");
        api.MapGet("/risk-assessments/{id:guid}", Assessment).RequireAuthorization(Access.Reader).WithSummary("An exercise with its register (frozen once completed, live while in progress) and what changed since the previous completed one.");
        api.MapPost("/risk-assessments", CreateAssessment).RequireAuthorization(Access.Manager);
        api.MapPut("/risk-assessments/{id:guid}", UpdateAssessment).RequireAuthorization(Access.Manager);
        api.MapPost("/risk-assessments/{id:guid}/complete", CompleteAssessment).RequireAuthorization(Access.Manager).WithSummary("Freezes the register as it stands into the assessment.");
    }

    private static RiskFilter Filter(string? q, Guid? owner, RiskStatus? status, RiskTreatment? treatment, RiskRating? rating, int? level, int? likelihood, int? impact,
        bool? reviewOverdue, Guid? asset, string? category, bool? olderMethodology, bool? acceptanceStale, RiskSort? sort, bool? desc) =>
        new(q, owner, status, treatment, rating ?? RiskRating.Residual, level, likelihood, impact, reviewOverdue ?? false, asset, category, olderMethodology ?? false,
            acceptanceStale ?? false, sort ?? RiskSort.Reference, desc ?? false);

    private static async Task<Ok<RiskPage>> List(AttestDbContext db, string? q, Guid? owner, RiskStatus? status, RiskTreatment? treatment, RiskRating? rating, int? level,
        int? likelihood, int? impact, bool? reviewOverdue, Guid? asset, string? category, bool? olderMethodology, bool? acceptanceStale, RiskSort? sort, bool? desc, int? page,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await RiskQueries.PageAsync(db, Filter(q, owner, status, treatment, rating, level, likelihood, impact, reviewOverdue, asset, category, olderMethodology,
            acceptanceStale, sort, desc), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Results<Ok<HeatmapsView>, NotFound>> Heatmap(AttestDbContext db, string? q, Guid? owner, RiskStatus? status, RiskTreatment? treatment, int? level,
        RiskRating? rating, bool? reviewOverdue, Guid? asset, string? category, bool? olderMethodology, bool? acceptanceStale, CancellationToken cancellationToken)
    {
        var maps = await RiskQueries.HeatmapsAsync(db, Filter(q, owner, status, treatment, rating, level, null, null, reviewOverdue, asset, category, olderMethodology, acceptanceStale, null, null), cancellationToken);
        if (maps is not { } found) return TypedResults.NotFound();
        return TypedResults.Ok(new HeatmapsView(View(found.Inherent), View(found.Residual)));
    }

    private static HeatmapView View(Heatmap map)
    {
        var d = map.Definition;
        var cells = new List<HeatmapCell>();
        for (var l = 1; l <= d.Likelihood.Count; l++)
        {
            for (var i = 1; i <= d.Impact.Count; i++)
            {
                var level = d.Levels[d.LevelOf(l, i)];
                cells.Add(new HeatmapCell(l, i, level.Name, level.Colour, map.CountAt(l, i)));
            }
        }
        return new HeatmapView(map.Rating, map.MethodologyNumber, cells, map.Placed, map.Unrated, map.OlderMethodology);
    }

    private static async Task<Ok<RiskDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await RiskQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<RiskDetail>> Create(RiskInput input, SaveRisk save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/risks/{id}", await RiskQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, RiskInput input, SaveRisk save, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Risk>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, int version, RemoveRisk remove, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Risk>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<Results<Created<RiskTaskView>, NotFound, ForbidHttpResult>> AddTask(Guid id, RiskTaskInput input, SaveRiskTask save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        Guid taskId = default;
        var result = await OwnedRecords.ChangeAsync<Risk>(id, db, authorization, http, async () => taskId = await save.RunAsync(id, null, input, cancellationToken), cancellationToken);
        if (result.Result is not NoContent) return result.Result is NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        var detail = await RiskQueries.DetailAsync(db, id, cancellationToken);
        return TypedResults.Created($"/api/v1/risks/{id}/tasks/{taskId}", detail.Tasks.First(t => t.Id == taskId));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateTask(Guid id, Guid taskId, RiskTaskInput input, SaveRiskTask save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Risk>(id, db, authorization, http, () => save.RunAsync(id, taskId, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveTask(Guid id, Guid taskId, int version, RemoveRiskTask remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Risk>(id, db, authorization, http, () => remove.RunAsync(id, taskId, version, cancellationToken), cancellationToken);

    private static async Task<Created<RiskAcceptanceView>> Accept(Guid id, AcceptanceInput input, AcceptResidualRisk accept, AttestDbContext db, CancellationToken cancellationToken)
    {
        var acceptanceId = await accept.RunAsync(id, input.Comment, input.ValidUntil, input.Version, cancellationToken);
        var detail = await RiskQueries.DetailAsync(db, id, cancellationToken);
        return TypedResults.Created($"/api/v1/risks/{id}", detail.Acceptances.First(a => a.Id == acceptanceId));
    }

    private static async Task<Ok<TreatmentPlanView>> TreatmentPlan(AttestDbContext db, bool? overdue, bool? all, Guid? owner, int? page, CancellationToken cancellationToken)
    {
        var plan = await RiskQueries.TreatmentPlanAsync(db, overdue ?? false, all ?? false, owner, Math.Max(1, page ?? 1), 100, cancellationToken);
        return TypedResults.Ok(new TreatmentPlanView(plan.Rows, plan.HasMore, plan.Open, plan.Overdue));
    }

    private static async Task<IResult> TreatmentPlanExport(AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await RiskTreatmentPlanReport.RenderAsync(db, db.Clock.GetUtcNow(), cancellationToken);
        return Results.File(content, type, name);
    }

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await RiskRegisterExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "risks.csv"),
        "xlsx" => Results.File(await RiskRegisterExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "risks.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<Ok<RiskImportResult>> Import(HttpRequest request, string? fileName, ImportRiskRegister import, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }

    private static async Task<Results<Ok<MethodologyView>, NotFound>> Methodology(AttestDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Number).FirstOrDefaultAsync(cancellationToken);
        return current is null ? TypedResults.NotFound() : TypedResults.Ok(ViewOf(current));
    }

    private static MethodologyView ViewOf(RiskMethodology m) => new(m.Number, m.Name, m.Approach, MethodologyDefinition.Parse(m.Definition), m.ChangeNote, m.CreatedAt, m.CreatedBy);

    private static async Task<Ok<List<MethodologyVersionRow>>> Versions(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Number)
            .Select(m => new MethodologyVersionRow(m.Number, m.Name, m.ChangeNote, m.CreatedAt, m.CreatedBy, db.Risks.Count(r => r.MethodologyId == m.Id)))
            .ToListAsync(cancellationToken));

    private static async Task<Ok<MethodologyView>> MethodologyVersion(int number, AttestDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.RiskMethodologies.AsNoTracking().FirstOrDefaultAsync(m => m.Number == number, cancellationToken) ?? throw new RecordNotFoundException("Risk methodology version", number);
        return TypedResults.Ok(ViewOf(found));
    }

    private static async Task<Ok<NumberView>> SaveMethodology(MethodologyInput input, SaveRiskMethodology save, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NumberView(await save.RunAsync(input.Name, input.Approach, input.Definition, input.ChangeNote, cancellationToken)));

    private static async Task<Ok<NumberView>> Template(TemplateInput input, SaveRiskMethodology save, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NumberView(await save.FromTemplateAsync(input.Key ?? "", cancellationToken)));

    private static async Task<IResult> MethodologyExport(string? format, int? version, AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await RiskMethodologyDocument.RenderAsync(db, version, format ?? "pdf", db.Clock.GetUtcNow(), cancellationToken);
        return Results.File(content, type, name);
    }

    private static Ok<IReadOnlyList<LibraryRisk>> Library() => TypedResults.Ok(RiskLibrary.Entries);

    private static async Task<Created<RiskDetail>> AddFromLibrary(string key, LibraryAdd? input, AddRiskFromLibrary add, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await add.RunAsync(key, OwnedRecords.OwnerFor(input?.OwnerId, acting) ?? acting.UserId, cancellationToken);
        return TypedResults.Created($"/api/v1/risks/{id}", await RiskQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<List<AssessmentRow>>> Assessments(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RiskAssessments.AsNoTracking().OrderByDescending(a => a.StartedOn)
            .Select(a => new AssessmentRow(a.Id, a.Title, a.StartedOn, a.DueOn, a.Status, a.CompletedAt, a.CompletedBy, a.Version)).ToListAsync(cancellationToken));

    private static async Task<Ok<AssessmentView>> Assessment(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var a = await db.RiskAssessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Risk assessment", id);
        var register = await RiskSnapshots.RegisterOfAsync(db, a, cancellationToken);
        var comparison = await RiskSnapshots.CompareWithPreviousAsync(db, a, register, cancellationToken);
        return TypedResults.Ok(new AssessmentView(a.Id, a.Title, a.Description, a.OwnerId, a.StartedOn, a.DueOn, a.Status, a.CompletedAt, a.CompletedBy, a.Conclusion,
            register, comparison, a.Version));
    }

    private static async Task<Created<AssessmentRow>> CreateAssessment(RiskAssessmentInput input, SaveRiskAssessment save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        var a = await db.RiskAssessments.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        return TypedResults.Created($"/api/v1/risk-assessments/{id}", new AssessmentRow(a.Id, a.Title, a.StartedOn, a.DueOn, a.Status, a.CompletedAt, a.CompletedBy, a.Version));
    }

    private static async Task<NoContent> UpdateAssessment(Guid id, RiskAssessmentInput input, SaveRiskAssessment save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> CompleteAssessment(Guid id, CompleteInput input, CompleteRiskAssessment complete, CancellationToken cancellationToken)
    {
        await complete.RunAsync(id, input.Conclusion, input.Version, cancellationToken);
        return TypedResults.NoContent();
    }
}
