using Attest.Data;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Objectives;

public sealed class MeasureCommandTests
{
    [Fact]
    public async Task MeasuresSnapshotAndList_PrintWhatWasTaken_AndOneLinePerMeasure()
    {
        await using var database = await Attest.Tests.Support.TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        Assert.Equal((0, "No measures."), await ListAsync());

        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            var owner = await context.Users.Select(u => u.Id).SingleAsync();
            var objective = await scope.ServiceProvider.GetRequiredService<SaveObjective>().RunAsync(null, new ObjectiveInput("Close actions on time", ObjectiveKind.Strategic, owner));
            var save = scope.ServiceProvider.GetRequiredService<SaveMeasure>();
            await save.RunAsync(null, new MeasureInput(objective, "Overdue corrective actions", MeasureSource.Computed, TargetComparison.EqualTo, 0, MeasureDirection.LowerIsBetter,
                MeasureUnit.Count, "actions.overdue"));
            await save.RunAsync(null, new MeasureInput(objective, "Client satisfaction, by survey", MeasureSource.Manual, TargetComparison.AtLeast, 4.2m,
                MeasureDirection.HigherIsBetter, MeasureUnit.Number, DataSourceNote: "Survey"));
        }

        var snapshot = await AttestAsync("measures", "snapshot", "--database", db);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = today.Day == DateTime.DaysInMonth(today.Year, today.Month) ? today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : $"{new DateOnly(today.Year, today.Month, 1):yyyy-MM-dd} to {today:yyyy-MM-dd}";
        Assert.Equal((0, $"{period}: measured 1, no data 0"), (snapshot.Code, snapshot.Output.Trim()));

        var (code, table) = await ListAsync();
        Assert.Equal(0, code);
        var lines = table.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches("^OBJECTIVE +MEASURE +VALUE +TARGET +STATUS$", lines[0]);
        Assert.Matches("^OBJ-01 Close actions on time +Overdue corrective actions +0 += 0 +Green$", lines[1]);
        Assert.Matches("^OBJ-01 Close actions on time +Client satisfaction, by survey +— +≥ 4.2 +NoData$", lines[2]);

        var csv = await AttestAsync("measures", "list", "--format", "csv", "--database", db);
        Assert.Equal(["objective,measure,value,target,status", "OBJ-01 Close actions on time,Overdue corrective actions,0,= 0,Green",
            "OBJ-01 Close actions on time,\"Client satisfaction, by survey\",—,≥ 4.2,NoData"], csv.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        var wrong = await AttestAsync("measures", "list", "--format", "xml", "--database", db);
        Assert.Equal((1, "--format: 'xml' is not a format here; use table or csv."), (wrong.Code, wrong.Error.Trim()));

        async Task<(int, string)> ListAsync()
        {
            var list = await AttestAsync("measures", "list", "--database", db);
            return (list.Code, list.Output.Trim().Replace("\r", "", StringComparison.Ordinal));
        }
    }
}
