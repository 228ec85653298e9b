using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

public sealed record NonconformityChange(
    string Title,
    FindingGrade Grade,
    string? Description = null,
    Guid? RequirementId = null,
    string? FrameworkKey = null,
    string? RequirementCode = null,
    Guid? ControlId = null,
    Guid? OwnerId = null,
    DateOnly? DueOn = null,
    string? ExternalReference = null,
    int Version = 0);

/// <summary>
/// Changes what a nonconformity says: title, description, grade, the requirement (by id, or by framework key and code), control, owner,
/// due date and the auditor's reference. Its source and raising stay as recorded; a closed one is reopened before it changes.
/// </summary>
public sealed class UpdateNonconformity(AttestDbContext db)
{
    public async Task RunAsync(Guid id, NonconformityChange input, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, input.Version, cancellationToken);
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000)
            .MaxLength(nameof(input.ExternalReference), input.ExternalReference, 100)
            .Defined(nameof(input.Grade), input.Grade);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var requirement = await NonconformityRequirements.ResolveAsync(db, validation, input.RequirementId, input.FrameworkKey, input.RequirementCode, cancellationToken);
        if (input.ControlId is { } control && !await db.Controls.AnyAsync(c => c.Id == control, cancellationToken))
        {
            validation.Add(nameof(input.ControlId), "is not a control of this organization.");
        }
        if (input.DueOn is { } due && due < nonconformity.RaisedOn) validation.Add(nameof(input.DueOn), "cannot be before the day it was raised.");
        if (nonconformity.Status == NonconformityStatus.Closed) validation.Add(nameof(nonconformity.Status), "a closed nonconformity is reopened before it changes.");
        validation.ThrowIfInvalid();

        nonconformity.Title = input.Title.Trim();
        nonconformity.Description = input.Description?.Trim() ?? "";
        nonconformity.Grade = input.Grade;
        nonconformity.RequirementId = requirement;
        nonconformity.ControlId = input.ControlId;
        nonconformity.OwnerId = input.OwnerId;
        nonconformity.DueOn = input.DueOn;
        nonconformity.ExternalReference = input.ExternalReference?.Trim() ?? "";
        await db.SaveAsync("nonconformity", cancellationToken);
    }
}

/// <summary>Records why it happened (root cause analysis) and what was done at once to correct it; either may be refined until it is closed.</summary>
public sealed class RecordRootCauseAndCorrection(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? rootCause, string? correction, int version, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().MaxLength("RootCause", rootCause, 20000).MaxLength("Correction", correction, 20000);
        if (nonconformity.Status == NonconformityStatus.Closed) validation.Add("Status", "a closed nonconformity is reopened before it changes.");
        validation.ThrowIfInvalid();
        nonconformity.RootCause = rootCause?.Trim() ?? "";
        nonconformity.Correction = correction?.Trim() ?? "";
        await db.SaveAsync("nonconformity", cancellationToken);
    }
}

/// <summary>
/// Hands a major or minor nonconformity over for its effectiveness check: it needs a root cause, a correction, every corrective action done
/// or cancelled, and at least one done — unless the person states that the correction alone is sufficient and says why (the statement is
/// kept with the correction).
/// </summary>
public sealed class SubmitNonconformityForVerification(AttestDbContext db)
{
    public const string SufficientHeading = "Correction alone is sufficient:";

    public async Task RunAsync(Guid id, bool correctionSufficient, string? note, int version, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().MaxLength("Note", note, 4000);
        if (nonconformity.Grade is FindingGrade.Observation or FindingGrade.Opportunity)
        {
            throw ValidationFailedException.For("Grade", "observations and opportunities for improvement are closed with a note, not verified.");
        }
        if (nonconformity.Status != NonconformityStatus.Open)
        {
            throw ValidationFailedException.For("Status", $"only an open nonconformity is submitted (this one is {NonconformityLabels.Of(nonconformity.Status).ToLowerInvariant()}).");
        }
        if (string.IsNullOrWhiteSpace(nonconformity.RootCause)) validation.Add("RootCause", "is required before the nonconformity is submitted for verification.");
        if (string.IsNullOrWhiteSpace(nonconformity.Correction)) validation.Add("Correction", "is required before the nonconformity is submitted for verification.");
        var actions = await db.CorrectiveActions.AsNoTracking().Where(a => a.Source == ActionSource.Nonconformity && a.SourceId == id)
            .OrderBy(a => a.Reference).Select(a => new { a.Reference, a.Status }).ToListAsync(cancellationToken);
        var open = actions.Where(a => a.Status is ActionStatus.Open or ActionStatus.InProgress).Select(a => a.Reference).ToList();
        if (open.Count > 0)
        {
            validation.Add("Actions", $"{string.Join(", ", open)} {(open.Count == 1 ? "is" : "are")} still open: finish or cancel {(open.Count == 1 ? "it" : "them")} first.");
        }
        else if (!actions.Any(a => a.Status == ActionStatus.Done) && !correctionSufficient)
        {
            validation.Add("Actions", "at least one corrective action must be done, unless the correction alone is stated as sufficient.");
        }
        if (correctionSufficient && string.IsNullOrWhiteSpace(note)) validation.Add("Note", "say why the correction alone is sufficient.");
        validation.ThrowIfInvalid();

        if (correctionSufficient)
        {
            nonconformity.Correction = $"{nonconformity.Correction}\n\n**{SufficientHeading}** {note!.Trim()}";
        }
        nonconformity.Status = NonconformityStatus.AwaitingVerification;
        await db.SaveAsync("nonconformity", cancellationToken);
    }
}

