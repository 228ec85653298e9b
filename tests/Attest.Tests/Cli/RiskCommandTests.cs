using System.Text.RegularExpressions;
using Attest.Data;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class RiskCommandTests
{
    private const string Header =
        "Reference,Title,Owner,Inherent likelihood,Inherent impact,Inherent level,Treatment,Residual likelihood,Residual impact,Residual level,Accepted by,Accepted on,Status";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RisksImportExport_WorkFromTheCommandLine_AndABadFileChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
            await new SaveRiskMethodology(context).FromTemplateAsync("5x5");
            var owner = await context.Users.Where(u => u.Email == "ciso@acme.example").Select(u => u.Id).SingleAsync();
            var save = scope.ServiceProvider.GetRequiredService<SaveRisk>();
            await save.RunAsync(null, new RiskInput("Phishing of staff", OwnerId: owner, InherentLikelihood: 4, InherentImpact: 3, Treatment: RiskTreatment.Mitigate,
                ResidualLikelihood: 2, ResidualImpact: 2, Status: RiskStatus.InTreatment));
            await save.RunAsync(null, new RiskInput("Cloud region outage", Category: "Cloud infrastructure"));
        }
        var folder = Directory.CreateTempSubdirectory("attest-risks-").FullName;
        try
        {
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, """
                Reference,Title,Owner,Inherent likelihood,Inherent impact
                ,Supplier breach,ciso@acme.example,3,3
                R-001,Phishing of staff,ciso@acme.example,9,3
                ,Insider,nobody@acme.example,,
                """);
            var added = Path.Combine(folder, "added.csv");
            await File.WriteAllTextAsync(added, """
                Reference,Title,Owner,Inherent likelihood,Inherent impact,Treatment,Status
                ,Supplier breach,ciso@acme.example,3,3,transfer,in treatment
                """);

            var csv = await AttestAsync("risks", "export", "--format", "csv", "-o", Path.Combine(folder, "risks.csv"), "--database", db);
            var bad = await AttestAsync("risks", "import", broken, "--database", db, "--organization", "Acme");
            var afterBad = await AttestAsync("risks", "export", "--format", "csv", "-o", Path.Combine(folder, "after-bad.csv"), "--database", db);
            var same = await AttestAsync("risks", "import", Path.Combine(folder, "risks.csv"), "--database", db);
            var imported = await AttestAsync("risks", "import", added, "--database", db, "--organization", "Acme");
            var xlsx = await AttestAsync("risks", "export", "--format", "XLSX", "-o", Path.Combine(folder, "risks.xlsx"), "--database", db, "--organization", "Acme");
            var xlsxAgain = await AttestAsync("risks", "import", Path.Combine(folder, "risks.xlsx"), "--database", db);
            var badFormat = await AttestAsync("risks", "export", "--format", "docx", "-o", Path.Combine(folder, "risks.docx"), "--database", db);
            var missing = await AttestAsync("risks", "import", Path.Combine(folder, "nope.csv"), "--database", db);
            var otherOrganization = await AttestAsync("risks", "export", "--format", "csv", "-o", Path.Combine(folder, "x.csv"), "--database", db, "--organization", "Nobody Inc");
            var help = await AttestAsync("risks", "import", "--help");

            Assert.Equal((0, ""), (csv.Code, csv.Error));
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "risks.csv"));
            Assert.StartsWith(Header + ",", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("R-001,Phishing of staff,ciso@acme.example,4,3,High,Mitigate,2,2,Low,,,InTreatment,", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("R-002,Cloud region outage,,,,,Undecided,,,,,,Identified,Cloud infrastructure,", lines[2], StringComparison.Ordinal);

            Assert.Equal(1, bad.Code);
            var errors = bad.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal(
                new[]
                {
                    "File: row 3: Inherent likelihood: 9 is not on the scale of methodology v1: use 1 to 5 (Rare, Unlikely, Possible, Likely, Almost certain).",
                    "File: row 4: Owner: 'nobody@acme.example' is not a member of this organization.",
                },
                errors);
            Assert.Equal(0, afterBad.Code);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder, "risks.csv")), await File.ReadAllTextAsync(Path.Combine(folder, "after-bad.csv"))); // nothing changed

            Assert.Equal((0, "imported 0 new risks; 0 updated"), (same.Code, same.Output.Trim()));
            Assert.Equal((0, "imported 1 new risk; 0 updated"), (imported.Code, imported.Output.Trim()));
            Assert.Equal(0, xlsx.Code);
            var sheet = MiniExcel.Query(Path.Combine(folder, "risks.xlsx"), useHeaderRow: true, sheetName: RiskRegisterExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(new[] { "R-001", "R-002", "R-003" }, sheet.Select(r => (string)r["Reference"]!));
            Assert.Equal(("Transfer", "InTreatment", "Medium"), ((string)sheet[2]["Treatment"]!, (string)sheet[2]["Status"]!, (string)sheet[2]["Inherent level"]!));
            Assert.Equal((0, "imported 0 new risks; 0 updated"), (xlsxAgain.Code, xlsxAgain.Output.Trim()));
            Assert.Equal(1, badFormat.Code);
            Assert.Contains("docx", badFormat.Error);
            Assert.Equal(1, missing.Code);
            Assert.Contains("nope.csv does not exist", missing.Error);
            Assert.NotEqual(0, otherOrganization.Code);
            Assert.Contains("Nobody Inc", otherOrganization.Error);
            Assert.Contains("imported 2 new risks; 1 updated", Regex.Replace(help.Output, @"\s+", " "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
