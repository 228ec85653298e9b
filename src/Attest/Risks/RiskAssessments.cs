using System.Text.Json;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Risks;

public sealed record RiskAssessmentInput(string Title, string? Description = null, Guid? OwnerId = null, DateOnly? StartedOn = null, DateOnly? DueOn = null, int Version = 0);

/// <summary>Starts or edits a dated risk assessment exercise (a completed one is frozen).</summary>
public sealed class SaveRiskAssessment(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, RiskAssessmentInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Title), input.Title, 200).MaxLength(nameof(input.Description), input.Description, 20_000);
        if (input.StartedOn is { } started && input.DueOn is { } due && due < started) validation.Add(nameof(input.DueOn), "must not be before the start.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        validation.ThrowIfInvalid();
        RiskAssessment assessment;
        if (id is null)
        {
            assessment = new RiskAssessment { Title = input.Title.Trim(), StartedOn = input.StartedOn ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime) };
            db.RiskAssessments.Add(assessment);
        }
        else
        {
            assessment = await db.RiskAssessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Risk assessment", id);
            if (assessment.Status == RiskAssessmentStatus.Completed) throw ValidationFailedException.For("Status", "a completed risk assessment is a record and no longer changes.");
            db.Entry(assessment).Property(a => a.Version).OriginalValue = input.Version;
            if (input.StartedOn is { } startedOn) assessment.StartedOn = startedOn;
        }
        assessment.Title = input.Title.Trim();
        assessment.Description = input.Description?.Trim() ?? "";
        assessment.OwnerId = input.OwnerId;
        assessment.DueOn = input.DueOn;
        await db.SaveAsync("risk assessment", cancellationToken);
        return assessment.Id;
    }
}

/// <summary>Completes an assessment: the register as it stands now is frozen into it, to compare with the next one.</summary>
public sealed class CompleteRiskAssessment(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string? conclusion, int version, CancellationToken cancellationToken = default)
    {
        new Validation().Required("Conclusion", conclusion, 20_000).ThrowIfInvalid();
        var assessment = await db.RiskAssessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Risk assessment", id);
        if (assessment.Status == RiskAssessmentStatus.Completed) throw ValidationFailedException.For("Status", "this risk assessment is already completed.");
        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        var rows = await RiskSnapshots.CurrentAsync(db, cancellationToken);
        assessment.Snapshot = JsonSerializer.Serialize(rows, MethodologyDefinition.Json);
        assessment.Status = RiskAssessmentStatus.Completed;
        assessment.CompletedAt = Instant.Now(db.Clock);
        assessment.CompletedBy = db.Acting.Actor;
        assessment.Conclusion = conclusion!.Trim();
        await db.SaveAsync("risk assessment", cancellationToken);
    }
}

public sealed record RiskChange(string Reference, string Title, IReadOnlyList<string> Changes);

/// <summary>How one state of the register differs from an earlier one.</summary>
public sealed record RiskComparison(string? EarlierTitle, IReadOnlyList<RiskSnapshotRow> New, IReadOnlyList<RiskSnapshotRow> Closed, IReadOnlyList<RiskChange> Changed, int Unchanged);

