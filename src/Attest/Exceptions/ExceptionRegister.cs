using Attest.Data;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Exceptions;

/// <summary>
/// What the register lists. <see cref="Status"/> is a stored status, or "expired" (approved and past its last day), "inforce" (approved and not
/// expired) or "open" (awaiting decision or in force); <see cref="ExpiringSoon"/> keeps approved exceptions whose last day is within
/// <see cref="ExceptionRules.ExpiringWithinDays"/> days.
/// </summary>
public sealed record ExceptionFilter(
    string? Search = null,
    string? Status = null,
    ExceptionSubject? Subject = null,
    Guid? ControlId = null,
    Guid? AssetId = null,
    Guid? DocumentId = null,
    bool ExpiringSoon = false);

/// <summary>An exception as the register shows it: what deviates with its label, who asked and who decided with what authority.</summary>
public sealed record ExceptionRow(
    Guid Id, string Reference, string Title, ExceptionSubject Subject, Guid? SubjectId, string? SubjectLabel, string PolicySection, string RiskLevelName,
    string RequestedBy, string DecidedBy, AcceptanceAuthority? ApprovalAuthority, DateOnly? ValidUntil, ExceptionStatus Status, bool Expired, bool AiSystem, int Version)
{
    public string StatusText => Expired ? "Expired" : ExceptionLabels.Of(Status);
}

public sealed record ExceptionPage(IReadOnlyList<ExceptionRow> Rows, bool HasMore, DateOnly Today);

/// <summary>One exception with everything its page and the API show, and who may approve its level.</summary>
public sealed record ExceptionDetail(
    Guid Id, string Reference, string Title, ExceptionSubject Subject, Guid? DocumentId, string? DocumentLabel, string PolicySection, Guid? ControlId, string? ControlLabel,
    Guid? AssetId, string? AssetLabel, bool AiSystem, string Reason, string CompensatingControls, Guid? RiskId, string? RiskLabel, Guid? RiskAcceptanceId, string? RiskAcceptanceLabel,
    int RiskLevel, string RiskLevelName, int MethodologyNumber, Guid? OwnerId, string? OwnerName, Guid? RequestedByUserId, string RequestedBy, DateOnly RequestedOn,
    ExceptionStatus Status, bool Expired, Guid? DecidedByUserId, string DecidedBy, DateTimeOffset? DecidedAt, AcceptanceAuthority? ApprovalAuthority, string DecisionNote,
    DateOnly? ValidUntil, string WhoMayApprove, DateOnly Today, int Version)
{
    public string StatusText => Expired ? "Expired" : ExceptionLabels.Of(Status);
    public bool Renewable => Status == ExceptionStatus.Approved && ValidUntil is { } until && until <= Today.AddDays(ExceptionRules.ExpiringWithinDays);
}

/// <summary>
/// The register in figures on <see cref="Today"/> (the organization's date): approved and in force, expired (approved, past the last day), awaiting
/// decision, and approved ones ending within <see cref="ExceptionRules.ExpiringWithinDays"/> days (expired ones excluded).
/// </summary>
public sealed record ExceptionFigures(int InForce, int Expired, int AwaitingDecision, int ExpiringSoon, DateOnly Today);

