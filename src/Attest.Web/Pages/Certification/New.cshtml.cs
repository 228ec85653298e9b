using Attest.Certification;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Certification;

/// <summary>Starts a certification programme with its twelve standard milestones. Managers and Admins.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class NewModel(AttestDbContext db, SaveProgramme save, ActingContext acting) : PageModel
{
    [BindProperty] public ProgrammeForm Input { get; set; } = new();
    public IReadOnlyList<CertificationForms.OwnerChoice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        Input = new ProgrammeForm { Standard = "ISO/IEC 27001:2022", FrameworkKey = "iso27001-2022", OwnerId = acting.UserId, ShowOnTrustPage = true };
        Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Guid id = default;
            if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, Input.ToInput(), HttpContext.RequestAborted)))
            {
                TempData["Success"] = $"The programme '{Input.Name?.Trim()}' has been started with its milestones.";
                return Redirect($"/certification/{id}");
            }
        }
        Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
