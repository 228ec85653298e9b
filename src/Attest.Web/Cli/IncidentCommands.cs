using System.CommandLine;
using Attest.Incidents;

namespace Attest.Web.Cli;

/// <summary>`attest incidents export`.</summary>
internal static class IncidentCommands
{
    public static Command Incidents(Option<string?> database, TextWriter output, TextWriter error)
    {
        var export = FileCommands.Export(database, output, error,
            "Write the incident register (CSV or XLSX), newest detection first, with time to detect, contain and recover and 'SLA met' yes/no.",
        [
            new("csv", "the incident register (csv)", IncidentExport.CsvAsync),
            new("xlsx", "the incident register (xlsx)", IncidentExport.XlsxAsync),
        ]);
        return new Command("incidents", "Incident register: export.") { export };
    }
}
