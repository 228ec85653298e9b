using Attest.AiSystems;
using Attest.Assets;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives.Measures;

/// <summary>ai.control-baseline: the share of AI systems whose class baseline is fully met, as <see cref="AiCoverage"/> counts it.</summary>
public sealed class AiControlBaseline() : LiveMeasure("ai.control-baseline", "AI systems with their full control baseline implemented",
    "AI systems not retired or disposed whose required baseline — the requirements of their AI system class — is fully met: every baseline " +
    "requirement is linked to an implemented control applied to the system (the coverage shown on the AI registry). A system without a class, " +
    "or whose class names no requirement, has no baseline and counts as not covered. Read from the registry as it stands when the value is taken.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var coverage = await AiCoverage.RunAsync(db, cancellationToken: cancellationToken);
        var result = MeasureResult.Percent(coverage.FullyCovered, coverage.Systems, "AI systems");
        if (!withRecords) return Evaluation.Of(result);
        var records = coverage.Rows.Where(r => !r.FullyCovered)
            .OrderByDescending(r => r.Required - r.Implemented).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Take(RecordsShown)
            .Select(r => new MeasureRecord(r.Reference, r.Name, ReasonOf(r), $"/ai/systems/{r.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }

    private static string ReasonOf(AiCoverage.SystemCoverage row)
    {
        if (row.Class is null) return "no AI system class, so no baseline";
        if (row.Required == 0) return $"its class {row.Class} names no baseline requirement";
        var missing = string.Join(", ", row.Gaps.Take(5).Select(g => g.Code)) + (row.Gaps.Count > 5 ? ", …" : "");
        return $"{row.Gaps.Count} of {row.Required} baseline requirements not met ({missing})";
    }
}

/// <summary>ai.impact-assessment-current: the share of AI systems in use covered by a current impact assessment.</summary>
public sealed class AiImpactAssessmentCurrent() : LiveMeasure("ai.impact-assessment-current", "AI systems in use with a current impact assessment",
    "AI systems in use (asset in use, registered by the end of the period) covered by at least one impact assessment that was approved by the " +
    "end of the period and was not due for reassessment then: not flagged by a trigger and its review date not passed (the rule of the " +
    "assessments register).",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var before = asAt.Before;
        var systems = await db.AiSystems.AsNoTracking().Where(s => s.CreatedAt < before)
            .Join(db.Assets.Where(a => a.Lifecycle == AssetLifecycle.InUse), s => s.AssetId, a => a.Id, (s, a) => new { s.Id, a.Reference, a.Name })
            .ToListAsync(cancellationToken);
        var assessments = await db.ImpactAssessmentSystems.AsNoTracking()
            .Join(db.ImpactAssessments, l => l.AssessmentId, a => a.Id, (l, a) => new
            {
                l.AiSystemId, a.Reference, a.ApprovedNumber, a.ReassessmentDue, a.NextReviewOn,
                ApprovedBy = db.ImpactAssessmentVersions.Any(v => v.AssessmentId == a.Id && v.ApprovedAt < before),
            })
            .ToListAsync(cancellationToken);
        var bySystem = assessments.ToLookup(a => a.AiSystemId);
        bool Current(Guid system) => bySystem[system].Any(a => a.ApprovedBy && !ImpactAssessmentQueries.IsDue(a.ApprovedNumber, a.ReassessmentDue, a.NextReviewOn, asAt.Day));
        var result = MeasureResult.Percent(systems.Count(s => Current(s.Id)), systems.Count, "AI systems in use");
        if (!withRecords) return Evaluation.Of(result);
        var records = systems.Where(s => !Current(s.Id)).OrderBy(s => s.Reference, StringComparer.Ordinal).Take(RecordsShown)
            .Select(s =>
            {
                var own = bySystem[s.Id].OrderBy(a => a.Reference, StringComparer.Ordinal).ToList();
                var reason = own.Count == 0 ? "no impact assessment covers it"
                    : string.Join("; ", own.Select(a => !a.ApprovedBy ? $"{a.Reference} not approved by {Day(asAt.Day)}"
                        : a.ReassessmentDue ? $"{a.Reference} flagged for reassessment"
                        : $"{a.Reference} past its review date {Day(a.NextReviewOn!.Value)}"));
                return new MeasureRecord(s.Reference, s.Name, reason, $"/ai/systems/{s.Id}");
            })
            .ToList();
        return new Evaluation(result, records);
    }
}
