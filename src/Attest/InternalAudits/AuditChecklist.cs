using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.InternalAudits;

/// <summary>
/// What to add to an audit's checklist. <see cref="Codes"/> lists requirement codes of <see cref="FrameworkKey"/> ("A.5.15, A.8.2"); a framework key
/// among them switches framework ("iso27001-2022 A.5.15 iso42001-2023 6.1.4"); a clause or Annex A theme ("9", "9.2", "A.5") adds every clause or
/// control under it. <see cref="NextUncovered"/> adds that many requirements the programme's cycle has not covered yet (and no open audit of the
/// programme has on its checklist).
/// </summary>
public sealed record ChecklistAddition(string? FrameworkKey = null, string? Codes = null, int? NextUncovered = null);

/// <summary>
/// Adds requirements to an audit's checklist (a requirement already on it is left as it is), each asked as its title; then adds the re-audits of
/// earlier nonconformities that no audit has taken up yet. Returns the number of items added. Refused once the audit is completed or cancelled.
/// </summary>
public sealed class AddChecklistItems(AttestDbContext db)
{
    public const int MostAtOnce = 200;

    public async Task<int> RunAsync(Guid auditId, ChecklistAddition input, CancellationToken cancellationToken = default)
    {
        var audit = await db.InternalAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken) ?? throw new RecordNotFoundException("Internal audit", auditId);
        if (audit.Status is InternalAuditStatus.Completed or InternalAuditStatus.Cancelled)
        {
            throw ValidationFailedException.For("Status", $"the checklist of a {audit.Status.ToString().ToLowerInvariant()} audit does not change.");
        }
        var items = await db.AuditChecklistItems.Where(i => i.AuditId == auditId).ToListAsync(cancellationToken);
        var wanted = new List<(Guid Id, string Title)>();
        if (!string.IsNullOrWhiteSpace(input.Codes)) wanted.AddRange(await ResolveCodesAsync(input.FrameworkKey, input.Codes, audit.ProgrammeId, cancellationToken));
        if (input.NextUncovered is { } count)
        {
            if (count is < 1 or > MostAtOnce) throw ValidationFailedException.For(nameof(input.NextUncovered), $"must be between 1 and {MostAtOnce}.");
            if (audit.ProgrammeId is not { } programmeId) throw ValidationFailedException.For(nameof(input.NextUncovered), "the audit belongs to no programme whose coverage it could follow.");
            var coverage = await AuditProgrammeCoverage.ForAsync(db, programmeId, cancellationToken);
            var elsewhere = (await db.AuditChecklistItems.AsNoTracking()
                .Where(i => i.AuditId != auditId && db.InternalAudits.Any(a => a.Id == i.AuditId && a.ProgrammeId == programmeId &&
                    (a.Status == InternalAuditStatus.Planned || a.Status == InternalAuditStatus.InProgress)))
                .Select(i => i.RequirementId).ToListAsync(cancellationToken)).ToHashSet();
            wanted.AddRange(coverage.SelectMany(f => f.Uncovered)
                .Where(u => !elsewhere.Contains(u.Id) && items.All(i => i.RequirementId != u.Id))
                .Take(count).Select(u => (u.Id, u.Title)));
        }
        if (string.IsNullOrWhiteSpace(input.Codes) && input.NextUncovered is null)
        {
            throw ValidationFailedException.For(nameof(input.Codes), "name the requirements to add (e.g. A.5.15, A.8.2 or a clause such as 9.2), or how many uncovered ones.");
        }
        var position = items.Count == 0 ? 0 : items.Max(i => i.Position);
        var added = 0;
        foreach (var (id, title) in wanted.DistinctBy(w => w.Id))
        {
            if (items.Any(i => i.RequirementId == id)) continue;
            var item = new AuditChecklistItem { AuditId = auditId, RequirementId = id, Position = ++position, Question = Trim(title, 2000) };
            db.AuditChecklistItems.Add(item);
            items.Add(item);
            added++;
        }
        added += await Reaudits.AddPendingAsync(db, auditId, audit.PlannedEnd, items, cancellationToken);
        await db.SaveAsync("audit checklist", cancellationToken);
        return added;
    }

    private async Task<List<(Guid Id, string Title)>> ResolveCodesAsync(string? frameworkKey, string codes, Guid? programmeId, CancellationToken cancellationToken)
    {
        var keys = await db.Frameworks.AsNoTracking().Select(f => new { f.Key, f.Id }).ToListAsync(cancellationToken);
        string? current = string.IsNullOrWhiteSpace(frameworkKey) ? null : frameworkKey.Trim().ToLowerInvariant();
        if (current is not null && keys.All(k => k.Key != current)) throw ValidationFailedException.For(nameof(ChecklistAddition.FrameworkKey), $"{current} is not loaded in this organization.");
        if (current is null && programmeId is { } programme)
        {
            // An audit of a programme covering one framework needs no key.
            var covered = await db.AuditProgrammeFrameworks.AsNoTracking().Where(l => l.ProgrammeId == programme).Select(l => l.FrameworkId).ToListAsync(cancellationToken);
            if (covered.Count == 1) current = keys.FirstOrDefault(k => k.Id == covered[0])?.Key;
        }
        var wanted = new List<(string Key, string Code)>();
        foreach (var token in codes.Split([',', ';', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (keys.Any(k => string.Equals(k.Key, token, StringComparison.OrdinalIgnoreCase))) current = token.ToLowerInvariant();
            else if (current is null) throw ValidationFailedException.For(nameof(ChecklistAddition.FrameworkKey), $"name the framework of {token} (e.g. iso27001-2022).");
            else wanted.Add((current, token));
        }
        if (wanted.Count == 0) throw ValidationFailedException.For(nameof(ChecklistAddition.Codes), "name at least one requirement code.");
        var frameworkIds = wanted.Select(w => keys.First(k => k.Key == w.Key).Id).Distinct().ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => frameworkIds.Contains(r.FrameworkId) && !r.Withdrawn)
            .Select(r => new { r.Id, r.FrameworkId, r.ParentId, r.Code, r.Title, r.Assessable, r.SortOrder }).ToListAsync(cancellationToken);
        var children = requirements.ToLookup(r => r.ParentId);
        var missing = new List<string>();
        var found = new List<(Guid, string)>();
        foreach (var (key, code) in wanted)
        {
            var frameworkId = keys.First(k => k.Key == key).Id;
            var requirement = requirements.FirstOrDefault(r => r.FrameworkId == frameworkId && string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
            if (requirement is null)
            {
                missing.Add($"{code} ({key})");
                continue;
            }
            // A heading stands for every clause or control under it, in document order.
            var stack = new Stack<Guid>([requirement.Id]);
            var under = new List<(int, Guid, string)>();
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                var node = requirements.First(r => r.Id == id);
                if (node.Assessable) under.Add((node.SortOrder, node.Id, node.Title));
                foreach (var child in children[id]) stack.Push(child.Id);
            }
            found.AddRange(under.OrderBy(u => u.Item1).Select(u => (u.Item2, u.Item3)));
        }
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For(nameof(ChecklistAddition.Codes), $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is not a requirement" : "are not requirements")} here.");
        }
        return found;
    }

    internal static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Removes a checklist item not assessed yet from an audit not completed.</summary>
