using Attest.Data;
using Attest.Organizations;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's policy set in the states a real one is in: most published and mapped, two in review,
/// one overdue for review, one with a new draft after publication, and acceptance part-way through.
/// Everything goes through the same use cases people use, so the audit trail tells the same story.
/// </summary>
public sealed class DemoPolicies(AttestDbContext db, InitStarterPolicies init, DocumentDistributionRule distribution)
{
    /// <summary>Titles left in review (the CEO has not approved yet).</summary>
    public static readonly string[] InReview = ["Physical Security Policy", "Backup Policy"];
    /// <summary>Published more than a year ago and not reviewed since.</summary>
    public const string Overdue = "Data Retention Policy";
    /// <summary>Published, then edited into a new draft.</summary>
    public const string Redrafted = "Acceptable Use Policy";
    /// <summary>Still a first draft.</summary>
    public const string FirstDraft = "Code of Conduct";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        var ciso = people[OrganizationRole.Manager];
        var ceo = people[OrganizationRole.Admin];
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        using (db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
        {
            await init.RunAsync(cancellationToken);
        }
        var documents = await db.Documents.OrderBy(d => d.Reference).ToListAsync(cancellationToken);
        var save = new SaveDocument(db, distribution);
        foreach (var document in documents)
        {
            // Every policy is approved by the CISO and the CEO; the CISO owns most, the CTO the engineering ones.
            db.DocumentApprovers.Add(new DocumentApprover { DocumentId = document.Id, JobTitle = "CISO" });
            db.DocumentApprovers.Add(new DocumentApprover { DocumentId = document.Id, JobTitle = "CEO" });
            document.OwnerId = document.Title is "Secure Development Policy" or "Vulnerability Management Policy" or "Network Security Policy" or "Backup Policy"
                ? people[OrganizationRole.Contributor] : ciso;
            document.ReviewCycle = "annual, with quarterly updates";
            if (document.Title == "Responsible Disclosure Policy") document.PublishFullText = true;
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var document in documents.Where(d => d.Title != FirstDraft))
        {
            using (db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
            {
                await new SubmitDocumentForReview(db).RunAsync(document.Id, document.Version, cancellationToken);
                await new DecideDocumentApproval(db).RunAsync(document.Id, ApprovalDecision.Approved, "Reviewed against our controls.", cancellationToken);
            }
            if (InReview.Contains(document.Title)) continue;
            using (db.Acting.ActAs(ceo, $"admin@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
            {
                await new DecideDocumentApproval(db).RunAsync(document.Id, ApprovalDecision.Approved, "", cancellationToken);
            }
            using (db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
            {
                var effective = document.Title == Overdue ? today.AddMonths(-13) : today.AddDays(-30);
                await new PublishDocumentVersion(db, distribution).RunAsync(document.Id, effective, document.Version, cancellationToken);
            }
        }

        // The acceptable use policy gained a section on AI coding assistants: a new draft, 1.1.
        var redrafted = documents.Single(d => d.Title == Redrafted);
        var detail = await DocumentQueries.DetailAsync(db, redrafted.Id, cancellationToken);
        using (db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
        {
            await save.RunAsync(redrafted.Id, new DocumentInput(detail.Title, detail.Latest.Summary,
                detail.Latest.Body + "\n\n## AI coding assistants\n\n- Only assistants approved by the CISO may be used on company code.\n- Client data must never be pasted into an assistant that is not approved for it.\n",
                detail.Kind, detail.Reference, detail.OwnerId, detail.Classification, detail.ReviewMonths, detail.ReviewCycle, detail.Distribution, detail.DistributionGroups,
                detail.AcceptWithinDays, detail.MinorVersionsNeedAcceptance, detail.ListPublicly, detail.PublishFullText, detail.Latest.Relevance, detail.Approvers,
                detail.Related.Select(r => r.Id).ToList(), MajorChange: false, ChangeNote: "Adds rules for AI coding assistants.", Version: detail.Version), cancellationToken);
        }

        // Acceptance part-way: the CTO has accepted everything, the CISO most, the employee a few; some are overdue.
        var assignments = await db.DocumentAssignments.OrderBy(a => a.DocumentId).ToListAsync(cancellationToken);
        var accepting = new Dictionary<Guid, int>
        {
            [people[OrganizationRole.Contributor]] = int.MaxValue,
            [ciso] = 15,
            [people[OrganizationRole.Employee]] = 6,
            [ceo] = 3,
        };
        foreach (var (person, count) in accepting)
        {
            var email = people.First(p => p.Value == person).Key switch
            {
                OrganizationRole.Admin => "admin", OrganizationRole.Manager => "ciso", OrganizationRole.Contributor => "owner", _ => "employee",
            };
            using var acting = db.Acting.ActAs(person, $"{email}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
            foreach (var assignment in assignments.Where(a => a.UserId == person).Take(count))
            {
                await new RecordDocumentOpened(db).RunAsync(assignment.DocumentId, assignment.VersionId, cancellationToken);
                await new AcceptDocumentVersion(db).RunAsync(assignment.DocumentId, assignment.VersionId, cancellationToken);
            }
        }
        // The policies were published a month ago with two weeks to accept: what is still open is overdue.
        foreach (var assignment in assignments.Where(a => a.AcceptedAt is null))
        {
            assignment.AssignedAt = assignment.AssignedAt.AddDays(-30);
            assignment.DueOn = today.AddDays(-16);
        }
        await db.SaveChangesAsync(cancellationToken);

        var organization = await db.Organizations.SingleAsync(o => o.Id == db.CurrentOrganizationId, cancellationToken);
        await new UpdateTrustPage(db).RunAsync(new TrustPageSettings(true, "lumen",
            "Lumen Professional Services delivers legal, financial, healthcare, engineering, marketing and design services to businesses " +
            "through 51 AI agents, each reviewed by qualified professionals.",
            "Lumen is **not yet certified**. We are preparing for ISO/IEC 27001:2022 and ISO/IEC 42001:2023 certification and intend to have " +
            "our controls independently attested; the policies below are the ones our people work to today.", organization.Version), cancellationToken);
    }
}
