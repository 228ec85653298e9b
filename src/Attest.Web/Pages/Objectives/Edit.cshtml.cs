using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>Edits an objective: Managers and Admins any, Contributors those they own or co-own. A stale version comes back as a conflict.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class EditModel(AttestDbContext db, SaveObjective save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ObjectiveForm Input { get; set; } = new();
    public string Reference { get; private set; } = "";
    public IReadOnlyList<ObjectiveForms.Choice> People { get; private set; } = [];
    public IReadOnlyList<ObjectiveForms.Choice> Frameworks { get; private set; } = [];
    public IReadOnlyList<ObjectiveForms.Choice> Parents { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        var d = await ObjectiveRegister.DetailAsync(db, Id, HttpContext.RequestAborted);
        var r = d.Row;
        Reference = r.Reference;
        Input = new ObjectiveForm
        {
            Title = r.Title, Goal = d.Goal, Kind = r.Kind, ParentId = r.ParentId, OwnerId = r.OwnerId, CoOwnerIds = d.CoOwnerIds.ToList(), StartOn = r.StartOn,
            TargetOn = r.TargetOn, ReviewCadence = r.ReviewCadence, Frameworks = d.FrameworkKeys.ToList(), Status = r.Status, Version = d.Version,
        };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        if (Certification.CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, () => save.RunAsync(Id, Input.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The objective has been saved.";
            return Redirect($"/objectives/{Id}");
        }
        Reference = db.Objectives.Where(o => o.Id == Id).Select(o => o.Reference).FirstOrDefault() ?? "";
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync()
    {
        if (!db.Objectives.Any(o => o.Id == Id)) return NotFound();
        return await ObjectiveRules.MayEditAsync(db, Id, HttpContext.RequestAborted) ? null : Forbid();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        People = await ObjectiveForms.PeopleAsync(db, token);
        Frameworks = await ObjectiveForms.FrameworksAsync(db, token);
        Parents = await ObjectiveForms.StrategicAsync(db, Id, token);
    }
}
