using Attest.Checks;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's automated checks, aimed at the demo itself: the security headers and TLS of its own Attest endpoint, its
/// database (PostgreSQL settings when it runs on PostgreSQL; on SQLite, a command check that the database file is not readable by other
/// users — command checks are switched on for the demo), and a nightly backup job that pushes its results. The scheduler runs the due
/// ones shortly after `attest serve` starts; the backup job has a week of pushed results already.
/// </summary>
public sealed class DemoChecks(AttestDbContext db, SaveCheck save, IssuePushToken issueToken, RunCheck run, ChangeCommandChecks commandChecks)
{
    /// <summary>Where `attest serve --demo` listens unless told otherwise.</summary>
    public const string Endpoint = "127.0.0.1:5080";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        if (await db.Checks.AnyAsync(cancellationToken)) return;
        var controls = await db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        IReadOnlyList<Guid> Controls(params string[] references) => references.Where(controls.ContainsKey).Select(r => controls[r]).ToList();
        var ciso = people[OrganizationRole.Manager];
        var cto = people[OrganizationRole.Contributor];

        await save.RunAsync(null, new CheckInput("Attest security headers", CheckKind.HttpHeaders, $"http://{Endpoint}/", "", "0 * * * *",
            OwnerId: ciso, ControlIds: Controls("CTL-006", "CTL-007")), cancellationToken);
        await save.RunAsync(null, new CheckInput("Attest TLS certificate", CheckKind.Tls, Endpoint, """{"minDaysToExpiry": 21}""", "0 6 * * *",
            OwnerId: ciso, ControlIds: Controls("CTL-006")), cancellationToken);

        var connection = db.Database.GetConnectionString() ?? "";
        if (db.Kind == DatabaseKind.Postgres)
        {
            await save.RunAsync(null, new CheckInput("Attest database settings", CheckKind.Postgres, "", "", "30 6 * * *", OwnerId: cto,
                ControlIds: Controls("CTL-006", "CTL-012"), Secret: connection), cancellationToken);
        }
        else
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            var version = await db.Organizations.Where(o => o.Id == db.CurrentOrganizationId).Select(o => o.Version).SingleAsync(cancellationToken);
            await commandChecks.RunAsync(true, version, cancellationToken);
            await save.RunAsync(null, new CheckInput("Attest database file permissions", CheckKind.Command,
                $"f='{file.Replace("'", "", StringComparison.Ordinal)}'; test -s \"$f\" && test \"$(stat -c %a \"$f\" | cut -c3)\" = 0 && echo \"$f is not readable by other users\"",
                "", "30 6 * * *", OwnerId: cto, ControlIds: Controls("CTL-006")), cancellationToken);
        }

        var backup = await save.RunAsync(null, new CheckInput("Nightly backup job", CheckKind.Push, OwnerId: cto, ResultValidDays: 2,
            ControlIds: Controls("CTL-016")), cancellationToken);
        var token = await issueToken.RunAsync(backup, cancellationToken);
        foreach (var (passed, summary) in new[] { (true, "14 databases, 212 GB, restore sample verified"), (true, "14 databases, 213 GB"), (false, "object storage quota exceeded on eu-west-1"), (true, "14 databases, 213 GB, retried after quota raise") })
        {
            await run.RecordPushedResult("Nightly backup job", token, passed, summary, $"Pushed by the backup system: {summary}.", cancellationToken);
        }
    }
}
