using Attest.Data;
using Attest.Risks;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Suppliers;

/// <summary>
/// One supplier: its details, certifications with expiry flags, linked assets and risks, security reviews and questionnaires. Contributors edit
/// the suppliers they own; Managers and Admins any; only they remove one.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, ActingContext acting, SaveSupplier save, RemoveSupplier remove,
    RecordSupplierReview recordReview, SaveSupplierCertification saveCertification, RemoveSupplierCertification removeCertification, SendSupplierQuestionnaire send)
    : OwnedRecordPage<Supplier>(db, authorization)
{
    /// <summary>TempData key of the answer link shown once after sending.</summary>
    public const string SentLinkKey = "SupplierQuestionnaireLink";

    public sealed class SupplierForm
    {
        public string? Name { get; set; }
        public string? Reference { get; set; }
        public string? Service { get; set; }
        public SupplierCriticality Criticality { get; set; } = SupplierCriticality.Medium;
        public SupplierStatus Status { get; set; } = SupplierStatus.Active;
        public string? DataClassification { get; set; }
        public bool ProcessesPersonalData { get; set; }
        public bool Subprocessor { get; set; }
        public DateOnly? ContractStartOn { get; set; }
        public DateOnly? ContractEndOn { get; set; }
        public DateOnly? DpaSignedOn { get; set; }
        public DateOnly? LastReviewOn { get; set; }
        public DateOnly? NextReviewOn { get; set; }
        public SupplierCriticality? RiskLevel { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Website { get; set; }
        public string? ContactEmail { get; set; }
        public string? Notes { get; set; }
        public string? AssetRefs { get; set; }
        public string? RiskRefs { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public SupplierForm Input { get; set; } = new();
    public SupplierDetail? Detail { get; private set; }
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];
    public List<string> ActionErrors { get; } = [];
    public bool CanRemove => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public string? SentLink { get; private set; }

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
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } supplier) return NotFound();
            CanEdit = await MayEditAsync(supplier);
            await DescribeAsync(id);
            Fill(Detail!);
            SentLink = TempData[SentLinkKey] as string;
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
                var token = HttpContext.RequestAborted;
                var assets = await AssetReferences.ResolveAsync(Db, Input.AssetRefs, "AssetRefs", token);
                var risks = await SupplierReferences.RisksAsync(Db, Input.RiskRefs, "RiskRefs", token);
                id = await save.RunAsync(id, new SupplierInput(Input.Name ?? "", Input.Service, Input.Criticality, Input.Status, Input.DataClassification,
                    Input.ProcessesPersonalData, Input.Subprocessor, Input.ContractStartOn, Input.ContractEndOn, Input.DpaSignedOn, Input.LastReviewOn, Input.NextReviewOn,
                    Input.RiskLevel, Input.OwnerId, Input.Website, Input.ContactEmail, Input.Notes, Input.Reference, assets, risks, Input.Version), token);
            },
            $"The supplier '{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/suppliers/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (!CanRemove) return Forbid();
        return await ActionAsync(async id =>
        {
            await remove.RunAsync(id, version, HttpContext.RequestAborted);
            return "The supplier has been removed.";
        }, after: _ => "/suppliers");
    }

    public Task<IActionResult> OnPostReviewAsync(DateOnly? reviewedOn, DateOnly? nextReviewOn, SupplierCriticality? riskLevel, string? note, int version) => ActionAsync(async id =>
    {
        await recordReview.RunAsync(id, reviewedOn, nextReviewOn, riskLevel, note, version, HttpContext.RequestAborted);
        return "The security review has been recorded.";
    });

    public Task<IActionResult> OnPostCertificationAsync(Guid? certificationId, string? name, DateOnly? validUntil, string? evidenceRef) => ActionAsync(async id =>
    {
        var evidence = await SupplierReferences.EvidenceAsync(Db, evidenceRef, "Evidence", HttpContext.RequestAborted);
        await saveCertification.RunAsync(id, certificationId, new CertificationInput(name ?? "", validUntil, evidence), HttpContext.RequestAborted);
        return $"The certification '{name}' has been saved.";
    });

    public Task<IActionResult> OnPostRemoveCertificationAsync(Guid certificationId) => ActionAsync(async id =>
    {
        await removeCertification.RunAsync(id, certificationId, HttpContext.RequestAborted);
        return "The certification has been removed.";
    });

    public Task<IActionResult> OnPostSendAsync(Guid templateId, string? sentTo, int? expiresInDays) => ActionAsync(async id =>
    {
        var sent = await send.RunAsync(id, templateId, sentTo, expiresInDays, null, HttpContext.RequestAborted);
        // Shown once on the next page, then gone: Attest keeps only the token's hash.
        TempData[SentLinkKey] = $"{Request.Scheme}://{Request.Host}{sent.Path}";
        return "The questionnaire is ready. Copy the link below and send it to the supplier.";
    });

    /// <summary>Runs an action on the supplier and returns to it; on failure the page shows why with the right status.</summary>
    private async Task<IActionResult> ActionAsync(Func<Guid, Task<string>> action, Func<Guid, string>? after = null)
    {
        IsNew = false;
        var (supplier, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var id = supplier!.Id;
        string? message = null;
        if (await this.TryAsync(Db, ActionErrors, async () => message = await action(id)))
        {
            TempData["Success"] = message;
            return Redirect(after?.Invoke(id) ?? $"/suppliers/{id}");
        }
        TempData.Remove(SentLinkKey);
        await DescribeAsync(id);
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private void Fill(SupplierDetail d) => Input = new SupplierForm
    {
        Name = d.Name, Reference = d.Reference, Service = d.Service, Criticality = d.Criticality, Status = d.Status, DataClassification = d.DataClassification,
        ProcessesPersonalData = d.ProcessesPersonalData, Subprocessor = d.Subprocessor, ContractStartOn = d.ContractStartOn, ContractEndOn = d.ContractEndOn,
        DpaSignedOn = d.DpaSignedOn, LastReviewOn = d.LastReviewOn, NextReviewOn = d.NextReviewOn, RiskLevel = d.RiskLevel, OwnerId = d.OwnerId, Website = d.Website,
        ContactEmail = d.ContactEmail, Notes = d.Notes, AssetRefs = string.Join(", ", d.Assets.Select(a => a.Reference)), RiskRefs = string.Join(", ", d.Risks.Select(r => r.Reference)),
        Version = d.Version,
    };

    private async Task DescribeAsync(Guid id) => Detail = await SupplierQueries.DetailAsync(Db, id, HttpContext.RequestAborted);

    private async Task LoadChoicesAsync()
    {
        Levels = await SupplierQueries.ClassificationLevelsAsync(Db, HttpContext.RequestAborted);
        if (!IsNew && CanEdit) Templates = await QuestionnaireQueries.TemplatesAsync(Db, HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
