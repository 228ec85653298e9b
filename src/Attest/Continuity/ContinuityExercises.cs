using Attest.Data;
using Attest.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

public sealed record ContinuityExerciseInput(
    string Title,
    ExerciseType Type,
    DateOnly? HeldOn,
    ExerciseResult Result = ExerciseResult.Planned,
    Guid? PlanId = null,
    Guid? OwnerId = null,
    string? Participants = null,
    string? Scenario = null,
    /// <summary>How long the restore or failover took, as written: "45min", "3h", or minutes.</summary>
    string? AchievedRto = null,
    /// <summary>How much data was lost (the age of the restored backup), in the same notation.</summary>
    string? AchievedRpo = null,
    string? IssuesFound = null,
    string? Reference = null,
    int Version = 0);

/// <summary>What the restore-test evidence supports: ISO/IEC 27001:2022 A.8.13, information backup.</summary>
public static class RestoreTestEvidence
{
    public const string FrameworkKey = "iso27001-2022";
    public const string RequirementCode = "A.8.13";

    /// <summary>How long a restore test stays current evidence: tests are expected quarterly, with a month's grace.</summary>
    public const int ValidMonths = 4;

    /// <summary>The organization's controls linked to A.8.13 of its ISO 27001 catalog.</summary>
    public static async Task<List<Guid>> ControlsAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        await db.ControlRequirements.AsNoTracking()
            .Where(l => db.Requirements.Any(r => r.Id == l.RequirementId && r.Code == RequirementCode && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == FrameworkKey)))
            .Select(l => l.ControlId).Distinct().ToListAsync(cancellationToken);

    public static async Task<Guid?> RequirementAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        await db.Requirements.AsNoTracking()
            .Where(r => r.Code == RequirementCode && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == FrameworkKey))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Records an exercise or test of a continuity plan (A.5.30) with what it achieved against the plan's objectives. A restore test that has a
