using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>Adds an objective. Managers and Admins; a Contributor adds objectives they own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class NewModel(AttestDbContext db, SaveObjective save, ActingContext acting) : PageModel
{
    [BindProperty] public ObjectiveForm Input { get; set; } = new();
    public IReadOnlyList<ObjectiveForms.Choice> People { get; private set; } = [];
    public IReadOnlyList<ObjectiveForms.Choice> Frameworks { get; private set; } = [];
    public IReadOnlyList<ObjectiveForms.Choice> Parents { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(Guid? parentId)
    {
        Input = new ObjectiveForm
        {
            OwnerId = acting.UserId, ParentId = parentId, Kind = parentId is null ? ObjectiveKind.Strategic : ObjectiveKind.Operational,
            Frameworks = ["iso27001-2022"],
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Certification.CertificationForms.Unreadable(ModelState, "Input", Errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            var input = Input.ToInput();
            if (acting.Role == OrganizationRole.Contributor) input = input with { OwnerId = Input.OwnerId ?? acting.UserId };
            Guid id = default;
            if (acting.Role == OrganizationRole.Contributor && input.OwnerId != acting.UserId)
            {
                Errors.Add("OwnerId: a Contributor adds objectives they own; a Manager assigns them to others.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(null, input, HttpContext.RequestAborted)))
            {
                TempData["Success"] = $"The objective '{Input.Title?.Trim()}' has been added.";
                return Redirect($"/objectives/{id}");
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        People = await ObjectiveForms.PeopleAsync(db, token);
        Frameworks = await ObjectiveForms.FrameworksAsync(db, token);
        Parents = await ObjectiveForms.StrategicAsync(db, null, token);
    }
}
