using System.Globalization;
using Attest.Data;

namespace Attest.Objectives.Measures;

/// <summary>
/// A named measure computed from Attest's records. Each measure evaluates once for its value and, when asked, the records behind it
/// (at most <see cref="RecordsShown"/>, those most in need of action first), so the number and its drill-down come from one piece of code.
/// </summary>
public abstract class LiveMeasure(string key, string title, string definition, MeasureUnit unit, MeasureDirection direction,
    TargetComparison suggestedComparison, decimal suggestedTarget) : INamedMeasure
{
    /// <summary>The most records a drill-down lists; the value always counts them all.</summary>
    public const int RecordsShown = 100;

    public string Key => key;
    public string Title => title;
    public string Definition => definition;
    public MeasureUnit Unit => unit;
    public MeasureDirection Direction => direction;
    public TargetComparison SuggestedComparison => suggestedComparison;
    public decimal SuggestedTarget => suggestedTarget;

    public async Task<MeasureResult> ComputeAsync(AttestDbContext db, MeasurePeriod period, CancellationToken cancellationToken) =>
        (await EvaluateAsync(db, AsAt.Of(db, period), withRecords: false, cancellationToken)).Result;

    public async Task<IReadOnlyList<MeasureRecord>> RecordsBehindAsync(AttestDbContext db, MeasurePeriod period, CancellationToken cancellationToken) =>
        (await EvaluateAsync(db, AsAt.Of(db, period), withRecords: true, cancellationToken)).Records;

    /// <summary>The value, and the records behind it when <paramref name="withRecords"/> (otherwise an empty list may be returned).</summary>
    protected abstract Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken);

    protected sealed record Evaluation(MeasureResult Result, IReadOnlyList<MeasureRecord> Records)
    {
        public static Evaluation Of(MeasureResult result) => new(result, []);
    }

    /// <summary>"1 critical incident", "3 critical incidents".</summary>
    protected static string Count(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    protected static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The moment a value is taken at: the end of the period, or now when the period has not ended yet (a value for the current month
/// reads today's records, not a forecast). <see cref="Day"/> is the last day counted, in the organization's zone; <see cref="Before"/>
/// the exclusive instant bound; <see cref="From"/> the first instant of the period.
/// </summary>
public sealed record AsAt(MeasurePeriod Period, DateOnly Day, DateTimeOffset From, DateTimeOffset Before, DateOnly Today)
{
    public static AsAt Of(AttestDbContext db, MeasurePeriod period)
    {
        var now = Instant.Now(db.Clock);
        var today = OrganizationTime.Date(now, period.Zone);
        var ended = period.EndsBefore <= now;
        return new AsAt(period, ended ? period.End : today < period.End ? today : period.End, period.StartsAt, ended ? period.EndsBefore : now, today);
    }
}

/// <summary>Arithmetic shared by the time measures.</summary>
public static class MeasureArithmetic
{
    /// <summary>
    /// The <paramref name="percent"/>th percentile by nearest rank: the smallest value such that at least that share of the values is at
    /// or below it — the value at rank ⌈percent/100 × n⌉ of the values in ascending order. Of 10 values, p90 is the 9th; of 1, the only one.
    /// </summary>
    public static long NearestRank(IReadOnlyCollection<long> values, int percent)
    {
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        if (percent is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(percent));
        var sorted = values.Order().ToList();
        var rank = (percent * sorted.Count + 99) / 100;
        return sorted[rank - 1];
    }

    /// <summary>Seconds as hours, to two decimals (3 h 30 min is 3.5).</summary>
    public static decimal Hours(long seconds) => Math.Round(seconds / 3600m, 2);
}
