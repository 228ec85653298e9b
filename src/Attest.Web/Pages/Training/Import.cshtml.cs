using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Training;

/// <summary>Imports completions exported from an external learning system, all or nothing.</summary>
[Authorize(Policy = Access.Manager)]
[RequestSizeLimit(ImportTrainingCompletions.MaxBytes)]
public sealed class ImportModel(AttestDbContext db, ImportTrainingCompletions import) : FileImportPage<CompletionImportResult>(db)
{
    protected override string RegisterPath => "/training";

    protected override Task<CompletionImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        import.RunAsync(file, fileName, cancellationToken);

    protected override string Describe(CompletionImportResult result) =>
        $"Imported {result.Added} completion(s); {result.AlreadyRecorded} were already recorded.";
}
