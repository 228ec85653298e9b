using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Attest.Improvement;
using Attest.Risks;
using Attest.Soa;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives.Measures;

/// <summary>policies.within-review: published controlled documents whose review date had not passed at the end of the period.</summary>
public sealed class PoliciesWithinReview() : LiveMeasure("policies.within-review", "Policies within their review date",
    "Controlled documents (policies, standards, procedures, plans, ISMS documents) not retired and published by the end of the period, " +
    "counting those whose next review date had not passed by then (a review due on the last day is still in time), with the review date " +
    "they carry when the value is taken.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (day, before) = (asAt.Day, asAt.Before);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => !d.Retired && db.DocumentVersions.Any(v => v.DocumentId == d.Id && v.PublishedAt != null && v.PublishedAt < before))
            .Select(d => new { d.Id, d.Reference, d.Title, d.NextReviewOn })
            .ToListAsync(cancellationToken);
        // Overdue as the policy register says it: the review date is before the day.
        var overdue = documents.Where(d => d.NextReviewOn is { } next && next < day).ToList();
        var result = MeasureResult.Percent(documents.Count - overdue.Count, documents.Count, "published documents");
        var records = overdue.OrderBy(d => d.NextReviewOn).ThenBy(d => d.Reference, StringComparer.Ordinal).Take(RecordsShown)
            .Select(d => new MeasureRecord(d.Reference, d.Title, $"review was due {Day(d.NextReviewOn!.Value)}, {day.DayNumber - d.NextReviewOn.Value.DayNumber} days before {Day(day)}",
                $"/policies/{d.Id}"))
            .ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>soa.coverage: applicable Annex A controls implemented, by the Statement of Applicability's own rule.</summary>
public sealed class SoaCoverage() : LiveMeasure("soa.coverage", "SoA coverage",
    "Annex A controls of the Statements of Applicability (ISO/IEC 27001 and ISO/IEC 42001, where the organization has them) that are " +
    "applicable and implemented, out of the applicable ones — the status the live SoA shows: implemented when every control of the " +
    "organization implementing the requirement is implemented. Read from the live SoA when the value is taken.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var keys = StatementOfApplicability.Frameworks.ToList();
        var links = db.ControlRequirements.AsNoTracking();
        var controls = db.Controls.AsNoTracking();
        // The same EXISTS probes as the SoA draft, for the applicable requirements only.
        var rows = (await db.Requirements.AsNoTracking()
                .Where(r => r.Kind == RequirementKind.Control && !r.Withdrawn)
                .Join(db.Frameworks.Where(f => keys.Contains(f.Key)), r => r.FrameworkId, f => f.Id, (r, f) => new { r, f.Key })
                .Where(x => !db.SoaDecisions.Any(d => d.RequirementId == x.r.Id && d.FrameworkId == x.r.FrameworkId && !d.Applicable))
                .OrderBy(x => x.Key).ThenBy(x => x.r.SortOrder)
                .Select(x => new
                {
                    x.Key, x.r.Code, x.r.Title,
                    Implemented = links.Any(l => l.RequirementId == x.r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Implemented)),
                    Partial = links.Any(l => l.RequirementId == x.r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.PartiallyImplemented)),
                    Planned = links.Any(l => l.RequirementId == x.r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Planned)),
                    NotStarted = links.Any(l => l.RequirementId == x.r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.NotStarted)),
                })
                .ToListAsync(cancellationToken))
            .Select(x => new { x.Key, x.Code, x.Title, Status = StatementOfApplicability.Combine(x.Implemented, x.Partial, x.Planned, x.NotStarted) })
            .ToList();
        var result = MeasureResult.Percent(rows.Count(r => r.Status == ImplementationStatus.Implemented), rows.Count, "applicable Annex A controls");
        var records = rows.Where(r => r.Status != ImplementationStatus.Implemented).Take(RecordsShown)
            .Select(r => new MeasureRecord(r.Code, r.Title, $"{StatementOfApplicability.Describe(r.Status).ToLowerInvariant()} ({r.Key})",
                $"/soa/{r.Key}/entries/{Uri.EscapeDataString(r.Code)}"))
            .ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>actions.overdue: corrective actions open past their due date at the end of the period.</summary>
