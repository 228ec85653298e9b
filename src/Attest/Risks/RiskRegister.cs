using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Risks;

public sealed record RiskControlInput(Guid ControlId, RiskControlRole Role);

public sealed record RiskInput(
    string Title,
    string? Description = null,
    string? Threat = null,
    string? Vulnerability = null,
    string? Category = null,
    Guid? OwnerId = null,
    string? Reference = null,
    int? InherentLikelihood = null,
    int? InherentImpact = null,
    string? ExistingControls = null,
    RiskTreatment Treatment = RiskTreatment.Undecided,
    string? TreatmentPlan = null,
    int? ResidualLikelihood = null,
    int? ResidualImpact = null,
    /// <summary>The name of the level the treatment aims for (e.g. "Low").</summary>
    string? TargetLevel = null,
    RiskStatus Status = RiskStatus.Identified,
    DateOnly? IdentifiedOn = null,
    DateOnly? NextReviewOn = null,
    /// <summary>Affected assets and AI systems (their asset ids); null leaves them as they are.</summary>
    IReadOnlyList<Guid>? AssetIds = null,
    /// <summary>Controls in place or planned; null leaves them as they are.</summary>
    IReadOnlyList<RiskControlInput>? Controls = null,
    /// <summary>Rate under the current methodology even though the risk was assessed under an older one.</summary>
    bool Reassess = false,
    string? LibraryKey = null,
    int Version = 0);

/// <summary>The organization's methodology versions: the current one (the highest number) and any by id.</summary>
public static class RiskMethodologies
{
    public sealed record Loaded(Guid Id, int Number, string Name, MethodologyDefinition Definition);

    public static async Task<Loaded?> CurrentAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var row = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Number).Select(m => new { m.Id, m.Number, m.Name, m.Definition }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new Loaded(row.Id, row.Number, row.Name, MethodologyDefinition.Parse(row.Definition));
    }

    public static async Task<Loaded> RequireCurrentAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await CurrentAsync(db, cancellationToken)
        ?? throw ValidationFailedException.For("Methodology", "this organization has no risk methodology yet: start from the ready-made 5 × 5 or 3 × 3 one under Risks → Methodology.");

    /// <summary>Every version, for rendering risks assessed under older ones.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Loaded>> AllAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.RiskMethodologies.AsNoTracking().Select(m => new { m.Id, m.Number, m.Name, m.Definition }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Loaded(r.Id, r.Number, r.Name, MethodologyDefinition.Parse(r.Definition)));
    }
}

/// <summary>Saves the next version of the methodology; a save that changes nothing creates no version.</summary>
public sealed class SaveRiskMethodology(AttestDbContext db)
{
    public async Task<int> RunAsync(string name, string? approach, MethodologyDefinition definition, string? changeNote, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required("Name", name, 200).MaxLength("Approach", approach, 20_000).MaxLength("ChangeNote", changeNote, 1000);
        if (definition is null) validation.Add("Definition", "is required.");
        else definition.Validate(validation);
        validation.ThrowIfInvalid();
        var normalized = definition! with
        {
            Likelihood = definition.Likelihood.Select(s => new ScaleStep(s.Label.Trim(), s.Description?.Trim() ?? "")).ToList(),
            Impact = definition.Impact.Select(s => new ScaleStep(s.Label.Trim(), s.Description?.Trim() ?? "")).ToList(),
            Levels = definition.Levels.Select(l => l with { Name = l.Name.Trim(), Colour = l.Colour.ToLowerInvariant(), Description = l.Description?.Trim() ?? "" }).ToList(),
            CisoTitles = string.Join(", ", MethodologyDefinition.Titles(definition.CisoTitles)),
            ExecutiveTitles = string.Join(", ", MethodologyDefinition.Titles(definition.ExecutiveTitles)),
        };
        var current = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Number).FirstOrDefaultAsync(cancellationToken);
        var json = normalized.Serialize();
        if (current is not null && current.Definition == json && current.Name == name.Trim() && current.Approach == (approach?.Trim() ?? "")) return current.Number;
        var number = (current?.Number ?? 0) + 1;
        var user = db.Acting.UserId;
        db.RiskMethodologies.Add(new RiskMethodology
        {
            Number = number, Name = name.Trim(), Approach = approach?.Trim() ?? "", Definition = json, ChangeNote = changeNote?.Trim() ?? "",
            CreatedAt = Instant.Now(db.Clock), CreatedBy = db.Acting.Actor, CreatedByUserId = user,
        });
        await db.SaveAsync("risk methodology", cancellationToken);
        return number;
    }

    /// <summary>Adopts a ready-made methodology (5 × 5 or 3 × 3) as the next version.</summary>
    public Task<int> FromTemplateAsync(string key, CancellationToken cancellationToken = default)
    {
        var (name, definition) = MethodologyTemplates.Get(key);
        return RunAsync(name, MethodologyTemplates.Approach, definition, $"Adopted the ready-made {key} methodology.", cancellationToken);
    }
}

