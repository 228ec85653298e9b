using System.Globalization;
using Attest.Documents;
using Attest.Improvement;

namespace Attest.InternalAudits;

/// <summary>The audit report (clause 9.2.2 "report the results to relevant management") as a printable document: PDF through <see cref="PdfDocumentWriter"/>.</summary>
public static class InternalAuditReport
{
    public static PrintableDocument ToPrintable(InternalAuditDetail audit, string organizationName)
    {
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        static string Text(string value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable([
                ("Status", Label(audit.Status)),
                ("Programme", audit.Programme ?? "—"),
                ("Auditor", Text(audit.AuditorName)),
                ("Independence", Text(audit.IndependenceStatement)),
                ("Owner", audit.OwnerName ?? "—"),
                ("Planned", $"{Day(audit.PlannedStart)} to {Day(audit.PlannedEnd)}"),
                ("Started", Day(audit.StartedOn)),
                ("Completed", Day(audit.CompletedOn)),
            ]),
            new Heading("Scope", 1), new Paragraph(Text(audit.Scope)),
            new Heading("Criteria", 1), new Paragraph(Text(audit.Criteria)),
            new Heading("Plan", 1), new Paragraph(Text(audit.Plan)),
            new Heading("Results", 1),
            new Paragraph(string.Join(", ", audit.Counts.Where(c => c.Count > 0).Select(c => $"{Label(c.Result)}: {c.Count}")) is { Length: > 0 } counts ? counts : "No checklist items."),
        };
        if (audit.Reaudits.Count > 0)
        {
            blocks.Add(new Heading("Re-audits of earlier findings", 2));
            blocks.Add(Checklist(audit.Reaudits));
        }
        if (audit.Requirements.Count > 0)
        {
            blocks.Add(new Heading("Checklist", 2));
            blocks.Add(Checklist(audit.Requirements));
        }
        blocks.Add(new Heading("Findings", 1));
        if (audit.Findings.Count == 0) blocks.Add(new Paragraph("No findings were raised."));
        else
        {
            blocks.Add(new Table(["Ref", "Finding", "Grade", "Requirement", "Due", "Status"],
                audit.Findings.Select(f => (IReadOnlyList<string>)[f.Reference, f.Title, f.Grade.ToString(), f.RequirementCode ?? "—", Day(f.DueOn),
                    f.Status == NonconformityStatus.AwaitingVerification ? "Awaiting verification" : f.Status.ToString()]).ToList(),
                [1, 4, 1.2, 1.2, 1.3, 1.5]));
        }
        blocks.Add(new Heading("Conclusion", 1));
        blocks.Add(new Paragraph(Text(audit.Conclusion)));
        return new PrintableDocument($"{audit.Reference} {audit.Title}", $"Internal audit report — {organizationName}", blocks);
    }

    private static Table Checklist(IReadOnlyList<ChecklistItemRow> items) =>
        new(["Requirement", "Question", "Result", "Notes", "Evidence", "Finding"],
            items.Select(i => (IReadOnlyList<string>)[$"{i.FrameworkKey} {i.Code}", i.Question, Label(i.Result), i.Notes,
                i.Evidence.Count == 0 ? "—" : string.Join(", ", i.Evidence.Select(e => e.Reference)), i.NonconformityReference ?? "—"]).ToList(),
            [1.4, 3, 1.3, 3, 1.2, 1]);

    public static string Label(InternalAuditStatus status) => status == InternalAuditStatus.InProgress ? "In progress" : status.ToString();

    public static string Label(AuditResult result) => result switch
    {
        AuditResult.NotAssessed => "Not assessed",
        AuditResult.OpportunityForImprovement => "Opportunity for improvement",
        AuditResult.NotAudited => "Not audited",
        _ => result.ToString(),
    };
}
