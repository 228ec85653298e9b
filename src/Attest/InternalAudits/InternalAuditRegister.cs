using Attest.Data;
using Attest.Frameworks;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.InternalAudits;

/// <summary>What the register lists: audits by status, programme, year of their planned start, and auditor (part of the name).</summary>
public sealed record InternalAuditFilter(InternalAuditStatus? Status = null, Guid? ProgrammeId = null, int? Year = null, string? Auditor = null);

/// <summary>An audit as the register shows it, with its checklist counted by result and the findings raised from it.</summary>
public sealed record InternalAuditRow(
    Guid Id, string Reference, string Title, Guid? ProgrammeId, string? Programme, string AuditorName, DateOnly PlannedStart, DateOnly PlannedEnd,
    DateOnly? StartedOn, DateOnly? CompletedOn, InternalAuditStatus Status, Guid? OwnerId, int Items, int Assessed, int Conforming, int Nonconformities,
    int Observations, int Opportunities, int Findings);

public sealed record InternalAuditPage(IReadOnlyList<InternalAuditRow> Rows, bool HasMore);

public sealed record AuditProgrammeRow(
    Guid Id, string Name, DateOnly CycleStart, DateOnly CycleEnd, int AuditsPerYear, Guid? OwnerId, string? OwnerName, bool Archived, int Audits, int Completed,
    int Version);

/// <summary>A clause or control the cycle has not covered yet, with the clause or Annex A theme it belongs to.</summary>
public sealed record UncoveredRequirement(Guid Id, string Code, string Title, bool IsClause, string Group, string GroupTitle);

/// <summary>
/// How much of one framework a programme's cycle has audited: clauses (4–10 and their sub-clauses) and controls with a result other than not
/// assessed or not audited in an audit of the programme in progress or completed, started (or planned to start) within the cycle.
/// </summary>
public sealed record FrameworkAuditCoverage(Guid FrameworkId, string Key, string Name, int Clauses, int ClausesCovered, int Controls, int ControlsCovered,
    IReadOnlyList<UncoveredRequirement> Uncovered)
{
    public int Total => Clauses + Controls;
    public int Covered => ClausesCovered + ControlsCovered;
    public int Percent => Total == 0 ? 0 : (int)Math.Floor(100.0 * Covered / Total);
}

public sealed record AuditProgrammeDetail(AuditProgrammeRow Programme, string Description, IReadOnlyList<string> FrameworkKeys, IReadOnlyList<FrameworkAuditCoverage> Coverage,
    IReadOnlyList<InternalAuditRow> Audits);

public sealed record ChecklistEvidence(Guid Id, string Reference, string Title);

public sealed record ChecklistItemRow(
    Guid Id, Guid RequirementId, string FrameworkKey, string Code, string RequirementTitle, string Group, string GroupTitle, int Position, string Question,
    AuditResult Result, string Notes, Guid? NonconformityId, string? NonconformityReference, FindingGrade? NonconformityGrade, bool IsReaudit,
    Guid? ReauditOfNonconformityId, string? ReauditOfReference, DateOnly? AssessedOn, string AssessedBy, IReadOnlyList<ChecklistEvidence> Evidence, int Version);

public sealed record AuditFinding(Guid Id, string Reference, string Title, FindingGrade Grade, NonconformityStatus Status, string? RequirementCode, DateOnly? DueOn);

public sealed record ResultCount(AuditResult Result, int Count);

/// <summary>One audit with everything its page, report and the API show. <see cref="IndependenceWarnings"/> are reasons to doubt the auditor's independence.</summary>
public sealed record InternalAuditDetail(
    Guid Id, string Reference, string Title, Guid? ProgrammeId, string? Programme, string Scope, string Criteria, Guid? AuditorUserId, string AuditorName,
    string IndependenceStatement, Guid? OwnerId, string? OwnerName, DateOnly PlannedStart, DateOnly PlannedEnd, DateOnly? StartedOn, DateOnly? CompletedOn,
    string Plan, string Conclusion, InternalAuditStatus Status, int Version, IReadOnlyList<ChecklistItemRow> Items, IReadOnlyList<AuditFinding> Findings,
    IReadOnlyList<string> IndependenceWarnings)
{
    public IReadOnlyList<ChecklistItemRow> Reaudits => Items.Where(i => i.IsReaudit).ToList();
    public IReadOnlyList<ChecklistItemRow> Requirements => Items.Where(i => !i.IsReaudit).ToList();
    public IReadOnlyList<ResultCount> Counts => Enum.GetValues<AuditResult>().Select(r => new ResultCount(r, Items.Count(i => i.Result == r))).ToList();
}

