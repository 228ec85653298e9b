using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Suppliers;

/// <summary>Imports a supplier register (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportSupplierRegister.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportSupplierRegister import) : FileImportPage<SupplierImportResult>(db)
{
    protected override string RegisterPath => "/suppliers";

    protected override Task<SupplierImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(SupplierImportResult result) =>
        $"Imported: {result.Created} new supplier(s), {result.Updated} updated.";
}
