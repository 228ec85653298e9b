using Attest.Evidence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

public static class EvidenceImportApi
{
    public static void MapEvidenceImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/evidence/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportEvidenceZip.MaxZipBytes))
            .WithSummary("Imports the request body, a ZIP of files with a manifest.csv (File, Title, Controls, Collected on, Valid until, Description, Requirements, Risks, Documents). " +
                "All or nothing; errors name the manifest row or the ZIP entry.");
    }

    /// <summary>Imports evidence from a ZIP sent as the request body; answers what was created, or a validation problem that names every bad row.</summary>
    private static async Task<Ok<EvidenceImportResult>> Import(HttpRequest request, ImportEvidenceZip import, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.RunAsync(request.Body, cancellationToken));
}
