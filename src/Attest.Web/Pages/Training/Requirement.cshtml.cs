using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>Changes or removes a training rule; the assignments follow in the same save.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class RequirementModel(AttestDbContext db, SaveTrainingRequirement save, RemoveTrainingRequirement remove) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RequirementForm Input { get; set; } = new();
    public RequirementRow Rule { get; private set; } = null!;
    public RequirementForm.Choices Choices { get; private set; } = new([], [], []);
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = new RequirementForm
        {
            CourseId = Rule.CourseId, Name = Rule.Name, Audience = Rule.Audience, AudienceValue = Rule.AudienceValue, DueWithinDays = Rule.DueWithinDays,
            RenewEveryMonths = Rule.RenewEveryMonths, Active = Rule.Active, EffectiveFrom = Rule.EffectiveFrom, Version = Rule.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (await this.TryAsync(db, Errors, () => save.RunAsync(Id, Input.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The rule '{Input.Name}' has been saved and assignments brought in line.";
            return Redirect("/training/requirements");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int version)
    {
        if (!await LoadAsync()) return NotFound();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(Id, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The rule '{Rule.Name}' has been removed; its open assignments were cancelled.";
            return Redirect("/training/requirements");
        }
        Input.Version = Rule.Version;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Rule = await TrainingQueries.RequirementAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        Choices = await RequirementForm.ChoicesAsync(db, HttpContext.RequestAborted);
        return true;
    }
}
