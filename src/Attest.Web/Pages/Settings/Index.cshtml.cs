using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Settings;

[Authorize(Policy = Access.Admin)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting, UpdateOrganizationSettings update, Attest.Checks.ChangeCommandChecks changeCommandChecks) : PageModel
{
    /// <summary>Whether command checks (shell commands on the Attest host) may run in this organization.</summary>
    public bool CommandChecksEnabled { get; private set; }
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

    /// <summary>Switches command checks on or off; Admins only (the page's policy), audited on the organization.</summary>
    public async Task<IActionResult> OnPostCommandChecksAsync(bool enabled)
    {
        try
        {
            await changeCommandChecks.RunAsync(enabled, Version, HttpContext.RequestAborted);
            TempData["Success"] = enabled ? "Command checks are enabled." : "Command checks are disabled.";
            return RedirectToPage();
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == acting.OrganizationId, HttpContext.RequestAborted);
        (Name, TimeZone, Version, CommandChecksEnabled) = (organization.Name, organization.TimeZone, organization.Version, organization.CommandChecksEnabled);
    }
}
