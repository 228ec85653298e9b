using Attest.Data;
using Attest.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Exceptions;

/// <summary>
/// One exception, or a new request (/exceptions/new). Readers see it; Admins, Managers and Contributors request; the request is edited while it
/// waits by its owner (or an Admin or Manager); approve, reject and revoke are offered to every role above Employee except Auditors, and the use
/// case decides by the approver's authority under the risk methodology.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, ActingContext acting, RequestException request, UpdateException update,
    ApproveException approve, RejectException reject, RevokeException revoke, CloseException close, RenewException renew) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class ExceptionForm
    {
        public string? Title { get; set; }
        public ExceptionSubject Subject { get; set; }
        public string? PolicyRef { get; set; }
        public string? PolicySection { get; set; }
        public string? ControlRef { get; set; }
        public string? AssetRef { get; set; }
        public string? Reason { get; set; }
        public string? CompensatingControls { get; set; }
        public string? RiskRef { get; set; }
        public string? RiskLevel { get; set; }
        public bool UseAcceptance { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public ExceptionForm Input { get; set; } = new();

    public bool IsNew => Id == "new";
    public bool CanEdit { get; private set; }
    public ExceptionDetail? Detail { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>Every role above Employee but Auditors may decide; whether this person's authority covers the level is the use case's to say.</summary>
    public Guid? ActingUserId => acting.UserId;

    public bool MayDecide => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            if (!MayDecide) return Forbid();
            Input.OwnerId = acting.UserId;
            CanEdit = true;
        }
        else
        {
            if (await LoadAsync() is { } missing) return missing;
            Fill(Detail!);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid? id = null;
        if (IsNew)
        {
            if (!MayDecide) return Forbid();
            CanEdit = true;
        }
        else
        {
            if (await LoadAsync() is { } missing) return missing;
            if (!CanEdit) return Forbid();
            id = Detail!.Id;
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
        if (await this.TryAsync(db, Errors, async () =>
            {
                var input = await InputAsync(token);
                if (id is { } existing)
                {
                    await update.RunAsync(existing, input, token);
                    saved = existing;
                }
                else saved = await request.RunAsync(input, token);
            }))
        {
            TempData["Success"] = IsNew ? $"The exception '{Input.Title?.Trim()}' has been requested." : $"The exception '{Input.Title?.Trim()}' has been saved.";
            return Redirect($"/exceptions/{saved}");
        }
        await LoadChoicesAsync();
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(DateOnly? validUntil, string? note, int version) =>
        DecideAsync(() => approve.RunAsync(Detail!.Id, validUntil, note, version, HttpContext.RequestAborted), "approved");

    public Task<IActionResult> OnPostRejectAsync(string? note, int version) =>
        DecideAsync(() => reject.RunAsync(Detail!.Id, note, version, HttpContext.RequestAborted), "rejected");

    public Task<IActionResult> OnPostRevokeAsync(string? note, int version) =>
        DecideAsync(() => revoke.RunAsync(Detail!.Id, note, version, HttpContext.RequestAborted), "revoked");

    public async Task<IActionResult> OnPostCloseAsync(string? note, int version)
    {
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!CanEdit && Detail!.RequestedByUserId != acting.UserId) return Forbid();
        return await RunAsync(() => close.RunAsync(Detail!.Id, note, version, HttpContext.RequestAborted), "closed");
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!MayDecide) return Forbid();
        Guid renewed = default;
        if (await this.TryAsync(db, Errors, async () => renewed = await renew.RunAsync(Detail!.Id, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Detail!.Reference} has been renewed as a new request awaiting decision.";
            return Redirect($"/exceptions/{renewed}");
        }
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private async Task<IActionResult> DecideAsync(Func<Task> decide, string done)
    {
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!MayDecide) return Forbid();
        return await RunAsync(decide, done);
    }

    private async Task<IActionResult> RunAsync(Func<Task> step, string done)
    {
        if (await this.TryAsync(db, Errors, step))
        {
            TempData["Success"] = $"{Detail!.Reference} has been {done}.";
            return Redirect($"/exceptions/{Detail.Id}");
        }
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private async Task<ExceptionInput> InputAsync(CancellationToken token)
    {
        var risk = await ExceptionReferences.RiskAsync(db, Input.RiskRef, "RiskRef", token);
        var document = Input.Subject == ExceptionSubject.Policy ? await ExceptionReferences.DocumentAsync(db, Input.PolicyRef, "PolicyRef", token) : null;
        var control = Input.Subject == ExceptionSubject.Control ? await ExceptionReferences.ControlAsync(db, Input.ControlRef, "ControlRef", token) : null;
        var asset = Input.Subject == ExceptionSubject.Asset ? await ExceptionReferences.AssetAsync(db, Input.AssetRef, "AssetRef", token) : null;
        Guid? acceptance = null;
        if (Input.UseAcceptance && risk is { } riskId)
        {
            acceptance = await db.RiskAcceptances.AsNoTracking().Where(a => a.RiskId == riskId).OrderByDescending(a => a.AcceptedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(token)
                ?? throw ValidationFailedException.For("UseAcceptance", $"{Input.RiskRef?.Trim()} has no recorded acceptance to rely on.");
        }
        return new ExceptionInput(Input.Title ?? "", Input.Subject, document, Input.PolicySection, control, asset, Input.Reason, Input.CompensatingControls, risk,
            risk is null ? Input.RiskLevel : null, acceptance, Input.OwnerId, Input.ValidUntil, Input.Version);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await ExceptionRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var record = await db.ComplianceExceptions.AsNoTracking().FirstAsync(e => e.Id == id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return null;
    }

    private void Fill(ExceptionDetail d) => Input = new ExceptionForm
    {
        Title = d.Title, Subject = d.Subject, PolicyRef = d.DocumentLabel?.Split(' ')[0], PolicySection = d.PolicySection, ControlRef = d.ControlLabel?.Split(' ')[0],
        AssetRef = d.AssetLabel?.Split(' ')[0], Reason = d.Reason, CompensatingControls = d.CompensatingControls, RiskRef = d.RiskLabel?.Split(' ')[0],
        RiskLevel = d.RiskId is null ? d.RiskLevelName : null, UseAcceptance = d.RiskAcceptanceId is not null, OwnerId = d.OwnerId, ValidUntil = d.ValidUntil, Version = d.Version,
    };

    /// <summary>Owners (members who may edit records) and the levels of the current methodology: two queries.</summary>
    private async Task LoadChoicesAsync()
    {
        var token = HttpContext.RequestAborted;
        Owners = await db.Memberships.AsNoTracking().Where(m => m.Role != OrganizationRole.Auditor && m.Role != OrganizationRole.Employee)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
        Levels = (await Attest.Risks.RiskMethodologies.CurrentAsync(db, token))?.Definition.Levels.Select(l => l.Name).ToList() ?? [];
    }
}
