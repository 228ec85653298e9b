using Attest.Assets;
using Attest.Controls;
using Attest.Data;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.AiSystems;

/// <summary>An AI system: its asset fields and its ISO/IEC 42001 record, edited together.</summary>
public sealed record AiSystemInput(
    AssetInput Asset,
    Guid? ClassId = null,
    string? Purpose = null,
    string? IntendedUse = null,
    string? ForeseeableMisuse = null,
    ServiceCategory ServiceCategory = ServiceCategory.Other,
    string? ClientsServed = null,
    string? TrainingData = null,
    DeploymentModel Deployment = DeploymentModel.Cloud,
    string? Regions = null,
    AutonomyLevel Autonomy = AutonomyLevel.HumanInTheLoop,
    string? HumanOversight = null,
    bool DisclaimerRequired = false,
    bool DisclaimerImplemented = false,
    string? DisclaimerWhere = null,
    EuAiActCategory EuAiActCategory = EuAiActCategory.NotAssessed,
    string? EuAiActReason = null,
    AiLifecycleStage Stage = AiLifecycleStage.Deployed,
    /// <summary>The organization's controls that apply to this system; null leaves them as they are.</summary>
    IReadOnlyList<Guid>? ControlIds = null,
    int Version = 0);

/// <summary>
/// Registers or updates an AI system (its asset of type AI system and its AI record, one save). A change of intended
/// use, of the clients served or of the models it uses puts its approved impact assessments back to "reassessment due".
/// </summary>
public sealed class SaveAiSystem(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, AiSystemInput input, CancellationToken cancellationToken = default)
    {
        var assetInput = input.Asset with { Type = AssetType.AiSystem };
        var validation = SaveAsset.Validate(assetInput)
            .MaxLength(nameof(input.Purpose), input.Purpose, 4000)
            .MaxLength(nameof(input.IntendedUse), input.IntendedUse, 4000)
            .MaxLength(nameof(input.ForeseeableMisuse), input.ForeseeableMisuse, 4000)
            .MaxLength(nameof(input.ClientsServed), input.ClientsServed, 2000)
            .MaxLength(nameof(input.TrainingData), input.TrainingData, 4000)
            .MaxLength(nameof(input.Regions), input.Regions, 300)
            .MaxLength(nameof(input.HumanOversight), input.HumanOversight, 4000)
            .MaxLength(nameof(input.DisclaimerWhere), input.DisclaimerWhere, 500)
            .MaxLength(nameof(input.EuAiActReason), input.EuAiActReason, 2000)
            .Defined(nameof(input.ServiceCategory), input.ServiceCategory)
            .Defined(nameof(input.Deployment), input.Deployment)
            .Defined(nameof(input.Autonomy), input.Autonomy)
            .Defined(nameof(input.EuAiActCategory), input.EuAiActCategory)
            .Defined(nameof(input.Stage), input.Stage);
        if (input.EuAiActCategory is not EuAiActCategory.NotAssessed && string.IsNullOrWhiteSpace(input.EuAiActReason))
        {
            validation.Add(nameof(input.EuAiActReason), $"say why the system is {AiLabels.Of(input.EuAiActCategory)} under the EU AI Act.");
        }
        if (input.DisclaimerImplemented && !input.DisclaimerRequired) validation.Add(nameof(input.DisclaimerImplemented), "a disclaimer can only be implemented where one is required.");
        if (input.DisclaimerImplemented && string.IsNullOrWhiteSpace(input.DisclaimerWhere)) validation.Add(nameof(input.DisclaimerWhere), "say where the disclaimer is shown.");
        if (input.ClassId is { } classId && !await db.AiSystemClasses.AnyAsync(c => c.Id == classId, cancellationToken))
        {
            validation.Add(nameof(input.ClassId), "is not an AI system class of this organization.");
        }
        var controls = input.ControlIds?.Distinct().ToList();
        if (controls is { Count: > 0 } && await db.Controls.CountAsync(c => controls.Contains(c.Id), cancellationToken) != controls.Count)
        {
            validation.Add(nameof(input.ControlIds), "names controls that do not exist in this organization.");
        }
        validation.ThrowIfInvalid();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        AiSystem system;
        var triggers = new List<string>();
        if (id is null)
        {
            var assetId = await new SaveAsset(db).RunAsync(null, assetInput, cancellationToken);
            system = new AiSystem { AssetId = assetId };
            db.AiSystems.Add(system);
        }
        else
        {
            system = await db.AiSystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("AI system", id);
            db.Entry(system).Property(s => s.Version).OriginalValue = input.Version;
            var modelsBefore = await ModelsOfAsync(system.AssetId, cancellationToken);
            var assetVersion = await db.Assets.Where(a => a.Id == system.AssetId).Select(a => a.Version).SingleAsync(cancellationToken);
            await new SaveAsset(db).RunAsync(system.AssetId, assetInput with { Version = assetVersion }, cancellationToken);
            var modelsAfter = await ModelsOfAsync(system.AssetId, cancellationToken);
            if (!modelsBefore.SetEquals(modelsAfter)) triggers.Add("the models it uses changed");
            if (system.IntendedUse != (input.IntendedUse?.Trim() ?? "")) triggers.Add("its intended use changed");
            if (system.ClientsServed != (input.ClientsServed?.Trim() ?? "")) triggers.Add("the clients it serves changed");
        }
        system.ClassId = input.ClassId;
        system.Purpose = input.Purpose?.Trim() ?? "";
        system.IntendedUse = input.IntendedUse?.Trim() ?? "";
        system.ForeseeableMisuse = input.ForeseeableMisuse?.Trim() ?? "";
        system.ServiceCategory = input.ServiceCategory;
        system.ClientsServed = input.ClientsServed?.Trim() ?? "";
        system.TrainingData = input.TrainingData?.Trim() ?? "";
        system.Deployment = input.Deployment;
        system.Regions = input.Regions?.Trim() ?? "";
        system.Autonomy = input.Autonomy;
        system.HumanOversight = input.HumanOversight?.Trim() ?? "";
        system.DisclaimerRequired = input.DisclaimerRequired;
        system.DisclaimerImplemented = input.DisclaimerImplemented;
        system.DisclaimerWhere = input.DisclaimerWhere?.Trim() ?? "";
        system.EuAiActCategory = input.EuAiActCategory;
        system.EuAiActReason = input.EuAiActReason?.Trim() ?? "";
        system.Stage = input.Stage;
        if (controls is not null)
        {
            var current = await db.AiSystemControls.Where(l => l.AiSystemId == system.Id).ToListAsync(cancellationToken);
            db.AiSystemControls.RemoveRange(current.Where(l => !controls.Contains(l.ControlId)));
            foreach (var controlId in controls.Except(current.Select(l => l.ControlId)))
            {
                db.AiSystemControls.Add(new AiSystemControl { AiSystemId = system.Id, ControlId = controlId });
            }
        }
        if (triggers.Count > 0) await Reassessment.FlagAsync(db, [system.Id], string.Join("; ", triggers), cancellationToken);
        await db.SaveAsync("AI system", cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return system.Id;
    }

    private async Task<HashSet<Guid>> ModelsOfAsync(Guid assetId, CancellationToken cancellationToken) =>
        (await db.AssetDependencies.Where(d => d.FromAssetId == assetId)
            .Join(db.Assets.Where(a => a.Type == AssetType.AiModel), d => d.ToAssetId, a => a.Id, (d, _) => d.ToAssetId)
            .ToListAsync(cancellationToken)).ToHashSet();
}

