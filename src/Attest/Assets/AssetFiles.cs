using System.Globalization;
using Attest.AiSystems;
using Attest.Data;
using Attest.Policies;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Attest.Assets;

/// <summary>
/// The whole asset inventory as a spreadsheet: one row per asset, by reference, in the columns of <see cref="Columns"/>.
/// Types and other choices are written as their names (<c>AiSystem</c>, <c>InUse</c>), owners as member e-mails,
/// classifications as level names and dependencies in the forms' notation (<see cref="DependencyNotation"/>, e.g.
/// <c>uses AST-00002, AST-00003; runs on AST-00005</c>). The file imports
/// back unchanged (<see cref="ImportAssetInventory"/>), so an export is also the template for an import.
/// </summary>
public static class AssetInventoryExport
{
    /// <summary>The header of both formats, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Name", "Type", "Description", "Owner", "Custodian", "Classification", "Confidentiality", "Integrity", "Availability",
        "Criticality", "Location", "Lifecycle", "Tags", "Provider", "Version", "Origin", "Depends on", "External id",
    ];

    /// <summary>The name of the worksheet <see cref="XlsxAsync"/> writes.</summary>
    public const string SheetName = "Assets";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Column widths in the workbook, in characters, in the order of Columns.
    private static readonly int[] SheetWidths = [12, 36, 12, 60, 28, 20, 14, 8, 8, 8, 10, 18, 10, 24, 20, 12, 12, 40, 30];

    /// <summary>The inventory as CSV (RFC 4180, UTF-8, no byte order mark).</summary>
    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync(db, cancellationToken);
        // Names and descriptions are free text; the import takes off the apostrophe that keeps a formula from running.
        return Attest.Documents.Spreadsheets.Csv(Columns, rows.Select(row => row.Select(c => Convert.ToString(c, Invariant) ?? "").ToArray()));
    }

    /// <summary>The inventory as an Excel workbook (.xlsx) with one sheet, <see cref="SheetName"/>; ratings are numbers.</summary>
    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        return Attest.Documents.Spreadsheets.Xlsx(SheetName, Columns, SheetWidths, await LoadAsync(db, cancellationToken));
    }

    /// <summary>Every asset's cells in <see cref="Columns"/> order (ratings as numbers), by reference: four queries whatever the size of the inventory.</summary>
    internal static async Task<List<object?[]>> LoadAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var assets = await db.Assets.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Reference, a.Name, a.Type, a.Description, a.OwnerId, a.Custodian, a.ClassificationId, a.Confidentiality, a.Integrity, a.Availability,
                a.Criticality, a.Location, a.Lifecycle, a.Tags, a.Provider, a.VersionLabel, a.Origin, a.ExternalId,
            })
            .ToListAsync(cancellationToken);
        var ownerIds = assets.Where(a => a.OwnerId is not null).Select(a => a.OwnerId!.Value).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var levels = await db.ClassificationLevels.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var dependencies = await db.AssetDependencies.AsNoTracking().Select(d => new { d.FromAssetId, d.ToAssetId, d.Kind }).ToListAsync(cancellationToken);

        var references = assets.ToDictionary(a => a.Id, a => a.Reference);
        var dependsOn = dependencies.Where(d => references.ContainsKey(d.ToAssetId))
            .GroupBy(d => d.FromAssetId)
            .ToDictionary(g => g.Key, g => DependencyNotation.Format(g.Select(d => new DependencyNotation.Written(d.Kind, references[d.ToAssetId]))));

        // Ordinal, so both databases give the same order whatever their collation.
        return assets.OrderBy(a => a.Reference, StringComparer.Ordinal).Select(a => new object?[]
        {
            a.Reference, a.Name, a.Type.ToString(), a.Description,
            a.OwnerId is { } owner ? owners.GetValueOrDefault(owner, "") : "",
            a.Custodian,
            a.ClassificationId is { } level ? levels.GetValueOrDefault(level, "") : "",
            a.Confidentiality, a.Integrity, a.Availability,
            a.Criticality.ToString(), a.Location, a.Lifecycle.ToString(), a.Tags, a.Provider, a.VersionLabel, a.Origin.ToString(),
            dependsOn.GetValueOrDefault(a.Id, ""),
            a.ExternalId ?? "",
        }).ToList();
    }
}