public sealed class RemoveChecklistItem(AttestDbContext db)
{
    public async Task RunAsync(Guid itemId, int version, CancellationToken cancellationToken = default)
    {
        var item = await db.AuditChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw new RecordNotFoundException("Checklist item", itemId);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        var status = await db.InternalAudits.Where(a => a.Id == item.AuditId).Select(a => a.Status).FirstAsync(cancellationToken);
        if (status is InternalAuditStatus.Completed or InternalAuditStatus.Cancelled) throw ValidationFailedException.For("Status", "the checklist of a completed or cancelled audit does not change.");
        if (item.Result != AuditResult.NotAssessed) throw ValidationFailedException.For("Result", "an item with a result stays on the checklist; mark it not audited instead.");
        db.AuditChecklistItems.Remove(item);
        await db.SaveAsync("audit checklist", cancellationToken);
    }
}

/// <summary>
/// Re-audit of nonconformities (clause 10.2): a major or minor nonconformity against a requirement is re-audited by the next internal audit. It is
/// pending until a checklist item of an audit that is not cancelled re-audits it (an item marked "not audited" leaves it pending). The audit it
/// was raised from never re-audits it.
/// </summary>
public static class Reaudits
{
    public const string QuestionPrefix = "Re-audit of ";

    /// <summary>The pending nonconformities raised by the audit's planned end that <paramref name="auditId"/> may take up, in reference order.</summary>
    public static IQueryable<Nonconformity> Pending(AttestDbContext db, Guid auditId, DateOnly plannedEnd) =>
        db.Nonconformities.AsNoTracking()
            .Where(n => n.RequirementId != null && (n.Grade == FindingGrade.Major || n.Grade == FindingGrade.Minor) && n.RaisedOn <= plannedEnd
                && !(n.Source == NonconformitySource.InternalAudit && n.SourceId == auditId)
                && !db.AuditChecklistItems.Any(i => i.ReauditOfNonconformityId == n.Id && i.Result != AuditResult.NotAudited
                    && db.InternalAudits.Any(a => a.Id == i.AuditId && a.Status != InternalAuditStatus.Cancelled)))
            .OrderBy(n => n.Reference);

