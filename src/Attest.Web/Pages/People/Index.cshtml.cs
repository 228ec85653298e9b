using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.People;

/// <summary>The personnel register (ISO 27001 A.6): filters, counts and 50 people a page, in five queries whatever its size.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PersonType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public PersonStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool ScreeningOutstanding { get; set; }
    [BindProperty(SupportsGet = true)] public bool NdaMissing { get; set; }
    [BindProperty(SupportsGet = true)] public bool LeftWithAccess { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PersonPage Register { get; private set; } = new([], false, 0, new PeopleCounts(0, 0, 0, 0, 0, 0, 0));
    public IReadOnlyList<string> Departments { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Register = await PersonQueries.PageAsync(db, new PersonFilter(Q, Type, Department, Status, ScreeningOutstanding, NdaMissing, LeftWithAccess), Math.Max(1, PageNumber),
            PersonQueries.PageSize, token);
        Departments = await PersonQueries.DepartmentsAsync(db, token);
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["type"] = Type?.ToString(), ["department"] = Department, ["status"] = Status?.ToString(),
            ["screeningOutstanding"] = ScreeningOutstanding ? "true" : null, ["ndaMissing"] = NdaMissing ? "true" : null, ["leftWithAccess"] = LeftWithAccess ? "true" : null,
        };
        change?.Invoke(query);
        return "/people?" + string.Join("&", query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
