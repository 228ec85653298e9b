using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Policies;

/// <summary>The acknowledgement campaign: completion per document, department and person, and who is overdue. Managers send reminders.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AcknowledgementsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public AcknowledgementCampaign.Summary? Summary { get; private set; }
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync() => Summary = await AcknowledgementCampaign.RunAsync(db, Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRemindAsync([FromServices] RemindOverdueReaders remind)
    {
        if (!CanManage) return Forbid();
        var count = await remind.RunAsync(null, HttpContext.RequestAborted);
        TempData["Success"] = count == 0 ? "Nobody is overdue." : $"{count} overdue acknowledgements have been reminded.";
        return RedirectToPage();
    }
}
