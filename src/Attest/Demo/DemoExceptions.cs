using Attest.Data;
using Attest.Exceptions;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's policy and control exceptions: three approved and in force (by the CISO, by the exception's owner, and by the
/// CEO because of its High level), one awaiting decision, one expired last month and one rejected.
/// </summary>
public sealed class DemoExceptions(AttestDbContext db, RequestException request, ApproveException approve, RejectException reject)
{
    public const string LegacyDesignTool = "Legacy design tool without single sign-on";
    public const string DataResidency = "Client-mandated data residency outside the approved cloud regions";
    public const string AgentPendingReassessment = "AI agent running a model version pending re-assessment";
    public const string AwaitingDecision = "Personal phones for licensed reviewers on client calls";
    public const string Expired = "Shared service account for the payroll bureau upload";
    public const string Rejected = "Skip evaluation suite for an urgent agent hotfix";

    private IReadOnlyDictionary<OrganizationRole, Guid> _people = new Dictionary<OrganizationRole, Guid>();

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.ComplianceExceptions.AnyAsync(cancellationToken)) return;
        if (!await db.RiskMethodologies.AnyAsync(cancellationToken)) return;
        _people = people;
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        var controls = await db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var policies = (await db.Documents.AsNoTracking().Select(d => new { d.Title, d.Id }).ToListAsync(cancellationToken))
            .GroupBy(d => d.Title).ToDictionary(g => g.Key, g => g.First().Id);
        var cto = people[OrganizationRole.Contributor];

        // The identity control covers A.5.17 and A.8.5; the old design tool cannot federate with Okta.
        var designTool = await RequestAsync(OrganizationRole.Contributor, new ExceptionInput(LegacyDesignTool, ExceptionSubject.Control, ControlId: controls["CTL-004"],
            Reason: "The design team's legacy desktop tool (kept for two client brand archives in its proprietary format) has only local accounts: it cannot use Okta SSO or " +
                    "our MFA, so A.5.17 (authentication information) and A.8.5 (secure authentication) are not met for it until the archives are migrated.",
            CompensatingControls: "- Three named accounts, each with a 20-character password from the password manager\n- Installed only on two managed laptops without client data sync\n" +
                                  "- Accounts reviewed monthly by the CISO; removed at once on leaving",
            RiskLevel: "Medium", OwnerId: cto), cancellationToken);
        await ApproveAsync(OrganizationRole.Manager, designTool, today.AddMonths(6), "Six months to migrate the two archives; renew only with a migration date.", cancellationToken);

        var residency = await RequestAsync(OrganizationRole.Manager, new ExceptionInput(DataResidency, ExceptionSubject.Policy, DocumentId: Policy(policies, "Data Protection Policy"),
            PolicySection: "Client data is stored only in the approved EU cloud regions",
            Reason: "A healthcare client's contract requires its records to stay in its own UK tenancy, which is outside our approved regions (eu-west-1, europe-west4, westeurope).",
            CompensatingControls: "The client's tenancy is in scope of its own ISO 27001 certificate; our access is through its SSO with MFA; no copies leave the tenancy; the " +
                                  "contract's security schedule covers encryption and logging.",
            RiskLevel: "Low", OwnerId: cto), cancellationToken);
        await ApproveAsync(OrganizationRole.Contributor, residency, today.AddMonths(9), "Approved as the exception's owner; the level is Low.", cancellationToken);

        var agent = await db.ImpactAssessmentSystems.AsNoTracking()
            .Where(l => db.ImpactAssessments.Any(a => a.Id == l.AssessmentId && a.ReassessmentDue))
            .Join(db.AiSystems, l => l.AiSystemId, s => s.Id, (_, s) => s.AssetId)
            .Join(db.Assets, id => id, a => a.Id, (id, a) => new { id, a.Reference })
            .OrderBy(x => x.Reference).Select(x => (Guid?)x.id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.AiSystems.AsNoTracking().OrderBy(s => s.Id).Select(s => (Guid?)s.AssetId).FirstOrDefaultAsync(cancellationToken);
        if (agent is { } agentAsset)
        {
            var running = await RequestAsync(OrganizationRole.Contributor, new ExceptionInput(AgentPendingReassessment, ExceptionSubject.Asset, AssetId: agentAsset,
                Reason: "The retrained Lumen Finance LLM is already serving this agent: rolling back would re-introduce the rounding errors the retraining fixed, and the impact " +
                        "assessment (CTL-009) is being redone for the new version.",
                CompensatingControls: "- Every report is reviewed by a qualified accountant before release\n- Daily sample of 20 outputs against the finance evaluation suite\n" +
                                      "- Roll-back plan tested; the agent stops if the sample error rate exceeds 2 %",
                RiskLevel: "High", OwnerId: cto), cancellationToken);
            await ApproveAsync(OrganizationRole.Admin, running, today.AddMonths(3), "High: approved by the CEO for three months, until the reassessment is approved.", cancellationToken);
        }

        await RequestAsync(OrganizationRole.Contributor, new ExceptionInput(AwaitingDecision, ExceptionSubject.Policy, DocumentId: Policy(policies, "Access Control Policy"),
            PolicySection: "Only managed devices access client information",
            Reason: "Licensed reviewers join short client calls from their own phones while travelling; the calls discuss client matters.",
            CompensatingControls: "Calls only through the managed Google Meet app with app protection; no client files opened on the phone.",
            RiskLevel: "Medium", OwnerId: cto, ValidUntil: today.AddMonths(4)), cancellationToken);

        var expired = await RequestAsync(OrganizationRole.Contributor, new ExceptionInput(Expired, ExceptionSubject.Control, ControlId: controls["CTL-004"],
            Reason: "The payroll bureau's upload portal allowed one shared account per customer until its SSO release.",
            CompensatingControls: "Password in the password manager, shared with two people in Finance; rotated monthly; uploads logged by the bureau.",
            RiskLevel: "Medium", OwnerId: cto), cancellationToken);
        await ApproveAsync(OrganizationRole.Manager, expired, today.AddMonths(6), "Until the bureau's SSO release.", cancellationToken);
        // History: this one was approved seven months ago for six months, so it ran out last month; nobody renewed or closed it.
        var record = await db.ComplianceExceptions.SingleAsync(e => e.Id == expired, cancellationToken);
        record.ValidUntil = today.AddMonths(-1);
        record.RequestedOn = today.AddMonths(-7);
        record.DecidedAt = Instant.Now(db.Clock).AddMonths(-7);
        await db.SaveAsync("exception", cancellationToken);

        var rejected = await RequestAsync(OrganizationRole.Contributor, new ExceptionInput(Rejected, ExceptionSubject.Control, ControlId: controls["CTL-008"],
            Reason: "A client-facing agent needs a prompt fix today; the full evaluation suite takes six hours.",
            CompensatingControls: "Manual spot checks of ten outputs by the product lead.",
            RiskLevel: "High", OwnerId: cto), cancellationToken);
        // High: the CEO decides it, and turns it down.
        using (ActAs(OrganizationRole.Admin))
        {
            await reject.RunAsync(rejected, "Run the fast evaluation subset (40 minutes) instead: no agent release skips evaluation.",
                await db.ComplianceExceptions.Where(e => e.Id == rejected).Select(e => e.Version).SingleAsync(cancellationToken), cancellationToken);
        }
    }

    private static Guid Policy(Dictionary<string, Guid> policies, string title) => policies.TryGetValue(title, out var id) ? id : policies.Values.First();

    private async Task<Guid> RequestAsync(OrganizationRole role, ExceptionInput input, CancellationToken cancellationToken)
    {
        using var acting = ActAs(role);
        return await request.RunAsync(input, cancellationToken);
    }

    private async Task ApproveAsync(OrganizationRole role, Guid id, DateOnly until, string note, CancellationToken cancellationToken)
    {
        using var acting = ActAs(role);
        var version = await db.ComplianceExceptions.Where(e => e.Id == id).Select(e => e.Version).SingleAsync(cancellationToken);
        await approve.RunAsync(id, until, note, version, cancellationToken);
    }

    private IDisposable ActAs(OrganizationRole role)
    {
        var local = role switch { OrganizationRole.Admin => "admin", OrganizationRole.Manager => "ciso", OrganizationRole.Contributor => "owner", _ => "employee" };
        return db.Acting.ActAs(_people[role], $"{local}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
    }
}
