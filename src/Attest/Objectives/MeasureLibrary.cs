using System.Globalization;
using Attest.Data;

namespace Attest.Objectives;

/// <summary>The period a value is taken for: <see cref="Start"/> to <see cref="End"/> inclusive, days in the organization's zone.</summary>
public sealed record MeasurePeriod(DateOnly Start, DateOnly End, TimeZoneInfo Zone)
{
    /// <summary>The calendar month holding <paramref name="day"/>.</summary>
    public static MeasurePeriod Month(DateOnly day, TimeZoneInfo zone)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return new MeasurePeriod(start, start.AddMonths(1).AddDays(-1), zone);
    }

    /// <summary>The first instant of <see cref="Start"/> in the organization's zone, as UTC.</summary>
    public DateTimeOffset StartsAt => OrganizationTime.StartOfDay(Start, Zone);

    /// <summary>The first instant after <see cref="End"/> in the organization's zone, as UTC (exclusive bound).</summary>
    public DateTimeOffset EndsBefore => OrganizationTime.StartOfDay(End.AddDays(1), Zone);

    /// <summary>"October 2026" for a whole month, otherwise "2026-10-01 to 2026-10-15".</summary>
    public string Label => Start.Day == 1 && End == Start.AddMonths(1).AddDays(-1)
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";
}

/// <summary>A computed value and what it was made of, in words ("47 of 50 AI systems").</summary>
public sealed record MeasureResult(decimal? Value, string Detail)
{
    public static MeasureResult Nothing(string detail) => new(null, detail);

    /// <summary>A percentage of <paramref name="part"/> in <paramref name="whole"/>, or no value when the whole is empty.</summary>
    public static MeasureResult Percent(int part, int whole, string noun) => whole == 0
        ? new(null, $"no {noun}")
        : new(Math.Round(100m * part / whole, 1), $"{part} of {whole} {noun}");
}

/// <summary>One record behind a number: what it is, why it counts against (or towards) the measure, and where to open it.</summary>
public sealed record MeasureRecord(string Reference, string Title, string Reason, string Path);

/// <summary>
/// A measure computed from Attest's records. Each is written in code with a test against hand-built records; its
/// <see cref="RecordsBehindAsync"/> lists the records a person needs to act on (the agents without an assessment, the incident
/// that missed containment) so the dashboard can drill down from a number.
/// </summary>
public interface INamedMeasure
{
    /// <summary>Stable key stored on <see cref="Measure.LibraryKey"/>, e.g. "ai.impact-assessment-current".</summary>
    string Key { get; }
    string Title { get; }
    /// <summary>How the value is computed, in words shown on the measure's page.</summary>
    string Definition { get; }
    MeasureUnit Unit { get; }
    MeasureDirection Direction { get; }
    /// <summary>The target suggested when someone picks this measure.</summary>
    TargetComparison SuggestedComparison { get; }
    decimal SuggestedTarget { get; }

    /// <summary>The value for <paramref name="period"/> from the current organization's records.</summary>
    Task<MeasureResult> ComputeAsync(AttestDbContext db, MeasurePeriod period, CancellationToken cancellationToken);

    /// <summary>The records that keep the value from its ideal (or, for counts, the records counted).</summary>
    Task<IReadOnlyList<MeasureRecord>> RecordsBehindAsync(AttestDbContext db, MeasurePeriod period, CancellationToken cancellationToken);
}

/// <summary>Target arithmetic shared by snapshots, the dashboard and reports: the one place that decides green, amber and red.</summary>
public static class MeasureRules
{
    public static bool Meets(decimal value, TargetComparison comparison, decimal target) => comparison switch
    {
        TargetComparison.AtLeast => value >= target,
        TargetComparison.AtMost => value <= target,
        TargetComparison.GreaterThan => value > target,
        TargetComparison.LessThan => value < target,
        TargetComparison.EqualTo => value == target,
        _ => false,
    };

    /// <summary>
    /// Green when the target is met; amber when missed but not beyond <paramref name="amberThreshold"/> in the bad
    /// <paramref name="direction"/>; red otherwise; no data without a value.
    /// </summary>
    public static MeasureStatus StatusOf(decimal? value, TargetComparison comparison, decimal target, decimal? amberThreshold, MeasureDirection direction)
    {
        if (value is not { } v) return MeasureStatus.NoData;
        if (Meets(v, comparison, target)) return MeasureStatus.Green;
        if (amberThreshold is not { } amber) return MeasureStatus.Red;
        var withinAmber = direction == MeasureDirection.HigherIsBetter ? v >= amber : v <= amber;
        return withinAmber ? MeasureStatus.Amber : MeasureStatus.Red;
    }

    public static MeasureStatus StatusOf(Measure measure, decimal? value) =>
        StatusOf(value, measure.Comparison, measure.Target, measure.AmberThreshold, measure.Direction);

    public static string Symbol(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => "≥",
        TargetComparison.AtMost => "≤",
        TargetComparison.GreaterThan => ">",
        TargetComparison.LessThan => "<",
        _ => "=",
    };

    /// <summary>"99.9 %", "3.5 h", "12", "—" for no value.</summary>
    public static string Format(decimal? value, MeasureUnit unit)
    {
        if (value is not { } v) return "—";
        var number = v.ToString("0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            MeasureUnit.Percent => number + " %",
            MeasureUnit.Hours => number + " h",
            MeasureUnit.Minutes => number + " min",
            MeasureUnit.Days => number + " d",
            _ => number,
        };
    }

    /// <summary>"≥ 99.9 %".</summary>
    public static string FormatTarget(TargetComparison comparison, decimal target, MeasureUnit unit) => $"{Symbol(comparison)} {Format(target, unit)}";
}

/// <summary>The named measures Attest computes. Add a measure here with its test; keys never change once released.</summary>
public static class MeasureLibrary
{
    private static readonly List<INamedMeasure> Measures = [.. Objectives.Measures.LiveMeasures.All];

    public static IReadOnlyList<INamedMeasure> All => Measures;

    public static INamedMeasure? Find(string? key) => key is null ? null : Measures.FirstOrDefault(m => m.Key == key);
}
