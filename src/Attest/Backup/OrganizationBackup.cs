using System.IO.Compression;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Accounts;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Attest.Backup;

/// <summary>What a backup file says about itself (manifest.json inside the ZIP).</summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    Guid OrganizationId,
    string OrganizationName,
    DateTimeOffset CreatedAt,
    string Schema,
    Dictionary<string, long> Records);

/// <summary>
/// The portable backup of one organization: a ZIP holding manifest.json, data/{RecordType}.jsonl (one JSON
/// object per row, every column, ordered by key) and files/ (uploaded files by SHA-256, when there are any).
/// It contains the members' password hashes and MFA keys: keep it as secret as the database.
/// </summary>
public static class BackupFormat
{
    public const string Name = "attest-backup";
    public const int Version = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(), new CanonicalDecimalConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// Writes decimals without trailing zeros: PostgreSQL returns a numeric(18,4) column's 4.4 as 4.4000 and SQLite as 4.4, and a backup
    /// must say the same thing whichever database it came from.
    /// </summary>
    private sealed class CanonicalDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }

    /// <summary>The record types in an order where every row's references come before it.</summary>
    internal static IReadOnlyList<IEntityType> TypesInDependencyOrder(AttestDbContext db)
    {
        var types = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(DataProtectionKey))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType type)
        {
            if (ordered.Contains(type) || !visiting.Add(type)) return;
            foreach (var foreignKey in type.GetForeignKeys())
            {
                if (foreignKey.PrincipalEntityType != type && types.Contains(foreignKey.PrincipalEntityType)) Visit(foreignKey.PrincipalEntityType);
            }
            ordered.Add(type);
        }
        foreach (var type in types) Visit(type);
        return ordered;
    }

    internal static string EntryName(IEntityType type) => $"data/{type.ClrType.Name}.jsonl";
}

/// <summary>Writes one organization's records, history and files to a backup file.</summary>
public sealed class BackupOrganization(AttestDbContext db)
{
    public async Task<BackupManifest> RunAsync(Guid organizationId, Stream output, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw new RecordNotFoundException("Organization", organizationId);
        var members = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).ToListAsync(cancellationToken);

        // One snapshot: every table is read in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var type in BackupFormat.TypesInDependencyOrder(db))
            {
                var entry = zip.CreateEntry(BackupFormat.EntryName(type), CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                var method = typeof(BackupOrganization).GetMethod(nameof(WriteRowsAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(type.ClrType);
                counts[type.ClrType.Name] = await (Task<long>)method.Invoke(this, [type, organizationId, members, writer, cancellationToken])!;
            }
            var manifest = new BackupManifest(BackupFormat.Name, BackupFormat.Version, organization.Id, organization.Name,
                Instant.Now(db.Clock), new DatabaseSchema(db).LatestKnown, counts);
            var manifestEntry = zip.CreateEntry("manifest.json");
            await using (var manifestStream = manifestEntry.Open())
            {
                await JsonSerializer.SerializeAsync(manifestStream, manifest, new JsonSerializerOptions(BackupFormat.Json) { WriteIndented = true }, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return manifest;
        }
    }

    private async Task<long> WriteRowsAsync<T>(IEntityType type, Guid organizationId, List<Guid> members, StreamWriter writer, CancellationToken cancellationToken)
        where T : class
    {
        IQueryable<T> rows = db.Set<T>().IgnoreQueryFilters().AsNoTracking();
        if (typeof(T) == typeof(Organization)) rows = rows.Where(r => EF.Property<Guid>(r, "Id") == organizationId);
        else if (typeof(T) == typeof(User)) rows = rows.Where(r => members.Contains(EF.Property<Guid>(r, "Id")));
        else if (typeof(IOrganizationOwned).IsAssignableFrom(typeof(T))) rows = rows.Where(r => EF.Property<Guid>(r, "OrganizationId") == organizationId);
        else if (type.FindProperty("UserId") is not null) rows = rows.Where(r => members.Contains(EF.Property<Guid>(r, "UserId")));
        else throw new InvalidOperationException($"{type.ClrType.Name} has no owner; the backup would not know which rows are the organization's.");

        rows = OrderByKey(rows, type);
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        long count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var line = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in properties)
            {
                line[property.Name] = JsonSerializer.SerializeToElement(property.GetGetter().GetClrValue(row), property.ClrType, BackupFormat.Json);
            }
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, BackupFormat.Json));
            count++;
        }
        return count;
    }

    private static IQueryable<T> OrderByKey<T>(IQueryable<T> rows, IEntityType type)
    {
        var parameter = Expression.Parameter(typeof(T), "r");
        var first = true;
        foreach (var key in type.FindPrimaryKey()!.Properties)
        {
            var selector = Expression.Lambda(Expression.Property(parameter, key.PropertyInfo!), parameter);
            var method = (first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy));
            rows = (IQueryable<T>)typeof(Queryable).GetMethods()
                .Single(m => m.Name == method && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), key.ClrType)
                .Invoke(null, [rows, selector])!;
            first = false;
        }
        return rows;
    }
}

