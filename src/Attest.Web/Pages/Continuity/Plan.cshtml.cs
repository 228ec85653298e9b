using Attest.Continuity;
using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Continuity;

/// <summary>One continuity or recovery plan: read as a plan, printable as PDF, edited by its owner or a Manager; approval is for Managers and Admins.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class PlanModel(AttestDbContext db, IAuthorizationService authorization, SaveContinuityPlan save, RemoveContinuityPlan remove, ActingContext acting)
    : OwnedRecordPage<ContinuityPlan>(db, authorization)
{
    public sealed class PlanForm
    {
        public string? Title { get; set; }
        public string? Reference { get; set; }
        public PlanKind Kind { get; set; }
        public PlanStatus Status { get; set; }
        public Guid? ServiceAssetId { get; set; }
        public string? Rto { get; set; }
        public string? Rpo { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? DeputyId { get; set; }
        public string? Activation { get; set; }
        public string? Steps { get; set; }
        public string? Contacts { get; set; }
        public DateOnly? LastReviewedOn { get; set; }
        public DateOnly? NextReviewOn { get; set; }
        public string? AssetRefs { get; set; }
        public string? SupplierRefs { get; set; }
        public int Version { get; set; }
    }

    public sealed record ServiceChoice(Guid Id, string Reference, string Name);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public PlanForm Input { get; set; } = new();
    public PlanDetail? Detail { get; private set; }
    public IReadOnlyList<ServiceChoice> Services { get; private set; } = [];
    public bool MayApprove => acting.Role is OrganizationRole.Admin or OrganizationRole.Manager;

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
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } plan) return NotFound();
            CanEdit = await MayEditAsync(plan);
            Detail = await ContinuityQueries.PlanAsync(Db, id, HttpContext.RequestAborted);
            Fill(Detail);
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
            Detail = await ContinuityQueries.PlanAsync(Db, existing.Id, HttpContext.RequestAborted);
        }
        await LoadChoicesAsync();
        return await SaveAsync(async () =>
            {
                var token = HttpContext.RequestAborted;
                var assets = await AssetReferences.ResolveAsync(Db, Input.AssetRefs, "AssetRefs", token);
                var suppliers = await SupplierReferences.ResolveAsync(Db, Input.SupplierRefs, "SupplierRefs", token);
                id = await save.RunAsync(id, new ContinuityPlanInput(Input.Title ?? "", Input.Kind, Input.Status, Input.Reference, Input.ServiceAssetId, Input.Rto, Input.Rpo,
                    Input.OwnerId, Input.DeputyId, Input.Activation, Input.Steps, Input.Contacts, Input.LastReviewedOn, Input.NextReviewOn, assets, suppliers, Input.Version), token);
            },
            $"The plan '{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/continuity/plans/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var id = found!.Id;
        Detail = await ContinuityQueries.PlanAsync(Db, id, HttpContext.RequestAborted);
        Fill(Detail);
        await LoadChoicesAsync();
        return await SaveAsync(() => remove.RunAsync(id, version, HttpContext.RequestAborted), $"{found.Reference} has been removed.",
            async () => { if (await FindAsync(id) is { } current) Input.Version = current.Version; }, successUrl: () => "/continuity");
    }

    private void Fill(PlanDetail d) => Input = new PlanForm
    {
        Title = d.Title, Reference = d.Reference, Kind = d.Kind, Status = d.Status, ServiceAssetId = d.ServiceAssetId, Rto = d.RtoMinutes is null ? null : d.Rto,
        Rpo = d.RpoMinutes is null ? null : d.Rpo, OwnerId = d.OwnerId, DeputyId = d.DeputyId, Activation = d.Activation, Steps = d.Steps, Contacts = d.Contacts,
        LastReviewedOn = d.LastReviewedOn, NextReviewOn = d.NextReviewOn, AssetRefs = string.Join(", ", d.Assets.Select(a => a.Reference)),
        SupplierRefs = string.Join(", ", d.Suppliers.Select(s => s.Reference)), Version = d.Version,
    };

    private async Task LoadChoicesAsync()
    {
        // The services a plan is for: services, AI systems and software, critical ones first (as they are the ones that need a plan).
        Services = await Db.Assets.AsNoTracking()
            .Where(a => a.Type == Attest.Assets.AssetType.Service || a.Type == Attest.Assets.AssetType.AiSystem || a.Type == Attest.Assets.AssetType.Software
                || a.Type == Attest.Assets.AssetType.Information || a.Id == Input.ServiceAssetId)
            .OrderByDescending(a => a.Criticality).ThenBy(a => a.Name).Take(500)
            .Select(a => new ServiceChoice(a.Id, a.Reference, a.Name)).ToListAsync(HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
