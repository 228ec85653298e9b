using Attest.Data;
using Attest.Soa;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Soa;

/// <summary>The Manager's decision on one Annex A control: applicable or excluded, why, and the justification.</summary>
[Authorize(Policy = Access.Manager)]
public sealed class EntryModel(AttestDbContext db, SaveSoaDecision save) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    /// <summary>Prefills the form citing the risks that make the control applicable (nothing is saved until the Manager saves).</summary>
    [BindProperty(SupportsGet = true)] public bool Cite { get; set; }
    public IReadOnlyList<Attest.Risks.TreatedRisk> Risks { get; private set; } = [];
    [BindProperty] public bool Applicable { get; set; } = true;
    [BindProperty] public List<InclusionReasons> Reasons { get; set; } = [];
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public int Version { get; set; }
    public SoaRow? Row { get; private set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadRowAsync()) return NotFound();
        var decision = await DecisionAsync();
        Applicable = decision?.Applicable ?? true;
        Reasons = Enum.GetValues<InclusionReasons>().Where(r => r != InclusionReasons.None && decision is not null && decision.Reasons.HasFlag(r)).ToList();
        Justification = decision?.Justification;
        Version = decision?.Version ?? 0;
        if (Cite && Risks.Count > 0)
        {
            if (!Reasons.Contains(InclusionReasons.RiskTreatment)) Reasons.Add(InclusionReasons.RiskTreatment);
            var citation = $"Treats risks {string.Join(", ", Risks.Select(r => r.Reference))}.";
            Justification = string.IsNullOrWhiteSpace(Justification) ? citation : $"{Justification.TrimEnd()} {citation}";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadRowAsync()) return NotFound();
        var reasons = Reasons.Aggregate(InclusionReasons.None, (all, r) => all | r);
        try
        {
            await save.RunAsync(Key, new SoaDecisionInput(Code, Applicable, reasons, Justification, Version), HttpContext.RequestAborted);
            TempData["Success"] = $"{Code} has been saved in the draft SoA.";
            return Redirect($"/soa/{Key}");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var message in messages) ModelState.AddModelError(field, message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException conflict)
        {
            db.ChangeTracker.Clear();
            Conflict = conflict.Message + " What you entered is kept below; saving again replaces the other change.";
            Version = (await DecisionAsync())?.Version ?? 0;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    private async Task<bool> LoadRowAsync()
    {
        if (!StatementOfApplicability.Frameworks.Contains(Key)) return false;
        Row = (await StatementOfApplicability.DraftAsync(db, Key, HttpContext.RequestAborted)).Rows.FirstOrDefault(r => r.Code == Code);
        if (Row is null) return false;
        var requirement = await db.Requirements.AsNoTracking().Join(db.Frameworks.Where(f => f.Key == Key), r => r.FrameworkId, f => f.Id, (r, _) => r)
            .Where(r => r.Code == Code).Select(r => r.Id).FirstAsync(HttpContext.RequestAborted);
        Risks = await Attest.Risks.RiskQueries.ForRequirementAsync(db, requirement, HttpContext.RequestAborted);
        return true;
    }

    private async Task<SoaDecision?> DecisionAsync() =>
        await db.SoaDecisions.AsNoTracking()
            .Join(db.Requirements.Where(r => r.Code == Code), d => d.RequirementId, r => r.Id, (d, _) => d)
            .Join(db.Frameworks.Where(f => f.Key == Key), d => d.FrameworkId, f => f.Id, (d, _) => d)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
}
