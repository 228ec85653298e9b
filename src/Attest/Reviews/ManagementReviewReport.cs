using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.Improvement;

namespace Attest.Reviews;

/// <summary>The review as a PDF for the minutes file and the auditor: details, attendees, the inputs of 9.3.2, minutes, conclusions, decisions and actions.</summary>
public static class ManagementReviewReport
{
    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var review = await ManagementReviewQueries.DetailAsync(db, id, true, cancellationToken);
        var document = new PrintableDocument($"{review.Reference} {review.Title}", $"Management review, {Day(review.HeldOn)}", Blocks(review));
        return (PdfDocumentWriter.Write(document, db.Clock.GetUtcNow()), "application/pdf", $"{review.Reference.ToLowerInvariant()}.pdf");
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static IReadOnlyList<DocumentBlock> Blocks(ManagementReviewDetail review)
    {
        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable(
            [
                ("Review", $"{review.Reference} {review.Title}"),
                ("Date", Day(review.HeldOn)),
                ("Status", review.Status.ToString()),
                ("Chair", review.OwnerName ?? "—"),
                ("Signed off", review.HeldAt is { } at ? $"{review.SignedOffBy}, {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "not yet"),
            ]),
            new Heading("Attendees", 1),
            review.AttendeeLines.Count == 0 ? new Paragraph("None recorded.") : new BulletList(review.AttendeeLines),
        };
        if (review.Inputs is { } inputs) blocks.AddRange(InputBlocks(inputs, review.InputsFrozen));
        blocks.Add(new Heading("Minutes", 1));
        blocks.Add(new Paragraph(review.Minutes.Length == 0 ? "None recorded." : review.Minutes));
        blocks.Add(new Heading("Conclusions (suitability, adequacy, effectiveness)", 1));
        blocks.Add(new Paragraph(review.Conclusions.Length == 0 ? "None recorded." : review.Conclusions));
        blocks.Add(new Heading("Decisions", 1));
        blocks.Add(review.Decisions.Count == 0 ? new Paragraph("None recorded.")
            : new Table(["#", "Kind", "Decision"], review.Decisions.Select(d => (IReadOnlyList<string>)[d.Position.ToString(CultureInfo.InvariantCulture), ManagementReviewLabels.Of(d.Kind), d.Text]).ToList(), [1, 3, 10]));
        blocks.Add(new Heading("Actions", 1));
        blocks.Add(review.Actions.Count == 0 ? new Paragraph("None raised.")
            : new Table(["Ref", "Action", "Owner", "Due", "Status"], review.Actions.Select(a => (IReadOnlyList<string>)
                [a.Reference, a.Title, a.OwnerName ?? "—", Day(a.DueOn), CorrectiveActionLabels.Of(a.Status) + (a.CompletedOn is { } done ? $" {Day(done)}" : "")]).ToList(), [2, 8, 4, 3, 3]));
        return blocks;
    }

