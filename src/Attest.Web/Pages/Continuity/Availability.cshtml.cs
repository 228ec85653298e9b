using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Continuity;

/// <summary>
/// Service availability (A.8.14): each monitored service's last twelve months against its target with the outages behind the missed ones,
/// and the forms to record a month and to add a service.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class AvailabilityModel(AttestDbContext db, IAuthorizationService authorization, RecordAvailability record, SaveMonitoredService saveService, ActingContext acting)
    : PageModel
{
    public sealed class RecordForm
    {
        public Guid? ServiceId { get; set; }
        public string? Month { get; set; }
        public double? UptimePercent { get; set; }
        public int? DowntimeMinutes { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ServiceForm
    {
        public string? Name { get; set; }
        public Guid? AssetId { get; set; }
        public double TargetPercent { get; set; } = 99.9;
    }

    public sealed record AssetChoice(Guid Id, string Reference, string Name);

    [BindProperty] public RecordForm RecordInput { get; set; } = new();
    [BindProperty] public ServiceForm ServiceInput { get; set; } = new();
    public AvailabilityOverview Overview { get; private set; } = new([], 0, []);
    public IReadOnlyList<AssetChoice> Assets { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        RecordInput.Month = OrganizationTime.MonthText(OrganizationTime.AddMonths(Overview.CurrentMonth, -1));
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        if (!CanEdit) return Forbid();
        var service = RecordInput.ServiceId is { } id ? await db.MonitoredServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, HttpContext.RequestAborted) : null;
        if (service is not null && !(await authorization.AuthorizeAsync(User, service, RecordOperations.Edit)).Succeeded) return Forbid();
        var done = await this.TryAsync(db, Errors, async () =>
        {
            if (service is null) throw ValidationFailedException.For("Service", "choose a monitored service.");
            await record.RunAsync(new AvailabilityInput(service.Id, RecordInput.Month, RecordInput.UptimePercent, RecordInput.DowntimeMinutes, RecordInput.Note),
                AvailabilitySource.Manual, HttpContext.RequestAborted);
        });
        if (done)
        {
            TempData["Success"] = $"{service!.Name}: {RecordInput.Month} recorded.";
            return Redirect("/continuity/availability");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostServiceAsync()
    {
        if (!CanEdit) return Forbid();
        Guid id = default;
        var done = await this.TryAsync(db, Errors, async () => id = await saveService.RunAsync(null,
            new MonitoredServiceInput(ServiceInput.Name ?? "", ServiceInput.AssetId, ServiceInput.TargetPercent, acting.UserId), HttpContext.RequestAborted));
        if (done)
        {
            TempData["Success"] = $"'{ServiceInput.Name}' is now monitored.";
            return Redirect($"/continuity/services/{id}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Overview = await ContinuityQueries.AvailabilityAsync(db, null, HttpContext.RequestAborted);
        if (CanEdit)
        {
            Assets = await db.Assets.AsNoTracking()
                .Where(a => a.Type == Attest.Assets.AssetType.Service || a.Type == Attest.Assets.AssetType.AiSystem || a.Type == Attest.Assets.AssetType.Software)
                .OrderByDescending(a => a.Criticality).ThenBy(a => a.Name).Take(500)
                .Select(a => new AssetChoice(a.Id, a.Reference, a.Name)).ToListAsync(HttpContext.RequestAborted);
        }
    }
}
