using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.My;

/// <summary>
/// The corrective actions the signed-in person owns, open ones first, whatever their role: Employees see and report progress on their own actions
/// here (status, completion, outcome) and nowhere else.
/// </summary>
[Authorize(Policy = Access.Member)]
public sealed class ActionsModel(AttestDbContext db, ActingContext acting, ReportCorrectiveActionProgress report) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public CorrectiveActionPage Mine { get; private set; } = new([], false, default);
    /// <summary>Each listed action's description and outcome (Markdown), read in one query for the page.</summary>
    public IReadOnlyDictionary<Guid, (string Description, string Outcome)> Text { get; private set; } = new Dictionary<Guid, (string, string)>();
    public List<string> Errors { get; } = [];
    /// <summary>The action whose update failed, so its form opens with what the person typed.</summary>
    public Guid? Failed { get; private set; }
    public ActionStatus FailedStatus { get; private set; }
    public string? FailedOutcome { get; private set; }

    public async Task OnGetAsync()
    {
        Mine = acting.UserId is { } me
            ? await CorrectiveActionRegister.PageAsync(db, new CorrectiveActionFilter(OwnerId: me, OpenOnly: !All), Math.Max(1, PageNumber), 50, HttpContext.RequestAborted)
            : new([], false, default);
        var ids = Mine.Rows.Select(r => r.Id).ToList();
        Text = await db.CorrectiveActions.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Description, a.Outcome })
                .ToDictionaryAsync(a => a.Id, a => (a.Description, a.Outcome), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ActionStatus status, string? outcome, DateOnly? completedOn, int version)
    {
        if (!ModelState.IsValid)
        {
            // A value the form cannot read is named rather than replaced by a default.
            Errors.AddRange(ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => $"{e.Key}: '{e.Value!.AttemptedValue}' is not a valid value."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            (Failed, FailedStatus, FailedOutcome) = (id, status, outcome);
            await OnGetAsync();
            return Page();
        }
        if (await this.TryAsync(db, Errors, () => report.RunAsync(id, new ActionProgressInput(status, outcome, completedOn, version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = status == ActionStatus.Done ? "The action is done." : "Progress saved.";
            return Redirect("/my/actions");
        }
        (Failed, FailedStatus, FailedOutcome) = (id, status, outcome);
        await OnGetAsync();
        return Page();
    }
}
