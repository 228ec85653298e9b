using Attest.Data;
using Attest.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Exceptions;

/// <summary>
/// The exception register: figures (in force, expired, awaiting decision, expiring soon), then the exceptions the filters select, awaiting
/// decision first, then by last day, 50 a page. A handful of queries whatever the size of the register.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db, ActingContext acting) : PageModel
{
    public sealed record Choice(Guid Id, string Label);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Control { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Policy { get; set; }
    [BindProperty(SupportsGet = true)] public bool Expiring { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ExceptionPage Register { get; private set; } = new([], false, default);
    public ExceptionFigures? Figures { get; private set; }
    public IReadOnlyList<Choice> Controls { get; private set; } = [];
    public IReadOnlyList<Choice> Assets { get; private set; } = [];
    public IReadOnlyList<Choice> Policies { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanRequest => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public static readonly IReadOnlyList<(string Value, string Label)> StatusChoices =
    [
        ("", "Any status"), ("open", "Awaiting decision or in force"), ("inforce", "In force"), ("expired", "Expired"), ("requested", "Awaiting decision"),
        ("rejected", "Rejected"), ("revoked", "Revoked"), ("closed", "Closed"),
    ];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Figures = await ExceptionRegister.FiguresAsync(db, token);
        var subject = Enum.TryParse<ExceptionSubject>(Subject, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(Subject, out _) ? s : (ExceptionSubject?)null;
        try
        {
            Register = await ExceptionRegister.PageAsync(db, new ExceptionFilter(Q, Status, subject, Control, Asset, Policy, Expiring), Math.Max(1, PageNumber), 50, token);
        }
        catch (ValidationFailedException invalid)
        {
            Errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        // What the register's exceptions name, for the filters: one query.
        var named = await db.ComplianceExceptions.AsNoTracking()
            .Select(e => new
            {
                e.ControlId, e.AssetId, e.DocumentId,
                Control = db.Controls.Where(c => c.Id == e.ControlId).Select(c => c.Reference + " " + c.Name).FirstOrDefault(),
                Asset = db.Assets.Where(a => a.Id == e.AssetId).Select(a => a.Reference + " " + a.Name).FirstOrDefault(),
                Document = db.Documents.Where(d => d.Id == e.DocumentId).Select(d => d.Reference + " " + d.Title).FirstOrDefault(),
            })
            .Distinct()
            .ToListAsync(token);
        Controls = named.Where(n => n.ControlId != null && n.Control != null).Select(n => new Choice(n.ControlId!.Value, n.Control!)).DistinctBy(c => c.Id).OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
        Assets = named.Where(n => n.AssetId != null && n.Asset != null).Select(n => new Choice(n.AssetId!.Value, n.Asset!)).DistinctBy(c => c.Id).OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
        Policies = named.Where(n => n.DocumentId != null && n.Document != null).Select(n => new Choice(n.DocumentId!.Value, n.Document!)).DistinctBy(c => c.Id).OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="change"/>.</summary>
    public string Link(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = Status, ["subject"] = Subject, ["control"] = Control?.ToString(), ["asset"] = Asset?.ToString(), ["policy"] = Policy?.ToString(),
            ["expiring"] = Expiring ? "true" : null,
        };
        change?.Invoke(query);
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return "/exceptions?" + string.Join("&", parts);
    }

    /// <summary>Where the thing that deviates is read: the policy, the control, or the asset (an AI system's asset page leads to the system).</summary>
    public static string? SubjectPath(ExceptionSubject subject, Guid? id) => id is not { } value ? null : subject switch
    {
        ExceptionSubject.Policy => $"/policies/{value}",
        ExceptionSubject.Control => $"/controls/{value}",
        _ => $"/assets/{value}",
    };
}
