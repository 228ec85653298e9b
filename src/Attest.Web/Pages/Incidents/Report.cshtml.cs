using Attest.Data;
using Attest.Incidents;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Incidents;

/// <summary>Reporting an incident: open to every member, Employees included (A.6.8 "report observed or suspected events").</summary>
[Authorize(Policy = Access.Member)]
public sealed class ReportModel(AttestDbContext db, ReportIncident report, ActingContext acting) : PageModel
{
    public sealed class ReportForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public IncidentCategory Category { get; set; } = IncidentCategory.Other;
        public IncidentSeverity Severity { get; set; } = IncidentSeverity.Medium;
        public string? OccurredAt { get; set; }
        public string? DetectedAt { get; set; }
        public string? AssetRefs { get; set; }
        public string? AffectedClients { get; set; }
        public string? AffectedData { get; set; }
        public bool PersonalData { get; set; }
    }

    [BindProperty] public ReportForm Input { get; set; } = new();
    public IReadOnlyList<SlaLimits> Severities { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    /// <summary>Readers may name affected assets by reference; Employees describe them in words.</summary>
    public bool KnowsAssets => acting.Role is { } role && Access.Allows(Access.Reader, role);

    public async Task OnGetAsync()
    {
        Zone = IncidentForms.Zone(HttpContext);
        Input.DetectedAt = IncidentForms.Local(db.Clock.GetUtcNow(), Zone);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Zone = IncidentForms.Zone(HttpContext);
        Guid id = default;
        var saved = await this.TryAsync(db, Errors, async () =>
        {
            var validation = new Validation();
            var occurred = IncidentForms.Read(Input.OccurredAt, Zone, "OccurredAt", validation);
            var detected = IncidentForms.Read(Input.DetectedAt, Zone, "DetectedAt", validation);
            validation.ThrowIfInvalid();
            var assets = KnowsAssets ? await AssetReferences.ResolveAsync(db, Input.AssetRefs, "AssetRefs", HttpContext.RequestAborted) : null;
            id = await report.RunAsync(new IncidentReportInput(Input.Title ?? "", Input.Description, Input.Category, Input.Severity, occurred, detected, assets,
                Input.AffectedClients, Input.AffectedData, Input.PersonalData), HttpContext.RequestAborted);
        });
        if (saved)
        {
            var reference = await db.Incidents.Where(i => i.Id == id).Select(i => i.Reference).FirstAsync(HttpContext.RequestAborted);
            TempData["Success"] = $"Thank you: {reference} has been reported to the security team.";
            return Redirect(KnowsAssets ? $"/incidents/{id}" : "/my/incidents");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Severities = IncidentClock.AllLimits(await IncidentSettingsQueries.LoadAsync(db, HttpContext.RequestAborted));
}
