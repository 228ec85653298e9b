using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Controls;

/// <summary>The organization's implementation (controls, status, requirements met) as an OSCAL component definition.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class OscalModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        File(await FrameworkExport.ComponentDefinitionAsync(db, HttpContext.RequestAborted), "application/json", "implementation.oscal-component.json");
}
