using System.CommandLine;
using Attest.Obligations;

namespace Attest.Web.Cli;

/// <summary>`attest obligations export`.</summary>
internal static class ObligationCommands
{
    public static Command Obligations(Option<string?> database, TextWriter output, TextWriter error)
    {
        var export = FileCommands.Export(database, output, error,
            "Write the obligations register (CSV or XLSX) in reference order, licences with their state, days left and renew-by date, and links as codes.",
        [
            new("csv", "the obligations register (csv)", ObligationExport.CsvAsync),
            new("xlsx", "the obligations register (xlsx)", ObligationExport.XlsxAsync),
        ]);
        return new Command("obligations", "Obligations register: export.") { export };
    }
}