    /// <summary>
    /// Adds (without saving) a re-audit item for every pending nonconformity to the audit whose current <paramref name="items"/> are given; a requirement
    /// already on the checklist becomes the re-audit. Returns the number of items added.
    /// </summary>
    public static async Task<int> AddPendingAsync(AttestDbContext db, Guid auditId, DateOnly plannedEnd, List<AuditChecklistItem> items, CancellationToken cancellationToken)
    {
        var pending = await Pending(db, auditId, plannedEnd).Select(n => new { n.Id, n.Reference, n.Title, RequirementId = n.RequirementId!.Value }).ToListAsync(cancellationToken);
        var position = items.Count == 0 ? 0 : items.Max(i => i.Position);
        var added = 0;
        foreach (var nc in pending)
        {
            var question = AddChecklistItems.Trim($"{QuestionPrefix}{nc.Reference}: {nc.Title}", 2000);
            if (items.FirstOrDefault(i => i.RequirementId == nc.RequirementId) is { } existing)
            {
                if (existing.IsReaudit) continue;
                existing.IsReaudit = true;
                existing.ReauditOfNonconformityId = nc.Id;
                existing.Question = question;
                continue;
            }
            var item = new AuditChecklistItem
            {
                AuditId = auditId, RequirementId = nc.RequirementId, Position = ++position, Question = question, IsReaudit = true, ReauditOfNonconformityId = nc.Id,
            };
            db.AuditChecklistItems.Add(item);
            items.Add(item);
            added++;
        }
        return added;
    }
}

/// <summary>
/// A checklist item's result as the auditor records it. <see cref="Evidence"/> lists evidence references (EV-000012, EV-000031) replacing the
/// item's links. For a nonconformity, the item raises one in the register (grade Major or Minor, default Minor; due in 30 or 90 days unless
/// given) or links an existing one (<see cref="LinkNonconformity"/>, NC-nnn). <see cref="RaiseFinding"/> also records an observation or opportunity
/// for improvement in the register, so it is tracked.
/// </summary>
public sealed record AuditResultInput(
    AuditResult Result,
    string? Notes = null,
    string? Question = null,
    string? Evidence = null,
    FindingGrade? Grade = null,
    string? FindingTitle = null,
    Guid? FindingOwnerId = null,
    DateOnly? FindingDueOn = null,
    bool RaiseFinding = false,
    string? LinkNonconformity = null,
    int Version = 0,
    DateOnly? AssessedOn = null);

/// <summary>
/// Records a checklist item's result while its audit is in progress, dated today (or the day given, from the audit's start to today) and signed by
/// the acting person. A nonconformity result raises the
/// nonconformity (source InternalAudit) through <see cref="RaiseNonconformity"/> in the same transaction; an item keeps the finding it raised.
/// </summary>
public sealed class RecordAuditResult(AttestDbContext db, RaiseNonconformity raise)
{
    public const int MajorDays = 30;
    public const int MinorDays = 90;

