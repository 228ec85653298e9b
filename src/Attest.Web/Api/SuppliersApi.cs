using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/suppliers, their certifications and questionnaires, and the questionnaire templates. Readers read; editors write the suppliers they own; Managers everything.</summary>
public static class SuppliersApi
{
    public sealed record ReviewRecord(DateOnly? ReviewedOn, DateOnly? NextReviewOn, SupplierCriticality? RiskLevel, string? Note, int Version);
    public sealed record SendInput(Guid TemplateId, string? SentTo, int? ExpiresInDays, string? Title);
    public sealed record SentView(Guid Id, string Link, string Token, DateTimeOffset ExpiresAt, string Notice);
    public sealed record RevokeInput(int Version);
    public sealed record CertificationCreated(Guid Id);

    public static void MapSuppliersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/suppliers", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page. Filters: ?q=, criticality=, status= (default: all but Offboarded), personalData=true|false, subprocessor=true|false, reviewOverdue=true, certificationExpiring=true (within 60 days), withoutDpa=true, owner=; sort=Reference|Name|Criticality|NextReview, desc=true, page=.");
        api.MapGet("/suppliers/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Critical and high suppliers with a current review out of all of them, certifications expiring within 60 days, sub-processors without a DPA, overdue reviews.");
        api.MapGet("/suppliers/export", Export).RequireAuthorization(Access.Reader)
            .WithSummary("?format=csv|xlsx: the whole register in the columns the import reads; format=subprocessors: the sub-processor list (CSV).");
        api.MapPost("/suppliers/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportSupplierRegister.MaxBytes))
            .WithSummary("Imports the request body as a register (?fileName= ends .csv or .xlsx). Rows update the supplier with the same reference or name. All or nothing; errors name the row and column.");
        api.MapGet("/suppliers/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One supplier with its certifications, linked assets and risks, and questionnaires.");
        api.MapPost("/suppliers", Create).RequireAuthorization(Access.Editor).WithSummary("Creates a supplier (reference SUP-nnn unless given). A contributor owns what they create unless they name someone else.");
        api.MapPut("/suppliers/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors update only the suppliers they own. Send the version you read (409 when someone saved since). assetIds/riskIds replace the links when given.");
        api.MapDelete("/suppliers/{id:guid}", Delete).RequireAuthorization(Access.Manager).WithSummary("Removes a supplier with its certifications and questionnaires (?version=). Offboarding keeps the history.");
        api.MapPost("/suppliers/{id:guid}/reviews", RecordReview).RequireAuthorization(Access.Editor)
            .WithSummary("Records a security review: last review (default today), next review (default by criticality: critical and high 12 months, medium 24, low 36), risk level, note.");
        api.MapPost("/suppliers/{id:guid}/certifications", AddCertification).RequireAuthorization(Access.Editor);
        api.MapPut("/suppliers/{id:guid}/certifications/{certificationId:guid}", UpdateCertification).RequireAuthorization(Access.Editor);
        api.MapDelete("/suppliers/{id:guid}/certifications/{certificationId:guid}", RemoveCertification).RequireAuthorization(Access.Editor);
        api.MapGet("/suppliers/{id:guid}/questionnaires", Questionnaires).RequireAuthorization(Access.Reader);
        api.MapPost("/suppliers/{id:guid}/questionnaires", Send).RequireAuthorization(Access.Editor)
            .WithSummary("Sends a questionnaire from a template. The answer link (with its secret token) is in this response only: Attest keeps just its hash and sends no e-mail.");

        api.MapGet("/supplier-questionnaires/{id:guid}", Questionnaire).RequireAuthorization(Access.Reader).WithSummary("A sent questionnaire with its questions, answers and points.");
        api.MapPost("/supplier-questionnaires/{id:guid}/review", Review).RequireAuthorization(Access.Editor)
            .WithSummary("Reviews a submitted questionnaire: notes, textPoints {answerId: points} for free-text answers, markReviewed, supplierRiskLevel, recordSupplierReview.");
        api.MapPost("/supplier-questionnaires/{id:guid}/revoke", Revoke).RequireAuthorization(Access.Editor).WithSummary("Withdraws an unanswered questionnaire; its link reaches nothing afterwards.");

        api.MapGet("/questionnaire-templates", Templates).RequireAuthorization(Access.Reader);
        api.MapGet("/questionnaire-templates/{id:guid}", Template).RequireAuthorization(Access.Reader);
        api.MapPost("/questionnaire-templates", CreateTemplate).RequireAuthorization(Access.Manager).WithSummary("Creates a template with its questions (kind YesNo, Choice with 'text|points' lines, or Text).");
        api.MapPost("/questionnaire-templates/starter", Starter).RequireAuthorization(Access.Manager).WithSummary("Adds Attest's ready-made supplier security questionnaire (22 questions).");
        api.MapPut("/questionnaire-templates/{id:guid}", UpdateTemplate).RequireAuthorization(Access.Manager).WithSummary("Updates a template; questions, when given, replace its questions. Questionnaires already sent keep theirs.");
        api.MapDelete("/questionnaire-templates/{id:guid}", DeleteTemplate).RequireAuthorization(Access.Manager);
    }

    private static async Task<Ok<SupplierPage>> List(AttestDbContext db, string? q, SupplierCriticality? criticality, SupplierStatus? status, bool? personalData, bool? subprocessor,
        bool? reviewOverdue, bool? certificationExpiring, bool? withoutDpa, Guid? owner, SupplierSort? sort, bool? desc, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SupplierQueries.PageAsync(db, new SupplierFilter(q, criticality, status, personalData, subprocessor, reviewOverdue ?? false,
            certificationExpiring ?? false, withoutDpa ?? false, owner, sort ?? SupplierSort.Reference, desc ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<SupplierFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SupplierQueries.FiguresAsync(db, cancellationToken));

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await SupplierRegisterExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "suppliers.csv"),
        "xlsx" => Results.File(await SupplierRegisterExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "suppliers.xlsx"),
        "subprocessors" => Results.File(await SupplierRegisterExport.SubprocessorsCsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "subprocessors.csv"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv, xlsx or subprocessors."),
    };

    private static async Task<Ok<SupplierImportResult>> Import(HttpRequest request, string? fileName, ImportSupplierRegister import, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }

    private static async Task<Ok<SupplierDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SupplierQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<SupplierDetail>> Create(SupplierInput input, SaveSupplier save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/suppliers/{id}", await SupplierQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, SupplierInput input, SaveSupplier save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static async Task<NoContent> Delete(Guid id, int version, RemoveSupplier remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RecordReview(Guid id, ReviewRecord input, RecordSupplierReview record, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http,
            () => record.RunAsync(id, input.ReviewedOn, input.NextReviewOn, input.RiskLevel, input.Note, input.Version, cancellationToken), cancellationToken);

    private static async Task<Results<Created<CertificationCreated>, NotFound, ForbidHttpResult>> AddCertification(Guid id, CertificationInput input,
        SaveSupplierCertification save, AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        Guid created = default;
        var result = await OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http, async () => created = await save.RunAsync(id, null, input, cancellationToken), cancellationToken);
        if (result.Result is not NoContent) return result.Result is NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        return TypedResults.Created($"/api/v1/suppliers/{id}/certifications/{created}", new CertificationCreated(created));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateCertification(Guid id, Guid certificationId, CertificationInput input,
        SaveSupplierCertification save, AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http, () => save.RunAsync(id, certificationId, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> RemoveCertification(Guid id, Guid certificationId, RemoveSupplierCertification remove,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http, () => remove.RunAsync(id, certificationId, cancellationToken), cancellationToken);

    private static async Task<Ok<IReadOnlyList<QuestionnaireRow>>> Questionnaires(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        _ = await SupplierQueries.DetailAsync(db, id, cancellationToken);
        return TypedResults.Ok(await SupplierQueries.QuestionnairesOfAsync(db, id, Instant.Now(db.Clock), cancellationToken));
    }

    private static async Task<Results<Created<SentView>, NotFound, ForbidHttpResult>> Send(Guid id, SendInput input, SendSupplierQuestionnaire send, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        SentQuestionnaire? sent = null;
        var result = await OwnedRecords.ChangeAsync<Supplier>(id, db, authorization, http,
            async () => sent = await send.RunAsync(id, input.TemplateId, input.SentTo, input.ExpiresInDays, input.Title, cancellationToken), cancellationToken);
        if (result.Result is not NoContent) return result.Result is NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        var link = $"{http.Request.Scheme}://{http.Request.Host}{sent!.Path}";
        return TypedResults.Created($"/api/v1/supplier-questionnaires/{sent.Id}", new SentView(sent.Id, link, sent.Token, sent.ExpiresAt,
            "Attest sends no e-mail: pass this link to the supplier yourself. It is shown only now; Attest keeps only a hash of its token."));
    }

    private static async Task<Ok<QuestionnaireDetail>> Questionnaire(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QuestionnaireQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Review(Guid id, ReviewInput input, ReviewSupplierQuestionnaire review, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        if (await QuestionnaireQueries.SupplierOfAsync(db, id, cancellationToken) is not { } supplier) return TypedResults.NotFound();
        return await OwnedRecords.ChangeAsync<Supplier>(supplier, db, authorization, http, () => review.RunAsync(id, input, cancellationToken), cancellationToken);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Revoke(Guid id, RevokeInput input, RevokeSupplierQuestionnaire revoke, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        if (await QuestionnaireQueries.SupplierOfAsync(db, id, cancellationToken) is not { } supplier) return TypedResults.NotFound();
        return await OwnedRecords.ChangeAsync<Supplier>(supplier, db, authorization, http, () => revoke.RunAsync(id, input.Version, cancellationToken), cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<TemplateRow>>> Templates(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QuestionnaireQueries.TemplatesAsync(db, cancellationToken));

    private static async Task<Ok<TemplateDetail>> Template(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QuestionnaireQueries.TemplateAsync(db, id, cancellationToken));

    private static async Task<Created<TemplateDetail>> CreateTemplate(QuestionnaireTemplateInput input, SaveQuestionnaireTemplate save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        return TypedResults.Created($"/api/v1/questionnaire-templates/{id}", await QuestionnaireQueries.TemplateAsync(db, id, cancellationToken));
    }

    private static async Task<Created<TemplateDetail>> Starter(SaveQuestionnaireTemplate save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.StarterAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/questionnaire-templates/{id}", await QuestionnaireQueries.TemplateAsync(db, id, cancellationToken));
    }

    private static async Task<NoContent> UpdateTemplate(Guid id, QuestionnaireTemplateInput input, SaveQuestionnaireTemplate save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteTemplate(Guid id, int version, RemoveQuestionnaireTemplate remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }
}
