using Attest.Context;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Context;

/// <summary>The ISMS context as one document; with ?asAt= the scope as it stood at the end of that day.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsAt { get; set; }
    public ScopeDocument Document { get; private set; } = null!;
    public IReadOnlyList<ScopeDocument.RevisionRow> Revisions { get; private set; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync()
    {
        DateTimeOffset? instant = AsAt is { } day ? EndOfDay(day) : null;
        Document = await ScopeDocument.LoadAsync(db, instant, HttpContext.RequestAborted);
        Revisions = await ScopeDocument.RevisionsAsync(db, HttpContext.RequestAborted);
    }

    private DateTimeOffset EndOfDay(DateOnly day)
    {
        var zone = OrganizationTime.Zone(HttpContext.SignedInPerson()?.TimeZone);
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).AddTicks(-10).ToUniversalTime();
    }
}
