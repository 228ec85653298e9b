using Attest.Certification;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Certification;

/// <summary>One certificate: Readers see it; Managers and Admins correct it, or record its suspension or withdrawal.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class CertificateModel(AttestDbContext db, ActingContext acting, SaveCertificate save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ProgrammeModel.CertificateForm C { get; set; } = new();

    public CertificateRow? Certificate { get; private set; }
    public string ProgrammeName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public List<string> Errors { get; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var c = Certificate!;
        C = new ProgrammeModel.CertificateForm
        {
            Number = c.Number, IssuedOn = c.IssuedOn, ExpiresOn = c.ExpiresOn, Status = c.Status, CertificationBody = c.CertificationBody,
            AccreditationBody = c.AccreditationBody, ScopeStatement = c.ScopeStatement, Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (CertificationForms.Unreadable(ModelState, "C", Errors)) Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (await this.TryAsync(db, Errors, () => save.RunAsync(Certificate!.ProgrammeId, Id, C.ToInput(), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"Certificate {C.Number?.Trim()} has been saved.";
            return Redirect($"/certification/{Certificate!.ProgrammeId}#certificates");
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            (Certificate, ProgrammeName) = await CertificationQueries.CertificateAsync(db, Id, HttpContext.RequestAborted);
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
        Today = await CertificationQueries.TodayAsync(db, HttpContext.RequestAborted);
        return true;
    }
}
