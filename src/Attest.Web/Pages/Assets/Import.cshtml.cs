using Attest.Data;
using Attest.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Assets;

/// <summary>Imports an inventory (CSV, XLSX) or a CycloneDX ML-BOM, all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class ImportModel(AttestDbContext db, ImportAssetInventory import) : FileImportPage<AssetImportResult>(db)
{
    protected override string RegisterPath => "/assets";

    protected override Task<AssetImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(AssetImportResult result) =>
        $"Imported: {string.Join(", ", result.CreatedByType.Select(c => $"{c.Value} {AssetLabels.Of(c.Key)}"))}{(result.CreatedByType.Count == 0 ? "nothing new" : "")}; {result.Updated} updated; {result.Dependencies} dependencies.";
}
