using Attest.Tests.Support;
using MiniExcelLibs;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class FrameworkCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FrameworksListImportExport_AndSoaExport_WorkFromTheCommandLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-cli-").FullName;
        try
        {
            var low = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oscal", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");
            var import = await AttestAsync("frameworks", "import", low, "--database", db);
            var list = await AttestAsync("frameworks", "list", "--database", db);
            var exportYaml = await AttestAsync("frameworks", "export", "iso27001-2022", "--format", "yaml", "-o", Path.Combine(folder, "iso.yaml"), "--database", db);
            var exportOscal = await AttestAsync("frameworks", "export", "nist-csf-2.0", "--format", "oscal", "-o", Path.Combine(folder, "csf.json"), "--database", db);
            var draft = await AttestAsync("soa", "export", "--framework", "iso27001-2022", "--version", "draft", "--format", "xlsx", "-o", Path.Combine(folder, "soa.xlsx"), "--database", db);
            var noVersion = await AttestAsync("soa", "export", "--framework", "iso27001-2022", "--version", "latest", "--format", "csv", "-o", Path.Combine(folder, "soa.csv"), "--database", db);
            var badFormat = await AttestAsync("soa", "export", "--framework", "iso27001-2022", "--version", "draft", "--format", "docx", "-o", Path.Combine(folder, "soa.docx"), "--database", db);
            var notJson = Path.Combine(folder, "bad.json");
            await File.WriteAllTextAsync(notJson, "{ \"catalog\": ");
            var bad = await AttestAsync("frameworks", "import", notJson, "--database", db);
            var listAfter = await AttestAsync("frameworks", "list", "--database", db);

            Assert.Equal(0, import.Code);
            Assert.Equal("imported nist-sp-800-53-rev5-1-1-low-impact-baseline: 149 controls", import.Output.Trim());
            Assert.Contains("iso27001-2022", list.Output);
            Assert.Contains("nist-sp-800-53-rev5-1-1-low-impact-baseline", list.Output);
            Assert.Equal(0, exportYaml.Code);
            Assert.Contains("id: A.8.34", await File.ReadAllTextAsync(Path.Combine(folder, "iso.yaml")));
            Assert.Equal(0, exportOscal.Code);
            Assert.Contains("\"oscal-version\"", await File.ReadAllTextAsync(Path.Combine(folder, "csf.json")));
            Assert.Equal(0, draft.Code);
            Assert.Equal(93, MiniExcel.Query(Path.Combine(folder, "soa.xlsx"), useHeaderRow: true, sheetName: "Statement of Applicability").Count());
            Assert.Equal(1, noVersion.Code);
            Assert.Contains("no Statement of Applicability for iso27001-2022 has been approved yet", noVersion.Error);
            Assert.Equal(1, badFormat.Code);
            Assert.Contains("docx", badFormat.Error);
            Assert.Equal(1, bad.Code);
            Assert.Contains("bad.json", bad.Error);
            Assert.Equal(list.Output, listAfter.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
