using System.Collections.Concurrent;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Audit;

/// <summary>
/// Figures computed from an organization's records, kept in memory while those records are unchanged. Every change to an organization's
/// records adds to its audit chain, so the chain head's sequence (a single-row read) together with the day identifies the state the
/// figures were computed from exactly: the first read after any change, or on a new day, computes afresh. Only for figures that depend on
/// nothing but the records and the day (not on the reader, nor on the time of day).
/// </summary>
public static class RecordStateCache
{
    private static readonly ConcurrentDictionary<(Guid Organization, string What, DateOnly Today, long Sequence), object> Cache = new();

    /// <summary>Entries kept at most; all are dropped when full (stale states are never read again, so there is nothing worth ranking).</summary>
    private const int Limit = 1024;

    /// <summary>The current organization's audit chain sequence; 0 before its first change.</summary>
    public static async Task<long> SequenceAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await db.AuditChainHeads.AsNoTracking().Select(h => (long?)h.Sequence).FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>
    /// The figures named <paramref name="what"/> for the current organization as at <paramref name="today"/>, from memory when the records
    /// are as they were (<paramref name="sequence"/> given by a query the caller makes anyway, or read here), computed otherwise. Outside an
    /// organization nothing is kept.
    /// </summary>
    public static async Task<T> GetAsync<T>(AttestDbContext db, string what, DateOnly today, Func<Task<T>> compute, long? sequence = null,
        CancellationToken cancellationToken = default) where T : class
    {
        if (db.CurrentOrganizationId is not { } organization) return await compute();
        var key = (organization, what, today, sequence ?? await SequenceAsync(db, cancellationToken));
        if (Cache.TryGetValue(key, out var cached) && cached is T value) return value;
        value = await compute();
        if (Cache.Count >= Limit) Cache.Clear();
        Cache[key] = value;
        return value;
    }
}
