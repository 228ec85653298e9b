using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

public sealed record AvailabilityImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// Imports monthly uptime from CSV or XLSX (columns Service, Month, Uptime, and optionally Downtime and Note), all or nothing: every bad
/// row is named ("row 3, column Uptime: …") and nothing is written. Services are matched by name and must exist; a month already recorded
/// with the same figures is left alone, so importing the same file again changes nothing.
/// </summary>
public sealed class ImportAvailability(AttestDbContext db, RecordAvailability record)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] Columns = ["Service", "Month", "Uptime", "Downtime", "Note"];

    public async Task<AvailabilityImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not an availability file Attest reads; use .csv or .xlsx with the columns {string.Join(", ", Columns)}.");
        }
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        var index = ColumnsOf(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} has a header but no rows.");

        var services = await db.MonitoredServices.AsNoTracking().ToListAsync(cancellationToken);
        var byName = services.GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var currentMonth = OrganizationTime.Month(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

        var errors = new List<string>();
        var planned = new List<(MonitoredService Service, int Month, double Uptime, int? Downtime, string Note)>();
        var seen = new Dictionary<(Guid, int), string>();
        foreach (var row in rows)
        {
            var problems = new List<string>();
            var name = row.Cell(index["Service"]);
            var service = name.Length == 0 ? null : byName.GetValueOrDefault(name);
            if (name.Length == 0) problems.Add("column Service: is required.");
            else if (service is null) problems.Add($"column Service: no monitored service is named '{name}'; add it under Continuity → Availability first.");

            var uptimeText = row.Cell(index["Uptime"]);
            double? uptime = null;
            if (uptimeText.Length > 0)
            {
                if (ReadNumber(uptimeText) is { } parsed) uptime = parsed;
                else problems.Add($"column Uptime: '{uptimeText}' is not a percentage such as 99.95.");
            }
            int? downtime = null;
            var downtimeText = index.TryGetValue("Downtime", out var d) ? row.Cell(d) : "";
            if (downtimeText.Length > 0)
            {
                if (int.TryParse(downtimeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)) downtime = minutes;
                else problems.Add($"column Downtime: '{downtimeText}' is not a whole number of minutes.");
            }
            var note = index.TryGetValue("Note", out var n) ? row.Cell(n) : "";
            if (problems.All(p => !p.StartsWith("column Uptime", StringComparison.Ordinal) && !p.StartsWith("column Downtime", StringComparison.Ordinal)))
            {
                var validation = new Validation();
                var (month, value) = RecordAvailability.Check(new AvailabilityInput(service?.Id ?? Guid.Empty, row.Cell(index["Month"]), uptime, downtime, note), currentMonth, validation);
                if (!validation.IsValid)
                {
                    try { validation.ThrowIfInvalid(); }
                    catch (ValidationFailedException invalid)
                    {
                        problems.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"column {ColumnOf(e.Key)}: {m}")));
                    }
                }
                else if (service is not null)
                {
                    if (seen.TryGetValue((service.Id, month!.Value), out var first)) problems.Add($"column Month: {service.Name} {OrganizationTime.MonthText(month.Value)} is also on {first}.");
                    else
                    {
                        seen[(service.Id, month.Value)] = row.Label;
                        planned.Add((service, month.Value, value!.Value, downtime, note));
                    }
                }
            }
            errors.AddRange(problems.Select(p => $"{row.Label}, {p}"));
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (service, month, uptime, downtime, note) in planned)
        {
            var saved = await record.UpsertAsync(service, month, uptime, downtime, note, AvailabilitySource.Import, cancellationToken);
            switch (saved.Outcome)
            {
                case AvailabilityOutcome.Created: created++; break;
                case AvailabilityOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }
            db.ChangeTracker.Clear();
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new AvailabilityImportResult(created, updated, unchanged);
    }

    /// <summary>"99.95", "99.95 %", or "99,95" as semicolon CSV writes it.</summary>
    private static double? ReadNumber(string text)
    {
        var cleaned = text.Trim().TrimEnd('%').Trim();
        if (cleaned.Contains(',') && !cleaned.Contains('.')) cleaned = cleaned.Replace(',', '.');
        return double.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(AvailabilityInput.UptimePercent) => "Uptime",
        nameof(AvailabilityInput.DowntimeMinutes) => "Downtime",
        _ => field,
    };

    /// <summary>Finds the columns by header, in any order and case; "Uptime %", "Uptime percent" and "Downtime (minutes)" are read too.</summary>
    private static Dictionary<string, int> ColumnsOf(IReadOnlyList<string> headers, string fileName)
    {
        static string Key(string header) => new(header.ToLowerInvariant().Where(char.IsLetter).ToArray());
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var column = Key(headers[i]) switch
            {
                "service" or "servicename" => "Service",
                "month" => "Month",
                "uptime" or "uptimepercent" or "availability" => "Uptime",
                "downtime" or "downtimeminutes" or "downtimemin" => "Downtime",
                "note" or "notes" => "Note",
                _ => null,
            };
            if (column is not null) found.TryAdd(column, i);
        }
        var missing = new[] { "Service", "Month", "Uptime" }.Where(c => !found.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For("File", $"{fileName} has no {string.Join(", ", missing)} column{(missing.Count == 1 ? "" : "s")}; the columns are {string.Join(", ", Columns)} (Downtime in minutes, Note optional).");
        }
        return found;
    }
}
