using System.CommandLine;
using Attest.Suppliers;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest suppliers import|export`.</summary>
internal static class SupplierCommands
{
    public static Command Suppliers(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV or XLSX supplier register with the export's columns (Name required)." };
        var importOrganization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import a supplier register, all or nothing: a row updates the supplier with the same Reference, or else the same Name; other rows are created " +
            "(an empty Reference takes the next SUP-nnn). Prints one line, e.g. 'imported 2 new suppliers; 1 updated'. On any error prints every bad " +
            "row and column and exits 1; nothing is imported.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            await using var stream = source.OpenRead();
            var result = await services.GetRequiredService<ImportSupplierRegister>().RunAsync(stream, source.Name, cancellationToken);
            await output.WriteLineAsync(Describe(result));
            return 0;
        }, cancellationToken));

        var format = new Option<string>("--format") { Description = "csv, xlsx, or subprocessors (the sub-processor list as CSV).", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var exportOrganization = FrameworkCommands.OrganizationOption();
        var export = new Command("export", "Write the whole supplier register (CSV or XLSX) in the columns the import reads, or the sub-processor list.") { format, to, exportOrganization };
        export.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, exportOrganization, error, async (services, db) =>
        {
            var wanted = parse.GetValue(format)!.Trim().ToLowerInvariant();
            byte[] content;
            if (wanted == "csv") content = await SupplierRegisterExport.CsvAsync(db, cancellationToken);
            else if (wanted == "xlsx") content = await SupplierRegisterExport.XlsxAsync(db, cancellationToken);
            else if (wanted == "subprocessors") content = await SupplierRegisterExport.SubprocessorsCsvAsync(db, cancellationToken);
            else
            {
                await error.WriteLineAsync($"--format: '{wanted}' is not a format here; use csv, xlsx or subprocessors.");
                return 1;
            }
            var target = parse.GetValue(to)!;
            await File.WriteAllBytesAsync(target.FullName, content, cancellationToken);
            await output.WriteLineAsync($"exported {(wanted == "subprocessors" ? "the sub-processor list" : $"the supplier register ({wanted})")} to {target.FullName}");
            return 0;
        }, cancellationToken));

        return new Command("suppliers", "Supplier register: import, export (register or sub-processor list).") { import, export };
    }

    /// <summary>"imported 2 new suppliers; 1 updated".</summary>
    internal static string Describe(SupplierImportResult result) =>
        $"imported {(result.Created == 1 ? "1 new supplier" : $"{result.Created} new suppliers")}; {result.Updated} updated";
}
