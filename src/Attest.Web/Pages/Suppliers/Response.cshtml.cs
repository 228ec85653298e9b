using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Suppliers;

/// <summary>
/// A questionnaire sent to a supplier: its answers and score. Whoever may edit the supplier reviews it (notes, points for free-text answers,
/// the supplier's risk level and review date) or revokes it while it is unanswered.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class ResponseModel(AttestDbContext db, IAuthorizationService authorization, ReviewSupplierQuestionnaire review, RevokeSupplierQuestionnaire revoke) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public QuestionnaireDetail? Detail { get; private set; }
    public bool CanEdit { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>Records the review; <paramref name="points"/> maps free-text answer ids to the points given.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string? notes, Dictionary<Guid, int?>? points, bool markReviewed, SupplierCriticality? riskLevel, bool recordReview, int version)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanEdit) return Forbid();
        var given = (points ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
        if (await this.TryAsync(db, Errors, () => review.RunAsync(Detail!.Id, new ReviewInput(notes, given, markReviewed, riskLevel, recordReview, version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = markReviewed ? "The questionnaire has been reviewed." : "The review has been saved as a draft.";
            return Redirect($"/suppliers/responses/{Detail!.Id}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int version)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        if (!CanEdit) return Forbid();
        if (await this.TryAsync(db, Errors, () => revoke.RunAsync(Detail!.Id, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The questionnaire has been revoked: its link reaches nothing now.";
            return Redirect($"/suppliers/responses/{Detail!.Id}");
        }
        return Page();
    }

    /// <summary>Loads the questionnaire and whether the person may edit its supplier; a refusal when there is no such questionnaire here.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id) || await QuestionnaireQueries.SupplierOfAsync(db, id, HttpContext.RequestAborted) is not { } supplierId) return NotFound();
        Detail = await QuestionnaireQueries.DetailAsync(db, id, HttpContext.RequestAborted);
        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == supplierId, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, supplier, RecordOperations.Edit)).Succeeded;
        return null;
    }
}
