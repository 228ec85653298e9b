using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

public sealed record CorrectiveActionInput(
    string Title,
    string? Description = null,
    ActionSource Source = ActionSource.Other,
    Guid? SourceId = null,
    Guid? OwnerId = null,
    DateOnly? DueOn = null,
    ActionStatus Status = ActionStatus.Open,
    DateOnly? CompletedOn = null,
    string? Outcome = null,
    Guid? ControlId = null,
    Guid? RiskId = null,
    int Version = 0);

/// <summary>
/// Adds or updates a corrective action. The source record must exist in the organization; an action marked done gets its completion
/// date (today when none is given), and one reopened loses it.
/// </summary>
public sealed class SaveCorrectiveAction(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, CorrectiveActionInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000)
            .MaxLength(nameof(input.Outcome), input.Outcome, 20000)
            .Defined(nameof(input.Source), input.Source)
            .Defined(nameof(input.Status), input.Status);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.Source == ActionSource.Other && input.SourceId is not null)
        {
            validation.Add(nameof(input.SourceId), "must be empty for an action raised by hand.");
        }
        else if (input.Source != ActionSource.Other && (input.SourceId is not { } sourceId || !await CorrectiveActionSources.ExistsAsync(db, input.Source, sourceId, cancellationToken)))
        {
            validation.Add(nameof(input.SourceId), $"is not {CorrectiveActionSources.Noun(input.Source)} of this organization.");
        }
        if (input.ControlId is { } control && !await db.Controls.AnyAsync(c => c.Id == control, cancellationToken))
        {
            validation.Add(nameof(input.ControlId), "is not a control of this organization.");
        }
        if (input.RiskId is { } risk && !await db.Risks.AnyAsync(r => r.Id == risk, cancellationToken))
        {
            validation.Add(nameof(input.RiskId), "is not a risk of this organization.");
        }
        if (input.CompletedOn is not null && input.Status != ActionStatus.Done)
        {
            validation.Add(nameof(input.CompletedOn), "is set only when the action is done.");
        }
        validation.ThrowIfInvalid();

        CorrectiveAction action;
        if (id is null)
        {
            action = new CorrectiveAction
            {
                Reference = await References.NextAsync(db.CorrectiveActions.Select(a => a.Reference), "CA-", 4, cancellationToken),
                Title = input.Title.Trim(),
            };
            db.CorrectiveActions.Add(action);
        }
        else
        {
            action = await db.CorrectiveActions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Corrective action", id);
            db.Entry(action).Property(a => a.Version).OriginalValue = input.Version;
            if (action.Source != input.Source || action.SourceId != input.SourceId)
            {
                throw ValidationFailedException.For(nameof(input.Source), "an action stays with the record it was raised from.");
            }
        }
        action.Title = input.Title.Trim();
        action.Description = input.Description?.Trim() ?? "";
        action.Source = input.Source;
        action.SourceId = input.SourceId;
        action.OwnerId = input.OwnerId;
        action.DueOn = input.DueOn;
        action.Status = input.Status;
        action.CompletedOn = input.Status == ActionStatus.Done ? input.CompletedOn ?? OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken)) : null;
        action.Outcome = input.Outcome?.Trim() ?? "";
        action.ControlId = input.ControlId;
        action.RiskId = input.RiskId;
        await db.SaveAsync("corrective action", cancellationToken);
        return action.Id;
    }
}

public sealed class RemoveCorrectiveAction(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var action = await db.CorrectiveActions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Corrective action", id);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        db.CorrectiveActions.Remove(action);
        await db.SaveAsync("corrective action", cancellationToken);
    }
}

/// <summary>The records actions are raised from. A register that raises actions adds its case here.</summary>
public static class CorrectiveActionSources
{
    public static string Noun(ActionSource source) => source switch
    {
        ActionSource.Incident => "an incident",
        ActionSource.ContinuityExercise => "a continuity exercise",
        ActionSource.Nonconformity => "a nonconformity",
        ActionSource.ManagementReview => "a management review",
        _ => "a record",
    };

    public static async Task<bool> ExistsAsync(AttestDbContext db, ActionSource source, Guid id, CancellationToken cancellationToken) => source switch
    {
        ActionSource.Incident => await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken),
        ActionSource.ContinuityExercise => await db.ContinuityExercises.AnyAsync(e => e.Id == id, cancellationToken),
        ActionSource.Nonconformity => await db.Nonconformities.AnyAsync(n => n.Id == id, cancellationToken),
        ActionSource.ManagementReview => await db.ManagementReviews.AnyAsync(r => r.Id == id, cancellationToken),
        _ => false,
    };

    /// <summary>Where the record an action came from lives in the app; null for actions raised by hand.</summary>
    public static string? Path(ActionSource source, Guid? id) => (source, id) switch
    {
        (ActionSource.Incident, { } incident) => $"/incidents/{incident}",
        (ActionSource.ContinuityExercise, { } exercise) => $"/continuity/exercises/{exercise}",
        (ActionSource.Nonconformity, { } nonconformity) => $"/nonconformities/{nonconformity}",
        (ActionSource.ManagementReview, { } review) => $"/management-reviews/{review}",
        _ => null,
    };
}

/// <summary>A corrective action as lists show it.</summary>
public sealed record CorrectiveActionRow(
    Guid Id, string Reference, string Title, ActionSource Source, Guid? SourceId, Guid? OwnerId, string? OwnerName,
    DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, int Version)
{
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;
}

public static class CorrectiveActionQueries
{
    /// <summary>The actions raised from one record, oldest first.</summary>
    public static Task<List<CorrectiveActionRow>> ForSourceAsync(AttestDbContext db, ActionSource source, Guid sourceId, CancellationToken cancellationToken = default) =>
        Rows(db, db.CorrectiveActions.Where(a => a.Source == source && a.SourceId == sourceId).OrderBy(a => a.Reference)).ToListAsync(cancellationToken);

    public static IQueryable<CorrectiveActionRow> Rows(AttestDbContext db, IQueryable<CorrectiveAction> actions) =>
        from a in actions
        join u in db.Users on a.OwnerId equals u.Id into owners
        from owner in owners.DefaultIfEmpty()
        select new CorrectiveActionRow(a.Id, a.Reference, a.Title, a.Source, a.SourceId, a.OwnerId, owner == null ? null : owner.DisplayName,
            a.DueOn, a.Status, a.CompletedOn, a.Version);
}
