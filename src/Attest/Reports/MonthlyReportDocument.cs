using System.Globalization;
using Attest.Documents;
using Attest.Objectives;

namespace Attest.Reports;

/// <summary>Lays the monthly report out as a printable document (for the PDF writer) and names what the HTML page shares with it.</summary>
public static class MonthlyReportDocument
{
    /// <summary>The status word printed beside every colour, so the report reads in black and white too.</summary>
    public static string Word(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "Green",
        MeasureStatus.Amber => "Amber",
        MeasureStatus.Red => "Red",
        _ => "No data",
    };

    /// <summary>What is measured for the month and what stands as the report is made.</summary>
    public static string Basis(MonthlyReport report) =>
        $"Measures are the values stored for {report.MonthLabel} and the eleven months before it, never recomputed. Incidents, vulnerabilities, " +
        $"training, access reviews, nonconformities and corrective actions are counted for the month from their dates. Compliance coverage and " +
        $"open risks are as they stand on {report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the SoA is the version approved by the month's end.";

    /// <summary>The twelve months of the trend ending with the report's month, each with the value stored for a period ending in it.</summary>
    public static IReadOnlyList<(DateOnly Month, MeasureQueries.StoredValue? Value)> Trend(MonthlyReport report, ReportMeasure measure)
    {
        var months = Enumerable.Range(0, 12).Select(i => report.FirstDay.AddMonths(i - 11)).ToList();
        return months.Select(m => (m, measure.Row.History.LastOrDefault(h => h.PeriodEnd.Year == m.Year && h.PeriodEnd.Month == m.Month))).ToList();
    }

    public static string OverdueBasis(MonthlyReport report) => report.OverdueAtMonthEnd
        ? $"As at {report.LastDay:yyyy-MM-dd}: corrective actions and nonconformities, whose completion dates are kept."
        : $"As at {report.AsAt:yyyy-MM-dd}.";

    public static string UnitSymbol(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => "%",
        MeasureUnit.Hours => "h",
        MeasureUnit.Minutes => "min",
        MeasureUnit.Days => "d",
        _ => "",
    };

