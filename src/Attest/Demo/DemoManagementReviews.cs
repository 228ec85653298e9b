using Attest.Certification;
using Attest.Data;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's management reviews, through the same use cases people use: MR-001 held five months ago by the CEO, CISO, CTO
/// and DPO, with minutes, conclusions, three decisions and three actions (two done, one open and overdue), its inputs frozen as at its
/// date; and MR-002 planned on the certification programme's "Management review" milestone (16 days ahead), whose live inputs show the
/// open action from MR-001 under input (a). Loading again adds nothing.
/// </summary>
public sealed class DemoManagementReviews(AttestDbContext db, SaveManagementReview save, HoldManagementReview hold, RecordReviewDecision decide,
    AddReviewAction addAction, SaveCorrectiveAction actions)
{
    public const string HeldTitle = "Management review H1: ISMS and AIMS";
    public const string PlannedTitle = "Management review before the stage 1 audit";
    public const string OpenActionTitle = "Fund a second on-call engineer for AI agent incidents";

    public const string Attendees = "Alex Admin, CEO (chair)\nCasey Ciso, CISO\nOlu Owner, CTO\nMorgan Hale, Data Protection Officer";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        if (await db.ManagementReviews.AnyAsync(cancellationToken)) return;
        var (admin, ciso, cto) = (people[OrganizationRole.Admin], people[OrganizationRole.Manager], people[OrganizationRole.Contributor]);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        using var asCiso = db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);

        var heldOn = today.AddMonths(-5);
        var held = await save.RunAsync(null, new ManagementReviewInput(HeldTitle, heldOn, admin, Attendees,
            """
            ## Opening
            The CEO opened the review; all four members of top management were present. The CISO presented the inputs gathered by Attest as at the review date.

            ## Discussion
            - **Objectives.** Incident response and access control measures are on target; training completion is amber after the spring hiring wave.
            - **Risks.** Prompt injection against the client-facing research agents remains the highest residual risk; the treatment plan is on track.
            - **Suppliers.** The model provider's SOC 2 report is due; two critical suppliers have no review this year.
            - **Resources.** One engineer carries the AI agent on-call rota alone, which the CTO flagged as a single point of failure.
            """,
            """
            The management systems remain **suitable** for a professional-services firm deploying AI agents, **adequate** with the resourcing change
            decided below, and **effective** on the evidence of the measures, with the gaps in supplier reviews and training to close before certification.
            """), cancellationToken);
        await decide.RunAsync(held, ReviewDecisionKind.Resources, "Fund a second on-call engineer for AI agent incidents from Q3.", cancellationToken);
        await decide.RunAsync(held, ReviewDecisionKind.Improvement, "Review every critical supplier before the stage 1 audit, starting with the model provider.", cancellationToken);
        await decide.RunAsync(held, ReviewDecisionKind.Change, "Add a training objective for joiners: trained in their first week, 95 % target.", cancellationToken);
        await hold.RunAsync(held, (await db.ManagementReviews.AsNoTracking().SingleAsync(r => r.Id == held, cancellationToken)).Version, cancellationToken);

        var supplierReviews = await addAction.RunAsync(held, new ReviewActionInput("Review the critical suppliers, model provider first",
            "Questionnaire and SOC 2 / ISO 27001 evidence for each critical supplier.", ciso, heldOn.AddMonths(2)), cancellationToken);
        var joiners = await addAction.RunAsync(held, new ReviewActionInput("Add the joiners' first-week training measure",
            "Objective and measure in Attest, with the monthly snapshot.", ciso, heldOn.AddMonths(1)), cancellationToken);
        await addAction.RunAsync(held, new ReviewActionInput(OpenActionTitle, "Budget approved by the CEO; hire and add to the on-call rota.", cto, today.AddMonths(-1)), cancellationToken);
        await DoneAsync(supplierReviews, heldOn.AddMonths(2).AddDays(-6), "Five critical suppliers reviewed; results in the supplier register.");
        await DoneAsync(joiners, heldOn.AddDays(20), "Objective OPS added with the measure; first snapshot taken.");

        var milestone = await db.Milestones.AsNoTracking().Where(m => m.Kind == MilestoneKind.ManagementReview && m.Status != MilestoneStatus.Done && m.PlannedOn != null)
            .OrderBy(m => m.PlannedOn).Select(m => m.PlannedOn).FirstOrDefaultAsync(cancellationToken);
        await save.RunAsync(null, new ManagementReviewInput(PlannedTitle, milestone ?? today.AddDays(16), admin, Attendees,
            "Agenda: the inputs of clause 9.3.2 as gathered below, the internal audit report, readiness for the stage 1 audit.", null), cancellationToken);

        async Task DoneAsync(Guid id, DateOnly on, string outcome)
        {
            var action = await db.CorrectiveActions.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            await actions.RunAsync(id, new CorrectiveActionInput(action.Title, action.Description, action.Source, action.SourceId, action.OwnerId, action.DueOn,
                ActionStatus.Done, on, outcome, Version: action.Version), cancellationToken);
        }
    }
}
