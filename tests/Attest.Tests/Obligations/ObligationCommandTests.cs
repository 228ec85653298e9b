using Attest.Data;
using Attest.Obligations;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Obligations;

public sealed class ObligationCommandTests
{
    [Fact]
    public async Task ObligationsExport_WritesTheRegisterAsCsvOrXlsx_AndRefusesOtherFormats()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            var today = await ObligationRegister.TodayAsync(context);
            var save = scope.ServiceProvider.GetRequiredService<SaveObligation>();
            await save.RunAsync(null, new ObligationInput("UK GDPR", Source: "UK GDPR", Status: ComplianceStatus.Compliant, Requirements: "gdpr Art. 32"));
            await save.RunAsync(null, new ObligationInput("Company registration", ObligationKind.Licence, Holder: "Acme Ltd", IssuingBody: "ICO", LicenceNumber: "ZA1",
                ValidUntil: today.AddDays(100), RenewalLeadDays: 30));
        }

        var csv = Path.Combine(Path.GetTempPath(), $"obligations-{Guid.NewGuid():N}.csv");
        var xlsx = Path.ChangeExtension(csv, ".xlsx");
        try
        {
            var export = await AttestAsync("obligations", "export", "--format", "csv", "-o", csv, "--database", db);
            Assert.Equal(0, export.Code);
            var lines = await File.ReadAllLinesAsync(csv);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("OB-001,UK GDPR,Regulation,UK GDPR,,,Compliant,", lines[1]);
            Assert.Contains(",gdpr Art. 32,,,", lines[1]);
            Assert.Contains(",Acme Ltd,,ICO,ZA1,,", lines[2]);
            Assert.Contains(",30,valid,100,", lines[2]);
            Assert.Equal(0, (await AttestAsync("obligations", "export", "--format", "xlsx", "-o", xlsx, "--database", db)).Code);
            Assert.Equal(2, MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: ObligationExport.SheetName).Count());
            var refused = await AttestAsync("obligations", "export", "--format", "pdf", "-o", csv, "--database", db);
            Assert.Equal((1, "--format: 'pdf' is not a format here; use csv or xlsx."), (refused.Code, refused.Error.Trim()));
        }
        finally
        {
            File.Delete(csv);
            File.Delete(xlsx);
        }
    }
}
