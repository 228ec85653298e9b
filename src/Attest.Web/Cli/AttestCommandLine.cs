using System.CommandLine;
using Attest.Audit;
using Attest.Backup;
using Attest.Data;
using Attest.Demo;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>The `attest` verbs. Each runs the same core and database as the web app.</summary>
public static class AttestCommandLine
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Build(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages) await error.WriteLineAsync($"{field}: {message}");
            }
            return 1;
        }
        catch (Exception e) when (e is RecordNotFoundException or EditConflictException or CrossOrganizationWriteException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var database = new Option<string?>("--database")
        {
            Description = "Database connection string (\"Host=…\" for PostgreSQL, \"Data Source=FILE\" for SQLite). Default: ATTEST_DATABASE, else ./data/attest.db (ATTEST_DATA moves the folder).",
            Recursive = true,
        };
        var root = new RootCommand("Attest runs an organization's ISMS (ISO/IEC 27001) and AIMS (ISO/IEC 42001).");
        root.Options.Add(database);

        root.Subcommands.Add(ServeCommand(database, output, error));
        root.Subcommands.Add(DbCommand(database, output, error));
        root.Subcommands.Add(UserCommand(database, output, error));
        root.Subcommands.Add(AuditCommand(database, output, error));
        root.Subcommands.Add(BackupCommand(database, output, error));
        root.Subcommands.Add(RestoreCommand(database, output, error));
        root.Subcommands.Add(FrameworkCommands.Frameworks(database, output, error));
        root.Subcommands.Add(FrameworkCommands.Soa(database, output, error));
        root.Subcommands.Add(FrameworkCommands.Policies(database, output, error));
        root.Subcommands.Add(AssetCommands.Assets(database, output, error));
        root.Subcommands.Add(AssetCommands.Ai(database, output, error));
        root.Subcommands.Add(RiskCommands.Risks(database, output, error));
        root.Subcommands.Add(VulnerabilityCommands.Vulns(database, output, error));
        root.Subcommands.Add(SupplierCommands.Suppliers(database, output, error));
        root.Subcommands.Add(IncidentCommands.Incidents(database, output, error));
        root.Subcommands.Add(TrainingCommands.Training(database, output, error));
        root.Subcommands.Add(CheckCommands.Checks(database, output, error));
        root.Subcommands.Add(EvidenceCommands.Evidence(database, output, error));
        root.Subcommands.Add(PeopleCommands.People(database, output, error));
        root.Subcommands.Add(PeopleCommands.Scim(database, output, error));
        root.Subcommands.Add(AccessCommands.Access(database, output, error));
        root.Subcommands.Add(ContinuityCommands.Availability(database, output, error));
        root.Subcommands.Add(ActionCommands.Actions(database, output, error));
        root.Subcommands.Add(NonconformityCommands.Nonconformities(database, output, error));
        root.Subcommands.Add(CertificationCommands.Certification(database, output, error));
        root.Subcommands.Add(ObligationCommands.Obligations(database, output, error));
        root.Subcommands.Add(MeasureCommands.Measures(database, output, error));
        root.Subcommands.Add(PackCommands.Pack(database, output, error));
        root.Subcommands.Add(ReportCommands.Report(database, output, error));
        root.Subcommands.Add(ReminderCommands.Reminders(database, output, error));
        if (DevCommands.Enabled) root.Subcommands.Add(DevCommands.Dev(database, output, error));
        return root;
    }

    private static Command ServeCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo organization and print a login for each role." };
        var urls = new Option<string[]>("--urls") { Description = $"Address(es) to listen on (default {DefaultUrl}).", AllowMultipleArgumentsPerToken = true };
        var migrate = new Option<bool>("--migrate") { Description = "Bring a PostgreSQL database to the latest schema before starting (SQLite files always are)." };
        var command = new Command("serve", "Run the web app (UI and /api/v1).") { demo, urls, migrate };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            var listen = parse.GetValue(urls) is { Length: > 0 } given ? given : [DefaultUrl];
            var app = AttestWebApp.Build(new WebAppSettings(connection, listen));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var schema = scope.ServiceProvider.GetRequiredService<DatabaseSchema>();
                var status = await schema.StatusAsync(DatabaseProvider.Describe(connection), cancellationToken);
                if (!status.IsCurrent)
                {
                    if (DatabaseProvider.KindOf(connection) == DatabaseKind.Postgres && !parse.GetValue(migrate))
                    {
                        await error.WriteLineAsync(
                            $"{status.Database} is at schema {status.Latest ?? "(empty)"}, {status.Pending.Count} migration(s) behind this version of Attest.\n" +
                            "Back it up, then run 'attest db migrate --database \"…\"', or start with 'attest serve --migrate'.");
                        return 2;
                    }
                    var applied = await schema.MigrateAsync(cancellationToken);
                    await output.WriteLineAsync($"Migrated {status.Database}: applied {applied.Count} migration(s).");
                }
                await DatabaseProvider.PrepareAsync(scope.ServiceProvider.GetRequiredService<AttestDbContext>(), cancellationToken);
                await Frameworks.BuiltInFrameworkSync.RunForAllOrganizationsAsync(app.Services, cancellationToken);
                if (parse.GetValue(demo))
                {
                    var logins = await scope.ServiceProvider.GetRequiredService<LoadDemoOrganization>().RunAsync(cancellationToken);
                    await output.WriteLineAsync($"Demo organization '{LoadDemoOrganization.OrganizationName}' is loaded. Sign in at {listen[0]} as:");
                    foreach (var login in logins) await output.WriteLineAsync($"  {login.Role,-12} {login.Email,-28} {login.Password}");
                }
            }
            await output.WriteLineAsync($"Attest is listening on {string.Join(", ", listen)} ({DatabaseProvider.Describe(connection)}). Press Ctrl+C to stop.");
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command DbCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var migrateCommand = new Command("migrate", "Bring the database to the latest schema (creates it when empty).");
        migrateCommand.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync(cancellationToken);
            await Frameworks.BuiltInFrameworkSync.RunForAllOrganizationsAsync(services, cancellationToken);
            await output.WriteLineAsync(applied.Count == 0
                ? $"{DatabaseProvider.Describe(connection)} is already at the latest schema."
                : $"Applied {applied.Count} migration(s) to {DatabaseProvider.Describe(connection)}:\n  " + string.Join("\n  ", applied));
            return 0;
        });

        var statusCommand = new Command("status", "Show the applied and pending migrations. Exits 1 when migrations are pending.");
        statusCommand.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().StatusAsync(DatabaseProvider.Describe(connection), cancellationToken);
            await output.WriteLineAsync($"Database: {status.Database}");
            await output.WriteLineAsync($"Applied:  {status.Applied.Count} (latest: {status.Latest ?? "none"})");
            await output.WriteLineAsync($"Pending:  {status.Pending.Count}");
            foreach (var pending in status.Pending) await output.WriteLineAsync($"  {pending}");
            await output.WriteLineAsync(status.IsCurrent ? "The schema is current." : "Run 'attest db migrate' to apply the pending migrations.");
            return status.IsCurrent ? 0 : 1;
        });

        return new Command("db", "Database schema: migrate, status.") { migrateCommand, statusCommand };
    }

    private static Command UserCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address (their sign-in name).", Required = true };
        var role = new Option<OrganizationRole>("--role") { Description = "Admin, Manager, Contributor, Auditor or Employee.", Required = true };
        var organizationName = new Option<string?>("--organization") { Description = "Organization name; created when it does not exist. May be left out when there is exactly one." };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail address)." };
        var password = new Option<string?>("--password") { Description = "Password (at least 12 characters). Default: a generated one, printed once." };
        var until = new Option<DateOnly?>("--access-ends") { Description = "Last day of access (yyyy-mm-dd), e.g. for an external auditor." };
        var add = new Command("add", "Give a person a role in an organization, creating their account if needed.") { email, role, organizationName, name, password, until };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            if (!await EnsureCurrentSchemaAsync(scope.ServiceProvider, connection, error, cancellationToken)) return 2;
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.Acting.UseChannel(AuditChannel.Cli);
            var wanted = parse.GetValue(organizationName)?.Trim();
            Organization? organization;
            if (string.IsNullOrEmpty(wanted))
            {
                var all = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
                if (all.Count != 1)
                {
                    await error.WriteLineAsync(all.Count == 0
                        ? "--organization: there is no organization yet; name the one to create."
                        : "--organization: this database holds several organizations; name one of: " + string.Join(", ", all.Select(o => o.Name)));
                    return 1;
                }
                organization = all[0];
            }
            else
            {
                organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == wanted, cancellationToken);
                if (organization is null)
                {
                    organization = await scope.ServiceProvider.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization(wanted, null), null, cancellationToken);
                    await output.WriteLineAsync($"Created organization '{organization.Name}'.");
                }
            }
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Admin);
            var added = await scope.ServiceProvider.GetRequiredService<AddMember>().RunAsync(
                new NewMember(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(role), parse.GetValue(until), parse.GetValue(password)), cancellationToken);
            await output.WriteLineAsync($"{parse.GetValue(email)} is now {parse.GetValue(role)} of '{organization.Name}'.");
            if (added.GeneratedPassword is not null) await output.WriteLineAsync($"Password (shown once): {added.GeneratedPassword}");
            return 0;
        });
        return new Command("user", "Accounts and roles.") { add };
    }

    private static Command AuditCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var verify = new Command("verify", "Check every organization's audit hash chain; report the first altered or missing entry. Exits 1 when one is broken.");
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            if (!await EnsureCurrentSchemaAsync(scope.ServiceProvider, connection, error, cancellationToken)) return 2;
            var results = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>().RunAsync(null, cancellationToken);
            var broken = 0;
            foreach (var result in results)
            {
                if (result.IsIntact) await output.WriteLineAsync($"OK      {result.OrganizationName}: {result.EntriesChecked} entries, chain intact.");
                else
                {
                    broken++;
                    await output.WriteLineAsync($"BROKEN  {result.OrganizationName}: {result.Problem}.");
                }
            }
            if (results.Count == 0) await output.WriteLineAsync("There are no organizations.");
            return broken == 0 ? 0 : 1;
        });
        return new Command("audit", "The audit trail.") { verify };
    }

    private static Command BackupCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The backup file to write (a ZIP)." };
        var organizationName = new Option<string?>("--organization") { Description = "Which organization (may be left out when there is exactly one)." };
        var command = new Command("backup", "Write one organization's records, history and files to FILE, restorable on SQLite or PostgreSQL.") { file, organizationName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            if (!await EnsureCurrentSchemaAsync(scope.ServiceProvider, connection, error, cancellationToken)) return 2;
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var organization = await PickOrganizationAsync(db, parse.GetValue(organizationName), preferDemo: false, error, cancellationToken);
            if (organization is null) return 1;
            var target = parse.GetValue(file)!;
            var temporary = target.FullName + ".partial";
            BackupManifest manifest;
            await using (var stream = File.Create(temporary))
            {
                manifest = await scope.ServiceProvider.GetRequiredService<BackupOrganization>().RunAsync(organization.Value.Id, stream, cancellationToken);
            }
            File.Move(temporary, target.FullName, overwrite: true);
            await output.WriteLineAsync($"Backed up '{manifest.OrganizationName}' to {target.FullName}: {manifest.Records.Values.Sum()} records.");
            await output.WriteLineAsync("The file holds password hashes and MFA keys: keep it as safe as the database.");
            return 0;
        });
        return command;
    }

    private static Command RestoreCommand(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup written by 'attest backup'." };
        var command = new Command("restore", "Restore an organization from FILE into a database that does not hold it (migrates an empty database first).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            await using var services = CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            var schema = scope.ServiceProvider.GetRequiredService<DatabaseSchema>();
            var status = await schema.StatusAsync(DatabaseProvider.Describe(connection), cancellationToken);
            if (status.Applied.Count == 0) await schema.MigrateAsync(cancellationToken);
            else if (!status.IsCurrent)
            {
                await error.WriteLineAsync($"{status.Database} is {status.Pending.Count} migration(s) behind: run 'attest db migrate' first.");
                return 2;
            }
            await using var stream = source.OpenRead();
            var manifest = await scope.ServiceProvider.GetRequiredService<RestoreOrganization>().RunAsync(stream, cancellationToken);
            await output.WriteLineAsync($"Restored '{manifest.OrganizationName}' ({manifest.Records.Values.Sum()} records, backed up {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC).");
            return 0;
        });
        return command;
    }

    internal static ServiceProvider CoreServices(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAttestCore(connection);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The organization a verb works on: the named one, else the only one, else (where <paramref name="preferDemo"/>)
    /// the demo organization. Says what to name and returns null when it cannot tell.
    /// </summary>
    internal static async Task<(Guid Id, string Name)?> PickOrganizationAsync(AttestDbContext db, string? wanted, bool preferDemo, TextWriter error, CancellationToken cancellationToken)
    {
        var all = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var name = wanted?.Trim();
        var organization = !string.IsNullOrEmpty(name) ? all.FirstOrDefault(o => o.Name == name)
            : all.Count == 1 ? all[0]
            : preferDemo ? all.FirstOrDefault(o => o.Name == LoadDemoOrganization.OrganizationName)
            : null;
        if (organization is not null) return (organization.Id, organization.Name);
        await error.WriteLineAsync(!string.IsNullOrEmpty(name)
            ? $"--organization: there is no organization named '{name}'."
            : "--organization: name one of: " + (all.Count == 0 ? "(there are none yet)" : string.Join(", ", all.Select(o => o.Name))));
        return null;
    }

    internal static async Task<bool> EnsureCurrentSchemaAsync(IServiceProvider services, string connection, TextWriter error, CancellationToken cancellationToken)
    {
        var status = await services.GetRequiredService<DatabaseSchema>().StatusAsync(DatabaseProvider.Describe(connection), cancellationToken);
        if (status.IsCurrent) return true;
        await error.WriteLineAsync(status.Applied.Count == 0
            ? $"{status.Database} has no Attest schema yet: run 'attest db migrate' first."
            : $"{status.Database} is {status.Pending.Count} migration(s) behind: run 'attest db migrate' first.");
        return false;
    }
}
