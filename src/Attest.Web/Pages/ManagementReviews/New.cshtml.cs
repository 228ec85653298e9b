using Attest.Data;
using Attest.Reviews;
using Attest.Web.Pages.Certification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.ManagementReviews;

/// <summary>Plans a management review. Managers and Admins.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class NewModel(AttestDbContext db, SaveManagementReview save, ActingContext acting) : PageModel
{
    [BindProperty] public ReviewForm Input { get; set; } = new();
    public IReadOnlyList<CertificationForms.OwnerChoice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        Input = new ReviewForm { Title = "Management review", OwnerId = acting.UserId };
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
                TempData["Success"] = $"The review '{Input.Title?.Trim()}' has been planned.";
                return Redirect($"/management-reviews/{id}");
            }
        }
        Owners = await CertificationForms.OwnersAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}

/// <summary>The review's own fields as the forms post them.</summary>
public sealed class ReviewForm
{
    public string? Title { get; set; }
    public DateOnly? HeldOn { get; set; }
    public Guid? OwnerId { get; set; }
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }
    public string? Conclusions { get; set; }
    public int Version { get; set; }

    public ManagementReviewInput ToInput() => new(Title ?? "", HeldOn, OwnerId, Attendees, Minutes, Conclusions, Version);
}