/// <summary>
/// Records a Manager's or Admin's check that the corrections and actions worked, never the owner's own. Effective closes the nonconformity on
/// the day of the check; not effective sends it back to Open. Either way the check is kept.
/// </summary>
public sealed class RecordEffectivenessCheck(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid id, DateOnly? checkedOn, bool effective, string? note, int version, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().Required("Note", note, 20000);
        if (db.Acting.Role is not (null or OrganizationRole.Admin or OrganizationRole.Manager))
        {
            validation.Add("CheckedBy", "effectiveness is checked by a Manager or an Admin.");
        }
        else if (db.Acting.UserId is { } user && user == nonconformity.OwnerId)
        {
            validation.Add("CheckedBy", "the owner does not check their own nonconformity: another Manager or Admin does.");
        }
        if (nonconformity.Status != NonconformityStatus.AwaitingVerification)
        {
            validation.Add("Status", "only a nonconformity awaiting verification is checked.");
        }
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var day = checkedOn ?? today;
        if (day > today) validation.Add("CheckedOn", "cannot be in the future.");
        else if (day < nonconformity.RaisedOn) validation.Add("CheckedOn", "cannot be before the day it was raised.");
        validation.ThrowIfInvalid();

        var who = db.Acting.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName + " <" + u.Email + ">").FirstOrDefaultAsync(cancellationToken)
            : null;
        var check = new EffectivenessCheck
        {
            NonconformityId = id, CheckedOn = day, CheckedByUserId = db.Acting.UserId, CheckedBy = who ?? db.Acting.Actor, Effective = effective, Note = note!.Trim(),
            RecordedAt = Instant.Now(db.Clock),
        };
        db.EffectivenessChecks.Add(check);
        if (effective)
        {
            nonconformity.Status = NonconformityStatus.Closed;
            nonconformity.ClosedOn = day;
            nonconformity.ClosureNote = "Effective: " + Truncated(check.Note);
        }
        else
        {
            nonconformity.Status = NonconformityStatus.Open;
            nonconformity.ClosedOn = null;
            nonconformity.ClosureNote = "";
        }
        await db.SaveAsync("nonconformity", cancellationToken);
        return check.Id;
    }

    internal static string Truncated(string text) => text.Length <= 3900 ? text : text[..3900] + "…";
}

/// <summary>Closes an observation or an opportunity for improvement with a note: they need no effectiveness check.</summary>
public sealed class CloseObservation(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().Required("Note", note, 3900);
        if (nonconformity.Grade is not (FindingGrade.Observation or FindingGrade.Opportunity))
        {
            validation.Add("Grade", "a major or minor nonconformity closes through its effectiveness check.");
        }
        if (nonconformity.Status == NonconformityStatus.Closed) validation.Add("Status", "it is already closed.");
        validation.ThrowIfInvalid();
        nonconformity.Status = NonconformityStatus.Closed;
        nonconformity.ClosedOn = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        nonconformity.ClosureNote = note!.Trim();
        await db.SaveAsync("nonconformity", cancellationToken);
    }
}

/// <summary>A Manager or Admin reopens a closed nonconformity, or sends one awaiting verification back, saying why.</summary>
public sealed class ReopenNonconformity(AttestDbContext db)
{
    public const string Prefix = "Reopened: ";

    public async Task RunAsync(Guid id, string? note, int version, CancellationToken cancellationToken = default)
    {
        var nonconformity = await Nonconformities.FindAsync(db, id, version, cancellationToken);
        var validation = new Validation().Required("Note", note, 3900);
        if (db.Acting.Role is not (null or OrganizationRole.Admin or OrganizationRole.Manager)) validation.Add("Status", "a Manager or an Admin reopens a nonconformity.");
        if (nonconformity.Status == NonconformityStatus.Open) validation.Add("Status", "it is already open.");
        validation.ThrowIfInvalid();
        nonconformity.Status = NonconformityStatus.Open;
        nonconformity.ClosedOn = null;
        nonconformity.ClosureNote = Prefix + note!.Trim();
        await db.SaveAsync("nonconformity", cancellationToken);
    }
}

internal static class Nonconformities
{
    /// <summary>The tracked nonconformity, with the version the caller read as its concurrency token.</summary>
    public static async Task<Nonconformity> FindAsync(AttestDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var nonconformity = await db.Nonconformities.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Nonconformity", id);
        db.Entry(nonconformity).Property(n => n.Version).OriginalValue = version;
        return nonconformity;
    }
}

/// <summary>Finds the requirement a nonconformity is raised against: by id, or by a framework's key and the requirement's code ("iso27001-2022", "A.5.18").</summary>
public static class NonconformityRequirements
{
    public static async Task<Guid?> ResolveAsync(AttestDbContext db, Validation validation, Guid? requirementId, string? frameworkKey, string? code, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            if (string.IsNullOrWhiteSpace(frameworkKey))
            {
                validation.Add("FrameworkKey", "is required with a requirement code.");
                return null;
            }
            var (key, wanted) = (frameworkKey.Trim(), code.Trim());
            var found = await db.Requirements.AsNoTracking()
                .Where(r => r.Code == wanted && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == key))
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (found is null) validation.Add("RequirementCode", $"{wanted} is not a requirement of {key} here.");
            else if (requirementId is { } given && given != found) validation.Add("RequirementId", $"names another requirement than {key} {wanted}.");
            return found;
        }
        if (requirementId is { } id && !await db.Requirements.AnyAsync(r => r.Id == id, cancellationToken))
        {
            validation.Add("RequirementId", "is not a requirement of this organization's frameworks.");
        }
        return requirementId;
    }
}
