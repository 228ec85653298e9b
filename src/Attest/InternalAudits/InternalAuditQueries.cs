using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.InternalAudits;

/// <summary>
/// A completed internal audit as management reviews, audit packs and readiness read it: its checklist results counted, and the references
/// of the nonconformities (of every grade) raised from it.
/// </summary>
public sealed record CompletedInternalAudit(
    Guid Id, string Reference, string Title, string? Programme, string AuditorName, DateOnly? StartedOn, DateOnly CompletedOn, string Conclusion,
    int Items, int Conforming, int Nonconformities, int Observations, int Opportunities, int NotAudited, IReadOnlyList<string> NonconformityReferences)
{
    /// <summary>"IA-003 Q3 2026 internal audit".</summary>
    public string Label => Reference + " " + Title;
}

/// <summary>Reads internal audits for other features. Each method costs a fixed number of queries however many audits there are.</summary>
public static class InternalAuditQueries
{
    /// <summary>
    /// The internal audits completed between <paramref name="from"/> and <paramref name="to"/> (both inclusive, by their completion day),
    /// oldest first, with the number of checklist items per result and the NC-nnn references raised from each (source InternalAudit).
    /// Two queries.
    /// </summary>
    public static async Task<IReadOnlyList<CompletedInternalAudit>> CompletedBetweenAsync(AttestDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var audits = await db.InternalAudits.AsNoTracking()
            .Where(a => a.Status == InternalAuditStatus.Completed && a.CompletedOn != null && a.CompletedOn >= from && a.CompletedOn <= to)
            .OrderBy(a => a.CompletedOn).ThenBy(a => a.Reference)
            .Select(a => new
            {
                a.Id, a.Reference, a.Title, a.AuditorName, a.StartedOn, a.CompletedOn, a.Conclusion,
                Programme = db.AuditProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                Items = db.AuditChecklistItems.Count(i => i.AuditId == a.Id),
                Conforming = db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Conforming),
                Nonconformities = db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Nonconformity),
                Observations = db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Observation),
                Opportunities = db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.OpportunityForImprovement),
                NotAudited = db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.NotAudited),
            })
            .ToListAsync(cancellationToken);
        if (audits.Count == 0) return [];
        var ids = audits.Select(a => a.Id).ToList();
        var raised = (await db.Nonconformities.AsNoTracking()
                .Where(n => n.Source == NonconformitySource.InternalAudit && n.SourceId != null && ids.Contains(n.SourceId.Value))
                .Select(n => new { SourceId = n.SourceId!.Value, n.Reference })
                .ToListAsync(cancellationToken))
            .ToLookup(n => n.SourceId, n => n.Reference);
        return audits.Select(a => new CompletedInternalAudit(a.Id, a.Reference, a.Title, a.Programme, a.AuditorName, a.StartedOn, a.CompletedOn!.Value, a.Conclusion,
                a.Items, a.Conforming, a.Nonconformities, a.Observations, a.Opportunities, a.NotAudited,
                raised[a.Id].OrderBy(r => r, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>The completion day of the latest completed internal audit; null when none has been completed. One query.</summary>
    public static async Task<DateOnly?> LatestCompletedOnAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await db.InternalAudits.AsNoTracking()
            .Where(a => a.Status == InternalAuditStatus.Completed && a.CompletedOn != null)
            .MaxAsync(a => a.CompletedOn, cancellationToken);
}