    private static IEnumerable<DocumentBlock> InputBlocks(ManagementReviewInputs i, bool frozen)
    {
        yield return new Heading("Inputs (clause 9.3.2)", 1);
        yield return new Paragraph($"As at {Day(i.AsAt)}, changes since {Day(i.Since)}; " + (frozen ? $"frozen when the review was signed off." : "gathered live: the review is not held yet."));
        yield return new Heading("a) Actions from previous reviews", 2);
        yield return i.Actions.Items.Count == 0 ? new Paragraph("None.") : new Table(["Review", "Action", "Owner", "Due", "State"],
            i.Actions.Items.Select(a => (IReadOnlyList<string>)[a.ReviewReference, $"{a.Reference} {a.Title}", a.Owner ?? "—", Day(a.DueOn), a.State]).ToList(), [2, 8, 4, 3, 2]);
        yield return new Heading("b) Changes in issues and interested parties", 2);
        yield return i.Context.Items.Count == 0 ? new Paragraph("No changes.") : new Table(["Date", "Record", "Name", "Change"],
            i.Context.Items.Select(c => (IReadOnlyList<string>)[Day(c.On), c.Kind, c.Name, c.Change]).ToList(), [2, 3, 8, 2]);
        yield return new Heading("c) Objectives, measures and trends; e) monitoring and measurement results", 2);
        yield return i.Measures.Count == 0 ? new Paragraph("No measures.") : new Table(["Objective", "Measure", "Value", "Target", "Status", "Trend"],
            i.Measures.Select(m => (IReadOnlyList<string>)[m.ObjectiveReference, m.Measure, m.Value, m.Target, m.Status.ToString(), m.Trend]).ToList(), [2, 7, 2, 2, 2, 2]);
        yield return new Heading("d) Nonconformities and corrective actions", 2);
        yield return new Table(["Grade", "Open", "Raised", "Closed"],
            i.Improvement.Nonconformities.Select(g => (IReadOnlyList<string>)[g.Grade.ToString(), N(g.OpenAsAt), N(g.Raised), N(g.Closed)]).ToList(), [4, 2, 2, 2]);
        yield return new Paragraph($"Corrective actions: {i.Improvement.ActionsOpen} open ({i.Improvement.ActionsOverdue} overdue), {i.Improvement.ActionsRaised} raised and {i.Improvement.ActionsDone} done in the period.");
        if (i.Improvement.OverdueActions.Count > 0)
        {
            yield return new Table(["Overdue action", "Source", "Owner", "Due"],
                i.Improvement.OverdueActions.Select(a => (IReadOnlyList<string>)[$"{a.Reference} {a.Title}", a.Source, a.Owner ?? "—", Day(a.DueOn)]).ToList(), [8, 3, 4, 2]);
        }
        yield return new Heading("e) Audit results", 2);
        yield return i.Audits.Items.Count == 0 ? new Paragraph("No audits completed in the period.") : new Table(["Audit", "Completed", "Conclusion", "NCs", "Obs.", "OFIs"],
            i.Audits.Items.Select(a => (IReadOnlyList<string>)[$"{a.Kind} {a.Reference} {a.Title}", Day(a.CompletedOn), a.Conclusion, N(a.Nonconformities), N(a.Observations), N(a.Opportunities)]).ToList(),
            [7, 2, 5, 1, 1, 1]);
        yield return new Heading("f) Incidents", 2);
        yield return new Paragraph($"{i.Incidents.Total} detected in the period: " + string.Join(", ", i.Incidents.BySeverity.Select(s => $"{s.Count} {s.Severity.ToString().ToLowerInvariant()}")) +
            $"; {i.Incidents.Missed.Count} missed a target.");
        if (i.Incidents.Missed.Count > 0)
        {
            yield return new Table(["Incident", "Severity", "Missed"], i.Incidents.Missed.Select(m => (IReadOnlyList<string>)[$"{m.Reference} {m.Title}", m.Severity.ToString(), m.Missed]).ToList(), [8, 2, 4]);
        }
        yield return new Heading("g) Risk assessment and treatment", 2);
        yield return new Paragraph($"{i.Risks.Open} open risks: " + (i.Risks.OpenByLevel.Count == 0 ? "none" : string.Join(", ", i.Risks.OpenByLevel.Select(l => $"{l.Count} {l.Level}"))) +
            $"; {i.Risks.Untreated} without a treatment decision; {i.Risks.TasksOverdue} treatment tasks overdue; {i.Risks.AcceptancesCurrent} current acceptances, {i.Risks.AcceptancesStale} stale.");
        yield return new Heading("h) Supplier performance", 2);
        yield return new Table(["Criticality", "Active", "Reviewed in period", "Review overdue"],
            i.Suppliers.ByCriticality.Select(s => (IReadOnlyList<string>)[s.Criticality.ToString(), N(s.Active), N(s.ReviewedInWindow), N(s.ReviewOverdue)]).ToList(), [3, 2, 3, 3]);
        yield return new Heading("i) Opportunities for improvement", 2);
        yield return new Paragraph($"{i.Improvements.Open.Count} observations and opportunities open; {i.Improvements.AuditOpportunities} audit checklist opportunities not raised in the register.");
        if (i.Improvements.Open.Count > 0)
        {
            yield return new BulletList(i.Improvements.Open.Select(o => $"{o.Reference} {o.Title} ({o.Grade}, raised {Day(o.RaisedOn)})").ToList());
        }
        yield return new Heading("j) AI system impact assessments (ISO/IEC 42001)", 2);
        yield return new Paragraph($"{i.AiAssessments.Approved} approved, {i.AiAssessments.InReview} in review, {i.AiAssessments.Draft} draft; " +
            $"{i.AiAssessments.ReviewOverdue} past their review date, {i.AiAssessments.ReassessmentDue} flagged for reassessment.");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
