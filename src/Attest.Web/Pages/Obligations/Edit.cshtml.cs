using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Obligations;

/// <summary>
/// One obligation, or a new one (/obligations/new, ?kind=Licence for a licence): what it requires, whom and what it applies to, the
/// requirements and controls that meet it, the licence block with its state, and its regulatory events. Readers see it; Admins and
/// Managers edit any obligation, Contributors those they own.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveObligation save, RetireObligation retire, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class ObligationForm
    {
        public string? Title { get; set; }
        public ObligationKind Kind { get; set; }
        public string? Source { get; set; }
        public string? Jurisdiction { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public string? BusinessProcesses { get; set; }
        public string? Clients { get; set; }
        public DateOnly? ContractStartOn { get; set; }
        public DateOnly? ContractEndOn { get; set; }
        public ComplianceStatus Status { get; set; }
        public string? StatusReason { get; set; }
        public DateOnly? ReviewOn { get; set; }
        public Guid? HolderPersonId { get; set; }
        public string? Holder { get; set; }
        public string? IssuingBody { get; set; }
        public string? LicenceNumber { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public int RenewalLeadDays { get; set; }
        public string? Requirements { get; set; }
        public string? Controls { get; set; }
        public string? Assets { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public ObligationForm Input { get; set; } = new();

    public bool IsNew => Id == "new";
    public bool CanEdit { get; private set; }
    public ObligationDetail? Detail { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<Choice> People { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
            Input.Kind = IndexModel.Parse<ObligationKind>(Kind) ?? ObligationKind.Regulation;
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
            if (!MayCreate) return Forbid();
            CanEdit = true;
        }
        else
        {
            if (await LoadAsync() is { } missing) return missing;
            if (!CanEdit) return Forbid();
            id = Detail!.Id;
        }
        // A value the form cannot read (a kind or date typed by hand) is named, not silently replaced by a default.
        var unreadable = ModelState.Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        if (unreadable.Count > 0)
        {
            Errors.AddRange(unreadable.Select(e => $"{e.Key["Input.".Length..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync();
            return Page();
        }
        var i = Input;
        Guid saved = default;
        if (await this.TryAsync(db, Errors, async () => saved = await save.RunAsync(id, new ObligationInput(i.Title ?? "", i.Kind, i.Source, i.Jurisdiction, i.Description,
                i.OwnerId, i.BusinessProcesses, i.Clients, i.ContractStartOn, i.ContractEndOn, i.Status, i.StatusReason, i.ReviewOn, i.HolderPersonId, i.Holder,
                i.IssuingBody, i.LicenceNumber, i.ValidFrom, i.ValidUntil, i.RenewalLeadDays, i.Requirements ?? "", null, i.Controls ?? "", i.Assets ?? "", i.Version),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = IsNew ? $"The obligation '{i.Title?.Trim()}' has been recorded." : $"The obligation '{i.Title?.Trim()}' has been saved.";
            return Redirect($"/obligations/{saved}");
        }
        if (id is { } current && Response.StatusCode == StatusCodes.Status409Conflict)
        {
            Input.Version = await db.Obligations.Where(o => o.Id == current).Select(o => o.Version).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(int version, bool retired)
    {
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!CanEdit) return Forbid();
        if (await this.TryAsync(db, Errors, () => retire.RunAsync(Detail!.Id, version, retired, HttpContext.RequestAborted)))
        {
            TempData["Success"] = retired ? $"{Detail!.Reference} has been retired." : $"{Detail!.Reference} is in force again.";
            return Redirect($"/obligations/{Detail!.Id}");
        }
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private bool MayCreate => acting.Role is { } role && Access.Allows(Access.Editor, role);

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await ObligationRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var record = await db.Obligations.AsNoTracking().FirstAsync(o => o.Id == id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return null;
    }

    private void Fill(ObligationDetail d) => Input = new ObligationForm
    {
        Title = d.Title, Kind = d.Kind, Source = d.Source, Jurisdiction = d.Jurisdiction, Description = d.Description, OwnerId = d.OwnerId,
        BusinessProcesses = d.BusinessProcesses, Clients = d.Clients, ContractStartOn = d.ContractStartOn, ContractEndOn = d.ContractEndOn, Status = d.Status,
        StatusReason = d.StatusReason, ReviewOn = d.ReviewOn, HolderPersonId = d.HolderPersonId, Holder = d.HolderPersonId is null ? d.Holder : null,
        IssuingBody = d.IssuingBody, LicenceNumber = d.LicenceNumber, ValidFrom = d.ValidFrom, ValidUntil = d.ValidUntil, RenewalLeadDays = d.RenewalLeadDays,
        Requirements = string.Join(", ", d.Requirements.Select(r => $"{r.FrameworkKey} {r.Code}")), Controls = string.Join(", ", d.Controls.Select(c => c.Reference)),
        Assets = string.Join(", ", d.Assets.Select(a => a.Reference)), Version = d.Version,
    };

    /// <summary>Owners are members who edit ISMS records; licence holders are the people of the personnel register.</summary>
    private async Task LoadChoicesAsync()
    {
        if (!CanEdit) return;
        var token = HttpContext.RequestAborted;
        Owners = await db.Memberships.AsNoTracking().Where(m => m.Role == OrganizationRole.Admin || m.Role == OrganizationRole.Manager || m.Role == OrganizationRole.Contributor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
        People = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(token);
    }
}
