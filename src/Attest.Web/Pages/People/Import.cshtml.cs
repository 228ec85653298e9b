using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.People;

/// <summary>Imports or synchronizes people from an HR export (CSV, XLSX), all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportPeople.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportPeople import) : FileImportPage<PeopleImportResult>(db)
{
    protected override string RegisterPath => "/people";

    protected override Task<PeopleImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(PeopleImportResult result) =>
        $"Imported: {result.Created} new, {result.Updated} updated, {result.Unchanged} unchanged." +
        (result.IgnoredColumns.Count == 0 ? "" : $" Columns not used: {string.Join(", ", result.IgnoredColumns)}.");
}
