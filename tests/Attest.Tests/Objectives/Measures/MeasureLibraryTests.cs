using Attest.Objectives;
using Attest.Objectives.Measures;

namespace Attest.Tests.Objectives.Measures;

public sealed class MeasureLibraryTests
{
    [Fact]
    public void EveryMeasure_HasAUniqueKey_ADefinition_AndIsFoundByItsKey()
    {
        var keys = MeasureLibrary.All.Select(m => m.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(MeasureLibrary.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Definition), m.Key);
            Assert.False(string.IsNullOrWhiteSpace(m.Title), m.Key);
            Assert.Same(m, MeasureLibrary.Find(m.Key));
        });
        Assert.Subset(keys.ToHashSet(), new HashSet<string>
        {
            "ai.control-baseline", "ai.impact-assessment-current", "incidents.critical-detect-max-hours", "incidents.critical-detect-p90-hours",
            "incidents.critical-contain-max-hours", "incidents.critical-contain-p90-hours", "incidents.lessons-learned", "training.completion",
            "training.joiners-first-week", "access.reviews-on-time", "vulnerabilities.critical-open", "availability.monthly-uptime",
            "policies.within-review", "soa.coverage", "actions.overdue", "nonconformities.open-major", "risks.high-untreated",
        });
        var contain = MeasureLibrary.Find("incidents.critical-contain-p90-hours")!;
        Assert.Equal((MeasureUnit.Hours, MeasureDirection.LowerIsBetter, TargetComparison.LessThan, 4m),
            (contain.Unit, contain.Direction, contain.SuggestedComparison, contain.SuggestedTarget));
        Assert.Null(MeasureLibrary.Find("no.such-measure"));
    }

    [Fact]
    public void NearestRank_TakesTheValueAtTheCeilingRank()
    {
        long[] ten = [600, 10, 90, 20, 80, 30, 70, 40, 60, 50];
        Assert.Equal(90, MeasureArithmetic.NearestRank(ten, 90));   // rank ⌈9.0⌉ = 9
        Assert.Equal(50, MeasureArithmetic.NearestRank(ten, 50));   // rank 5
        Assert.Equal(600, MeasureArithmetic.NearestRank([.. ten, 5], 95)); // 11 values: rank ⌈10.45⌉ = 11
        Assert.Equal(90, MeasureArithmetic.NearestRank([.. ten, 5], 90));  // 11 values: rank ⌈9.9⌉ = 10
        Assert.Equal(7, MeasureArithmetic.NearestRank([7], 90));
        Assert.Equal(1.5m, MeasureArithmetic.Hours(5400));
        Assert.Equal(0.33m, MeasureArithmetic.Hours(1200));
    }
}