/// <summary>Reads internal audit programmes and audits; every page costs a fixed number of queries however many audits and items there are.</summary>
public static class InternalAuditRegister
{
    public static async Task<InternalAuditPage> PageAsync(AttestDbContext db, InternalAuditFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var query = db.InternalAudits.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.ProgrammeId is { } programme) query = query.Where(a => a.ProgrammeId == programme);
        if (filter.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(a => a.PlannedStart >= from && a.PlannedStart <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Auditor))
        {
            var term = filter.Auditor.Trim().ToLower();
            query = query.Where(a => a.AuditorName.ToLower().Contains(term));
        }
        var found = await Rows(db, query.OrderByDescending(a => a.PlannedStart).ThenByDescending(a => a.Reference))
            .Skip((Math.Max(1, page) - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new InternalAuditPage(found, more);
    }

    private static IQueryable<InternalAuditRow> Rows(AttestDbContext db, IQueryable<InternalAudit> audits) =>
        audits.Select(a => new InternalAuditRow(a.Id, a.Reference, a.Title, a.ProgrammeId,
            db.AuditProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(), a.AuditorName, a.PlannedStart, a.PlannedEnd, a.StartedOn,
            a.CompletedOn, a.Status, a.OwnerId,
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id),
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result != AuditResult.NotAssessed),
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Conforming),
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Nonconformity),
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.Observation),
            db.AuditChecklistItems.Count(i => i.AuditId == a.Id && i.Result == AuditResult.OpportunityForImprovement),
            db.Nonconformities.Count(n => n.Source == NonconformitySource.InternalAudit && n.SourceId == a.Id)));

    /// <summary>Every programme, active first, by cycle start; archived ones only when asked for.</summary>
    public static Task<List<AuditProgrammeRow>> ProgrammesAsync(AttestDbContext db, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        ProgrammeRows(db, db.AuditProgrammes.AsNoTracking().Where(p => includeArchived || !p.Archived)
            .OrderBy(p => p.Archived).ThenByDescending(p => p.CycleStart).ThenBy(p => p.Name)).ToListAsync(cancellationToken);

    private static IQueryable<AuditProgrammeRow> ProgrammeRows(AttestDbContext db, IQueryable<AuditProgramme> programmes) =>
        programmes.Select(p => new AuditProgrammeRow(p.Id, p.Name, p.CycleStart, p.CycleEnd, p.AuditsPerYear, p.OwnerId,
            db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), p.Archived,
            db.InternalAudits.Count(a => a.ProgrammeId == p.Id),
            db.InternalAudits.Count(a => a.ProgrammeId == p.Id && a.Status == InternalAuditStatus.Completed), p.Version));

    public static async Task<AuditProgrammeDetail> ProgrammeAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.AuditProgrammes.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Description }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Audit programme", id);
        var row = await ProgrammeRows(db, db.AuditProgrammes.AsNoTracking().Where(p => p.Id == id)).FirstAsync(cancellationToken);
        var coverage = await AuditProgrammeCoverage.ForAsync(db, id, cancellationToken);
        var audits = await Rows(db, db.InternalAudits.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.PlannedStart).ThenBy(a => a.Reference)).ToListAsync(cancellationToken);
        return new AuditProgrammeDetail(row, found.Description, coverage.Select(c => c.Key).ToList(), coverage, audits);
    }

    public static async Task<InternalAuditDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var audit = await db.InternalAudits.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Audit = a,
                Programme = db.AuditProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Internal audit", id);
        var items = await db.AuditChecklistItems.AsNoTracking().Where(i => i.AuditId == id)
            .Join(db.Requirements, i => i.RequirementId, r => r.Id, (i, r) => new { Item = i, r.Code, r.Title, r.FrameworkId, r.SortOrder })
            .Select(x => new
            {
                x.Item, x.Code, x.Title, x.SortOrder,
                FrameworkKey = db.Frameworks.Where(f => f.Id == x.FrameworkId).Select(f => f.Key).FirstOrDefault(),
                Finding = db.Nonconformities.Where(n => n.Id == x.Item.NonconformityId).Select(n => new { n.Reference, n.Grade }).FirstOrDefault(),
                Reaudit = db.Nonconformities.Where(n => n.Id == x.Item.ReauditOfNonconformityId).Select(n => n.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Item.Id).ToList();
        var evidence = (await db.AuditItemEvidence.AsNoTracking().Where(l => itemIds.Contains(l.ItemId))
                .Join(db.EvidenceItems, l => l.EvidenceId, e => e.Id, (l, e) => new { l.ItemId, e.Id, e.Reference, e.Title }).ToListAsync(cancellationToken))
            .ToLookup(e => e.ItemId, e => new ChecklistEvidence(e.Id, e.Reference, e.Title));
        var groups = await RequirementGroups.ForAsync(db, items.Select(i => i.Item.RequirementId).ToList(), cancellationToken);
        var findings = await db.Nonconformities.AsNoTracking().Where(n => n.Source == NonconformitySource.InternalAudit && n.SourceId == id).OrderBy(n => n.Reference)
            .Select(n => new AuditFinding(n.Id, n.Reference, n.Title, n.Grade, n.Status, db.Requirements.Where(r => r.Id == n.RequirementId).Select(r => r.Code).FirstOrDefault(), n.DueOn))
            .ToListAsync(cancellationToken);
        var a = audit.Audit;
        // Controls the internal auditor owns that meet a requirement on the checklist: they would audit their own work.
        var ownControls = a.AuditorUserId is { } auditor
            ? await db.Controls.AsNoTracking().Where(c => c.OwnerId == auditor && db.ControlRequirements.Any(l => l.ControlId == c.Id &&
                    db.AuditChecklistItems.Any(i => i.AuditId == id && i.RequirementId == l.RequirementId)))
                .OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(cancellationToken)
            : [];
        var warnings = new List<string>();
        if (ownControls.Count > 0) warnings.Add($"The auditor owns {string.Join(", ", ownControls)}, which meet{(ownControls.Count == 1 ? "s" : "")} requirements on this checklist.");
        if (a.AuditorUserId is not null && a.AuditorUserId == a.OwnerId) warnings.Add("The auditor also owns this audit.");
        var rows = items.OrderBy(i => i.FrameworkKey, StringComparer.Ordinal).ThenBy(i => i.SortOrder).ThenBy(i => i.Item.Position)
            .Select(i =>
            {
                var group = groups.TryGetValue(i.Item.RequirementId, out var g) ? g : (i.Code, i.Title);
                return new ChecklistItemRow(i.Item.Id, i.Item.RequirementId, i.FrameworkKey ?? "", i.Code, i.Title, group.Code, group.Title, i.Item.Position, i.Item.Question,
                    i.Item.Result, i.Item.Notes, i.Item.NonconformityId, i.Finding?.Reference, i.Finding?.Grade, i.Item.IsReaudit, i.Item.ReauditOfNonconformityId, i.Reaudit,
                    i.Item.AssessedOn, i.Item.AssessedBy, evidence[i.Item.Id].OrderBy(e => e.Reference, StringComparer.Ordinal).ToList(), i.Item.Version);
            }).ToList();
        return new InternalAuditDetail(a.Id, a.Reference, a.Title, a.ProgrammeId, audit.Programme, a.Scope, a.Criteria, a.AuditorUserId, a.AuditorName, a.IndependenceStatement,
            a.OwnerId, audit.Owner, a.PlannedStart, a.PlannedEnd, a.StartedOn, a.CompletedOn, a.Plan, a.Conclusion, a.Status, a.Version, rows, findings, warnings);
    }

    /// <summary>Where a nonconformity was re-audited, latest first: the audit's reference and the item's result, for the nonconformity's page.</summary>
    public static async Task<IReadOnlyList<ReauditRow>> ReauditsOfAsync(AttestDbContext db, Guid nonconformityId, CancellationToken cancellationToken = default) =>
        await db.AuditChecklistItems.AsNoTracking().Where(i => i.ReauditOfNonconformityId == nonconformityId)
            .Join(db.InternalAudits, i => i.AuditId, a => a.Id, (i, a) => new { a.Reference, AuditId = a.Id, i.Result, i.AssessedOn, a.PlannedStart })
            .OrderByDescending(x => x.PlannedStart)
            .Select(x => new ReauditRow(x.AuditId, x.Reference, x.Result, x.AssessedOn))
            .ToListAsync(cancellationToken);
}

