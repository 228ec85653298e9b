using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>One risk assessment: its register (frozen once completed, live while in progress) and what changed since the previous completed one.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssessmentModel(AttestDbContext db, CompleteRiskAssessment complete, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public RiskAssessment? Assessment { get; private set; }
    public string? Owner { get; private set; }
    public IReadOnlyList<RiskSnapshotRow> Register { get; private set; } = [];
    public RiskComparison? Comparison { get; private set; }
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostCompleteAsync(string? conclusion, int version)
    {
        if (!CanManage) return Forbid();
        if (await this.TryAsync(db, Errors, () => complete.RunAsync(Id, conclusion, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The assessment is complete: the register as it stands is recorded in it.";
            return Redirect($"/risks/assessments/{Id}");
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Assessment = await db.RiskAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, token);
        if (Assessment is null) return false;
        Owner = await db.Users.AsNoTracking().Where(u => u.Id == Assessment.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(token);
        Register = await RiskSnapshots.RegisterOfAsync(db, Assessment, token);
        Comparison = await RiskSnapshots.CompareWithPreviousAsync(db, Assessment, Register, token);
        return true;
    }
}
