using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attest.Data;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Everything that differs between SQLite and PostgreSQL lives here.</summary>
public static class DatabaseProvider
{
    public const string DataFolderVariable = "ATTEST_DATA";
    public const string DatabaseVariable = "ATTEST_DATABASE";

    /// <summary>The data folder: ATTEST_DATA, or ./data under the working directory.</summary>
    public static string DataFolder() =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(DataFolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.CurrentDirectory, "data"));

    /// <summary>The connection string: the explicit one, else ATTEST_DATABASE, else the SQLite file in the data folder.</summary>
    public static string ResolveConnectionString(string? explicitConnection)
    {
        if (!string.IsNullOrWhiteSpace(explicitConnection)) return explicitConnection;
        if (Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return "Data Source=" + Path.Combine(DataFolder(), "attest.db");
    }

    public static DatabaseKind KindOf(string connectionString)
    {
        var text = connectionString.Trim();
        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("Server=", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseKind.Postgres;
        }
        return DatabaseKind.Sqlite;
    }

    /// <summary>A readable name of the database, with no password in it.</summary>
    public static string Describe(string connectionString)
    {
        if (KindOf(connectionString) == DatabaseKind.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
        return "SQLite " + new SqliteConnectionStringBuilder(connectionString).DataSource;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.AddInterceptors(QueryTally.Interceptor.Instance);
        if (KindOf(connectionString) == DatabaseKind.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
            options.UseSqlite(builder.ToString());
        }
    }

    public static AttestDbContext CreateContext(string connectionString, ActingContext acting, TimeProvider clock)
    {
        if (KindOf(connectionString) == DatabaseKind.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresAttestDbContext>();
            Configure(options, connectionString);
            return new PostgresAttestDbContext(options.Options, acting, clock);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAttestDbContext>();
        Configure(sqlite, connectionString);
        return new SqliteAttestDbContext(sqlite.Options, acting, clock);
    }

    /// <summary>Once per database: SQLite runs in WAL mode so readers never wait for the writer.</summary>
    public static async Task PrepareAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Kind == DatabaseKind.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                // Refresh the planner's statistics where SQLite thinks they are stale (cheap; bounded by analysis_limit).
                await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Serializes writers of one organization's audit chain for the rest of the current transaction.</summary>
    internal static async Task LockAuditChainAsync(AttestDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        if (db.Kind == DatabaseKind.Postgres)
        {
            var key = BitConverter.ToInt64(organizationId.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
        // SQLite: the transaction began IMMEDIATE, so this connection already holds the only write lock.
    }

    public static bool IsUniqueViolation(Exception exception) => exception.GetBaseException() switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        _ => false,
    };
}
