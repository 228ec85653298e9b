using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Objectives;

/// <summary>
/// The objectives register (clauses 6.2 and 9.1): each strategic objective followed by its operational objectives, each measure with its
/// latest value, status in colour and words, target and trend; reviews due or overdue. 50 objectives a page, a fixed number of queries.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Framework { get; set; }
    [BindProperty(SupportsGet = true)] public bool Red { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ObjectivePage Register { get; private set; } = new([], false, default);
    public IReadOnlyList<ObjectiveForms.Choice> People { get; private set; } = [];
    public IReadOnlyList<ObjectiveForms.Choice> Frameworks { get; private set; } = [];
    public bool CanCreate => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        var filter = new ObjectiveFilter(Parse<ObjectiveKind>(Kind), Parse<ObjectiveStatus>(Status), Owner, string.IsNullOrWhiteSpace(Framework) ? null : Framework, Red);
        Register = await ObjectiveRegister.PageAsync(db, filter, Math.Max(1, PageNumber), 50, token);
        People = await ObjectiveForms.PeopleAsync(db, token);
        Frameworks = await ObjectiveForms.FrameworksAsync(db, token);
    }

    /// <summary>A value the filter knows, by name; anything else filters nothing rather than failing.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind, ["status"] = Status, ["owner"] = Owner?.ToString(), ["framework"] = Framework, ["red"] = Red ? "true" : null,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/objectives?" + string.Join("&", parts);
    }
}
