using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Continuity;

/// <summary>One monitored service: its settings, its last twelve months and every month recorded.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ServiceModel(AttestDbContext db, IAuthorizationService authorization, SaveMonitoredService save, RemoveMonitoredService remove,
    RemoveAvailabilityRecord removeRecord) : OwnedRecordPage<MonitoredService>(db, authorization)
{
    public sealed class ServiceForm
    {
        public string? Name { get; set; }
        public Guid? AssetId { get; set; }
        public double TargetPercent { get; set; }
        public Guid? OwnerId { get; set; }
        public bool Active { get; set; }
        public int Version { get; set; }
    }

    public sealed record AssetChoice(Guid Id, string Reference, string Name);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ServiceForm Input { get; set; } = new();
    public ServiceAvailability? Service { get; private set; }
    public IReadOnlyList<AvailabilityMonth> History { get; private set; } = [];
    public IReadOnlyList<AssetChoice> Assets { get; private set; } = [];
    public List<string> ActionErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync(Id) is not { } service) return NotFound();
        CanEdit = await MayEditAsync(service);
        await DescribeAsync();
        Fill(service);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (found, refusal) = await EditableAsync(Id.ToString());
        if (refusal is not null) return refusal;
        await DescribeAsync();
        await LoadChoicesAsync();
        return await SaveAsync(() => save.RunAsync(Id, new MonitoredServiceInput(Input.Name ?? "", Input.AssetId, Input.TargetPercent, Input.OwnerId, Input.Active, Input.Version),
                HttpContext.RequestAborted),
            $"'{Input.Name}' has been saved.", async () => { if (await FindAsync(Id) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/continuity/services/{Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id.ToString());
        if (refusal is not null) return refusal;
        await DescribeAsync();
        Fill(found!);
        await LoadChoicesAsync();
        return await SaveAsync(() => remove.RunAsync(Id, version, HttpContext.RequestAborted), $"'{found!.Name}' and its recorded months have been removed.",
            async () => { if (await FindAsync(Id) is { } current) Input.Version = current.Version; }, successUrl: () => "/continuity/availability");
    }

    public async Task<IActionResult> OnPostRemoveMonthAsync(Guid recordId)
    {
        var (found, refusal) = await EditableAsync(Id.ToString());
        if (refusal is not null) return refusal;
        // Only a month of this service is removed from its page.
        if (!await Db.AvailabilityRecords.AnyAsync(r => r.Id == recordId && r.ServiceId == Id, HttpContext.RequestAborted)) return NotFound();
        if (await this.TryAsync(Db, ActionErrors, () => removeRecord.RunAsync(recordId, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The month has been removed.";
            return Redirect($"/continuity/services/{Id}");
        }
        await DescribeAsync();
        Fill(found!);
        await LoadChoicesAsync();
        return Page();
    }

    private void Fill(MonitoredService s) => Input = new ServiceForm
    {
        Name = s.Name, AssetId = s.AssetId, TargetPercent = s.TargetPercent, OwnerId = s.OwnerId, Active = s.Active, Version = s.Version,
    };

    private async Task DescribeAsync()
    {
        var overview = await ContinuityQueries.AvailabilityAsync(Db, Id, HttpContext.RequestAborted);
        Service = overview.Services.FirstOrDefault() ?? await Api.ContinuityApi.InactiveAsync(Db, Id, overview.Months, HttpContext.RequestAborted);
        History = await ContinuityQueries.HistoryAsync(Db, Id, HttpContext.RequestAborted);
    }

    private async Task LoadChoicesAsync()
    {
        Assets = await Db.Assets.AsNoTracking()
            .Where(a => a.Type == Attest.Assets.AssetType.Service || a.Type == Attest.Assets.AssetType.AiSystem || a.Type == Attest.Assets.AssetType.Software || a.Id == Input.AssetId)
            .OrderByDescending(a => a.Criticality).ThenBy(a => a.Name).Take(500)
            .Select(a => new AssetChoice(a.Id, a.Reference, a.Name)).ToListAsync(HttpContext.RequestAborted);
        await LoadOwnersAsync();
    }
}
