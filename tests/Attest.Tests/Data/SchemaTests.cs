using Attest.Data;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Data;

public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEmptyDatabase_MigratesToTheLatestSchema(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DatabaseProvider.CreateContext(database.ConnectionString, ActingContext.System(), TimeProvider.System);
        var schema = new DatabaseSchema(db);

        var before = await schema.StatusAsync("test");
        Assert.Empty(before.Applied);
        Assert.NotEmpty(before.Pending);

        var applied = await schema.MigrateAsync();
        var after = await schema.StatusAsync("test");

        Assert.Equal(before.Pending, applied);
        Assert.True(after.IsCurrent);
        Assert.Equal(db.Database.GetMigrations().Last(), after.Latest);
        Assert.Equal(0, await db.Organizations.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheModel_HasNoChangesMissingFromTheMigrations(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DatabaseProvider.CreateContext(database.ConnectionString, ActingContext.System(), TimeProvider.System);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes that no migration captures: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public async Task ASqliteDatabase_RunsInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var db = DatabaseProvider.CreateContext(database.ConnectionString, ActingContext.System(), TimeProvider.System);
        await new DatabaseSchema(db).MigrateAsync();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public void BothMigrationSets_CarryTheSameMigrationNames()
    {
        using var sqlite = DatabaseProvider.CreateContext("Data Source=:memory:", ActingContext.System(), TimeProvider.System);
        using var postgres = DatabaseProvider.CreateContext("Host=127.0.0.1;Database=unused", ActingContext.System(), TimeProvider.System);

        Assert.Equal(sqlite.Database.GetMigrations().Select(DatabaseSchema.NameOf), postgres.Database.GetMigrations().Select(DatabaseSchema.NameOf));
    }
}
