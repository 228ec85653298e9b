using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

/// <summary>What the owner of an action may change on it: where it stands, when it was finished, and what was done.</summary>
public sealed record ActionProgressInput(ActionStatus Status, string? Outcome = null, DateOnly? CompletedOn = null, int Version = 0);

/// <summary>
/// Lets the person who owns a corrective action report progress on it — status, completion date and outcome — whatever their role, since
/// Employees own actions too. Another person's action does not exist for them (404), and an owner moves it between open, in progress and done
/// only: cancelling, re-assigning or re-scheduling stays with those who edit the register.
/// </summary>
public sealed class ReportCorrectiveActionProgress(AttestDbContext db, SaveCorrectiveAction save)
{
    public async Task RunAsync(Guid id, ActionProgressInput input, CancellationToken cancellationToken = default)
    {
        if (db.Acting.UserId is not { } userId) throw new RecordNotFoundException("Corrective action", id);
        var action = await db.CorrectiveActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.OwnerId == userId, cancellationToken)
            ?? throw new RecordNotFoundException("Corrective action", id);
        if (input.Status is not (ActionStatus.Open or ActionStatus.InProgress or ActionStatus.Done))
        {
            throw ValidationFailedException.For(nameof(input.Status), "an owner reports an action as Open, InProgress or Done; a Manager cancels it.");
        }
        await save.RunAsync(id, new CorrectiveActionInput(action.Title, action.Description, action.Source, action.SourceId, action.OwnerId, action.DueOn,
            input.Status, input.Status == ActionStatus.Done ? input.CompletedOn : null, input.Outcome, action.ControlId, action.RiskId, input.Version), cancellationToken);
    }
}
