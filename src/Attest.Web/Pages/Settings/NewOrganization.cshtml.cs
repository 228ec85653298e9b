using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Settings;

/// <summary>An Admin starts another organization (a group company, or a consultant's next client) and switches to it.</summary>
[Authorize(Policy = Access.Admin)]
public sealed class NewOrganizationModel(CreateOrganization create, ActingContext acting) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TimeZone { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var organization = await create.RunAsync(new NewOrganization(Name ?? "", TimeZone), acting.UserId, HttpContext.RequestAborted);
            Response.Cookies.Append(ActingContextMiddleware.OrganizationCookie, organization.Id.ToString(),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            TempData["Success"] = $"'{organization.Name}' has been created and you are working in it now.";
            return Redirect("/");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var message in messages) ModelState.AddModelError(field, message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
