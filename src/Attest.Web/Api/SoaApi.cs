using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

public static class SoaApi
{
    public sealed record Approval(bool Major, string? Note);
    public sealed record Approved(string Number);

    public static void MapSoaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/soa/{key}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("The Statement of Applicability of iso27001-2022 or iso42001-2023: ?version=draft (default), latest or a number such as 1.0.");
        api.MapPut("/soa/{key}/entries/{code}", Decide).RequireAuthorization(Access.Manager)
            .WithSummary("Records whether an Annex A control applies, why, and its justification (required when excluded).");
        api.MapPost("/soa/{key}/approve", Approve).RequireAuthorization(Access.Manager).WithSummary("Freezes the draft as the next version (1.0, 1.1 …; major: 2.0).");
        api.MapGet("/soa/{key}/versions", Versions).RequireAuthorization(Access.Reader).WithSummary("Approved versions, newest first.");
        api.MapGet("/soa/{key}/compare", Compare).RequireAuthorization(Access.Reader).WithSummary("What changed between ?from= and ?to= (versions or draft).");
        api.MapGet("/soa/{key}/export", Export).RequireAuthorization(Access.Reader).WithSummary("?version=draft|latest|N.M&format=xlsx|csv|md|pdf as a download.");
    }

    private static async Task<Ok<SoaDocument>> Get(string key, string? version, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SoaDocuments.LoadAsync(db, key, version, cancellationToken));

    private static async Task<NoContent> Decide(string key, string code, SoaDecisionInput input, SaveSoaDecision save, CancellationToken cancellationToken)
    {
        await save.RunAsync(key, input with { Code = code }, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Approved>> Approve(string key, Approval approval, ApproveSoa approve, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Approved(await approve.RunAsync(key, approval.Major, approval.Note, cancellationToken)));

    private static async Task<Ok<IReadOnlyList<SoaVersionRow>>> Versions(string key, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatementOfApplicability.VersionsAsync(db, key, cancellationToken));

    private static async Task<Ok<IReadOnlyList<SoaChange>>> Compare(string key, string? from, string? to, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SoaDocuments.CompareAsync(db, key, from, to, cancellationToken));

    private static async Task<IResult> Export(string key, string? version, string? format, AttestDbContext db, CancellationToken cancellationToken)
    {
        var file = await SoaFiles.RenderAsync(db, key, version, format, cancellationToken);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
