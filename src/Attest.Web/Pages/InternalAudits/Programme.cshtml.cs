using Attest.Data;
using Attest.InternalAudits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.InternalAudits;

/// <summary>
/// One audit programme: what it covers, its coverage over the cycle per framework (clauses and controls audited, and those not yet by clause
/// or theme), and its audits on a timeline. Managers and Admins plan the cycle and edit it.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ProgrammeModel(AttestDbContext db, ActingContext acting, SaveAuditProgramme save, PlanAuditCycle plan) : PageModel
{
    public sealed class ProgrammeForm
    {
        public string? Name { get; set; }
        public DateOnly? CycleStart { get; set; }
        public DateOnly? CycleEnd { get; set; }
        public int AuditsPerYear { get; set; } = 4;
        public string? FrameworkKeys { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public bool Archived { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ProgrammeForm P { get; set; } = new();

    public AuditProgrammeDetail? Detail { get; private set; }
    public IReadOnlyList<InternalAuditLabels.Person> People { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync()) return NotFound();
        var bad = ModelState.Where(e => e.Key.StartsWith("P.", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        Errors.AddRange(bad.Select(e => $"{e.Key[2..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
        if (bad.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (await this.TryAsync(db, Errors, () => save.RunAsync(Id, new AuditProgrammeInput(P.Name ?? "", P.CycleStart ?? default, P.CycleEnd ?? default, P.AuditsPerYear,
                     P.FrameworkKeys, P.Description, P.OwnerId, P.Archived, P.Version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The programme has been saved.";
            return Redirect($"/internal-audits/programmes/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync()
    {
        if (!CanEdit) return Forbid();
        var created = 0;
        if (await this.TryAsync(db, Errors, async () => created = await plan.RunAsync(Id, HttpContext.RequestAborted)))
        {
            TempData["Success"] = created == 0 ? "Every period of the cycle already has an audit." : $"{created} audit{(created == 1 ? " has" : "s have")} been planned.";
            return Redirect($"/internal-audits/programmes/{Id}#audits");
        }
        if (!await LoadAsync()) return NotFound();
        Fill();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await InternalAuditRegister.ProgrammeAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        if (CanEdit) People = await InternalAuditLabels.PeopleAsync(db, HttpContext.RequestAborted);
        return true;
    }

    private void Fill()
    {
        var p = Detail!.Programme;
        P = new ProgrammeForm
        {
            Name = p.Name, CycleStart = p.CycleStart, CycleEnd = p.CycleEnd, AuditsPerYear = p.AuditsPerYear, FrameworkKeys = string.Join(", ", Detail.FrameworkKeys),
            Description = Detail.Description, OwnerId = p.OwnerId, Archived = p.Archived, Version = p.Version,
        };
    }
}
