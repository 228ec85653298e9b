using Attest.AccessReviews;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.AccessReviews;

/// <summary>The access reviews in which the signed-in person reviews accounts, with what they still have to decide.</summary>
[Authorize(Policy = Access.Member)]
public sealed class MyReviewsModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public IReadOnlyList<MyReviewRow> Reviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (acting.UserId is { } user) Reviews = await AccessReviewQueries.MyReviewsAsync(db, user, HttpContext.RequestAborted);
    }
}
