using System.Globalization;
using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Objectives;
using Attest.Training;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reports;

/// <summary>One measure in the report: its definition and the value stored for the month (null when none was taken).</summary>
public sealed record ReportMeasure(MeasureQueries.MeasureRow Row, MeasureQueries.StoredValue? Value)
{
    public MeasureStatus Status => Value?.Status ?? MeasureStatus.NoData;

    public string ValueText => MeasureRules.Format(Value?.Value, Row.Unit);

    /// <summary>The target the value was judged against: frozen with the value, else the measure's current one.</summary>
    public string TargetText => Value is { } v ? MeasureRules.FormatTarget(v.Comparison, v.Target, Row.Unit) : Row.TargetText;

    public decimal TargetValue => Value?.Target ?? Row.Target;

    public string Detail => Value?.Detail ?? "";
}

public sealed record ReportObjective(Guid Id, string Reference, string Title, ObjectiveKind Kind, string? Owner, IReadOnlyList<ReportMeasure> Measures);

/// <summary>What happened in operations during the month.</summary>
/// <param name="TrainingDone">Counted assignments done as at the month end (see the training page's completion definition).</param>
public sealed record OperationsSummary(int Incidents, int SeriousIncidents, int IncidentsOpenAtEnd, int VulnerabilitiesFound, int VulnerabilitiesFixed,
    int CriticalVulnerabilitiesOpen, int TrainingCompletedInMonth, int TrainingDone, int TrainingAssigned, int AccessReviewsCompleted, int AccessReviewsLate)
{
    public int TrainingPercent => TrainingAssigned == 0 ? 0 : TrainingDone * 100 / TrainingAssigned;
}

/// <summary>Nonconformities and corrective actions: the month's movements and what was open at its end.</summary>
public sealed record ImprovementSummary(int NonconformitiesRaised, int NonconformitiesClosed, int NonconformitiesOpen, int MajorOpen,
    int ActionsCompleted, int ActionsOpen, int ActionsOverdue);

