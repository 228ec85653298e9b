using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Obligations;

/// <summary>
/// The obligations register (ISO 27001 A.5.31–5.34, clause 4.2): figures, then the obligations the filters select, 50 a page by reference.
/// A handful of queries whatever the size of the register.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public bool ReviewOverdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Licence { get; set; }
    [BindProperty(SupportsGet = true)] public bool Retired { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ObligationPage Register { get; private set; } = new([], false, default);
    public ObligationFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await ObligationRegister.FiguresAsync(db, token);
        Register = await ObligationRegister.PageAsync(db, Filter(), Math.Max(1, PageNumber), 50, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.Obligations.Any(o => o.OwnerId == u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }

    private ObligationFilter Filter() => new(Q, Parse<ObligationKind>(Kind), Parse<ComplianceStatus>(Status), Owner, ReviewOverdue, Parse<LicenceState>(Licence), Retired);

    /// <summary>A name of the enumeration (not a number, which would accept anything); null when absent or unknown.</summary>
    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(value) && !int.TryParse(value, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["kind"] = Kind, ["status"] = Status, ["owner"] = Owner?.ToString(), ["reviewOverdue"] = ReviewOverdue ? "true" : null,
            ["licence"] = Licence, ["retired"] = Retired ? "true" : null,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/obligations?" + string.Join("&", parts);
    }
}
