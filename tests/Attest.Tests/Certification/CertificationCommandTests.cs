using Attest.Certification;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Certification;

public sealed class CertificationCommandTests
{
    [Fact]
    public async Task CertificationStatus_PrintsOneLinePerActiveProgramme_InTheFieldsScriptsRead()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var none = await AttestAsync("certification", "status", "--database", db);
        Assert.Equal((0, "No active certification programmes."), (none.Code, none.Output.Trim()));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            var save = scope.ServiceProvider.GetRequiredService<SaveProgramme>();
            await save.RunAsync(null, new ProgrammeInput("SOC 2", "SOC 2 Type II", "none", null, today.AddDays(100)));
            await save.RunAsync(null, new ProgrammeInput("Old", "ISO 9001:2015", "none", null, today.AddDays(10), Archived: true));
            var iso = await save.RunAsync(null, new ProgrammeInput("ISMS", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-8), today.AddDays(-60)));
            await scope.ServiceProvider.GetRequiredService<SaveCertificate>().RunAsync(iso, null, new CertificateInput("IS 1", today.AddDays(-30), today.AddDays(1000)));
        }

        var status = await AttestAsync("certification", "status", "--database", db);
        Assert.Equal(0, status.Code);
        var lines = status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        // Readiness is computed from the records (none here); its number is the readiness rules' business, not this command's.
        Assert.Matches($"^ISO/IEC 27001:2022  target {today.AddDays(-60):yyyy-MM-dd}  milestones 1/12  readiness \\d+%  days to target -60  late  certified until {today.AddDays(1000):yyyy-MM-dd}$", lines[0]);
        Assert.Equal($"SOC 2 Type II  target {today.AddDays(100):yyyy-MM-dd}  milestones 0/12  readiness n/a  days to target 100  on track", lines[1]);
    }
}
