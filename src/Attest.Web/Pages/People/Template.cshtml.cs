using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.People;

/// <summary>One checklist template with its items; the form shows three empty rows for new items, and an item emptied is removed.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class TemplateModel(AttestDbContext db, ActingContext acting, SaveChecklistTemplate save, RemoveChecklistTemplate remove) : PageModel
{
    public sealed class ItemForm
    {
        public string? Title { get; set; }
        public int DueOffsetDays { get; set; }
        public string? Responsible { get; set; }
        public bool VerifiesAccessRevoked { get; set; }
    }

    public sealed class TemplateForm
    {
        public string? Name { get; set; }
        public ChecklistKind Kind { get; set; }
        public PersonType? PersonType { get; set; }
        public List<ItemForm> Items { get; set; } = [];
        public int Version { get; set; }
    }

    public const int BlankRows = 3;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public TemplateForm Input { get; set; } = new();
    public List<string> Errors { get; } = [];
    public bool IsNew => Id == "new";
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew) { if (!CanManage) return Forbid(); }
        else if (!await LoadAsync()) return NotFound();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        Guid? id = null;
        if (!IsNew)
        {
            if (!Guid.TryParse(Id, out var existing) || !await db.ChecklistTemplates.AnyAsync(t => t.Id == existing, HttpContext.RequestAborted)) return NotFound();
            id = existing;
        }
        var input = new ChecklistTemplateInput(Input.Name ?? "", Input.Kind, Input.PersonType,
            Input.Items.Select(i => new ChecklistTemplateItemInput(i.Title ?? "", i.DueOffsetDays, i.Responsible, i.VerifiesAccessRevoked)).ToList(), Input.Version);
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(id, input, HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The template '{input.Name.Trim()}' has been saved.";
            return Redirect($"/people/templates/{id}");
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (!CanManage) return Forbid();
        if (!Guid.TryParse(Id, out var id) || !await db.ChecklistTemplates.AnyAsync(t => t.Id == id, HttpContext.RequestAborted)) return NotFound();
        if (await this.TryAsync(db, Errors, () => remove.RunAsync(id, version, HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The template has been removed; checklists started from it keep their items.";
            return Redirect("/people/templates");
        }
        await LoadAsync();
        Pad();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return false;
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, HttpContext.RequestAborted);
        if (template is null) return false;
        var items = await db.ChecklistTemplateItems.AsNoTracking().Where(i => i.TemplateId == id).OrderBy(i => i.Position).ToListAsync(HttpContext.RequestAborted);
        Input = new TemplateForm
        {
            Name = template.Name, Kind = template.Kind, PersonType = template.PersonType, Version = template.Version,
            Items = items.Select(i => new ItemForm { Title = i.Title, DueOffsetDays = i.DueOffsetDays, Responsible = i.Responsible, VerifiesAccessRevoked = i.VerifiesAccessRevoked }).ToList(),
        };
        return true;
    }

    private void Pad()
    {
        Input.Items = Input.Items.Where(i => !string.IsNullOrWhiteSpace(i.Title)).ToList();
        for (var i = 0; i < BlankRows; i++) Input.Items.Add(new ItemForm());
    }
}
