using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Obligations.Events;

/// <summary>Violations of obligations and regulatory events (enquiries, fines, sanctions, client complaints), newest first, 50 a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Violations { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public RegulatoryEventPage Register { get; private set; } = new([], false);
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync() =>
        Register = await RegulatoryEventRegister.PageAsync(db, new RegulatoryEventFilter(Q, Obligations.IndexModel.Parse<RegulatoryEventKind>(Kind),
            Obligations.IndexModel.Parse<RegulatoryEventStatus>(Status), null, Violations), Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);

    public string Link(int page) =>
        "/obligations/events?" + string.Join("&", new[] { ("q", Q), ("kind", Kind), ("status", Status), ("violations", Violations ? "true" : null),
                ("pageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
