using Attest.Context;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Context;

/// <summary>Edits the scope; each save is a new revision. A lost race keeps the person's text and shows what was saved meanwhile.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class EditScopeModel(AttestDbContext db, UpdateScope update) : PageModel
{
    private const int BlankRows = 3;

    public sealed class ExclusionForm
    {
        public string? Item { get; set; }
        public string? Justification { get; set; }
    }

    public sealed class ScopeForm
    {
        public string? Statement { get; set; }
        public string? OrganizationalScope { get; set; }
        public string? GeographicalScope { get; set; }
        public string? BusinessProcesses { get; set; }
        public string? TechnologyScope { get; set; }
        public string? DataScope { get; set; }
        public string? InterfacesAndDependencies { get; set; }
        public List<ExclusionForm> Exclusions { get; set; } = [];
        public string? ChangeNote { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public ScopeForm Input { get; set; } = new();
    public string? Conflict { get; private set; }
    public ScopeDocument? Current { get; private set; }

    public async Task OnGetAsync()
    {
        var document = await ScopeDocument.LoadAsync(db, null, HttpContext.RequestAborted);
        var scope = document.Scope;
        Input = new ScopeForm
        {
            Statement = scope?.Statement,
            OrganizationalScope = scope?.OrganizationalScope,
            GeographicalScope = scope?.GeographicalScope,
            BusinessProcesses = scope?.BusinessProcesses,
            TechnologyScope = scope?.TechnologyScope,
            DataScope = scope?.DataScope,
            InterfacesAndDependencies = scope?.InterfacesAndDependencies,
            Exclusions = scope?.Exclusions.Select(e => new ExclusionForm { Item = e.Item, Justification = e.Justification }).ToList() ?? [],
            Version = document.Version,
        };
        PadExclusions();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var exclusions = Input.Exclusions
            .Where(e => !string.IsNullOrWhiteSpace(e.Item) || !string.IsNullOrWhiteSpace(e.Justification))
            .Select(e => new ScopeExclusionInput(e.Item ?? "", e.Justification ?? ""))
            .ToList();
        try
        {
            var revision = await update.RunAsync(new ScopeInput(
                Input.Statement ?? "", Input.OrganizationalScope ?? "", Input.GeographicalScope ?? "", Input.BusinessProcesses ?? "",
                Input.TechnologyScope ?? "", Input.DataScope ?? "", Input.InterfacesAndDependencies ?? "", exclusions, Input.ChangeNote, Input.Version),
                HttpContext.RequestAborted);
            TempData["Success"] = $"The scope has been saved as revision {revision}.";
            return Redirect("/context");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages) ModelState.AddModelError(field, message);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message;
            Current = await ScopeDocument.LoadAsync(db, null, HttpContext.RequestAborted);
            // The next save is a deliberate overwrite of what the person has now seen.
            Input.Version = Current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        PadExclusions();
        return Page();
    }

    private void PadExclusions()
    {
        for (var i = 0; i < BlankRows; i++) Input.Exclusions.Add(new ExclusionForm());
    }
}
