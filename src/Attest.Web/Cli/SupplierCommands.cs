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
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                [Describe(await services.GetRequiredService<ImportSupplierRegister>().RunAsync(stream, name, cancellationToken))]);
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error,
            "Write the whole supplier register (CSV or XLSX) in the columns the import reads, or the sub-processor list.",
        [
            new("csv", "the supplier register (csv)", SupplierRegisterExport.CsvAsync),
            new("xlsx", "the supplier register (xlsx)", SupplierRegisterExport.XlsxAsync),
            new("subprocessors", "the sub-processor list", SupplierRegisterExport.SubprocessorsCsvAsync),
        ], "csv, xlsx, or subprocessors (the sub-processor list as CSV).");

        return new Command("suppliers", "Supplier register: import, export (register or sub-processor list).") { import, export };
    }

    /// <summary>"imported 2 new suppliers; 1 updated".</summary>
    internal static string Describe(SupplierImportResult result) =>
        $"imported {(result.Created == 1 ? "1 new supplier" : $"{result.Created} new suppliers")}; {result.Updated} updated";
}
