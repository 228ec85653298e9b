using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Controls;

/// <summary>Creates or edits a control and, per framework, the requirement ids it meets. Contributors edit the controls they own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveControl save, RemoveControl remove, ActingContext acting)
    : OwnedRecordPage<Control>(db, authorization)
{
    public sealed class LinkForm
    {
        public string FrameworkKey { get; set; } = "";
        public string FrameworkName { get; set; } = "";
        public string? Codes { get; set; }
    }

    public sealed class ControlForm
    {
        public string? Reference { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public ImplementationStatus Status { get; set; }
        public string? ImplementationNotes { get; set; }
        public Guid? OwnerId { get; set; }
        public int? ReviewFrequencyMonths { get; set; }
        public DateOnly? NextReviewOn { get; set; }
        public string? Tags { get; set; }
        public bool EvidenceRequired { get; set; }
        public int? EvidenceFreshnessDays { get; set; }
        public List<LinkForm> Links { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public ControlForm Input { get; set; } = new();
    /// <summary>The risks this control treats, in place or planned.</summary>
    public IReadOnlyList<Attest.Risks.TreatedRisk> Risks { get; private set; } = [];
    /// <summary>Incidents whose review linked this control.</summary>
    public IReadOnlyList<Attest.Incidents.LinkedIncident> Incidents { get; private set; } = [];
    /// <summary>Whether the control's evidence is current, and the newest items.</summary>
    public Attest.Evidence.ControlEvidence? Evidence { get; private set; }
    public IReadOnlyList<Attest.Evidence.EvidenceRow> RecentEvidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        List<ControlRegister.Linked> links = [];
        if (IsNew)
        {
            Input.OwnerId = acting.UserId;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } control) return NotFound();
            Fill(control);
            CanEdit = await MayEditAsync(control);
            links = await ControlRegister.LinksAsync(Db, id, HttpContext.RequestAborted);
            Risks = await Attest.Risks.RiskQueries.TreatedByControlAsync(Db, id, HttpContext.RequestAborted);
            Incidents = await Attest.Incidents.IncidentQueries.OfControlAsync(Db, id, HttpContext.RequestAborted);
            Evidence = (await Attest.Evidence.EvidenceFreshness.ForControlsAsync(Db, [id], HttpContext.RequestAborted))[id];
            RecentEvidence = (await Attest.Evidence.EvidenceQueries.PageAsync(Db, new Attest.Evidence.EvidenceFilter(ControlId: id), 1, 10, HttpContext.RequestAborted)).Rows;
        }
        await FillLinksAsync(links);
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (!IsNew)
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
        }
        await FillFrameworkNamesAsync();
        return await SaveAsync(async () =>
            {
                var requirementIds = new List<Guid>();
                foreach (var link in Input.Links)
                {
                    requirementIds.AddRange(await RequirementCodes.ResolveAsync(Db, link.FrameworkKey, link.Codes, $"Requirements ({link.FrameworkName})", HttpContext.RequestAborted));
                }
                var saved = await save.RunAsync(id, new ControlInput(Input.Reference, Input.Name ?? "", Input.Description, Input.OwnerId, Input.Status, Input.ImplementationNotes,
                    Input.ReviewFrequencyMonths, Input.NextReviewOn, Input.Tags, requirementIds, Input.Version, Input.EvidenceRequired, Input.EvidenceFreshnessDays),
                    HttpContext.RequestAborted);
                id = saved;
            },
            $"The control '{Input.Name}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/controls/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        var (found, refusal) = await EditableAsync(Id);
        if (refusal is not null) return refusal;
        var control = found!;
        var id = control.Id;
        Fill(control);
        await FillLinksAsync(await ControlRegister.LinksAsync(Db, id, HttpContext.RequestAborted));
        return await SaveAsync(() => remove.RunAsync(id, version, HttpContext.RequestAborted), $"{control.Reference} has been removed.",
            async () => { if (await FindAsync(id) is { } current) Fill(current); }, successUrl: () => "/controls");
    }

    private void Fill(Control control) => Input = new ControlForm
    {
        Reference = control.Reference, Name = control.Name, Description = control.Description, Status = control.Status,
        ImplementationNotes = control.ImplementationNotes, OwnerId = control.OwnerId, ReviewFrequencyMonths = control.ReviewFrequencyMonths,
        NextReviewOn = control.NextReviewOn, Tags = control.Tags, EvidenceRequired = control.EvidenceRequired, EvidenceFreshnessDays = control.EvidenceFreshnessDays,
        Version = control.Version,
    };

    private async Task FillLinksAsync(IReadOnlyList<ControlRegister.Linked> links)
    {
        var frameworks = await FrameworkQueries.ListAsync(Db, HttpContext.RequestAborted);
        Input.Links = frameworks.Select(f => new LinkForm
        {
            FrameworkKey = f.Key, FrameworkName = f.Name,
            Codes = string.Join(", ", links.Where(l => l.FrameworkKey == f.Key).Select(l => l.Code)),
        }).ToList();
    }

    private async Task FillFrameworkNamesAsync()
    {
        var names = await Db.Frameworks.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Name, HttpContext.RequestAborted);
        Input.Links = Input.Links.Where(l => names.ContainsKey(l.FrameworkKey)).ToList();
        foreach (var link in Input.Links) link.FrameworkName = names[link.FrameworkKey];
    }
}
