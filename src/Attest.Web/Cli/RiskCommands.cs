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
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            await using var stream = source.OpenRead();
            var result = await services.GetRequiredService<ImportRiskRegister>().RunAsync(stream, source.Name, cancellationToken);
            await output.WriteLineAsync(Describe(result));
            return 0;
        }, cancellationToken));

        var format = new Option<string>("--format") { Description = "csv or xlsx.", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var exportOrganization = FrameworkCommands.OrganizationOption();
        var export = new Command("export", "Write the whole risk register (CSV or XLSX), every status, in the columns the import reads.") { format, to, exportOrganization };
        export.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, exportOrganization, error, async (services, db) =>
        {
            var wanted = parse.GetValue(format)!.Trim().ToLowerInvariant();
            byte[] content;
            if (wanted == "csv") content = await RiskRegisterExport.CsvAsync(db, cancellationToken);
            else if (wanted == "xlsx") content = await RiskRegisterExport.XlsxAsync(db, cancellationToken);
            else
            {
                await error.WriteLineAsync($"--format: '{wanted}' is not a format here; use csv or xlsx.");
                return 1;
            }
            var target = parse.GetValue(to)!;
            await File.WriteAllBytesAsync(target.FullName, content, cancellationToken);
            await output.WriteLineAsync($"exported the risk register ({wanted}) to {target.FullName}");
            return 0;
        }, cancellationToken));

        return new Command("risks", "Risk register: import, export.") { import, export };
    }

    /// <summary>"imported 2 new risks; 1 updated".</summary>
    internal static string Describe(RiskImportResult result) =>
        $"imported {(result.Created == 1 ? "1 new risk" : $"{result.Created} new risks")}; {result.Updated} updated";
}
