using Attest.Data;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Exceptions;

/// <summary>
/// What an exception request says. <see cref="RiskLevel"/> names a level of the current methodology and is used only when no risk is
/// linked; with <see cref="RiskId"/> the linked risk's residual level is the exception's level.
/// </summary>
public sealed record ExceptionInput(
    string Title,
    ExceptionSubject Subject,
    Guid? DocumentId = null,
    string? PolicySection = null,
    Guid? ControlId = null,
    Guid? AssetId = null,
    string? Reason = null,
    string? CompensatingControls = null,
    Guid? RiskId = null,
    string? RiskLevel = null,
    Guid? RiskAcceptanceId = null,
    Guid? OwnerId = null,
    DateOnly? ValidUntil = null,
    int Version = 0);

/// <summary>The rules every exception step shares: the organization's date, the methodology, and who may decide a level.</summary>
public static class ExceptionRules
{
    /// <summary>An exception is approved for at most this many months from the day of approval; renew it to go on.</summary>
    public const int MaxValidityMonths = 12;

    /// <summary>"Expiring soon" on the register and the figures: an approved exception whose last day is within this many days.</summary>
    public const int ExpiringWithinDays = 30;

    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    /// <summary>Approved and past its last day: derived from the date, never stored.</summary>
    public static bool IsExpired(ExceptionStatus status, DateOnly? validUntil, DateOnly today) =>
        status == ExceptionStatus.Approved && validUntil is { } until && until < today;

    /// <summary>The rule for an approval's last day, as the forms and messages state it.</summary>
    public static string ValidityRule(DateOnly today) =>
        $"must be after today ({today:yyyy-MM-dd}) and at most {MaxValidityMonths} months ahead (on or before {today.AddMonths(MaxValidityMonths):yyyy-MM-dd})";

    /// <summary>Who may approve a level, in the words of the exception register (the exception's owner stands where a risk's owner would).</summary>
    public static string WhoMayApprove(MethodologyDefinition definition, AcceptanceAuthority required) => required == AcceptanceAuthority.NotAcceptable
        ? "nobody: risks at this level must be treated, not excepted"
        : definition.WhoMayAccept(required).Replace("the risk owner", "the exception's owner", StringComparison.Ordinal) + ", never the person who requested it";

    /// <summary>The level an exception is approved at, read again at decision time: a linked risk's current residual level, or the chosen one.</summary>
    internal static async Task<(int Level, string Name, int Number, MethodologyDefinition Definition)> LevelAsync(AttestDbContext db, ComplianceException exception,
        CancellationToken cancellationToken)
    {
        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        if (exception.RiskId is { } riskId)
        {
            var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.Reference, r.MethodologyId, r.ResidualLevel }).FirstOrDefaultAsync(cancellationToken);
            if (risk is null) throw ValidationFailedException.For("RiskId", "the linked risk no longer exists: link another risk or choose a level.");
            var level = RiskLevelOf(risk.Reference, risk.MethodologyId, risk.ResidualLevel, current);
            return (level, current.Definition.Levels[level].Name, current.Number, current.Definition);
        }
        if (exception.MethodologyNumber != current.Number)
        {
            throw ValidationFailedException.For("RiskLevel", $"the level was chosen under methodology v{exception.MethodologyNumber}; choose it again under v{current.Number} before deciding.");
        }
        return (exception.RiskLevel, exception.RiskLevelName, current.Number, current.Definition);
    }

    /// <summary>A linked risk's residual level, refused (as risk acceptance refuses it) when rated under an older methodology or not residual-rated.</summary>
    internal static int RiskLevelOf(string reference, Guid methodologyId, int? residualLevel, RiskMethodologies.Loaded current)
    {
        if (methodologyId != current.Id)
        {
            throw ValidationFailedException.For("RiskId", $"{reference} was rated under an older methodology; re-assess it under v{current.Number} first.");
        }
        return residualLevel ?? throw ValidationFailedException.For("RiskId", $"rate {reference}'s residual likelihood and impact first: an exception carries the residual level.");
    }

    /// <summary>The acting person's name and e-mail, job title and id.</summary>
    internal static async Task<(Guid UserId, string Name, string? JobTitle)> ActingPersonAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var userId = db.Acting.UserId ?? throw new InvalidOperationException("Deciding an exception needs a person.");
        var person = await db.Memberships.Where(m => m.UserId == userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.JobTitle, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new InvalidOperationException("The acting person is not a member here.");
        return (userId, $"{person.DisplayName} <{person.Email}>", person.JobTitle);
    }

    /// <summary>
    /// The authority the acting person holds for this exception's level: their job title's under the methodology, or owning the exception
    /// for a level the owner may accept. Refused for a level nobody may accept, to the requester (segregation of duties) and below the level's
    /// authority, each time naming who may decide.
    /// </summary>
    internal static AcceptanceAuthority Authorize(MethodologyDefinition definition, int level, string? jobTitle, bool ownsException, bool requestedIt, string verb)
    {
        var required = definition.Levels[level].AcceptableBy;
        var name = definition.Levels[level].Name;
        if (required == AcceptanceAuthority.NotAcceptable)
        {
            throw ValidationFailedException.For("Authority", $"a {name} risk may not be accepted, so an exception at this level cannot be {verb}: treat the risk instead.");
        }
        var held = AcceptResidualRisk.Authority(definition, jobTitle, ownsException);
        if (requestedIt)
        {
            throw ValidationFailedException.For("Authority", $"you requested this exception, so someone else must decide it: {WhoMayApprove(definition, required)}.");
        }
        if (held is null || held < required)
        {
            var yours = held is null ? "you neither own it nor hold a job title with acceptance authority" : $"you hold the {RiskLabels.Of(held.Value)} authority";
            throw ValidationFailedException.For("Authority", $"a {name} exception may be {verb} by {WhoMayApprove(definition, required)}; {yours}.");
        }
        return held.Value;
    }

    internal static async Task<ComplianceException> LoadAsync(AttestDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var exception = await db.ComplianceExceptions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Exception", id);
        db.Entry(exception).Property(e => e.Version).OriginalValue = version;
        return exception;
    }

    internal static void RequireStatus(ComplianceException exception, string step, params ExceptionStatus[] allowed)
    {
        if (!allowed.Contains(exception.Status))
        {
            throw ValidationFailedException.For("Status", $"{exception.Reference} is {ExceptionLabels.Of(exception.Status).ToLowerInvariant()}; only {string.Join(" or ", allowed.Select(s => ExceptionLabels.Of(s).ToLowerInvariant()))} exceptions can be {step}.");
        }
    }
}

