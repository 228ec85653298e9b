using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>Remediation SLA in days per severity; existing due dates move only when the Manager asks.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class SettingsModel(AttestDbContext db, SaveVulnerabilitySettings save) : PageModel
{
    public sealed class SettingsForm
    {
        public int CriticalDays { get; set; }
        public int HighDays { get; set; }
        public int MediumDays { get; set; }
        public int LowDays { get; set; }
        public bool Recompute { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        var settings = await VulnerabilitySettingsQueries.LoadAsync(db, HttpContext.RequestAborted);
        Input = new SettingsForm { CriticalDays = settings.CriticalDays, HighDays = settings.HighDays, MediumDays = settings.MediumDays, LowDays = settings.LowDays, Version = settings.Version };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var moved = 0;
        if (await this.TryAsync(db, Errors, async () => moved = await save.RunAsync(new VulnerabilitySettingsInput(Input.CriticalDays, Input.HighDays, Input.MediumDays, Input.LowDays,
                Input.Recompute, Input.Version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = Input.Recompute ? $"Saved. {moved} open finding(s) got a new due date." : "Saved. Existing due dates are unchanged.";
            return Redirect("/vulnerabilities/settings");
        }
        return Page();
    }
}