/// <summary>
/// What an inventory import did: new assets by type, existing assets changed, and the dependencies the file states
/// (all of which are in place afterwards).
/// </summary>
public sealed record AssetImportResult(IReadOnlyDictionary<AssetType, int> CreatedByType, int Updated, int Dependencies)
{
    public int Created => CreatedByType.Values.Sum();
}

/// <summary>
/// Imports an asset inventory, all or nothing. A CSV or XLSX file uses the columns of <see cref="AssetInventoryExport"/>
/// (header names matched ignoring case and spaces; Name and Type required, every other column optional): a row whose
/// Reference the organization already has updates that asset, any other row creates one (keeping its Reference when
/// given). On an update, a blank cell keeps what the asset says; a non-blank "Depends on" cell replaces the asset's
/// dependencies. Rows of type AiSystem get an AI system record when they have none. A <c>.json</c> file is a CycloneDX
/// BOM (see <see cref="CycloneDxBom"/>): its models and datasets become assets (matched again by their external id on
/// a re-import) with "trained on" links from models to their datasets.
/// Every row is checked first; one bad row means nothing is imported, and the error lists every bad row.
/// </summary>
/// <remarks>Rows are saved one by one in one transaction, and the context forgets each once saved: it is left with nothing tracked.</remarks>
public sealed class ImportAssetInventory(AttestDbContext db, SaveAsset saveAsset, SaveAiSystem saveAiSystem)
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Imports the inventory in <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/> (.csv, .xlsx or .json).</summary>
    /// <exception cref="ValidationFailedException">The file cannot be read, or any row or component is wrong (field <c>File</c>; nothing was imported).</exception>
    public async Task<AssetImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".json"))
        {
            throw ValidationFailedException.For("File",
                $"'{fileName}' is not an inventory file Attest reads; use .csv or .xlsx with the columns of the inventory export, or a CycloneDX BOM in .json.");
        }
        var bytes = await ReadLimitedAsync(content, fileName, cancellationToken);
        if (extension == ".json") return await ImportBomAsync(CycloneDxBom.Read(bytes, fileName), fileName, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        // The CSV export escapes a cell a spreadsheet would run as a formula with an apostrophe; take it off again.
        if (extension == ".csv") table = table with { Rows = table.Rows.Select(r => r with { Cells = r.Cells.Select(Unescape).ToList() }).ToList() };
        return await ImportTableAsync(table, fileName, cancellationToken);
    }

    private sealed record PlannedRow(
        string Label, AssetInput Input, Asset? Existing, bool HasAiRecord, string? Classification, IReadOnlyList<(DependencyKind Kind, string Reference)>? DependsOn);

    private async Task<AssetImportResult> ImportTableAsync(PolicyIndexTable table, string fileName, CancellationToken cancellationToken)
    {
        var columns = InventoryColumns.Match(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no assets: the table has a header but no rows.");

        var existing = await db.Assets.AsNoTracking().ToListAsync(cancellationToken);
        var byReference = existing.ToDictionary(a => a.Reference, StringComparer.Ordinal);
        var withAiRecord = (await db.AiSystems.AsNoTracking().Select(s => s.AssetId).ToListAsync(cancellationToken)).ToHashSet();
        var levelNames = await db.ClassificationLevels.AsNoTracking().Select(l => l.Name).ToListAsync(cancellationToken);
        // An organization that has never opened its inventory has no levels yet; the import creates the defaults.
        if (levelNames.Count == 0) levelNames = DefaultClassifications.Levels.Select(l => l.Name).ToList();
        var levels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var level in levelNames) levels.TryAdd(level, level);
        var owners = await PolicyPeople.FindAsync(db, rows.Select(r => Cell(r, columns.Owner)), cancellationToken);

        var referencesInFile = rows.Select(r => Cell(r, columns.Reference)).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);

        var errors = new List<string>();
        var planned = new List<PlannedRow>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var problems = new List<string>();
            var reference = Cell(row, columns.Reference);
            if (reference.Length > 0)
            {
                if (seen.TryGetValue(reference, out var first)) problems.Add($"reference {reference} is also used on {first}.");
                else seen[reference] = row.Label;
            }
            var current = reference.Length > 0 ? byReference.GetValueOrDefault(reference) : null;
            var input = current is null ? new AssetInput("", AssetType.Information) : InputOf(current);

            var name = Cell(row, columns.Name);
            if (name.Length > 0) input = input with { Name = name };
            else if (current is null) problems.Add("Name is required.");

            var typeText = Cell(row, columns.Type);
            if (typeText.Length > 0)
            {
                if (ParseName<AssetType>(typeText) is { } type) input = input with { Type = type };
                else problems.Add($"Type '{typeText}' is not an asset type; use {Names<AssetType>()}.");
            }
            else if (current is null) problems.Add($"Type is required; use {Names<AssetType>()}.");

            input = input with
            {
                Reference = reference.Length > 0 ? reference : null,
                Description = Text(row, columns.Description, input.Description),
                Custodian = Text(row, columns.Custodian, input.Custodian),
                Location = Text(row, columns.Location, input.Location),
                Tags = Text(row, columns.Tags, input.Tags),
                Provider = Text(row, columns.Provider, input.Provider),
                VersionLabel = Text(row, columns.Version, input.VersionLabel),
                ExternalId = Text(row, columns.ExternalId, input.ExternalId),
            };
            input = input with
            {
                Confidentiality = Rating(row, columns.Confidentiality, "Confidentiality", input.Confidentiality, problems),
                Integrity = Rating(row, columns.Integrity, "Integrity", input.Integrity, problems),
                Availability = Rating(row, columns.Availability, "Availability", input.Availability, problems),
                Criticality = Choice(row, columns.Criticality, "Criticality", input.Criticality, problems),
                Lifecycle = Choice(row, columns.Lifecycle, "Lifecycle", input.Lifecycle, problems),
                Origin = Choice(row, columns.Origin, "Origin", input.Origin, problems),
            };

            if (Cell(row, columns.Owner) is { Length: > 0 } ownerText)
            {
                if (owners.GetValueOrDefault(ownerText) is { UserId: { } user }) input = input with { OwnerId = user };
                else problems.Add("Owner " + PolicyPeople.Problem(ownerText, owners));
            }
            string? classification = null;
            if (Cell(row, columns.Classification) is { Length: > 0 } levelText)
            {
                if (levels.TryGetValue(levelText, out var level)) classification = level;
                else problems.Add($"Classification '{levelText}' is not a classification level of this organization; use {string.Join(", ", levelNames)}.");
            }

            List<(DependencyKind, string)>? dependsOn = null;
            if (Cell(row, columns.DependsOn) is { Length: > 0 } dependsText)
            {
                var (written, unreadable) = DependencyNotation.Parse(dependsText);
                problems.AddRange(unreadable.Select(u => "Depends on " + u));
                dependsOn = [];
                foreach (var dependency in written)
                {
                    if (reference.Length > 0 && dependency.Reference == reference) problems.Add($"Depends on {dependency.Reference}: an asset cannot depend on itself.");
                    else if (!referencesInFile.Contains(dependency.Reference) && !byReference.ContainsKey(dependency.Reference))
                    {
                        problems.Add($"Depends on {dependency.Reference}: it is neither in this file nor in the inventory.");
                    }
                    else dependsOn.Add((dependency.Kind, dependency.Reference));
                }
            }

            if (current is not null && withAiRecord.Contains(current.Id) && input.Type != AssetType.AiSystem)
            {
                problems.Add($"{current.Reference} has an AI system record; keep the type AiSystem.");
            }
            foreach (var (field, messages) in ErrorsOf(SaveAsset.Validate(input with { DependsOn = null })))
            {
                // Name, type, ratings and choices were checked above in the file's own words.
                if (field is nameof(AssetInput.Name) && name.Length == 0) continue;
                problems.AddRange(messages.Select(m => $"{ColumnOf(field)} {m}"));
            }

            errors.AddRange(problems.Select(p => $"{row.Label}: {p}"));
            if (problems.Count == 0) planned.Add(new PlannedRow(row.Label, input, current, current is not null && withAiRecord.Contains(current.Id), classification, dependsOn));
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        var created = new Dictionary<AssetType, int>();
        var updated = new HashSet<string>();
        var createdRows = new HashSet<string>();
        var idOfRow = new Dictionary<string, Guid>();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await DefaultClassifications.EnsureAsync(db, cancellationToken);
        var levelIdByName = (await db.ClassificationLevels.AsNoTracking().Select(l => new { l.Name, l.Id }).ToListAsync(cancellationToken))
            .ToDictionary(l => l.Name, l => l.Id, StringComparer.Ordinal);

        // Rows that name their reference go first, so the references given to the others never take one the file uses.
        foreach (var row in planned.OrderBy(r => r.Input.Reference is null))
        {
            var input = row.Input;
            if (row.Classification is { } level) input = input with { ClassificationId = levelIdByName[level] };
            await RowAsync(row.Label, async () =>
            {
                if (row.Existing is { } current)
                {
                    var changed = !Same(current, input);
                    if (changed) await saveAsset.RunAsync(current.Id, input with { Version = current.Version }, cancellationToken);
                    if (input.Type == AssetType.AiSystem && !row.HasAiRecord)
                    {
                        // SaveAiSystem registers a new asset with its record; this asset exists already, so it gets a record with every AI field at its default.
                        db.AiSystems.Add(new AiSystem { AssetId = current.Id });
                        await db.SaveAsync("AI system", cancellationToken);
                        changed = true;
                    }
                    if (changed) updated.Add(row.Label);
                    idOfRow[row.Label] = current.Id;
                }
                else
                {
                    idOfRow[row.Label] = await CreateAsync(input, cancellationToken);
                    created[input.Type] = created.GetValueOrDefault(input.Type) + 1;
                    createdRows.Add(row.Label);
                }
            });
        }

        var references = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Reference, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var wanted = planned.Where(r => r.DependsOn is not null)
            .ToDictionary(r => idOfRow[r.Label], r => (r.Label, Links: r.DependsOn!.Select(d => (To: references[d.Reference], d.Kind)).ToHashSet()));
        foreach (var label in await ApplyDependenciesAsync(wanted, replace: true, cancellationToken)) updated.Add(label);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);

        return new AssetImportResult(created, updated.Except(createdRows).Count(), wanted.Values.Sum(w => w.Links.Count));
    }

    private async Task<AssetImportResult> ImportBomAsync(CycloneDxBom bom, string fileName, CancellationToken cancellationToken)
    {
        var organizationId = db.Acting.RequireOrganization();
        var organizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var externalIds = bom.Components.Select(c => c.ExternalId).Concat(bom.Links.Select(l => l.DatasetId)).Distinct().ToList();
        var matches = (await db.Assets.AsNoTracking().Where(a => a.ExternalId != null && externalIds.Contains(a.ExternalId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.ExternalId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Reference, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var withAiRecord = (await db.AiSystems.AsNoTracking().Select(s => s.AssetId).ToListAsync(cancellationToken)).ToHashSet();

        var errors = new List<string>();
        var inBom = bom.Components.Select(c => c.ExternalId).ToHashSet(StringComparer.Ordinal);
        foreach (var link in bom.Links.Where(l => !inBom.Contains(l.DatasetId) && !matches.ContainsKey(l.DatasetId)))
        {
            errors.Add($"{fileName}: {link.Path}: '{link.DatasetId}' is neither a data component of this BOM nor an asset of the inventory.");
        }
        var planned = new List<(CycloneDxBom.Component Component, AssetInput Input, Asset? Existing)>();
        foreach (var component in bom.Components)
        {
            var origin = string.Equals(component.Provider.Trim(), organizationName.Trim(), StringComparison.OrdinalIgnoreCase) ? ModelOrigin.Own : ModelOrigin.ThirdParty;
            var existing = matches.GetValueOrDefault(component.ExternalId);
            // A re-import refreshes what the BOM describes; ownership, classification, ratings and the rest stay the organization's.
            var input = (existing is null ? new AssetInput(component.Name, component.Type) : InputOf(existing)) with
            {
                Name = component.Name,
                Type = component.Type,
                Description = component.Description,
                Provider = component.Provider,
                VersionLabel = component.Version,
                Origin = origin,
                ExternalId = component.ExternalId,
            };
            var problems = ErrorsOf(SaveAsset.Validate(input)).SelectMany(e => e.Value.Select(m => $"{ColumnOf(e.Key)} {m}")).ToList();
            if (existing is not null && withAiRecord.Contains(existing.Id))
            {
                problems.Add($"{existing.Reference} has the external id {component.ExternalId} and is an AI system; the BOM describes an {(component.Type == AssetType.AiModel ? "AI model" : "dataset")}.");
            }
            errors.AddRange(problems.Select(p => $"{fileName}: {component.Path}: {p}"));
            planned.Add((component, input, existing));
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        var created = new Dictionary<AssetType, int>();
        var updated = new HashSet<string>();
        var ids = matches.ToDictionary(m => m.Key, m => m.Value.Id, StringComparer.Ordinal);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (component, input, existing) in planned)
        {
            await RowAsync($"{fileName}: {component.Path}", async () =>
            {
                if (existing is not null)
                {
                    if (!Same(existing, input))
                    {
                        await saveAsset.RunAsync(existing.Id, input with { Version = existing.Version }, cancellationToken);
                        updated.Add(component.Path);
                    }
                }
                else
                {
                    ids[component.ExternalId] = await saveAsset.RunAsync(null, input, cancellationToken);
                    created[input.Type] = created.GetValueOrDefault(input.Type) + 1;
                }
            });
        }
        var pathOf = bom.Components.ToDictionary(c => c.ExternalId, c => c.Path, StringComparer.Ordinal);
        var wanted = bom.Links.GroupBy(l => l.ModelId, StringComparer.Ordinal)
            .ToDictionary(g => ids[g.Key], g => (Label: pathOf[g.Key], Links: g.Select(l => (To: ids[l.DatasetId], Kind: DependencyKind.TrainedOn)).ToHashSet()));
        // A BOM says what a model was trained on; it does not know what else the organization linked to it, so links are only added.
        foreach (var path in await ApplyDependenciesAsync(wanted, replace: false, cancellationToken)) updated.Add(path);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        var createdPaths = planned.Where(p => p.Existing is null).Select(p => p.Component.Path);
        return new AssetImportResult(created, updated.Except(createdPaths).Count(), wanted.Values.Sum(w => w.Links.Count));
    }

    /// <summary>A new asset; one of type AI system is registered with its AI system record (every AI field at its default).</summary>
    private async Task<Guid> CreateAsync(AssetInput input, CancellationToken cancellationToken)
    {
        if (input.Type != AssetType.AiSystem) return await saveAsset.RunAsync(null, input, cancellationToken);
        var systemId = await saveAiSystem.RunAsync(null, new AiSystemInput(input), cancellationToken);
        return db.AiSystems.Local.Single(s => s.Id == systemId).AssetId;
    }

    /// <summary>
    /// Puts the wanted dependencies in place (and, with <paramref name="replace"/>, removes the others of the same assets)
    /// in one save; AI systems whose models changed have their approved impact assessments flagged for reassessment, as
    /// an edit of the system would. Returns the labels of the assets whose dependencies changed.
    /// </summary>
    private async Task<List<string>> ApplyDependenciesAsync(
        Dictionary<Guid, (string Label, HashSet<(Guid To, DependencyKind Kind)> Links)> wanted, bool replace, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0) return [];
        var from = wanted.Keys.ToList();
        var current = await db.AssetDependencies.Where(d => from.Contains(d.FromAssetId)).ToListAsync(cancellationToken);
        var models = (await db.Assets.AsNoTracking().Where(a => a.Type == AssetType.AiModel).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var changed = new List<string>();
        var systemsWithNewModels = new List<Guid>();
        foreach (var (assetId, (label, links)) in wanted)
        {
            var mine = current.Where(d => d.FromAssetId == assetId).ToList();
            var removed = replace ? mine.Where(d => !links.Contains((d.ToAssetId, d.Kind))).ToList() : [];
            var added = links.Where(l => !mine.Any(d => d.ToAssetId == l.To && d.Kind == l.Kind)).ToList();
            if (removed.Count == 0 && added.Count == 0) continue;
            db.AssetDependencies.RemoveRange(removed);
            foreach (var (to, kind) in added) db.AssetDependencies.Add(new AssetDependency { FromAssetId = assetId, ToAssetId = to, Kind = kind });
            changed.Add(label);
            if (removed.Select(d => d.ToAssetId).Concat(added.Select(a => a.To)).Any(models.Contains)) systemsWithNewModels.Add(assetId);
        }
        if (systemsWithNewModels.Count > 0)
        {
            var systems = await db.AiSystems.AsNoTracking().Where(s => systemsWithNewModels.Contains(s.AssetId)).Select(s => s.Id).ToListAsync(cancellationToken);
            if (systems.Count > 0) await Reassessment.FlagAsync(db, systems, "the models it uses changed (inventory import)", cancellationToken);
        }
        await db.SaveAsync("asset", cancellationToken);
        return changed;
    }

    /// <summary>Runs one row's save; a rule the checks above do not know about is reported against the row.</summary>
    private async Task RowAsync(string label, Func<Task> save)
    {
        try
        {
            await save();
            // Every save walks every tracked entity (the rows saved so far and their audit entries): forgetting what is
            // saved keeps the thousandth row as cheap as the first.
            db.ChangeTracker.Clear();
        }
        catch (ValidationFailedException refused)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["File"] = refused.Errors.SelectMany(e => e.Value.Select(message => $"{label}: {ColumnOf(e.Key)} {message}")).ToArray(),
            });
        }
    }

    /// <summary>An existing asset as an input that, saved unchanged, changes nothing (its dependencies left as they are).</summary>
    internal static AssetInput InputOf(Asset a) => new(a.Name, a.Type, a.Description, a.Reference, a.OwnerId, a.Custodian, a.ClassificationId, a.Confidentiality,
        a.Integrity, a.Availability, a.Criticality, a.Location, a.Lifecycle, a.Tags, a.Provider, a.VersionLabel, a.Origin, null, a.ExternalId, a.Version);

    /// <summary>Whether saving <paramref name="input"/> would leave <paramref name="current"/> as it is.</summary>
    private static bool Same(Asset current, AssetInput input)
    {
        var after = new Asset { Reference = current.Reference, Name = current.Name, ExternalId = current.ExternalId };
        SaveAsset.Apply(after, input);
        return (input.Reference is null || input.Reference.Trim() == current.Reference)
            && after.Name == current.Name && after.Type == current.Type && after.Description == current.Description && after.OwnerId == current.OwnerId
            && after.Custodian == current.Custodian && after.ClassificationId == current.ClassificationId && after.Confidentiality == current.Confidentiality
            && after.Integrity == current.Integrity && after.Availability == current.Availability && after.Criticality == current.Criticality
            && after.Location == current.Location && after.Lifecycle == current.Lifecycle && after.Tags == current.Tags && after.Provider == current.Provider
            && after.VersionLabel == current.VersionLabel && after.Origin == current.Origin && after.ExternalId == current.ExternalId;
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validation validation)
    {
        try
        {
            validation.ThrowIfInvalid();
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException invalid)
        {
            return invalid.Errors;
        }
    }

    /// <summary>The column a field of <see cref="AssetInput"/> is read from, for messages.</summary>
    private static string ColumnOf(string field) => field switch
    {
        nameof(AssetInput.VersionLabel) => "Version",
        nameof(AssetInput.ExternalId) => "External id",
        nameof(AssetInput.OwnerId) => "Owner",
        nameof(AssetInput.ClassificationId) => "Classification",
        nameof(AssetInput.DependsOn) => "Depends on",
        _ => field,
    };

    private static string Cell(PolicyIndexRow row, int? column) => column is { } index ? row.Cell(index) : "";

    private static string Unescape(string cell)
    {
        var value = cell.TrimStart();
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '@' or '+' or '-' or '\t' or '\r' ? value[1..] : cell;
    }

    private static string? Text(PolicyIndexRow row, int? column, string? current) => Cell(row, column) is { Length: > 0 } value ? value : current;

    private static int Rating(PolicyIndexRow row, int? column, string name, int current, List<string> problems)
    {
        var text = Cell(row, column);
        if (text.Length == 0) return current;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 4) return value;
        for (var rating = 1; rating <= 4; rating++)
        {
            if (string.Equals(AssetLabels.Rating(rating), text, StringComparison.OrdinalIgnoreCase)) return rating;
        }
        problems.Add($"{name} '{text}' must be 1 (low), 2 (medium), 3 (high) or 4 (very high).");
        return current;
    }

    private static TEnum Choice<TEnum>(PolicyIndexRow row, int? column, string name, TEnum current, List<string> problems) where TEnum : struct, Enum
    {
        var text = Cell(row, column);
        if (text.Length == 0) return current;
        if (ParseName<TEnum>(text) is { } value) return value;
        problems.Add($"{name} '{text}' is not one of {Names<TEnum>()}.");
        return current;
    }

    /// <summary>An enum value by its name, ignoring case and spaces ("AI system", "in use"); never by number.</summary>
    internal static TEnum? ParseName<TEnum>(string text) where TEnum : struct, Enum
    {
        var wanted = PolicyIndexColumns.Normalize(text);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (PolicyIndexColumns.Normalize(value.ToString()) == wanted) return value;
        }
        return null;
    }

    private static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    private static Task<byte[]> ReadLimitedAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        Attest.Documents.Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
}

