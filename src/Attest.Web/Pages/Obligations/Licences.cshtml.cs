using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Obligations;

/// <summary>Professional and company licences, soonest expiry first, with their state, days left and renew-by date on the organization's today.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class LicencesModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Licence { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ObligationPage Register { get; private set; } = new([], false, default);
    public ObligationFigures? Figures { get; private set; }
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await ObligationRegister.FiguresAsync(db, token);
        Register = await ObligationRegister.LicencesAsync(db, new ObligationFilter(Q, Licence: IndexModel.Parse<LicenceState>(Licence)), Math.Max(1, PageNumber), 50, token);
    }

    public string Link(int page) =>
        "/obligations/licences?" + string.Join("&", new[] { ("q", Q), ("licence", Licence), ("pageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