/// <summary>Restores a backup into a database that does not hold that organization yet; all or nothing.</summary>
public sealed class RestoreOrganization(AttestDbContext db)
{
    private const int BatchSize = 2000;

    public async Task<BackupManifest> RunAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw ValidationFailedException.For("file", "is not an Attest backup: it is not a ZIP archive.");
        }
        using (zip)
        {
            var manifest = await ReadManifestAsync(zip, cancellationToken);
            var schema = new DatabaseSchema(db);
            if (manifest.Schema != schema.LatestKnown)
            {
                throw ValidationFailedException.For("manifest.json: Schema",
                    $"the backup was made with schema {manifest.Schema}, this database is at {schema.LatestKnown}. Restore it with the Attest version that made it.");
            }
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw ValidationFailedException.For("database", "is not at the latest schema: run 'attest db migrate' first.");
            }
            if (await db.Organizations.AnyAsync(o => o.Id == manifest.OrganizationId || o.Name == manifest.OrganizationName, cancellationToken))
            {
                throw ValidationFailedException.For("organization",
                    $"'{manifest.OrganizationName}' already exists in this database; restore into a database that does not hold it.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.BulkLoading = true;
            try
            {
                var existingUsers = new HashSet<Guid>();
                foreach (var type in BackupFormat.TypesInDependencyOrder(db))
                {
                    var name = BackupFormat.EntryName(type);
                    var entry = zip.GetEntry(name) ?? throw ValidationFailedException.For(name, "is missing from the backup.");
                    await RestoreRowsAsync(type, entry, name, existingUsers, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.BulkLoading = false;
                db.ChangeTracker.Clear();
            }
            return manifest;
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry("manifest.json") ?? throw ValidationFailedException.For("manifest.json", "is missing: this is not an Attest backup.");
        BackupManifest? manifest;
        try
        {
            await using var stream = entry.Open();
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupFormat.Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw ValidationFailedException.For("manifest.json", $"is not valid: {e.Message}");
        }
        if (manifest is null || manifest.Format != BackupFormat.Name) throw ValidationFailedException.For("manifest.json: Format", $"must be '{BackupFormat.Name}'.");
        if (manifest.FormatVersion != BackupFormat.Version) throw ValidationFailedException.For("manifest.json: FormatVersion", $"{manifest.FormatVersion} is not supported (this version reads {BackupFormat.Version}).");
        return manifest;
    }

    private async Task RestoreRowsAsync(IEntityType type, ZipArchiveEntry entry, string name, HashSet<Guid> existingUsers, CancellationToken cancellationToken)
    {
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty()).ToDictionary(p => p.Name, StringComparer.Ordinal);
        // Rows that point at rows of their own type (a requirement's parent) are saved together, so the database
        // never sees a child before its parent.
        var selfReferencing = type.GetForeignKeys().Any(k => k.PrincipalEntityType == type);
        await using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lineNumber = 0;
        var pending = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            object row;
            try
            {
                row = Activator.CreateInstance(type.ClrType, nonPublic: true)!;
                using var document = JsonDocument.Parse(line);
                foreach (var field in document.RootElement.EnumerateObject())
                {
                    if (!properties.TryGetValue(field.Name, out var property))
                    {
                        throw ValidationFailedException.For($"{name} line {lineNumber}", $"has an unknown field '{field.Name}'.");
                    }
                    property.PropertyInfo!.SetValue(row, field.Value.Deserialize(property.ClrType, BackupFormat.Json));
                }
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
            {
                throw ValidationFailedException.For($"{name} line {lineNumber}", $"is not a valid {type.ClrType.Name} row: {e.Message}");
            }

            if (row is User user)
            {
                var existing = await db.Users.AsNoTracking().Where(u => u.Id == user.Id || u.NormalizedEmail == user.NormalizedEmail)
                    .Select(u => new { u.Id }).FirstOrDefaultAsync(cancellationToken);
                if (existing is not null)
                {
                    if (existing.Id != user.Id)
                    {
                        throw ValidationFailedException.For($"{name} line {lineNumber}", $"{user.Email} already has a different account in this database.");
                    }
                    existingUsers.Add(user.Id);
                    continue;
                }
            }
            else if (type.FindProperty("UserId") is not null && row is not IOrganizationOwned &&
                     existingUsers.Contains((Guid)type.FindProperty("UserId")!.PropertyInfo!.GetValue(row)!))
            {
                // That person's sign-in data already lives here with their account.
                continue;
            }

            db.Add(row);
            if (++pending >= BatchSize && !selfReferencing)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
