using Attest.Data;
using Attest.People;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>Everyone's own training: the courses assigned to them (open first) and what they completed.</summary>
[Authorize(Policy = Access.Member)]
public sealed class TrainingModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public TrainingQueries.MyTraining? Mine { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>A renewal due later than this many days after a completion is not a to-do yet: it is listed as coming up.</summary>
    public const int ToDoWindowDays = 30;

    public async Task OnGetAsync()
    {
        Today = TrainingDates.Today(db);
        if (acting.UserId is not { } userId) return;
        if (await PersonLookup.PersonIdOfUserAsync(db, userId, HttpContext.RequestAborted) is { } personId)
        {
            Mine = await TrainingQueries.MineAsync(db, personId, HttpContext.RequestAborted);
        }
    }
}
