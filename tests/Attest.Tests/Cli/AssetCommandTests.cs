using System.Text.RegularExpressions;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Controls;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class AssetCommandTests
{
    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "cyclonedx", .. path]);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AssetsImportExport_WorkFromTheCommandLine_AndABadFileImportsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-assets-").FullName;
        try
        {
            var inventory = Path.Combine(folder, "inventory.csv");
            await File.WriteAllTextAsync(inventory, """
                Reference,Name,Type,Owner,Classification,Depends on
                SW-1,Document store,Software,ciso@acme.example,Confidential,
                AI-1,Intake assistant,AiSystem,,,uses SW-1
                """);
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, """
                Name,Type,Confidentiality
                Payroll,Software,2
                Badge readers,Hardware,9
                """);

            var bad = await AttestAsync("assets", "import", broken, "--database", db);
            var badBom = await AttestAsync("assets", "import", Fixture("invalid", "bom-examples-PR-mlbom-model-opensource.json"), "--database", db);
            var afterBad = await AttestAsync("assets", "export", "--format", "csv", "-o", Path.Combine(folder, "after-bad.csv"), "--database", db);
            var imported = await AttestAsync("assets", "import", inventory, "--database", db, "--organization", "Acme");
            var llama = await AttestAsync("assets", "import", Fixture("valid-machine-learning-considerations-env-1.6.json"), "--database", db);
            var llamaAgain = await AttestAsync("assets", "import", Fixture("valid-machine-learning-considerations-env-1.6.json"), "--database", db);
            var csv = await AttestAsync("assets", "export", "--format", "csv", "-o", Path.Combine(folder, "assets.csv"), "--database", db);
            var xlsx = await AttestAsync("assets", "export", "--format", "XLSX", "-o", Path.Combine(folder, "assets.xlsx"), "--database", db);
            var badFormat = await AttestAsync("assets", "export", "--format", "docx", "-o", Path.Combine(folder, "assets.docx"), "--database", db);
            var missing = await AttestAsync("assets", "import", Path.Combine(folder, "nope.csv"), "--database", db);
            var help = await AttestAsync("assets", "import", "--help");

            Assert.Equal(1, bad.Code);
            Assert.Equal("File: row 3: Confidentiality '9' must be 1 (low), 2 (medium), 3 (high) or 4 (very high).", bad.Error.Trim());
            Assert.Equal(1, badBom.Code);
            Assert.Contains("bom-examples-PR-mlbom-model-opensource.json is not valid JSON: line 9, position 5", badBom.Error);
            Assert.Equal(0, afterBad.Code);
            Assert.Single(await File.ReadAllLinesAsync(Path.Combine(folder, "after-bad.csv"))); // the header alone
            Assert.Equal((0, "imported 2 new assets: 1 software asset, 1 AI system; 0 updated; 1 dependency"), (imported.Code, imported.Output.Trim()));
            Assert.Equal((0, "imported 1 new asset: 1 AI model; 0 updated; 0 dependencies"), (llama.Code, llama.Output.Trim()));
            Assert.Equal((0, "imported 0 new assets; 0 updated; 0 dependencies"), (llamaAgain.Code, llamaAgain.Output.Trim()));
            Assert.Equal(0, csv.Code);
            // By reference; the model's description (its model card) spans several lines inside its quotes.
            var exported = await File.ReadAllTextAsync(Path.Combine(folder, "assets.csv"));
            Assert.StartsWith(string.Join(",", AssetInventoryExport.Columns) + "\r\n"
                + "AI-1,Intake assistant,AiSystem,,,,,2,2,2,Medium,,InUse,,,,NotApplicable,uses SW-1,\r\n"
                + "AST-00001,meta-llama/Llama-2-7b,AiModel,\"", exported, StringComparison.Ordinal);
            Assert.EndsWith("\r\nSW-1,Document store,Software,,ciso@acme.example,,Confidential,2,2,2,Medium,,InUse,,,,NotApplicable,,\r\n", exported, StringComparison.Ordinal);
            Assert.Equal(0, xlsx.Code);
            Assert.Equal(3, MiniExcel.Query(Path.Combine(folder, "assets.xlsx"), useHeaderRow: true, sheetName: AssetInventoryExport.SheetName).Count());
            Assert.Equal(1, badFormat.Code);
            Assert.Contains("docx", badFormat.Error);
            Assert.Equal(1, missing.Code);
            Assert.Contains("nope.csv does not exist", missing.Error);
            Assert.Contains("imported 3 new assets: 2 AI models, 1 dataset; 0 updated; 1 dependency", Regex.Replace(help.Output, @"\s+", " "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AiCoverage_PrintsEverySystemWithItsGaps_ThenHowManyAreCovered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var empty = await AttestAsync("ai", "coverage", "--database", db);
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
            var requirements = await RequirementCodes.ResolveAsync(context, "iso27001-2022", "A.5.15, A.5.16", "test");
            var control = await scope.ServiceProvider.GetRequiredService<SaveControl>().RunAsync(null,
                new ControlInput(null, "Access management", "Who gets access, and how.", null, ImplementationStatus.Implemented, null, null, null, null, requirements));
            var agents = await scope.ServiceProvider.GetRequiredService<SaveAiSystemClass>().RunAsync(null, "Client-facing agent", null, "Annex A 5.15, 5.16");
            var save = scope.ServiceProvider.GetRequiredService<SaveAiSystem>();
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Support bot", AssetType.AiSystem), ClassId: agents));
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Contract reviewer", AssetType.AiSystem), ClassId: agents, ControlIds: [control]));
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Intake\tassistant", AssetType.AiSystem)));
            await save.RunAsync(null, new AiSystemInput(new AssetInput("Old pilot", AssetType.AiSystem, Lifecycle: AssetLifecycle.Retired), ClassId: agents));
        }

        var coverage = await AttestAsync("ai", "coverage", "--database", db, "--organization", "Acme");

        Assert.Equal((0, "covered 0 of 0"), (empty.Code, empty.Output.Trim()));
        Assert.Equal(0, coverage.Code);
        Assert.Equal(
            [
                "Contract reviewer\trequired 2\timplemented 2\tgaps: none",
                "Intake assistant\trequired 0\timplemented 0\tgaps: none",
                "Support bot\trequired 2\timplemented 0\tgaps: A.5.15, A.5.16",
                "covered 1 of 3",
            ],
            coverage.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }
}
