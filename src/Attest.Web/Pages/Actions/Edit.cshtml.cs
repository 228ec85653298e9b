using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Actions;

/// <summary>
/// One corrective action, or a new one (/actions/new?source=Incident&amp;sourceId=…&amp;returnUrl=…, the address other registers link to).
/// Readers see it; Admins and Managers edit any action, Contributors the actions they own. A returnUrl must be an address in this app.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveCorrectiveAction save, RemoveCorrectiveAction remove, ActingContext acting) : PageModel
{
    public sealed record OwnerChoice(Guid Id, string Name);

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
        public ActionStatus Status { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Outcome { get; set; }
        public string? ControlRef { get; set; }
        public string? RiskRef { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? SourceId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public ActionForm Input { get; set; } = new();

    public bool IsNew => Id == "new";
    public bool CanEdit { get; private set; }
    public CorrectiveActionDetail? Detail { get; private set; }
    public ActionSource NewSource { get; private set; }
    public Guid? NewSourceId { get; private set; }
    public string? NewSourceLabel { get; private set; }
    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];
    public string? Conflict { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Refusal() is { } refused) return refused;
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            if (await ReadSourceAsync() is { } bad) return bad;
            Input.OwnerId = acting.UserId;
            CanEdit = true;
        }
        else
        {
            if (await LoadAsync() is { } missing) return missing;
            Fill(Detail!);
        }
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Refusal() is { } refused) return refused;
        Guid? id = null;
        CorrectiveActionInput? existing = null;
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            if (await ReadSourceAsync() is { } bad) return bad;
            CanEdit = true;
        }
        else
        {
            if (await LoadAsync() is { } missing) return missing;
            if (!CanEdit) return Forbid();
            id = Detail!.Id;
            existing = new CorrectiveActionInput("", Source: Detail.Source, SourceId: Detail.SourceId);
        }
        var token = HttpContext.RequestAborted;
        // A value the form cannot read (a status or date typed by hand) is named, not silently replaced by a default.
        var unreadable = ModelState.Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        if (unreadable.Count > 0)
        {
            Errors.AddRange(unreadable.Select(e => $"{e.Key["Input.".Length..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadOwnersAsync();
            return Page();
        }
        try
        {
            var control = string.IsNullOrWhiteSpace(Input.ControlRef) ? null : (Guid?)(await Attest.Controls.ControlReferences.ResolveAsync(db, Input.ControlRef, "ControlRef", token)).Single();
            var risk = string.IsNullOrWhiteSpace(Input.RiskRef) ? null : (Guid?)(await RiskReferences.ResolveAsync(db, Input.RiskRef, "RiskRef", token)).Single();
            var saved = await save.RunAsync(id, new CorrectiveActionInput(Input.Title ?? "", Input.Description, existing?.Source ?? NewSource, existing?.SourceId ?? NewSourceId,
                Input.OwnerId, Input.DueOn, Input.Status, Input.Status == ActionStatus.Done ? Input.CompletedOn : null, Input.Outcome, control, risk, Input.Version), token);
            TempData["Success"] = IsNew ? $"The action '{Input.Title?.Trim()}' has been raised." : $"The action '{Input.Title?.Trim()}' has been saved.";
            return Redirect(string.IsNullOrEmpty(ReturnUrl) ? $"/actions/{saved}" : ReturnUrl);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) Errors.AddRange(messages.Select(m => $"{field}: {m}"));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            Conflict = conflict.Message + " What you typed is kept below; saving again replaces the other change.";
            db.ChangeTracker.Clear();
            if (id is { } current) Input.Version = await db.CorrectiveActions.Where(a => a.Id == current).Select(a => a.Version).FirstOrDefaultAsync(token);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        db.ChangeTracker.Clear();
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (Refusal() is { } refused) return refused;
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!CanEdit) return Forbid();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(Detail!.Id, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Detail!.Reference} has been removed.";
            return Redirect(string.IsNullOrEmpty(ReturnUrl) ? "/actions" : ReturnUrl);
        }
        Fill(Detail!);
        await LoadOwnersAsync();
        return Page();
    }

    /// <summary>The address to go back to, when it is one of this app's own.</summary>
    public string BackUrl => string.IsNullOrEmpty(ReturnUrl) ? "/actions" : ReturnUrl;

    private bool MayCreate => acting.Role is { } role && Access.Allows(Access.Editor, role);

    /// <summary>A returnUrl that leaves the app (absolute, or protocol-relative like //example.com) is refused rather than followed.</summary>
    private IActionResult? Refusal() =>
        string.IsNullOrEmpty(ReturnUrl) || Url.IsLocalUrl(ReturnUrl) ? null : BadRequest("returnUrl must be an address in Attest (starting with a single /).");

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await CorrectiveActionRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var record = await db.CorrectiveActions.AsNoTracking().FirstAsync(a => a.Id == id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return null;
    }

    /// <summary>Reads ?source= and ?sourceId= of a new action: the record must exist here (a bad link answers 400 or 404, never a form that cannot save).</summary>
    private async Task<IActionResult?> ReadSourceAsync()
    {
        if (string.IsNullOrEmpty(Source) && string.IsNullOrEmpty(SourceId)) return null;
        if (!Enum.TryParse<ActionSource>(Source, ignoreCase: true, out var source) || !Enum.IsDefined(source) || int.TryParse(Source, out _))
        {
            return BadRequest($"source must be one of {string.Join(", ", Enum.GetNames<ActionSource>())}.");
        }
        if (source == ActionSource.Other) return null;
        if (!Guid.TryParse(SourceId, out var sourceId)) return BadRequest($"sourceId must name {CorrectiveActionSources.Noun(source)}.");
        if (!await CorrectiveActionSources.ExistsAsync(db, source, sourceId, HttpContext.RequestAborted)) return NotFound();
        (NewSource, NewSourceId) = (source, sourceId);
        NewSourceLabel = source switch
        {
            ActionSource.Incident => await db.Incidents.AsNoTracking().Where(i => i.Id == sourceId).Select(i => i.Reference + " " + i.Title).FirstOrDefaultAsync(HttpContext.RequestAborted),
            ActionSource.ContinuityExercise => await db.ContinuityExercises.AsNoTracking().Where(e => e.Id == sourceId).Select(e => e.Reference + " " + e.Title).FirstOrDefaultAsync(HttpContext.RequestAborted),
            ActionSource.Nonconformity => await db.Nonconformities.AsNoTracking().Where(n => n.Id == sourceId).Select(n => n.Reference + " " + n.Title).FirstOrDefaultAsync(HttpContext.RequestAborted),
            _ => null,
        };
        return null;
    }

    private void Fill(CorrectiveActionDetail d) => Input = new ActionForm
    {
        Title = d.Title, Description = d.Description, OwnerId = d.OwnerId, DueOn = d.DueOn, Status = d.Status, CompletedOn = d.CompletedOn, Outcome = d.Outcome,
        ControlRef = d.ControlLabel?.Split(' ')[0], RiskRef = d.RiskLabel?.Split(' ')[0], Version = d.Version,
    };

    /// <summary>Every member but Auditors may own an action: Employees carry out the actions they are given.</summary>
    private async Task LoadOwnersAsync() =>
        Owners = await db.Memberships.AsNoTracking().Where(m => m.Role != OrganizationRole.Auditor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new OwnerChoice(u.Id, u.DisplayName)).ToListAsync(HttpContext.RequestAborted);
}
