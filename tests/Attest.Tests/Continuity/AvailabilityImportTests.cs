using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attest.Accounts;
using Attest.Continuity;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Continuity;

public sealed class AvailabilityImportTests
{
    private static int Current => OrganizationTime.Month(DateOnly.FromDateTime(DateTime.UtcNow));
    private static string Ago(int months) => OrganizationTime.MonthText(OrganizationTime.AddMonths(Current, -months));

    private static async Task<Guid> AddServiceAsync(TestApp app, TestOrganization organization, string name) =>
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput(name)));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFileWithBadRows_NamesEveryRowAndColumn_AndImportsNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddServiceAsync(app, organization, "Agent platform");
        var csv = $"Service,Month,Uptime %,Downtime (minutes),Note\r\n" +
                  $"Agent platform,{Ago(2)},99.95,,\r\n" +
                  $"Agent platfrom,{Ago(1)},99.9,,\r\n" +
                  $"Agent platform,{Ago(1)},ninety,,\r\n" +
                  $"Agent platform,2999-01,99.9,-4,\r\n" +
                  $"Agent platform,{Ago(2)},99.9,,\r\n";
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportAvailability>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "uptime.csv")));
        var errors = refused.Errors["File"];
        Assert.Contains("row 3, column Service: no monitored service is named 'Agent platfrom'; add it under Continuity → Availability first.", errors);
        Assert.Contains("row 4, column Uptime: 'ninety' is not a percentage such as 99.95.", errors);
        Assert.Contains(errors, e => e.StartsWith("row 5, column Month: 2999-01 has not started yet", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 5, column Downtime: must be 0 to", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 6, column Month: Agent platform", StringComparison.Ordinal) && e.EndsWith("is also on row 2.", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.CountAsync()));

        var noColumn = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportAvailability>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes("Service,Month\r\nAgent platform,2026-01\r\n")), "uptime.csv")));
        Assert.Contains("has no Uptime column", noColumn.Errors["File"].Single());
        var wrongType = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportAvailability>().RunAsync(new MemoryStream([1, 2, 3]), "uptime.pdf")));
        Assert.Contains("use .csv or .xlsx", wrongType.Errors["File"].Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AGoodFile_ImportsEveryMonth_AndImportingItAgainChangesNothing_FromCsvXlsxAndTheApi(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var platform = await AddServiceAsync(app, organization, "Agent platform");
        await AddServiceAsync(app, organization, "Client web app");
        var csv = "Service;Month;Uptime;Note\r\n" +
                  $"agent platform;{Ago(2)};99,95;\r\n" +
                  $"Agent platform;{Ago(1)};99.5 %;Regional outage\r\n" +
                  $"Client web app;{Ago(1)};100;\r\n";
        Task<AvailabilityImportResult> ImportAsync(byte[] content, string name) => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportAvailability>().RunAsync(new MemoryStream(content), name));
        Assert.Equal(new AvailabilityImportResult(3, 0, 0), await ImportAsync(Encoding.UTF8.GetBytes(csv), "uptime.csv"));
        var audit = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.CountAsync());
        Assert.Equal(new AvailabilityImportResult(0, 0, 3), await ImportAsync(Encoding.UTF8.GetBytes(csv), "uptime.csv"));
        Assert.Equal(audit, await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.CountAsync()));
        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.Where(r => r.ServiceId == platform).OrderBy(r => r.Month)
            .Select(r => new { r.UptimePercent, r.Note, r.Source }).ToListAsync());
        Assert.Equal([99.95, 99.5], stored.Select(r => r.UptimePercent));
        Assert.Equal(("Regional outage", AvailabilitySource.Import), (stored[1].Note, stored[1].Source));

        // The same months from a workbook, one changed: one update, the rest unchanged.
        var xlsx = Attest.Documents.Spreadsheets.Xlsx("Availability", ["Service", "Month", "Uptime"], [20, 10, 10],
            [["Agent platform", Ago(2), 99.95], ["Agent platform", Ago(1), 99.4], ["Client web app", Ago(1), 100.0]]);
        Assert.Equal(new AvailabilityImportResult(0, 1, 2), await ImportAsync(xlsx, "uptime.xlsx"));

        // The API takes the file as the body; a Contributor may not import.
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.ReadWrite)).Token);
        var response = await manager.PostAsync("/api/v1/continuity/availability/import?fileName=uptime.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync("/api/v1/continuity/availability/import?fileName=uptime.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)))).StatusCode);
        var bad = await manager.PostAsync("/api/v1/continuity/availability/import?fileName=uptime.csv", new ByteArrayContent(Encoding.UTF8.GetBytes("Service,Month,Uptime\r\nNope,2026-01,99\r\n")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AvailabilityImport_WorksFromTheCommandLine_AndABadFileExitsNonZeroChangingNothing(string provider)
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
            await scope.ServiceProvider.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput("Agent platform"));
        }
        var folder = Directory.CreateTempSubdirectory("attest-availability-");
        try
        {
            var good = Path.Combine(folder.FullName, "uptime.csv");
            await File.WriteAllTextAsync(good, $"Service,Month,Uptime\r\nAgent platform,{Ago(2)},99.95\r\nAgent platform,{Ago(1)},99.8\r\n");
            var (code, output, _) = await AttestAsync("availability", "import", good, "--database", db);
            Assert.Equal(0, code);
            Assert.Equal("imported availability: 2 new months, 0 updated, 0 unchanged", output.Trim());
            Assert.Equal("imported availability: 0 new months, 0 updated, 2 unchanged", (await AttestAsync("availability", "import", good, "--database", db)).Output.Trim());

            var bad = Path.Combine(folder.FullName, "bad.csv");
            await File.WriteAllTextAsync(bad, $"Service,Month,Uptime\r\nAgent platform,{Ago(3)},99.9\r\nAgent platform,{Ago(4)},lots\r\n");
            var (badCode, _, error) = await AttestAsync("availability", "import", bad, "--database", db);
            Assert.Equal(1, badCode);
            Assert.Contains("row 3, column Uptime: 'lots' is not a percentage", error);
            Assert.Equal(1, (await AttestAsync("availability", "import", Path.Combine(folder.FullName, "missing.csv"), "--database", db)).Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            Assert.Equal(2, await context.AvailabilityRecords.IgnoreQueryFilters().CountAsync());
        }
    }
}
