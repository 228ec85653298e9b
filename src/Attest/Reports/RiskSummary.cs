using Attest.Risks;

namespace Attest.Reports;

/// <summary>Open risks at one level of the current methodology.</summary>
public sealed record RiskLevelCount(string Name, string Colour, int Count);

/// <summary>
/// The risk picture for management: open risks by residual level, those above appetite (the residual level is still above the level
/// the treatment aims for), treatment tasks past their date and reviews overdue.
/// </summary>
public sealed record RiskSummary(int Open, IReadOnlyList<RiskLevelCount> ByLevel, int NotRated, int AboveAppetite, int TreatmentsOverdue, int ReviewsOverdue)
{
    /// <summary>The most levels a methodology may have; the counts are taken per level index up to this.</summary>
    public const int MaxLevels = 6;

    /// <summary>Names the per-index counts with the current methodology's levels (indexes it does not have are left out).</summary>
    /// <param name="methodology">The current methodology's definition JSON; null when none has been adopted.</param>
    /// <param name="byLevel">Open risks per residual level index, 0 to <see cref="MaxLevels"/> − 1.</param>
    public static RiskSummary From(string? methodology, int open, IReadOnlyList<int> byLevel, int aboveAppetite, int treatmentsOverdue, int reviewsOverdue)
    {
        var levels = methodology is null ? [] : MethodologyDefinition.Parse(methodology).Levels;
        var named = levels.Select((l, i) => new RiskLevelCount(l.Name, l.Colour, i < byLevel.Count ? byLevel[i] : 0)).Reverse().ToList();
        return new RiskSummary(open, named, open - named.Sum(l => l.Count), aboveAppetite, treatmentsOverdue, reviewsOverdue);
    }
}
