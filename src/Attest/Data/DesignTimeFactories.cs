using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attest.Data;

/// <summary>Used only by `dotnet ef` (scripts/add-migration.sh) to generate the SQLite migration set.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAttestDbContext>
{
    public SqliteAttestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAttestDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return new SqliteAttestDbContext(options, ActingContext.System(), TimeProvider.System);
    }
}

/// <summary>Used only by `dotnet ef` to generate the PostgreSQL migration set; it never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAttestDbContext>
{
    public PostgresAttestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAttestDbContext>().UseNpgsql("Host=localhost;Database=attest_design_time").Options;
        return new PostgresAttestDbContext(options, ActingContext.System(), TimeProvider.System);
    }
}
