using Attest.Data;
using Attest.Vulnerabilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Vulnerabilities;

/// <summary>Records a finding by hand, e.g. from a penetration test report; Contributors on the assets they own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class NewModel(AttestDbContext db, RecordManualFinding record, ActingContext acting) : PageModel
{
    public sealed class FindingForm
    {
        public Guid? AssetId { get; set; }
        public string? RuleId { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Location { get; set; }
        public VulnerabilitySeverity Severity { get; set; } = VulnerabilitySeverity.Medium;
        public string? CvssScore { get; set; }
        public string? HelpUrl { get; set; }
        public Guid? OwnerId { get; set; }
    }

    public sealed record Choice(Guid Id, string Name);

    [BindProperty] public FindingForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Asset { get; set; }
    public IReadOnlyList<Choice> Assets { get; private set; } = [];
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        Input.AssetId = Asset;
        Input.OwnerId = acting.UserId;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        double? score = null;
        if (!string.IsNullOrWhiteSpace(Input.CvssScore))
        {
            if (double.TryParse(Input.CvssScore.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) score = parsed;
            else Errors.Add($"CvssScore: '{Input.CvssScore.Trim()}' is not a number such as 7.5.");
        }
        if (Input.AssetId is null) Errors.Add("AssetId: choose the asset the finding is about.");
        Guid id = default;
        if (Errors.Count == 0 && await this.TryAsync(db, Errors, async () => id = await record.RunAsync(new ManualFindingInput(Input.AssetId!.Value, Input.RuleId ?? "", Input.Title ?? "",
                Input.Severity, Input.Description, Input.Location, score, Input.OwnerId, Input.HelpUrl), HttpContext.RequestAborted)))
        {
            TempData["Success"] = "The finding was recorded.";
            return Redirect($"/vulnerabilities/{id}");
        }
        Response.StatusCode = Response.StatusCode == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : Response.StatusCode;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        var assets = db.Assets.AsNoTracking();
        // Contributors record findings on the assets they own.
        if (acting.Role == Attest.Organizations.OrganizationRole.Contributor) assets = assets.Where(a => a.OwnerId == acting.UserId);
        Assets = await assets.OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).Take(2000).ToListAsync(token);
        Owners = await db.Memberships.AsNoTracking()
            .Where(m => m.Role != Attest.Organizations.OrganizationRole.Employee && m.Role != Attest.Organizations.OrganizationRole.Auditor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(token);
    }
}