/// <summary>Creates or updates a risk: ratings become levels through the methodology's matrix; changing an accepted risk marks its acceptance stale.</summary>
public sealed class SaveRisk(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, RiskInput input, CancellationToken cancellationToken = default)
    {
        var validation = Validate(input);
        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        Risk? risk = null;
        if (id is not null)
        {
            risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Risk", id);
        }
        var methodology = current;
        if (risk is not null && risk.MethodologyId != current.Id && !input.Reassess)
        {
            methodology = (await RiskMethodologies.AllAsync(db, cancellationToken))[risk.MethodologyId];
        }
        var definition = methodology.Definition;
        CheckRating(validation, "Inherent", input.InherentLikelihood, input.InherentImpact, definition);
        CheckRating(validation, "Residual", input.ResidualLikelihood, input.ResidualImpact, definition);
        int? target = null;
        if (!string.IsNullOrWhiteSpace(input.TargetLevel))
        {
            var index = definition.Levels.ToList().FindIndex(l => string.Equals(l.Name, input.TargetLevel.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) validation.Add(nameof(input.TargetLevel), $"'{input.TargetLevel.Trim()}' is not a level of methodology v{methodology.Number}: use {string.Join(", ", definition.Levels.Select(l => l.Name))}.");
            else target = index;
        }
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Risks.AnyAsync(r => r.Reference == reference && r.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another risk.");
        }
        if (input.Status == RiskStatus.Accepted && risk?.Status != RiskStatus.Accepted)
        {
            validation.Add(nameof(input.Status), "a risk becomes accepted only by recording an acceptance decision.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var assetIds = input.AssetIds?.Distinct().ToList();
        if (assetIds is { Count: > 0 } && await db.Assets.CountAsync(a => assetIds.Contains(a.Id), cancellationToken) != assetIds.Count)
        {
            validation.Add(nameof(input.AssetIds), "names assets that do not exist in this organization.");
        }
        var controls = input.Controls?.DistinctBy(c => c.ControlId).ToList();
        if (controls is { Count: > 0 })
        {
            var controlIds = controls.Select(c => c.ControlId).ToList();
            if (await db.Controls.CountAsync(c => controlIds.Contains(c.Id), cancellationToken) != controlIds.Count)
            {
                validation.Add(nameof(input.Controls), "names controls that do not exist in this organization.");
            }
        }
        validation.ThrowIfInvalid();

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var before = risk is null ? null : await SubstanceAsync(risk, cancellationToken);
        if (risk is null)
        {
            risk = new Risk
            {
                Reference = string.IsNullOrEmpty(reference) ? await NextReferenceAsync(cancellationToken) : reference,
                Title = input.Title.Trim(), IdentifiedOn = input.IdentifiedOn ?? today, LibraryKey = input.LibraryKey,
            };
            db.Risks.Add(risk);
        }
        else
        {
            db.Entry(risk).Property(r => r.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) risk.Reference = reference;
            if (input.IdentifiedOn is { } identified) risk.IdentifiedOn = identified;
        }
        risk.Title = input.Title.Trim();
        risk.Description = input.Description?.Trim() ?? "";
        risk.Threat = input.Threat?.Trim() ?? "";
        risk.Vulnerability = input.Vulnerability?.Trim() ?? "";
        risk.Category = input.Category?.Trim() ?? "";
        risk.OwnerId = input.OwnerId;
        risk.MethodologyId = methodology.Id;
        risk.InherentLikelihood = input.InherentLikelihood;
        risk.InherentImpact = input.InherentImpact;
        risk.InherentLevel = Level(definition, input.InherentLikelihood, input.InherentImpact);
        risk.ExistingControls = input.ExistingControls?.Trim() ?? "";
        risk.Treatment = input.Treatment;
        risk.TreatmentPlan = input.TreatmentPlan?.Trim() ?? "";
        risk.ResidualLikelihood = input.ResidualLikelihood;
        risk.ResidualImpact = input.ResidualImpact;
        risk.ResidualLevel = Level(definition, input.ResidualLikelihood, input.ResidualImpact);
        risk.TargetLevel = target;
        risk.Status = input.Status == RiskStatus.Identified && risk.InherentLevel is not null && before is null ? RiskStatus.Assessed : input.Status;
        risk.NextReviewOn = input.NextReviewOn ?? (risk.ResidualLevel ?? risk.InherentLevel) switch
        {
            { } level => today.AddMonths(definition.Levels[level].ReviewMonths),
            null => null,
        };
        if (assetIds is not null)
        {
            var linked = await db.RiskAssets.Where(l => l.RiskId == risk.Id).ToListAsync(cancellationToken);
            db.RiskAssets.RemoveRange(linked.Where(l => !assetIds.Contains(l.AssetId)));
            foreach (var asset in assetIds.Where(a => !linked.Any(l => l.AssetId == a))) db.RiskAssets.Add(new RiskAsset { RiskId = risk.Id, AssetId = asset });
        }
        if (controls is not null)
        {
            var linked = await db.RiskControls.Where(l => l.RiskId == risk.Id).ToListAsync(cancellationToken);
            db.RiskControls.RemoveRange(linked.Where(l => !controls.Any(c => c.ControlId == l.ControlId)));
            foreach (var wanted in controls)
            {
                if (linked.FirstOrDefault(l => l.ControlId == wanted.ControlId) is { } existing) existing.Role = wanted.Role;
                else db.RiskControls.Add(new RiskControl { RiskId = risk.Id, ControlId = wanted.ControlId, Role = wanted.Role });
            }
        }
        if (before is not null)
        {
            var changed = Changes(before, await SubstanceAsync(risk, cancellationToken, assetIds, controls));
            if (changed.Count > 0) await AcceptanceStaleness.FlagAsync(db, risk.Id, $"changed after acceptance: {string.Join(", ", changed)}", cancellationToken);
        }
        await db.SaveAsync("risk", cancellationToken);
        return risk.Id;
    }

    internal static Validation Validate(RiskInput input)
    {
        return new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Reference), input.Reference, 20)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.Threat), input.Threat, 2000)
            .MaxLength(nameof(input.Vulnerability), input.Vulnerability, 2000)
            .MaxLength(nameof(input.Category), input.Category, 100)
            .MaxLength(nameof(input.ExistingControls), input.ExistingControls, 4000)
            .MaxLength(nameof(input.TreatmentPlan), input.TreatmentPlan, 20_000)
            .MaxLength(nameof(input.LibraryKey), input.LibraryKey, 80)
            .Defined(nameof(input.Treatment), input.Treatment)
            .Defined(nameof(input.Status), input.Status);
    }

    private static void CheckRating(Validation validation, string which, int? likelihood, int? impact, MethodologyDefinition definition)
    {
        if (likelihood is null != impact is null)
        {
            validation.Add($"{which}Likelihood", $"rate both the {which.ToLowerInvariant()} likelihood and impact, or neither.");
            return;
        }
        if (likelihood is { } l && (l < 1 || l > definition.Likelihood.Count)) validation.Add($"{which}Likelihood", $"must be 1 to {definition.Likelihood.Count} ({string.Join(", ", definition.Likelihood.Select(s => s.Label))}).");
        if (impact is { } i && (i < 1 || i > definition.Impact.Count)) validation.Add($"{which}Impact", $"must be 1 to {definition.Impact.Count} ({string.Join(", ", definition.Impact.Select(s => s.Label))}).");
    }

    private static int? Level(MethodologyDefinition definition, int? likelihood, int? impact) =>
        likelihood is { } l && impact is { } i ? definition.LevelOf(l, i) : null;

    /// <summary>What an acceptance relies on: the risk as described, rated and treated.</summary>
    private sealed record Substance(string Title, string Description, string Threat, string Vulnerability, Guid Methodology, int? InherentLikelihood, int? InherentImpact,
        RiskTreatment Treatment, int? ResidualLikelihood, int? ResidualImpact, string Assets, string Controls);

    private async Task<Substance> SubstanceAsync(Risk risk, CancellationToken cancellationToken, IReadOnlyList<Guid>? assets = null, IReadOnlyList<RiskControlInput>? controls = null)
    {
        assets ??= await db.RiskAssets.Where(l => l.RiskId == risk.Id).Select(l => l.AssetId).ToListAsync(cancellationToken);
        controls ??= await db.RiskControls.Where(l => l.RiskId == risk.Id).Select(l => new RiskControlInput(l.ControlId, l.Role)).ToListAsync(cancellationToken);
        return new Substance(risk.Title, risk.Description, risk.Threat, risk.Vulnerability, risk.MethodologyId, risk.InherentLikelihood, risk.InherentImpact, risk.Treatment,
            risk.ResidualLikelihood, risk.ResidualImpact, string.Join(",", assets.Order()), string.Join(",", controls.OrderBy(c => c.ControlId).Select(c => $"{c.ControlId}:{c.Role}")));
    }

    private static List<string> Changes(Substance before, Substance after)
    {
        var changed = new List<string>();
        if (before.Title != after.Title) changed.Add("title");
        if (before.Description != after.Description) changed.Add("description");
        if (before.Threat != after.Threat) changed.Add("threat");
        if (before.Vulnerability != after.Vulnerability) changed.Add("vulnerability");
        if (before.Methodology != after.Methodology) changed.Add("re-assessed under a new methodology");
        if (before.InherentLikelihood != after.InherentLikelihood || before.InherentImpact != after.InherentImpact) changed.Add($"inherent rating {before.InherentLikelihood}×{before.InherentImpact} → {after.InherentLikelihood}×{after.InherentImpact}");
        if (before.Treatment != after.Treatment) changed.Add($"treatment {RiskLabels.Of(before.Treatment)} → {RiskLabels.Of(after.Treatment)}");
        if (before.ResidualLikelihood != after.ResidualLikelihood || before.ResidualImpact != after.ResidualImpact) changed.Add($"residual rating {before.ResidualLikelihood}×{before.ResidualImpact} → {after.ResidualLikelihood}×{after.ResidualImpact}");
        if (before.Assets != after.Assets) changed.Add("affected assets");
        if (before.Controls != after.Controls) changed.Add("controls");
        return changed;
    }

    internal Task<string> NextReferenceAsync(CancellationToken cancellationToken) => References.NextAsync(db.Risks.Select(r => r.Reference), "R-", 3, cancellationToken);
}

