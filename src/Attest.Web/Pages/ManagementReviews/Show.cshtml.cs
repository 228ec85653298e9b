using Attest.Data;
using Attest.Reviews;
using Attest.Web.Pages.Certification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>
/// One management review: its inputs (live while planned, frozen once held), attendees, minutes, conclusions, decisions and the actions
/// raised from it with their live status. Readers see it; Managers and Admins edit it, record decisions, raise actions and sign it off.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ShowModel(AttestDbContext db, ActingContext acting, SaveManagementReview save, HoldManagementReview hold, CancelManagementReview cancel,
    RecordReviewDecision decide, RemoveReviewDecision removeDecision, AddReviewAction addAction) : PageModel
{
    public sealed class DecisionForm
    {
        public ReviewDecisionKind Kind { get; set; }
        public string? Text { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ReviewForm Input { get; set; } = new();
    [BindProperty] public DecisionForm D { get; set; } = new();
    [BindProperty] public ActionForm A { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid DecisionId { get; set; }

    public ManagementReviewDetail? Detail { get; private set; }
    public IReadOnlyList<CertificationForms.OwnerChoice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? FailedForm { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => ActAsync("review", "Input", () => save.RunAsync(Id, Input.ToInput(), HttpContext.RequestAborted), "The review has been saved.");

    public Task<IActionResult> OnPostHoldAsync() => ActAsync("sign-off", null, () => hold.RunAsync(Id, Version, HttpContext.RequestAborted),
        "The review has been signed off as held; its inputs are frozen as at its date.");

    public Task<IActionResult> OnPostCancelAsync() => ActAsync("cancellation", null, () => cancel.RunAsync(Id, Version, HttpContext.RequestAborted), "The review has been cancelled.");

    public Task<IActionResult> OnPostDecisionAsync() => ActAsync("decision", "D", () => decide.RunAsync(Id, D.Kind, D.Text, HttpContext.RequestAborted), "The decision has been recorded.", "#decisions");

    public Task<IActionResult> OnPostRemoveDecisionAsync() => ActAsync("decision", null, () => removeDecision.RunAsync(Id, DecisionId, HttpContext.RequestAborted),
        "The decision has been removed.", "#decisions");

    public Task<IActionResult> OnPostActionAsync() => ActAsync("action", "A", () => addAction.RunAsync(Id, new ReviewActionInput(A.Title ?? "", A.Description, A.OwnerId, A.DueOn),
        HttpContext.RequestAborted), $"The action '{A.Title?.Trim()}' has been raised in the corrective action register.", "#actions");

    private async Task<IActionResult> ActAsync(string form, string? prefix, Func<Task> action, string success, string anchor = "")
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(withInputs: false)) return NotFound();
        if (prefix is not null && CertificationForms.Unreadable(ModelState, prefix, Errors)) Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (await this.TryAsync(db, Errors, action))
        {
            TempData["Success"] = success;
            return Redirect($"/management-reviews/{Id}{anchor}");
        }
        FailedForm = form;
        await LoadAsync();
        if (prefix != "Input") Fill();
        return Page();
    }

    private async Task<bool> LoadAsync(bool withInputs = true)
    {
        try
        {
            Detail = await ManagementReviewQueries.DetailAsync(db, Id, withInputs, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        Today = Detail.Today;
        if (CanEdit) Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
        return true;
    }

    private void Fill()
    {
        var d = Detail!;
        Input = new ReviewForm { Title = d.Title, HeldOn = d.HeldOn, OwnerId = d.OwnerId, Attendees = d.Attendees, Minutes = d.Minutes, Conclusions = d.Conclusions, Version = d.Version };
    }
}
