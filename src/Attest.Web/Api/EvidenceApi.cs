using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class EvidenceApi
{
    public sealed record UploadResult(Guid Id, string Reference, int Version, string Sha256, long Size, string ContentType);

    public static void MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/evidence", List).RequireAuthorization(Access.Reader).WithSummary("Evidence, newest first, 50 per page (?q=, ?kind=File|Link|Note|CheckResult, ?control=CTL-001, ?stale=true, ?page=).");
        api.MapGet("/evidence/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One item with every version (file hash, size, type) and what it supports.");
        api.MapPost("/evidence", Create).RequireAuthorization(Access.Editor).WithSummary("Records link or note evidence; links name controls, requirements, risks or documents by id.");
        api.MapPost("/evidence/upload", Upload).RequireAuthorization(Access.Editor)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithSummary("Records file evidence from the request body (?fileName=, ?title=, ?controls=CTL-001,CTL-002, ?validUntil=, ?collectedOn=). The size limit is enforced while the body streams; the type is read from the content.");
        api.MapPost("/evidence/{id:guid}/versions", UploadVersion).RequireAuthorization(Access.Editor)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithSummary("A new version of file evidence from the request body (?fileName=, ?collectedOn=, ?validUntil=); earlier versions stay.");
        api.MapPut("/evidence/{id:guid}", Update).RequireAuthorization(Access.Editor).WithSummary("Title, description, owner, dates, links; a new URL or note makes a new version. Contributors change only what they own.");
        api.MapDelete("/evidence/{id:guid}", Delete).RequireAuthorization(Access.Manager).WithSummary("Deletes the item with its versions and links; the audit trail keeps the record.");
        api.MapGet("/evidence/files/{fileId:guid}", Download).RequireAuthorization(Access.Reader).WithSummary("A stored file as an attachment (markup is served as bytes).");
        api.MapGet("/controls/{id:guid}/evidence-state", ControlState).RequireAuthorization(Access.Reader).WithSummary("Whether the control's evidence is current, stale or missing.");
    }

    private static async Task<Ok<EvidencePage>> List(AttestDbContext db, string? q, EvidenceKind? kind, string? control, bool? stale, int? page, CancellationToken cancellationToken)
    {
        Guid? controlId = null;
        if (!string.IsNullOrWhiteSpace(control)) controlId = (await Controls.ControlReferences.ResolveAsync(db, control, "control", cancellationToken)).Single();
        return TypedResults.Ok(await EvidenceQueries.PageAsync(db, new EvidenceFilter(q, kind, controlId, null, stale ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));
    }

    private static async Task<Ok<EvidenceDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await EvidenceQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<EvidenceDetail>> Create(EvidenceInput input, SaveEvidence save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        if (input.Kind is EvidenceKind.File or EvidenceKind.CheckResult)
        {
            throw ValidationFailedException.For("Kind", input.Kind == EvidenceKind.File ? "upload files at /api/v1/evidence/upload." : "check results are recorded by checks.");
        }
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting), Source = EvidenceSource.Api, CheckId = null, Passed = null }, null, cancellationToken);
        return TypedResults.Created($"/api/v1/evidence/{id}", await EvidenceQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Created<UploadResult>> Upload(HttpRequest request, string? fileName, string? title, string? controls, DateOnly? validUntil, DateOnly? collectedOn,
        EvidenceUploads uploads, SaveEvidence save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var links = await EvidenceLinkNotation.ResolveAsync(db, controls, null, null, null, cancellationToken);
        using var received = await uploads.ReceiveAsync(request.Body, fileName, cancellationToken);
        var id = await save.RunAsync(null, new EvidenceInput(string.IsNullOrWhiteSpace(title) ? received.FileName : title, EvidenceKind.File,
            OwnerId: OwnedRecords.OwnerFor(null, acting), CollectedOn: collectedOn, ValidUntil: validUntil, Links: links, Source: EvidenceSource.Api), received, cancellationToken);
        return TypedResults.Created($"/api/v1/evidence/{id}", await ResultAsync(db, id, cancellationToken));
    }

    private static async Task<Results<Created<UploadResult>, NotFound, ForbidHttpResult>> UploadVersion(Guid id, HttpRequest request, string? fileName, DateOnly? validUntil,
        DateOnly? collectedOn, EvidenceUploads uploads, SaveEvidence save, AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await OwnedRecords.ChangeAsync<EvidenceItem>(id, db, authorization, http, async () =>
        {
            var item = await db.EvidenceItems.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
            using var received = await uploads.ReceiveAsync(request.Body, fileName, cancellationToken);
            await save.RunAsync(id, new EvidenceInput(item.Title, item.Kind, item.Description, item.OwnerId, collectedOn, validUntil, Source: EvidenceSource.Api, Version: item.Version),
                received, cancellationToken);
        }, cancellationToken);
        return result.Result switch
        {
            NotFound => TypedResults.NotFound(),
            ForbidHttpResult => TypedResults.Forbid(),
            _ => TypedResults.Created($"/api/v1/evidence/{id}", await ResultAsync(db, id, cancellationToken)),
        };
    }

    private static async Task<UploadResult> ResultAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await db.EvidenceItems.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Reference, e.CurrentVersion, File = db.EvidenceFiles.Where(f => f.Id == e.FileId).Select(f => new { f.Sha256, f.Size, f.ContentType }).First() })
            .FirstAsync(cancellationToken);
        return new UploadResult(id, found.Reference, found.CurrentVersion, found.File.Sha256, found.File.Size, found.File.ContentType);
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, EvidenceInput input, SaveEvidence save, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<EvidenceItem>(id, db, authorization, http, () => save.RunAsync(id, input with { Source = EvidenceSource.Api }, null, cancellationToken), cancellationToken);

    private static async Task<NoContent> Delete(Guid id, int version, RemoveEvidence remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Download(Guid fileId, string? name, AttestDbContext db, IEvidenceStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await EvidenceQueries.FileAsync(db, fileId, cancellationToken) is not { } file) return Results.NotFound();
        var content = await store.OpenAsync(file.Sha256, cancellationToken);
        if (content is null) return Results.NotFound();
        EvidenceDownloads.Harden(http.Response);
        return Results.File(content, EvidenceDownloads.ServedType(file.ContentType), EvidenceDownloads.SafeName(name, file.Sha256));
    }

    private static async Task<Ok<ControlEvidence>> ControlState(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var states = await EvidenceFreshness.ForControlsAsync(db, [id], cancellationToken);
        return states.TryGetValue(id, out var state) ? TypedResults.Ok(state) : throw new RecordNotFoundException("Control", id);
    }
}
