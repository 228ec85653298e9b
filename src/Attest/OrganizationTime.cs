using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest;

/// <summary>Dates and months as the organization lives them: read in its time zone (Organization.TimeZone, an IANA name).</summary>
public static class OrganizationTime
{
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The acting organization's time zone (UTC when none is selected or the name is unknown).</summary>
    public static async Task<TimeZoneInfo> ZoneAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var id = db.CurrentOrganizationId is { } organization
            ? await db.Organizations.Where(o => o.Id == organization).Select(o => o.TimeZone).FirstOrDefaultAsync(cancellationToken)
            : null;
        return Zone(id);
    }

    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateOnly Date(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(instant, zone));

    /// <summary>The month as yyyyMM (202610).</summary>
    public static int Month(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = Local(instant, zone);
        return local.Year * 100 + local.Month;
    }

    public static int Month(DateOnly day) => day.Year * 100 + day.Month;

    /// <summary>"2026-10" for 202610.</summary>
    public static string MonthText(int month) => $"{month / 100:D4}-{month % 100:D2}";

    /// <summary>Reads "2026-10" into 202610; null when it is not a month.</summary>
    public static int? ParseMonth(string? text)
    {
        if (text is null || text.Length != 7 || text[4] != '-') return null;
        if (!int.TryParse(text[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(text[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) ||
            year < 1900 || month is < 1 or > 12) return null;
        return year * 100 + month;
    }

    public static int AddMonths(int month, int count)
    {
        var first = new DateOnly(month / 100, month % 100, 1).AddMonths(count);
        return Month(first);
    }

    /// <summary>
    /// Reads a wall-clock time written in <paramref name="zone"/> (a form's datetime-local) as an instant. A time that does not exist
    /// (skipped by a daylight-saving change) is refused; an ambiguous one (repeated) is read as the first, daylight, occurrence.
    /// </summary>
    public static DateTimeOffset? FromLocal(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) return null;
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return Instant.Truncate(new DateTimeOffset(unspecified, offset));
    }

    /// <summary>
    /// The first instant of <paramref name="day"/> in <paramref name="zone"/>, as UTC. Where a daylight-saving change skips midnight,
    /// the day starts at the first wall-clock time that exists.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        for (var minutes = 0; minutes <= 180; minutes += 30)
        {
            if (FromLocal(local.AddMinutes(minutes), zone) is { } instant) return instant.ToUniversalTime();
        }
        return new DateTimeOffset(local, TimeSpan.Zero);
    }
}
