using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>Edits or retires a measure; its stored values keep the targets they were judged against.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class MeasureEditModel(AttestDbContext db, SaveMeasure save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MeasureForm Input { get; set; } = new();
    public Guid ObjectiveId { get; private set; }
    public IReadOnlyList<ObjectiveForms.Choice> People { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        var m = db.Measures.First(x => x.Id == Id);
        Input = new MeasureForm
        {
            Title = m.Title, Description = m.Description, Source = m.Source, LibraryKey = m.LibraryKey, DataSourceNote = m.DataSourceNote, Comparison = m.Comparison,
            Target = m.Target, Direction = m.Direction, AmberThreshold = m.AmberThreshold, Unit = m.Unit, Frequency = m.Frequency, OwnerId = m.OwnerId,
            Position = m.Position, Retired = m.Retired, Version = m.Version,
        };
        People = await ObjectiveForms.PeopleAsync(db, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseAsync() is { } refusal) return refusal;
        if (Certification.CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, () => save.RunAsync(Id, Input.ToInput(ObjectiveId), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The measure has been saved.";
            return Redirect($"/objectives/measures/{Id}");
        }
        People = await ObjectiveForms.PeopleAsync(db, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync()
    {
        var objective = db.Measures.Where(m => m.Id == Id).Select(m => (Guid?)m.ObjectiveId).FirstOrDefault();
        if (objective is null) return NotFound();
        ObjectiveId = objective.Value;
        return await ObjectiveRules.MayEditAsync(db, ObjectiveId, HttpContext.RequestAborted) ? null : Forbid();
    }
}
