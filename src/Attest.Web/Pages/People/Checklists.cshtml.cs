using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.People;

/// <summary>Checklist items due across people: overdue first, then what is due within the chosen days.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ChecklistsModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int WithinDays { get; set; } = 14;
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public ChecklistKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public DueItemPage Due { get; private set; } = new([], false, 0, 0);

    public async Task OnGetAsync() =>
        Due = await PersonQueries.DueAsync(db, All ? null : Math.Clamp(WithinDays, 0, 3650), Kind, Math.Max(1, PageNumber), PersonQueries.PageSize, HttpContext.RequestAborted);

    public string Link(int page) =>
        $"/people/checklists?withinDays={WithinDays}{(All ? "&all=true" : "")}{(Kind is { } k ? $"&kind={k}" : "")}&pageNumber={page}";
}
