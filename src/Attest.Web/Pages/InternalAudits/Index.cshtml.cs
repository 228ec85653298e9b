using Attest.Data;
using Attest.InternalAudits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.InternalAudits;

/// <summary>
/// Internal audits (clause 9.2): the programmes, then the audits the filters select (status, programme, year, auditor), 50 a page with their
/// findings counted. Managers add programmes; Admins, Managers and Contributors plan audits.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting, SaveAuditProgramme saveProgramme, SaveInternalAudit saveAudit) : PageModel
{
    public sealed class ProgrammeForm
    {
        public string? Name { get; set; }
        public DateOnly? CycleStart { get; set; }
        public DateOnly? CycleEnd { get; set; }
        public int AuditsPerYear { get; set; } = 4;
        public string? FrameworkKeys { get; set; } = "iso27001-2022";
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
    }

    public sealed class AuditForm
    {
        public string? Title { get; set; }
        public Guid? ProgrammeId { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public Guid? AuditorUserId { get; set; }
        public string? AuditorName { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Scope { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Auditor { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public ProgrammeForm P { get; set; } = new();
    [BindProperty] public AuditForm A { get; set; } = new();

    public InternalAuditPage Register { get; private set; } = new([], false);
    public IReadOnlyList<AuditProgrammeRow> Programmes { get; private set; } = [];
    public IReadOnlyList<InternalAuditLabels.Person> People { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? FailedForm { get; private set; }
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public bool CanPlan => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostProgrammeAsync()
    {
        if (!CanManage) return Forbid();
        Guid id = default;
        if (!Unreadable("P") && await this.TryAsync(db, Errors, async () => id = await saveProgramme.RunAsync(null, new AuditProgrammeInput(P.Name ?? "",
                P.CycleStart ?? default, P.CycleEnd ?? default, P.AuditsPerYear, P.FrameworkKeys, P.Description, P.OwnerId), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The programme '{P.Name?.Trim()}' has been added: plan its cycle next.";
            return Redirect($"/internal-audits/programmes/{id}");
        }
        FailedForm = "programme";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAuditAsync()
    {
        if (!CanPlan) return Forbid();
        Guid id = default;
        var owner = A.OwnerId ?? (acting.Role == OrganizationRole.Contributor ? acting.UserId : null);
        if (!Unreadable("A") && await this.TryAsync(db, Errors, async () => id = await saveAudit.RunAsync(null, new InternalAuditInput(A.Title ?? "",
                A.PlannedStart ?? default, A.PlannedEnd ?? default, A.ProgrammeId, A.Scope, null, A.AuditorUserId, A.AuditorName, null, owner), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The audit has been planned: build its checklist next.";
            return Redirect($"/internal-audits/{id}");
        }
        FailedForm = "audit";
        await LoadAsync();
        return Page();
    }

    private bool Unreadable(string prefix)
    {
        var bad = ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value!.Errors.Count > 0).ToList();
        Errors.AddRange(bad.Select(e => $"{e.Key[(prefix.Length + 1)..]}: '{e.Value!.AttemptedValue}' is not a valid value."));
        if (bad.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return bad.Count > 0;
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        var status = Enum.TryParse<InternalAuditStatus>(Status, true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _) ? parsed : (InternalAuditStatus?)null;
        Programmes = await InternalAuditRegister.ProgrammesAsync(db, true, token);
        Register = await InternalAuditRegister.PageAsync(db, new InternalAuditFilter(status, Programme, Year is > 1900 and < 3000 ? Year : null, Auditor),
            Math.Max(1, PageNumber), 50, token);
        if (CanPlan) People = await InternalAuditLabels.PeopleAsync(db, token);
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?> { ["status"] = Status, ["programme"] = Programme?.ToString(), ["year"] = Year?.ToString(), ["auditor"] = Auditor };
        change?.Invoke(query);
        return "/internal-audits?" + string.Join("&", query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
