using Attest.AiSystems;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Ai;

/// <summary>
/// One impact assessment: its header, affected parties, benefits and harms, stakeholder input, and the workflow —
/// submit (its editors), review (the named reviewer), approve (the named approver), mark reassessment due (Managers).
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssessmentModel(AttestDbContext db, IAuthorizationService authorization, ActingContext acting, SaveImpactAssessment save,
    EditImpactAssessmentContent content, ImpactAssessmentWorkflow workflow) : OwnedRecordPage<ImpactAssessment>(db, authorization)
{
    public sealed class AssessmentForm
    {
        public string? Title { get; set; }
        public List<Guid> AiSystemIds { get; set; } = [];
        public string? ScopeAndIntendedUse { get; set; }
        public string? SystemDescription { get; set; }
        public string? Conclusion { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? ReviewerId { get; set; }
        public Guid? ApproverId { get; set; }
        public DateOnly? NextReviewOn { get; set; }
        public int Version { get; set; }
    }

    public sealed class ImpactForm
    {
        public Guid AffectedPartyId { get; set; }
        public ImpactDimension Dimension { get; set; }
        public ImpactNature Nature { get; set; }
        public string? Description { get; set; }
        public int Severity { get; set; }
        public int Likelihood { get; set; }
        public string? Mitigation { get; set; }
        public string? Controls { get; set; }
        public int ResidualSeverity { get; set; }
        public int ResidualLikelihood { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public Guid? System { get; set; }
    [BindProperty] public AssessmentForm Input { get; set; } = new();
    [BindProperty] public ImpactForm Impact { get; set; } = new();
    public AssessmentDetail? Detail { get; private set; }
    public IReadOnlyList<AiSystemQueries.Choice> Systems { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public bool IsMe(Guid? userId) => userId is not null && userId == acting.UserId && acting.Role != OrganizationRole.Auditor;

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
            if (System is { } system) Input.AiSystemIds = [system];
        }
        else if (!await LoadAsync(fill: true)) return NotFound();
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
            await LoadAsync(fill: false);
        }
        await LoadChoicesAsync();
        return await SaveAsync(async () => id = await save.RunAsync(id, new ImpactAssessmentInput(Input.Title ?? "", Input.AiSystemIds, Input.ScopeAndIntendedUse,
                Input.SystemDescription, Input.Conclusion, Input.OwnerId, Input.ReviewerId, Input.ApproverId, Input.NextReviewOn, Input.Version), HttpContext.RequestAborted),
            $"The assessment '{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/ai/assessments/{id}");
    }

    public Task<IActionResult> OnPostPartyAsync(string? name, AffectedKind kind, string? description) =>
        EditAsync(id => content.AddAffectedPartyAsync(id, new AffectedPartyInput(name ?? "", kind, description), HttpContext.RequestAborted), "The affected party has been added.");

    public Task<IActionResult> OnPostRemovePartyAsync(Guid partyId) =>
        EditAsync(id => content.RemoveAffectedPartyAsync(id, partyId, HttpContext.RequestAborted), "The affected party and its impacts have been removed.");

    public Task<IActionResult> OnPostImpactAsync() =>
        EditAsync(async id =>
        {
            var controls = await ResolveControlsAsync(Impact.Controls);
            await content.SaveImpactAsync(id, null, new ImpactEntryInput(Impact.AffectedPartyId, Impact.Dimension, Impact.Nature, Impact.Description ?? "",
                Impact.Severity, Impact.Likelihood, Impact.Mitigation, Impact.ResidualSeverity, Impact.ResidualLikelihood, controls), HttpContext.RequestAborted);
        }, "The impact has been recorded.");

    public Task<IActionResult> OnPostRemoveImpactAsync(Guid entryId) =>
        EditAsync(id => content.RemoveImpactAsync(id, entryId, HttpContext.RequestAborted), "The impact has been removed.");

    public Task<IActionResult> OnPostInputAsync(string? who, DateOnly on, string? said) =>
        EditAsync(id => content.AddStakeholderInputAsync(id, new StakeholderInputInput(who ?? "", on, said ?? ""), HttpContext.RequestAborted), "The stakeholder input has been recorded.");

    public Task<IActionResult> OnPostRemoveInputAsync(Guid inputId) =>
        EditAsync(id => content.RemoveStakeholderInputAsync(id, inputId, HttpContext.RequestAborted), "The stakeholder input has been removed.");

    public Task<IActionResult> OnPostSubmitAsync(int version) =>
        EditAsync(id => workflow.SubmitAsync(id, version, HttpContext.RequestAborted), "Submitted: the reviewer can now record the review.");

    public Task<IActionResult> OnPostReviewAsync() =>
        ActAsync(() => Task.FromResult(acting.Role != OrganizationRole.Auditor), id => workflow.ReviewAsync(id, HttpContext.RequestAborted), "Your review has been recorded.");

    public Task<IActionResult> OnPostApproveAsync() =>
        ActAsync(() => Task.FromResult(acting.Role != OrganizationRole.Auditor), async id =>
        {
            var number = await workflow.ApproveAsync(id, false, HttpContext.RequestAborted);
            TempData["Approved"] = number;
        }, "Approved: the assessment is frozen as a new version.");

    public Task<IActionResult> OnPostFlagAsync(string? reason) =>
        ActAsync(() => Task.FromResult(CanManage), id => workflow.FlagReassessmentAsync(id, reason ?? "", HttpContext.RequestAborted), "The assessment is marked as due for reassessment.");

    /// <summary>Changes to the content: the assessment's editors (Contributors their own).</summary>
    private async Task<IActionResult> EditAsync(Func<Guid, Task> action, string success)
    {
        var (existing, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        return await ActAsync(() => Task.FromResult(true), action, success, existing!.Id);
    }

    private async Task<IActionResult> ActAsync(Func<Task<bool>> allowed, Func<Guid, Task> action, string success, Guid? known = null)
    {
        if (known is null && (!Guid.TryParse(Id, out var parsed) || await FindAsync(parsed) is null)) return NotFound();
        var id = known ?? Guid.Parse(Id);
        if (!await allowed()) return Forbid();
        if (await this.TryAsync(Db, Errors, () => action(id)))
        {
            TempData["Success"] = success;
            return Redirect($"/ai/assessments/{id}");
        }
        await LoadAsync(fill: true);
        await LoadChoicesAsync();
        return Page();
    }

    private Task<IReadOnlyList<Guid>> ResolveControlsAsync(string? references) =>
        Attest.Controls.ControlReferences.ResolveAsync(Db, references, "Controls", HttpContext.RequestAborted);

    private async Task<bool> LoadAsync(bool fill)
    {
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } record) return false;
        Detail = await ImpactAssessmentQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        CanEdit = acting.Role is { } role && Access.Allows(Access.Editor, role) && await MayEditAsync(record);
        if (fill)
        {
            var d = Detail;
            Input = new AssessmentForm
            {
                Title = d.Content.Title, AiSystemIds = d.Content.Systems.Select(s => s.Id).ToList(), ScopeAndIntendedUse = d.Content.ScopeAndIntendedUse,
                SystemDescription = d.Content.SystemDescription, Conclusion = d.Content.Conclusion, OwnerId = d.OwnerId, ReviewerId = d.ReviewerId,
                ApproverId = d.ApproverId, NextReviewOn = d.NextReviewOn, Version = d.Version,
            };
        }
        return true;
    }

    private async Task LoadChoicesAsync()
    {
        Systems = await AiSystemQueries.ChoicesAsync(Db, HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
