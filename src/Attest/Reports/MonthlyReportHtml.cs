using System.Globalization;
using System.Net;
using System.Text;
using Attest.Objectives;

namespace Attest.Reports;

/// <summary>
/// The monthly report as HTML with inline SVG charts: <see cref="Body"/> is what the web page shows under its month picker, and
/// <see cref="Document"/> a standalone file (with its own print stylesheet) for `attest report monthly -o FILE.html`.
/// </summary>
public static class MonthlyReportHtml
{
    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The measure's twelve months as an SVG chart with its target as a dashed line.</summary>
    public static string Chart(MonthlyReport report, ReportMeasure measure)
    {
        var points = MonthlyReportDocument.Trend(report, measure)
            .Select(p => new MeasureTrendSvg.Point(p.Month.AddMonths(1).AddDays(-1), p.Value?.Value, p.Value?.Status ?? MeasureStatus.NoData)).ToList();
        return MeasureTrendSvg.Render(measure.Row.MeasureTitle, points, measure.TargetValue, measure.Row.Unit, width: 420, height: 120, detailed: true);
    }

    private static string Rag(MeasureStatus status) => $"<span class=\"rag rag-{status}\">{MonthlyReportDocument.Word(status)}</span>";

    public static string Body(MonthlyReport report)
    {
        var html = new StringBuilder();
        html.Append("<p>").Append(E(MonthlyReportDocument.Basis(report))).Append("</p>\n");

        html.Append("<section aria-labelledby=\"highlights\"><h2 id=\"highlights\">Highlights</h2>\n");
        if (report.Highlights.Count == 0)
            html.Append("<p>").Append(report.Measures.Any() ? "No measure is red this month." : "No objective has measures yet.").Append("</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var (objective, measure) in report.Highlights)
            {
                html.Append("<li>").Append(Rag(MeasureStatus.Red)).Append(" <a href=\"/objectives/measures/").Append(measure.Row.MeasureId).Append("#records\">")
                    .Append(E(measure.Row.MeasureTitle)).Append("</a> (").Append(E(objective.Reference)).Append("): ").Append(E(measure.ValueText))
                    .Append(" against ").Append(E(measure.TargetText)).Append(measure.Detail.Length > 0 ? " — " + E(measure.Detail) : "").Append(".</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"objectives\"><h2 id=\"objectives\">Objectives and measures</h2>\n");
        if (report.Objectives.Count == 0) html.Append("<p>No objective has been set yet.</p>\n");
        foreach (var objective in report.Objectives)
        {
            var id = "report-objective-" + objective.Id;
            html.Append("<div class=\"card\"><h3 id=\"").Append(id).Append("\">").Append(E($"{objective.Reference} {objective.Title}")).Append("</h3>\n");
            html.Append("<p class=\"muted\">").Append(E($"{objective.Kind} objective" + (objective.Owner is { Length: > 0 } owner ? $", owned by {owner}" : ""))).Append(".</p>\n");
            html.Append("<table aria-labelledby=\"").Append(id).Append("\"><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">Target</th>")
                .Append("<th scope=\"col\">Status</th><th scope=\"col\">What it was made of</th></tr></thead><tbody>\n");
            foreach (var measure in objective.Measures)
            {
                html.Append("<tr><td>").Append(E(measure.Row.MeasureTitle)).Append("</td><td>").Append(E(measure.ValueText)).Append("</td><td>").Append(E(measure.TargetText))
                    .Append("</td><td>").Append(Rag(measure.Status)).Append("</td><td>").Append(E(measure.Detail)).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n<div class=\"charts\">\n");
            foreach (var measure in objective.Measures)
            {
                html.Append("<figure class=\"graph\">").Append(Chart(report, measure)).Append("<figcaption class=\"muted\">")
                    .Append(E($"{measure.Row.MeasureTitle} — 12 months to {report.MonthLabel}; dashed line: target {measure.TargetText}")).Append("</figcaption></figure>\n");
            }
            html.Append("</div></div>\n");
        }
        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"compliance\"><h2 id=\"compliance\">Compliance by framework</h2>\n");
        if (report.Compliance.Count == 0) html.Append("<p>No framework has been loaded.</p>\n");
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Framework</th><th scope=\"col\">Requirements met by implemented controls</th>")
                .Append("<th scope=\"col\">Addressed by a published policy</th><th scope=\"col\">Statement of Applicability</th></tr></thead><tbody>\n");
            foreach (var f in report.Compliance)
            {
                html.Append("<tr><td>").Append(E(f.Name)).Append("</td><td>").Append(E($"{f.CoveragePercent} % ({f.Covered} of {f.Assessable})")).Append("</td><td>")
                    .Append(E($"{f.PolicyPercent} % ({f.CoveredByPolicy} of {f.Assessable})")).Append("</td><td>").Append(E(f.SoaText)).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</section>\n");

        var risks = report.Risks;
        html.Append("<section aria-labelledby=\"risks\"><h2 id=\"risks\">Risks</h2>\n<p>").Append(E(
            $"{risks.Open} open risk(s)" + (risks.ByLevel.Count > 0 ? ": " + string.Join(", ", risks.ByLevel.Select(l => $"{l.Name} {l.Count}")) + (risks.NotRated > 0 ? $", not rated {risks.NotRated}" : "") : "") +
            $". {risks.AboveAppetite} above appetite (residual level above the treatment's target level); {risks.TreatmentsOverdue} treatment task(s) overdue; {risks.ReviewsOverdue} risk review(s) overdue."))
            .Append("</p>\n</section>\n");

        var ops = report.Operations;
        html.Append("<section aria-labelledby=\"operations\"><h2 id=\"operations\">").Append(E($"Operations in {report.MonthLabel}")).Append("</h2>\n<ul>\n")
            .Append("<li>").Append(E($"Incidents detected: {ops.Incidents} ({ops.SeriousIncidents} critical or high); {ops.IncidentsOpenAtEnd} open at the month's end.")).Append("</li>\n")
            .Append("<li>").Append(E($"Vulnerabilities: {ops.VulnerabilitiesFound} found, {ops.VulnerabilitiesFixed} fixed; {ops.CriticalVulnerabilitiesOpen} critical open at the month's end.")).Append("</li>\n")
            .Append("<li>").Append(E($"Training: {ops.TrainingCompletedInMonth} course(s) completed; completion {ops.TrainingPercent} % ({ops.TrainingDone} of {ops.TrainingAssigned}).")).Append("</li>\n")
            .Append("<li>").Append(E($"Access reviews: {ops.AccessReviewsCompleted} completed; {ops.AccessReviewsLate} past their due date and not completed.")).Append("</li>\n")
            .Append("</ul>\n</section>\n");

        var improvement = report.Improvement;
        html.Append("<section aria-labelledby=\"improvement\"><h2 id=\"improvement\">Nonconformities and corrective actions</h2>\n<ul>\n")
            .Append("<li>").Append(E($"Nonconformities: {improvement.NonconformitiesRaised} raised, {improvement.NonconformitiesClosed} closed; {improvement.NonconformitiesOpen} open at the month's end ({improvement.MajorOpen} major).")).Append("</li>\n")
            .Append("<li>").Append(E($"Corrective actions: {improvement.ActionsCompleted} completed; {improvement.ActionsOpen} open at the month's end, {improvement.ActionsOverdue} overdue.")).Append("</li>\n")
            .Append("</ul>\n</section>\n");

        html.Append("<section aria-labelledby=\"overdue\"><h2 id=\"overdue\">What is overdue and who owns it</h2>\n<p class=\"muted\">")
            .Append(E(MonthlyReportDocument.OverdueBasis(report))).Append("</p>\n");
        if (report.Overdue.Count == 0) html.Append("<p>Nothing is overdue.</p>\n");
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Owner</th><th scope=\"col\">Overdue</th><th scope=\"col\">Total</th></tr></thead><tbody>\n");
            foreach (var owner in report.Overdue)
            {
                html.Append("<tr><td>").Append(E(owner.Owner)).Append("</td><td>")
                    .Append(E(string.Join(", ", owner.Items.Select(i => $"{i.Count} {OverdueByOwner.Label(i.Kind, i.Count)}")))).Append("</td><td>").Append(N(owner.Total)).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</section>\n");
        return html.ToString();
    }

    private const string Stylesheet = """
        body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:#1d2430; margin:24px auto; max-width:1000px; padding:0 16px; }
        h1 { font-size:24px; } h2 { font-size:19px; margin-top:24px; } h3 { font-size:16px; }
        table { border-collapse:collapse; width:100%; } th, td { text-align:left; padding:5px 8px; border-bottom:1px solid #d9dee7; vertical-align:top; } th { background:#eef1f5; }
        .muted { color:#5b6576; } .card { border:1px solid #d9dee7; border-radius:6px; padding:8px 16px; margin:12px 0; }
        .charts { display:flex; flex-wrap:wrap; gap:16px; } figure.graph { margin:8px 0; } figure.graph svg { max-width:100%; height:auto; }
        .rag { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; border:1px solid #999; }
        .rag-Green { background:#e6f4ea; color:#0f4d24; } .rag-Amber { background:#fff1d6; color:#5c3b00; } .rag-Red { background:#fbe3e1; color:#6b1410; } .rag-NoData { background:#eef1f5; }
        @media print { body { margin:0; max-width:none; } .card, figure { break-inside:avoid; } a { color:inherit; text-decoration:none; } }
        """;

    /// <summary>A complete HTML file: the report with its title and a print stylesheet, readable offline.</summary>
    public static string Document(MonthlyReport report)
    {
        var title = $"Monthly security report — {report.MonthLabel}";
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Stylesheet).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"muted\">").Append(E($"{report.Organization} · as at {report.LastDay:yyyy-MM-dd} · generated {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")).Append("</p>\n")
            .Append(Body(report))
            .Append("</main>\n</body>\n</html>\n")
            .ToString();
    }
}
