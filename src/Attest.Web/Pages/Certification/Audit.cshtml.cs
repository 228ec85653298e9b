using Attest.Certification;
using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Certification;

/// <summary>
/// One external audit: its details (edited by Managers and Admins), its findings in the nonconformity register, and the form that records
/// a finding as a nonconformity, observation or opportunity for improvement.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class AuditModel(AttestDbContext db, ActingContext acting, SaveExternalAudit save, RecordAuditFinding record) : PageModel
{
    public sealed class FindingForm
    {
        public string? Title { get; set; }
        public FindingGrade Grade { get; set; } = FindingGrade.Minor;
        public string? Description { get; set; }
        public string? Requirement { get; set; }
        public string? AuditorReference { get; set; }
        public DateOnly? DueOn { get; set; }
        public Guid? OwnerId { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ProgrammeModel.AuditForm A { get; set; } = new();
    [BindProperty] public FindingForm F { get; set; } = new();

    public ExternalAuditDetail? Detail { get; private set; }
    public IReadOnlyList<CertificationForms.OwnerChoice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? FailedForm { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        FillAudit();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (CertificationForms.Unreadable(ModelState, "A", Errors)) Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (await this.TryAsync(db, Errors, () => save.RunAsync(Detail!.ProgrammeId, Id, A.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"{Detail!.Reference} has been saved.";
            return Redirect($"/certification/audits/{Id}");
        }
        FailedForm = "audit";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync()
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (CertificationForms.Unreadable(ModelState, "F", Errors)) Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (await this.TryAsync(db, Errors, () => record.RunAsync(Id, new AuditFindingInput(F.Title ?? "", F.Grade, F.Description, F.Requirement, F.AuditorReference,
                     DueOn: F.DueOn, OwnerId: F.OwnerId), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The finding '{F.Title?.Trim()}' has been recorded in the nonconformity register.";
            return Redirect($"/certification/audits/{Id}#findings");
        }
        FailedForm = "finding";
        await LoadAsync();
        FillAudit();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await CertificationQueries.AuditAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        if (CanEdit) Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
        return true;
    }

    private void FillAudit()
    {
        var d = Detail!;
        A = new ProgrammeModel.AuditForm
        {
            Kind = d.Kind, StartOn = d.StartOn, EndOn = d.EndOn, Status = d.Status, Conclusion = d.Conclusion, CertificationBody = d.CertificationBody,
            LeadAuditor = d.LeadAuditor, Summary = d.Summary, OwnerId = d.OwnerId, Version = d.Version,
        };
    }
}
