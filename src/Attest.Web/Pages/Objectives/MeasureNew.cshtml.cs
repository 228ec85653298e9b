using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>Adds a measure to an objective: Managers and Admins, and Contributors on objectives they own or co-own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class MeasureNewModel(AttestDbContext db, SaveMeasure save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ObjectiveId { get; set; }
    [BindProperty] public MeasureForm Input { get; set; } = new();
    public string Objective { get; private set; } = "";
    public IReadOnlyList<ObjectiveForms.Choice> People { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        Input = new MeasureForm { Source = MeasureSource.Computed, Comparison = TargetComparison.AtLeast, Target = 100, Unit = MeasureUnit.Percent };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        Guid id = default;
        if (Certification.CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, Input.ToInput(ObjectiveId), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The measure '{Input.Title?.Trim()}' has been added.";
            return Redirect($"/objectives/measures/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync()
    {
        if (!db.Objectives.Any(o => o.Id == ObjectiveId)) return NotFound();
        return await ObjectiveRules.MayEditAsync(db, ObjectiveId, HttpContext.RequestAborted) ? null : Forbid();
    }

    private async Task LoadAsync()
    {
        Objective = db.Objectives.Where(o => o.Id == ObjectiveId).Select(o => o.Reference + " " + o.Title).FirstOrDefault() ?? "";
        People = await ObjectiveForms.PeopleAsync(db, HttpContext.RequestAborted);
    }
}
