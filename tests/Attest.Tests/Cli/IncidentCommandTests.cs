using Attest.Data;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class IncidentCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IncidentsExport_WritesCsvAndXlsx_WithTimesToDetectAndContainAndSlaMet(string provider)
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
            var start = Instant.Now(context.Clock).AddDays(-3);
            var id = await scope.ServiceProvider.GetRequiredService<ReportIncident>().RunAsync(new IncidentReportInput("Ransomware on a laptop", null, IncidentCategory.Malware,
                IncidentSeverity.Critical, start, start.AddMinutes(40)));
            await scope.ServiceProvider.GetRequiredService<ChangeIncidentStatus>().RunAsync(id, IncidentStatus.Contained, start.AddMinutes(220), null, 1);
        }
        var folder = Directory.CreateTempSubdirectory("attest-incidents-").FullName;
        try
        {
            var csv = await AttestAsync("incidents", "export", "--format", "csv", "-o", Path.Combine(folder, "incidents.csv"), "--database", db);
            var xlsx = await AttestAsync("incidents", "export", "--format", "xlsx", "-o", Path.Combine(folder, "incidents.xlsx"), "--database", db, "--organization", "Acme");
            var bad = await AttestAsync("incidents", "export", "--format", "pdf", "-o", Path.Combine(folder, "incidents.pdf"), "--database", db);

            Assert.Equal((0, ""), (csv.Code, csv.Error));
            Assert.Contains("exported the incident register (csv)", csv.Output);
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "incidents.csv"));
            Assert.Equal(string.Join(",", IncidentExport.Columns), lines[0]);
            Assert.Equal(2, lines.Length);
            var cells = lines[1].Split(',');
            string Cell(string column) => cells[Array.IndexOf(IncidentExport.Columns.ToArray(), column)];
            Assert.Equal(("INC-0001", "Critical", "Contained", "40 min", "3 h 0 min", "yes"),
                (Cell("Reference"), Cell("Severity"), Cell("Status"), Cell("Time to detect"), Cell("Time to contain"), Cell("SLA met")));

            Assert.Equal(0, xlsx.Code);
            var sheet = MiniExcel.Query(Path.Combine(folder, "incidents.xlsx"), useHeaderRow: true, sheetName: IncidentExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(("INC-0001", "no"), ((string)sheet.Single()["Reference"]!, (string)sheet.Single()["Personal data"]!));
            Assert.Equal(180.0, Convert.ToDouble(sheet.Single()["Minutes to contain"], System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(1, bad.Code);
            Assert.Contains("'pdf' is not a format here", bad.Error);
            Assert.False(File.Exists(Path.Combine(folder, "incidents.pdf")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
