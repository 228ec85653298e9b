using Attest.Continuity;
using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Continuity;

/// <summary>
/// One exercise or test: what was tried, what it achieved against the plan's objectives, the issues found and the follow-up actions raised
/// from it. A restore test with a result links to the evidence item it was recorded as.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExerciseModel(AttestDbContext db, IAuthorizationService authorization, SaveContinuityExercise save, RemoveContinuityExercise remove,
    SaveCorrectiveAction saveAction, ActingContext acting) : OwnedRecordPage<ContinuityExercise>(db, authorization)
{
    public sealed class ExerciseForm
    {
        public string? Title { get; set; }
        public string? Reference { get; set; }
        public Guid? PlanId { get; set; }
        public ExerciseType Type { get; set; }
        public DateOnly? HeldOn { get; set; }
        public ExerciseResult Result { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Participants { get; set; }
        public string? Scenario { get; set; }
        public string? AchievedRto { get; set; }
        public string? AchievedRpo { get; set; }
        public string? IssuesFound { get; set; }
        public int Version { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed record PlanChoice(Guid Id, string Reference, string Title);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    /// <summary>The plan a new exercise is of, when opened from the plan's page.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Plan { get; set; }
    [BindProperty] public ExerciseForm Input { get; set; } = new();
    [BindProperty] public ActionForm ActionInput { get; set; } = new();
    public ExerciseDetail? Detail { get; private set; }
    public IReadOnlyList<CorrectiveActionRow> Actions { get; private set; } = [];
    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public List<string> ActionErrors { get; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
            Input.PlanId = Plan;
            Input.HeldOn = await ContinuityQueries.TodayAsync(Db, HttpContext.RequestAborted);
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } exercise) return NotFound();
            CanEdit = await MayEditAsync(exercise);
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
        await LoadChoicesAsync();
        return await SaveAsync(async () => id = await save.RunAsync(id, new ContinuityExerciseInput(Input.Title ?? "", Input.Type, Input.HeldOn, Input.Result, Input.PlanId,
                Input.OwnerId, Input.Participants, Input.Scenario, Input.AchievedRto, Input.AchievedRpo, Input.IssuesFound, Input.Reference, Input.Version), HttpContext.RequestAborted),
            $"The exercise '{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/continuity/exercises/{id}");
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
            async () => { if (await FindAsync(id) is { } current) Input.Version = current.Version; }, successUrl: () => "/continuity/exercises");
    }

    /// <summary>Raises a follow-up action from the exercise.</summary>
    public async Task<IActionResult> OnPostActionAsync()
    {
        IsNew = false;
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var id = found!.Id;
        if (await this.TryAsync(Db, ActionErrors, () => saveAction.RunAsync(null, new CorrectiveActionInput(ActionInput.Title ?? "", ActionInput.Description,
                ActionSource.ContinuityExercise, id, ActionInput.OwnerId, ActionInput.DueOn), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"Follow-up action '{ActionInput.Title}' raised.";
            return Redirect($"/continuity/exercises/{id}");
        }
        await DescribeAsync(id);
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private void Fill(ExerciseDetail d) => Input = new ExerciseForm
    {
        Title = d.Title, Reference = d.Reference, PlanId = d.PlanId, Type = d.Type, HeldOn = d.HeldOn, Result = d.Result, OwnerId = d.OwnerId, Participants = d.Participants,
        Scenario = d.Scenario, AchievedRto = d.AchievedRtoMinutes is null ? null : ObjectiveDuration.Format(d.AchievedRtoMinutes),
        AchievedRpo = d.AchievedRpoMinutes is null ? null : ObjectiveDuration.Format(d.AchievedRpoMinutes), IssuesFound = d.IssuesFound, Version = d.Version,
    };

    private async Task DescribeAsync(Guid id)
    {
        Detail = await ContinuityQueries.ExerciseAsync(Db, id, HttpContext.RequestAborted);
        Actions = await CorrectiveActionQueries.ForSourceAsync(Db, ActionSource.ContinuityExercise, id, HttpContext.RequestAborted);
    }

    private async Task LoadChoicesAsync()
    {
        Today = await ContinuityQueries.TodayAsync(Db, HttpContext.RequestAborted);
        Plans = await Db.ContinuityPlans.AsNoTracking().Where(p => p.Status != PlanStatus.Retired || p.Id == Input.PlanId).OrderBy(p => p.Reference)
            .Select(p => new PlanChoice(p.Id, p.Reference, p.Title)).ToListAsync(HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }

    public string ReturnUrl => Uri.EscapeDataString($"/continuity/exercises/{Detail?.Id}");
}
