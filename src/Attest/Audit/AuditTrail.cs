using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Attest.Accounts;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Attest.Audit;

/// <summary>Turns tracked changes into hash-chained audit entries, in the transaction that saves them.</summary>
internal static class AuditTrail
{
    /// <summary>Fields whose change alone says nothing to an auditor.</summary>
    private static readonly HashSet<string> Noise =
        [nameof(IVersionedRecord.Version), nameof(OrganizationRecord.UpdatedAt), nameof(User.ConcurrencyStamp)];

    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    internal sealed record PendingChange(EntityEntry Entry, AuditAction Action, IReadOnlyList<Guid> Organizations, JsonObject Fields);

    public static async Task<List<PendingChange>> DescribeAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var pending = new List<PendingChange>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!IsAudited(entry.Entity)) continue;

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var fields = DescribeFields(entry, action);
            if (action == AuditAction.Updated && fields.Count == 0) continue;

            var organizations = await ChainsForAsync(db, entry, cancellationToken);
            if (organizations.Count == 0) continue;
            pending.Add(new PendingChange(entry, action, organizations, fields));
        }
        return pending;
    }

    public static async Task<List<AuditEntry>> StageAsync(AttestDbContext db, List<PendingChange> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staged = new List<AuditEntry>();
        var heads = new Dictionary<Guid, AuditChainHead>();
        foreach (var organizationId in changes.SelectMany(c => c.Organizations).Distinct().Order())
        {
            await DatabaseProvider.LockAuditChainAsync(db, organizationId, cancellationToken);
            var head = await db.AuditChainHeads.IgnoreQueryFilters()
                .FirstOrDefaultAsync(h => h.OrganizationId == organizationId, cancellationToken);
            if (head is null)
            {
                head = new AuditChainHead { OrganizationId = organizationId, Sequence = 0, Hash = AuditChain.Genesis };
                db.AuditChainHeads.Add(head);
            }
            heads[organizationId] = head;
        }

        var acting = db.Acting;
        foreach (var change in changes)
        {
            foreach (var organizationId in change.Organizations)
            {
                var head = heads[organizationId];
                var entry = new AuditEntry
                {
                    OrganizationId = organizationId,
                    Sequence = head.Sequence + 1,
                    OccurredAt = now,
                    ActorUserId = acting.UserId,
                    Actor = acting.Actor,
                    Channel = acting.Channel,
                    Action = change.Action,
                    RecordType = change.Entry.Metadata.ClrType.Name,
                    RecordId = KeyOf(change.Entry),
                    Changes = change.Fields.ToJsonString(Json),
                    PreviousHash = head.Hash,
                    Hash = "",
                };
                entry.Hash = AuditChain.HashOf(entry);
                head.Sequence = entry.Sequence;
                head.Hash = entry.Hash;
                db.AuditEntries.Add(entry);
                staged.Add(entry);
            }
        }
        return staged;
    }

    private static bool IsAudited(object entity) => IsAuditedType(entity.GetType());

    internal static bool IsAuditedType(Type type) =>
        type != typeof(AuditEntry) && type != typeof(AuditChainHead) && type != typeof(DataProtectionKey) && type != typeof(Context.ScopeRevision) &&
        !type.IsDefined(typeof(NotAuditedAttribute), inherit: false) &&
        // Identity's logins, claims and tokens hold credential material; changes that matter show on the user.
        type.Namespace?.StartsWith("Attest", StringComparison.Ordinal) == true;

    private static JsonObject DescribeFields(EntityEntry entry, AuditAction action)
    {
        var fields = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Noise.Contains(name)) continue;
            if (action == AuditAction.Updated && !property.IsModified) continue;

            var before = action == AuditAction.Created ? null : property.OriginalValue;
            var after = action == AuditAction.Deleted ? null : property.CurrentValue;
            if (action == AuditAction.Updated && Equals(before, after)) continue;

            var secret = property.Metadata.PropertyInfo?.GetCustomAttribute<SecretAttribute>(inherit: true) is not null;
            var change = new JsonObject();
            if (action != AuditAction.Created) change["before"] = secret ? Redacted(before) : ToNode(before);
            if (action != AuditAction.Deleted) change["after"] = secret ? Redacted(after) : ToNode(after);
            fields[name] = change;
        }
        return fields;
    }

    private static JsonNode? Redacted(object? value) => value is null ? null : JsonValue.Create("(secret)");

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => JsonValue.Create(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'")),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Json),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Which organizations' chains record a change: the record's own, or for a person, the organizations they belong to.</summary>
    private static async Task<IReadOnlyList<Guid>> ChainsForAsync(AttestDbContext db, EntityEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Entity)
        {
            case IOrganizationOwned owned:
                return [owned.OrganizationId];
            case Organization organization:
                return [organization.Id];
            case User user:
                if (db.CurrentOrganizationId is { } current) return [current];
                var tracked = db.ChangeTracker.Entries<Membership>()
                    .Where(m => m.Entity.UserId == user.Id && m.State != EntityState.Deleted)
                    .Select(m => m.Entity.OrganizationId);
                var stored = await db.Memberships.IgnoreQueryFilters()
                    .Where(m => m.UserId == user.Id)
                    .Select(m => m.OrganizationId)
                    .ToListAsync(cancellationToken);
                return tracked.Concat(stored).Distinct().ToList();
            default:
                return db.CurrentOrganizationId is { } organizationId ? [organizationId] : [];
        }
    }
}

/// <summary>The hash chain over an organization's audit entries.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry)
    {
        var content = string.Join('\n',
            entry.OrganizationId.ToString("D"),
            entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.OccurredAt.ToUniversalTime().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.ActorUserId?.ToString("D") ?? "",
            entry.Actor,
            entry.Channel.ToString(),
            entry.Action.ToString(),
            entry.RecordType,
            entry.RecordId,
            entry.Changes,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
