using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.InternalAudits;

/// <summary>
/// An internal audit as forms and the API send it. The auditor is a member (<see cref="AuditorUserId"/>) or an outside auditor named in
/// <see cref="AuditorName"/>; a member's name is taken from their account when no name is given.
/// </summary>
public sealed record InternalAuditInput(
    string Title,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    Guid? ProgrammeId = null,
    string? Scope = null,
    string? Criteria = null,
    Guid? AuditorUserId = null,
    string? AuditorName = null,
    string? IndependenceStatement = null,
    Guid? OwnerId = null,
    string? Plan = null,
    string? Conclusion = null,
    int Version = 0);

/// <summary>
/// Adds or updates an internal audit (IA-nnn). Its status changes only through <see cref="StartInternalAudit"/>, <see cref="CompleteInternalAudit"/>
/// and <see cref="CancelInternalAudit"/>; a completed or cancelled audit no longer changes. A new audit of a programme starts with the re-audits of
/// earlier nonconformities that no audit has taken up yet.
/// </summary>
public sealed class SaveInternalAudit(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, InternalAuditInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Scope), input.Scope, 20000)
            .MaxLength(nameof(input.Criteria), input.Criteria, 20000)
            .MaxLength(nameof(input.AuditorName), input.AuditorName, 300)
            .MaxLength(nameof(input.IndependenceStatement), input.IndependenceStatement, 4000)
            .MaxLength(nameof(input.Plan), input.Plan, 20000)
            .MaxLength(nameof(input.Conclusion), input.Conclusion, 20000);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.PlannedStart == default) validation.Add(nameof(input.PlannedStart), "is required.");
        if (input.PlannedEnd == default) validation.Add(nameof(input.PlannedEnd), "is required.");
        else if (input.PlannedEnd < input.PlannedStart) validation.Add(nameof(input.PlannedEnd), "cannot be before the planned start.");
        if (input.ProgrammeId is { } programme && !await db.AuditProgrammes.AnyAsync(p => p.Id == programme, cancellationToken))
        {
            validation.Add(nameof(input.ProgrammeId), "is not an audit programme of this organization.");
        }
        var auditorName = input.AuditorName?.Trim() ?? "";
        if (input.AuditorUserId is { } auditor)
        {
            var name = await db.Memberships.Where(m => m.UserId == auditor).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
            if (name is null) validation.Add(nameof(input.AuditorUserId), "must be a member of this organization.");
            else if (auditorName.Length == 0) auditorName = name;
        }
        validation.ThrowIfInvalid();

        InternalAudit audit;
        if (id is null)
        {
            audit = new InternalAudit
            {
                Reference = await References.NextAsync(db.InternalAudits.Select(a => a.Reference), "IA-", 3, cancellationToken),
                Title = input.Title.Trim(),
                Status = InternalAuditStatus.Planned,
            };
            db.InternalAudits.Add(audit);
        }
        else
        {
            audit = await AuditRecords.FindAsync(db, id.Value, input.Version, cancellationToken);
            if (audit.Status is InternalAuditStatus.Completed or InternalAuditStatus.Cancelled)
            {
                throw ValidationFailedException.For("Status", $"a {audit.Status.ToString().ToLowerInvariant()} audit no longer changes.");
            }
        }
        audit.Title = input.Title.Trim();
        audit.ProgrammeId = input.ProgrammeId;
        audit.Scope = input.Scope?.Trim() ?? "";
        audit.Criteria = input.Criteria?.Trim() ?? "";
        audit.AuditorUserId = input.AuditorUserId;
        audit.AuditorName = auditorName;
        audit.IndependenceStatement = input.IndependenceStatement?.Trim() ?? "";
        audit.OwnerId = input.OwnerId;
        audit.PlannedStart = input.PlannedStart;
        audit.PlannedEnd = input.PlannedEnd;
        audit.Plan = input.Plan?.Trim() ?? "";
        audit.Conclusion = input.Conclusion?.Trim() ?? "";
        if (id is null && input.ProgrammeId is not null) await Reaudits.AddPendingAsync(db, audit.Id, audit.PlannedEnd, [], cancellationToken);
        await db.SaveAsync("internal audit", cancellationToken);
        return audit.Id;
    }
}

