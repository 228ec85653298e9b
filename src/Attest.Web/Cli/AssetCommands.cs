using System.CommandLine;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Audit;
using Attest.Data;
using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest assets import|export` and `attest ai coverage`.</summary>
internal static class AssetCommands
{
    public static Command Assets(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A CSV or XLSX inventory with the export's columns (Name and Type required), or a CycloneDX ML-BOM (.json).",
        };
        var importOrganization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import assets, all or nothing: rows whose Reference exists update that asset, others are created; a CycloneDX BOM adds its " +
            "models and datasets (matched again by bom-ref on a re-import). Prints one line, e.g. " +
            "'imported 3 new assets: 2 AI models, 1 dataset; 0 updated; 1 dependency' (dependencies: those the file states). " +
            "On any error prints every bad row and exits 1; nothing is imported.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                [Describe(await ActivatorUtilities.CreateInstance<ImportAssetInventory>(services).RunAsync(stream, name, cancellationToken))]);
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error, "Write the whole asset inventory (CSV or XLSX), in the columns the import reads.",
        [
            new("csv", "the asset inventory (csv)", AssetInventoryExport.CsvAsync),
            new("xlsx", "the asset inventory (xlsx)", AssetInventoryExport.XlsxAsync),
        ]);

        return new Command("assets", "Asset inventory: import, export.") { import, export };
    }

    public static Command Ai(Option<string?> database, TextWriter output, TextWriter error)
    {
        var organization = FrameworkCommands.OrganizationOption();
        var coverage = new Command("coverage",
            "Baseline coverage of every AI system (retired and disposed ones left out): one line per system, " +
            "'NAME<TAB>required N<TAB>implemented M<TAB>gaps: A.5.15, …' (or 'gaps: none'), then 'covered X of Y' " +
            "(systems meeting every requirement of their class's baseline, of all systems).") { organization };
        coverage.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (services, db) =>
        {
            var summary = await AiCoverage.RunAsync(db, cancellationToken: cancellationToken);
            foreach (var row in summary.Rows)
            {
                var gaps = row.Gaps.Count == 0 ? "none" : string.Join(", ", row.Gaps.Select(g => Code(g.FrameworkKey, g.Code)));
                await output.WriteLineAsync($"{OneLine(row.Name)}\trequired {row.Required}\timplemented {row.Implemented}\tgaps: {gaps}");
            }
            await output.WriteLineAsync($"covered {summary.FullyCovered} of {summary.Systems}");
            return 0;
        }, cancellationToken));
        return new Command("ai", "AI management system: coverage.") { coverage };
    }

    /// <summary>"imported 3 new assets: 2 AI models, 1 dataset; 0 updated; 1 dependency".</summary>
    internal static string Describe(AssetImportResult result)
    {
        var created = result.CreatedByType.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => Count(c.Value, Noun(c.Key))).ToList();
        var head = $"imported {Count(result.Created, "new asset")}" + (created.Count > 0 ? ": " + string.Join(", ", created) : "");
        return $"{head}; {result.Updated} updated; {Count(result.Dependencies, "dependency")}";
    }

    private static string Noun(AssetType type) => type switch
    {
        AssetType.Information => "information asset",
        AssetType.Software => "software asset",
        AssetType.Service => "service",
        AssetType.Hardware => "hardware asset",
        AssetType.PeopleGroup => "people group",
        AssetType.Location => "location",
        AssetType.AiSystem => "AI system",
        AssetType.AiModel => "AI model",
        AssetType.Dataset => "dataset",
        _ => "asset",
    };

    private static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : noun.EndsWith('y') && !noun.EndsWith("ey", StringComparison.Ordinal) ? $"{count} {noun[..^1]}ies" : $"{count} {noun}s";

    /// <summary>ISO 27001 codes as ISO writes them (A.5.15, 6.1.2); other frameworks' codes carry the framework's name, as ISO 42001's Annex A reuses "A.".</summary>
    private static string Code(string frameworkKey, string code) => frameworkKey switch
    {
        "iso27001-2022" => code,
        "iso42001-2023" => "ISO 42001 " + code,
        "gdpr" => "GDPR " + code,
        _ => $"{frameworkKey} {code}",
    };

    private static string OneLine(string text) => string.Join(" ", text.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
