using Attest.Checks;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Checks;

/// <summary>
/// One automated check: its settings, controls and last results. Editors create checks and run them now; Contributors change only the
/// checks they own. A PostgreSQL connection string can be replaced but is never shown; a push token is shown once, when issued.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveCheck save, RemoveCheck remove, RunCheck run, IssuePushToken issue,
    ActingContext acting) : OwnedRecordPage<Check>(db, authorization)
{
    public sealed class CheckForm
    {
        public string? Name { get; set; }
        public CheckKind Kind { get; set; } = CheckKind.Tls;
        public string? Target { get; set; }
        public string? Settings { get; set; }
        public string? Schedule { get; set; } = "0 6 * * *";
        public bool Enabled { get; set; } = true;
        public int TimeoutSeconds { get; set; } = 30;
        public int Retries { get; set; } = 1;
        public int ResultValidDays { get; set; } = 7;
        public Guid? OwnerId { get; set; }
        /// <summary>Control references, e.g. "CTL-001, CTL-004".</summary>
        public string? Controls { get; set; }
        /// <summary>Write-only: a new PostgreSQL connection string, or empty to keep the stored one.</summary>
        public string? Secret { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public CheckForm Input { get; set; } = new();
    public CheckDetail? Detail { get; private set; }
    public bool CanRun => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CommandChecksEnabled { get; private set; }
    /// <summary>Set only in the answer that issued it: the token is not stored and cannot be shown again.</summary>
    public string? IssuedToken { get; private set; }
    public string? PushEndpoint { get; private set; }
    public string? PushExample { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } check) return NotFound();
            CanEdit = await MayEditAsync(check);
            await LoadAsync(id);
            Fill(Detail!);
        }
        await LoadOwnersAsync();
        await LoadSettingsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
        }
        else
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
            await LoadAsync(existing.Id);
        }
        await LoadSettingsAsync();
        return await SaveAsync(async () =>
            {
                var token = HttpContext.RequestAborted;
                var controls = await Attest.Controls.ControlReferences.ResolveAsync(Db, Input.Controls, "Controls", token);
                id = await save.RunAsync(id, new CheckInput(Input.Name ?? "", Input.Kind, Input.Target, Input.Settings, Input.Schedule, Input.Enabled, Input.TimeoutSeconds,
                    Input.Retries, Input.ResultValidDays, Input.OwnerId, controls, Input.Secret, Input.Version), token);
            },
            $"'{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/checks/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (check, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        await LoadAsync(check!.Id);
        Fill(Detail!);
        await LoadSettingsAsync();
        return await SaveAsync(() => remove.RunAsync(check.Id, version, HttpContext.RequestAborted), $"'{check.Name}' has been removed; its results stay as evidence.",
            async () => { if (await FindAsync(check.Id) is { } current) Input.Version = current.Version; }, successUrl: () => "/checks");
    }

    /// <summary>Runs the check in this request; the result is shown on the check's page after the redirect.</summary>
    public async Task<IActionResult> OnPostRunAsync()
    {
        if (!CanRun) return Forbid();
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } check) return NotFound();
        CheckRunResult? result = null;
        if (await this.TryAsync(Db, Errors, async () => result = await run.RunAsync(id, CheckTrigger.RunNow, HttpContext.RequestAborted)))
        {
            TempData["CheckRun"] = $"{result!.Name}: {(result.Passed ? "pass" : "fail")} — {result.Summary}";
            TempData["CheckRunPassed"] = result.Passed ? "true" : "false";
            return Redirect($"/checks/{id}");
        }
        CanEdit = await MayEditAsync(check);
        await LoadAsync(id);
        Fill(Detail!);
        await LoadOwnersAsync();
        await LoadSettingsAsync();
        return Page();
    }

    /// <summary>Issues a push token and shows it in this answer only (no redirect: it must not pass through a cookie or the history).</summary>
    public async Task<IActionResult> OnPostPushTokenAsync()
    {
        var (check, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        string? token = null;
        if (await this.TryAsync(Db, Errors, async () => token = await issue.RunAsync(check!.Id, HttpContext.RequestAborted)))
        {
            IssuedToken = token;
            PushEndpoint = Api.ChecksApi.PushEndpoint(Request, check!.Name);
            PushExample = Api.ChecksApi.PushExample(PushEndpoint, token!);
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(check!.Id);
        Fill(Detail!);
        await LoadOwnersAsync();
        await LoadSettingsAsync();
        return Page();
    }

    private async Task LoadAsync(Guid id) => Detail = await CheckQueries.DetailAsync(Db, id, HttpContext.RequestAborted);

    private async Task LoadSettingsAsync() =>
        CommandChecksEnabled = await Db.Organizations.AsNoTracking().Where(o => o.Id == acting.OrganizationId).Select(o => o.CommandChecksEnabled).FirstOrDefaultAsync(HttpContext.RequestAborted);

    private void Fill(CheckDetail d) => Input = new CheckForm
    {
        Name = d.Name, Kind = d.Kind, Target = d.Target, Settings = d.Settings, Schedule = d.Schedule, Enabled = d.Enabled, TimeoutSeconds = d.TimeoutSeconds,
        Retries = d.Retries, ResultValidDays = d.ResultValidDays, OwnerId = d.OwnerId, Controls = string.Join(", ", d.Controls.Select(c => c.Reference)), Version = d.Version,
    };
}
