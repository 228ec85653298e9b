using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Obligations;

/// <summary>What the events list shows; <see cref="ViolationsOnly"/> keeps violations, fines and sanctions.</summary>
public sealed record RegulatoryEventFilter(
    string? Search = null,
    RegulatoryEventKind? Kind = null,
    RegulatoryEventStatus? Status = null,
    Guid? ObligationId = null,
    bool ViolationsOnly = false);

/// <summary>A violation or regulatory event as lists show it, with the references of what it links to.</summary>
public sealed record RegulatoryEventRow(
    Guid Id, string Reference, string Title, RegulatoryEventKind Kind, Guid? ObligationId, string? ObligationReference, string? ObligationTitle, string Authority,
    DateOnly OccurredOn, DateOnly? ReportedOn, decimal? FineAmount, string FineCurrency, RegulatoryEventStatus Status, DateOnly? ClosedOn,
    Guid? IncidentId, string? IncidentReference, Guid? NonconformityId, string? NonconformityReference, Guid? OwnerId, string? OwnerName, int Version)
{
    public bool IsViolation => ObligationLabels.IsViolation(Kind);
}

public sealed record RegulatoryEventPage(IReadOnlyList<RegulatoryEventRow> Rows, bool HasMore);

/// <summary>One event with its text, for its page and the API.</summary>
public sealed record RegulatoryEventDetail(RegulatoryEventRow Event, string Description, string Outcome, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Reads violations and regulatory events: newest first, one query a page.</summary>
public static class RegulatoryEventRegister
{
    public static IQueryable<RegulatoryEvent> Filtered(AttestDbContext db, RegulatoryEventFilter filter)
    {
        var query = db.RegulatoryEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(e => e.Reference.ToLower().Contains(term) || e.Title.ToLower().Contains(term) || e.Authority.ToLower().Contains(term));
        }
        if (filter.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (filter.Status is { } status) query = query.Where(e => e.Status == status);
        if (filter.ObligationId is { } obligation) query = query.Where(e => e.ObligationId == obligation);
        if (filter.ViolationsOnly) query = query.Where(e => e.Kind == RegulatoryEventKind.Violation || e.Kind == RegulatoryEventKind.Fine || e.Kind == RegulatoryEventKind.Sanction);
        return query;
    }

    public static IQueryable<RegulatoryEventRow> Rows(AttestDbContext db, IQueryable<RegulatoryEvent> events) =>
        events.Select(e => new RegulatoryEventRow(e.Id, e.Reference, e.Title, e.Kind, e.ObligationId,
            db.Obligations.Where(o => o.Id == e.ObligationId).Select(o => o.Reference).FirstOrDefault(),
            db.Obligations.Where(o => o.Id == e.ObligationId).Select(o => o.Title).FirstOrDefault(),
            e.Authority, e.OccurredOn, e.ReportedOn, e.FineAmount, e.FineCurrency, e.Status, e.ClosedOn,
            e.IncidentId, db.Incidents.Where(i => i.Id == e.IncidentId).Select(i => i.Reference).FirstOrDefault(),
            e.NonconformityId, db.Nonconformities.Where(n => n.Id == e.NonconformityId).Select(n => n.Reference).FirstOrDefault(),
            e.OwnerId, db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), e.Version));

    public static async Task<RegulatoryEventPage> PageAsync(AttestDbContext db, RegulatoryEventFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var found = await Rows(db, Filtered(db, filter).OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Reference))
            .Skip((Math.Max(1, page) - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new RegulatoryEventPage(found, more);
    }

    public static async Task<RegulatoryEventDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await Rows(db, db.RegulatoryEvents.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Regulatory event", id);
        var text = await db.RegulatoryEvents.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Description, e.Outcome, e.CreatedAt, e.UpdatedAt }).FirstAsync(cancellationToken);
        return new RegulatoryEventDetail(row, text.Description, text.Outcome, text.CreatedAt, text.UpdatedAt);
    }
}

/// <summary>
/// The obligations register as a file, CSV or XLSX, one row per obligation (retired ones included) in reference order: every field, the licence
/// fields with the licence's state, days left and renew-by date on the organization's today, and its links as codes.
/// </summary>
public static class ObligationExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Title", "Kind", "Source", "Jurisdiction", "Owner", "Status", "Status reason", "Assessed on", "Review on", "Review overdue", "Retired",
        "Business processes", "Clients", "Contract start", "Contract end",
        "Holder", "Holder person", "Issuing body", "Licence number", "Valid from", "Valid until", "Renewal lead days", "Licence state", "Days left", "Renew by", "Renewal due",
        "Requirements", "Controls", "Assets", "Description",
    ];

    public const string SheetName = "Obligations";

    private static readonly int[] Widths = [10, 40, 16, 36, 18, 24, 18, 40, 12, 12, 8, 8, 30, 30, 12, 12, 28, 28, 28, 18, 12, 12, 8, 14, 8, 12, 8, 40, 30, 30, 50];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Csv(Columns, (await RowsAsync(db, cancellationToken)).Select(row => row.Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()));

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Documents.Spreadsheets.Xlsx(SheetName, Columns, Widths, await RowsAsync(db, cancellationToken));

    private static async Task<List<object?[]>> RowsAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var (rows, links, text) = await ObligationRegister.AllAsync(db, new ObligationFilter(IncludeRetired: true), cancellationToken);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return rows.Select(r =>
        {
            var (description, processes, start, end, holderPerson) = text[r.Id];
            var l = links[r.Id];
            var s = r.Standing;
            return new object?[]
            {
                r.Reference, r.Title, ObligationLabels.Of(r.Kind), r.Source, r.Jurisdiction, r.OwnerName ?? "", ObligationLabels.Of(r.Status), r.StatusReason, Day(r.AssessedOn),
                Day(r.ReviewOn), r.ReviewOverdue ? "yes" : "no", r.Retired ? "yes" : "no", processes, r.Clients, Day(start), Day(end),
                r.Holder, holderPerson ?? "", r.IssuingBody, r.LicenceNumber, Day(r.ValidFrom), Day(r.ValidUntil), s is null ? null : r.RenewalLeadDays,
                s is null ? "" : LicenceValidity.Label(s.State), s?.DaysLeft, Day(s?.RenewBy), s is null ? "" : s.RenewalDue ? "yes" : "no",
                l.Requirements, l.Controls, l.Assets, description,
            };
        }).ToList();
    }
}
