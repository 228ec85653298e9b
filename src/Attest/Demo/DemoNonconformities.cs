using Attest.Data;
using Attest.Improvement;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's nonconformities, from last year's pre-certification gap work and its incidents, through the same use cases people
/// use: a minor from the high incident whose containment missed its SLA, closed after an effective check; a minor about overdue access reviews
/// awaiting verification with its action done; an open major about AI agents without impact assessments, with two actions (one overdue); an
/// observation and an opportunity for improvement (closed with a note); and a minor whose first check found the actions not effective, open
/// again. Owned by the CISO and the CTO (the Contributor). Dates are relative to the day the demo is loaded; loading again adds nothing.
/// </summary>
public sealed class DemoNonconformities(AttestDbContext db, RaiseNonconformity raise, RecordRootCauseAndCorrection recordCause, SubmitNonconformityForVerification submit,
    RecordEffectivenessCheck check, CloseObservation close, SaveCorrectiveAction actions)
{
    public const string FromIncident = "Leaked key not contained within the High severity SLA: a job using it had no owner";
    public const string AccessReviews = "Quarterly access reviews of two production systems done late";
    public const string ImpactAssessments = "AI agents in production without an AI system impact assessment";
    public const string Reopened = "Agent orchestration logs kept for 30 days instead of the 90 the logging standard requires";

    private const string Iso27001 = "iso27001-2022";
    private const string Iso42001 = "iso42001-2023";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.Nonconformities.AnyAsync(cancellationToken)) return;
        var (ciso, cto, admin) = (people[OrganizationRole.Manager], people[OrganizationRole.Contributor], people[OrganizationRole.Admin]);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var keys = await db.Frameworks.Select(f => f.Key).ToListAsync(cancellationToken);
        string? Key(string key) => keys.Contains(key) ? key : null;
        using var asCiso = db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);

        // 1. From the leaked-key incident (when the incident demo ran): corrected, one action done, checked effective by the CISO.
        var incident = await db.Incidents.Where(i => i.Title == DemoIncidents.HighMissed).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var leaked = await RaiseAsync(new NonconformityInput(FromIncident, FindingGrade.Minor,
            "The post-incident review found containment took 31 hours against the 4-hour limit for High incidents: the first key revocation broke a nightly export job, " +
            "which was restarted with a new key by mistake. No owner was recorded for the job.",
            incident is null ? NonconformitySource.Manual : NonconformitySource.Incident, incident, RaisedOn: today.AddDays(-105), RaisedBy: "Casey Ciso", OwnerId: cto,
            DueOn: today.AddDays(-45), FrameworkKey: Key(Iso27001), RequirementCode: Key(Iso27001) is null ? null : "A.5.26"), cancellationToken);
        await CauseAsync(leaked, "Scheduled jobs were created by hand in the CI system with no owner and long-lived keys, so nobody knew which jobs a revoked key would break.",
            "The second key was revoked, the instances terminated and the sandbox account quarantined the same day.", cancellationToken);
        await ActionAsync(leaked, "Give every scheduled CI job an owner and move them to federated (OIDC) credentials", cto, today.AddDays(-60), ActionStatus.Done, today.AddDays(-70),
            "All 23 scheduled jobs have an owner in the job catalogue; no long-lived keys remain in CI.", cancellationToken);
        await submit.RunAsync(leaked, false, null, await VersionAsync(leaked, cancellationToken), cancellationToken);
        await check.RunAsync(leaked, today.AddDays(-40), true,
            "Revoked a test key in the sandbox: the owning job's owner was paged within 5 minutes and no other job broke. Job catalogue sampled: 23 of 23 with an owner.",
            await VersionAsync(leaked, cancellationToken), cancellationToken);

        // 2. Raised by hand from the access review figures: action done, awaiting the Admin's check.
        var reviews = await RaiseAsync(new NonconformityInput(AccessReviews, FindingGrade.Minor,
            "The Q2 access reviews of the AWS production account and the client web app's admin console were completed 47 and 62 days after their due date.",
            RaisedOn: today.AddDays(-60), RaisedBy: "Casey Ciso", OwnerId: ciso, DueOn: today.AddDays(30), FrameworkKey: Key(Iso27001),
            RequirementCode: Key(Iso27001) is null ? null : "A.5.18"), cancellationToken);
        await CauseAsync(reviews, "Reviewers were reminded only once, at the start of the campaign, and nobody followed up on reviews past their due date.",
            "Both reviews were completed; three stale accounts were removed.", cancellationToken);
        await ActionAsync(reviews, "Weekly reminders and escalation to the reviewer's manager for access reviews past due", ciso, today.AddDays(-20), ActionStatus.Done,
            today.AddDays(-12), "Reminders run every Monday; escalation after seven days past due.", cancellationToken);
        await submit.RunAsync(reviews, false, null, await VersionAsync(reviews, cancellationToken), cancellationToken);

        // 3. The gap assessment's major: two actions, one overdue.
        var assessments = await RaiseAsync(new NonconformityInput(ImpactAssessments, FindingGrade.Major,
            "Of 51 AI agents in production, 14 (mostly marketing and design agents) have no AI system impact assessment, and no criteria decide when one is needed.",
            RaisedOn: today.AddDays(-75), RaisedBy: "Casey Ciso (pre-certification gap assessment)", OwnerId: cto, DueOn: today.AddDays(15),
            FrameworkKey: Key(Iso42001), RequirementCode: Key(Iso42001) is null ? null : "6.1.4"), cancellationToken);
        await CauseAsync(assessments, "Impact assessments were introduced for legal and healthcare agents only, after a client request; agents of other service lines were launched without the step.",
            "Launches of new agents are paused until an assessment is approved.", cancellationToken);
        await ActionAsync(assessments, "Write the criteria for when an AI system impact assessment is required", cto, today.AddDays(-5), ActionStatus.InProgress, null, null, cancellationToken);
        await ActionAsync(assessments, "Complete impact assessments for the 14 agents without one", cto, today.AddDays(14), ActionStatus.Open, null, null, cancellationToken);

        // 4 and 5. An observation still open and an opportunity closed with a note.
        await RaiseAsync(new NonconformityInput("Supplier questionnaires ask nothing about how model providers use client data", FindingGrade.Observation,
            "The standard security questionnaire predates the AI services; model providers answered it without covering training on customer data or retention of prompts.",
            RaisedOn: today.AddDays(-50), RaisedBy: "Casey Ciso", OwnerId: ciso, FrameworkKey: Key(Iso27001), RequirementCode: Key(Iso27001) is null ? null : "A.5.19"), cancellationToken);
        var opportunity = await RaiseAsync(new NonconformityInput("Collect cloud configuration evidence automatically instead of by screenshot", FindingGrade.Opportunity,
            "Evidence of cloud hardening is gathered as screenshots each quarter; the automated checks could produce it continuously.",
            RaisedOn: today.AddDays(-90), RaisedBy: "Olu Owner", OwnerId: cto), cancellationToken);
        await close.RunAsync(opportunity, "Done: the TLS, header and PostgreSQL checks now record their results as evidence every day.",
            await VersionAsync(opportunity, cancellationToken), cancellationToken);

        // 6. Checked once and found not effective by the Admin (the CISO owns it): open again with a second action.
        var logs = await RaiseAsync(new NonconformityInput(Reopened, FindingGrade.Minor,
            "Logs of the agent orchestration service were kept for 30 days; the logging standard and client contracts require 90.",
            RaisedOn: today.AddDays(-120), RaisedBy: "Casey Ciso", OwnerId: ciso, DueOn: today.AddDays(20), FrameworkKey: Key(Iso27001),
            RequirementCode: Key(Iso27001) is null ? null : "A.8.15"), cancellationToken);
        await CauseAsync(logs, "Retention is set per log group and new log groups take the account default of 30 days.",
            "Retention of the main log group raised to 90 days.", cancellationToken);
        await ActionAsync(logs, "Set 90-day retention on the orchestration service's log groups", ciso, today.AddDays(-80), ActionStatus.Done, today.AddDays(-85),
            "Main log group set to 90 days.", cancellationToken);
        await submit.RunAsync(logs, false, null, await VersionAsync(logs, cancellationToken), cancellationToken);
        using (db.Acting.ActAs(admin, $"admin@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
        {
            await check.RunAsync(logs, today.AddDays(-30), false,
                "Two log groups created since the change (the new routing service and the evaluation runner) still keep 30 days: the correction fixed one group, not the cause.",
                await VersionAsync(logs, cancellationToken), cancellationToken);
        }
        await ActionAsync(logs, "Set the account's default log retention to 90 days and alert on any log group below it", ciso, today.AddDays(10), ActionStatus.InProgress, null,
            null, cancellationToken);
    }

    private Task<Guid> RaiseAsync(NonconformityInput input, CancellationToken cancellationToken) => raise.RunAsync(input, cancellationToken);

    private async Task CauseAsync(Guid id, string rootCause, string correction, CancellationToken cancellationToken) =>
        await recordCause.RunAsync(id, rootCause, correction, await VersionAsync(id, cancellationToken), cancellationToken);

    private Task<Guid> ActionAsync(Guid nonconformity, string title, Guid owner, DateOnly dueOn, ActionStatus status, DateOnly? completedOn, string? outcome,
        CancellationToken cancellationToken) =>
        actions.RunAsync(null, new CorrectiveActionInput(title, null, ActionSource.Nonconformity, nonconformity, owner, dueOn, status, completedOn, outcome), cancellationToken);

    private Task<int> VersionAsync(Guid id, CancellationToken cancellationToken) =>
        db.Nonconformities.AsNoTracking().Where(n => n.Id == id).Select(n => n.Version).SingleAsync(cancellationToken);
}
