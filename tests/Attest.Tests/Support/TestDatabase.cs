using Attest.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Attest.Tests.Support;

/// <summary>A real, empty, throw-away database on one provider: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ATTEST_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseKind kind, string connectionString, string? folder, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// Gives this still-empty database the current schema by copying a template migrated once per test run (a file copy for SQLite,
    /// CREATE DATABASE … TEMPLATE for PostgreSQL) instead of running every migration again. Returns false, changing nothing, when the
    /// database has been used already (its schema is then the caller's business).
    /// </summary>
    public async Task<bool> CopySchemaFromTemplateAsync(Func<TestDatabase, Task> migrate)
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (File.Exists(path)) return false;
            var template = await SchemaTemplates.SqliteAsync(migrate);
            File.Copy(template, path);
            return true;
        }
        await using (var probe = new NpgsqlConnection(ConnectionString))
        {
            await probe.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", probe);
            if ((long)(await count.ExecuteScalarAsync())! > 0) return false;
        }
        var templateName = await SchemaTemplates.PostgresAsync(migrate);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresName}\" TEMPLATE \"{templateName}\"", connection)) await create.ExecuteNonQueryAsync();
        return true;
    }

    public static Task<TestDatabase> CreateAsync(string provider) => CreateAsync(Enum.Parse<DatabaseKind>(provider, ignoreCase: true));

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "attest-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "attest.db")}", folder, null);
        }
        var server = ServerConnectionString();
        var name = "attest_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(kind, builder.ToString(), null, name);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts a throw-away PostgreSQL server.");

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>
/// One migrated, never-used database per provider and test run, from which fresh test databases copy their schema: running the
/// migrations for every test was the largest single cost of the suite.
/// </summary>
internal static class SchemaTemplates
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sqlite;
    private static string? _postgres;

    public static async Task<string> SqliteAsync(Func<TestDatabase, Task> migrate)
    {
        if (_sqlite is not null) return _sqlite;
        await Gate.WaitAsync();
        try
        {
            if (_sqlite is not null) return _sqlite;
            var folder = Path.Combine(Path.GetTempPath(), "attest-tests", "template-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "attest.db");
            var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
            await migrate(database);
            SqliteConnection.ClearAllPools();
            var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            // Fold the write-ahead log into the file so one file is the whole template.
            await using (var connection = new SqliteConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                await checkpoint.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            File.Copy(source, path);
            await database.DisposeAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
            return _sqlite = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> PostgresAsync(Func<TestDatabase, Task> migrate)
    {
        if (_postgres is not null) return _postgres;
        await Gate.WaitAsync();
        try
        {
            if (_postgres is not null) return _postgres;
            var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
            await migrate(database);
            // A template must have no open connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            return _postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>Theory data: every test that touches storage runs on both providers.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };
}
