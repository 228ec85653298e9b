using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Actions;

/// <summary>
/// The corrective action register (ISO 27001 clause 10.2, A.5.27): figures, then the actions the filters select, open ones first by due date,
/// 50 a page with their ageing. Five queries whatever the size of the register.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueBefore { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public CorrectiveActionPage Register { get; private set; } = new([], false, default);
    public CorrectiveActionFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    /// <summary>"open" (open and in progress, the default), "all", or one status.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> StatusChoices =
        [("open", "Open or in progress"), ("all", "Any status"), .. Enum.GetValues<ActionStatus>().Select(s => (s.ToString(), CorrectiveActionLabels.Of(s)))];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await CorrectiveActionRegister.FiguresAsync(db, token);
        Register = await CorrectiveActionRegister.PageAsync(db, Filter(), Math.Max(1, PageNumber), 50, token);
        Owners = await db.Users.AsNoTracking().Where(u => db.CorrectiveActions.Any(a => a.OwnerId == u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }

    private CorrectiveActionFilter Filter()
    {
        var status = Enum.TryParse<ActionStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (ActionStatus?)null;
        return new CorrectiveActionFilter(Q,
            Enum.TryParse<ActionSource>(Source, ignoreCase: true, out var source) && Enum.IsDefined(source) ? source : null,
            status, OpenOnly: status is null && !string.Equals(Status, "all", StringComparison.OrdinalIgnoreCase), Owner, Overdue, DueBefore);
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["source"] = Source, ["status"] = Status, ["owner"] = Owner?.ToString(), ["overdue"] = Overdue ? "true" : null,
            ["dueBefore"] = DueBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/actions?" + string.Join("&", parts);
    }
}
