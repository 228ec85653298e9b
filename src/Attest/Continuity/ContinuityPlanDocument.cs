using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

/// <summary>The printable plan (PDF): what a team on call reads when the service is down — objectives, owners, activation, steps, contacts, dependencies and exercise record.</summary>
public static class ContinuityPlanDocument
{
    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var plan = await ContinuityQueries.PlanAsync(db, id, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable(
            [
                ("Reference", plan.Reference),
                ("Kind", $"{ContinuityLabels.Of(plan.Kind)} plan"),
                ("Status", plan.Status == PlanStatus.Approved && plan.ApprovedOn is { } approved ? $"Approved on {approved:yyyy-MM-dd}" : ContinuityLabels.Of(plan.Status)),
                ("Service", plan.Service ?? "—"),
                ("Recovery time objective (RTO)", plan.Rto),
                ("Recovery point objective (RPO)", plan.Rpo),
                ("Owner", plan.Owner ?? "—"),
                ("Deputy", plan.Deputy ?? "—"),
                ("Last reviewed", plan.LastReviewedOn?.ToString("yyyy-MM-dd") ?? "—"),
                ("Next review", plan.NextReviewOn?.ToString("yyyy-MM-dd") ?? "—"),
            ]),
        };
        Section(blocks, "Activation", plan.Activation, "When to invoke the plan is not written yet.");
        Section(blocks, "Steps", plan.Steps, "No steps written yet.");
        Section(blocks, "Contacts", plan.Contacts, "No contacts written yet.");
        blocks.Add(new Heading("Dependencies", 1));
        if (plan.Assets.Count == 0 && plan.Suppliers.Count == 0) blocks.Add(new Paragraph("None recorded."));
        if (plan.Assets.Count > 0)
        {
            blocks.Add(new Table(["Asset", "Name", "Type"], plan.Assets.Select(a => (IReadOnlyList<string>)[a.Reference, a.Name, a.Kind]).ToList(), [1, 3, 1.2]));
        }
        if (plan.Suppliers.Count > 0)
        {
            blocks.Add(new Table(["Supplier", "Name", "Service"], plan.Suppliers.Select(s => (IReadOnlyList<string>)[s.Reference, s.Name, s.Kind]).ToList(), [1, 2, 3]));
        }
        blocks.Add(new Heading("Exercises and tests", 1));
        if (plan.Exercises.Count == 0) blocks.Add(new Paragraph("The plan has not been exercised yet."));
        else
        {
            blocks.Add(new Table(["Exercise", "Held on", "Type", "Result", "Restore time", "Data lost"],
                plan.Exercises.Select(e => (IReadOnlyList<string>)[$"{e.Reference} {e.Title}", e.HeldOn.ToString("yyyy-MM-dd"), ContinuityLabels.Of(e.Type), ContinuityLabels.Of(e.Result),
                    ObjectiveDuration.Format(e.AchievedRtoMinutes) + (e.RtoMissed ? " (RTO missed)" : ""), ObjectiveDuration.Format(e.AchievedRpoMinutes) + (e.RpoMissed ? " (RPO missed)" : "")]).ToList(),
                [3, 1.2, 1.2, 1.3, 1.3, 1.3]));
        }
        if (plan.NotExercisedInYear) blocks.Add(new Paragraph("Note: the plan has not been exercised in the last 12 months."));
        var document = new PrintableDocument($"{plan.Reference} {plan.Title}", $"{organization} — {ContinuityLabels.Of(plan.Kind).ToLowerInvariant()} plan (ISO/IEC 27001 A.5.29, A.5.30)", blocks);
        return (PdfDocumentWriter.Write(document, db.Clock.GetUtcNow()), "application/pdf", $"{plan.Reference}.pdf");
    }

    private static void Section(List<DocumentBlock> blocks, string title, string markdown, string empty)
    {
        blocks.Add(new Heading(title, 1));
        var body = MarkdownBlocks.From(markdown);
        if (body.Count == 0) blocks.Add(new Paragraph(empty));
        else blocks.AddRange(body);
    }
}
