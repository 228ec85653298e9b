using Attest.Certification;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's certification programmes: ISO/IEC 27001 four months after the scope was established, with the groundwork done,
/// the internal audit under way and stage 1 booked in three weeks; ISO/IEC 42001 started two weeks ago. Both are stated on the trust page.
/// </summary>
public sealed class DemoCertification(AttestDbContext db, SaveProgramme programmes, SaveMilestone milestones, SaveExternalAudit audits)
{
    public const string IsmsProgramme = "ISO 27001 certification";
    public const string AimsProgramme = "ISO 42001 certification";
    public const string Body = "Northgate Certification Services";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.CertificationProgrammes.AnyAsync(cancellationToken)) return;
        var today = await CertificationQueries.TodayAsync(db, cancellationToken);
        var ciso = people.TryGetValue(OrganizationRole.Manager, out var manager) ? manager : (Guid?)null;
        var owner = people.TryGetValue(OrganizationRole.Contributor, out var contributor) ? contributor : ciso;

        var scope = today.AddMonths(-4);
        var isms = await programmes.RunAsync(null, new ProgrammeInput(IsmsProgramme, "ISO/IEC 27001:2022", "iso27001-2022", scope, null, Body, ciso,
            "Certification of the information security management system for the whole platform, as promised to enterprise clients. " +
            "Target: six months after the scope was established, with **zero major nonconformities** at the stage 2 audit.", ShowOnTrustPage: true), cancellationToken);
        var steps = await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == isms).ToDictionaryAsync(m => m.Kind, cancellationToken);
        async Task Step(MilestoneKind kind, MilestoneStatus status, DateOnly? planned, DateOnly? done, string notes, Guid? by = null)
        {
            var m = steps[kind];
            await milestones.RunAsync(isms, m.Id, new MilestoneInput(m.Title, kind, planned ?? m.PlannedOn, status, done, by ?? ciso, notes, m.Version), cancellationToken);
        }
        await Step(MilestoneKind.GapAssessment, MilestoneStatus.Done, null, scope.AddDays(18), "Gap assessment against clauses 4–10 and Annex A by the compliance team; 41 gaps logged.");
        await Step(MilestoneKind.RiskAssessment, MilestoneStatus.Done, null, scope.AddDays(44), "First full risk assessment under the 5 × 5 methodology, treatment plan agreed.", owner);
        await Step(MilestoneKind.SoaApproved, MilestoneStatus.Done, null, scope.AddDays(72), "Statement of Applicability 1.0 approved by the CISO.");
        await Step(MilestoneKind.PoliciesPublished, MilestoneStatus.Done, null, scope.AddDays(98), "Policy set published and distributed for acceptance.");
        await Step(MilestoneKind.InternalAudit, MilestoneStatus.InProgress, today.AddDays(10), null, "Internal audit by an external consultant; fieldwork this week, report due before the management review.");
        await Step(MilestoneKind.ManagementReview, MilestoneStatus.NotStarted, today.AddDays(16), null, "Board and CISO; inputs per clause 9.3.2.");
        // Booking stage 1 plans its milestone on the audit's first day.
        await audits.RunAsync(isms, null, new ExternalAuditInput(ExternalAuditKind.Stage1, today.AddDays(21), today.AddDays(22), ExternalAuditStatus.Planned,
            LeadAuditor: "Helen Marsh", Summary: "Documentation review and readiness for stage 2, remote. Sites: head office (London).", OwnerId: ciso), cancellationToken);

        var aimsScope = today.AddDays(-14);
        var aims = await programmes.RunAsync(null, new ProgrammeInput(AimsProgramme, "ISO/IEC 42001:2023", "iso42001-2023", aimsScope, null, Body, ciso,
            "Certification of the AI management system covering the 51 agents, started once the ISMS groundwork was in place.", ShowOnTrustPage: true), cancellationToken);
        var gap = await db.Milestones.AsNoTracking().SingleAsync(m => m.ProgrammeId == aims && m.Kind == MilestoneKind.GapAssessment, cancellationToken);
        await milestones.RunAsync(aims, gap.Id, new MilestoneInput(gap.Title, gap.Kind, gap.PlannedOn, MilestoneStatus.InProgress, null, owner,
            "Gap assessment against ISO/IEC 42001 clauses 4–10 and Annex A, reusing the ISMS evidence where it applies.", gap.Version), cancellationToken);
    }
}