public sealed class OverdueCorrectiveActions() : LiveMeasure("actions.overdue", "Overdue corrective actions",
    "Corrective actions of every source raised by the end of the period, still open then (open or in progress, or done or cancelled only " +
    "after it) and due before its last day — overdue as the action register counts it on that day.",
    MeasureUnit.Count, MeasureDirection.LowerIsBetter, TargetComparison.EqualTo, 0m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (day, before) = (asAt.Day, asAt.Before);
        var overdue = db.CorrectiveActions.AsNoTracking()
            .Where(a => a.CreatedAt < before && a.DueOn != null && a.DueOn < day
                && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress
                    || (a.Status == ActionStatus.Done && (a.CompletedOn != null ? a.CompletedOn > day : a.UpdatedAt >= before))
                    || (a.Status == ActionStatus.Cancelled && a.UpdatedAt >= before)));
        var count = await overdue.CountAsync(cancellationToken);
        var result = new MeasureResult(count, Count(count, "overdue corrective action"));
        if (!withRecords) return Evaluation.Of(result);
        var rows = await overdue.OrderBy(a => a.DueOn).ThenBy(a => a.Reference).Take(RecordsShown)
            .Select(a => new { a.Id, a.Reference, a.Title, a.DueOn, Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var records = rows.Select(a => new MeasureRecord(a.Reference, a.Title,
            $"due {Day(a.DueOn!.Value)}, {day.DayNumber - a.DueOn.Value.DayNumber} days overdue on {Day(day)}; owner {a.Owner ?? "none"}", $"/actions/{a.Id}")).ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>nonconformities.open-major: major nonconformities open at the end of the period.</summary>
public sealed class OpenMajorNonconformities() : LiveMeasure("nonconformities.open-major", "Open major nonconformities",
    "Major nonconformities of every source raised by the end of the period and not closed by then.",
    MeasureUnit.Count, MeasureDirection.LowerIsBetter, TargetComparison.EqualTo, 0m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var day = asAt.Day;
        var rows = await db.Nonconformities.AsNoTracking()
            .Where(n => n.Grade == FindingGrade.Major && n.RaisedOn <= day && (n.Status != NonconformityStatus.Closed || n.ClosedOn == null || n.ClosedOn > day))
            .OrderBy(n => n.RaisedOn).ThenBy(n => n.Reference)
            .Select(n => new { n.Id, n.Reference, n.Title, n.RaisedOn, n.DueOn })
            .ToListAsync(cancellationToken);
        var result = new MeasureResult(rows.Count, Count(rows.Count, "open major nonconformity", "open major nonconformities"));
        var records = rows.Take(RecordsShown).Select(n => new MeasureRecord(n.Reference, n.Title,
            $"raised {Day(n.RaisedOn)}, open {day.DayNumber - n.RaisedOn.DayNumber} days" + (n.DueOn is { } due && due < day ? $", due {Day(due)}" : ""),
            $"/nonconformities/{n.Id}")).ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>risks.high-untreated: open risks above what their owner may accept with no treatment decided.</summary>
public sealed class HighRisksUntreated() : LiveMeasure("risks.high-untreated", "High risks without a treatment",
    "Open risks identified by the end of the period whose inherent level is one the risk owner may not accept (the methodology version the " +
    "risk was rated under says who may accept each level) and whose treatment is still undecided — the rule of the certification readiness " +
    "check for clause 6.1.3. Read from the risk register as it stands when the value is taken.",
    MeasureUnit.Count, MeasureDirection.LowerIsBetter, TargetComparison.EqualTo, 0m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var day = asAt.Day;
        var methodologies = (await db.RiskMethodologies.AsNoTracking().Select(m => new { m.Id, m.Definition }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id, m => MethodologyDefinition.Parse(m.Definition).Levels);
        var undecided = await db.Risks.AsNoTracking()
            .Where(r => r.Status != RiskStatus.Closed && r.Treatment == RiskTreatment.Undecided && r.InherentLevel != null && r.IdentifiedOn <= day)
            .OrderBy(r => r.Reference)
            .Select(r => new { r.Id, r.Reference, r.Title, r.MethodologyId, Level = r.InherentLevel!.Value })
            .ToListAsync(cancellationToken);
        var high = undecided
            .Select(r => (r.Id, r.Reference, r.Title, Level: methodologies.TryGetValue(r.MethodologyId, out var levels) && r.Level >= 0 && r.Level < levels.Count ? levels[r.Level] : null))
            .Where(r => r.Level is { AcceptableBy: > AcceptanceAuthority.RiskOwner })
            .ToList();
        var result = new MeasureResult(high.Count, Count(high.Count, "high risk") + " without a treatment");
        var records = high.Take(RecordsShown).Select(r => new MeasureRecord(r.Reference, r.Title,
            $"inherent level {r.Level!.Name} ({Authority(r.Level.AcceptableBy)}); no treatment decided", $"/risks/{r.Id}")).ToList();
        return new Evaluation(result, records);
    }

    private static string Authority(AcceptanceAuthority authority) => authority switch
    {
        AcceptanceAuthority.Ciso => "only the CISO or an executive may accept it",
        AcceptanceAuthority.Executive => "only an executive may accept it",
        _ => "nobody may accept it",
    };
}
