using System.CommandLine;
using Attest.Continuity;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest availability import FILE`.</summary>
internal static class ContinuityCommands
{
    public static Command Availability(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A CSV or XLSX file with the columns Service, Month (yyyy-MM), Uptime (percent), and optionally Downtime (minutes) and Note.",
        };
        var organization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import monthly uptime per monitored service, all or nothing: a month already recorded is replaced, the same figures again change nothing, " +
            "and services must already exist (matched by name). Prints one line, e.g. 'imported availability: 12 new months, 1 updated, 0 unchanged'. " +
            "On any error prints every bad row and column and exits 1; nothing is imported.") { file, organization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (services, db) =>
            await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                [Describe(await services.GetRequiredService<ImportAvailability>().RunAsync(stream, name, cancellationToken))]), cancellationToken));
        return new Command("availability", "Service availability: import monthly uptime.") { import };
    }

    internal static string Describe(AvailabilityImportResult result) =>
        $"imported availability: {result.Created} new month{(result.Created == 1 ? "" : "s")}, {result.Updated} updated, {result.Unchanged} unchanged";
}