/// <summary>Marks a risk's current acceptance as stale once the risk it relied on has changed.</summary>
internal static class AcceptanceStaleness
{
    public static async Task FlagAsync(AttestDbContext db, Guid riskId, string reason, CancellationToken cancellationToken)
    {
        var latest = await db.RiskAcceptances.Where(a => a.RiskId == riskId).OrderByDescending(a => a.AcceptedAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is null || latest.StaleSince is not null) return;
        latest.StaleSince = Instant.Now(db.Clock);
        latest.StaleReason = reason.Length > 1000 ? reason[..1000] : reason;
    }
}

/// <summary>Removes a risk with its links, tasks and acceptance records; the audit trail keeps what it was. Closing a risk is usually the better choice.</summary>
public sealed class RemoveRisk(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Risk", id);
        db.Entry(risk).Property(r => r.Version).OriginalValue = version;
        db.RiskAssets.RemoveRange(await db.RiskAssets.Where(l => l.RiskId == id).ToListAsync(cancellationToken));
        db.RiskControls.RemoveRange(await db.RiskControls.Where(l => l.RiskId == id).ToListAsync(cancellationToken));
        db.RiskTasks.RemoveRange(await db.RiskTasks.Where(t => t.RiskId == id).ToListAsync(cancellationToken));
        db.RiskAcceptances.RemoveRange(await db.RiskAcceptances.Where(a => a.RiskId == id).ToListAsync(cancellationToken));
        db.EvidenceLinks.RemoveRange(await db.EvidenceLinks.Where(l => l.Target == Evidence.EvidenceTarget.Risk && l.TargetId == id).ToListAsync(cancellationToken));
        db.Risks.Remove(risk);
        await db.SaveAsync("risk", cancellationToken);
    }
}