/// <summary>The register reduced to what an assessment freezes, and comparisons between two such states.</summary>
public static class RiskSnapshots
{
    public static async Task<List<RiskSnapshotRow>> CurrentAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var risks = await db.Risks.AsNoTracking().OrderBy(r => r.Reference)
            .Select(r => new
            {
                r.Reference, r.Title, r.Category, r.MethodologyId, r.InherentLikelihood, r.InherentImpact, r.InherentLevel, r.Treatment, r.ResidualLikelihood, r.ResidualImpact,
                r.ResidualLevel, r.Status,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Accepted = db.RiskAcceptances.Where(a => a.RiskId == r.Id).OrderByDescending(a => a.AcceptedAt).Select(a => new { a.AcceptedBy, a.AcceptedAt, a.StaleSince }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return risks.Select(r =>
        {
            var m = methodologies[r.MethodologyId];
            var accepted = r.Accepted is { StaleSince: null } ? r.Accepted : null;
            return new RiskSnapshotRow(r.Reference, r.Title, r.Category, r.Owner, m.Number, r.InherentLikelihood, r.InherentImpact,
                r.InherentLevel is { } i ? m.Definition.Levels[i].Name : null, r.Treatment, r.ResidualLikelihood, r.ResidualImpact,
                r.ResidualLevel is { } res ? m.Definition.Levels[res].Name : null, r.Status, accepted?.AcceptedBy, accepted is null ? null : DateOnly.FromDateTime(accepted.AcceptedAt.UtcDateTime));
        }).ToList();
    }

    public static IReadOnlyList<RiskSnapshotRow> Read(string snapshot) =>
        string.IsNullOrEmpty(snapshot) ? [] : JsonSerializer.Deserialize<List<RiskSnapshotRow>>(snapshot, MethodologyDefinition.Json) ?? [];

    /// <summary>What is new, closed (gone or closed since) and changed in <paramref name="later"/> compared with <paramref name="earlier"/>.</summary>
    public static RiskComparison Compare(string? earlierTitle, IReadOnlyList<RiskSnapshotRow> earlier, IReadOnlyList<RiskSnapshotRow> later)
    {
        var before = earlier.Where(r => r.Status != RiskStatus.Closed).ToDictionary(r => r.Reference);
        var after = later.ToDictionary(r => r.Reference);
        var added = later.Where(r => r.Status != RiskStatus.Closed && !before.ContainsKey(r.Reference)).ToList();
        var closed = before.Values.Where(r => !after.TryGetValue(r.Reference, out var now) || now.Status == RiskStatus.Closed).ToList();
        var changed = new List<RiskChange>();
        var unchanged = 0;
        foreach (var (reference, then) in before)
        {
            if (!after.TryGetValue(reference, out var now) || now.Status == RiskStatus.Closed) continue;
            var changes = new List<string>();
            if (then.Title != now.Title) changes.Add($"title \"{then.Title}\" → \"{now.Title}\"");
            if (then.Owner != now.Owner) changes.Add($"owner {then.Owner ?? "none"} → {now.Owner ?? "none"}");
            if (then.InherentLevel != now.InherentLevel) changes.Add($"inherent {then.InherentLevel ?? "unrated"} → {now.InherentLevel ?? "unrated"}");
            if (then.Treatment != now.Treatment) changes.Add($"treatment {RiskLabels.Of(then.Treatment)} → {RiskLabels.Of(now.Treatment)}");
            if (then.ResidualLevel != now.ResidualLevel) changes.Add($"residual {then.ResidualLevel ?? "unrated"} → {now.ResidualLevel ?? "unrated"}");
            if (then.Status != now.Status) changes.Add($"status {RiskLabels.Of(then.Status)} → {RiskLabels.Of(now.Status)}");
            if (then.AcceptedBy != now.AcceptedBy) changes.Add(now.AcceptedBy is null ? "acceptance no longer current" : $"accepted by {now.AcceptedBy}");
            if (then.MethodologyNumber != now.MethodologyNumber) changes.Add($"methodology v{then.MethodologyNumber} → v{now.MethodologyNumber}");
            if (changes.Count > 0) changed.Add(new RiskChange(reference, now.Title, changes));
            else unchanged++;
        }
        return new RiskComparison(earlierTitle, added, closed, changed, unchanged);
    }

    /// <summary>
    /// An assessment against the completed one before it: a completed assessment compares its snapshot, one in progress the
    /// register as it stands now.
    /// </summary>
    public static async Task<RiskComparison?> CompareWithPreviousAsync(AttestDbContext db, RiskAssessment assessment, CancellationToken cancellationToken = default) =>
        await CompareWithPreviousAsync(db, assessment, await RegisterOfAsync(db, assessment, cancellationToken), cancellationToken);

    /// <summary>The register an assessment speaks of: frozen once completed, as it stands now while in progress.</summary>
    public static async Task<IReadOnlyList<RiskSnapshotRow>> RegisterOfAsync(AttestDbContext db, RiskAssessment assessment, CancellationToken cancellationToken = default) =>
        assessment.Status == RiskAssessmentStatus.Completed ? Read(assessment.Snapshot) : await CurrentAsync(db, cancellationToken);

    /// <summary>As above, with the assessment's register already read (<see cref="RegisterOfAsync"/>).</summary>
    public static async Task<RiskComparison?> CompareWithPreviousAsync(AttestDbContext db, RiskAssessment assessment, IReadOnlyList<RiskSnapshotRow> later, CancellationToken cancellationToken = default)
    {
        var previous = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.Status == RiskAssessmentStatus.Completed && a.Id != assessment.Id && (assessment.CompletedAt == null || a.CompletedAt < assessment.CompletedAt))
            .OrderByDescending(a => a.CompletedAt).Select(a => new { a.Title, a.Snapshot }).FirstOrDefaultAsync(cancellationToken);
        if (previous is null) return null;
        return Compare(previous.Title, Read(previous.Snapshot), later);
    }
}