    public static PrintableDocument Build(MonthlyReport report)
    {
        var blocks = new List<DocumentBlock> { new Paragraph(Basis(report)) };

        blocks.Add(new Heading("Highlights", 1));
        var highlights = report.Highlights;
        blocks.Add(highlights.Count == 0
            ? new Paragraph(report.Measures.Any() ? "No measure is red this month." : "No objective has measures yet.")
            : new BulletList(highlights.Select(h => $"{h.Objective.Reference} {h.Measure.Row.MeasureTitle}: {h.Measure.ValueText} against {h.Measure.TargetText} (Red)" +
                (h.Measure.Detail.Length > 0 ? $" — {h.Measure.Detail}" : "")).ToList()));

        blocks.Add(new Heading("Objectives and measures", 1));
        if (report.Objectives.Count == 0) blocks.Add(new Paragraph("No objective has been set yet."));
        foreach (var objective in report.Objectives)
        {
            blocks.Add(new Heading($"{objective.Reference} {objective.Title}", 2));
            if (objective.Owner is { Length: > 0 } owner) blocks.Add(new Paragraph($"{objective.Kind} objective, owned by {owner}."));
            blocks.Add(new Table(["Measure", "Value", "Target", "Status", "What it was made of"],
                objective.Measures.Select(m => (IReadOnlyList<string>)[m.Row.MeasureTitle, m.ValueText, m.TargetText, Word(m.Status), m.Detail]).ToList(),
                [3, 1.2, 1.2, 1, 3]));
            foreach (var measure in objective.Measures)
            {
                var points = Trend(report, measure).Select(p => (p.Month.ToString("MMM yy", CultureInfo.InvariantCulture), p.Value?.Value is { } v ? (double?)(double)v : null)).ToList();
                blocks.Add(new LineChart($"{measure.Row.MeasureTitle} — 12 months to {report.MonthLabel}", points, (double)measure.TargetValue, UnitSymbol(measure.Row.Unit)));
            }
        }

        blocks.Add(new Heading("Compliance by framework", 1));
        blocks.Add(report.Compliance.Count == 0
            ? new Paragraph("No framework has been loaded.")
            : new Table(["Framework", "Requirements met by implemented controls", "Addressed by a published policy", "Statement of Applicability"],
                report.Compliance.Select(c => (IReadOnlyList<string>)[c.Name, $"{c.CoveragePercent} % ({c.Covered} of {c.Assessable})",
                    $"{c.PolicyPercent} % ({c.CoveredByPolicy} of {c.Assessable})", c.SoaText]).ToList(), [2, 1.6, 1.6, 1.8]));

        var risks = report.Risks;
        blocks.Add(new Heading("Risks", 1));
        blocks.Add(new KeyValueTable([
            ("Open risks", risks.Open.ToString(CultureInfo.InvariantCulture)),
            ("By residual level", risks.ByLevel.Count == 0 ? "no methodology adopted" :
                string.Join(", ", risks.ByLevel.Select(l => $"{l.Name} {l.Count}")) + (risks.NotRated > 0 ? $", not rated {risks.NotRated}" : "")),
            ("Above appetite (residual above target level)", risks.AboveAppetite.ToString(CultureInfo.InvariantCulture)),
            ("Treatment tasks overdue", risks.TreatmentsOverdue.ToString(CultureInfo.InvariantCulture)),
            ("Risk reviews overdue", risks.ReviewsOverdue.ToString(CultureInfo.InvariantCulture)),
        ]));

        var ops = report.Operations;
        blocks.Add(new Heading($"Operations in {report.MonthLabel}", 1));
        blocks.Add(new KeyValueTable([
            ("Incidents detected", $"{ops.Incidents} ({ops.SeriousIncidents} critical or high); {ops.IncidentsOpenAtEnd} open at the month's end"),
            ("Vulnerabilities", $"{ops.VulnerabilitiesFound} found, {ops.VulnerabilitiesFixed} fixed; {ops.CriticalVulnerabilitiesOpen} critical open at the month's end"),
            ("Training", $"{ops.TrainingCompletedInMonth} course(s) completed; completion {ops.TrainingPercent} % ({ops.TrainingDone} of {ops.TrainingAssigned})"),
            ("Access reviews", $"{ops.AccessReviewsCompleted} completed; {ops.AccessReviewsLate} past their due date and not completed"),
        ]));

        var improvement = report.Improvement;
        blocks.Add(new Heading("Nonconformities and corrective actions", 1));
        blocks.Add(new KeyValueTable([
            ("Nonconformities", $"{improvement.NonconformitiesRaised} raised, {improvement.NonconformitiesClosed} closed; {improvement.NonconformitiesOpen} open at the month's end ({improvement.MajorOpen} major)"),
            ("Corrective actions", $"{improvement.ActionsCompleted} completed; {improvement.ActionsOpen} open at the month's end, {improvement.ActionsOverdue} overdue"),
        ]));

        blocks.Add(new Heading("What is overdue and who owns it", 1));
        blocks.Add(new Paragraph(OverdueBasis(report)));
        blocks.Add(report.Overdue.Count == 0
            ? new Paragraph("Nothing is overdue.")
            : new Table(["Owner", "Overdue", "Total"],
                report.Overdue.Select(o => (IReadOnlyList<string>)[o.Owner, string.Join(", ", o.Items.Select(i => $"{i.Count} {OverdueByOwner.Label(i.Kind, i.Count)}")),
                    o.Total.ToString(CultureInfo.InvariantCulture)]).ToList(), [2, 4, 0.8]));

        return new PrintableDocument($"Monthly security report — {report.MonthLabel}", $"{report.Organization} · as at {report.LastDay:yyyy-MM-dd}", blocks);
    }
}