/// <summary>
/// The monthly security report for management: the dashboard for a chosen month. Measures are the values stored for the month (never
/// recomputed), with the twelve months up to it; incidents, vulnerabilities, training, nonconformities and actions are counted for the
/// month from their dates; compliance and risks are as they stand when the report is made (those registers keep no history).
/// </summary>
/// <param name="OverdueAtMonthEnd">A past month counts overdue work at its end, for the kinds whose completion dates are kept (corrective actions
/// and nonconformities); the current month counts every kind as at today.</param>
public sealed record MonthlyReport(
    string Organization, int Month, DateOnly FirstDay, DateOnly LastDay, DateOnly AsAt, DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportObjective> Objectives, IReadOnlyList<FrameworkCompliance> Compliance, RiskSummary Risks,
    OperationsSummary Operations, ImprovementSummary Improvement, IReadOnlyList<OverdueOwner> Overdue, bool OverdueAtMonthEnd)
{
    /// <summary>"October 2026".</summary>
    public string MonthLabel => FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2026-10", as the month picker and the CLI write it.</summary>
    public string MonthText => OrganizationTime.MonthText(Month);

    public IEnumerable<ReportMeasure> Measures => Objectives.SelectMany(o => o.Measures);

    /// <summary>Red measures, with the objective they belong to: the report's highlights.</summary>
    public IReadOnlyList<(ReportObjective Objective, ReportMeasure Measure)> Highlights =>
        Objectives.SelectMany(o => o.Measures.Where(m => m.Status == MeasureStatus.Red).Select(m => (o, m))).ToList();

    /// <summary>Reads "2026-10" (as typed in the picker or on the command line) or fails naming the field.</summary>
    public static int ParseMonth(string? text, string field = "month") =>
        OrganizationTime.ParseMonth(text?.Trim()) ?? throw ValidationFailedException.For(field, $"'{text}' is not a month: write it as YYYY-MM, e.g. 2026-10.");

    /// <summary>
    /// Builds the report for <paramref name="month"/> (yyyymm) in six queries. A month after the current one (in the organization's zone)
    /// is refused; a month without stored measurements still makes a report, its measures showing no data.
    /// </summary>
    /// <exception cref="ValidationFailedException">The month is not a month, or is in the future.</exception>
    public static async Task<MonthlyReport> BuildAsync(AttestDbContext db, int month, CancellationToken cancellationToken = default)
    {
        if (month % 100 is < 1 or > 12 || month / 100 is < 1900 or > 9999)
            throw ValidationFailedException.For("month", $"{month} is not a month: give it as yyyymm, e.g. 202610.");
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var now = db.Clock.GetUtcNow();
        var today = OrganizationTime.Date(now, zone);
        if (month > OrganizationTime.Month(today))
            throw ValidationFailedException.For("month", $"{OrganizationTime.MonthText(month)} is in the future: the latest month with figures is {OrganizationTime.MonthText(OrganizationTime.Month(today))}.");

        var first = new DateOnly(month / 100, month % 100, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var asAt = today < last ? today : last;
        var starts = OrganizationTime.StartOfDay(first, zone);
        var ends = OrganizationTime.StartOfDay(last.AddDays(1), zone);

        var rows = await MeasureQueries.AsAtAsync(db, last, 12, cancellationToken: cancellationToken);
        var objectives = rows.GroupBy(r => r.ObjectiveId)
            .Select(g => new ReportObjective(g.Key, g.First().ObjectiveReference, g.First().ObjectiveTitle, g.First().ObjectiveKind, g.First().ObjectiveOwnerName,
                g.Select(r => new ReportMeasure(r, ValueForMonth(r, last))).ToList()))
            .ToList();
        var compliance = await ComplianceStatus.PerFrameworkAsync(db, ends, cancellationToken);
        var overdue = await OverdueByOwner.ListAsync(db, asAt, onlyWithHistory: asAt < today, cancellationToken);

        var open = new[] { FindingStatus.Open, FindingStatus.InProgress };
        var serious = new[] { IncidentSeverity.Critical, IncidentSeverity.High };
        var (trainingCounted, trainingDone) = (TrainingFigures.Counted(db, asAt), TrainingFigures.DoneBy(db, asAt));
        var figures = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(o => new
            {
                o.Name,
                Methodology = db.RiskMethodologies.OrderByDescending(m => m.Number).Select(m => m.Definition).FirstOrDefault(),
                OpenRisks = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed),
                Level0 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 0),
                Level1 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 1),
                Level2 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 2),
                Level3 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 3),
                Level4 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 4),
                Level5 = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel == 5),
                AboveAppetite = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.ResidualLevel != null && r.TargetLevel != null && r.ResidualLevel > r.TargetLevel),
                TasksOverdue = db.RiskTasks.Count(t => t.DueOn < asAt && (t.CompletedOn == null || t.CompletedOn > asAt)),
                ReviewsOverdue = db.Risks.Count(r => r.Status != Attest.Risks.RiskStatus.Closed && r.NextReviewOn != null && r.NextReviewOn < today),
                Incidents = db.Incidents.Count(i => i.DetectedMonth == month),
                Serious = db.Incidents.Count(i => i.DetectedMonth == month && serious.Contains(i.Severity)),
                IncidentsOpen = db.Incidents.Count(i => i.DetectedAt < ends && (i.ClosedAt == null || i.ClosedAt >= ends)),
                Found = db.VulnerabilityFindings.Count(f => f.FirstSeenAt >= starts && f.FirstSeenAt < ends),
                Fixed = db.VulnerabilityFindings.Count(f => f.FixedAt >= starts && f.FixedAt < ends),
                CriticalOpen = db.VulnerabilityFindings.Count(f => f.Severity == VulnerabilitySeverity.Critical && f.FirstSeenAt < ends &&
                    (open.Contains(f.Status) || (f.FixedAt != null && f.FixedAt >= ends))),
                TrainingCompleted = db.TrainingAssignments.Count(a => a.CancelledOn == null && a.CompletedOn >= first && a.CompletedOn <= last),
                // The training page's completion definition, as at the month's end: done in the 12 months before it, or due by then and not done.
                TrainingDone = trainingDone.Count(),
                TrainingAssigned = trainingCounted.Count(),
                AccessCompleted = db.AccessReviewCampaigns.Count(c => c.CompletedAt >= starts && c.CompletedAt < ends),
                AccessLate = db.AccessReviewCampaigns.Count(c => c.Status != AccessReviews.CampaignStatus.Cancelled && c.Status != AccessReviews.CampaignStatus.Draft &&
                    c.DueOn < asAt && (c.CompletedAt == null || c.CompletedAt >= ends)),
                NcRaised = db.Nonconformities.Count(n => n.RaisedOn >= first && n.RaisedOn <= last),
                NcClosed = db.Nonconformities.Count(n => n.ClosedOn >= first && n.ClosedOn <= last),
                NcOpen = db.Nonconformities.Count(n => n.RaisedOn <= last && (n.ClosedOn == null || n.ClosedOn > last)),
                MajorOpen = db.Nonconformities.Count(n => n.Grade == FindingGrade.Major && n.RaisedOn <= last && (n.ClosedOn == null || n.ClosedOn > last)),
                ActionsCompleted = db.CorrectiveActions.Count(a => a.CompletedOn >= first && a.CompletedOn <= last),
                ActionsOpen = db.CorrectiveActions.Count(a => a.Status != ActionStatus.Cancelled && a.CreatedAt < ends && (a.CompletedOn == null || a.CompletedOn > last) &&
                    (a.Status != ActionStatus.Done || a.CompletedOn != null)),
                ActionsOverdue = db.CorrectiveActions.Count(a => a.Status != ActionStatus.Cancelled && a.DueOn < asAt && (a.CompletedOn == null || a.CompletedOn > asAt) &&
                    (a.Status != ActionStatus.Done || a.CompletedOn != null)),
            })
            .SingleAsync(cancellationToken);

        var risks = RiskSummary.From(figures.Methodology, figures.OpenRisks, [figures.Level0, figures.Level1, figures.Level2, figures.Level3, figures.Level4, figures.Level5],
            figures.AboveAppetite, figures.TasksOverdue, figures.ReviewsOverdue);
        var operations = new OperationsSummary(figures.Incidents, figures.Serious, figures.IncidentsOpen, figures.Found, figures.Fixed, figures.CriticalOpen,
            figures.TrainingCompleted, figures.TrainingDone, figures.TrainingAssigned, figures.AccessCompleted, figures.AccessLate);
        var improvement = new ImprovementSummary(figures.NcRaised, figures.NcClosed, figures.NcOpen, figures.MajorOpen, figures.ActionsCompleted, figures.ActionsOpen, figures.ActionsOverdue);
        return new MonthlyReport(figures.Name, month, first, last, asAt, now, objectives, compliance, risks, operations, improvement, overdue, asAt < today);
    }

    /// <summary>
    /// The value taken for the period that covers the month: the latest stored value, provided its period ended within one period of
    /// the month's end (a quarterly value from August still counts for October; a monthly value from August does not).
    /// </summary>
    public static MeasureQueries.StoredValue? ValueForMonth(MeasureQueries.MeasureRow row, DateOnly lastDay)
    {
        if (row.Latest is not { } latest) return null;
        var periodMonths = row.Frequency switch
        {
            MeasureFrequency.Quarterly => 3,
            MeasureFrequency.Annually => 12,
            _ => 1,
        };
        var earliest = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(1 - periodMonths);
        return latest.PeriodEnd >= earliest ? latest : null;
    }
}
