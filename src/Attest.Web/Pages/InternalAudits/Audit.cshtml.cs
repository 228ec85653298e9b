using Attest.Data;
using Attest.Improvement;
using Attest.InternalAudits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.InternalAudits;

/// <summary>
/// One internal audit: header, independence (with warnings), plan, re-audits of earlier findings, the checklist grouped by clause or theme with
/// results and evidence, findings with their nonconformities, and the steps planned → in progress → completed. Readers see it; Admins, Managers
/// and the Contributor who owns it change it.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class AuditModel(AttestDbContext db, IAuthorizationService authorization, SaveInternalAudit save, StartInternalAudit start, CompleteInternalAudit complete,
    CancelInternalAudit cancel, AddChecklistItems addItems, RemoveChecklistItem removeItem, RecordAuditResult record) : PageModel
{
    public sealed class AuditForm
    {
        public string? Title { get; set; }
        public Guid? ProgrammeId { get; set; }
        public string? Scope { get; set; }
        public string? Criteria { get; set; }
        public Guid? AuditorUserId { get; set; }
        public string? AuditorName { get; set; }
        public string? IndependenceStatement { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public string? Plan { get; set; }
        public string? Conclusion { get; set; }
        public int Version { get; set; }
    }

    public sealed class ResultForm
    {
        public AuditResult Result { get; set; }
        public string? Notes { get; set; }
        public string? Evidence { get; set; }
        public FindingGrade Grade { get; set; } = FindingGrade.Minor;
        public Guid? FindingOwnerId { get; set; }
        public DateOnly? FindingDueOn { get; set; }
        public bool RaiseFinding { get; set; }
        public string? LinkNonconformity { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AuditForm E { get; set; } = new();
    [BindProperty] public ResultForm R { get; set; } = new();

    public InternalAuditDetail? Detail { get; private set; }
    public IReadOnlyList<InternalAuditLabels.Person> People { get; private set; } = [];
    public IReadOnlyList<AuditProgrammeRow> Programmes { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? FailedForm { get; private set; }
    public Guid? FailedItem { get; private set; }
    public bool CanEdit { get; private set; }
    public bool IsOpen => Detail!.Status is InternalAuditStatus.Planned or InternalAuditStatus.InProgress;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() =>
        ChangeAsync("audit", "E", () => save.RunAsync(Id, new InternalAuditInput(E.Title ?? "", E.PlannedStart ?? default, E.PlannedEnd ?? default, E.ProgrammeId, E.Scope,
            E.Criteria, E.AuditorUserId, E.AuditorName, E.IndependenceStatement, E.OwnerId, E.Plan, E.Conclusion, E.Version), HttpContext.RequestAborted), "The audit has been saved.", "");

    public Task<IActionResult> OnPostStartAsync(DateOnly? startedOn, int version) =>
        ChangeAsync("start", null, () => start.RunAsync(Id, startedOn, version, HttpContext.RequestAborted), "The audit has started.", "");

    public Task<IActionResult> OnPostCompleteAsync(string? conclusion, int version) =>
        ChangeAsync("completion", null, () => complete.RunAsync(Id, conclusion, null, version, HttpContext.RequestAborted), "The audit is completed; its report is final.", "");

    public Task<IActionResult> OnPostCancelAsync(string? reason, int version) =>
        ChangeAsync("cancellation", null, () => cancel.RunAsync(Id, reason, version, HttpContext.RequestAborted), "The audit has been cancelled.", "");

    public Task<IActionResult> OnPostItemsAsync(string? frameworkKey, string? codes, int? nextUncovered)
    {
        var added = 0;
        return ChangeAsync("checklist", null, async () => added = await addItems.RunAsync(Id, new ChecklistAddition(frameworkKey, codes, nextUncovered), HttpContext.RequestAborted),
            null, "#checklist", () => $"{added} checklist item{(added == 1 ? " has" : "s have")} been added.");
    }

    public Task<IActionResult> OnPostRemoveItemAsync(Guid itemId, int version) =>
        ChangeAsync("checklist", null, () => removeItem.RunAsync(itemId, version, HttpContext.RequestAborted), "The item has been removed.", "#checklist");

    public Task<IActionResult> OnPostResultAsync(Guid itemId)
    {
        FailedItem = itemId;
        return ChangeAsync("result", "R", () => record.RunAsync(itemId, new AuditResultInput(R.Result, R.Notes, null, R.Evidence,
            R.Result == AuditResult.Nonconformity ? R.Grade : null, null, R.FindingOwnerId, R.FindingDueOn, R.RaiseFinding, R.LinkNonconformity, R.Version),
            HttpContext.RequestAborted), "The result has been recorded.", $"#item-{itemId}");
    }

    private async Task<IActionResult> ChangeAsync(string form, string? prefix, Func<Task> change, string? success, string anchor, Func<string>? successText = null)
    {
        if (!await LoadAsync()) return NotFound();
        if (!CanEdit) return Forbid();
        var bad = prefix is null ? [] : ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        if (bad.Count > 0)
        {
            Errors.AddRange(bad.Select(e => $"{e.Key[(prefix!.Length + 1)..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, change))
        {
            TempData["Success"] = successText?.Invoke() ?? success;
            return Redirect($"/internal-audits/{Id}{anchor}");
        }
        FailedForm = form;
        await LoadAsync();
        if (form != "audit") Fill();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        try
        {
            Detail = await InternalAuditRegister.DetailAsync(db, Id, token);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        var record = new InternalAudit { Id = Detail.Id, Reference = Detail.Reference, Title = Detail.Title, OwnerId = Detail.OwnerId };
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        if (CanEdit)
        {
            People = await InternalAuditLabels.PeopleAsync(db, token);
            Programmes = await InternalAuditRegister.ProgrammesAsync(db, false, token);
        }
        return true;
    }

    private void Fill()
    {
        var d = Detail!;
        E = new AuditForm
        {
            Title = d.Title, ProgrammeId = d.ProgrammeId, Scope = d.Scope, Criteria = d.Criteria, AuditorUserId = d.AuditorUserId,
            AuditorName = d.AuditorUserId is null ? d.AuditorName : "", IndependenceStatement = d.IndependenceStatement, OwnerId = d.OwnerId,
            PlannedStart = d.PlannedStart, PlannedEnd = d.PlannedEnd, Plan = d.Plan, Conclusion = d.Conclusion, Version = d.Version,
        };
    }
}
