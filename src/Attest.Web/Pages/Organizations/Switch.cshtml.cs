using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Organizations;

/// <summary>Remembers which of their organizations the person works in; membership is re-checked on every request.</summary>
[Authorize(Policy = Access.SignedIn)]
public sealed class SwitchModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost(Guid organizationId, string? returnUrl)
    {
        var person = HttpContext.SignedInPerson();
        if (person?.Organizations.Any(o => o.Id == organizationId) != true) return NotFound();
        Response.Cookies.Append(ActingContextMiddleware.OrganizationCookie, organizationId.ToString(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        });
        var name = person.Organizations.First(o => o.Id == organizationId).Name;
        TempData["Success"] = $"You are now working in {name}.";
        return LocalRedirect(Account.SignInModel.SafeReturn(returnUrl));
    }
}
