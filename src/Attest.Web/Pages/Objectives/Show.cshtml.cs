using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>One objective: goal, owners, frameworks, review dates, its measures with values and trends, and the operational objectives under it. Readers see it.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ShowModel(AttestDbContext db, RecordObjectiveReview review) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ObjectiveDetail? Detail { get; private set; }
    public bool CanEdit { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(DateOnly? reviewedOn, int version)
    {
        if (!db.Objectives.Any(o => o.Id == Id)) return NotFound();
        if (!await ObjectiveRules.MayEditAsync(db, Id, HttpContext.RequestAborted)) return Forbid();
        if (await this.TryAsync(db, Errors, () => review.RunAsync(Id, reviewedOn, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The review has been recorded.";
            return Redirect($"/objectives/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await ObjectiveRegister.DetailAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        CanEdit = await ObjectiveRules.MayEditAsync(db, Id, HttpContext.RequestAborted);
        return true;
    }
}
