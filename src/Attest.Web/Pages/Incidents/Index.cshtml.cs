using System.Globalization;
using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Incidents;

/// <summary>The incident register with its figures: filters in SQL, newest detection first, 50 a page in one query.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentSeverity? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool SlaBreached { get; set; }
    [BindProperty(SupportsGet = true)] public bool PersonalData { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IncidentPage Register { get; private set; } = new([], false);
    public IncidentFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<int> Months { get; private set; } = [];
    public string? AssetName { get; private set; }
    public string? MonthError { get; private set; }
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        var settings = await IncidentSettingsQueries.LoadAsync(db, token);
        int? month = null;
        if (!string.IsNullOrWhiteSpace(Month))
        {
            month = OrganizationTime.ParseMonth(Month.Trim());
            if (month is null) MonthError = $"'{Month}' is not a month (yyyy-MM): showing every month.";
        }
        var filter = new IncidentFilter(Q, Status, Severity, Category, State, SlaBreached, PersonalData, Owner, Asset, month);
        Register = await IncidentQueries.PageAsync(db, filter, settings, Math.Max(1, PageNumber), IncidentQueries.PageSize, token);
        Figures = await IncidentQueries.FiguresAsync(db, settings, token);
        Months = Figures.Months.Select(m => m.Month).Reverse().ToList();
        Owners = await db.Users.AsNoTracking().Where(u => db.Incidents.Any(i => i.OwnerId == u.Id)).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
        if (Asset is { } asset) AssetName = await db.Assets.AsNoTracking().Where(a => a.Id == asset).Select(a => a.Reference + " " + a.Name).FirstOrDefaultAsync(token);
    }

    public static string Hours(double? seconds) => seconds is { } s ? IncidentClock.Describe((long)Math.Round(s)) : "—";

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = Status?.ToString(), ["severity"] = Severity?.ToString(), ["category"] = Category?.ToString(), ["state"] = State?.ToString(),
            ["slaBreached"] = SlaBreached ? "true" : null, ["personalData"] = PersonalData ? "true" : null, ["owner"] = Owner?.ToString(), ["asset"] = Asset?.ToString(),
            ["month"] = Month, ["pageNumber"] = PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/incidents?" + string.Join("&", parts);
    }
}
