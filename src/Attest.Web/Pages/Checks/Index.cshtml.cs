using Attest.Checks;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Checks;

/// <summary>Every automated check with its schedule and how its last run went (one query).</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public IReadOnlyList<CheckRow> Checks { get; private set; } = [];
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync() => Checks = await CheckQueries.ListAsync(db, HttpContext.RequestAborted);

    public static string KindLabel(CheckKind kind) => kind switch
    {
        CheckKind.Tls => "TLS",
        CheckKind.HttpHeaders => "HTTP headers",
        CheckKind.Postgres => "PostgreSQL",
        CheckKind.Command => "command",
        _ => "push",
    };
}