/// <summary>
/// Starts a planned audit. The auditor must be named with a statement of their independence from what is audited (clause 9.2.2); the audit page
/// warns, without refusing, when the auditor owns a control that meets a requirement on the checklist or owns the audit itself.
/// </summary>
public sealed class StartInternalAudit(AttestDbContext db)
{
    public async Task RunAsync(Guid id, DateOnly? startedOn, int version, CancellationToken cancellationToken = default)
    {
        var audit = await AuditRecords.FindAsync(db, id, version, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var validation = new Validation();
        if (audit.Status != InternalAuditStatus.Planned) validation.Add("Status", $"only a planned audit starts; this one is {Label(audit.Status)}.");
        if (string.IsNullOrWhiteSpace(audit.AuditorName)) validation.Add(nameof(InternalAudit.AuditorName), "name the auditor before the audit starts.");
        if (string.IsNullOrWhiteSpace(audit.IndependenceStatement))
        {
            validation.Add(nameof(InternalAudit.IndependenceStatement), "is required before the audit starts: state how the auditor is independent of what is audited.");
        }
        if (startedOn is { } day && day > today) validation.Add("StartedOn", "cannot be in the future.");
        validation.ThrowIfInvalid();
        audit.Status = InternalAuditStatus.InProgress;
        audit.StartedOn = startedOn ?? today;
        await db.SaveAsync("internal audit", cancellationToken);
    }

    internal static string Label(InternalAuditStatus status) => status switch
    {
        InternalAuditStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Completes an audit in progress: every checklist item needs a result (not audited counts as one, and leaves the requirement uncovered for the
/// programme), and the conclusion is written. The report is final from then on.
/// </summary>
public sealed class CompleteInternalAudit(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? conclusion, DateOnly? completedOn, int version, CancellationToken cancellationToken = default)
    {
        var audit = await AuditRecords.FindAsync(db, id, version, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var validation = new Validation().MaxLength("Conclusion", conclusion, 20000);
        if (audit.Status != InternalAuditStatus.InProgress) validation.Add("Status", $"only an audit in progress is completed; this one is {StartInternalAudit.Label(audit.Status)}.");
        var counts = await db.AuditChecklistItems.Where(i => i.AuditId == id)
            .GroupBy(i => i.Result == AuditResult.NotAssessed).Select(g => new { Open = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var open = counts.Where(c => c.Open).Sum(c => c.Count);
        if (counts.Count == 0) validation.Add("Checklist", "an audit with an empty checklist cannot be completed.");
        else if (open > 0) validation.Add("Checklist", $"{open} checklist {(open == 1 ? "item has" : "items have")} no result yet.");
        var text = string.IsNullOrWhiteSpace(conclusion) ? audit.Conclusion : conclusion.Trim();
        if (string.IsNullOrWhiteSpace(text)) validation.Add("Conclusion", "is required to complete the audit.");
        var day = completedOn ?? today;
        if (day > today) validation.Add("CompletedOn", "cannot be in the future.");
        else if (audit.StartedOn is { } started && day < started) validation.Add("CompletedOn", "cannot be before the audit started.");
        validation.ThrowIfInvalid();
        audit.Conclusion = text;
        audit.Status = InternalAuditStatus.Completed;
        audit.CompletedOn = day;
        await db.SaveAsync("internal audit", cancellationToken);
    }
}

/// <summary>Cancels a planned audit or one in progress, with the reason appended to its conclusion.</summary>
public sealed class CancelInternalAudit(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? reason, int version, CancellationToken cancellationToken = default)
    {
        var audit = await AuditRecords.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().Required("Reason", reason, 2000);
        if (audit.Status is InternalAuditStatus.Completed or InternalAuditStatus.Cancelled) validation.Add("Status", $"a {audit.Status.ToString().ToLowerInvariant()} audit is not cancelled.");
        validation.ThrowIfInvalid();
        audit.Status = InternalAuditStatus.Cancelled;
        audit.Conclusion = (audit.Conclusion.Length == 0 ? "" : audit.Conclusion + "\n\n") + "Cancelled: " + reason!.Trim();
        await db.SaveAsync("internal audit", cancellationToken);
    }
}

internal static class AuditRecords
{
    /// <summary>The tracked audit, with the version the caller read as its concurrency token.</summary>
    public static async Task<InternalAudit> FindAsync(AttestDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var audit = await db.InternalAudits.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Internal audit", id);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        return audit;
    }
}
