using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Nonconformities;

/// <summary>
/// One nonconformity — what was found, root cause and correction, its corrective actions, the effectiveness checks — or a new one
/// (/nonconformities/new?source=Incident&amp;sourceId=…&amp;returnUrl=…, the address other registers link to). Readers see it; Admins and
/// Managers act on any, Contributors on those they own; a Manager or Admin other than the owner checks effectiveness.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ShowModel(AttestDbContext db, IAuthorizationService authorization, ActingContext acting, RaiseNonconformity raise, UpdateNonconformity update,
    RecordRootCauseAndCorrection recordCause, SubmitNonconformityForVerification submit, RecordEffectivenessCheck check, CloseObservation close,
    ReopenNonconformity reopen) : PageModel
{
    public sealed record Choice(string Value, string Name);

    public sealed class NonconformityForm
    {
        public string? Title { get; set; }
        public FindingGrade Grade { get; set; } = FindingGrade.Minor;
        public string? Description { get; set; }
        public string? FrameworkKey { get; set; }
        public string? RequirementCode { get; set; }
        public string? ControlRef { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? ExternalReference { get; set; }
        public DateOnly? RaisedOn { get; set; }
        public string? RaisedBy { get; set; }
        public int Version { get; set; }
    }

    public sealed class CauseForm
    {
        public string? RootCause { get; set; }
        public string? Correction { get; set; }
    }

    public sealed class CheckForm
    {
        public bool? Effective { get; set; }
        public DateOnly? CheckedOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? SourceId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public NonconformityForm Input { get; set; } = new();
    [BindProperty] public CauseForm Cause { get; set; } = new();
    [BindProperty] public CheckForm Check { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool CorrectionSufficient { get; set; }
    [BindProperty] public int Version { get; set; }

    public bool IsNew => Id == "new";
    public NonconformityDetail? Detail { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>Internal audits that re-audit this finding's requirement (clause 10.2: was the correction effective?), latest first.</summary>
    public IReadOnlyList<Attest.InternalAudits.ReauditRow> Reaudits { get; private set; } = [];
    public NonconformitySource NewSource { get; private set; }
    public Guid? NewSourceId { get; private set; }
    public string? NewSourceLabel { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<Choice> Frameworks { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>A Manager or Admin who does not own it checks one awaiting verification.</summary>
    public bool CanCheck => Detail is { Status: NonconformityStatus.AwaitingVerification } d && IsManager && acting.UserId != d.OwnerId;
    public bool CanReopen => Detail is { Status: not NonconformityStatus.Open } && IsManager;
    private bool IsManager => acting.Role is { } role && Access.Allows(Access.Manager, role);
    private bool MayCreate => acting.Role is { } role && Access.Allows(Access.Editor, role);

    /// <summary>The address to go back to, when it is one of this app's own.</summary>
    public string BackUrl => string.IsNullOrEmpty(ReturnUrl) ? "/nonconformities" : ReturnUrl;

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
            Fill();
        }
        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>Raises a new nonconformity, or saves what an existing one says.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (Refusal() is { } refused) return refused;
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
        }
        var token = HttpContext.RequestAborted;
        var unreadable = ModelState.Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        if (unreadable.Count > 0)
        {
            Errors.AddRange(unreadable.Select(e => $"{e.Key["Input.".Length..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync();
            return Page();
        }
        Guid saved = default;
        var ok = await this.TryAsync(db, Errors, async () =>
        {
            var control = string.IsNullOrWhiteSpace(Input.ControlRef) ? null : (Guid?)(await Attest.Controls.ControlReferences.ResolveAsync(db, Input.ControlRef, "ControlRef", token)).Single();
            var key = string.IsNullOrWhiteSpace(Input.RequirementCode) ? null : Input.FrameworkKey;
            if (IsNew)
            {
                saved = await raise.RunAsync(new NonconformityInput(Input.Title ?? "", Input.Grade, Input.Description, NewSource, NewSourceId, Input.ExternalReference, null, control,
                    Input.RaisedOn, Input.RaisedBy, Input.OwnerId, Input.DueOn, key, Input.RequirementCode), token);
            }
            else
            {
                saved = Detail!.Id;
                await update.RunAsync(saved, new NonconformityChange(Input.Title ?? "", Input.Grade, Input.Description, null, key, Input.RequirementCode, control, Input.OwnerId,
                    Input.DueOn, Input.ExternalReference, Input.Version), token);
            }
        });
        if (ok)
        {
            TempData["Success"] = IsNew ? $"'{Input.Title?.Trim()}' has been raised." : $"'{Input.Title?.Trim()}' has been saved.";
            return Redirect(IsNew && !string.IsNullOrEmpty(ReturnUrl) ? ReturnUrl : $"/nonconformities/{saved}");
        }
        if (!IsNew && Response.StatusCode == StatusCodes.Status409Conflict)
        {
            Input.Version = await db.Nonconformities.Where(n => n.Id == Detail!.Id).Select(n => n.Version).FirstOrDefaultAsync(token);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public Task<IActionResult> OnPostCauseAsync() =>
        StepAsync(editor: true, () => recordCause.RunAsync(Detail!.Id, Cause.RootCause, Cause.Correction, Version, HttpContext.RequestAborted), "The root cause and correction have been saved.");

    public Task<IActionResult> OnPostSubmitAsync() =>
        StepAsync(editor: true, () => submit.RunAsync(Detail!.Id, CorrectionSufficient, Note, Version, HttpContext.RequestAborted), "Submitted for verification.");

    public Task<IActionResult> OnPostCheckAsync() =>
        StepAsync(editor: false, () => Check.Effective is { } effective
            ? check.RunAsync(Detail!.Id, Check.CheckedOn, effective, Note, Version, HttpContext.RequestAborted)
            : throw ValidationFailedException.For("Effective", "say whether the corrections were effective."), "The effectiveness check has been recorded.");

    public Task<IActionResult> OnPostCloseAsync() =>
        StepAsync(editor: true, () => close.RunAsync(Detail!.Id, Note, Version, HttpContext.RequestAborted), "Closed.");

    public Task<IActionResult> OnPostReopenAsync() =>
        StepAsync(editor: false, () => reopen.RunAsync(Detail!.Id, Note, Version, HttpContext.RequestAborted), "Reopened.");

    /// <summary>One workflow step: editors (or Managers, for checks and reopening) run it; the page comes back with the message when a rule is broken.</summary>
    private async Task<IActionResult> StepAsync(bool editor, Func<Task> step, string success)
    {
        if (Refusal() is { } refused) return refused;
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (editor ? !CanEdit : !IsManager) return Forbid();
        if (ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => $"{e.Key}: '{e.Value!.AttemptedValue}' is not a valid value.").ToList() is { Count: > 0 } unreadable)
        {
            Errors.AddRange(unreadable);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, step))
        {
            TempData["Success"] = success;
            return Redirect($"/nonconformities/{Detail!.Id}");
        }
        Fill();
        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>A returnUrl that leaves the app (absolute, or protocol-relative like //example.com) is refused rather than followed.</summary>
    private IActionResult? Refusal() =>
        string.IsNullOrEmpty(ReturnUrl) || Url.IsLocalUrl(ReturnUrl) ? null : BadRequest("returnUrl must be an address in Attest (starting with a single /).");

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await NonconformityRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var record = await db.Nonconformities.AsNoTracking().FirstAsync(n => n.Id == id, HttpContext.RequestAborted);
        Reaudits = await Attest.InternalAudits.InternalAuditRegister.ReauditsOfAsync(db, id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return null;
    }

    /// <summary>Reads ?source= and ?sourceId= of a new nonconformity: the record must exist here (a bad link answers 400 or 404, never a form that cannot save).</summary>
    private async Task<IActionResult?> ReadSourceAsync()
    {
        if (string.IsNullOrEmpty(Source) && string.IsNullOrEmpty(SourceId)) return null;
        if (!Enum.TryParse<NonconformitySource>(Source, ignoreCase: true, out var source) || !Enum.IsDefined(source) || int.TryParse(Source, out _))
        {
            return BadRequest($"source must be one of {string.Join(", ", Enum.GetNames<NonconformitySource>())}.");
        }
        if (source == NonconformitySource.Manual) return null;
        if (!Guid.TryParse(SourceId, out var sourceId)) return BadRequest($"sourceId must name {NonconformitySources.Noun(source)}.");
        if (!await NonconformitySources.ExistsAsync(db, source, sourceId, HttpContext.RequestAborted)) return NotFound();
        (NewSource, NewSourceId) = (source, sourceId);
        NewSourceLabel = await NonconformitySources.LabelAsync(db, source, sourceId, HttpContext.RequestAborted);
        return null;
    }

    private void Fill()
    {
        var d = Detail!;
        if (Input.Version == 0)
        {
            Input = new NonconformityForm
            {
                Title = d.Title, Grade = d.Grade, Description = d.Description, FrameworkKey = d.FrameworkKey, RequirementCode = d.RequirementCode,
                ControlRef = d.ControlLabel?.Split(' ')[0], OwnerId = d.OwnerId, DueOn = d.DueOn, ExternalReference = d.ExternalReference, Version = d.Version,
            };
        }
        if (Cause.RootCause is null && Cause.Correction is null) Cause = new CauseForm { RootCause = d.RootCause, Correction = d.Correction };
        Version = d.Version;
    }

    /// <summary>Owners are the people who may act on the register (Admins, Managers, Contributors); frameworks name requirements.</summary>
    private async Task LoadChoicesAsync()
    {
        if (Detail is not null && !CanEdit && !IsNew) return;
        var token = HttpContext.RequestAborted;
        Owners = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Attest.Organizations.OrganizationRole.Admin || m.Role == Attest.Organizations.OrganizationRole.Manager || m.Role == Attest.Organizations.OrganizationRole.Contributor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id.ToString(), u.DisplayName)).ToListAsync(token);
        Frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.Name).Select(f => new Choice(f.Key, f.Name)).ToListAsync(token);
    }
}
