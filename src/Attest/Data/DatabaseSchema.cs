using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Attest.Data;

public sealed record SchemaStatus(string Database, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
{
    public bool IsCurrent => Pending.Count == 0;
    public string? Latest => Applied.LastOrDefault();
}

/// <summary>Reports and applies the database's migrations.</summary>
public sealed class DatabaseSchema(AttestDbContext db)
{
    public async Task<SchemaStatus> StatusAsync(string description, CancellationToken cancellationToken = default)
    {
        var all = db.Database.GetMigrations().ToList();
        var applied = await db.Database.CanConnectAsync(cancellationToken)
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList()
            : [];
        return new SchemaStatus(description, applied, all.Except(applied).ToList());
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await DatabaseProvider.PrepareAsync(db, cancellationToken);
        return pending;
    }

    /// <summary>
    /// The name of the newest migration this build knows, without its timestamp: both providers' sets carry the
    /// same names (generated together), so a backup from one provider restores into the other.
    /// </summary>
    public string LatestKnown => NameOf(db.Database.GetMigrations().Last());

    public static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];

    internal IMigrationsAssembly Migrations => db.Database.GetService<IMigrationsAssembly>();
}
