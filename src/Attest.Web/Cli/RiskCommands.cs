using System.CommandLine;
using Attest.Risks;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest risks import|export`.</summary>
internal static class RiskCommands
{
    public static Command Risks(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A CSV or XLSX risk register with the export's columns (Reference and Title required).",
        };
        var importOrganization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import a risk register, all or nothing: rows whose Reference exists update that risk, others are created (an empty Reference " +
            "takes the next R-nnn). Levels, acceptance and methodology columns are computed and not imported. Prints one line, e.g. " +
            "'imported 2 new risks; 1 updated'. On any error prints every bad row and exits 1; nothing is imported.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                [Describe(await services.GetRequiredService<ImportRiskRegister>().RunAsync(stream, name, cancellationToken))]);
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error, "Write the whole risk register (CSV or XLSX), every status, in the columns the import reads.",
        [
            new("csv", "the risk register (csv)", RiskRegisterExport.CsvAsync),
            new("xlsx", "the risk register (xlsx)", RiskRegisterExport.XlsxAsync),
        ]);

        return new Command("risks", "Risk register: import, export.") { import, export };
    }

    /// <summary>"imported 2 new risks; 1 updated".</summary>
    internal static string Describe(RiskImportResult result) =>
        $"imported {(result.Created == 1 ? "1 new risk" : $"{result.Created} new risks")}; {result.Updated} updated";
}
