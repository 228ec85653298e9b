using System.Globalization;
using Attest.Data;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Risks;

/// <summary>
/// The risk methodology: any version as it was (scales, matrix, acceptance criteria, review frequency), the list of versions with the risks
/// still assessed under each, and for Managers the form that saves the next version or adopts a ready-made one.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class MethodologyModel(AttestDbContext db, SaveRiskMethodology save, ActingContext acting) : PageModel
{
    public sealed record VersionRow(int Number, string Name, string ChangeNote, DateTimeOffset CreatedAt, string CreatedBy, int Risks);

    public sealed class MethodologyForm
    {
        public string? Name { get; set; }
        public string? Approach { get; set; }
        public string? Likelihood { get; set; }
        public string? Impact { get; set; }
        public string? Levels { get; set; }
        public string? Matrix { get; set; }
        public string? CisoTitles { get; set; }
        public string? ExecutiveTitles { get; set; }
        public string? ChangeNote { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public MethodologyForm Input { get; set; } = new();
    public RiskMethodology? Shown { get; private set; }
    public MethodologyDefinition? Definition { get; private set; }
    public int CurrentNumber { get; private set; }
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool CanManage => acting.Role is { } role && Access.Allows(Access.Manager, role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Definition is not null) Input = ToForm(Shown!, Definition);
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(string key)
    {
        if (!CanManage) return Forbid();
        var number = 0;
        if (await this.TryAsync(db, Errors, async () => number = await save.FromTemplateAsync(key ?? "", HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"Methodology v{number} is now in use.";
            return Redirect("/risks/methodology");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var number = 0;
        var before = await db.RiskMethodologies.AsNoTracking().MaxAsync(m => (int?)m.Number, HttpContext.RequestAborted) ?? 0;
        if (await this.TryAsync(db, Errors, async () => number = await save.RunAsync(Input.Name ?? "", Input.Approach, Parse(Input), Input.ChangeNote, HttpContext.RequestAborted)))
        {
            TempData["Success"] = number == before ? "Nothing changed: no new version." : $"Methodology v{number} saved; existing risks keep their version until re-assessed.";
            return Redirect("/risks/methodology");
        }
        Version = null;
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var token = HttpContext.RequestAborted;
        Versions = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Number)
            .Select(m => new VersionRow(m.Number, m.Name, m.ChangeNote, m.CreatedAt, m.CreatedBy, db.Risks.Count(r => r.MethodologyId == m.Id)))
            .ToListAsync(token);
        CurrentNumber = Versions.Count == 0 ? 0 : Versions[0].Number;
        if (Versions.Count == 0) return Version is null;
        var number = Version ?? CurrentNumber;
        Shown = await db.RiskMethodologies.AsNoTracking().FirstOrDefaultAsync(m => m.Number == number, token);
        if (Shown is null) return false;
        Definition = MethodologyDefinition.Parse(Shown.Definition);
        return true;
    }

    private static MethodologyForm ToForm(RiskMethodology m, MethodologyDefinition d) => new()
    {
        Name = m.Name, Approach = m.Approach,
        Likelihood = string.Join("\n", d.Likelihood.Select(s => $"{s.Label} | {s.Description}")),
        Impact = string.Join("\n", d.Impact.Select(s => $"{s.Label} | {s.Description}")),
        Levels = string.Join("\n", d.Levels.Select(l => $"{l.Name} | {l.Colour} | {AuthorityWord(l.AcceptableBy)} | {l.ReviewMonths} | {l.Description}")),
        Matrix = string.Join("\n", d.Matrix.Select(row => string.Join(", ", row.Select(i => d.Levels[i].Name)))),
        CisoTitles = d.CisoTitles, ExecutiveTitles = d.ExecutiveTitles,
    };

    private static string AuthorityWord(AcceptanceAuthority authority) => authority switch
    {
        AcceptanceAuthority.RiskOwner => "owner",
        AcceptanceAuthority.Ciso => "ciso",
        AcceptanceAuthority.Executive => "executive",
        _ => "none",
    };

    /// <summary>Reads the form's line-per-item fields; every line that cannot be read is named with its field and number.</summary>
    internal static MethodologyDefinition Parse(MethodologyForm form)
    {
        var errors = new Validation();
        static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        List<ScaleStep> Scale(string field, string? text) => Lines(text).Select(line =>
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            return new ScaleStep(parts[0], parts.Length > 1 ? parts[1] : "");
        }).ToList();
        var likelihood = Scale("Likelihood", form.Likelihood);
        var impact = Scale("Impact", form.Impact);
        var levels = new List<RiskLevel>();
        var levelLines = Lines(form.Levels);
        for (var n = 0; n < levelLines.Count; n++)
        {
            var parts = levelLines[n].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 4) { errors.Add("Levels", $"line {n + 1}: write 'name | #colour | owner, ciso, executive or none | review months | description'."); continue; }
            AcceptanceAuthority? authority = parts[2].ToLowerInvariant() switch
            {
                "owner" or "risk owner" => AcceptanceAuthority.RiskOwner,
                "ciso" => AcceptanceAuthority.Ciso,
                "executive" => AcceptanceAuthority.Executive,
                "none" or "not acceptable" => AcceptanceAuthority.NotAcceptable,
                _ => null,
            };
            if (authority is null) errors.Add("Levels", $"line {n + 1}: '{parts[2]}' is not owner, ciso, executive or none.");
            if (!int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var months)) errors.Add("Levels", $"line {n + 1}: review months '{parts[3]}' is not a whole number.");
            levels.Add(new RiskLevel(parts[0], parts[1], authority ?? AcceptanceAuthority.NotAcceptable, months, parts.Length > 4 ? string.Join(" | ", parts[4..]) : ""));
        }
        var matrix = new List<IReadOnlyList<int>>();
        var matrixLines = Lines(form.Matrix);
        for (var n = 0; n < matrixLines.Count; n++)
        {
            var row = new List<int>();
            foreach (var name in matrixLines[n].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var index = levels.FindIndex(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0) errors.Add("Matrix", $"line {n + 1}: '{name}' is not one of the levels ({string.Join(", ", levels.Select(l => l.Name))}).");
                row.Add(index);
            }
            matrix.Add(row);
        }
        errors.ThrowIfInvalid();
        return new MethodologyDefinition(likelihood, impact, levels, matrix, form.CisoTitles ?? "", form.ExecutiveTitles ?? "");
    }
}
