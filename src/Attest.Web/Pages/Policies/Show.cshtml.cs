using Attest.Data;
using Attest.Organizations;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Policies;

/// <summary>
/// One document: its control block, the working version's text, the version history, and the workflow actions —
/// send for approval (its editors), approve (its approvers), publish, record a review, remind, retire (Managers).
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ShowModel(AttestDbContext db, ActingContext acting, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DocumentDetail? Document { get; private set; }
    public List<string> Errors { get; } = [];
    public bool CanEdit { get; private set; }
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public bool CanApprove => acting.Role is { } role && role != OrganizationRole.Auditor;
    public DateOnly Today => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int version, [FromServices] SubmitDocumentForReview submit) =>
        RunAsync(EditorOnly, () => submit.RunAsync(Id, version, HttpContext.RequestAborted), "The draft has been sent to its approvers.");

    public Task<IActionResult> OnPostDecideAsync(ApprovalDecision decision, string? comment, [FromServices] DecideDocumentApproval decide) =>
        RunAsync(() => Task.FromResult(CanApprove), async () =>
        {
            var status = await decide.RunAsync(Id, decision, comment, HttpContext.RequestAborted);
            TempData["Success"] = decision == ApprovalDecision.ChangesRequested ? "Changes requested: the version is back in draft."
                : status == DocumentVersionStatus.Approved ? "Approved. Every required approval has been given; the version can be published." : "Your approval has been recorded.";
        }, null);

    public Task<IActionResult> OnPostPublishAsync(int version, DateOnly? effectiveOn, [FromServices] PublishDocumentVersion publish) =>
        RunAsync(ManagerOnly, async () =>
        {
            var number = await publish.RunAsync(Id, effectiveOn, version, HttpContext.RequestAborted);
            TempData["Success"] = $"Version {number} is published and assigned to its readers.";
        }, null);

    public Task<IActionResult> OnPostReviewAsync(int version, [FromServices] RecordDocumentReview review) =>
        RunAsync(ManagerOnly, () => review.RunAsync(Id, version, HttpContext.RequestAborted), "The review has been recorded; the next review date has moved on one cycle.");

    public Task<IActionResult> OnPostRemindAsync([FromServices] RemindOverdueReaders remind) =>
        RunAsync(ManagerOnly, async () =>
        {
            var count = await remind.RunAsync(Id, HttpContext.RequestAborted);
            TempData["Success"] = count == 0 ? "Nobody is overdue." : $"{count} overdue readers have been reminded (on their dashboard).";
        }, null);

    public Task<IActionResult> OnPostRetireAsync(int version, [FromServices] RetireDocument retire) =>
        RunAsync(ManagerOnly, () => retire.RunAsync(Id, version, HttpContext.RequestAborted), "The document has been retired.", "/policies");

    private Task<bool> ManagerOnly() => Task.FromResult(CanManage);

    private async Task<bool> EditorOnly()
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, HttpContext.RequestAborted);
        return document is not null && (await authorization.AuthorizeAsync(User, document, RecordOperations.Edit)).Succeeded;
    }

    private async Task<IActionResult> RunAsync(Func<Task<bool>> allowed, Func<Task> action, string? success, string? redirect = null)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == Id, HttpContext.RequestAborted)) return NotFound();
        if (!await allowed()) return Forbid();
        if (await this.TryAsync(db, Errors, action))
        {
            if (success is not null) TempData["Success"] = success;
            return Redirect(redirect ?? $"/policies/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Document = await DocumentQueries.DetailAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        var record = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == Id, HttpContext.RequestAborted);
        CanEdit = !Document.Retired && acting.Role is { } role && Access.Allows(Access.Editor, role) && (await authorization.AuthorizeAsync(User, record, RecordOperations.Edit)).Succeeded;
        return true;
    }
}
