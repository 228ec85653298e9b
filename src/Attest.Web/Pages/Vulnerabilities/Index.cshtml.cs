using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>The vulnerability register (ISO 27001 A.8.8): the figures, then the filtered findings 50 a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    [BindProperty(SupportsGet = true)] public FindingStatusFilter Status { get; set; }
    [BindProperty(SupportsGet = true)] public VulnerabilitySeverity? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tool { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public FindingPage Register { get; private set; } = new([], false, 0, 1);
    public VulnerabilityFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Assets { get; private set; } = [];
    public IReadOnlyList<string> Tools { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await VulnerabilityQueries.FiguresAsync(db, token);
        Register = await VulnerabilityQueries.PageAsync(db, new FindingFilter(Asset, Status, Severity, Overdue, Tool, Q), PageNumber, token);
        // Only assets that have findings: the inventory may hold thousands.
        Assets = await db.Assets.AsNoTracking().Where(a => db.VulnerabilityFindings.Any(f => f.AssetId == a.Id)).OrderBy(a => a.Name)
            .Select(a => new Choice(a.Id, a.Name)).ToListAsync(token);
        var tools = await db.VulnerabilityScans.AsNoTracking().Select(s => s.Tool).Distinct().ToListAsync(token);
        Tools = tools.Select(t => t.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["asset"] = Asset?.ToString(), ["status"] = Status == FindingStatusFilter.Unresolved ? null : Status.ToString(), ["severity"] = Severity?.ToString(),
            ["overdue"] = Overdue ? "true" : null, ["tool"] = Tool, ["q"] = Q,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/vulnerabilities?" + string.Join("&", parts);
    }
}
