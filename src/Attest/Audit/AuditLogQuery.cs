using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Audit;

public sealed record AuditFilter(
    string? RecordType = null,
    string? RecordId = null,
    string? Actor = null,
    AuditAction? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? BeforeSequence = null,
    int PageSize = 50);

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Actor, AuditChannel Channel, AuditAction Action, string RecordType, string RecordId, string Changes, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextBeforeSequence);

/// <summary>The acting organization's audit log, newest first, filtered and paged by sequence (one query per page).</summary>
public static class AuditLogQuery
{
    public const int MaxPageSize = 200;

    public static async Task<AuditPage> RunAsync(AttestDbContext db, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.RecordType)) query = query.Where(e => e.RecordType == filter.RecordType);
        if (!string.IsNullOrWhiteSpace(filter.RecordId)) query = query.Where(e => e.RecordId == filter.RecordId);
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(e => e.Actor.Contains(filter.Actor));
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        if (filter.From is { } from) query = query.Where(e => e.OccurredAt >= from);
        if (filter.To is { } to) query = query.Where(e => e.OccurredAt < to);
        if (filter.BeforeSequence is { } before) query = query.Where(e => e.Sequence < before);

        var rows = await query.OrderByDescending(e => e.Sequence).Take(size + 1)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAt, e.Actor, e.Channel, e.Action, e.RecordType, e.RecordId, e.Changes, e.Hash))
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new AuditPage(rows, more ? rows[^1].Sequence : null);
    }

    /// <summary>
    /// The record types the log can hold, for the filter list: read from the model rather than from the log,
    /// because a DISTINCT over millions of entries would cost more than the page itself.
    /// </summary>
    public static IReadOnlyList<string> RecordTypes(AttestDbContext db) =>
        db.Model.GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => t.Namespace?.StartsWith("Attest", StringComparison.Ordinal) == true && AuditTrail.IsAuditedType(t))
            .Select(t => t.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