/// <summary>Puts the approved impact assessments of AI systems back to "reassessment due", with the reason.</summary>
public static class Reassessment
{
    public static async Task<int> FlagAsync(AttestDbContext db, IReadOnlyCollection<Guid> aiSystemIds, string reason, CancellationToken cancellationToken)
    {
        var assessments = await db.ImpactAssessments
            .Where(a => a.ApprovedNumber != "" && db.ImpactAssessmentSystems.Any(l => l.AssessmentId == a.Id && aiSystemIds.Contains(l.AiSystemId)))
            .ToListAsync(cancellationToken);
        foreach (var assessment in assessments) Flag(db, assessment, reason);
        return assessments.Count;
    }

    /// <summary>Marks one approved assessment as due, adding the dated reason (newest reasons kept when the list outgrows its column).</summary>
    public static void Flag(AttestDbContext db, ImpactAssessment assessment, string reason)
    {
        var note = $"{DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}: {reason}";
        assessment.ReassessmentDue = true;
        var reasons = assessment.ReassessmentReason.Length == 0 ? note : assessment.ReassessmentReason + "\n" + note;
        assessment.ReassessmentReason = reasons.Length <= 1000 ? reasons : reasons[^1000..];
    }

    /// <summary>A change to a model (its version, provider or origin) is a trigger for every AI system that uses it.</summary>
    public static async Task FlagUsersOfModelAsync(AttestDbContext db, Guid modelAssetId, string reason, CancellationToken cancellationToken)
    {
        // The model itself and the models built on it (a fine-tune depends on its base model).
        var derived = await db.AssetDependencies.Where(d => d.ToAssetId == modelAssetId)
            .Join(db.Assets.Where(a => a.Type == AssetType.AiModel), d => d.FromAssetId, a => a.Id, (d, _) => d.FromAssetId)
            .ToListAsync(cancellationToken);
        var models = derived.Append(modelAssetId).Distinct().ToList();
        var systems = await db.AssetDependencies.Where(d => models.Contains(d.ToAssetId))
            .Join(db.AiSystems, d => d.FromAssetId, s => s.AssetId, (_, s) => s.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (systems.Count > 0) await FlagAsync(db, systems, reason, cancellationToken);
    }
}

/// <summary>Creates or updates an AI system class and its required baseline, written in the ISO notation.</summary>
public sealed class SaveAiSystemClass(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, string name, string? description, string? baseline, int version = 0, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required("Name", name, 200).MaxLength("Description", description, 4000).MaxLength("Baseline", baseline, 4000);
        if (!string.IsNullOrWhiteSpace(name) && await db.AiSystemClasses.AnyAsync(c => c.Name == name.Trim() && c.Id != id, cancellationToken))
        {
            validation.Add("Name", $"another class is already called '{name.Trim()}'.");
        }
        IReadOnlyList<Guid> requirements = [];
        try
        {
            requirements = IsoNotation.Parse(baseline, await RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken), "Baseline");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value)) validation.Add("Baseline", message);
        }
        validation.ThrowIfInvalid();
        AiSystemClass systemClass;
        if (id is null)
        {
            systemClass = new AiSystemClass { Name = name.Trim() };
            db.AiSystemClasses.Add(systemClass);
        }
        else
        {
            systemClass = await db.AiSystemClasses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("AI system class", id);
            db.Entry(systemClass).Property(c => c.Version).OriginalValue = version;
        }
        systemClass.Name = name.Trim();
        systemClass.Description = description?.Trim() ?? "";
        var current = await db.AiSystemClassRequirements.Where(r => r.ClassId == systemClass.Id).ToListAsync(cancellationToken);
        db.AiSystemClassRequirements.RemoveRange(current.Where(r => !requirements.Contains(r.RequirementId)));
        foreach (var requirementId in requirements.Except(current.Select(r => r.RequirementId)))
        {
            db.AiSystemClassRequirements.Add(new AiSystemClassRequirement { ClassId = systemClass.Id, RequirementId = requirementId });
        }
        await db.SaveAsync("AI system class", cancellationToken);
        return systemClass.Id;
    }
}