/// <summary>Reads the exception register; "today" is the organization's calendar date, so an exception lapses at midnight in its zone.</summary>
public static class ExceptionRegister
{
    public static IQueryable<ComplianceException> Filtered(AttestDbContext db, ExceptionFilter filter, DateOnly today)
    {
        var query = db.ComplianceExceptions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(e => e.Reference.ToLower().Contains(term) || e.Title.ToLower().Contains(term) || e.PolicySection.ToLower().Contains(term));
        }
        switch (filter.Status?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                break;
            case "expired":
                query = query.Where(e => e.Status == ExceptionStatus.Approved && e.ValidUntil < today);
                break;
            case "inforce":
                query = query.Where(e => e.Status == ExceptionStatus.Approved && e.ValidUntil >= today);
                break;
            case "open":
                query = query.Where(e => e.Status == ExceptionStatus.Requested || (e.Status == ExceptionStatus.Approved && e.ValidUntil >= today));
                break;
            default:
                if (Enum.TryParse<ExceptionStatus>(filter.Status, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(filter.Status, out _))
                {
                    query = query.Where(e => e.Status == status);
                }
                else
                {
                    throw ValidationFailedException.For("status", $"'{filter.Status}' is not a status here: use expired, inforce, open, all or one of {string.Join(", ", Enum.GetNames<ExceptionStatus>())}.");
                }
                break;
        }
        if (filter.Subject is { } subject) query = query.Where(e => e.Subject == subject);
        if (filter.ControlId is { } control) query = query.Where(e => e.ControlId == control);
        if (filter.AssetId is { } asset) query = query.Where(e => e.AssetId == asset);
        if (filter.DocumentId is { } document) query = query.Where(e => e.DocumentId == document);
        if (filter.ExpiringSoon)
        {
            var until = today.AddDays(ExceptionRules.ExpiringWithinDays);
            query = query.Where(e => e.Status == ExceptionStatus.Approved && e.ValidUntil >= today && e.ValidUntil <= until);
        }
        return query;
    }

    /// <summary>One page in one query (after the organization's date): awaiting decision first, then soonest last day, then reference.</summary>
    public static async Task<ExceptionPage> PageAsync(AttestDbContext db, ExceptionFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        var found = await Filtered(db, filter, today)
            .OrderBy(e => e.Status != ExceptionStatus.Requested).ThenBy(e => e.Status != ExceptionStatus.Approved).ThenBy(e => e.ValidUntil == null).ThenBy(e => e.ValidUntil)
            .ThenBy(e => e.Reference)
            .Select(e => new
            {
                e.Id, e.Reference, e.Title, e.Subject, e.DocumentId, e.ControlId, e.AssetId, e.PolicySection, e.RiskLevelName, e.RequestedBy, e.DecidedBy, e.ApprovalAuthority,
                e.ValidUntil, e.Status, e.Version,
                Document = db.Documents.Where(d => d.Id == e.DocumentId).Select(d => d.Reference + " " + d.Title).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == e.ControlId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Asset = db.Assets.Where(a => a.Id == e.AssetId).Select(a => a.Reference + " " + a.Name).FirstOrDefault(),
                AiSystem = db.AiSystems.Any(s => s.AssetId == e.AssetId),
            })
            .Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        var rows = found.Select(e => new ExceptionRow(e.Id, e.Reference, e.Title, e.Subject, e.DocumentId ?? e.ControlId ?? e.AssetId, e.Document ?? e.Control ?? e.Asset,
            e.PolicySection, e.RiskLevelName, NameOf(e.RequestedBy), NameOf(e.DecidedBy), e.Status is ExceptionStatus.Approved or ExceptionStatus.Revoked ? e.ApprovalAuthority : null,
            e.ValidUntil, e.Status, ExceptionRules.IsExpired(e.Status, e.ValidUntil, today), e.AiSystem, e.Version)).ToList();
        return new ExceptionPage(rows, more, today);
    }