/// <summary>
/// Asks for an exception (EXC-001 …) in the acting person's name: what deviates (a policy and section, a control, or an asset or AI system),
/// why, the compensating controls and the risk it leaves — a linked risk's residual level under the current methodology, or a level chosen
/// by name — with an optional risk acceptance of that risk and an optional proposed last day.
/// </summary>
public sealed class RequestException(AttestDbContext db)
{
    public async Task<Guid> RunAsync(ExceptionInput input, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId ?? throw new InvalidOperationException("Requesting an exception needs a person.");
        var requester = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName + " <" + u.Email + ">").FirstAsync(cancellationToken);
        var exception = new ComplianceException
        {
            Reference = await References.NextAsync(db.ComplianceExceptions.Select(e => e.Reference), "EXC-", 3, cancellationToken),
            Title = input.Title?.Trim() ?? "",
            RequestedByUserId = userId, RequestedBy = requester, RequestedOn = await ExceptionRules.TodayAsync(db, cancellationToken),
            Status = ExceptionStatus.Requested,
        };
        await ExceptionContent.ApplyAsync(db, exception, input, cancellationToken);
        db.ComplianceExceptions.Add(exception);
        await db.SaveAsync("exception", cancellationToken);
        return exception.Id;
    }
}

/// <summary>Changes an exception while it waits for a decision; once decided, its content stays as it was decided.</summary>
public sealed class UpdateException(AttestDbContext db)
{
    public async Task RunAsync(Guid id, ExceptionInput input, CancellationToken cancellationToken = default)
    {
        var exception = await ExceptionRules.LoadAsync(db, id, input.Version, cancellationToken);
        ExceptionRules.RequireStatus(exception, "changed", ExceptionStatus.Requested);
        await ExceptionContent.ApplyAsync(db, exception, input, cancellationToken);
        await db.SaveAsync("exception", cancellationToken);
    }
}

