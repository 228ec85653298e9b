using Attest.Controls;
using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Risks;

/// <summary>
/// One risk: its description, ratings, controls, treatment tasks and acceptance decisions. Contributors edit the risks they own;
/// anyone who may edit records may record an acceptance, which the methodology's criteria then allow or refuse.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveRisk save, RemoveRisk remove, SaveRiskTask saveTask, RemoveRiskTask removeTask,
    AcceptResidualRisk accept, ActingContext acting) : OwnedRecordPage<Risk>(db, authorization)
{
    public sealed class RiskForm
    {
        public string? Title { get; set; }
        public string? Reference { get; set; }
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Threat { get; set; }
        public string? Vulnerability { get; set; }
        public Guid? OwnerId { get; set; }
        public int? InherentLikelihood { get; set; }
        public int? InherentImpact { get; set; }
        public string? ExistingControls { get; set; }
        public string? ExistingControlRefs { get; set; }
        public RiskTreatment Treatment { get; set; }
        public string? TreatmentPlan { get; set; }
        public string? PlannedControlRefs { get; set; }
        public int? ResidualLikelihood { get; set; }
        public int? ResidualImpact { get; set; }
        public string? TargetLevel { get; set; }
        public RiskStatus Status { get; set; }
        public DateOnly? NextReviewOn { get; set; }
        public string? AssetRefs { get; set; }
        public bool Reassess { get; set; }
        public int Version { get; set; }
    }

    public sealed class TaskForm
    {
        public Guid? TaskId { get; set; }
        public string? Title { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? ControlRef { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public bool Reassess { get; set; }
    [BindProperty] public RiskForm Input { get; set; } = new();
    [BindProperty] public TaskForm TaskInput { get; set; } = new();
    public RiskDetail? Detail { get; private set; }
    /// <summary>Suppliers whose services give rise to or carry this risk.</summary>
    public IReadOnlyList<(Guid Id, string Reference, string Name)> Suppliers { get; private set; } = [];
    /// <summary>Incidents whose review linked this risk.</summary>
    public IReadOnlyList<Attest.Incidents.LinkedIncident> Incidents { get; private set; } = [];
    /// <summary>The methodology the form rates on: the risk's own, or the current one for new risks and re-assessments.</summary>
    public RiskMethodologies.Loaded? Methodology { get; private set; }
    public RiskMethodologies.Loaded? Current { get; private set; }
    public List<string> ActionErrors { get; } = [];
    public bool CanRecordAcceptance => acting.Role is { } role && Access.Allows(Access.Editor, role);

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
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } risk) return NotFound();
            CanEdit = await MayEditAsync(risk);
            await DescribeAsync(id);
            Fill(Detail!);
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
        Reassess = Input.Reassess;
        await LoadChoicesAsync();
        return await SaveAsync(async () =>
            {
                var token = HttpContext.RequestAborted;
                var assets = await AssetReferences.ResolveAsync(Db, Input.AssetRefs, "AssetRefs", token);
                var existing = await ControlReferences.ResolveAsync(Db, Input.ExistingControlRefs, "ExistingControlRefs", token);
                var planned = await ControlReferences.ResolveAsync(Db, Input.PlannedControlRefs, "PlannedControlRefs", token);
                if (existing.Intersect(planned).Any()) throw ValidationFailedException.For("PlannedControlRefs", "a control is either in place or planned, not both.");
                var controls = existing.Select(c => new RiskControlInput(c, RiskControlRole.Existing)).Concat(planned.Select(c => new RiskControlInput(c, RiskControlRole.Planned))).ToList();
                id = await save.RunAsync(id, new RiskInput(Input.Title ?? "", Input.Description, Input.Threat, Input.Vulnerability, Input.Category, Input.OwnerId, Input.Reference,
                    Input.InherentLikelihood, Input.InherentImpact, Input.ExistingControls, Input.Treatment, Input.TreatmentPlan, Input.ResidualLikelihood, Input.ResidualImpact,
                    Input.TargetLevel, Input.Status, null, Input.NextReviewOn, assets, controls, Input.Reassess, null, Input.Version), token);
            },
            $"The risk '{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/risks/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var id = found!.Id;
        await DescribeAsync(id);
        Fill(Detail!);
        await LoadChoicesAsync();
        return await SaveAsync(() => remove.RunAsync(id, version, HttpContext.RequestAborted), $"{found.Reference} has been removed.",
            async () => { if (await FindAsync(id) is { } current) Input.Version = current.Version; }, successUrl: () => "/risks");
    }

    public Task<IActionResult> OnPostTaskAsync() => RiskActionAsync(needsEdit: true, async id =>
    {
        var token = HttpContext.RequestAborted;
        var control = string.IsNullOrWhiteSpace(TaskInput.ControlRef) ? null : (Guid?)(await ControlReferences.ResolveAsync(Db, TaskInput.ControlRef, "Control", token)).Single();
        await saveTask.RunAsync(id, TaskInput.TaskId, new RiskTaskInput(TaskInput.Title ?? "", TaskInput.OwnerId, TaskInput.DueOn, control, TaskInput.CompletedOn, TaskInput.Notes,
            TaskInput.Version), token);
        return TaskInput.TaskId is null ? $"Task '{TaskInput.Title}' added to the treatment plan." : $"Task '{TaskInput.Title}' saved.";
    });

    public Task<IActionResult> OnPostCompleteTaskAsync(Guid taskId, bool done) => RiskActionAsync(needsEdit: true, async id =>
    {
        var task = Detail!.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new RecordNotFoundException("Treatment task", taskId);
        await saveTask.RunAsync(id, taskId, new RiskTaskInput(task.Title, task.OwnerId, task.DueOn, task.ControlId, done ? RiskQueries.Today(Db) : null, task.Notes, task.Version),
            HttpContext.RequestAborted);
        return done ? $"'{task.Title}' is done." : $"'{task.Title}' is open again.";
    });

    public Task<IActionResult> OnPostRemoveTaskAsync(Guid taskId, int version) => RiskActionAsync(needsEdit: true, async id =>
    {
        await removeTask.RunAsync(id, taskId, version, HttpContext.RequestAborted);
        return "The task has been removed.";
    });

    public Task<IActionResult> OnPostAcceptAsync(string? comment, DateOnly? validUntil, int version) => RiskActionAsync(needsEdit: false, async id =>
    {
        await accept.RunAsync(id, comment, validUntil, version, HttpContext.RequestAborted);
        return $"You accepted the residual risk of {Detail!.Reference}.";
    });

    /// <summary>Runs an action on the risk (a task, an acceptance) and returns to it; on failure the page shows why with the right status.</summary>
    private async Task<IActionResult> RiskActionAsync(bool needsEdit, Func<Guid, Task<string>> action)
    {
        IsNew = false;
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } risk) return NotFound();
        CanEdit = await MayEditAsync(risk);
        if (needsEdit && !CanEdit) return Forbid();
        if (!needsEdit && !CanRecordAcceptance) return Forbid();
        await DescribeAsync(id);
        string? message = null;
        if (await this.TryAsync(Db, ActionErrors, async () => message = await action(id)))
        {
            TempData["Success"] = message;
            return Redirect($"/risks/{id}");
        }
        // A failed action saved nothing: the risk read above is still the risk as it stands.
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private void Fill(RiskDetail d) => Input = new RiskForm
    {
        Title = d.Title, Reference = d.Reference, Category = d.Category, Description = d.Description, Threat = d.Threat, Vulnerability = d.Vulnerability, OwnerId = d.OwnerId,
        InherentLikelihood = Reassess ? null : d.InherentLikelihood, InherentImpact = Reassess ? null : d.InherentImpact, ExistingControls = d.ExistingControls,
        ExistingControlRefs = string.Join(", ", d.Controls.Where(c => c.Role == RiskControlRole.Existing).Select(c => c.Reference)),
        Treatment = d.Treatment, TreatmentPlan = d.TreatmentPlan,
        PlannedControlRefs = string.Join(", ", d.Controls.Where(c => c.Role == RiskControlRole.Planned).Select(c => c.Reference)),
        ResidualLikelihood = Reassess ? null : d.ResidualLikelihood, ResidualImpact = Reassess ? null : d.ResidualImpact, TargetLevel = Reassess ? null : d.TargetLevel?.Name,
        Status = d.Status, NextReviewOn = d.NextReviewOn, AssetRefs = string.Join(", ", d.Assets.Select(a => a.Reference)), Reassess = Reassess, Version = d.Version,
    };

    private async Task DescribeAsync(Guid id)
    {
        Detail = await RiskQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        Suppliers = await Attest.Suppliers.SupplierQueries.OfRiskAsync(Db, id, HttpContext.RequestAborted);
        Incidents = await Attest.Incidents.IncidentQueries.OfRiskAsync(Db, id, HttpContext.RequestAborted);
    }

    private async Task LoadChoicesAsync()
    {
        var all = await RiskMethodologies.AllAsync(Db, HttpContext.RequestAborted);
        Current = all.Values.MaxBy(m => m.Number);
        Methodology = Detail is { } d && !Reassess && all.TryGetValue(d.MethodologyId, out var own) ? own : Current;
        await LoadOwnersAsync();
    }
}
