using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.People;

/// <summary>
/// One person: details, manager and reports, groups, the access they still hold, and their onboarding and offboarding checklists.
/// Readers read; Managers edit, record leavers and tick checklist items.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, ActingContext acting, SavePerson save, DeactivatePerson deactivate, StartPersonChecklist start,
    TickChecklistItem tick, RemovePersonChecklist removeChecklist) : PageModel
{
    public sealed class PersonForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public PersonType Type { get; set; }
        public string? Department { get; set; }
        public Guid? ManagerId { get; set; }
        public string? Role { get; set; }
        public string? Location { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public ScreeningStatus Screening { get; set; }
        public DateOnly? ScreenedOn { get; set; }
        public DateOnly? ConfidentialitySignedOn { get; set; }
        public string? ConfidentialityTerms { get; set; }
        public Guid? UserId { get; set; }
        public bool Active { get; set; } = true;
        public int Version { get; set; }
    }

    public sealed record UserChoice(Guid Id, string Name, string Email);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public PersonForm Input { get; set; } = new();
    public PersonDetail? Detail { get; private set; }
    public IReadOnlyList<PersonChoice> Managers { get; private set; } = [];
    public IReadOnlyList<UserChoice> Users { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Conflict { get; private set; }
    public bool IsNew => Id == "new";
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            if (!CanManage) return Forbid();
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || !await db.People.AnyAsync(p => p.Id == id, HttpContext.RequestAborted)) return NotFound();
            await DescribeAsync(id);
            Fill(Detail!);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        Guid? id = null;
        if (!IsNew)
        {
            if (!Guid.TryParse(Id, out var existing) || !await db.People.AnyAsync(p => p.Id == existing, HttpContext.RequestAborted)) return NotFound();
            id = existing;
        }
        var input = new PersonInput(Input.Name ?? "", Input.Email ?? "", Input.Type, Input.Department, Input.ManagerId, Input.Role, Input.Location, Input.StartDate, Input.EndDate,
            Input.Screening, Input.ScreenedOn, Input.ConfidentialitySignedOn, Input.ConfidentialityTerms, Input.UserId, Input.Active, Input.Version);
        try
        {
            id = await save.RunAsync(id, input, PersonSource.Manual, HttpContext.RequestAborted);
            TempData["Success"] = $"{input.Name.Trim()} has been saved.";
            return Redirect($"/people/{id}");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var message in messages) ModelState.AddModelError(field, message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message + " What you typed is kept below; saving again replaces the other change.";
            Input.Version = await db.People.Where(p => p.Id == id).Select(p => p.Version).FirstAsync(HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        db.ChangeTracker.Clear();
        if (id is { } known) await DescribeAsync(known);
        await LoadChoicesAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(DateOnly? lastDay, int version) => ActionAsync(async id =>
    {
        await deactivate.RunAsync(id, lastDay, version, HttpContext.RequestAborted);
        return $"{Detail!.Name} is recorded as a leaver.";
    });

    public Task<IActionResult> OnPostStartChecklistAsync(ChecklistKind kind) => ActionAsync(async id =>
    {
        await start.RunAsync(id, kind, HttpContext.RequestAborted);
        return $"The {kind.ToString().ToLowerInvariant()} checklist has started.";
    });

    public Task<IActionResult> OnPostTickAsync(Guid itemId, bool done, string? note, int version) => ActionAsync(async id =>
    {
        if (!Detail!.Checklists.Any(c => c.Items.Any(i => i.Id == itemId))) throw new RecordNotFoundException("Checklist item", itemId);
        await tick.RunAsync(itemId, done, note, version, HttpContext.RequestAborted);
        return done ? "The item is done." : "The item is open again.";
    });

    public Task<IActionResult> OnPostRemoveChecklistAsync(Guid checklistId, int version) => ActionAsync(async id =>
    {
        if (!Detail!.Checklists.Any(c => c.Id == checklistId)) throw new RecordNotFoundException("Checklist", checklistId);
        await removeChecklist.RunAsync(checklistId, version, HttpContext.RequestAborted);
        return "The checklist has been removed.";
    });

    /// <summary>Runs an action on the person and returns to them; on failure the page shows why with the right status.</summary>
    private async Task<IActionResult> ActionAsync(Func<Guid, Task<string>> action)
    {
        if (!CanManage) return Forbid();
        if (!Guid.TryParse(Id, out var id) || !await db.People.AnyAsync(p => p.Id == id, HttpContext.RequestAborted)) return NotFound();
        await DescribeAsync(id);
        string? message = null;
        if (await this.TryAsync(db, Errors, async () => message = await action(id)))
        {
            TempData["Success"] = message;
            return Redirect($"/people/{id}");
        }
        Fill(Detail!);
        await LoadChoicesAsync();
        return Page();
    }

    private void Fill(PersonDetail d) => Input = new PersonForm
    {
        Name = d.Name, Email = d.Email, Type = d.Type, Department = d.Department, ManagerId = d.ManagerId, Role = d.Role, Location = d.Location, StartDate = d.StartDate,
        EndDate = d.EndDate, Screening = d.Screening, ScreenedOn = d.ScreenedOn, ConfidentialitySignedOn = d.ConfidentialitySignedOn, ConfidentialityTerms = d.ConfidentialityTerms,
        UserId = d.UserId, Active = d.Active, Version = d.Version,
    };

    private async Task DescribeAsync(Guid id) => Detail = await PersonQueries.DetailAsync(db, id, HttpContext.RequestAborted);

    private async Task LoadChoicesAsync()
    {
        var token = HttpContext.RequestAborted;
        Managers = await PersonQueries.ChoicesAsync(db, token);
        Users = await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new UserChoice(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(token);
    }
}
