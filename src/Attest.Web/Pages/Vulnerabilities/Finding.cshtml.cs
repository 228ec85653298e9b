using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>
/// One finding: what the scanner said, its due date, the decisions taken on it and the scans that saw it. Those who may work on it
/// (Managers; Contributors who own it or its asset) triage it here.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class FindingModel(AttestDbContext db, TriageFinding triage, ActingContext acting) : PageModel
{
    public sealed class TriageForm
    {
        public FindingStatus Status { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Reason { get; set; }
        public Guid? RiskAcceptanceId { get; set; }
        public int Version { get; set; }
    }

    public sealed record OwnerChoice(Guid Id, string Name);

    [BindProperty] public TriageForm Input { get; set; } = new();
    public FindingDetail Detail { get; private set; } = null!;
    public bool CanTriage { get; private set; }
    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];
    public IReadOnlyList<AcceptanceChoice> Acceptances { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new TriageForm { Status = Detail.Status, OwnerId = Detail.OwnerId, RiskAcceptanceId = Detail.RiskAcceptanceId, Version = Detail.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanTriage) return Forbid();
        if (await this.TryAsync(db, Errors, () => triage.RunAsync(id, new TriageInput(Input.Status, Input.OwnerId, Input.Reason, Input.RiskAcceptanceId, Input.Version),
                HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Detail.Reference} is now {FindingLabels.Of(Input.Status).ToLowerInvariant()}.";
            return Redirect($"/vulnerabilities/{id}");
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var token = HttpContext.RequestAborted;
        try
        {
            Detail = await VulnerabilityQueries.DetailAsync(db, id, token);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        CanTriage = acting.Role is { } role && Access.Allows(Access.Editor, role) && VulnerabilityRules.MayWork(acting, Detail.OwnerId, Detail.AssetOwnerId);
        if (CanTriage)
        {
            Owners = await db.Memberships.AsNoTracking()
                .Where(m => m.Role != Attest.Organizations.OrganizationRole.Employee && m.Role != Attest.Organizations.OrganizationRole.Auditor)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName).Select(u => new OwnerChoice(u.Id, u.DisplayName)).ToListAsync(token);
            Acceptances = await VulnerabilityQueries.AcceptanceChoicesAsync(db, token);
        }
        return true;
    }
}
