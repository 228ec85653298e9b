using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Assets;

/// <summary>Creates or edits an asset, its dependencies and classification; shows what it depends on and what depends on it. Contributors edit the assets they own.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveAsset save, RemoveAsset remove, ActingContext acting)
    : OwnedRecordPage<Asset>(db, authorization)
{
    public sealed record LevelChoice(Guid Id, string Name);

    public sealed class AssetForm
    {
        public string? Name { get; set; }
        public AssetType Type { get; set; }
        public string? Reference { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Custodian { get; set; }
        public Guid? ClassificationId { get; set; }
        public int Confidentiality { get; set; } = 2;
        public int Integrity { get; set; } = 2;
        public int Availability { get; set; } = 2;
        public Criticality Criticality { get; set; } = Criticality.Medium;
        public string? Location { get; set; }
        public AssetLifecycle Lifecycle { get; set; } = AssetLifecycle.InUse;
        public string? Tags { get; set; }
        public string? Provider { get; set; }
        public string? VersionLabel { get; set; }
        public ModelOrigin Origin { get; set; }
        public string? DependsOn { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public AssetForm Input { get; set; } = new();
    public AssetDetail? Detail { get; private set; }
    /// <summary>Suppliers that provide, host or process this asset.</summary>
    public IReadOnlyList<(Guid Id, string Reference, string Name)> Suppliers { get; private set; } = [];
    public IReadOnlyList<LevelChoice> Levels { get; private set; } = [];
    public string? GraphSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } asset) return NotFound();
            CanEdit = await MayEditAsync(asset);
            await DescribeAsync(id);
            var d = Detail!;
            Input = new AssetForm
            {
                Name = d.Name, Type = d.Type, Reference = d.Reference, Description = d.Description, OwnerId = d.OwnerId, Custodian = d.Custodian,
                ClassificationId = d.ClassificationId, Confidentiality = d.Confidentiality, Integrity = d.Integrity, Availability = d.Availability,
                Criticality = d.Criticality, Location = d.Location, Lifecycle = d.Lifecycle, Tags = d.Tags, Provider = d.Provider, VersionLabel = d.VersionLabel,
                Origin = d.Origin, DependsOn = DependencyNotation.Format(d.DependsOn.Select(x => new DependencyNotation.Written(x.Kind, x.Reference))), Version = d.Version,
            };
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
        }
        else
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
            await DescribeAsync(existing.Id);
        }
        await LoadChoicesAsync();
        return await SaveAsync(async () =>
            {
                if (IsNew && Input.Type == AssetType.AiSystem) throw ValidationFailedException.For("Type", "register AI systems in the AI system registry, which records their AI fields too.");
                var dependencies = await DependencyNotation.ResolveAsync(Db, Input.DependsOn, "DependsOn", HttpContext.RequestAborted);
                id = await save.RunAsync(id, new AssetInput(Input.Name ?? "", Input.Type, Input.Description, Input.Reference, Input.OwnerId, Input.Custodian, Input.ClassificationId,
                    Input.Confidentiality, Input.Integrity, Input.Availability, Input.Criticality, Input.Location, Input.Lifecycle, Input.Tags, Input.Provider, Input.VersionLabel,
                    Input.Origin, dependencies, null, Input.Version), HttpContext.RequestAborted);
            },
            $"The asset '{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/assets/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var id = found!.Id;
        await DescribeAsync(id);
        await LoadChoicesAsync();
        return await SaveAsync(() => remove.RunAsync(id, version, HttpContext.RequestAborted), $"{found.Reference} has been removed.",
            async () => { if (await FindAsync(id) is { } current) Input.Version = current.Version; }, successUrl: () => "/assets");
    }

    private async Task DescribeAsync(Guid id)
    {
        Detail = await AssetQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        Suppliers = await Attest.Suppliers.SupplierQueries.OfAssetAsync(Db, id, HttpContext.RequestAborted);
        GraphSvg = await GraphAsync(id);
    }

    private async Task<string?> GraphAsync(Guid id)
    {
        var graph = await AssetQueries.NeighbourhoodAsync(Db, id, cancellationToken: HttpContext.RequestAborted);
        return graph.Nodes.Count < 2 ? null : DependencyGraphSvg.Render(graph, id, node => $"/assets/{node}");
    }

    private async Task LoadChoicesAsync()
    {
        Levels = await Db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new LevelChoice(l.Id, l.Name)).ToListAsync(HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
