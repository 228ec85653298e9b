using Attest.Data;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class AccessCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AccessImport_CreatesTheSystem_ReplacesItsAccounts_AndABadFileChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-access-").FullName;
        try
        {
            var first = Path.Combine(folder, "aws.csv");
            var recent = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd");
            await File.WriteAllTextAsync(first, $"""
                Username,Email,Role,Admin,Last login
                ciso,ciso@acme.example,AdministratorAccess,yes,{recent}
                svc-backup,,Backup,no,
                dev,dev@acme.example,ReadOnly,no,{recent}
                """);
            var second = Path.Combine(folder, "aws-later.csv");
            var latest = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
            await File.WriteAllTextAsync(second, $"""
                Username,Email,Role,Admin,Last login
                ciso,ciso@acme.example,AdministratorAccess,yes,{latest}
                svc-backup,,Backup,no,
                """);
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, """
                Username,Email,Role,Admin,Last login
                ciso,ciso@acme.example,AdministratorAccess,perhaps,2026-11-20
                ,,,,
                x,not an email,Backup,no,31.02.2026
                """);

            var created = await AttestAsync("access", "import", first, "--system", "AWS console", "--database", db, "--organization", "Acme");
            var bad = await AttestAsync("access", "import", broken, "--system", "AWS console", "--database", db);
            var badNewSystem = await AttestAsync("access", "import", broken, "--system", "GCP", "--database", db);
            var replaced = await AttestAsync("access", "import", second, "--system", "AWS console", "--database", db);
            var missing = await AttestAsync("access", "import", Path.Combine(folder, "nope.csv"), "--system", "AWS console", "--database", db);
            var noSystem = await AttestAsync("access", "import", first, "--database", db);

            Assert.Equal(0, created.Code);
            var lines = created.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Equal("AWS console (new system): 3 added, 0 updated, 0 removed, 0 unchanged", lines[0]);
            Assert.Equal("flagged: 3 without a matching person, 0 of leavers, 1 privileged, 1 unused", lines[1]);
            Assert.Equal(1, bad.Code);
            var errors = bad.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Equal("File: row 2, column Admin: 'perhaps' is not yes/no (use yes, no, true, false, 1 or 0).", errors[0]);
            Assert.Contains(errors, e => e.StartsWith("File: row 4, column Last login: '31.02.2026' is not a date", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("File: row 4, column Email: 'not an email' is not an e-mail address", StringComparison.Ordinal));
            Assert.Equal(1, badNewSystem.Code);
            Assert.True(replaced.Output.StartsWith("AWS console: 0 added, 1 updated, 1 removed, 1 unchanged", StringComparison.Ordinal), replaced.Output + replaced.Error + File.ReadAllText(second));
            Assert.Equal(1, missing.Code);
            Assert.Contains("nope.csv does not exist", missing.Error);
            Assert.NotEqual(0, noSystem.Code);

            await using var services = AttestCommandLine.CoreServices(db);
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, Attest.Organizations.OrganizationRole.Admin);
            Assert.Equal(["AWS console"], await context.AccessSystems.Select(s => s.Name).ToListAsync());
            var grants = await context.AccessGrants.OrderBy(g => g.Account).Select(g => new { g.Account, g.RemovedOn, g.LastUsedOn }).ToListAsync();
            Assert.Equal(["ciso", "dev", "svc-backup"], grants.Select(g => g.Account).ToArray());
            Assert.NotNull(grants[1].RemovedOn);
            Assert.Equal(DateOnly.Parse(latest), grants[0].LastUsedOn);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
