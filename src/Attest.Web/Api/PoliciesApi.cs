using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class PoliciesApi
{
    public sealed record VersionRef(int Version);
    public sealed record Publication(int Version, DateOnly? EffectiveOn);
    public sealed record Published(string Number);
    public sealed record DecisionInput(ApprovalDecision Decision, string? Comment);
    public sealed record Decided(DocumentVersionStatus Status);
    public sealed record Count(int Value);
    public sealed record Notation(IReadOnlyList<Guid> RequirementIds, string Formatted);

    public static void MapPoliciesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/documents", List).RequireAuthorization(Access.Reader).WithSummary("The document register, 50 per page (?page=, ?q=, ?kind=, ?status=, ?overdue=true).");
        api.MapGet("/documents/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One document: settings, working and published versions, history with approvals.");
        api.MapPost("/documents", Create).RequireAuthorization(Access.Editor).WithSummary("Creates a document with draft version 1.0. relevance uses the ISO notation, e.g. \"Clauses 4.3, 6.2; Annex A 5.9-5.11\".");
        api.MapPut("/documents/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Edits the working draft (a published document gets a new draft; majorChange picks 2.0 over 1.1). Contributors edit only their own. Send the version you read.");
        api.MapPost("/documents/{id:guid}/submit", Submit).RequireAuthorization(Access.Editor).WithSummary("Sends the draft to every required approver.");
        api.MapPost("/documents/{id:guid}/approval", Decide).RequireAuthorization(Access.Participant)
            .WithSummary("The caller's decision on the version in review: Approved or ChangesRequested (comment required).");
        api.MapPost("/documents/{id:guid}/publish", Publish).RequireAuthorization(Access.Manager).WithSummary("Publishes the approved version and assigns it to its distribution.");
        api.MapPost("/documents/{id:guid}/review", Review).RequireAuthorization(Access.Manager).WithSummary("Records a review that left the published version unchanged; the next review moves one cycle on.");
        api.MapPost("/documents/{id:guid}/retire", Retire).RequireAuthorization(Access.Manager).WithSummary("Retires the document; acceptances are kept.");
        api.MapPost("/documents/{id:guid}/remind", Remind).RequireAuthorization(Access.Manager).WithSummary("Reminds everyone overdue with this document.");
        api.MapGet("/documents/{id:guid}/versions/{versionId:guid}", Version).RequireAuthorization(Access.Reader).WithSummary("One version's text, relevance and approvals.");
        api.MapGet("/documents/{id:guid}/versions/{versionId:guid}/export", ExportVersion).RequireAuthorization(Access.Reader).WithSummary("?format=md|html|pdf as a download.");
        api.MapGet("/documents/{id:guid}/compare", Compare).RequireAuthorization(Access.Reader).WithSummary("Line diff of ?from= and ?to= (version ids; by default the two newest versions).");
        api.MapPost("/documents/{id:guid}/versions/{versionId:guid}/open", Open).RequireAuthorization(Access.Participant).WithSummary("Records that the caller opened the version assigned to them.");
        api.MapPost("/documents/{id:guid}/versions/{versionId:guid}/accept", Accept).RequireAuthorization(Access.Participant)
            .WithSummary("The caller accepts the version assigned to them (after opening it).");
        api.MapGet("/documents/coverage", Coverage).RequireAuthorization(Access.Reader)
            .WithSummary("Requirements of ?framework= (default iso27001-2022) no published document addresses, and documents past their review date.");
        api.MapGet("/documents/acknowledgements", Acknowledgements).RequireAuthorization(Access.Reader).WithSummary("Acceptance per document, department and person (?page=), and who is overdue.");
        api.MapPost("/documents/init", Init).RequireAuthorization(Access.Manager).WithSummary("Creates the starter policy set as drafts (those whose titles do not exist yet).");
        api.MapPost("/documents/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(12 * 1024 * 1024))
            .WithSummary("Imports the request body as a policy index (?fileName= ends .csv, .xlsx or .md). All or nothing; errors name the row.");
        api.MapPost("/documents/import-markdown", ImportMarkdown).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 * 1024 * 1024))
            .WithSummary("The request body (Markdown, optional YAML front matter) as a new draft document, or as the new draft text of ?documentId=.");
        api.MapGet("/documents/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv (the register) or zip (every published document as Markdown and PDF).");
        api.MapGet("/me/documents", Mine).RequireAuthorization(Access.Member).WithSummary("What the caller must read and accept, has accepted, and must approve.");
        api.MapGet("/notation", Parse).RequireAuthorization(Access.Reader)
            .WithSummary("Parses ?text= in the ISO notation (\"Clause 9.2; Annex A 5.35, 5.36; GDPR Art. 32\") into requirement ids and writes it back compactly.");
        api.MapGet("/trust-page", GetTrust).RequireAuthorization(Access.Admin).WithSummary("The public trust page settings.");
        api.MapPut("/trust-page", PutTrust).RequireAuthorization(Access.Admin).WithSummary("Switches the trust page on or off and words it.");
    }

    private static async Task<Ok<DocumentPage>> List(AttestDbContext db, string? q, DocumentKind? kind, DocumentVersionStatus? status, bool? overdue, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.RegisterAsync(db, new DocumentFilter(q, kind, status, overdue ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<DocumentDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<DocumentDetail>> Create(DocumentInput input, SaveDocument save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/documents/{id}", await DocumentQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, DocumentInput input, SaveDocument save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Document>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Submit(Guid id, VersionRef body, SubmitDocumentForReview submit, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Document>(id, db, authorization, http, () => submit.RunAsync(id, body.Version, cancellationToken), cancellationToken);

    private static async Task<Ok<Decided>> Decide(Guid id, DecisionInput body, DecideDocumentApproval decide, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Decided(await decide.RunAsync(id, body.Decision, body.Comment, cancellationToken)));

    private static async Task<Ok<Published>> Publish(Guid id, Publication body, PublishDocumentVersion publish, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Published(await publish.RunAsync(id, body.EffectiveOn, body.Version, cancellationToken)));

    private static async Task<NoContent> Review(Guid id, VersionRef body, RecordDocumentReview review, CancellationToken cancellationToken)
    {
        await review.RunAsync(id, body.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Retire(Guid id, VersionRef body, RetireDocument retire, CancellationToken cancellationToken)
    {
        await retire.RunAsync(id, body.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Count>> Remind(Guid id, RemindOverdueReaders remind, AttestDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == id, cancellationToken)) throw new RecordNotFoundException("Document", id);
        return TypedResults.Ok(new Count(await remind.RunAsync(id, cancellationToken)));
    }

    private static async Task<Ok<VersionView>> Version(Guid id, Guid versionId, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.VersionAsync(db, id, versionId, cancellationToken));

    private static async Task<IResult> ExportVersion(Guid id, Guid versionId, string? format, AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await PolicyExport.VersionAsync(db, id, versionId, format ?? "pdf", db.Clock.GetUtcNow(), cancellationToken);
        return Results.File(content, type, name);
    }

    private static async Task<Ok<DocumentQueries.Comparison>> Compare(Guid id, Guid? from, Guid? to, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.CompareAsync(db, id, from, to, cancellationToken));

    private static async Task<NoContent> Open(Guid id, Guid versionId, RecordDocumentOpened opened, CancellationToken cancellationToken)
    {
        await opened.RunAsync(id, versionId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Accept(Guid id, Guid versionId, AcceptDocumentVersion accept, CancellationToken cancellationToken)
    {
        await accept.RunAsync(id, versionId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DocumentQueries.Coverage>> Coverage(string? framework, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.CoverageAsync(db, framework, cancellationToken));

    private static async Task<Ok<AcknowledgementCampaign.Summary>> Acknowledgements(int? page, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AcknowledgementCampaign.RunAsync(db, Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<Count>> Init(InitStarterPolicies init, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Count(await init.RunAsync(cancellationToken)));

    private static async Task<Ok<PolicyIndexResult>> Import(HttpRequest request, string? fileName, ImportPolicyIndex import, CancellationToken cancellationToken)
    {
        // The importer needs to know the length and to seek (XLSX is a ZIP): buffer the body, within the size limit above.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }

    private static async Task<Created<DocumentDetail>> ImportMarkdown(HttpRequest request, string? fileName, Guid? documentId, ImportPolicyMarkdown import,
        AttestDbContext db, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var id = await import.RunAsync(text, string.IsNullOrWhiteSpace(fileName) ? "policy.md" : Path.GetFileName(fileName), documentId, cancellationToken);
        return TypedResults.Created($"/api/v1/documents/{id}", await DocumentQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "csv").ToLowerInvariant() switch
    {
        "csv" => Results.File(await PolicyExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "policies.csv"),
        "zip" => Results.File(await PolicyExport.PublishedSetZipAsync(db, db.Clock.GetUtcNow(), cancellationToken), "application/zip", "published-policies.zip"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or zip."),
    };

    private static async Task<Ok<DocumentQueries.MyDocuments>> Mine(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DocumentQueries.MineAsync(db, cancellationToken));

    private static async Task<Ok<Notation>> Parse(string? text, AttestDbContext db, CancellationToken cancellationToken)
    {
        var index = await RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken);
        var ids = IsoNotation.Parse(text, index, "text");
        return TypedResults.Ok(new Notation(ids, IsoNotation.Format(ids, index)));
    }

    private static async Task<Ok<TrustPageSettings>> GetTrust(AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var o = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == acting.OrganizationId, cancellationToken);
        return TypedResults.Ok(new TrustPageSettings(o.TrustPageEnabled, o.TrustSlug, o.TrustSummary, o.CertificationStatement, o.Version));
    }

    private static async Task<NoContent> PutTrust(TrustPageSettings input, UpdateTrustPage update, CancellationToken cancellationToken)
    {
        await update.RunAsync(input, cancellationToken);
        return TypedResults.NoContent();
    }
}
