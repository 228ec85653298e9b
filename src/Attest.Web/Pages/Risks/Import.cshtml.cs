using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Risks;

/// <summary>Imports a risk register (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db, ImportRiskRegister import) : FileImportPage<RiskImportResult>(db)
{
    protected override string RegisterPath => "/risks";

    protected override Task<RiskImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(RiskImportResult result) =>
        $"Imported: {result.Created} new risk(s), {result.Updated} updated.";
}