/// <summary>Validates and copies an exception's content (shared by request and update).</summary>
internal static class ExceptionContent
{
    public static async Task ApplyAsync(AttestDbContext db, ComplianceException exception, ExceptionInput input, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .Defined(nameof(input.Subject), input.Subject)
            .MaxLength(nameof(input.PolicySection), input.PolicySection, 300)
            .Required(nameof(input.Reason), input.Reason, 20_000)
            .Required(nameof(input.CompensatingControls), input.CompensatingControls, 20_000);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        switch (input.Subject)
        {
            case ExceptionSubject.Policy when input.DocumentId is not { } document:
                validation.Add(nameof(input.DocumentId), "name the policy that is not followed.");
                break;
            case ExceptionSubject.Policy when !await db.Documents.AnyAsync(d => d.Id == input.DocumentId && !d.Retired, cancellationToken):
                validation.Add(nameof(input.DocumentId), "is not a current policy or document of this organization.");
                break;
            case ExceptionSubject.Control when input.ControlId is null:
                validation.Add(nameof(input.ControlId), "name the control that is not met.");
                break;
            case ExceptionSubject.Control when !await db.Controls.AnyAsync(c => c.Id == input.ControlId, cancellationToken):
                validation.Add(nameof(input.ControlId), "is not a control of this organization.");
                break;
            case ExceptionSubject.Asset when input.AssetId is null:
                validation.Add(nameof(input.AssetId), "name the asset or AI system that deviates.");
                break;
            case ExceptionSubject.Asset when !await db.Assets.AnyAsync(a => a.Id == input.AssetId, cancellationToken):
                validation.Add(nameof(input.AssetId), "is not an asset or AI system of this organization.");
                break;
        }

        var current = await RiskMethodologies.CurrentAsync(db, cancellationToken);
        int? level = null;
        if (current is null)
        {
            validation.Add(nameof(input.RiskLevel), "this organization has no risk methodology yet, so no level can be given: adopt one under Risks → Methodology.");
        }
        else if (input.RiskId is { } riskId)
        {
            var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.Reference, r.MethodologyId, r.ResidualLevel }).FirstOrDefaultAsync(cancellationToken);
            if (risk is null) validation.Add(nameof(input.RiskId), "is not a risk of this organization.");
            else
            {
                try
                {
                    level = ExceptionRules.RiskLevelOf(risk.Reference, risk.MethodologyId, risk.ResidualLevel, current);
                }
                catch (ValidationFailedException refused)
                {
                    validation.Add(nameof(input.RiskId), refused.Errors["RiskId"][0]);
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(input.RiskLevel))
        {
            validation.Add(nameof(input.RiskLevel), $"link a risk or choose a level of methodology v{current.Number}: {string.Join(", ", current.Definition.Levels.Select(l => l.Name))}.");
        }
        else
        {
            var index = current.Definition.Levels.ToList().FindIndex(l => string.Equals(l.Name, input.RiskLevel.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) validation.Add(nameof(input.RiskLevel), $"'{input.RiskLevel.Trim()}' is not a level of methodology v{current.Number}: use {string.Join(", ", current.Definition.Levels.Select(l => l.Name))}.");
            else level = index;
        }
        if (input.RiskAcceptanceId is { } acceptance)
        {
            if (input.RiskId is null) validation.Add(nameof(input.RiskAcceptanceId), "link the accepted risk too: the acceptance must be that risk's.");
            else if (!await db.RiskAcceptances.AnyAsync(a => a.Id == acceptance && a.RiskId == input.RiskId, cancellationToken))
            {
                validation.Add(nameof(input.RiskAcceptanceId), "is not an acceptance of the linked risk.");
            }
        }
        if (input.ValidUntil is { } until && until <= await ExceptionRules.TodayAsync(db, cancellationToken))
        {
            validation.Add(nameof(input.ValidUntil), "a proposed last day must be in the future.");
        }
        validation.ThrowIfInvalid();

        exception.Title = input.Title!.Trim();
        exception.Subject = input.Subject;
        // Only the field of the chosen subject is kept, so an exception never points at two things.
        exception.DocumentId = input.Subject == ExceptionSubject.Policy ? input.DocumentId : null;
        exception.PolicySection = input.Subject == ExceptionSubject.Policy ? input.PolicySection?.Trim() ?? "" : "";
        exception.ControlId = input.Subject == ExceptionSubject.Control ? input.ControlId : null;
        exception.AssetId = input.Subject == ExceptionSubject.Asset ? input.AssetId : null;
        exception.Reason = input.Reason!.Trim();
        exception.CompensatingControls = input.CompensatingControls!.Trim();
        exception.RiskId = input.RiskId;
        exception.RiskAcceptanceId = input.RiskAcceptanceId;
        exception.RiskLevel = level!.Value;
        exception.RiskLevelName = current!.Definition.Levels[level.Value].Name;
        exception.MethodologyNumber = current.Number;
        exception.OwnerId = input.OwnerId;
        exception.ValidUntil = input.ValidUntil;
    }
}

/// <summary>
/// Approves a requested exception until a last day (inclusive), which is required: after today and at most
/// <see cref="ExceptionRules.MaxValidityMonths"/> months ahead, in the organization's calendar. Only someone whose authority under the current
/// methodology covers the exception's level may approve (as for risk acceptance: the exception's owner for a level its owner may accept, the
/// CISO's or an executive's job title above), never the requester, and never a level that may not be accepted.
/// </summary>
public sealed class ApproveException(AttestDbContext db)
{
    public async Task RunAsync(Guid id, DateOnly? validUntil, string? note, int version, CancellationToken cancellationToken = default)
    {
        var exception = await ExceptionRules.LoadAsync(db, id, version, cancellationToken);
        ExceptionRules.RequireStatus(exception, "approved", ExceptionStatus.Requested);
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        var validation = new Validation().MaxLength("Note", note, 4000);
        if (validUntil is not { } until) validation.Add("ValidUntil", $"an exception cannot be approved without a last day: it {ExceptionRules.ValidityRule(today)}.");
        else if (until <= today || until > today.AddMonths(ExceptionRules.MaxValidityMonths)) validation.Add("ValidUntil", $"{until:yyyy-MM-dd} is out of bounds: the last day {ExceptionRules.ValidityRule(today)}.");
        validation.ThrowIfInvalid();

        var (level, name, number, definition) = await ExceptionRules.LevelAsync(db, exception, cancellationToken);
        var (userId, person, jobTitle) = await ExceptionRules.ActingPersonAsync(db, cancellationToken);
        var held = ExceptionRules.Authorize(definition, level, jobTitle, exception.OwnerId == userId, exception.RequestedByUserId == userId, "approved");
        exception.RiskLevel = level;
        exception.RiskLevelName = name;
        exception.MethodologyNumber = number;
        exception.Status = ExceptionStatus.Approved;
        exception.ValidUntil = validUntil;
        exception.ApprovalAuthority = held;
        exception.DecidedByUserId = userId;
        exception.DecidedBy = person;
        exception.DecidedAt = Instant.Now(db.Clock);
        exception.DecisionNote = note?.Trim() ?? "";
        await db.SaveAsync("exception", cancellationToken);
    }
}

/// <summary>Turns a request down, with the reason. Deciding needs the same authority as approving (the requester withdraws by closing it).</summary>
public sealed class RejectException(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var exception = await ExceptionRules.LoadAsync(db, id, version, cancellationToken);
        ExceptionRules.RequireStatus(exception, "rejected", ExceptionStatus.Requested);
        new Validation().Required("Note", note, 4000).ThrowIfInvalid();
        var (userId, person, jobTitle) = await ExceptionRules.ActingPersonAsync(db, cancellationToken);
        // A level nobody may accept can still be turned down by anyone with acceptance authority.
        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        var held = AcceptResidualRisk.Authority(current.Definition, jobTitle, exception.OwnerId == userId);
        var level = Math.Min(exception.RiskLevel, current.Definition.Levels.Count - 1);
        var required = current.Definition.Levels[level].AcceptableBy;
        if (exception.RequestedByUserId == userId || held is null || (required != AcceptanceAuthority.NotAcceptable && held < required))
        {
            var who = ExceptionRules.WhoMayApprove(current.Definition, required == AcceptanceAuthority.NotAcceptable ? AcceptanceAuthority.RiskOwner : required);
            throw ValidationFailedException.For("Authority", $"a {exception.RiskLevelName} exception may be rejected by {who}; the requester closes it instead.");
        }
        Decide(exception, ExceptionStatus.Rejected, userId, person, note!, db.Clock);
        await db.SaveAsync("exception", cancellationToken);
    }

