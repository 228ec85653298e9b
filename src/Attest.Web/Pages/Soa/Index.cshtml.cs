using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Soa;

/// <summary>The SoA: the live draft or an approved version; Managers approve the draft into the next version.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting, ApproveSoa approve) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }
    public SoaDocument Document { get; private set; } = null!;
    public IReadOnlyList<SoaVersionRow> Versions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrEmpty(Key)) return Redirect("/soa/" + StatementOfApplicability.Frameworks[0]);
        return await LoadAsync() ? Page() : NotFound();
    }

    /// <summary>Approval is a Manager's act; the page itself is for every reader.</summary>
    public async Task<IActionResult> OnPostApproveAsync(string? note, bool major)
    {
        if (!CanManage) return Forbid();
        var number = "";
        if (await this.TryAsync(db, Errors, async () => number = await approve.RunAsync(Key ?? "", major, note, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The Statement of Applicability has been approved as version {number}.";
            return Redirect($"/soa/{Key}?version={number}");
        }
        Version = null;
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        if (!StatementOfApplicability.Frameworks.Contains(Key)) return false;
        try
        {
            Document = await SoaDocuments.LoadAsync(db, Key!, Version, HttpContext.RequestAborted);
            Versions = await StatementOfApplicability.VersionsAsync(db, Key!, HttpContext.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is RecordNotFoundException or ValidationFailedException)
        {
            return false;
        }
    }
}
