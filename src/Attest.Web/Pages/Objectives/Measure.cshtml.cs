using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>
/// One measure: its definition, a trend chart with the target line, every stored value with its kind, taker and note, the records behind
/// the latest value (anchor #records, where the dashboard drills down), "take a measurement now" for a computed measure and "enter a
/// value" for a manual one. Readers see it.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class MeasureModel(AttestDbContext db, TakeMeasurements take, RecordManualMeasurement record) : PageModel
{
    public sealed class ValueForm
    {
        public decimal? Value { get; set; }
        public string? Note { get; set; }
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }
        public Guid? EvidenceId { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ValueForm Input { get; set; } = new();
    public MeasureDetail? Detail { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanRecord { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSnapshotAsync()
    {
        var objective = db.Measures.Where(m => m.Id == Id).Select(m => (Guid?)m.ObjectiveId).FirstOrDefault();
        if (objective is null) return NotFound();
        if (!await ObjectiveRules.MayEditAsync(db, objective.Value, HttpContext.RequestAborted)) return Forbid();
        MeasurementRun? run = null;
        if (await this.TryAsync(db, Errors, async () => run = await take.RunAsync(MeasurementKind.OnDemand, null, HttpContext.RequestAborted, Id)))
        {
            TempData["Success"] = run!.Measured > 0 ? $"A value for {run.Period.Label} has been taken." : $"Taken for {run.Period.Label}: there was nothing to measure.";
            return Redirect($"/objectives/measures/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        if (!db.Measures.Any(m => m.Id == Id)) return NotFound();
        if (!await ObjectiveRules.MayRecordAsync(db, Id, HttpContext.RequestAborted)) return Forbid();
        if (Certification.CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, () => record.RunAsync(Id, new ManualMeasurementInput(Input.Value, Input.Note, Input.PeriodStart, Input.PeriodEnd, Input.EvidenceId),
                     HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The value has been recorded.";
            return Redirect($"/objectives/measures/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await ObjectiveRegister.MeasureAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        CanEdit = await ObjectiveRules.MayEditAsync(db, Detail.ObjectiveId, HttpContext.RequestAborted);
        CanRecord = Detail.Source == MeasureSource.Manual && !Detail.Retired && await ObjectiveRules.MayRecordAsync(db, Id, HttpContext.RequestAborted);
        return true;
    }
}