public sealed record RiskTaskInput(string Title, Guid? OwnerId = null, DateOnly? DueOn = null, Guid? ControlId = null, DateOnly? CompletedOn = null, string? Notes = null, int Version = 0);

/// <summary>Adds or updates a task of a risk's treatment plan.</summary>
public sealed class SaveRiskTask(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid riskId, Guid? taskId, RiskTaskInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Title), input.Title, 300).MaxLength(nameof(input.Notes), input.Notes, 4000);
        if (!await db.Risks.AnyAsync(r => r.Id == riskId, cancellationToken)) throw new RecordNotFoundException("Risk", riskId);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.ControlId is { } control && !await db.Controls.AnyAsync(c => c.Id == control, cancellationToken))
        {
            validation.Add(nameof(input.ControlId), "is not a control of this organization.");
        }
        validation.ThrowIfInvalid();
        RiskTask task;
        if (taskId is null)
        {
            task = new RiskTask { RiskId = riskId, Title = input.Title.Trim() };
            db.RiskTasks.Add(task);
        }
        else
        {
            task = await db.RiskTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.RiskId == riskId, cancellationToken) ?? throw new RecordNotFoundException("Treatment task", taskId);
            db.Entry(task).Property(t => t.Version).OriginalValue = input.Version;
        }
        task.Title = input.Title.Trim();
        task.OwnerId = input.OwnerId;
        task.DueOn = input.DueOn;
        task.ControlId = input.ControlId;
        task.CompletedOn = input.CompletedOn;
        task.Notes = input.Notes?.Trim() ?? "";
        // A control named by a task is part of the treatment: link it as planned unless it is already linked.
        if (input.ControlId is { } planned && !await db.RiskControls.AnyAsync(l => l.RiskId == riskId && l.ControlId == planned, cancellationToken))
        {
            db.RiskControls.Add(new RiskControl { RiskId = riskId, ControlId = planned, Role = RiskControlRole.Planned });
        }
        await db.SaveAsync("treatment task", cancellationToken);
        return task.Id;
    }
}