    internal static void Decide(ComplianceException exception, ExceptionStatus status, Guid userId, string person, string note, TimeProvider clock)
    {
        exception.Status = status;
        exception.DecidedByUserId = userId;
        exception.DecidedBy = person;
        exception.DecidedAt = Instant.Now(clock);
        exception.DecisionNote = note.Trim();
    }
}

/// <summary>
/// Withdraws an approved exception before (or after) it runs out, with the reason: by someone holding the authority its level needs, the
/// requester included (withdrawing a deviation needs no second pair of eyes). The approval's authority stays on record.
/// </summary>
public sealed class RevokeException(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var exception = await ExceptionRules.LoadAsync(db, id, version, cancellationToken);
        ExceptionRules.RequireStatus(exception, "revoked", ExceptionStatus.Approved);
        new Validation().Required("Note", note, 4000).ThrowIfInvalid();
        var (userId, person, jobTitle) = await ExceptionRules.ActingPersonAsync(db, cancellationToken);
        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        var level = Math.Min(exception.RiskLevel, current.Definition.Levels.Count - 1);
        var required = current.Definition.Levels[level].AcceptableBy;
        var held = AcceptResidualRisk.Authority(current.Definition, jobTitle, exception.OwnerId == userId);
        if (held is null || (required != AcceptanceAuthority.NotAcceptable && held < required))
        {
            throw ValidationFailedException.For("Authority", $"a {exception.RiskLevelName} exception may be revoked by {current.Definition.WhoMayAccept(required == AcceptanceAuthority.NotAcceptable ? AcceptanceAuthority.RiskOwner : required).Replace("the risk owner", "the exception's owner", StringComparison.Ordinal)}.");
        }
        var authority = exception.ApprovalAuthority;
        RejectException.Decide(exception, ExceptionStatus.Revoked, userId, person, note!, db.Clock);
        exception.ApprovalAuthority = authority;
        await db.SaveAsync("exception", cancellationToken);
    }
}

