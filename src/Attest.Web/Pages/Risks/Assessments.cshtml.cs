using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>Dated risk assessment exercises; Managers start one.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssessmentsModel(AttestDbContext db, SaveRiskAssessment save, ActingContext acting) : PageModel
{
    public sealed record Row(Guid Id, string Title, DateOnly StartedOn, DateOnly? DueOn, RiskAssessmentStatus Status, DateTimeOffset? CompletedAt, string? Owner);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        Guid id = default;
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, new RiskAssessmentInput(Title ?? "", Description, acting.UserId, null, DueOn), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"'{Title}' has started.";
            return Redirect($"/risks/assessments/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Rows = await db.RiskAssessments.AsNoTracking().OrderByDescending(a => a.StartedOn)
            .Select(a => new Row(a.Id, a.Title, a.StartedOn, a.DueOn, a.Status, a.CompletedAt, db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(HttpContext.RequestAborted);
}