public sealed class RemoveRiskTask(AttestDbContext db)
{
    public async Task RunAsync(Guid riskId, Guid taskId, int version, CancellationToken cancellationToken = default)
    {
        var task = await db.RiskTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.RiskId == riskId, cancellationToken) ?? throw new RecordNotFoundException("Treatment task", taskId);
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        db.RiskTasks.Remove(task);
        await db.SaveAsync("treatment task", cancellationToken);
    }
}

/// <summary>
/// Records the acting person's decision to accept a risk's residual level. The methodology says who may accept each level;
/// accepting above one's authority is refused with who may.
/// </summary>
public sealed class AcceptResidualRisk(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid riskId, string? comment, DateOnly? validUntil, int version, CancellationToken cancellationToken = default)
    {
        var userId = db.Acting.UserId ?? throw new InvalidOperationException("Accepting a risk needs a person.");
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId, cancellationToken) ?? throw new RecordNotFoundException("Risk", riskId);
        db.Entry(risk).Property(r => r.Version).OriginalValue = version;
        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        var validation = new Validation().Required("Comment", comment, 4000);
        if (risk.MethodologyId != current.Id)
        {
            throw ValidationFailedException.For("Methodology", $"{risk.Reference} was rated under an older methodology; re-assess it under v{current.Number} before accepting.");
        }
        if (risk.ResidualLevel is not { } level || risk.ResidualLikelihood is not { } likelihood || risk.ResidualImpact is not { } impact)
        {
            throw ValidationFailedException.For("Residual", $"rate {risk.Reference}'s residual likelihood and impact before accepting it.");
        }
        var definition = current.Definition;
        var required = definition.Levels[level].AcceptableBy;
        var levelName = definition.Levels[level].Name;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var until = validUntil ?? today.AddMonths(definition.Levels[level].ReviewMonths);
        if (until <= today) validation.Add("ValidUntil", "must be after today.");
        if (until > today.AddYears(3)) validation.Add("ValidUntil", "may be at most three years ahead; accept again when it runs out.");
        validation.ThrowIfInvalid();

        var person = await db.Memberships.Where(m => m.UserId == userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.JobTitle, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new InvalidOperationException("The acting person is not a member here.");
        var held = Authority(definition, person.JobTitle, risk.OwnerId == userId);
        if (required == AcceptanceAuthority.NotAcceptable)
        {
            throw ValidationFailedException.For("Authority", $"{levelName} residual risks may not be accepted under methodology v{current.Number}: {risk.Reference} must be treated further.");
        }
        if (held is null || held < required)
        {
            var yours = held is null ? "you are neither its risk owner nor hold a job title with acceptance authority" : $"you accept as the {RiskLabels.Of(held.Value)}";
            throw ValidationFailedException.For("Authority", $"a {levelName} residual risk may be accepted by {definition.WhoMayAccept(required)}; {yours}.");
        }

        var acceptance = new RiskAcceptance
        {
            RiskId = risk.Id, AcceptedAt = Instant.Now(db.Clock), AcceptedByUserId = userId, AcceptedBy = $"{person.DisplayName} <{person.Email}>",
            Authority = held.Value, Comment = comment!.Trim(), Likelihood = likelihood, Impact = impact, Level = level, LevelName = levelName,
            MethodologyNumber = current.Number, ValidUntil = until,
        };
        db.RiskAcceptances.Add(acceptance);
        risk.Status = RiskStatus.Accepted;
        if (risk.NextReviewOn is null || risk.NextReviewOn > until) risk.NextReviewOn = until;
        await db.SaveAsync("risk", cancellationToken);
        return acceptance.Id;
    }

    /// <summary>The highest authority a person holds for a risk: their job title's, or the risk owner's.</summary>
    public static AcceptanceAuthority? Authority(MethodologyDefinition definition, string? jobTitle, bool ownsRisk)
    {
        var byTitle = definition.AuthorityOf(jobTitle);
        if (byTitle is not null) return byTitle;
        return ownsRisk ? AcceptanceAuthority.RiskOwner : null;
    }
}

/// <summary>Turns "AST-00001, AST-00007" into asset ids, naming any reference that is not an asset here.</summary>
public static class AssetReferences
{
    public static Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string? references, string field, CancellationToken cancellationToken = default) =>
        References.ResolveAsync(references, field, "asset", async (wanted, token) =>
            await db.Assets.AsNoTracking().Where(a => wanted.Contains(a.Reference)).Select(a => new KeyValuePair<string, Guid>(a.Reference, a.Id)).ToListAsync(token), cancellationToken);
}
