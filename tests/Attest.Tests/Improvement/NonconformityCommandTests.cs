using Attest.Data;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Improvement;

public sealed class NonconformityCommandTests
{
    [Fact]
    public async Task NonconformitiesListAndExport_ShowTheRegisterFromTheCommandLine()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            var owner = await context.Users.Where(u => u.Email == "ciso@acme.example").Select(u => u.Id).SingleAsync();
            var raise = scope.ServiceProvider.GetRequiredService<RaiseNonconformity>();
            await raise.RunAsync(new NonconformityInput("Access reviews late", FindingGrade.Minor, RaisedOn: today.AddDays(-12), OwnerId: owner, DueOn: today.AddDays(-2)));
            var observation = await raise.RunAsync(new NonconformityInput("Badges reused", FindingGrade.Observation));
            await scope.ServiceProvider.GetRequiredService<CloseObservation>().RunAsync(observation, "Badges expire daily now.", 1);
        }

        var overdue = await AttestAsync("nonconformities", "list", "--overdue", "--database", db);
        Assert.Equal(0, overdue.Code);
        Assert.Equal([$"NC-001  Minor  Open  12 d  {today.AddDays(-2):yyyy-MM-dd} (overdue)  ciso@acme.example  Access reviews late", "1 nonconformity"],
            overdue.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.EndsWith("2 nonconformities", (await AttestAsync("nonconformities", "list", "--database", db)).Output.Trim());

        var file = Path.Combine(Path.GetTempPath(), $"nonconformities-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(0, (await AttestAsync("nonconformities", "export", "--format", "csv", "-o", file, "--database", db)).Code);
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(string.Join(",", NonconformityExport.Columns), lines[0]);
            Assert.StartsWith($"NC-002,Badges reused,Observation,Raised by hand,,,,,{today:yyyy-MM-dd},,Closed,{today:yyyy-MM-dd},0,no,", lines[2]);
            var refused = await AttestAsync("nonconformities", "export", "--format", "pdf", "-o", file, "--database", db);
            Assert.Equal(1, refused.Code);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
