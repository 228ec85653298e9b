namespace Attest.Objectives.Measures;

/// <summary>The measures computed from Attest's records, in the order they are offered; <see cref="MeasureLibrary"/> serves them.</summary>
public static class LiveMeasures
{
    public static IReadOnlyList<INamedMeasure> All { get; } =
    [
        new AiControlBaseline(),
        new AiImpactAssessmentCurrent(),
        new CriticalIncidentTime("incidents.critical-detect-max-hours", IncidentStep.Detect, percentile: false),
        new CriticalIncidentTime("incidents.critical-detect-p90-hours", IncidentStep.Detect, percentile: true),
        new CriticalIncidentTime("incidents.critical-contain-max-hours", IncidentStep.Contain, percentile: false),
        new CriticalIncidentTime("incidents.critical-contain-p90-hours", IncidentStep.Contain, percentile: true),
        new IncidentLessonsLearned(),
        new TrainingCompletion(),
        new JoinersTrainedFirstWeek(),
        new AccessReviewsOnTime(),
        new OpenCriticalVulnerabilities(),
        new MonthlyUptime(),
        new PoliciesWithinReview(),
        new SoaCoverage(),
        new OverdueCorrectiveActions(),
        new OpenMajorNonconformities(),
        new HighRisksUntreated(),
    ];
}
