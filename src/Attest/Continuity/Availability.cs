using System.Globalization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

public sealed record MonitoredServiceInput(string Name, Guid? AssetId = null, double TargetPercent = 99.9, Guid? OwnerId = null, bool Active = true, int Version = 0);

/// <summary>Adds or updates a monitored service. A new target applies to months recorded from then on; recorded months keep theirs.</summary>
public sealed class SaveMonitoredService(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, MonitoredServiceInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200);
        if (double.IsNaN(input.TargetPercent) || input.TargetPercent <= 0 || input.TargetPercent > 100)
        {
            validation.Add(nameof(input.TargetPercent), "must be a percentage above 0 and at most 100, e.g. 99.9.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.AssetId is { } asset && !await db.Assets.AnyAsync(a => a.Id == asset, cancellationToken))
        {
            validation.Add(nameof(input.AssetId), "is not an asset of this organization.");
        }
        var name = input.Name?.Trim() ?? "";
        var lowered = name.ToLower(CultureInfo.InvariantCulture);
        if (name.Length > 0 && await db.MonitoredServices.AnyAsync(s => s.Name.ToLower() == lowered && s.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"a monitored service named '{name}' exists already.");
        }
        MonitoredService? service = null;
        if (id is not null) service = await db.MonitoredServices.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Monitored service", id);
        validation.ThrowIfInvalid();
        if (service is null)
        {
            service = new MonitoredService { Name = name };
            db.MonitoredServices.Add(service);
        }
        else
        {
            db.Entry(service).Property(s => s.Version).OriginalValue = input.Version;
        }
        service.Name = name;
        service.AssetId = input.AssetId;
        service.TargetPercent = Math.Round(input.TargetPercent, 4);
        service.OwnerId = input.OwnerId;
        service.Active = input.Active;
        await db.SaveAsync("monitored service", cancellationToken);
        return service.Id;
    }
}

/// <summary>Removes a monitored service with its recorded months; marking it inactive keeps the history instead.</summary>
public sealed class RemoveMonitoredService(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var service = await db.MonitoredServices.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Monitored service", id);
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        db.AvailabilityRecords.RemoveRange(await db.AvailabilityRecords.Where(r => r.ServiceId == id).ToListAsync(cancellationToken));
        db.MonitoredServices.Remove(service);
        await db.SaveAsync("monitored service", cancellationToken);
    }
}

/// <param name="Month">"2026-10" (a date such as 2026-10-01 is read as its month).</param>
/// <param name="UptimePercent">Measured uptime; when empty it is computed from <paramref name="DowntimeMinutes"/> and the month's length.</param>
public sealed record AvailabilityInput(Guid ServiceId, string? Month, double? UptimePercent, int? DowntimeMinutes = null, string? Note = null);

public enum AvailabilityOutcome
{
    Created = 0,
    Updated = 1,
    /// <summary>The month was recorded already with exactly these figures: nothing was written.</summary>
    Unchanged = 2,
}

public sealed record AvailabilitySaved(Guid Id, AvailabilityOutcome Outcome);

