namespace Attest;

/// <summary>A record that belongs to exactly one organization.</summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; set; }
}

/// <summary>A record edited by people; <see cref="Version"/> is its optimistic-concurrency token.</summary>
public interface IVersionedRecord
{
    int Version { get; set; }
}

/// <summary>A record with a responsible person; contributors may edit only the records they own.</summary>
public interface IOwnedRecord
{
    Guid? OwnerId { get; }
}

/// <summary>Base for the organization's editable ISMS records.</summary>
public abstract class OrganizationRecord : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Marks a property whose value must never be written into the audit trail or logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>Instants as Attest stores them: UTC, to the microsecond, so every provider round-trips them exactly.</summary>
public static class Instant
{
    public static DateTimeOffset Now(TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }
}

/// <summary>
/// Reference content (catalog requirements, mappings) whose rows are not audited one by one: the import
/// that loads them is audited on its framework record instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Human references such as CTL-007, POL-012, AST-00042: the next free number after the highest in use.</summary>
public static class References
{
    public static async Task<string> NextAsync(IQueryable<string> references, string prefix, int digits, CancellationToken cancellationToken)
    {
        var used = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(references.Where(r => r.StartsWith(prefix)), cancellationToken);
        var highest = used.Select(r => int.TryParse(r[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return prefix + (highest + 1).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }
}
