using System.Globalization;
using Attest.AuditPacks;
using Attest.Data;
using Attest.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/audit-pack: the signed "as at" export for a certification auditor, and its verification.</summary>
public static class AuditPackApi
{
    /// <summary>The largest pack the verify endpoint reads.</summary>
    public const long MaxPackBytes = 512L * 1024 * 1024;

    public static void MapAuditPackApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-pack", Export).RequireAuthorization(Access.Reader)
            .WithSummary("?asAt=YYYY-MM-DD (not in the future): the audit pack as at the end of that day, a ZIP with a signed manifest; each export is recorded. " +
                         "Without asAt: the signing key's fingerprint and the exports made so far, newest first, 50 per page (?page=).");
        api.MapPost("/audit-pack/verify", Verify).RequireAuthorization(Access.Reader)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxPackBytes))
            .DisableAntiforgery()
            .WithSummary("Verifies a pack sent as the request body (application/zip) or as the multipart field 'file': ok, or the first file that does not match, " +
                         "and whether it was signed with this organization's key.");
    }

    /// <summary>Builds the pack as at the date and sends it as <c>application/zip</c>; without a date, says which key signs and what was exported.</summary>
    private static async Task<Results<FileContentHttpResult, Ok<AuditPackOverview>>> Export(string? asAt, int? page, BuildAuditPack build, AttestDbContext db,
        CancellationToken cancellationToken)
    {
        if (asAt is null) return TypedResults.Ok(await AuditPackExports.OverviewAsync(db, page ?? 1, 50, cancellationToken));
        var day = ParseDay(asAt);
        using var buffer = new MemoryStream();
        var result = await build.RunAsync(day, buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), "application/zip", result.FileName);
    }

    /// <summary>Verifies the uploaded pack; the answer is 200 either way, with <c>ok</c> false and the file named when it does not verify.</summary>
    private static async Task<Ok<PackVerification>> Verify(HttpRequest request, PackSigningKeys keys, CancellationToken cancellationToken)
    {
        byte[] content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw ValidationFailedException.For("file", "send the pack as the multipart field 'file', or as the request body.");
            await using var stream = file.OpenReadStream();
            content = await Spreadsheets.ReadLimitedAsync(stream, file.FileName, MaxPackBytes, cancellationToken);
        }
        else
        {
            content = await Spreadsheets.ReadLimitedAsync(request.Body, "The pack", MaxPackBytes, cancellationToken);
        }
        if (content.Length == 0) throw ValidationFailedException.For("file", "the request holds no pack.");
        return TypedResults.Ok(await VerifyAuditPack.RunAsync(new MemoryStream(content), keys, cancellationToken));
    }

    /// <summary>Reads the as-at date (yyyy-MM-dd), refusing a missing or malformed one under the field <c>asAt</c>.</summary>
    public static DateOnly ParseDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw ValidationFailedException.For("asAt", "give the as-at date as YYYY-MM-DD.");
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw ValidationFailedException.For("asAt", $"'{value}' is not a date in the form YYYY-MM-DD.");
    }
}
