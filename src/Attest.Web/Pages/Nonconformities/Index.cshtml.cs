using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Nonconformities;

/// <summary>
/// The nonconformity register (ISO 27001 / 42001 clause 10.2): figures, then the records the filters select, not closed first, majors first,
/// 50 a page with their age and source. A constant handful of queries whatever the size of the register.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Requirement { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public NonconformityPage Register { get; private set; } = new([], false, default);
    public NonconformityFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public bool CanRaise => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public static readonly IReadOnlyList<(string Value, string Label)> StateChoices = [("", "(all)"), ("open", "Not closed"), ("overdue", "Overdue"), ("closed", "Closed")];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await NonconformityRegister.FiguresAsync(db, token);
        Register = await NonconformityRegister.PageAsync(db, Filter(), Math.Max(1, PageNumber), 50, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.Nonconformities.Any(n => n.OwnerId == u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }

    private NonconformityFilter Filter() => new(Q, Parse<FindingGrade>(Grade), Parse<NonconformityStatus>(Status), Parse<NonconformitySource>(Source),
        StateChoices.Any(c => c.Value.Length > 0 && string.Equals(c.Value, State, StringComparison.OrdinalIgnoreCase)) ? State : null, Owner, Requirement);

    /// <summary>A value the filter knows, by name; anything else (a number, a typo) filters nothing rather than failing.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["grade"] = Grade, ["status"] = Status, ["source"] = Source, ["state"] = State, ["owner"] = Owner?.ToString(), ["requirement"] = Requirement,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/nonconformities?" + string.Join("&", parts);
    }
}
