using System.Globalization;
using System.Text;

namespace Attest.Checks;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week), always evaluated in UTC. Supports <c>*</c>,
/// lists, ranges, steps (<c>*/15</c>, <c>10-50/10</c>, <c>5/20</c> meaning 5 to the field's end), month names JAN–DEC,
/// weekday names SUN–SAT, weekdays 0–7 (0 and 7 are Sunday) and the shorthands @hourly, @daily, @weekly, @monthly, @yearly.
/// </summary>
/// <remarks>
/// Day rule as in Vixie cron and cronie: when both day fields are restricted (neither starts with <c>*</c>), a day matches if
/// either matches; otherwise both must. So "0 0 1 * MON" runs on the 1st and on every Monday, while "0 0 */2 * MON" runs on
/// Mondays with an odd day of the month.
/// </remarks>
public sealed class CronSchedule
{
    private const string Field = "Schedule";

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // Longest gap between two matches of a possible schedule: 29 February skips at most eight years (2096 to 2104).
    private const int SearchYears = 9;

    private readonly ulong _minutes;      // bits 0-59
    private readonly uint _hours;         // bits 0-23
    private readonly uint _daysOfMonth;   // bits 1-31
    private readonly uint _months;        // bits 1-12
    private readonly uint _daysOfWeek;    // bits 0-6, Sunday = 0
    private readonly bool _dayOfMonthStar;
    private readonly bool _dayOfWeekStar;

    private CronSchedule(string expression, ulong minutes, uint hours, uint daysOfMonth, uint months, uint daysOfWeek, bool dayOfMonthStar, bool dayOfWeekStar)
    {
        Expression = expression;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _dayOfMonthStar = dayOfMonthStar;
        _dayOfWeekStar = dayOfWeekStar;
    }

    /// <summary>The expression as given (trimmed).</summary>
    public string Expression { get; }

    public override string ToString() => Expression;