/// <summary>
/// Records a service's uptime for a month, replacing what was recorded for that month before (monitoring tools post again when they
/// recompute). The target is copied from the service when the month is first recorded, so a later change of target does not rewrite
/// whether a past month met it. Posting the same figures again writes nothing.
/// </summary>
public sealed class RecordAvailability(AttestDbContext db)
{
    public async Task<AvailabilitySaved> RunAsync(AvailabilityInput input, AvailabilitySource source, CancellationToken cancellationToken = default)
    {
        var service = await db.MonitoredServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.ServiceId, cancellationToken)
            ?? throw new RecordNotFoundException("Monitored service", input.ServiceId);
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var currentMonth = OrganizationTime.Month(db.Clock.GetUtcNow(), zone);
        var validation = new Validation();
        var (month, uptime) = Check(input, currentMonth, validation);
        validation.ThrowIfInvalid();
        return await UpsertAsync(service, month!.Value, uptime!.Value, input.DowntimeMinutes, input.Note?.Trim() ?? "", source, cancellationToken);
    }

    /// <summary>Checks one month's figures; field names are the input's (Month, UptimePercent, DowntimeMinutes, Note).</summary>
    internal static (int? Month, double? Uptime) Check(AvailabilityInput input, int currentMonth, Validation validation)
    {
        var month = AvailabilityArithmetic.ParseMonth(input.Month);
        if (string.IsNullOrWhiteSpace(input.Month)) validation.Add(nameof(input.Month), "is required, as yyyy-MM (e.g. 2026-10).");
        else if (month is null) validation.Add(nameof(input.Month), $"'{input.Month.Trim()}' is not a month; write it as yyyy-MM (e.g. 2026-10).");
        else if (month > currentMonth) validation.Add(nameof(input.Month), $"{OrganizationTime.MonthText(month.Value)} has not started yet.");
        if (input.DowntimeMinutes is { } down && (down < 0 || (month is { } m && down > AvailabilityArithmetic.MinutesIn(m))))
        {
            validation.Add(nameof(input.DowntimeMinutes), month is { } mm ? $"must be 0 to {AvailabilityArithmetic.MinutesIn(mm)} (the minutes in the month)." : "must not be negative.");
        }
        double? uptime = input.UptimePercent;
        if (uptime is { } u && (double.IsNaN(u) || u < 0 || u > 100)) validation.Add(nameof(input.UptimePercent), "must be a percentage from 0 to 100.");
        else if (uptime is null)
        {
            if (input.DowntimeMinutes is { } minutes && month is { } known && minutes >= 0 && minutes <= AvailabilityArithmetic.MinutesIn(known)) uptime = AvailabilityArithmetic.UptimeFromDowntime(known, minutes);
            else if (input.DowntimeMinutes is null) validation.Add(nameof(input.UptimePercent), "is required (or give the downtime in minutes).");
        }
        validation.MaxLength(nameof(input.Note), input.Note, 2000);
        return (month, uptime is { } value ? Math.Round(value, 4) : null);
    }

    internal async Task<AvailabilitySaved> UpsertAsync(MonitoredService service, int month, double uptime, int? downtime, string note, AvailabilitySource source,
        CancellationToken cancellationToken)
    {
        var record = await db.AvailabilityRecords.FirstOrDefaultAsync(r => r.ServiceId == service.Id && r.Month == month, cancellationToken);
        if (record is not null && record.UptimePercent == uptime && record.DowntimeMinutes == downtime && record.Note == note)
        {
            return new AvailabilitySaved(record.Id, AvailabilityOutcome.Unchanged);
        }
        var outcome = record is null ? AvailabilityOutcome.Created : AvailabilityOutcome.Updated;
        if (record is null)
        {
            record = new AvailabilityRecord { ServiceId = service.Id, Month = month, TargetPercent = service.TargetPercent };
            db.AvailabilityRecords.Add(record);
        }
        record.UptimePercent = uptime;
        record.DowntimeMinutes = downtime;
        record.Note = note;
        record.Source = source;
        await db.SaveAsync("availability record", cancellationToken);
        return new AvailabilitySaved(record.Id, outcome);
    }
}

/// <summary>Removes one recorded month (a figure recorded by mistake).</summary>
public sealed class RemoveAvailabilityRecord(AttestDbContext db)
{
    public async Task RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await db.AvailabilityRecords.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Availability record", id);
        db.AvailabilityRecords.Remove(record);
        await db.SaveAsync("availability record", cancellationToken);
    }
}

/// <summary>Monthly availability arithmetic.</summary>
public static class AvailabilityArithmetic
{
    /// <summary>A month meets its target when its uptime is at least the target: exactly on target meets it.</summary>
    public static bool Met(double uptimePercent, double targetPercent) => Math.Round(uptimePercent, 6) >= Math.Round(targetPercent, 6);

    public static int MinutesIn(int month) => DateTime.DaysInMonth(month / 100, month % 100) * 24 * 60;

    public static double UptimeFromDowntime(int month, int downtimeMinutes) => 100.0 * (MinutesIn(month) - downtimeMinutes) / MinutesIn(month);

    /// <summary>The uptime over several months, each weighted by its length; null when there are none.</summary>
    public static double? Combined(IEnumerable<(int Month, double Uptime)> months)
    {
        double weighted = 0, minutes = 0;
        foreach (var (month, uptime) in months)
        {
            weighted += uptime * MinutesIn(month);
            minutes += MinutesIn(month);
        }
        return minutes == 0 ? null : weighted / minutes;
    }

    /// <summary>Reads "2026-10", or a date ("2026-10-01", as spreadsheets store months) as its month; null otherwise.</summary>
    public static int? ParseMonth(string? text)
    {
        var trimmed = text?.Trim();
        if (OrganizationTime.ParseMonth(trimmed) is { } month) return month;
        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? OrganizationTime.Month(day) : null;
    }

    /// <summary>"99.95 %" with up to three decimals, trailing zeros dropped.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + " %" : "—";
}
