using System.CommandLine;
using Attest.Data;

namespace Attest.Web.Cli;

/// <summary>One of the files an export verb can write: its --format name, how the output line names it, and how it is made.</summary>
internal sealed record ExportFormat(string Name, string What, Func<AttestDbContext, CancellationToken, Task<byte[]>> Write);

/// <summary>What the register verbs share: reading FILE for an import, and `export --format … -o FILE`.</summary>
internal static class FileCommands
{
    /// <summary>Opens FILE for an importer and prints the lines it returns; a missing file is named and exits 1.</summary>
    public static async Task<int> ImportAsync(FileInfo source, TextWriter output, TextWriter error, Func<Stream, string, Task<IEnumerable<string>>> import)
    {
        if (!source.Exists)
        {
            await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
            return 1;
        }
        await using var stream = source.OpenRead();
        foreach (var line in await import(stream, source.Name)) await output.WriteLineAsync(line);
        return 0;
    }

    /// <summary>An `export` verb writing one of <paramref name="formats"/> to -o FILE; an unknown format is named and exits 1.</summary>
    public static Command Export(Option<string?> database, TextWriter output, TextWriter error, string description, IReadOnlyList<ExportFormat> formats,
        string? formatDescription = null)
    {
        var names = formats.Select(f => f.Name).ToList();
        var choices = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        var format = new Option<string>("--format") { Description = formatDescription ?? choices + ".", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var organization = FrameworkCommands.OrganizationOption();
        var export = new Command("export", description) { format, to, organization };
        export.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (_, db) =>
        {
            var wanted = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (formats.FirstOrDefault(f => f.Name == wanted) is not { } chosen)
            {
                await error.WriteLineAsync($"--format: '{wanted}' is not a format here; use {choices}.");
                return 1;
            }
            var target = parse.GetValue(to)!;
            await File.WriteAllBytesAsync(target.FullName, await chosen.Write(db, cancellationToken), cancellationToken);
            await output.WriteLineAsync($"exported {chosen.What} to {target.FullName}");
            return 0;
        }, cancellationToken));
        return export;
    }
}