/// result is also recorded as evidence of A.8.13: one evidence item per exercise, created the first time and updated afterwards (a new
/// version only when what it says changed), linked to the controls that implement A.8.13 — or to A.8.13 itself while no control does.
/// </summary>
public sealed class SaveContinuityExercise(AttestDbContext db, SaveEvidence saveEvidence)
{
    public async Task<Guid> RunAsync(Guid? id, ContinuityExerciseInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Reference), input.Reference, 20)
            .MaxLength(nameof(input.Participants), input.Participants, 2000)
            .MaxLength(nameof(input.Scenario), input.Scenario, 20_000)
            .MaxLength(nameof(input.IssuesFound), input.IssuesFound, 20_000)
            .Defined(nameof(input.Type), input.Type)
            .Defined(nameof(input.Result), input.Result);
        var achievedRto = ObjectiveDuration.Parse(input.AchievedRto, nameof(input.AchievedRto), validation);
        var achievedRpo = ObjectiveDuration.Parse(input.AchievedRpo, nameof(input.AchievedRpo), validation);
        ContinuityExercise? exercise = null;
        if (id is not null) exercise = await db.ContinuityExercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Continuity exercise", id);
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        if (input.HeldOn is not { } heldOn) validation.Add(nameof(input.HeldOn), "is required: the day it was or will be held.");
        else if (input.Result != ExerciseResult.Planned && heldOn > today) validation.Add(nameof(input.Result), "an exercise has a result once it has been held; keep it planned until then.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        ContinuityPlan? plan = null;
        if (input.PlanId is { } planId)
        {
            plan = await db.ContinuityPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null) validation.Add(nameof(input.PlanId), "is not a continuity plan of this organization.");
        }
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.ContinuityExercises.AnyAsync(e => e.Reference == reference && e.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another exercise.");
        }
        validation.ThrowIfInvalid();

        var organizationId = db.Acting.RequireOrganization();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Exercise and evidence references are numbered from the highest in use: hold the organization's audit lock from numbering to commit.
        await DatabaseProvider.LockAuditChainAsync(db, organizationId, cancellationToken);
        if (string.IsNullOrEmpty(reference)) reference = exercise?.Reference ?? await References.NextAsync(db.ContinuityExercises.Select(e => e.Reference), "EX-", 3, cancellationToken);

        var evidenceId = exercise?.EvidenceItemId;
        if (input.Type == ExerciseType.RestoreTest && input.Result != ExerciseResult.Planned)
        {
            // The evidence is written before the exercise is touched, so the exercise itself is saved (and versioned) once.
            evidenceId = await RecordEvidenceAsync(evidenceId, reference, input, input.HeldOn!.Value, plan, achievedRto, achievedRpo, cancellationToken);
        }

        if (exercise is null)
        {
            exercise = new ContinuityExercise { Reference = reference, Title = input.Title.Trim() };
            db.ContinuityExercises.Add(exercise);
        }
        else
        {
            db.Entry(exercise).Property(e => e.Version).OriginalValue = input.Version;
            exercise.Reference = reference;
        }
        exercise.Title = input.Title.Trim();
        exercise.PlanId = input.PlanId;
        exercise.Type = input.Type;
        exercise.HeldOn = input.HeldOn!.Value;
        exercise.Result = input.Result;
        exercise.OwnerId = input.OwnerId;
        exercise.Participants = input.Participants?.Trim() ?? "";
        exercise.Scenario = input.Scenario?.Trim() ?? "";
        exercise.AchievedRtoMinutes = achievedRto;
        exercise.AchievedRpoMinutes = achievedRpo;
        exercise.IssuesFound = input.IssuesFound?.Trim() ?? "";
        exercise.EvidenceItemId = evidenceId;
        await db.SaveAsync("continuity exercise", cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return exercise.Id;
    }

    private async Task<Guid> RecordEvidenceAsync(Guid? existingId, string reference, ContinuityExerciseInput input, DateOnly heldOn, ContinuityPlan? plan,
        int? achievedRto, int? achievedRpo, CancellationToken cancellationToken)
    {
        var existing = existingId is { } evidence
            ? await db.EvidenceItems.AsNoTracking().Where(e => e.Id == evidence).Select(e => new { e.Id, e.Version }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var links = (await RestoreTestEvidence.ControlsAsync(db, cancellationToken)).Select(c => new EvidenceLinkInput(EvidenceTarget.Control, c)).ToList();
        if (links.Count == 0 && await RestoreTestEvidence.RequirementAsync(db, cancellationToken) is { } requirement) links.Add(new EvidenceLinkInput(EvidenceTarget.Requirement, requirement));
        if (existing is not null)
        {
            // Links people added to the evidence by hand stay.
            var current = await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == existing.Id).Select(l => new EvidenceLinkInput(l.Target, l.TargetId)).ToListAsync(cancellationToken);
            links = current.Union(links).ToList();
        }
        var verdict = ContinuityLabels.Of(input.Result);
        return await saveEvidence.RunAsync(existing?.Id, new EvidenceInput(
            $"Restore test {reference}: {input.Title.Trim()} — {verdict}", EvidenceKind.Note,
            Description: $"Backup restore test recorded from continuity exercise {reference} (ISO/IEC 27001 A.8.13).",
            OwnerId: input.OwnerId, CollectedOn: heldOn, ValidUntil: heldOn.AddMonths(RestoreTestEvidence.ValidMonths),
            Note: Note(reference, input, heldOn, plan, achievedRto, achievedRpo), Links: links,
            Source: db.Acting.Channel == Audit.AuditChannel.Api ? EvidenceSource.Api : EvidenceSource.Uploaded,
            Passed: input.Result != ExerciseResult.Failed, Version: existing?.Version ?? 0), null, cancellationToken);
    }

    /// <summary>The evidence's content: what was restored, when, against which objectives, with what result.</summary>
    private static string Note(string reference, ContinuityExerciseInput input, DateOnly heldOn, ContinuityPlan? plan, int? achievedRto, int? achievedRpo)
    {
        var lines = new List<string>
        {
            $"**{reference}** — restore test held on {heldOn:yyyy-MM-dd}: **{ContinuityLabels.Of(input.Result)}**.",
            "",
            plan is null ? "Plan: none." : $"Plan: {plan.Reference} {plan.Title}.",
            $"- Restore time: {ObjectiveDuration.Format(achievedRto)} (objective {ObjectiveDuration.Format(plan?.RtoMinutes)}){(ContinuityVerdicts.RtoMissed(plan?.RtoMinutes, achievedRto) ? " — RTO missed" : "")}",
            $"- Data lost: {ObjectiveDuration.Format(achievedRpo)} (objective {ObjectiveDuration.Format(plan?.RpoMinutes)}){(ContinuityVerdicts.RpoMissed(plan?.RpoMinutes, achievedRpo) ? " — RPO missed" : "")}",
        };
        if (!string.IsNullOrWhiteSpace(input.Participants)) lines.Add($"- Participants: {input.Participants.Trim()}");
        if (!string.IsNullOrWhiteSpace(input.Scenario)) lines.AddRange(["", "### What was restored", "", input.Scenario.Trim()]);
        if (!string.IsNullOrWhiteSpace(input.IssuesFound)) lines.AddRange(["", "### Issues found", "", input.IssuesFound.Trim()]);
        return string.Join("\n", lines);
    }
}

/// <summary>Removes an exercise. Its evidence item stays (it may already support an audit); its follow-up actions stay in the action register.</summary>
public sealed class RemoveContinuityExercise(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var exercise = await db.ContinuityExercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Continuity exercise", id);
        db.Entry(exercise).Property(e => e.Version).OriginalValue = version;
        db.ContinuityExercises.Remove(exercise);
        await db.SaveAsync("continuity exercise", cancellationToken);
    }
}

/// <summary>How an exercise's achievements compare with its plan's objectives. Equal to the objective meets it.</summary>
public static class ContinuityVerdicts
{
    public static bool RtoMissed(int? objective, int? achieved) => objective is { } o && achieved is { } a && a > o;

    public static bool RpoMissed(int? objective, int? achieved) => objective is { } o && achieved is { } a && a > o;
}

public static class ContinuityLabels
{
    public static string Of(ExerciseResult result) => result switch
    {
        ExerciseResult.PassedWithIssues => "passed with issues",
        _ => result.ToString().ToLowerInvariant(),
    };

    public static string Of(ExerciseType type) => type switch
    {
        ExerciseType.RestoreTest => "Restore test",
        ExerciseType.FullInterruption => "Full interruption",
        _ => type.ToString(),
    };

    public static string Of(PlanKind kind) => kind == PlanKind.Recovery ? "Recovery" : "Continuity";

    public static string Of(PlanStatus status) => status.ToString();
}
