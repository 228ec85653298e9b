using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Assets;

public sealed record DependencyInput(Guid ToAssetId, DependencyKind Kind);

public sealed record AssetInput(
    string Name,
    AssetType Type,
    string? Description = null,
    string? Reference = null,
    Guid? OwnerId = null,
    string? Custodian = null,
    Guid? ClassificationId = null,
    int Confidentiality = 2,
    int Integrity = 2,
    int Availability = 2,
    Criticality Criticality = Criticality.Medium,
    string? Location = null,
    AssetLifecycle Lifecycle = AssetLifecycle.InUse,
    string? Tags = null,
    string? Provider = null,
    string? VersionLabel = null,
    ModelOrigin Origin = ModelOrigin.NotApplicable,
    /// <summary>What this asset depends on (uses, trained on, runs on, processes); null leaves them as they are.</summary>
    IReadOnlyList<DependencyInput>? DependsOn = null,
    string? ExternalId = null,
    int Version = 0);

/// <summary>The default classification scheme every organization starts from; labels and rules are editable.</summary>
public static class DefaultClassifications
{
    public static readonly (string Name, string Rules)[] Levels =
    [
        ("Public", "May be shared with anyone. No label needed; keep it accurate and approved for release."),
        ("Internal", "For staff and contractors under confidentiality terms. Share only through company tools; do not post publicly."),
        ("Confidential", "Client data and sensitive company information. Need-to-know access, encrypted at rest and in transit, never entered into unapproved AI tools."),
        ("Restricted", "Special-category personal data, secrets and keys. Named individuals only, encrypted with managed keys, access logged and reviewed quarterly."),
    ];

