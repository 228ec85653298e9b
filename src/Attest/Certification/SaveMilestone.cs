using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Certification;

/// <summary>A milestone as forms and the API send it. A done milestone without <see cref="DoneOn"/> is done today.</summary>
public sealed record MilestoneInput(
    string Title,
    MilestoneKind Kind = MilestoneKind.Other,
    DateOnly? PlannedOn = null,
    MilestoneStatus Status = MilestoneStatus.NotStarted,
    DateOnly? DoneOn = null,
    Guid? OwnerId = null,
    string? Notes = null,
    int Version = 0);

/// <summary>
/// Adds a milestone to a programme (last in order) or updates one. Done carries the day it was done — today when none is given, never a
/// day after today; any other status carries none.
/// </summary>
public sealed class SaveMilestone(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid programmeId, Guid? id, MilestoneInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 200)
            .MaxLength(nameof(input.Notes), input.Notes, 4000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Status), input.Status);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.DoneOn is not null && input.Status != MilestoneStatus.Done) validation.Add(nameof(input.DoneOn), "is set only when the milestone is done.");
        if (input.Status == MilestoneStatus.Done && input.DoneOn > today) validation.Add(nameof(input.DoneOn), "cannot be in the future.");
        validation.ThrowIfInvalid();

        if (!await db.CertificationProgrammes.AnyAsync(p => p.Id == programmeId, cancellationToken)) throw new RecordNotFoundException("Certification programme", programmeId);
        Milestone milestone;
        if (id is null)
        {
            var last = await db.Milestones.Where(m => m.ProgrammeId == programmeId).MaxAsync(m => (int?)m.SortOrder, cancellationToken) ?? 0;
            milestone = new Milestone { ProgrammeId = programmeId, Title = input.Title.Trim(), SortOrder = last + 1 };
            db.Milestones.Add(milestone);
        }
        else
        {
            milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id && m.ProgrammeId == programmeId, cancellationToken) ?? throw new RecordNotFoundException("Milestone", id);
            db.Entry(milestone).Property(m => m.Version).OriginalValue = input.Version;
        }
        milestone.Title = input.Title.Trim();
        milestone.Kind = input.Kind;
        milestone.PlannedOn = input.PlannedOn;
        milestone.Status = input.Status;
        milestone.DoneOn = input.Status == MilestoneStatus.Done ? input.DoneOn ?? today : null;
        milestone.OwnerId = input.OwnerId;
        milestone.Notes = input.Notes?.Trim() ?? "";
        await db.SaveAsync("milestone", cancellationToken);
        return milestone.Id;
    }
}

public sealed class RemoveMilestone(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Milestone", id);
        db.Entry(milestone).Property(m => m.Version).OriginalValue = version;
        db.Milestones.Remove(milestone);
        await db.SaveAsync("milestone", cancellationToken);
    }
}

/// <summary>Moves a milestone one place earlier or later in its programme's order, swapping with its neighbour.</summary>
public sealed class MoveMilestone(AttestDbContext db)
{
    public async Task RunAsync(Guid id, bool earlier, CancellationToken cancellationToken = default)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Milestone", id);
        var siblings = db.Milestones.Where(m => m.ProgrammeId == milestone.ProgrammeId && m.Id != id);
        var neighbour = earlier
            ? await siblings.Where(m => m.SortOrder <= milestone.SortOrder).OrderByDescending(m => m.SortOrder).FirstOrDefaultAsync(cancellationToken)
            : await siblings.Where(m => m.SortOrder >= milestone.SortOrder).OrderBy(m => m.SortOrder).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is null) return;
        (milestone.SortOrder, neighbour.SortOrder) = (neighbour.SortOrder, milestone.SortOrder);
        // Equal orders (after removals and additions) would leave the swap a no-op.
        if (milestone.SortOrder == neighbour.SortOrder) milestone.SortOrder += earlier ? -1 : 1;
        await db.SaveAsync("milestone", cancellationToken);
    }
}

/// <summary>Marks a programme's milestone of a kind done on a day, unless it is done already or does not apply.</summary>
internal static class MilestoneMarks
{
    public static async Task MarkDoneAsync(AttestDbContext db, Guid programmeId, MilestoneKind kind, DateOnly on, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones
            .Where(m => m.ProgrammeId == programmeId && m.Kind == kind && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.NotApplicable)
            .OrderBy(m => m.SortOrder).FirstOrDefaultAsync(cancellationToken);
        if (milestone is null) return;
        milestone.Status = MilestoneStatus.Done;
        milestone.DoneOn = on;
    }

    /// <summary>The milestone an audit of this kind completes. A surveillance audit completes the first surveillance milestone still open.</summary>
    public static async Task<Milestone?> ForAuditAsync(AttestDbContext db, Guid programmeId, ExternalAuditKind kind, CancellationToken cancellationToken)
    {
        MilestoneKind[] kinds = kind switch
        {
            ExternalAuditKind.Stage1 => [MilestoneKind.Stage1Audit],
            ExternalAuditKind.Stage2 => [MilestoneKind.Stage2Audit],
            ExternalAuditKind.Surveillance => [MilestoneKind.SurveillanceAudit1, MilestoneKind.SurveillanceAudit2],
            ExternalAuditKind.Recertification => [MilestoneKind.Recertification],
            _ => [],
        };
        if (kinds.Length == 0) return null;
        return await db.Milestones
            .Where(m => m.ProgrammeId == programmeId && kinds.Contains(m.Kind) && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.NotApplicable)
            .OrderBy(m => m.Kind).ThenBy(m => m.SortOrder).FirstOrDefaultAsync(cancellationToken);
    }
}
