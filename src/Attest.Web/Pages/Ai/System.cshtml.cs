using Attest.AiSystems;
using Attest.Assets;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Ai;

/// <summary>Registers or edits an AI system: its asset, its ISO/IEC 42001 record, its class and the controls applied. Contributors edit the systems they own.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class SystemModel(AttestDbContext db, IAuthorizationService authorization, SaveAiSystem save, ActingContext acting)
    : OwnedRecordPage<Asset>(db, authorization)
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class SystemForm
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? ClassificationId { get; set; }
        public Criticality Criticality { get; set; } = Criticality.High;
        public string? DependsOn { get; set; }
        public Guid? ClassId { get; set; }
        public string? Purpose { get; set; }
        public string? IntendedUse { get; set; }
        public string? ForeseeableMisuse { get; set; }
        public ServiceCategory ServiceCategory { get; set; } = ServiceCategory.Other;
        public string? ClientsServed { get; set; }
        public string? TrainingData { get; set; }
        public DeploymentModel Deployment { get; set; }
        public string? Regions { get; set; }
        public AutonomyLevel Autonomy { get; set; } = AutonomyLevel.HumanInTheLoop;
        public string? HumanOversight { get; set; }
        public bool DisclaimerRequired { get; set; }
        public bool DisclaimerImplemented { get; set; }
        public string? DisclaimerWhere { get; set; }
        public EuAiActCategory EuAiActCategory { get; set; }
        public string? EuAiActReason { get; set; }
        public AiLifecycleStage Stage { get; set; } = AiLifecycleStage.Deployed;
        public string? Controls { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public SystemForm Input { get; set; } = new();
    public AiSystemDetail? Detail { get; private set; }
    public IReadOnlyList<Choice> Classes { get; private set; } = [];
    public IReadOnlyList<Choice> Levels { get; private set; } = [];

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
            if (!Guid.TryParse(Id, out var id) || !await LoadAsync(id)) return NotFound();
            var d = Detail!;
            var r = d.Record;
            Input = new SystemForm
            {
                Name = d.Asset.Name, Description = d.Asset.Description, OwnerId = d.Asset.OwnerId, ClassificationId = d.Asset.ClassificationId, Criticality = d.Asset.Criticality,
                DependsOn = DependencyNotation.Format(d.Asset.DependsOn.Select(x => new DependencyNotation.Written(x.Kind, x.Reference))),
                ClassId = r.ClassId, Purpose = r.Purpose, IntendedUse = r.IntendedUse, ForeseeableMisuse = r.ForeseeableMisuse, ServiceCategory = r.ServiceCategory,
                ClientsServed = r.ClientsServed, TrainingData = r.TrainingData, Deployment = r.Deployment, Regions = r.Regions, Autonomy = r.Autonomy,
                HumanOversight = r.HumanOversight, DisclaimerRequired = r.DisclaimerRequired, DisclaimerImplemented = r.DisclaimerImplemented,
                DisclaimerWhere = r.DisclaimerWhere, EuAiActCategory = r.EuAiActCategory, EuAiActReason = r.EuAiActReason, Stage = r.Stage,
                Controls = string.Join(", ", d.Controls.Select(c => c.Reference)), Version = r.Version,
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
            if (!Guid.TryParse(Id, out var systemId) || await Db.AiSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == systemId, HttpContext.RequestAborted) is not { } system) return NotFound();
            var (_, refusal) = await EditableAsync(system.AssetId.ToString());
            if (refusal is not null) return refusal;
            id = systemId;
            await LoadAsync(systemId);
        }
        await LoadChoicesAsync();
        return await SaveAsync(async () =>
            {
                var dependencies = await DependencyNotation.ResolveAsync(Db, Input.DependsOn, "DependsOn", HttpContext.RequestAborted);
                var controls = await ResolveControlsAsync(Input.Controls);
                // The form edits some of the asset's fields; the rest (CIA ratings, custodian, tags, lifecycle…) keep what the asset page set.
                var current = Detail?.Asset;
                var asset = new AssetInput(Input.Name ?? "", AssetType.AiSystem, Input.Description, current?.Reference, Input.OwnerId, current?.Custodian, Input.ClassificationId,
                    current?.Confidentiality ?? 3, current?.Integrity ?? 3, current?.Availability ?? 3, Input.Criticality, current?.Location ?? Input.Regions,
                    current?.Lifecycle ?? AssetLifecycle.InUse, current?.Tags, current?.Provider, current?.VersionLabel, current?.Origin ?? ModelOrigin.NotApplicable, dependencies);
                id = await save.RunAsync(id, new AiSystemInput(asset, Input.ClassId, Input.Purpose, Input.IntendedUse, Input.ForeseeableMisuse, Input.ServiceCategory,
                    Input.ClientsServed, Input.TrainingData, Input.Deployment, Input.Regions, Input.Autonomy, Input.HumanOversight, Input.DisclaimerRequired,
                    Input.DisclaimerImplemented, Input.DisclaimerWhere, Input.EuAiActCategory, Input.EuAiActReason, Input.Stage, controls, Input.Version), HttpContext.RequestAborted);
            },
            $"The AI system '{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await Db.AiSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/ai/systems/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        try
        {
            Detail = await AiSystemQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        var asset = await FindAsync(Detail.Asset.Id);
        CanEdit = asset is not null && await MayEditAsync(asset);
        return true;
    }

    private Task<IReadOnlyList<Guid>> ResolveControlsAsync(string? references) =>
        Attest.Controls.ControlReferences.ResolveAsync(Db, references, "Controls", HttpContext.RequestAborted);

    private async Task LoadChoicesAsync()
    {
        Classes = await Db.AiSystemClasses.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(HttpContext.RequestAborted);
        Levels = await Db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new Choice(l.Id, l.Name)).ToListAsync(HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
