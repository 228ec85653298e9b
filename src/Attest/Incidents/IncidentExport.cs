using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Microsoft.EntityFrameworkCore;

namespace Attest.Incidents;

/// <summary>
/// The incident register as CSV or XLSX, newest detection first: the timeline's instants (UTC, ISO 8601), time to detect, contain and
/// recover (in words and in minutes), and whether the severity's SLA was met.
/// </summary>
public static class IncidentExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Title", "Category", "Severity", "Status", "Reported by", "Owner", "Occurred", "Detected", "Reported", "Triaged", "Contained", "Eradicated",
        "Recovered", "Closed", "Time to detect", "Time to contain", "Time to recover", "Minutes to detect", "Minutes to contain", "Minutes to recover",
        "Detect SLA", "Contain SLA", "Recover SLA", "SLA met", "Personal data", "Breach status", "Affected assets", "Affected clients", "Affected data", "Supplier",
        "Root cause", "Lessons learned", "Reviewed on",
    ];

    public const string SheetName = "Incidents";

    private static readonly int[] SheetWidths = [10, 40, 18, 10, 11, 30, 24, 17, 17, 17, 17, 17, 17, 17, 17, 12, 12, 12, 10, 10, 10, 10, 10, 10, 8, 8, 14, 30, 30, 30, 24, 40, 40, 12];

    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Spreadsheets.Csv(Columns, (await LoadAsync(db, cancellationToken)).Select(row => row.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray()));

    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        Spreadsheets.Xlsx(SheetName, Columns, SheetWidths, await LoadAsync(db, cancellationToken));

    /// <summary>
    /// "yes" when detection (if its start is known) and containment were within the severity's limits, "no" when a limit was broken, and
    /// empty while an open incident's containment is still within its limit or a closed one was never contained.
    /// </summary>
    public static string SlaMet(SlaVerdict verdict) =>
        verdict.Met ? "yes" : verdict.Detect == SlaState.Breached || verdict.Contain == SlaState.Breached ? "no" : "";

    /// <summary>Every incident's cells in <see cref="Columns"/> order: three queries (settings, incidents with owner and breach status, asset links).</summary>
    internal static async Task<List<object?[]>> LoadAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        var now = Instant.Now(db.Clock);
        var incidents = await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.DetectedAt).ThenByDescending(i => i.Reference)
            .Select(i => new
            {
                Incident = i,
                Owner = db.Users.Where(u => u.Id == i.OwnerId).Select(u => u.Email).FirstOrDefault(),
                Supplier = db.Suppliers.Where(s => s.Id == i.SupplierId).Select(s => s.Name).FirstOrDefault(),
                Breach = db.BreachAssessments.Where(b => b.IncidentId == i.Id).Select(b => (BreachStatus?)b.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var assets = (await db.IncidentAssets.AsNoTracking().Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => new { l.IncidentId, a.Reference }).ToListAsync(cancellationToken))
            .ToLookup(x => x.IncidentId, x => x.Reference);

        static string? At(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static object? Minutes(long? seconds) => seconds is { } s ? Math.Round(s / 60.0, 1) : null;

        return incidents.Select(row =>
        {
            var i = row.Incident;
            var verdict = IncidentSla.Judge(IncidentTimes.Of(i), IncidentClock.Limits(settings, i.Severity), i.Status == IncidentStatus.Closed, now);
            return new object?[]
            {
                i.Reference, i.Title, IncidentLabels.Of(i.Category), i.Severity.ToString(), i.Status.ToString(), i.ReportedBy, row.Owner ?? "",
                At(i.OccurredAt), At(i.DetectedAt), At(i.ReportedAt), At(i.TriagedAt), At(i.ContainedAt), At(i.EradicatedAt), At(i.RecoveredAt), At(i.ClosedAt),
                i.DetectSeconds is null ? "" : IncidentClock.Describe(i.DetectSeconds), i.ContainSeconds is null ? "" : IncidentClock.Describe(i.ContainSeconds),
                i.RecoverSeconds is null ? "" : IncidentClock.Describe(i.RecoverSeconds),
                Minutes(i.DetectSeconds), Minutes(i.ContainSeconds), Minutes(i.RecoverSeconds),
                IncidentLabels.Of(verdict.Detect), IncidentLabels.Of(verdict.Contain), IncidentLabels.Of(verdict.Recover), SlaMet(verdict),
                i.PersonalData ? "yes" : "no", row.Breach is { } b ? IncidentLabels.Of(b) : "",
                string.Join(", ", assets[i.Id].Order(StringComparer.Ordinal)), i.AffectedClients, i.AffectedData, row.Supplier ?? "",
                i.RootCause, i.LessonsLearned, i.ReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }).ToList();
    }
}
