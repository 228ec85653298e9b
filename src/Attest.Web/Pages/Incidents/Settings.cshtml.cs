using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Incidents;

/// <summary>Severity definitions and their SLAs, lessons learned for Low, and the breach notification hours (Managers).</summary>
[Authorize(Policy = Access.Manager)]
public sealed class SettingsModel(AttestDbContext db, SaveIncidentSettings save) : PageModel
{
    public sealed class SettingsForm
    {
        public string? CriticalDefinition { get; set; }
        public string? HighDefinition { get; set; }
        public string? MediumDefinition { get; set; }
        public string? LowDefinition { get; set; }
        public int CriticalDetectMinutes { get; set; }
        public int CriticalContainMinutes { get; set; }
        public int CriticalRecoverMinutes { get; set; }
        public int HighDetectMinutes { get; set; }
        public int HighContainMinutes { get; set; }
        public int HighRecoverMinutes { get; set; }
        public int MediumDetectMinutes { get; set; }
        public int MediumContainMinutes { get; set; }
        public int MediumRecoverMinutes { get; set; }
        public int LowDetectMinutes { get; set; }
        public int LowContainMinutes { get; set; }
        public int LowRecoverMinutes { get; set; }
        public bool LessonsRequiredForLow { get; set; }
        public int NotificationHours { get; set; }
        public int Version { get; set; }

        public IncidentSettingsInput ToInput() => new(CriticalDefinition, HighDefinition, MediumDefinition, LowDefinition,
            CriticalDetectMinutes, CriticalContainMinutes, CriticalRecoverMinutes, HighDetectMinutes, HighContainMinutes, HighRecoverMinutes,
            MediumDetectMinutes, MediumContainMinutes, MediumRecoverMinutes, LowDetectMinutes, LowContainMinutes, LowRecoverMinutes,
            LessonsRequiredForLow, NotificationHours, Version);
    }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        var s = IncidentSettingsInput.From(await IncidentSettingsQueries.LoadAsync(db, HttpContext.RequestAborted));
        Input = new SettingsForm
        {
            CriticalDefinition = s.CriticalDefinition, HighDefinition = s.HighDefinition, MediumDefinition = s.MediumDefinition, LowDefinition = s.LowDefinition,
            CriticalDetectMinutes = s.CriticalDetectMinutes, CriticalContainMinutes = s.CriticalContainMinutes, CriticalRecoverMinutes = s.CriticalRecoverMinutes,
            HighDetectMinutes = s.HighDetectMinutes, HighContainMinutes = s.HighContainMinutes, HighRecoverMinutes = s.HighRecoverMinutes,
            MediumDetectMinutes = s.MediumDetectMinutes, MediumContainMinutes = s.MediumContainMinutes, MediumRecoverMinutes = s.MediumRecoverMinutes,
            LowDetectMinutes = s.LowDetectMinutes, LowContainMinutes = s.LowContainMinutes, LowRecoverMinutes = s.LowRecoverMinutes,
            LessonsRequiredForLow = s.LessonsRequiredForLow, NotificationHours = s.NotificationHours, Version = s.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.TryAsync(db, Errors, () => save.RunAsync(Input.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The incident settings have been saved.";
            return Redirect("/incidents/settings");
        }
        return Page();
    }
}