/// <summary>
/// Closes an exception that is no longer needed (the deviation ended, or the requester withdraws a request), with a note. The page and API let
/// its owner (or a Manager) do it.
/// </summary>
public sealed class CloseException(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var exception = await ExceptionRules.LoadAsync(db, id, version, cancellationToken);
        ExceptionRules.RequireStatus(exception, "closed", ExceptionStatus.Requested, ExceptionStatus.Approved);
        new Validation().Required("Note", note, 4000).ThrowIfInvalid();
        var (userId, person, _) = await ExceptionRules.ActingPersonAsync(db, cancellationToken);
        var authority = exception.ApprovalAuthority;
        RejectException.Decide(exception, ExceptionStatus.Closed, userId, person, note!, db.Clock);
        exception.ApprovalAuthority = authority;
        await db.SaveAsync("exception", cancellationToken);
    }
}

/// <summary>
/// Renews an approved exception that has expired or expires within <see cref="ExceptionRules.ExpiringWithinDays"/> days: a new request
/// (the next EXC number) copies its content and asks for a fresh decision, so every period of deviation has its own approval on record. The
/// old one stays as it is (it lapses on its own date). The renewal carries the level again, so a risk re-rated meanwhile is read afresh.
/// </summary>
public sealed class RenewException(AttestDbContext db, RequestException request)
{
    public async Task<Guid> RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var old = await db.ComplianceExceptions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Exception", id);
        var today = await ExceptionRules.TodayAsync(db, cancellationToken);
        if (old.Status != ExceptionStatus.Approved || old.ValidUntil is not { } until || until > today.AddDays(ExceptionRules.ExpiringWithinDays))
        {
            throw ValidationFailedException.For("Status", $"only an approved exception that has expired or ends within {ExceptionRules.ExpiringWithinDays} days can be renewed.");
        }
        var reason = $"Renewal of {old.Reference} (approved until {until:yyyy-MM-dd}).\n\n{old.Reason}";
        return await request.RunAsync(new ExceptionInput(old.Title, old.Subject, old.DocumentId, old.PolicySection, old.ControlId, old.AssetId, reason,
            old.CompensatingControls, old.RiskId, old.RiskId is null ? old.RiskLevelName : null, null, old.OwnerId), cancellationToken);
    }
}

/// <summary>Words for the exception register's values.</summary>
public static class ExceptionLabels
{
    public static string Of(ExceptionStatus status) => status switch
    {
        ExceptionStatus.Requested => "Awaiting decision",
        _ => status.ToString(),
    };

    public static string Of(ExceptionSubject subject) => subject switch
    {
        ExceptionSubject.Asset => "Asset or AI system",
        _ => subject.ToString(),
    };

    /// <summary>"Expired" for an approved exception past its last day, otherwise the stored status's words.</summary>
    public static string Shown(ExceptionStatus status, DateOnly? validUntil, DateOnly today) =>
        ExceptionRules.IsExpired(status, validUntil, today) ? "Expired" : status == ExceptionStatus.Approved ? "Approved" : Of(status);
}
