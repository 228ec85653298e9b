using Attest.Certification;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Certification;

/// <summary>
/// One programme: its status, the milestones (edited in place), the timeline, readiness per clause, the external audits and the certificates.
/// Readers see it; Managers and Admins change it.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ProgrammeModel(AttestDbContext db, ActingContext acting, SaveProgramme saveProgramme, SaveMilestone saveMilestone, RemoveMilestone removeMilestone,
    MoveMilestone moveMilestone, SaveExternalAudit saveAudit, SaveCertificate saveCertificate) : PageModel
{
    public sealed class MilestoneForm
    {
        public string? Title { get; set; }
        public MilestoneKind Kind { get; set; } = MilestoneKind.Other;
        public DateOnly? PlannedOn { get; set; }
        public MilestoneStatus Status { get; set; }
        public DateOnly? DoneOn { get; set; }
        public Guid? OwnerId { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    public sealed class AuditForm
    {
        public ExternalAuditKind Kind { get; set; }
        public DateOnly? StartOn { get; set; }
        public DateOnly? EndOn { get; set; }
        public ExternalAuditStatus Status { get; set; }
        public AuditConclusion Conclusion { get; set; }
        public string? CertificationBody { get; set; }
        public string? LeadAuditor { get; set; }
        public string? Summary { get; set; }
        public Guid? OwnerId { get; set; }
        public int Version { get; set; }

        public ExternalAuditInput ToInput() =>
            new(Kind, StartOn ?? default, EndOn ?? default, Status, Conclusion, CertificationBody, LeadAuditor, Summary, OwnerId, Version);
    }

    public sealed class CertificateForm
    {
        public string? Number { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public CertificateStatus Status { get; set; }
        public string? CertificationBody { get; set; }
        public string? AccreditationBody { get; set; }
        public string? ScopeStatement { get; set; }
        public int Version { get; set; }

        public CertificateInput ToInput() =>
            new(Number ?? "", IssuedOn ?? default, ExpiresOn ?? default, Status, CertificationBody, AccreditationBody, ScopeStatement, Version);
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ProgrammeForm Input { get; set; } = new();
    [BindProperty] public MilestoneForm M { get; set; } = new();
    [BindProperty] public AuditForm A { get; set; } = new();
    [BindProperty] public CertificateForm C { get; set; } = new();

    public ProgrammeDetail? Detail { get; private set; }
    public IReadOnlyList<CertificationForms.OwnerChoice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>Which form the errors belong to: programme, milestone, audit or certificate.</summary>
    public string? FailedForm { get; private set; }
    public Guid? FailedMilestone { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        FillProgramme();
        A = new AuditForm { Kind = NextAuditKind() };
        return Page();
    }

    public Task<IActionResult> OnPostProgrammeAsync() =>
        ChangeAsync("programme", "Input", () => saveProgramme.RunAsync(Id, Input.ToInput(), HttpContext.RequestAborted), "The programme has been saved.");

    public Task<IActionResult> OnPostMilestoneAsync(Guid? milestoneId)
    {
        FailedMilestone = milestoneId;
        return ChangeAsync("milestone", "M", () => saveMilestone.RunAsync(Id, milestoneId,
            new MilestoneInput(M.Title ?? "", M.Kind, M.PlannedOn, M.Status, M.Status == MilestoneStatus.Done ? M.DoneOn : null, M.OwnerId, M.Notes, M.Version), HttpContext.RequestAborted),
            milestoneId is null ? $"The milestone '{M.Title?.Trim()}' has been added." : $"The milestone '{M.Title?.Trim()}' has been saved.");
    }

    public Task<IActionResult> OnPostRemoveMilestoneAsync(Guid milestoneId, int version) =>
        ChangeAsync("milestones", null, () => removeMilestone.RunAsync(milestoneId, version, HttpContext.RequestAborted), "The milestone has been removed.");

    public Task<IActionResult> OnPostMoveMilestoneAsync(Guid milestoneId, bool earlier) =>
        ChangeAsync("milestones", null, () => moveMilestone.RunAsync(milestoneId, earlier, HttpContext.RequestAborted), null);

    public async Task<IActionResult> OnPostAuditAsync()
    {
        Guid saved = default;
        var result = await ChangeAsync("audit", "A", async () => saved = await saveAudit.RunAsync(Id, null, A.ToInput(), HttpContext.RequestAborted), null);
        return saved == default ? result : Redirect($"/certification/audits/{saved}");
    }

    public Task<IActionResult> OnPostCertificateAsync() =>
        ChangeAsync("certificate", "C", () => saveCertificate.RunAsync(Id, null, C.ToInput(), HttpContext.RequestAborted), $"Certificate {C.Number?.Trim()} has been recorded.");

    private async Task<IActionResult> ChangeAsync(string form, string? prefix, Func<Task> change, string? success)
    {
        if (!CanEdit) return Forbid();
        var token = HttpContext.RequestAborted;
        if (!await db.CertificationProgrammes.AnyAsync(p => p.Id == Id, token)) return NotFound();
        if (prefix is not null && CertificationForms.Unreadable(ModelState, prefix, Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await this.TryAsync(db, Errors, change))
        {
            if (success is not null) TempData["Success"] = success;
            return Redirect($"/certification/{Id}" + form switch { "programme" => "", "certificate" => "#certificates", "audit" => "#audits", _ => "#milestones" });
        }
        FailedForm = form;
        await LoadAsync();
        if (form != "programme") FillProgramme();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await CertificationQueries.DetailAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        if (CanEdit) Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
        return true;
    }

    private void FillProgramme()
    {
        var s = Detail!.Status;
        Input = new ProgrammeForm
        {
            Name = s.Name, Standard = s.Standard, FrameworkKey = s.FrameworkKey ?? "none", ScopeEstablishedOn = s.ScopeEstablishedOn, TargetOn = s.TargetOn,
            CertificationBody = s.CertificationBody, OwnerId = s.OwnerId, Description = Detail.Description, ShowOnTrustPage = s.ShowOnTrustPage, Archived = s.Archived,
            Version = Detail.Version,
        };
    }

    /// <summary>The audit a new booking most likely is: stage 1 first, then stage 2, then surveillance.</summary>
    private ExternalAuditKind NextAuditKind()
    {
        var held = Detail!.Audits.Where(a => a.Status != ExternalAuditStatus.Cancelled).Select(a => a.Kind).ToHashSet();
        return !held.Contains(ExternalAuditKind.Stage1) ? ExternalAuditKind.Stage1 : !held.Contains(ExternalAuditKind.Stage2) ? ExternalAuditKind.Stage2 : ExternalAuditKind.Surveillance;
    }
}