/// <summary>A checklist item that re-audits a nonconformity: in which audit, with which result.</summary>
public sealed record ReauditRow(Guid AuditId, string AuditReference, AuditResult Result, DateOnly? AssessedOn);

/// <summary>The clause or Annex A theme a requirement belongs to: its top-level ancestor, or the one below a root grouping such as "Annex A".</summary>
internal static class RequirementGroups
{
    public static async Task<Dictionary<Guid, (string Code, string Title)>> ForAsync(AttestDbContext db, IReadOnlyCollection<Guid> requirementIds, CancellationToken cancellationToken)
    {
        if (requirementIds.Count == 0) return [];
        var frameworks = await db.Requirements.AsNoTracking().Where(r => requirementIds.Contains(r.Id)).Select(r => r.FrameworkId).Distinct().ToListAsync(cancellationToken);
        var all = await db.Requirements.AsNoTracking().Where(r => frameworks.Contains(r.FrameworkId))
            .Select(r => new Node(r.Id, r.ParentId, r.Code, r.Title, r.Kind)).ToListAsync(cancellationToken);
        var byId = all.ToDictionary(n => n.Id);
        return requirementIds.Where(byId.ContainsKey).Distinct().ToDictionary(id => id, id => Of(byId, id));
    }

    internal sealed record Node(Guid Id, Guid? ParentId, string Code, string Title, RequirementKind Kind);

