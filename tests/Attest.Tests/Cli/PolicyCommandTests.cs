using System.IO.Compression;
using Attest.Tests.Support;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class PolicyCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoliciesInitImportExport_WorkFromTheCommandLine_AndABadFileImportsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-policies-").FullName;
        try
        {
            var index = Path.Combine(folder, "index.csv");
            await File.WriteAllTextAsync(index, """
                Policy,What it covers,ISO 27001 relevance
                Information Security Policy,Direction and support.,"Clauses 5.2, 5.3; Annex A 5.1"
                Logging Policy,What is logged and kept.,Annex A 8.15-8.17
                """);
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, """
                Policy,What it covers,ISO 27001 relevance
                Vendor Policy,Suppliers.,Annex A 5.19-5.22
                Bad Policy,Bad.,Annex A 5.99
                """);

            var bad = await AttestAsync("policies", "import", broken, "--database", db);
            var csvAfterBad = await AttestAsync("policies", "export", "--format", "csv", "-o", Path.Combine(folder, "after-bad.csv"), "--database", db);
            var imported = await AttestAsync("policies", "import", index, "--database", db);
            var init = await AttestAsync("policies", "init", "--database", db);
            var again = await AttestAsync("policies", "init", "--database", db);
            var csv = await AttestAsync("policies", "export", "--format", "csv", "-o", Path.Combine(folder, "policies.csv"), "--database", db);
            var zip = await AttestAsync("policies", "export", "--format", "zip", "-o", Path.Combine(folder, "policies.zip"), "--database", db);
            var badFormat = await AttestAsync("policies", "export", "--format", "docx", "-o", Path.Combine(folder, "x.docx"), "--database", db);
            var missing = await AttestAsync("policies", "import", Path.Combine(folder, "nope.csv"), "--database", db);

            Assert.Equal(1, bad.Code);
            Assert.Contains("row 3", bad.Error);
            Assert.Contains("Annex A 5.99", bad.Error);
            Assert.Single(await File.ReadAllLinesAsync(Path.Combine(folder, "after-bad.csv")));
            Assert.Equal((0, "imported 2 policies (2 created, 0 updated) and 6 links"), (imported.Code, imported.Output.Trim()));
            Assert.Equal(0, init.Code);
            Assert.Equal("created 23 draft policies", init.Output.Trim()); // the information security policy was already there
            Assert.Contains("nothing created", again.Output);
            Assert.Equal(0, csv.Code);
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "policies.csv"));
            Assert.Equal("Title,What it covers,ISO relevance,Version,Status,Owner,Next review", lines[0]);
            Assert.Equal(26, lines.Length);
            Assert.Contains(lines, l => l.StartsWith("Logging Policy,What is logged and kept.,Annex A 8.15-8.17,1.0,draft,", StringComparison.Ordinal));
            Assert.Equal(0, zip.Code);
            using (var archive = ZipFile.OpenRead(Path.Combine(folder, "policies.zip")))
            {
                Assert.Equal(["index.csv"], archive.Entries.Select(e => e.FullName)); // nothing is published yet
            }
            Assert.Equal(1, badFormat.Code);
            Assert.Contains("docx", badFormat.Error);
            Assert.Equal(1, missing.Code);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
