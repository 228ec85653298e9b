using Attest.Data;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's internal audit programme: ISO/IEC 27001 and 42001, quarterly, from the start of last quarter to the end of the year two
/// years on, planned through the same use cases people use. Last quarter's audit, by an outside consultant, covered clauses 4–6 and a dozen Annex A
/// controls with mixed results: one minor nonconformity, one observation and one opportunity for improvement, all in the nonconformity register, and
/// the re-audits of earlier findings (conforming where the finding was closed, not audited where its actions were still running). This quarter's
/// audit is in progress, with some items assessed and the re-audit of last quarter's minor; the remaining quarters are planned. Loading again adds nothing.
/// </summary>
public sealed class DemoInternalAudits(AttestDbContext db, SaveAuditProgramme programmes, PlanAuditCycle plan, SaveInternalAudit audits, StartInternalAudit start,
    AddChecklistItems items, RecordAuditResult results, CompleteInternalAudit complete)
{
    public const string Consultant = "Priya Natarajan, Clearline Assurance";
    public const string MinorFinding = "Privileged access to the agent orchestration cluster not reviewed since onboarding";

    public static string ProgrammeName(DateOnly cycleStart, DateOnly cycleEnd) => $"ISMS and AIMS internal audit programme {cycleStart.Year}–{cycleEnd.Year}";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.AuditProgrammes.AnyAsync(cancellationToken)) return;
        var keys = await db.Frameworks.Select(f => f.Key).ToListAsync(cancellationToken);
        if (!keys.Contains("iso27001-2022")) return;
        var frameworks = keys.Contains("iso42001-2023") ? "iso27001-2022, iso42001-2023" : "iso27001-2022";
        var (ciso, cto) = (people[OrganizationRole.Manager], people[OrganizationRole.Contributor]);
        using var asCiso = db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var thisQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var (cycleStart, cycleEnd) = (thisQuarter.AddMonths(-3), new DateOnly(thisQuarter.AddMonths(-3).Year + 2, 12, 31));

        var programme = await programmes.RunAsync(null, new AuditProgrammeInput(ProgrammeName(cycleStart, cycleEnd), cycleStart, cycleEnd, 4, frameworks,
            "**Objectives.** Confirm that the ISMS and the AI management system conform to ISO/IEC 27001:2022, ISO/IEC 42001:2023 and our own policies, " +
            "and are effectively implemented and maintained (clause 9.2).\n\n" +
            "**Coverage.** Every clause 4–10 and every applicable Annex A control is audited at least once over the cycle, with areas of higher risk " +
            "(access to client data, AI agents in production, supplier models) every year. Earlier nonconformities are re-audited in the next audit.\n\n" +
            "**Methods.** Interviews, document review and sampling of records in Attest; a report per audit to the CISO and the management review.\n\n" +
            "**Responsibilities.** The CISO owns the programme; audits are done by an outside consultant or by staff who do not audit their own work.",
            ciso), cancellationToken);
        await plan.RunAsync(programme, cancellationToken);
        var planned = await db.InternalAudits.AsNoTracking().Where(a => a.ProgrammeId == programme).OrderBy(a => a.PlannedStart).ToListAsync(cancellationToken);
        var evidence = await db.EvidenceItems.AsNoTracking().OrderBy(e => e.Reference).Select(e => e.Reference).Take(4).ToListAsync(cancellationToken);
        string? Evidence(int index) => evidence.Count > index ? evidence[index] : null;

        // Last quarter: completed by the outside consultant.
        var last = planned[0];
        var fieldwork = last.PlannedEnd.AddDays(-24);
        await audits.RunAsync(last.Id, new InternalAuditInput(last.Title, last.PlannedStart, last.PlannedEnd, programme,
            "The ISMS and AIMS at head office (London) and the AI services platform: leadership, context and planning (clauses 4–6), and the Annex A controls " +
            "on policies, access, suppliers, incident management, logging and secure development.",
            last.Criteria, null, Consultant,
            "Clearline Assurance has no other engagement with Lumen and played no part in designing or running the controls audited. Priya Natarajan holds " +
            "ISO/IEC 27001 Lead Auditor certification.",
            ciso, "Two days on site: interviews with the CEO, CISO and CTO on day one; sampling of access reviews, supplier files, incident records and " +
            "pipeline logs on day two. Closing meeting with the CISO.", null, last.Version), cancellationToken);
        await items.RunAsync(last.Id, new ChecklistAddition("iso27001-2022", "4, 5, 6, A.5.1, A.5.9, A.5.15, A.5.18, A.5.19, A.5.23, A.5.24, A.5.30, A.6.3, A.8.2, A.8.13, A.8.28"),
            cancellationToken);
        await start.RunAsync(last.Id, fieldwork, await VersionAsync(last.Id, cancellationToken), cancellationToken);
        var checklist = await ItemsAsync(last.Id, cancellationToken);
        var day = fieldwork.AddDays(1);
        foreach (var item in checklist.Where(i => !i.IsReaudit))
        {
            (AuditResult Result, string Notes, string? Evidence, string? Title) outcome = item.Code switch
            {
                "A.8.2" => (AuditResult.Nonconformity, "Three of the eleven accounts with cluster-admin rights on the agent orchestration cluster belong to people who changed role; " +
                    "no review of privileged access since the cluster was set up in March.", null, MinorFinding),
                "A.5.19" => (AuditResult.Observation, "Supplier files for model providers rely on the general security questionnaire; risks specific to model training " +
                    "on client prompts are not assessed yet (see the open observation).", null, null),
                "6.2" => (AuditResult.OpportunityForImprovement, "Objectives are measured, but several measures have no amber threshold: an early warning would help " +
                    "management act before a target is missed.", null, null),
                "A.5.15" or "A.5.18" => (AuditResult.Conforming, "Access control policy published and acknowledged; quarterly access review records sampled.", Evidence(0), null),
                "A.8.13" => (AuditResult.Conforming, "Restore test records for the last two quarters sampled; both met the RTO.", Evidence(1), null),
                _ => (AuditResult.Conforming, "Documented, implemented and known to the people interviewed.", null, null),
            };
            var (result, notes, evidenceRef, title) = outcome;
            await results.RunAsync(item.Id, new AuditResultInput(result, notes, null, evidenceRef, result == AuditResult.Nonconformity ? FindingGrade.Minor : null, title,
                result == AuditResult.Nonconformity ? cto : ciso, null, RaiseFinding: true, Version: item.Version, AssessedOn: day), cancellationToken);
        }
        // The re-audits of earlier findings: a closed one conforms; one whose actions are still running waits for the next audit.
        var closed = await db.Nonconformities.AsNoTracking().Where(n => n.Status == NonconformityStatus.Closed).Select(n => n.Id).ToListAsync(cancellationToken);
        foreach (var item in checklist.Where(i => i.IsReaudit))
        {
            var done = item.ReauditOfNonconformityId is { } nc && closed.Contains(nc);
            await results.RunAsync(item.Id, new AuditResultInput(done ? AuditResult.Conforming : AuditResult.NotAudited,
                done ? "Corrective actions sampled and effective; no recurrence since." : "Corrective actions still running; re-audit in the next audit.",
                Version: item.Version, AssessedOn: day), cancellationToken);
        }
        await complete.RunAsync(last.Id, "The management systems conform in the areas audited, with one minor nonconformity on privileged access reviews (A.8.2), " +
            "one observation on supplier files for model providers and one opportunity for improvement on measure thresholds. Corrective action is due " +
            $"within {RecordAuditResult.MinorDays} days; the next audit re-audits A.8.2.", fieldwork.AddDays(9), await VersionAsync(last.Id, cancellationToken), cancellationToken);

        // This quarter: in progress, with the re-audit of last quarter's minor added automatically.
        var current = planned[1];
        await audits.RunAsync(current.Id, new InternalAuditInput(current.Title, current.PlannedStart, current.PlannedEnd, programme,
            "Support and operation (clauses 7–8) of the ISMS and the AIMS, AI system impact assessment, and the re-audit of last quarter's findings.",
            current.Criteria, null, Consultant,
            "Clearline Assurance has no other engagement with Lumen and played no part in designing or running the controls audited.",
            ciso, "Fieldwork this week; report due before the management review.", null, current.Version), cancellationToken);
        var addition = keys.Contains("iso42001-2023") ? "iso27001-2022 7, 8 iso42001-2023 6.1.4, 8.4" : "7, 8";
        await items.RunAsync(current.Id, new ChecklistAddition("iso27001-2022", addition), cancellationToken);
        var started = today.AddDays(-2) < current.PlannedStart ? current.PlannedStart : today.AddDays(-2);
        await start.RunAsync(current.Id, started, await VersionAsync(current.Id, cancellationToken), cancellationToken);
        var assessed = 0;
        foreach (var item in (await ItemsAsync(current.Id, cancellationToken)).Where(i => !i.IsReaudit && i.Code.StartsWith('7')).Take(5))
        {
            await results.RunAsync(item.Id, new AuditResultInput(assessed++ == 2 ? AuditResult.Observation : AuditResult.Conforming,
                assessed == 3 ? "Awareness sessions cover AI use, but contractors joining mid-quarter wait up to ten weeks for the next session." : "Sampled and confirmed.",
                Evidence: assessed == 1 ? Evidence(2) : null, Version: item.Version, AssessedOn: started), cancellationToken);
        }
    }

    private async Task<int> VersionAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InternalAudits.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).FirstAsync(cancellationToken);

    private async Task<List<(Guid Id, string Code, bool IsReaudit, Guid? ReauditOfNonconformityId, int Version)>> ItemsAsync(Guid auditId, CancellationToken cancellationToken) =>
        (await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == auditId).OrderBy(i => i.Position)
            .Join(db.Requirements, i => i.RequirementId, r => r.Id, (i, r) => new { i.Id, r.Code, i.IsReaudit, i.ReauditOfNonconformityId, i.Version })
            .ToListAsync(cancellationToken))
        .Select(i => (i.Id, i.Code, i.IsReaudit, i.ReauditOfNonconformityId, i.Version)).ToList();
}
