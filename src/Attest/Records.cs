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

    /// <summary>
    /// Reads a list of references ("CTL-001, CTL-004" — commas, semicolons or lines) into record ids; every reference that names nothing
    /// is reported under <paramref name="field"/>. <paramref name="find"/> looks the wanted references up and returns (reference, id) pairs.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ResolveAsync(string? text, string field, string noun,
        Func<List<string>, CancellationToken, Task<List<KeyValuePair<string, Guid>>>> find, CancellationToken cancellationToken)
    {
        var wanted = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return [];
        var found = await find(wanted, cancellationToken);
        var missing = wanted.Where(w => !found.Any(f => string.Equals(f.Key, w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            var article = "aeiou".Contains(char.ToLowerInvariant(noun[0])) ? "an" : "a";
            throw ValidationFailedException.For(field, $"{string.Join(", ", missing)} {(missing.Count == 1 ? $"is not {article} {noun} reference" : $"are not {noun} references")} here.");
        }
        return wanted.Select(w => found.First(f => string.Equals(f.Key, w, StringComparison.OrdinalIgnoreCase)).Value).Distinct().ToList();
    }
}
