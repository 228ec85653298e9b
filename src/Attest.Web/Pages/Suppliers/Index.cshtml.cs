using Attest.Data;
using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Suppliers;

/// <summary>The supplier register (ISO 27001 A.5.19–5.23): its figures, then the suppliers 50 a page (five queries whatever the size).</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public SupplierCriticality? Criticality { get; set; }
    [BindProperty(SupportsGet = true)] public SupplierStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool? PersonalData { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Subprocessor { get; set; }
    [BindProperty(SupportsGet = true)] public bool ReviewOverdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool CertificationExpiring { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithoutDpa { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public SupplierSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public SupplierPage Register { get; private set; } = new([], false, 0);
    public SupplierFigures Figures { get; private set; } = new(0, 0, [], 0, 0, 0);
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await SupplierQueries.FiguresAsync(db, token);
        Register = await SupplierQueries.PageAsync(db, new SupplierFilter(Q, Criticality, Status, PersonalData, Subprocessor, ReviewOverdue, CertificationExpiring, WithoutDpa,
            Owner, Sort, Desc), Math.Max(1, PageNumber), 50, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.Suppliers.Any(s => s.OwnerId == u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["criticality"] = Criticality?.ToString(), ["status"] = Status?.ToString(),
            ["personalData"] = PersonalData is { } p ? (p ? "true" : "false") : null, ["subprocessor"] = Subprocessor is { } s ? (s ? "true" : "false") : null,
            ["reviewOverdue"] = ReviewOverdue ? "true" : null, ["certificationExpiring"] = CertificationExpiring ? "true" : null, ["withoutDpa"] = WithoutDpa ? "true" : null,
            ["owner"] = Owner?.ToString(), ["sort"] = Sort == SupplierSort.Reference ? null : Sort.ToString(), ["desc"] = Desc ? "true" : null,
        };
        change?.Invoke(query);
        return "/suppliers?" + string.Join("&", query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
