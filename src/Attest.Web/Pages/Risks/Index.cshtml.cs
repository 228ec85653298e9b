using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>The risk register: inherent and residual heatmaps of the filtered risks, then the risks 50 a page (five queries whatever the size).</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public RiskStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public RiskTreatment? Treatment { get; set; }
    [BindProperty(SupportsGet = true)] public RiskRating Rating { get; set; }
    [BindProperty(SupportsGet = true)] public int? Level { get; set; }
    [BindProperty(SupportsGet = true)] public int? Likelihood { get; set; }
    [BindProperty(SupportsGet = true)] public int? Impact { get; set; }
    [BindProperty(SupportsGet = true)] public bool ReviewOverdue { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool OlderMethodology { get; set; }
    [BindProperty(SupportsGet = true)] public bool AcceptanceStale { get; set; }
    [BindProperty(SupportsGet = true)] public RiskSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public RiskPage Register { get; private set; } = new([], false, 0);
    public (Heatmap Inherent, Heatmap Residual)? Maps { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public string? AssetName { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        var filter = new RiskFilter(Q, Owner, Status, Treatment, Rating, Level, Likelihood, Impact, ReviewOverdue, Asset, Category, OlderMethodology, AcceptanceStale, Sort, Desc);
        Maps = await RiskQueries.HeatmapsAsync(db, filter, token);
        if (Maps is null) return;
        Register = await RiskQueries.PageAsync(db, filter, Math.Max(1, PageNumber), 50, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.Risks.Any(r => r.OwnerId == u.Id)).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
        Categories = await RiskQueries.CategoriesAsync(db, token);
        if (Asset is { } asset) AssetName = await db.Assets.AsNoTracking().Where(a => a.Id == asset).Select(a => a.Reference + " " + a.Name).FirstOrDefaultAsync(token);
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["owner"] = Owner?.ToString(), ["status"] = Status?.ToString(), ["treatment"] = Treatment?.ToString(),
            ["rating"] = Rating == RiskRating.Residual ? null : Rating.ToString(), ["level"] = Level?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["likelihood"] = Likelihood?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["impact"] = Impact?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reviewOverdue"] = ReviewOverdue ? "true" : null, ["asset"] = Asset?.ToString(), ["category"] = Category,
            ["olderMethodology"] = OlderMethodology ? "true" : null, ["acceptanceStale"] = AcceptanceStale ? "true" : null,
            ["sort"] = Sort == RiskSort.Reference ? null : Sort.ToString(), ["desc"] = Desc ? "true" : null,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/risks?" + string.Join("&", parts);
    }

    public string CellUrl(RiskRating rating, int likelihood, int impact) => Link(q =>
    {
        q["rating"] = rating == RiskRating.Residual ? null : rating.ToString();
        q["likelihood"] = likelihood.ToString(System.Globalization.CultureInfo.InvariantCulture);
        q["impact"] = impact.ToString(System.Globalization.CultureInfo.InvariantCulture);
        q["level"] = null;
        q["pageNumber"] = null;
    });
}