    /// <summary>Creates the four default levels when the organization has none yet.</summary>
    public static async Task EnsureAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        if (await db.ClassificationLevels.AnyAsync(cancellationToken)) return;
        for (var i = 0; i < Levels.Length; i++) db.ClassificationLevels.Add(new ClassificationLevel { Name = Levels[i].Name, Rank = i, HandlingRules = Levels[i].Rules });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Renames a classification level or rewrites its handling rules (which every asset at that level inherits).</summary>
public sealed class SaveClassificationLevel(AttestDbContext db)
{
    public async Task RunAsync(Guid id, string name, string? handlingRules, int version, CancellationToken cancellationToken = default)
    {
        new Validation().Required("Name", name, 60).MaxLength("HandlingRules", handlingRules, 4000).ThrowIfInvalid();
        var level = await db.ClassificationLevels.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Classification level", id);
        if (await db.ClassificationLevels.AnyAsync(l => l.Name == name.Trim() && l.Id != id, cancellationToken))
        {
            throw ValidationFailedException.For("Name", $"another level is already called '{name.Trim()}'.");
        }
        db.Entry(level).Property(l => l.Version).OriginalValue = version;
        level.Name = name.Trim();
        level.HandlingRules = handlingRules?.Trim() ?? "";
        await db.SaveAsync("classification level", cancellationToken);
    }
}

/// <summary>Creates or updates an asset and what it depends on.</summary>
public sealed class SaveAsset(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, AssetInput input, CancellationToken cancellationToken = default)
    {
        var validation = Validate(input);
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Assets.AnyAsync(a => a.Reference == reference && a.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another asset.");
        }
        if (input.ClassificationId is { } level && !await db.ClassificationLevels.AnyAsync(l => l.Id == level, cancellationToken))
        {
            validation.Add(nameof(input.ClassificationId), "is not a classification level of this organization.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var dependencies = input.DependsOn?.Distinct().ToList();
        if (dependencies is { Count: > 0 })
        {
            var targets = dependencies.Select(d => d.ToAssetId).Distinct().ToList();
            if (id is { } self && targets.Contains(self)) validation.Add(nameof(input.DependsOn), "an asset cannot depend on itself.");
            if (await db.Assets.CountAsync(a => targets.Contains(a.Id), cancellationToken) != targets.Count)
            {
                validation.Add(nameof(input.DependsOn), "names assets that do not exist in this organization.");
            }
        }
        validation.ThrowIfInvalid();

        Asset asset;
        if (id is null)
        {
            asset = new Asset { Reference = string.IsNullOrEmpty(reference) ? await NextReferenceAsync(cancellationToken) : reference, Name = input.Name.Trim() };
            db.Assets.Add(asset);
        }
        else
        {
            asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Asset", id);
            db.Entry(asset).Property(a => a.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) asset.Reference = reference;
            if (asset.Type == AssetType.AiSystem && input.Type != AssetType.AiSystem && await db.AiSystems.AnyAsync(s => s.AssetId == asset.Id, cancellationToken))
            {
                throw ValidationFailedException.For(nameof(input.Type), "this asset has an AI system record; remove that first or keep the type AI system.");
            }
        }
        if (id is not null && asset.Type == AssetType.AiModel &&
            (asset.VersionLabel != (input.VersionLabel?.Trim() ?? "") || asset.Provider != (input.Provider?.Trim() ?? "") || asset.Origin != input.Origin))
        {
            var changes = new List<string>();
            if (asset.VersionLabel != (input.VersionLabel?.Trim() ?? "")) changes.Add($"version {asset.VersionLabel} → {input.VersionLabel?.Trim()}");
            if (asset.Provider != (input.Provider?.Trim() ?? "")) changes.Add($"provider {asset.Provider} → {input.Provider?.Trim()}");
            if (asset.Origin != input.Origin) changes.Add($"origin {asset.Origin} → {input.Origin}");
            await AiSystems.Reassessment.FlagUsersOfModelAsync(db, asset.Id, $"model {asset.Name} changed ({string.Join(", ", changes)})", cancellationToken);
        }
        Apply(asset, input);
        if (dependencies is not null)
        {
            var current = await db.AssetDependencies.Where(d => d.FromAssetId == asset.Id).ToListAsync(cancellationToken);
            db.AssetDependencies.RemoveRange(current.Where(c => !dependencies.Contains(new DependencyInput(c.ToAssetId, c.Kind))));
            foreach (var wanted in dependencies.Where(d => !current.Any(c => c.ToAssetId == d.ToAssetId && c.Kind == d.Kind)))
            {
                db.AssetDependencies.Add(new AssetDependency { FromAssetId = asset.Id, ToAssetId = wanted.ToAssetId, Kind = wanted.Kind });
            }
        }
        await db.SaveAsync("asset", cancellationToken);
        return asset.Id;
    }

    internal static Validation Validate(AssetInput input)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 300)
            .MaxLength(nameof(input.Reference), input.Reference, 40)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.Custodian), input.Custodian, 200)
            .MaxLength(nameof(input.Location), input.Location, 200)
            .MaxLength(nameof(input.Tags), input.Tags, 500)
            .MaxLength(nameof(input.Provider), input.Provider, 200)
            .MaxLength(nameof(input.VersionLabel), input.VersionLabel, 100)
            .MaxLength(nameof(input.ExternalId), input.ExternalId, 300)
            .Defined(nameof(input.Type), input.Type)
            .Defined(nameof(input.Criticality), input.Criticality)
            .Defined(nameof(input.Lifecycle), input.Lifecycle)
            .Defined(nameof(input.Origin), input.Origin);
        foreach (var (field, value) in new[] { (nameof(input.Confidentiality), input.Confidentiality), (nameof(input.Integrity), input.Integrity), (nameof(input.Availability), input.Availability) })
        {
            if (value is < 1 or > 4) validation.Add(field, "must be 1 (low), 2 (medium), 3 (high) or 4 (very high).");
        }
        foreach (var dependency in input.DependsOn ?? []) validation.Defined(nameof(input.DependsOn), dependency.Kind);
        return validation;
    }

    internal static void Apply(Asset asset, AssetInput input)
    {
        asset.Name = input.Name.Trim();
        asset.Type = input.Type;
        asset.Description = input.Description?.Trim() ?? "";
        asset.OwnerId = input.OwnerId;
        asset.Custodian = input.Custodian?.Trim() ?? "";
        asset.ClassificationId = input.ClassificationId;
        asset.Confidentiality = input.Confidentiality;
        asset.Integrity = input.Integrity;
        asset.Availability = input.Availability;
        asset.Criticality = input.Criticality;
        asset.Location = input.Location?.Trim() ?? "";
        asset.Lifecycle = input.Lifecycle;
        asset.Tags = string.Join(", ", (input.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        asset.Provider = input.Provider?.Trim() ?? "";
        asset.VersionLabel = input.VersionLabel?.Trim() ?? "";
        asset.Origin = input.Origin;
        if (input.ExternalId is not null) asset.ExternalId = input.ExternalId.Trim().Length == 0 ? null : input.ExternalId.Trim();
    }

    internal Task<string> NextReferenceAsync(CancellationToken cancellationToken) =>
        References.NextAsync(db.Assets.Select(a => a.Reference), "AST-", 5, cancellationToken);
}

/// <summary>Removes an asset with its dependencies (and its AI system record); the audit trail keeps what it was.</summary>
public sealed class RemoveAsset(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Asset", id);
        db.Entry(asset).Property(a => a.Version).OriginalValue = version;
        db.AssetDependencies.RemoveRange(await db.AssetDependencies.Where(d => d.FromAssetId == id || d.ToAssetId == id).ToListAsync(cancellationToken));
        db.RiskAssets.RemoveRange(await db.RiskAssets.Where(l => l.AssetId == id).ToListAsync(cancellationToken));
        if (await db.AiSystems.FirstOrDefaultAsync(s => s.AssetId == id, cancellationToken) is { } system)
        {
            db.AiSystemControls.RemoveRange(await db.AiSystemControls.Where(c => c.AiSystemId == system.Id).ToListAsync(cancellationToken));
            db.ImpactAssessmentSystems.RemoveRange(await db.ImpactAssessmentSystems.Where(l => l.AiSystemId == system.Id).ToListAsync(cancellationToken));
            db.AiSystems.Remove(system);
        }
        db.Assets.Remove(asset);
        await db.SaveAsync("asset", cancellationToken);
    }
}