/// <summary>Which column of an inventory sheet holds what, from header names written with any case and spacing.</summary>
internal sealed record InventoryColumns(
    int? Reference, int Name, int Type, int? Description, int? Owner, int? Custodian, int? Classification, int? Confidentiality, int? Integrity,
    int? Availability, int? Criticality, int? Location, int? Lifecycle, int? Tags, int? Provider, int? Version, int? Origin, int? DependsOn, int? ExternalId)
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["owneremail"] = "owner",
        ["versionlabel"] = "version",
        ["dependencies"] = "dependson",
    };

    public static InventoryColumns Match(IReadOnlyList<string> headers, string fileName)
    {
        var known = AssetInventoryExport.Columns.ToDictionary(PolicyIndexColumns.Normalize, c => c);
        var found = new Dictionary<string, int>();
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = PolicyIndexColumns.Normalize(headers[i]);
            if (name.Length == 0) continue;
            name = Aliases.GetValueOrDefault(name, name);
            if (!known.ContainsKey(name))
            {
                errors.Add($"{fileName}: column '{headers[i].Trim()}' is not an inventory column; the columns are {string.Join(", ", AssetInventoryExport.Columns)}.");
            }
            else if (found.TryGetValue(name, out var other)) errors.Add($"{fileName}: columns '{headers[other].Trim()}' and '{headers[i].Trim()}' are both {known[name]}; keep one.");
            else found[name] = i;
        }
        foreach (var required in new[] { "Name", "Type" })
        {
            if (!found.ContainsKey(PolicyIndexColumns.Normalize(required))) errors.Add($"{fileName} has no {required} column; the header row needs at least Name and Type.");
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });
        int? Optional(string column) => found.TryGetValue(PolicyIndexColumns.Normalize(column), out var index) ? index : null;
        return new InventoryColumns(Optional("Reference"), found["name"], found["type"], Optional("Description"), Optional("Owner"), Optional("Custodian"),
            Optional("Classification"), Optional("Confidentiality"), Optional("Integrity"), Optional("Availability"), Optional("Criticality"),
            Optional("Location"), Optional("Lifecycle"), Optional("Tags"), Optional("Provider"), Optional("Version"), Optional("Origin"),
            Optional("Depends on"), Optional("External id"));
    }
}
