using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Settings;

[Authorize(Policy = Access.Admin)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting, UpdateOrganizationSettings update) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public int Version { get; set; }
    public string? Conflict { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await update.RunAsync(new OrganizationSettingsInput(Name ?? "", TimeZone ?? "", Version), HttpContext.RequestAborted);
            TempData["Success"] = "Settings saved.";
            return RedirectToPage();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var message in messages) ModelState.AddModelError(field, message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message;
            Version = await db.Organizations.Where(o => o.Id == acting.OrganizationId).Select(o => o.Version).SingleAsync(HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    private async Task LoadAsync()
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == acting.OrganizationId, HttpContext.RequestAborted);
        (Name, TimeZone, Version) = (organization.Name, organization.TimeZone, organization.Version);
    }
}