    public async Task RunAsync(Guid itemId, AuditResultInput input, CancellationToken cancellationToken = default)
    {
        var item = await db.AuditChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw new RecordNotFoundException("Checklist item", itemId);
        var audit = await db.InternalAudits.AsNoTracking().Where(a => a.Id == item.AuditId).Select(a => new { a.Id, a.Status, a.AuditorName, a.StartedOn }).FirstAsync(cancellationToken);
        var validation = new Validation()
            .Defined(nameof(input.Result), input.Result)
            .MaxLength(nameof(input.Notes), input.Notes, 20000)
            .MaxLength(nameof(input.Question), input.Question, 2000)
            .MaxLength(nameof(input.FindingTitle), input.FindingTitle, 300);
        if (audit.Status != InternalAuditStatus.InProgress) validation.Add(nameof(input.Result), "results are recorded while the audit is in progress: start it first.");
        if (input.Grade is { } grade && input.Result == AuditResult.Nonconformity && grade is not (FindingGrade.Major or FindingGrade.Minor))
        {
            validation.Add(nameof(input.Grade), "a nonconformity is Major or Minor.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.FindingOwnerId, cancellationToken);
        Guid? linked = null;
        if (!string.IsNullOrWhiteSpace(input.LinkNonconformity))
        {
            var reference = input.LinkNonconformity.Trim();
            linked = await db.Nonconformities.Where(n => n.Reference == reference).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(cancellationToken);
            if (linked is null) validation.Add(nameof(input.LinkNonconformity), $"{reference} is not a nonconformity of this organization.");
        }
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.AssessedOn is { } assessed && (assessed > today || (audit.StartedOn is { } started && assessed < started)))
        {
            validation.Add(nameof(input.AssessedOn), "must be between the audit's start and today.");
        }
        validation.ThrowIfInvalid();
        var evidence = await References.ResolveAsync(input.Evidence, nameof(input.Evidence), "evidence", async (wanted, token) =>
            (await db.EvidenceItems.AsNoTracking().Where(e => wanted.Contains(e.Reference)).Select(e => new { e.Reference, e.Id }).ToListAsync(token))
                .Select(e => new KeyValuePair<string, Guid>(e.Reference, e.Id)).ToList(), cancellationToken);

        db.Entry(item).Property(i => i.Version).OriginalValue = input.Version;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var day = input.AssessedOn ?? today;
        var raises = item.NonconformityId is null && linked is null &&
                     (input.Result == AuditResult.Nonconformity || (input.RaiseFinding && input.Result is AuditResult.Observation or AuditResult.OpportunityForImprovement));
        if (linked is not null) item.NonconformityId = linked;
        else if (raises)
        {
            var findingGrade = input.Result switch
            {
                AuditResult.Observation => FindingGrade.Observation,
                AuditResult.OpportunityForImprovement => FindingGrade.Opportunity,
                _ => input.Grade ?? FindingGrade.Minor,
            };
            var requirement = await db.Requirements.AsNoTracking().Where(r => r.Id == item.RequirementId).Select(r => new { r.Code, r.Title }).FirstAsync(cancellationToken);
            var title = string.IsNullOrWhiteSpace(input.FindingTitle) ? AddChecklistItems.Trim($"{requirement.Code} {requirement.Title}: {(input.Result == AuditResult.Nonconformity ? "not met" : "finding")}", 300) : input.FindingTitle;
            var due = input.FindingDueOn ?? findingGrade switch
            {
                FindingGrade.Major => day.AddDays(MajorDays),
                FindingGrade.Minor => day.AddDays(MinorDays),
                _ => (DateOnly?)null,
            };
            item.NonconformityId = await raise.RunAsync(new NonconformityInput(title, findingGrade, input.Notes, NonconformitySource.InternalAudit, audit.Id,
                RequirementId: item.RequirementId, RaisedOn: day, RaisedBy: string.IsNullOrWhiteSpace(audit.AuditorName) ? null : audit.AuditorName,
                OwnerId: input.FindingOwnerId, DueOn: due), cancellationToken);
        }
        item.Result = input.Result;
        item.Notes = input.Notes?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(input.Question)) item.Question = input.Question.Trim();
        if (input.Result == AuditResult.NotAssessed)
        {
            item.AssessedOn = null;
            item.AssessedBy = "";
        }
        else
        {
            item.AssessedOn = day;
            item.AssessedBy = db.Acting.UserId is { } userId
                ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? ""
                : audit.AuditorName;
        }
        var links = await db.AuditItemEvidence.Where(l => l.ItemId == item.Id).ToListAsync(cancellationToken);
        db.AuditItemEvidence.RemoveRange(links.Where(l => !evidence.Contains(l.EvidenceId)));
        db.AuditItemEvidence.AddRange(evidence.Where(e => links.All(l => l.EvidenceId != e)).Select(e => new AuditItemEvidence { ItemId = item.Id, EvidenceId = e }));
        await db.SaveAsync("audit checklist item", cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }
}
