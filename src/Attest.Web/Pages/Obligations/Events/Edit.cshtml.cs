using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Obligations.Events;

/// <summary>
/// One violation or regulatory event, or a new one (/obligations/events/new?obligationId=…). The incident and nonconformity are named by
/// reference (INC-0001, NC-001). Readers see it; Admins and Managers edit any event, Contributors those they own.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveRegulatoryEvent save, RemoveRegulatoryEvent remove, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class EventForm
    {
        public string? Title { get; set; }
        public RegulatoryEventKind Kind { get; set; }
        public Guid? ObligationId { get; set; }
        public string? Description { get; set; }
        public string? Authority { get; set; }
        public DateOnly? OccurredOn { get; set; }
        public DateOnly? ReportedOn { get; set; }
        public decimal? FineAmount { get; set; }
        public string? FineCurrency { get; set; }
        public RegulatoryEventStatus Status { get; set; }
        public DateOnly? ClosedOn { get; set; }
        public string? Outcome { get; set; }
        public string? IncidentRef { get; set; }
        public string? NonconformityRef { get; set; }
        public Guid? OwnerId { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public Guid? ObligationId { get; set; }
    [BindProperty] public EventForm Input { get; set; } = new();

    public bool IsNew => Id == "new";
    public bool CanEdit { get; private set; }
    public RegulatoryEventDetail? Detail { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<Choice> Obligations { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
            Input.ObligationId = ObligationId;
            Input.OccurredOn = await ObligationRegister.TodayAsync(db, HttpContext.RequestAborted);
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
            id = Detail!.Event.Id;
        }
        var unreadable = ModelState.Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        if (unreadable.Count > 0)
        {
            Errors.AddRange(unreadable.Select(e => $"{e.Key["Input.".Length..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync();
            return Page();
        }
        var token = HttpContext.RequestAborted;
        var i = Input;
        Guid saved = default;
        if (await this.TryAsync(db, Errors, async () =>
            {
                var incident = await ResolveAsync(db.Incidents.Select(x => new { x.Id, x.Reference }).Where(x => x.Reference == (i.IncidentRef ?? "").Trim()).Select(x => (Guid?)x.Id),
                    i.IncidentRef, "IncidentRef", "an incident", token);
                var nonconformity = await ResolveAsync(db.Nonconformities.Where(x => x.Reference == (i.NonconformityRef ?? "").Trim()).Select(x => (Guid?)x.Id),
                    i.NonconformityRef, "NonconformityRef", "a nonconformity", token);
                saved = await save.RunAsync(id, new RegulatoryEventInput(i.Title ?? "", i.Kind, i.ObligationId, i.Description, i.Authority, i.OccurredOn, i.ReportedOn,
                    i.FineAmount, i.FineCurrency, i.Status, i.Status == RegulatoryEventStatus.Closed ? i.ClosedOn : null, i.Outcome, incident, nonconformity, i.OwnerId, i.Version), token);
            }))
        {
            TempData["Success"] = IsNew ? $"The event '{i.Title?.Trim()}' has been recorded." : $"The event '{i.Title?.Trim()}' has been saved.";
            return Redirect($"/obligations/events/{saved}");
        }
        if (id is { } current && Response.StatusCode == StatusCodes.Status409Conflict)
        {
            Input.Version = await db.RegulatoryEvents.Where(e => e.Id == current).Select(e => e.Version).FirstOrDefaultAsync(token);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (IsNew || await LoadAsync() is not null) return NotFound();
        if (!CanEdit) return Forbid();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(Detail!.Event.Id, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Detail!.Event.Reference} has been removed.";
            return Redirect("/obligations/events");
        }
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private bool MayCreate => acting.Role is { } role && Access.Allows(Access.Editor, role);

    /// <summary>A reference typed into the form: empty means none; one that names nothing is an error on its field.</summary>
    private static async Task<Guid?> ResolveAsync(IQueryable<Guid?> lookup, string? reference, string field, string noun, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        return await lookup.FirstOrDefaultAsync(token) ?? throw ValidationFailedException.For(field, $"{reference.Trim()} is not {noun} reference here.");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            Detail = await RegulatoryEventRegister.DetailAsync(db, id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        var record = await db.RegulatoryEvents.AsNoTracking().FirstAsync(e => e.Id == id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return null;
    }

    private void Fill(RegulatoryEventDetail d)
    {
        var e = d.Event;
        Input = new EventForm
        {
            Title = e.Title, Kind = e.Kind, ObligationId = e.ObligationId, Description = d.Description, Authority = e.Authority, OccurredOn = e.OccurredOn,
            ReportedOn = e.ReportedOn, FineAmount = e.FineAmount, FineCurrency = e.FineCurrency, Status = e.Status, ClosedOn = e.ClosedOn, Outcome = d.Outcome,
            IncidentRef = e.IncidentReference, NonconformityRef = e.NonconformityReference, OwnerId = e.OwnerId, Version = e.Version,
        };
    }

    private async Task LoadChoicesAsync()
    {
        if (!CanEdit) return;
        var token = HttpContext.RequestAborted;
        Owners = await db.Memberships.AsNoTracking().Where(m => m.Role == OrganizationRole.Admin || m.Role == OrganizationRole.Manager || m.Role == OrganizationRole.Contributor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
        Obligations = await db.Obligations.AsNoTracking().OrderBy(o => o.Reference).Select(o => new Choice(o.Id, o.Reference + " " + o.Title)).ToListAsync(token);
    }
}