    internal static (string Code, string Title) Of(IReadOnlyDictionary<Guid, Node> byId, Guid id)
    {
        var path = new List<Node>();
        for (Guid? at = id; at is { } current && byId.TryGetValue(current, out var node); at = node.ParentId) path.Insert(0, node);
        if (path.Count == 0) return ("", "");
        var group = path[0].Kind == RequirementKind.Group && path.Count > 1 ? path[1] : path[0];
        return (group.Code, group.Title);
    }
}

/// <summary>Coverage of a programme's frameworks over its cycle, in three queries after the programme.</summary>
public static class AuditProgrammeCoverage
{
    public static async Task<IReadOnlyList<FrameworkAuditCoverage>> ForAsync(AttestDbContext db, Guid programmeId, CancellationToken cancellationToken = default)
    {
        var programme = await db.AuditProgrammes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.CycleStart, p.CycleEnd }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Audit programme", programmeId);
        var frameworks = await db.AuditProgrammeFrameworks.AsNoTracking().Where(l => l.ProgrammeId == programmeId)
            .Join(db.Frameworks, l => l.FrameworkId, f => f.Id, (l, f) => new { f.Id, f.Key, f.Name }).OrderBy(f => f.Key).ToListAsync(cancellationToken);
        var ids = frameworks.Select(f => f.Id).ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.FrameworkId) && !r.Withdrawn)
            .OrderBy(r => r.SortOrder)
            .Select(r => new { Node = new RequirementGroups.Node(r.Id, r.ParentId, r.Code, r.Title, r.Kind), r.FrameworkId, r.Assessable }).ToListAsync(cancellationToken);
        var (start, end) = (programme.CycleStart, programme.CycleEnd);
        var covered = (await db.AuditChecklistItems.AsNoTracking()
                .Where(i => i.Result != AuditResult.NotAssessed && i.Result != AuditResult.NotAudited &&
                    db.InternalAudits.Any(a => a.Id == i.AuditId && a.ProgrammeId == programmeId &&
                        (a.Status == InternalAuditStatus.InProgress || a.Status == InternalAuditStatus.Completed) &&
                        (a.StartedOn ?? a.PlannedStart) >= start && (a.StartedOn ?? a.PlannedStart) <= end))
                .Select(i => i.RequirementId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        var byId = requirements.ToDictionary(r => r.Node.Id, r => r.Node);
        return frameworks.Select(f =>
        {
            var assessable = requirements.Where(r => r.FrameworkId == f.Id && r.Assessable).Select(r => r.Node).ToList();
            var clauses = assessable.Where(r => r.Kind == RequirementKind.Clause).ToList();
            var controls = assessable.Where(r => r.Kind != RequirementKind.Clause).ToList();
            var uncovered = assessable.Where(r => !covered.Contains(r.Id)).Select(r =>
            {
                var group = RequirementGroups.Of(byId, r.Id);
                return new UncoveredRequirement(r.Id, r.Code, r.Title, r.Kind == RequirementKind.Clause, group.Code, group.Title);
            }).ToList();
            return new FrameworkAuditCoverage(f.Id, f.Key, f.Name, clauses.Count, clauses.Count(c => covered.Contains(c.Id)), controls.Count,
                controls.Count(c => covered.Contains(c.Id)), uncovered);
        }).ToList();
    }
}