    /// <summary>The figures in one query after the organization's date.</summary>
    public static async Task<ExceptionFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        return await FiguresAsync(db, today, cancellationToken);
    }

    /// <summary>The figures on a given day of the organization's calendar, in one query.</summary>
    public static async Task<ExceptionFigures> FiguresAsync(AttestDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var soon = today.AddDays(ExceptionRules.ExpiringWithinDays);
        var exceptions = db.ComplianceExceptions.AsNoTracking();
        var counts = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(_ => new
            {
                InForce = exceptions.Count(e => e.Status == ExceptionStatus.Approved && e.ValidUntil >= today),
                Expired = exceptions.Count(e => e.Status == ExceptionStatus.Approved && e.ValidUntil < today),
                Awaiting = exceptions.Count(e => e.Status == ExceptionStatus.Requested),
                Soon = exceptions.Count(e => e.Status == ExceptionStatus.Approved && e.ValidUntil >= today && e.ValidUntil <= soon),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new ExceptionFigures(0, 0, 0, 0, today) : new ExceptionFigures(counts.InForce, counts.Expired, counts.Awaiting, counts.Soon, today);
    }

    /// <summary>One exception with its links and the approval rule of its level, in two queries after the date (the exception, the methodology).</summary>
    public static async Task<ExceptionDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        var found = await db.ComplianceExceptions.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Exception = e,
                Document = db.Documents.Where(d => d.Id == e.DocumentId).Select(d => d.Reference + " " + d.Title).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == e.ControlId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Asset = db.Assets.Where(a => a.Id == e.AssetId).Select(a => a.Reference + " " + a.Name).FirstOrDefault(),
                AiSystem = db.AiSystems.Any(s => s.AssetId == e.AssetId),
                Risk = db.Risks.Where(r => r.Id == e.RiskId).Select(r => r.Reference + " " + r.Title).FirstOrDefault(),
                Acceptance = db.RiskAcceptances.Where(a => a.Id == e.RiskAcceptanceId).Select(a => new { a.AcceptedBy, a.AcceptedAt, a.ValidUntil }).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Exception", id);
        var e = found.Exception;
        var current = await RiskMethodologies.CurrentAsync(db, cancellationToken);
        var who = current is null ? "nobody yet: the organization has no risk methodology"
            : e.MethodologyNumber != current.Number || e.RiskLevel >= current.Definition.Levels.Count
                ? $"to be seen once the level is chosen again under methodology v{current.Number}"
                : ExceptionRules.WhoMayApprove(current.Definition, current.Definition.Levels[e.RiskLevel].AcceptableBy);
        var acceptance = found.Acceptance is { } a ? $"accepted by {NameOf(a.AcceptedBy)} on {a.AcceptedAt:yyyy-MM-dd}, until {a.ValidUntil:yyyy-MM-dd}" : null;
        return new ExceptionDetail(e.Id, e.Reference, e.Title, e.Subject, e.DocumentId, found.Document, e.PolicySection, e.ControlId, found.Control, e.AssetId, found.Asset,
            found.AiSystem, e.Reason, e.CompensatingControls, e.RiskId, found.Risk, e.RiskAcceptanceId, acceptance, e.RiskLevel, e.RiskLevelName, e.MethodologyNumber,
            e.OwnerId, found.Owner, e.RequestedByUserId, e.RequestedBy, e.RequestedOn, e.Status, ExceptionRules.IsExpired(e.Status, e.ValidUntil, today), e.DecidedByUserId,
            e.DecidedBy, e.DecidedAt, e.ApprovalAuthority, e.DecisionNote, e.ValidUntil, who, today, e.Version);
    }

    /// <summary>"Casey Ciso" from "Casey Ciso &lt;casey@…&gt;".</summary>
    public static string NameOf(string person)
    {
        var at = person.IndexOf(" <", StringComparison.Ordinal);
        return at < 0 ? person : person[..at];
    }
}

/// <summary>Reads what an exception names, given as an id or a reference (POL-003, CTL-012, AST-00042, R-007), into ids; anything else is named.</summary>
public static class ExceptionReferences
{
    public static async Task<Guid?> DocumentAsync(AttestDbContext db, string? value, string field, CancellationToken cancellationToken = default) =>
        await ResolveAsync(value, field, "policy", v => db.Documents.AsNoTracking().Where(d => d.Reference == v).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken));

    public static async Task<Guid?> ControlAsync(AttestDbContext db, string? value, string field, CancellationToken cancellationToken = default) =>
        await ResolveAsync(value, field, "control", v => db.Controls.AsNoTracking().Where(c => c.Reference == v).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken));

    public static async Task<Guid?> AssetAsync(AttestDbContext db, string? value, string field, CancellationToken cancellationToken = default) =>
        await ResolveAsync(value, field, "asset", v => db.Assets.AsNoTracking().Where(a => a.Reference == v).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken));

    public static async Task<Guid?> RiskAsync(AttestDbContext db, string? value, string field, CancellationToken cancellationToken = default) =>
        await ResolveAsync(value, field, "risk", v => db.Risks.AsNoTracking().Where(r => r.Reference == v).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken));

    private static async Task<Guid?> ResolveAsync(string? value, string field, string noun, Func<string, Task<Guid?>> find)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (Guid.TryParse(text, out var id)) return id;
        return await find(text.ToUpperInvariant()) ?? throw ValidationFailedException.For(field, $"{text} is not a {noun} reference here.");
    }
}
