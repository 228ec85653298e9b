using System.Diagnostics;
using System.Text;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Attest.Tests.Assets;

public sealed class AssetFilesTests
{
    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "cyclonedx", .. path]);

    // ---- Round trip ---------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExportedInventory_ImportedIntoAFreshOrganization_GivesTheSameInventory_InCsvAndXlsx(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var source = await app.SeedOrganizationAsync();
        var owner = source[OrganizationRole.Manager];
        await SeedInventoryAsync(app, source.Id, owner.UserId);
        var csv = await app.WithCoreAsync(source.Id, (_, db) => AssetInventoryExport.CsvAsync(db));
        var xlsx = await app.WithCoreAsync(source.Id, (_, db) => AssetInventoryExport.XlsxAsync(db));
        var expected = await InventoryAsync(app, source.Id);

        foreach (var (content, fileName) in new[] { (csv, "inventory.csv"), (xlsx, "inventory.xlsx") })
        {
            var target = await app.SeedOrganizationAsync();
            await app.WithCoreAsync(target.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(owner.Email, "Manager Person", OrganizationRole.Manager, null, null)));

            var result = await ImportAsync(app, target.Id, content, fileName);

            Assert.Equal(expected.Assets.Count, result.Created);
            Assert.Equal(0, result.Updated);
            Assert.Equal(expected.Dependencies.Count, result.Dependencies);
            Assert.Equal(1, result.CreatedByType[AssetType.AiSystem]);
            Assert.Equal(2, result.CreatedByType[AssetType.AiModel]);
            var actual = await InventoryAsync(app, target.Id);
            Assert.Equal(expected.Assets, actual.Assets);
            Assert.Equal(expected.Dependencies, actual.Dependencies);
            // Exporting the copy gives the same file, byte for byte.
            Assert.Equal(Encoding.UTF8.GetString(csv), Encoding.UTF8.GetString(await app.WithCoreAsync(target.Id, (_, db) => AssetInventoryExport.CsvAsync(db))));
        }
        Assert.StartsWith(string.Join(",", AssetInventoryExport.Columns) + "\r\n", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.Contains("'=SUM(A1)", Encoding.UTF8.GetString(csv)); // a formula-looking name is escaped in the CSV and imported without the apostrophe
        // Dependencies in the notation of the asset forms.
        Assert.Contains(",trained or fine-tuned on AST-00002; runs on AST-00001,", Encoding.UTF8.GetString(csv));
        Assert.Contains(",\"uses AST-00003, AST-00005; processes AST-00002; depends on AST-00001\",", Encoding.UTF8.GetString(csv));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OfAnEditedSheet_UpdatesByReference_KeepsWhatBlankCellsLeaveOut_AndReplacesListedDependencies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await SeedInventoryAsync(app, organization.Id, organization[OrganizationRole.Manager].UserId);
        var before = await InventoryAsync(app, organization.Id);
        const string edited = """
            Reference,Name,Type,Location,Criticality,Depends on
            AST-00003,,,eu-north-1,,runs on AST-00001
            AST-00004,=SUM(A1),Information,,,
            ,Vendor portal,Service,,High,processes AST-00002
            """;

        var result = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(edited), "edited.csv");
        var again = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(string.Join("\n", edited.Split('\n')[..3])), "edited.csv");

        Assert.Equal((1, 1, 1, 2), (result.Created, result.CreatedByType[AssetType.Service], result.Updated, result.Dependencies));
        Assert.Equal((0, 0, 1), (again.Created, again.Updated, again.Dependencies)); // nothing left to change
        var after = await InventoryAsync(app, organization.Id);
        Assert.Equal(before.Assets.Single(a => a.Reference == "AST-00003") with { Location = "eu-north-1" }, after.Assets.Single(a => a.Reference == "AST-00003"));
        Assert.Equal(before.Assets.Single(a => a.Reference == "AST-00004"), after.Assets.Single(a => a.Reference == "AST-00004"));
        var portal = after.Assets.Single(a => a.Name == "Vendor portal");
        Assert.Equal(("AST-00010", AssetType.Service, Criticality.High), (portal.Reference, portal.Type, portal.Criticality));
        Assert.Equal(
            before.Dependencies.Where(d => d.From != "AST-00003").Append(("AST-00003", "AST-00001", DependencyKind.RunsOn)).Append(("AST-00010", "AST-00002", DependencyKind.Processes)).Order(),
            after.Dependencies);
    }

    // ---- All or nothing -----------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WithBadRows_ImportsNothing_AndNamesEveryBadRow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string csv = """
            Reference,Name,Type,Owner,Classification,Confidentiality,Criticality,Lifecycle,Origin,Depends on
            AST-00100,Good one,Software,,Internal,3,High,InUse,,
            AST-00101,Bad type,Spaceship,,,,,,,
            AST-00102,Bad rating,Software,,,5,,,,
            AST-00103,Unknown owner,Software,nobody@nowhere.example,,,,,,
            AST-00104,Unknown level,Software,,Top Secret,,,,,
            AST-00100,Duplicate,Software,,,,,,,
            AST-00105,Bad dependencies,Software,,,,,,,uses AST-09999; eats AST-00100
            AST-00106,Bad choices,Software,,,,Urgent,Broken,Alien,
            ,,Software,,,,,,,
            AST-00107,Self,Software,,,,,,,uses AST-00107
            AST-00108,Fine as well,AI system,,confidential,very high,critical,in use,third party,uses AST-00100
            """;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(csv), "inventory.csv"));

        var errors = failure.Errors["File"];
        Assert.Single(failure.Errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("row 2:", StringComparison.Ordinal) || e.StartsWith("row 13:", StringComparison.Ordinal));
        Assert.Contains("row 3: Type 'Spaceship' is not an asset type; use Information, Software, Service, Hardware, PeopleGroup, Location, AiSystem, AiModel, Dataset.", errors);
        Assert.Contains("row 4: Confidentiality '5' must be 1 (low), 2 (medium), 3 (high) or 4 (very high).", errors);
        Assert.Contains("row 5: Owner 'nobody@nowhere.example' is not a member of this organization.", errors);
        Assert.Contains(errors, e => e.StartsWith("row 6: Classification 'Top Secret' is not a classification level", StringComparison.Ordinal));
        Assert.Contains("row 7: reference AST-00100 is also used on row 2.", errors);
        Assert.Contains("row 8: Depends on AST-09999: it is neither in this file nor in the inventory.", errors);
        Assert.Contains("row 8: Depends on 'eats AST-00100' does not start with uses, trained on, runs on, processes or depends on.", errors);
        Assert.Contains("row 9: Criticality 'Urgent' is not one of Low, Medium, High, Critical.", errors);
        Assert.Contains("row 9: Lifecycle 'Broken' is not one of Planned, InUse, Retired, Disposed.", errors);
        Assert.Contains("row 9: Origin 'Alien' is not one of NotApplicable, Own, ThirdParty, OpenSource.", errors);
        Assert.Contains("row 10: Name is required.", errors);
        Assert.Contains("row 11: Depends on AST-00107: an asset cannot depend on itself.", errors);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Assets.CountAsync()));

        // The same sheet as a workbook names the same rows (the header is row 1 there too).
        var sheet = MiniExcelRows(csv);
        using var xlsx = new MemoryStream();
        await MiniExcel.SaveAsAsync(xlsx, sheet, printHeader: true);
        var workbookFailure = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, xlsx.ToArray(), "inventory.xlsx"));
        Assert.Equal(errors, workbookFailure.Errors["File"]);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Assets.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WithAnUnknownColumn_OrWithoutAType_IsRefused_AndOtherFilesAreNotRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes("Name,Type,Critcality\nLaptop,Hardware,High\n"), "typo.csv"));
        var noType = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes("Name\nLaptop\n"), "notype.csv"));
        var wrongKind = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, [1, 2, 3], "inventory.docx"));

        Assert.Contains("typo.csv: column 'Critcality' is not an inventory column", unknown.Errors["File"].Single());
        Assert.Equal("notype.csv has no Type column; the header row needs at least Name and Type.", noType.Errors["File"].Single());
        Assert.Contains("inventory.docx", wrongKind.Errors["File"].Single());
    }

    // ---- CycloneDX ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SharedMlBoms_Import_AsThirdPartyModels_WithTheirModelCardsAsDescription(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var llama = await ImportFileAsync(app, organization.Id, Fixture("valid-machine-learning-considerations-env-1.6.json"));
        var gpt = await ImportFileAsync(app, organization.Id, Fixture("bom-examples-PR-mlbom-model-foundation.json"));

        Assert.Equal((1, 0, 0), (llama.CreatedByType[AssetType.AiModel], llama.Updated, llama.Dependencies));
        Assert.Equal((1, 0, 0), (gpt.CreatedByType[AssetType.AiModel], gpt.Updated, gpt.Dependencies));
        var assets = await app.WithCoreAsync(organization.Id, (_, db) => db.Assets.AsNoTracking().OrderBy(a => a.Reference).ToListAsync());
        Assert.Equal(2, assets.Count);
        var model = assets[0];
        Assert.Equal(("meta-llama/Llama-2-7b", AssetType.AiModel, "Hugging Face", "", ModelOrigin.ThirdParty, "huggingface.co-meta-llama-Llama-2-7b"),
            (model.Name, model.Type, model.Provider, model.VersionLabel, model.Origin, model.ExternalId));
        Assert.Contains("**Publisher:** meta", model.Description);
        Assert.Contains("**Source:** https://huggingface.co/meta-llama/Llama-2-7b", model.Description);
        Assert.Contains("### Environmental considerations", model.Description);
        Assert.Contains("**Training**: energy 0.4 kWh; CO2 equivalent 31.22 tCO2eq; CO2 offset 31.22 tCO2eq; energy provider Meta data-center, US-East, Meta (natural-gas, 0.4 kWh)",
            model.Description);
        var foundation = assets[1];
        Assert.Equal(("gpt-4o", AssetType.AiModel, "OpenAI Inc", "", ModelOrigin.ThirdParty, "gpt-4o"),
            (foundation.Name, foundation.Type, foundation.Provider, foundation.VersionLabel, foundation.Origin, foundation.ExternalId));
        Assert.Equal(AssetLifecycle.InUse, foundation.Lifecycle);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bom_FromTheOrganizationItself_ImportsAsItsOwnModel(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var openAi = await app.SeedOrganizationAsync("OpenAI Inc " + Guid.NewGuid().ToString("N")[..6]);
        var bom = File.ReadAllText(Fixture("bom-examples-PR-mlbom-model-foundation.json")).Replace("\"OpenAI Inc\"", $"\"{openAi.Name}\"");

        await ImportAsync(app, openAi.Id, Encoding.UTF8.GetBytes(bom), "own.json");

        var model = await app.WithCoreAsync(openAi.Id, (_, db) => db.Assets.AsNoTracking().SingleAsync());
        Assert.Equal((ModelOrigin.Own, openAi.Name), (model.Origin, model.Provider));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bom_WithDatasets_LinksModelsToWhatTheyWereTrainedOn_AndAReimportUpdatesInsteadOfDuplicating(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var first = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(TrainedBom("1.0")), "models.json");
        var again = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(TrainedBom("1.0")), "models.json");
        var changed = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(TrainedBom("1.1")), "models.json");

        Assert.Equal(2, first.CreatedByType[AssetType.AiModel]);
        Assert.Equal(3, first.CreatedByType[AssetType.Dataset]);
        Assert.Equal((0, 4), (first.Updated, first.Dependencies));
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Dependencies));
        Assert.Equal((0, 1, 4), (changed.Created, changed.Updated, changed.Dependencies));
        var inventory = await InventoryAsync(app, organization.Id);
        Assert.Equal(5, inventory.Assets.Count);
        var byName = inventory.Assets.ToDictionary(a => a.Name, a => a.Reference);
        Assert.Equal(
            new[]
            {
                (byName["acme/contract-classifier"], byName["Signed contracts 2019-2024"], DependencyKind.TrainedOn),
                (byName["acme/contract-classifier"], byName["Public court rulings"], DependencyKind.TrainedOn),
                (byName["clause-extractor"], byName["Signed contracts 2019-2024"], DependencyKind.TrainedOn),
                (byName["clause-extractor"], byName["clause-extractor dataset 2"], DependencyKind.TrainedOn),
            }.Order().ToList(),
            inventory.Dependencies.Order().ToList());
        var classifier = inventory.Assets.Single(a => a.Name == "acme/contract-classifier");
        Assert.Equal(("1.1", "Acme Legal AI", ModelOrigin.ThirdParty, "model-classifier"), (classifier.Version, classifier.Provider, classifier.Origin, classifier.ExternalId));
        foreach (var expected in new[]
                 {
                     "Classifies contracts by type.", "**Approach:** supervised", "**Task:** text-classification", "**Architecture family:** transformer",
                     "**Model architecture:** BertForSequenceClassification", "**Inputs:** text", "**Outputs:** label", "### Performance metrics",
                     "**accuracy** 0.94 slice held-out contracts; confidence interval 0.92–0.96", "### Users", "- Contract managers", "### Use cases",
                     "### Technical limitations", "- English only", "### Performance trade-offs", "### Ethical considerations",
                     "**Client confidentiality** mitigation redacted before training", "### Fairness assessments",
                     "**Small clients** benefits faster review; harms fewer examples; mitigation oversampled", "**Inference**: energy 12 kWh; CO2 equivalent 4.1 kgCO2eq",
                 })
        {
            Assert.Contains(expected, classifier.Description);
        }
        var corpus = inventory.Assets.Single(a => a.Name == "Signed contracts 2019-2024");
        Assert.Equal(("Acme Legal AI", "corpus-1"), (corpus.Provider, corpus.ExternalId));
        Assert.Contains("**contracts** (dataset) Signed client contracts; classification confidential", corpus.Description);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InvalidJson_IsRefused_WithTheFileAndPosition_AndImportsNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        foreach (var name in new[] { "bom-examples-PR-mlbom-model-opensource.json", "bom-examples-PR-mlbom-dataset.json" })
        {
            var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportFileAsync(app, organization.Id, Fixture("invalid", name)));

            var message = failure.Errors["File"].Single();
            Assert.StartsWith($"{name} is not valid JSON: line 9, position 5", message, StringComparison.Ordinal);
            Assert.Contains("trailing comma", message);
        }
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Assets.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task JsonThatIsNotAnMlBom_IsRefused_NamingThePath(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        async Task<string> ErrorOf(string json) =>
            (await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(json), "bom.json"))).Errors["File"].Single();

        Assert.Equal("bom.json: $.bomFormat is 'SPDX'; a CycloneDX BOM says \"bomFormat\": \"CycloneDX\".", await ErrorOf("""{ "bomFormat": "SPDX", "specVersion": "1.6" }"""));
        Assert.StartsWith("bom.json: $.bomFormat is missing", await ErrorOf("""{ "specVersion": "1.6" }"""));
        Assert.StartsWith("bom.json: $.specVersion is missing", await ErrorOf("""{ "bomFormat": "CycloneDX" }"""));
        Assert.StartsWith("bom.json: $ is not a JSON object", await ErrorOf("[]"));
        Assert.Equal("bom.json has no machine-learning-model or data components; nothing to import.",
            await ErrorOf("""{ "bomFormat": "CycloneDX", "specVersion": "1.6", "components": [ { "type": "library", "name": "left-pad" } ] }"""));
        Assert.Equal("bom.json: $.components[0].components[0]: the component has no name.",
            await ErrorOf("""{ "bomFormat": "CycloneDX", "specVersion": "1.6", "components": [ { "type": "application", "name": "app", "components": [ { "type": "data" } ] } ] }"""));
        Assert.Equal("bom.json: $.components[0].modelCard.modelParameters.datasets[0].ref: 'nowhere' is neither a data component of this BOM nor an asset of the inventory.",
            await ErrorOf("""{ "bomFormat": "CycloneDX", "specVersion": "1.6", "components": [ { "type": "machine-learning-model", "name": "m", "modelCard": { "modelParameters": { "datasets": [ { "ref": "nowhere" } ] } } } ] }"""));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Assets.CountAsync()));
    }

    // ---- Speed --------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TenThousandAssets_ExportToXlsx_InTwoSeconds(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Manager].UserId;
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var level = await db.ClassificationLevels.Select(l => l.Id).FirstAsync();
            db.BulkLoading = true;
            var assets = Enumerable.Range(1, 10_000).Select(i => new Asset
            {
                OrganizationId = organization.Id, Reference = $"AST-{i:00000}", Name = $"Asset {i}", Type = (AssetType)(i % 9), Description = $"Asset number {i}, kept for the test.",
                OwnerId = i % 3 == 0 ? owner : null, ClassificationId = i % 2 == 0 ? level : null, Location = "eu-west-1", Tags = "bulk, test", Provider = "Provider", VersionLabel = "1.0",
            }).ToList();
            db.Assets.AddRange(assets);
            db.AssetDependencies.AddRange(assets.Skip(1).Where((_, i) => i % 2 == 0).Select((a, i) => new AssetDependency
            {
                OrganizationId = organization.Id, FromAssetId = a.Id, ToAssetId = assets[i].Id, Kind = (DependencyKind)(i % 5),
            }));
            await db.SaveChangesAsync();
        });
        // The 2-second budget is measured by the scale lab (bench/, docs/performance.md); here: a few queries whatever the size.
        var best = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var tally = QueryTally.Begin();
            var content = await AssetInventoryExport.XlsxAsync(db);
            return (Queries: tally.Commands, Content: content);
        });
        Assert.Equal(4, best.Queries); // assets, owners, levels, dependencies
        var rows = MiniExcel.Query(new MemoryStream(best.Content), useHeaderRow: true, sheetName: AssetInventoryExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(10_000, rows.Count);
        Assert.Equal("AST-00001", rows[0]["Reference"]);
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private sealed record AssetState(
        string Reference, string Name, AssetType Type, string Description, string? Owner, string Custodian, string? Classification, int Confidentiality,
        int Integrity, int Availability, Criticality Criticality, string Location, AssetLifecycle Lifecycle, string Tags, string Provider, string Version,
        ModelOrigin Origin, string? ExternalId, bool HasAiRecord);

    private static Task<AssetImportResult> ImportAsync(TestApp app, Guid organizationId, byte[] content, string fileName) =>
        app.WithCoreAsync(organizationId, (s, db) =>
            new ImportAssetInventory(db, s.GetRequiredService<SaveAsset>(), s.GetRequiredService<SaveAiSystem>()).RunAsync(new MemoryStream(content), fileName));

    private static async Task<AssetImportResult> ImportFileAsync(TestApp app, Guid organizationId, string path) =>
        await ImportAsync(app, organizationId, await File.ReadAllBytesAsync(path), Path.GetFileName(path));

    /// <summary>Every field of every asset, by reference, and the dependencies as (from, to, kind) references.</summary>
    private static Task<(List<AssetState> Assets, List<(string From, string To, DependencyKind Kind)> Dependencies)> InventoryAsync(TestApp app, Guid organizationId) =>
        app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var assets = await db.Assets.AsNoTracking().ToListAsync();
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email);
            var levels = await db.ClassificationLevels.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name);
            var systems = (await db.AiSystems.AsNoTracking().Select(s => s.AssetId).ToListAsync()).ToHashSet();
            var references = assets.ToDictionary(a => a.Id, a => a.Reference);
            var dependencies = (await db.AssetDependencies.AsNoTracking().ToListAsync())
                .Select(d => (references[d.FromAssetId], references[d.ToAssetId], d.Kind)).Order().ToList();
            var states = assets.OrderBy(a => a.Reference, StringComparer.Ordinal).Select(a => new AssetState(
                a.Reference, a.Name, a.Type, a.Description, a.OwnerId is { } o ? users[o] : null, a.Custodian, a.ClassificationId is { } l ? levels[l] : null,
                a.Confidentiality, a.Integrity, a.Availability, a.Criticality, a.Location, a.Lifecycle, a.Tags, a.Provider, a.VersionLabel, a.Origin, a.ExternalId,
                systems.Contains(a.Id))).ToList();
            return (states, dependencies);
        });

    /// <summary>An inventory that uses every column: each type, owner, custodian, levels, ratings, free text with commas, quotes and new lines, and each kind of dependency.</summary>
    private static Task SeedInventoryAsync(TestApp app, Guid organizationId, Guid ownerId) =>
        app.WithCoreAsync(organizationId, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveAsset>();
            var levels = await db.ClassificationLevels.ToDictionaryAsync(l => l.Name, l => l.Id);
            var service = await save.RunAsync(null, new AssetInput("Azure OpenAI (EU)", AssetType.Service, "Hosted models, EU data boundary.", OwnerId: ownerId,
                Custodian: "Platform team", ClassificationId: levels["Confidential"], Confidentiality: 3, Integrity: 3, Availability: 2, Criticality: Criticality.High,
                Location: "swedencentral", Tags: "cloud, ai", Provider: "Microsoft"));
            var corpus = await save.RunAsync(null, new AssetInput("Contract corpus", AssetType.Dataset, "Signed client contracts, 2019–2024.\n\n\"Redacted\" copies only; see §4.",
                ClassificationId: levels["Restricted"], Confidentiality: 4, Integrity: 3, Availability: 1, Origin: ModelOrigin.Own, ExternalId: "corpus-1"));
            var model = await save.RunAsync(null, new AssetInput("GPT-4o", AssetType.AiModel, Provider: "OpenAI", VersionLabel: "2024-08-06", Origin: ModelOrigin.ThirdParty,
                ExternalId: "gpt-4o@2024-08-06", DependsOn: [new(service, DependencyKind.RunsOn), new(corpus, DependencyKind.TrainedOn)]));
            await save.RunAsync(null, new AssetInput("=SUM(A1)", AssetType.Information, "-starts with a dash", Lifecycle: AssetLifecycle.Retired, Criticality: Criticality.Low));
            var laptops = await save.RunAsync(null, new AssetInput("Laptop fleet", AssetType.Hardware, Reference: "HW-LAPTOPS", Lifecycle: AssetLifecycle.Planned,
                Criticality: Criticality.Critical, Custodian: "IT, \"desk-side\" support", Tags: "endpoint"));
            var open = await save.RunAsync(null, new AssetInput("Llama 3.1 8B", AssetType.AiModel, Provider: "Meta", VersionLabel: "3.1", Origin: ModelOrigin.OpenSource,
                DependsOn: [new(laptops, DependencyKind.RunsOn)]));
            await s.GetRequiredService<SaveAiSystem>().RunAsync(null, new AiSystemInput(new AssetInput("Contract reviewer", AssetType.AiSystem, "Reviews contracts.", OwnerId: ownerId,
                Criticality: Criticality.High, DependsOn: [new(model, DependencyKind.Uses), new(open, DependencyKind.Uses), new(corpus, DependencyKind.Processes),
                    new(service, DependencyKind.DependsOn)]), Purpose: "Review"));
            await save.RunAsync(null, new AssetInput("Legal team", AssetType.PeopleGroup, Location: "Oslo"));
            await save.RunAsync(null, new AssetInput("Oslo office", AssetType.Location, Location: "Oslo, Norway", Lifecycle: AssetLifecycle.Disposed));
            await save.RunAsync(null, new AssetInput("Billing", AssetType.Software, VersionLabel: "2.3.1", Origin: ModelOrigin.NotApplicable));
        });

    private static List<Dictionary<string, object?>> MiniExcelRows(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => (object?)(x.i < cells.Length && cells[x.i].Length > 0 ? cells[x.i] : null));
        }).ToList();
    }

    /// <summary>Two models, one nested in an application, trained on a data component (by ref), on inline datasets (one named, one not); one ref points back at data.</summary>
    private static string TrainedBom(string version) => $$"""
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "version": 1,
          "metadata": {
            "component": {
              "type": "machine-learning-model", "bom-ref": "model-classifier", "group": "acme", "name": "contract-classifier", "version": "{{version}}",
              "description": "Classifies contracts by type.",
              "supplier": { "name": "Acme Legal AI" },
              "modelCard": {
                "modelParameters": {
                  "approach": { "type": "supervised" },
                  "task": "text-classification",
                  "architectureFamily": "transformer",
                  "modelArchitecture": "BertForSequenceClassification",
                  "datasets": [ { "ref": "corpus-1" }, { "type": "dataset", "name": "Public court rulings", "description": "Rulings published by courts." } ],
                  "inputs": [ { "format": "text" } ],
                  "outputs": [ { "format": "label" } ]
                },
                "quantitativeAnalysis": {
                  "performanceMetrics": [ { "type": "accuracy", "value": "0.94", "slice": "held-out contracts", "confidenceInterval": { "lowerBound": "0.92", "upperBound": "0.96" } } ]
                },
                "considerations": {
                  "users": [ "Contract managers" ],
                  "useCases": [ "Routing incoming contracts" ],
                  "technicalLimitations": [ "English only" ],
                  "performanceTradeoffs": [ "Recall over precision" ],
                  "ethicalConsiderations": [ { "name": "Client confidentiality", "mitigationStrategy": "redacted before training" } ],
                  "fairnessAssessments": [ { "groupAtRisk": "Small clients", "benefits": "faster review", "harms": "fewer examples", "mitigationStrategy": "oversampled" } ],
                  "environmentalConsiderations": {
                    "energyConsumptions": [ { "activity": "inference", "activityEnergyCost": { "value": 12, "unit": "kWh" }, "co2CostEquivalent": { "value": 4.1, "unit": "kgCO2eq" } } ]
                  }
                }
              }
            }
          },
          "components": [
            {
              "type": "data", "bom-ref": "corpus-1", "name": "Signed contracts 2019-2024",
              "supplier": { "name": "Acme Legal AI" },
              "data": [ { "type": "dataset", "name": "contracts", "description": "Signed client contracts", "classification": "confidential" } ]
            },
            {
              "type": "application", "name": "Review portal",
              "components": [
                {
                  "type": "machine-learning-model", "name": "clause-extractor", "publisher": "Acme Labs",
                  "modelCard": { "modelParameters": { "datasets": [ { "ref": "corpus-1" }, { "type": "dataset", "description": "Unnamed clauses" } ] } }
                }
              ]
            }
          ]
        }
        """;
}
