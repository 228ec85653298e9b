using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>The rules that assign courses; Managers add one here, and its assignments are generated as it is saved.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class RequirementsModel(AttestDbContext db, ActingContext acting, SaveTrainingRequirement save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Course { get; set; }
    [BindProperty] public RequirementForm Input { get; set; } = new();
    public IReadOnlyList<RequirementRow> Rules { get; private set; } = [];
    public RequirementForm.Choices Choices { get; private set; } = new([], [], []);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        if (Course is { } course) Input.CourseId = course;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => save.RunAsync(null, Input.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The rule '{Input.Name}' has been saved and assignments generated.";
            return Redirect("/training/requirements");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Rules = await TrainingQueries.RequirementsAsync(db, null, HttpContext.RequestAborted);
        if (CanManage) Choices = await RequirementForm.ChoicesAsync(db, HttpContext.RequestAborted);
    }
}
