using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>The training programme at a glance: figures, courses and rules. Managers refresh assignments from here.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public TrainingFigureSet Figures { get; private set; } = null!;
    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];
    public IReadOnlyList<RequirementRow> Rules { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSyncAsync([FromServices] SyncTrainingAssignments sync)
    {
        if (!CanManage) return Forbid();
        TrainingSyncResult? result = null;
        if (await this.TryAsync(db, Errors, async () => result = await sync.RunAsync(HttpContext.RequestAborted)))
        {
            TempData["Success"] = result!.Changes == 0
                ? "Assignments were already up to date."
                : $"Assignments refreshed: {result.Created} created, {result.Completed} completed, {result.Cancelled} cancelled, {result.Rescheduled} rescheduled.";
            return Redirect("/training");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await TrainingFigures.ComputeAsync(db, token);
        Courses = await TrainingQueries.CoursesAsync(db, token);
        Rules = await TrainingQueries.RequirementsAsync(db, null, token);
    }
}