/// <summary>
/// Which baseline requirements each AI system meets: a requirement is met when a control applied to the system, and
/// implemented, is linked to it. "51 of 51 agents fully covered" is the objective.
/// </summary>
public static class AiCoverage
{
    public sealed record Gap(Guid RequirementId, string FrameworkKey, string Code, string Title);

    public sealed record SystemCoverage(Guid Id, Guid AssetId, string Reference, string Name, ServiceCategory Category, string? Class, int Required, int Implemented, IReadOnlyList<Gap> Gaps)
    {
        public bool FullyCovered => Required > 0 && Implemented == Required;
    }

    public sealed record Summary(int Systems, int FullyCovered, int WithoutClass, IReadOnlyList<SystemCoverage> Rows);

    /// <summary>Every AI system (or one) with its required and implemented baseline requirements: three queries whatever the number of systems.</summary>
    public static async Task<Summary> RunAsync(AttestDbContext db, Guid? onlySystem = null, CancellationToken cancellationToken = default)
    {
        var systems = await db.AiSystems.AsNoTracking().Where(s => onlySystem == null || s.Id == onlySystem)
            .Join(db.Assets, s => s.AssetId, a => a.Id, (s, a) => new { s.Id, s.AssetId, a.Reference, a.Name, s.ServiceCategory, s.ClassId, a.Lifecycle })
            .Where(s => s.Lifecycle != AssetLifecycle.Retired && s.Lifecycle != AssetLifecycle.Disposed)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        var baselines = await db.AiSystemClassRequirements.AsNoTracking()
            .Join(db.Requirements, r => r.RequirementId, q => q.Id, (r, q) => new { r.ClassId, q.Id, q.Code, q.Title, q.FrameworkId, q.SortOrder })
            .Join(db.Frameworks, x => x.FrameworkId, f => f.Id, (x, f) => new { x.ClassId, x.Id, x.Code, x.Title, f.Key, x.SortOrder })
            .ToListAsync(cancellationToken);
        var classNames = await db.AiSystemClasses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        // (system, requirement) pairs met by an implemented control applied to the system, restricted to baseline requirements.
        var baselineIds = baselines.Select(b => b.Id).Distinct().ToList();
        var applied = await db.AiSystemControls.AsNoTracking().Where(l => onlySystem == null || l.AiSystemId == onlySystem)
            .Join(db.Controls.Where(c => c.Status == ImplementationStatus.Implemented), l => l.ControlId, c => c.Id, (l, _) => new { l.AiSystemId, l.ControlId })
            .ToListAsync(cancellationToken);
        var appliedIds = applied.Select(a => a.ControlId).ToHashSet();
        // The links to baseline requirements (a handful of requirements, read from the requirement index), kept for applied controls only.
        var linkRows = baselineIds.Count == 0 || appliedIds.Count == 0 ? [] : await db.ControlRequirements.AsNoTracking()
            .Where(r => baselineIds.Contains(r.RequirementId))
            .Select(r => new ValueTuple<Guid, Guid>(r.ControlId, r.RequirementId))
            .ToListAsync(cancellationToken);
        var links = linkRows.Where(r => appliedIds.Contains(r.Item1)).ToLookup(r => r.Item1, r => r.Item2);
        var met = applied.SelectMany(a => links[a.ControlId].Select(requirement => (a.AiSystemId, requirement))).ToHashSet();
        var byClass = baselines.ToLookup(b => b.ClassId);
        var rows = systems.Select(s =>
        {
            var required = s.ClassId is { } classId ? byClass[classId].OrderBy(b => b.Key).ThenBy(b => b.SortOrder).ToList() : [];
            var gaps = required.Where(r => !met.Contains((s.Id, r.Id))).Select(r => new Gap(r.Id, r.Key, r.Code, r.Title)).ToList();
            return new SystemCoverage(s.Id, s.AssetId, s.Reference, s.Name, s.ServiceCategory, s.ClassId is { } c ? classNames.GetValueOrDefault(c) : null,
                required.Count, required.Count - gaps.Count, gaps);
        }).ToList();
        return new Summary(rows.Count, rows.Count(r => r.FullyCovered), rows.Count(r => r.Class is null), rows);
    }
}
