using Attest.Data;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Cli;

public sealed class CommandLineTests
{
    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> AttestAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AttestCommandLine.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_ListsEveryVerb_AndEachVerbHasItsOwnHelp()
    {
        var root = await AttestAsync("--help");

        Assert.Equal(0, root.ExitCode);
        foreach (var verb in new[] { "serve", "db", "user", "audit", "backup", "restore" }) Assert.Contains(verb, root.Output);
        foreach (var verb in new[] { new[] { "serve" }, ["db", "migrate"], ["db", "status"], ["user", "add"], ["audit", "verify"], ["backup"], ["restore"] })
        {
            var help = await AttestAsync([.. verb, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Usage:", help.Output);
        }
        Assert.Contains("--demo", (await AttestAsync("serve", "--help")).Output);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DbStatus_ReportsPendingMigrations_UntilDbMigrateAppliesThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var before = await AttestAsync("db", "status", "--database", database.ConnectionString);
        var migrate = await AttestAsync("db", "migrate", "--database", database.ConnectionString);
        var after = await AttestAsync("db", "status", "--database", database.ConnectionString);
        var again = await AttestAsync("db", "migrate", "--database", database.ConnectionString);

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("Run 'attest db migrate'", before.Output);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Applied", migrate.Output);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("The schema is current.", after.Output);
        Assert.Contains("already at the latest schema", again.Output);
    }

    [Fact]
    public async Task Serve_RefusesAnOlderPostgresSchema_AndSaysHowToMigrate()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");

        var run = await AttestAsync("serve", "--database", database.ConnectionString, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("attest db migrate", run.Error);
        Assert.Contains("--migrate", run.Error);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UserAdd_CreatesTheOrganizationAndAccount_AndPrintsAGeneratedPasswordOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AttestAsync("db", "migrate", "--database", database.ConnectionString);

        var first = await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var second = await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "auditor@firm.example", "--role", "Auditor", "--access-ends", "2027-03-31");
        var duplicate = await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "ciso@acme.example", "--role", "Admin");
        var badEmail = await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "not-an-address", "--role", "Admin");
        var badRole = await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "x@acme.example", "--role", "Overlord");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Created organization 'Acme'", first.Output);
        var password = first.Output.Split("Password (shown once): ")[1].Trim();
        Assert.True(password.Length >= 12);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already a member", duplicate.Error);
        Assert.Equal(1, badEmail.ExitCode);
        Assert.Contains("Email: 'not-an-address' is not an e-mail address.", badEmail.Error);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Contains("Overlord", badRole.Error);

        await using var db = DatabaseProvider.CreateContext(database.ConnectionString, ActingContext.System(), TimeProvider.System);
        var auditor = await db.Memberships.IgnoreQueryFilters().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.AccessEndsOn })
            .SingleAsync(x => x.Email == "auditor@firm.example");
        Assert.Equal(new DateOnly(2027, 3, 31), auditor.AccessEndsOn);
        var entries = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.RecordType == "Membership").ToListAsync();
        Assert.All(entries, e => Assert.Equal(Attest.Audit.AuditChannel.Cli, e.Channel));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditVerify_ExitsZeroForAnIntactChain_AndOneNamingTheEntryAfterTampering(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AttestAsync("db", "migrate", "--database", database.ConnectionString);
        await AttestAsync("user", "add", "--database", database.ConnectionString, "--email", "a@acme.example", "--role", "Admin", "--organization", "Acme");

        var intact = await AttestAsync("audit", "verify", "--database", database.ConnectionString);
        await using (var db = DatabaseProvider.CreateContext(database.ConnectionString, ActingContext.System(), TimeProvider.System))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'somebody else' WHERE \"Sequence\" = 2");
        }
        var tampered = await AttestAsync("audit", "verify", "--database", database.ConnectionString);

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("OK      Acme", intact.Output);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("BROKEN  Acme: entry 2", tampered.Output);
    }

    [Fact]
    public async Task BackupAndRestore_MoveAnOrganizationBetweenDatabases_AndRefuseToOverwrite()
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await using var target = await TestDatabase.CreateAsync("postgres");
        await AttestAsync("db", "migrate", "--database", source.ConnectionString);
        await AttestAsync("user", "add", "--database", source.ConnectionString, "--email", "a@acme.example", "--role", "Admin", "--organization", "Acme");
        var file = Path.Combine(Path.GetTempPath(), $"attest-backup-{Guid.NewGuid():N}.zip");
        try
        {
            var backup = await AttestAsync("backup", file, "--database", source.ConnectionString);
            var restore = await AttestAsync("restore", file, "--database", target.ConnectionString);
            var twice = await AttestAsync("restore", file, "--database", target.ConnectionString);
            var missing = await AttestAsync("restore", file + ".nope", "--database", target.ConnectionString);
            var verify = await AttestAsync("audit", "verify", "--database", target.ConnectionString);

            Assert.Equal(0, backup.ExitCode);
            Assert.Contains("Backed up 'Acme'", backup.Output);
            Assert.Equal(0, restore.ExitCode);
            Assert.Contains("Restored 'Acme'", restore.Output);
            Assert.Equal(1, twice.ExitCode);
            Assert.Contains("already exists", twice.Error);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("does not exist", missing.Error);
            Assert.Equal(0, verify.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