    /// <summary>Parses a five-field expression; a bad one throws <see cref="ValidationFailedException"/> naming the field and value.</summary>
    public static CronSchedule Parse(string expression)
    {
        var trimmed = (expression ?? "").Trim();
        if (trimmed.Length == 0)
            throw Invalid("is required: five fields in UTC (minute hour day-of-month month day-of-week), e.g. \"0 6 * * *\".");
        var text = trimmed.StartsWith('@') ? Shorthand(trimmed) : trimmed;
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            throw Invalid($"must have five fields (minute hour day-of-month month day-of-week); \"{trimmed}\" has {fields.Length}.");

        var minutes = ParseField(fields[0], "minute", 0, 59, null);
        var hours = ParseField(fields[1], "hour", 0, 23, null);
        var daysOfMonth = ParseField(fields[2], "day-of-month", 1, 31, null);
        var months = ParseField(fields[3], "month", 1, 12, MonthNames);
        var daysOfWeek = ParseField(fields[4], "day-of-week", 0, 7, DayNames);
        if ((daysOfWeek & (1UL << 7)) != 0) daysOfWeek = (daysOfWeek | 1UL) & ~(1UL << 7);

        var schedule = new CronSchedule(trimmed, minutes, (uint)hours, (uint)daysOfMonth, (uint)months, (uint)daysOfWeek,
            fields[2].StartsWith('*'), fields[4].StartsWith('*'));
        schedule.ThrowIfNoDayCanMatch(fields[2], fields[3]);
        return schedule;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParse(string expression, out CronSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (ValidationFailedException e)
        {
            schedule = null;
            error = e.Errors[Field][0];
            return false;
        }
    }

    /// <summary>The first whole UTC minute strictly after <paramref name="instant"/> that matches; null if none within nine years.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        if (utc.Year > DateTime.MaxValue.Year - SearchYears - 1) return null;
        var t = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var lastYear = t.Year + SearchYears;

        while (t.Year <= lastYear)
        {
            if (!Has(_months, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                continue;
            }
            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!Has(_hours, t.Hour))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
                continue;
            }
            var minute = FirstAtOrAfter(_minutes, t.Minute, 59);
            if (minute < 0)
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
                continue;
            }
            return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, minute, 0, TimeSpan.Zero);
        }
        return null;
    }

    /// <summary>The schedule in words, e.g. "at 06:00 UTC, every day".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var minutes = Values(_minutes, 0, 59);
        var hours = Values(_hours, 0, 23);
        if (minutes.Count == 60 && hours.Count == 24) text.Append("every minute");
        else if (minutes.Count == 1 && hours.Count == 24) text.Append(CultureInfo.InvariantCulture, $"at minute {minutes[0]} of every hour");
        else if (hours.Count == 24) text.Append("at minutes ").Append(Ranges(minutes, m => m.ToString(CultureInfo.InvariantCulture))).Append(" of every hour");
        else if (minutes.Count * hours.Count <= 6)
            text.Append("at ").Append(string.Join(", ", hours.SelectMany(h => minutes.Select(m => $"{h:00}:{m:00}")))).Append(" UTC");
        else
            text.Append(minutes.Count == 60 ? "every minute" : "at minutes " + Ranges(minutes, m => m.ToString(CultureInfo.InvariantCulture)))
                .Append(" during hours ").Append(Ranges(hours, h => $"{h:00}")).Append(" UTC");

        var daysOfMonth = Ranges(Values(_daysOfMonth, 1, 31), d => d.ToString(CultureInfo.InvariantCulture));
        var daysOfWeek = Ranges(Values(_daysOfWeek, 0, 6), d => Title(DayNames[d]));
        var domAll = Values(_daysOfMonth, 1, 31).Count == 31;
        var dowAll = Values(_daysOfWeek, 0, 6).Count == 7;
        if (!_dayOfMonthStar && !_dayOfWeekStar) text.Append(", on day ").Append(daysOfMonth).Append(" of the month or on ").Append(daysOfWeek);
        else if (domAll && dowAll)
        {
            if (hours.Count < 24) text.Append(", every day");
        }
        else
        {
            if (!domAll) text.Append(", on day ").Append(daysOfMonth).Append(" of the month");
            if (!dowAll) text.Append(domAll ? ", on " : " if it is ").Append(daysOfWeek);
        }
        var months = Values(_months, 1, 12);
        if (months.Count < 12) text.Append(", in ").Append(Ranges(months, m => Title(MonthNames[m - 1])));
        return text.ToString();
    }

    private bool DayMatches(DateTime day)
    {
        var dom = Has(_daysOfMonth, day.Day);
        var dow = Has(_daysOfWeek, (int)day.DayOfWeek);
        return _dayOfMonthStar || _dayOfWeekStar ? dom && dow : dom || dow;
    }

    // "0 0 31 2 *" would never run: say so at save time rather than leave a check that silently never runs.
    private void ThrowIfNoDayCanMatch(string dayOfMonthText, string monthText)
    {
        if (!_dayOfMonthStar && !_dayOfWeekStar) return; // either day rule: any weekday makes some day match
        if (_daysOfWeek == 0) return;
        int[] longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (var month = 1; month <= 12; month++)
        {
            if (!Has(_months, month)) continue;
            if (FirstAtOrAfter(_daysOfMonth, 1, longest[month - 1]) >= 0) return;
        }
        throw Invalid($"day-of-month \"{dayOfMonthText}\" never occurs in month \"{monthText}\", so the schedule would never run.");
    }

    private static string Shorthand(string text) => text.ToLowerInvariant() switch
    {
        "@hourly" => "0 * * * *",
        "@daily" or "@midnight" => "0 0 * * *",
        "@weekly" => "0 0 * * 0",
        "@monthly" => "0 0 1 * *",
        "@yearly" or "@annually" => "0 0 1 1 *",
        _ => throw Invalid($"\"{text}\" is not a known shorthand (use @hourly, @daily, @weekly, @monthly or @yearly) or five fields."),
    };

    private static ulong ParseField(string text, string name, int min, int max, string[]? names)
    {
        ulong bits = 0;
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0) throw Invalid($"{name} field \"{text}\" has an empty list item.");
            var rangeText = part;
            var step = 1;
            var slash = part.IndexOf('/');
            if (slash >= 0)
            {
                rangeText = part[..slash];
                var stepText = part[(slash + 1)..];
                if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max - min + 1)
                    throw Invalid($"{name} field \"{text}\": step \"{stepText}\" must be a whole number from 1 to {max - min + 1}.");
            }

            int first, last;
            if (rangeText == "*")
            {
                (first, last) = (min, max);
            }
            else
            {
                var dash = rangeText.IndexOf('-');
                if (dash >= 0)
                {
                    first = Value(rangeText[..dash], text, name, min, max, names);
                    last = Value(rangeText[(dash + 1)..], text, name, min, max, names);
                    if (last < first)
                        throw Invalid($"{name} field \"{text}\": range \"{rangeText}\" runs backwards; write it low-high.");
                }
                else
                {
                    first = Value(rangeText, text, name, min, max, names);
                    last = slash >= 0 ? max : first; // "5/15" means from 5 to the end, every 15
                }
            }
            for (var v = first; v <= last; v += step) bits |= 1UL << v;
        }
        return bits;
    }

    private static int Value(string token, string field, string name, int min, int max, string[]? names)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number < min || number > max)
                throw Invalid($"{name} field \"{field}\": {number} is out of range {min}-{max}.");
            return number;
        }
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) return index + (min == 1 ? 1 : 0);
            throw Invalid($"{name} field \"{field}\": \"{token}\" is neither a number from {min} to {max} nor one of {string.Join(", ", names)}.");
        }
        throw Invalid($"{name} field \"{field}\": \"{token}\" is not a number from {min} to {max}.");
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static int FirstAtOrAfter(ulong bits, int from, int to)
    {
        for (var v = from; v <= to; v++)
            if (Has(bits, v)) return v;
        return -1;
    }

    private static List<int> Values(ulong bits, int min, int max)
    {
        var values = new List<int>();
        for (var v = min; v <= max; v++)
            if (Has(bits, v)) values.Add(v);
        return values;
    }

    // Consecutive runs as "a–b" so that "1-5" reads as "Mon–Fri" rather than five names.
    private static string Ranges(List<int> values, Func<int, string> format)
    {
        var parts = new List<string>();
        for (var i = 0; i < values.Count;)
        {
            var j = i;
            while (j + 1 < values.Count && values[j + 1] == values[j] + 1) j++;
            parts.Add(j - i >= 2 ? $"{format(values[i])}–{format(values[j])}" : format(values[i]));
            if (j - i == 1) parts.Add(format(values[j]));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private static string Title(string upper) => upper[0] + upper[1..].ToLowerInvariant();

    private static ValidationFailedException Invalid(string message) => ValidationFailedException.For(Field, message);
}
