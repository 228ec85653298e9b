using Attest.Data;
using Attest.Organizations;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.My;

/// <summary>
/// Reading a document as its reader or approver: the version assigned to the person (its first opening is recorded),
/// accepting it, or deciding on the version awaiting their approval. Employees see only the documents assigned to them
/// or awaiting their approval; readers of the ISMS also see any published document.
/// </summary>
[Authorize(Policy = Access.Member)]
public sealed class ReadModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public VersionView? Shown { get; private set; }
    public AssignmentView? Assignment { get; private set; }
    public bool Approving { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync([FromServices] RecordDocumentOpened opened)
    {
        if (!await LoadAsync()) return NotFound();
        if (!Approving && Assignment is { OpenedAt: null } a && a.VersionId == Shown!.Id)
        {
            await opened.RunAsync(Id, a.VersionId, HttpContext.RequestAborted);
            await LoadAsync();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid versionId, [FromServices] AcceptDocumentVersion accept)
    {
        if (!await LoadAsync()) return NotFound();
        return await RunAsync(() => accept.RunAsync(Id, versionId, HttpContext.RequestAborted), "Thank you: your acceptance has been recorded.");
    }

    public async Task<IActionResult> OnPostDecideAsync(ApprovalDecision decision, string? comment, [FromServices] DecideDocumentApproval decide)
    {
        if (!await LoadAsync()) return NotFound();
        if (acting.Role == OrganizationRole.Auditor) return Forbid();
        return await RunAsync(() => decide.RunAsync(Id, decision, comment, HttpContext.RequestAborted),
            decision == ApprovalDecision.Approved ? "Your approval has been recorded." : "Your request for changes has been sent back to the author.");
    }

    private async Task<IActionResult> RunAsync(Func<Task> action, string success)
    {
        if (await this.TryAsync(db, Errors, action))
        {
            TempData["Success"] = success;
            return Redirect("/my/documents");
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        DocumentDetail detail;
        try
        {
            detail = await DocumentQueries.DetailAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        Assignment = detail.MyAssignment;
        Approving = detail.AwaitingMyApproval && acting.Role != OrganizationRole.Auditor;
        var reader = acting.Role is { } role && Access.Allows(Access.Reader, role);
        if (Approving) Shown = detail.Latest;
        else if (Assignment is { } a) Shown = detail.Published is { } current && (current.Id == a.VersionId || a.AcceptedAt is not null) ? current : await DocumentQueries.VersionAsync(db, Id, a.VersionId, HttpContext.RequestAborted);
        else if (reader && detail.Published is { } published) Shown = published;
        else return false;
        return true;
    }
}
