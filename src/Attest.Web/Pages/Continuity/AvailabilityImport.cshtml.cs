using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Continuity;

/// <summary>Imports monthly uptime (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportAvailability.MaxBytes)]
public sealed class AvailabilityImportModel(AttestDbContext db, ImportAvailability import) : FileImportPage<AvailabilityImportResult>(db)
{
    protected override string RegisterPath => "/continuity/availability";

    protected override Task<AvailabilityImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(AvailabilityImportResult result) =>
        $"Imported availability: {result.Created} new month(s), {result.Updated} updated, {result.Unchanged} unchanged.";
}
