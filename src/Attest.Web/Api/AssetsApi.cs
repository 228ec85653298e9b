using Attest.AiSystems;
using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class AssetsApi
{
    public sealed record ClassInput(string Name, string? Description, string? Baseline, int Version = 0);
    public sealed record ClassView(Guid Id, string Name, string Description, string Baseline, int Version);
    public sealed record LevelInput(string Name, string? HandlingRules, int Version);
    public sealed record LevelView(Guid Id, string Name, int Rank, string HandlingRules, int Version);
    public sealed record Reason(string Text);
    public sealed record Approval(bool Major = false);
    public sealed record Approved(string Number);
    public sealed record NewId(Guid Id);

    public static void MapAssetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/assets", List).RequireAuthorization(Access.Reader).WithSummary("The inventory, 50 per page (?page=, ?q=, ?type=, ?lifecycle=, ?criticality=, ?sort=Reference|Name|Type|Criticality|Updated, ?desc=true).");
        api.MapGet("/assets/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One asset with its dependencies both ways and its handling rules.");
        api.MapGet("/assets/{id:guid}/graph", Graph).RequireAuthorization(Access.Reader).WithSummary("The asset's neighbourhood (two steps) as nodes and edges.");
        api.MapPost("/assets", Create).RequireAuthorization(Access.Editor).WithSummary("Creates an asset; dependsOn lists {toAssetId, kind}.");
        api.MapPut("/assets/{id:guid}", Update).RequireAuthorization(Access.Editor).WithSummary("Contributors update only the assets they own. Send the version you read.");
        api.MapDelete("/assets/{id:guid}", Delete).RequireAuthorization(Access.Editor);
        api.MapPost("/assets/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(60 * 1024 * 1024))
            .WithSummary("Imports the request body: an inventory (?fileName= ends .csv or .xlsx) or a CycloneDX ML-BOM (.json). All or nothing; errors name the row or JSON position.");
        api.MapGet("/assets/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv|xlsx: the whole inventory in the columns the import reads.");
        api.MapGet("/ai-systems/export", ExportRegistry).RequireAuthorization(Access.Reader).WithSummary("The AI registry with coverage and gaps as XLSX.");
        api.MapGet("/impact-assessments/{id:guid}/export", ExportAssessment).RequireAuthorization(Access.Reader).WithSummary("?format=pdf|md&version=N.M (default: the working copy).");
        api.MapGet("/classification-levels", Levels).RequireAuthorization(Access.Reader).WithSummary("The organization's classification levels and their handling rules.");
        api.MapPut("/classification-levels/{id:guid}", SaveLevel).RequireAuthorization(Access.Manager);

        api.MapGet("/ai-systems", Systems).RequireAuthorization(Access.Reader).WithSummary("Every AI system with its class and baseline coverage (required, implemented, gaps).");
        api.MapGet("/ai-systems/{id:guid}", System).RequireAuthorization(Access.Reader);
        api.MapPost("/ai-systems", CreateSystem).RequireAuthorization(Access.Editor).WithSummary("Registers an AI system: its asset fields and its ISO/IEC 42001 record.");
        api.MapPut("/ai-systems/{id:guid}", UpdateSystem).RequireAuthorization(Access.Editor)
            .WithSummary("Updates an AI system; a new intended use, new clients or a model change marks its approved impact assessments as due.");
        api.MapGet("/ai-classes", Classes).RequireAuthorization(Access.Reader).WithSummary("AI system classes and their required baselines in the ISO notation.");
        api.MapPost("/ai-classes", CreateClass).RequireAuthorization(Access.Manager);
        api.MapPut("/ai-classes/{id:guid}", UpdateClass).RequireAuthorization(Access.Manager);

        api.MapGet("/impact-assessments", Assessments).RequireAuthorization(Access.Reader).WithSummary("Impact assessments with status, due flag and high residual impacts.");
        api.MapGet("/impact-assessments/figures", Figures).RequireAuthorization(Access.Reader).WithSummary("AI systems with a current approved assessment, assessments due, high residual impacts.");
        api.MapGet("/impact-assessments/{id:guid}", Assessment).RequireAuthorization(Access.Reader).WithSummary("The working copy and the list of approved versions.");
        api.MapGet("/impact-assessments/{id:guid}/versions/{number}", AssessmentVersion).RequireAuthorization(Access.Reader).WithSummary("An approved version as frozen.");
        api.MapPost("/impact-assessments", CreateAssessment).RequireAuthorization(Access.Editor);
        api.MapPut("/impact-assessments/{id:guid}", UpdateAssessment).RequireAuthorization(Access.Editor);
        api.MapPost("/impact-assessments/{id:guid}/parties", AddParty).RequireAuthorization(Access.Editor);
        api.MapDelete("/impact-assessments/{id:guid}/parties/{partyId:guid}", RemoveParty).RequireAuthorization(Access.Editor);
        api.MapPost("/impact-assessments/{id:guid}/impacts", AddImpact).RequireAuthorization(Access.Editor).WithSummary("A benefit or harm for an affected party, rated 1–5 for severity and likelihood, before and after mitigation.");
        api.MapPut("/impact-assessments/{id:guid}/impacts/{entryId:guid}", UpdateImpact).RequireAuthorization(Access.Editor);
        api.MapDelete("/impact-assessments/{id:guid}/impacts/{entryId:guid}", RemoveImpact).RequireAuthorization(Access.Editor);
        api.MapPost("/impact-assessments/{id:guid}/stakeholder-input", AddInput).RequireAuthorization(Access.Editor);
        api.MapDelete("/impact-assessments/{id:guid}/stakeholder-input/{inputId:guid}", RemoveInput).RequireAuthorization(Access.Editor);
        api.MapPost("/impact-assessments/{id:guid}/submit", Submit).RequireAuthorization(Access.Editor);
        api.MapPost("/impact-assessments/{id:guid}/review", Review).RequireAuthorization(Access.Participant).WithSummary("The named reviewer records the review.");
        api.MapPost("/impact-assessments/{id:guid}/approve", Approve).RequireAuthorization(Access.Participant).WithSummary("The named approver approves; the content is frozen as the next version.");
        api.MapPost("/impact-assessments/{id:guid}/reassessment", Flag).RequireAuthorization(Access.Manager).WithSummary("Marks an approved assessment as due again (e.g. after a related incident).");
    }

    private static async Task<Ok<AssetPage>> List(AttestDbContext db, string? q, AssetType? type, AssetLifecycle? lifecycle, Criticality? criticality, AssetSort? sort, bool? desc, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AssetQueries.PageAsync(db, new AssetFilter(q, type, lifecycle, criticality, null, sort ?? AssetSort.Reference, desc ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<AssetDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await AssetQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Ok<AssetQueries.Graph>> Graph(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == id, cancellationToken)) throw new RecordNotFoundException("Asset", id);
        return TypedResults.Ok(await AssetQueries.NeighbourhoodAsync(db, id, cancellationToken: cancellationToken));
    }

    private static async Task<Created<AssetDetail>> Create(AssetInput input, SaveAsset save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        if (input.Type == AssetType.AiSystem) throw ValidationFailedException.For("Type", "register AI systems at /api/v1/ai-systems, which records their AI fields too.");
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/assets/{id}", await AssetQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, AssetInput input, SaveAsset save, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Asset>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, int version, RemoveAsset remove, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Asset>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<Ok<AssetImportResult>> Import(HttpRequest request, string? fileName, ImportAssetInventory import, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await AssetInventoryExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "assets.csv"),
        "xlsx" => Results.File(await AssetInventoryExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "assets.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<IResult> ExportRegistry(AttestDbContext db, CancellationToken cancellationToken) =>
        Results.File(await AiRegistryExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ai-registry.xlsx");

    private static async Task<IResult> ExportAssessment(Guid id, string? format, string? version, AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await ImpactAssessmentExport.RenderAsync(db, id, string.IsNullOrWhiteSpace(version) ? null : version, format ?? "pdf", db.Clock.GetUtcNow(), cancellationToken);
        return Results.File(content, type, name);
    }

    private static async Task<Ok<List<LevelView>>> Levels(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new LevelView(l.Id, l.Name, l.Rank, l.HandlingRules, l.Version)).ToListAsync(cancellationToken));

    private static async Task<NoContent> SaveLevel(Guid id, LevelInput input, SaveClassificationLevel save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input.Name, input.HandlingRules, input.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AiCoverage.Summary>> Systems(AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await AiCoverage.RunAsync(db, cancellationToken: cancellationToken));

    private static async Task<Ok<AiSystemDetail>> System(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await AiSystemQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<AiSystemDetail>> CreateSystem(AiSystemInput input, SaveAiSystem save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { Asset = input.Asset with { OwnerId = OwnedRecords.OwnerFor(input.Asset.OwnerId, acting) } }, cancellationToken);
        return TypedResults.Created($"/api/v1/ai-systems/{id}", await AiSystemQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateSystem(Guid id, AiSystemInput input, SaveAiSystem save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var assetId = await db.AiSystems.Where(s => s.Id == id).Select(s => (Guid?)s.AssetId).FirstOrDefaultAsync(cancellationToken);
        if (assetId is null) return TypedResults.NotFound();
        return await OwnedRecords.ChangeAsync<Asset>(assetId.Value, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);
    }

    private static async Task<Ok<List<ClassView>>> Classes(AttestDbContext db, CancellationToken cancellationToken)
    {
        var classes = await db.AiSystemClasses.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var links = await db.AiSystemClassRequirements.AsNoTracking().Select(r => new { r.ClassId, r.RequirementId }).ToListAsync(cancellationToken);
        var index = await Policies.RequirementIndex.LoadAsync(db, links.Select(l => l.RequirementId), cancellationToken);
        return TypedResults.Ok(classes.Select(c => new ClassView(c.Id, c.Name, c.Description,
            Policies.IsoNotation.Format(links.Where(l => l.ClassId == c.Id).Select(l => l.RequirementId), index), c.Version)).ToList());
    }

    private static async Task<Created<NewId>> CreateClass(ClassInput input, SaveAiSystemClass save, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input.Name, input.Description, input.Baseline, 0, cancellationToken);
        return TypedResults.Created($"/api/v1/ai-classes/{id}", new NewId(id));
    }

    private static async Task<NoContent> UpdateClass(Guid id, ClassInput input, SaveAiSystemClass save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input.Name, input.Description, input.Baseline, input.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<AssessmentRow>>> Assessments(AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await ImpactAssessmentQueries.ListAsync(db, cancellationToken));

    private static async Task<Ok<AiDashboardFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await ImpactAssessmentQueries.FiguresAsync(db, cancellationToken));

    private static async Task<Ok<AssessmentDetail>> Assessment(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await ImpactAssessmentQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Ok<ImpactAssessmentQueries.FrozenVersion>> AssessmentVersion(Guid id, string number, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ImpactAssessmentQueries.VersionAsync(db, id, number, cancellationToken));

    private static async Task<Created<AssessmentDetail>> CreateAssessment(ImpactAssessmentInput input, SaveImpactAssessment save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/impact-assessments/{id}", await ImpactAssessmentQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateAssessment(Guid id, ImpactAssessmentInput input, SaveImpactAssessment save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> AddParty(Guid id, AffectedPartyInput input, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.AddAffectedPartyAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveParty(Guid id, Guid partyId, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.RemoveAffectedPartyAsync(id, partyId, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> AddImpact(Guid id, ImpactEntryInput input, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.SaveImpactAsync(id, null, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateImpact(Guid id, Guid entryId, ImpactEntryInput input, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.SaveImpactAsync(id, entryId, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveImpact(Guid id, Guid entryId, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.RemoveImpactAsync(id, entryId, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> AddInput(Guid id, StakeholderInputInput input, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.AddStakeholderInputAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveInput(Guid id, Guid inputId, EditImpactAssessmentContent content, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => content.RemoveStakeholderInputAsync(id, inputId, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Submit(Guid id, PoliciesApi.VersionRef body, ImpactAssessmentWorkflow workflow, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ImpactAssessment>(id, db, authorization, http, () => workflow.SubmitAsync(id, body.Version, cancellationToken), cancellationToken);

    private static async Task<NoContent> Review(Guid id, ImpactAssessmentWorkflow workflow, CancellationToken cancellationToken)
    {
        await workflow.ReviewAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Approved>> Approve(Guid id, Approval? body, ImpactAssessmentWorkflow workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Approved(await workflow.ApproveAsync(id, body?.Major ?? false, cancellationToken)));

    private static async Task<NoContent> Flag(Guid id, Reason body, ImpactAssessmentWorkflow workflow, CancellationToken cancellationToken)
    {
        await workflow.FlagReassessmentAsync(id, body.Text, cancellationToken);
        return TypedResults.NoContent();
    }
}
