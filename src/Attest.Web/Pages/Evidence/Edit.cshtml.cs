using Attest.Data;
using Attest.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Pages.Evidence;

/// <summary>
/// One evidence item: its content and hash, its versions, what it supports. Editors add evidence and new versions (Contributors of
/// what they own); only Managers delete, and the audit trail keeps what was deleted.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveEvidence save, RemoveEvidence remove, EvidenceUploads uploads, ActingContext acting)
    : OwnedRecordPage<EvidenceItem>(db, authorization)
{
    public sealed class EvidenceForm
    {
        public string? Title { get; set; }
        public EvidenceKind Kind { get; set; }
        public string? Description { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? CollectedOn { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public string? Url { get; set; }
        public string? Note { get; set; }
        public string? Controls { get; set; }
        public string? Risks { get; set; }
        public string? Documents { get; set; }
        public string? Requirements { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    /// <summary>Prefills the control on a new item (from a control's page).</summary>
    [BindProperty(SupportsGet = true)] public string? Control { get; set; }
    [BindProperty] public EvidenceForm Input { get; set; } = new();
    public EvidenceDetail? Detail { get; private set; }
    public bool CanDelete => acting.Role is { } role && Access.Allows(Access.Manager, role);
    public long MaxMegabytes => uploads.MaxBytes / (1024 * 1024);

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
            Input.OwnerId = acting.UserId;
            Input.Controls = Control;
        }
        else
        {
            if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } item) return NotFound();
            CanEdit = await MayEditAsync(item);
            Detail = await EvidenceQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
            Fill(Detail);
            await FillRequirementsAsync(Detail);
        }
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (IsNew)
        {
            if (!MayCreate) return Forbid();
        }
        else
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
            Detail = await EvidenceQueries.DetailAsync(Db, existing.Id, HttpContext.RequestAborted);
        }
        await LoadOwnersAsync();
        return await SaveAsync(async () =>
            {
                var token = HttpContext.RequestAborted;
                var links = await EvidenceLinkNotation.ResolveAsync(Db, Input.Controls, Input.Risks, Input.Documents, Input.Requirements, token);
                using var received = file is { Length: > 0 } ? await ReceiveAsync(file, token) : null;
                id = await save.RunAsync(id, new EvidenceInput(Input.Title ?? "", Detail?.Kind ?? Input.Kind, Input.Description, Input.OwnerId, Input.CollectedOn, Input.ValidUntil,
                    Input.Url, Input.Note, links, EvidenceSource.Uploaded, Version: Input.Version), received, token);
            },
            $"'{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/evidence/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (!CanDelete) return Forbid();
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } item) return NotFound();
        Detail = await EvidenceQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        Fill(Detail);
        await LoadOwnersAsync();
        return await SaveAsync(() => remove.RunAsync(id, version, HttpContext.RequestAborted), $"{item.Reference} has been deleted; the audit trail keeps its record.",
            async () => { if (await FindAsync(id) is { } current) Input.Version = current.Version; }, successUrl: () => "/evidence");
    }

    private async Task<ReceivedFile> ReceiveAsync(IFormFile file, CancellationToken token)
    {
        await using var stream = file.OpenReadStream();
        return await uploads.ReceiveAsync(stream, file.FileName, token);
    }

    private void Fill(EvidenceDetail d) => Input = new EvidenceForm
    {
        Title = d.Title, Kind = d.Kind, Description = d.Description, OwnerId = d.OwnerId, CollectedOn = d.CollectedOn, ValidUntil = d.ValidUntil, Url = d.Url, Note = d.Note,
        Controls = Join(d, EvidenceTarget.Control), Risks = Join(d, EvidenceTarget.Risk), Documents = Join(d, EvidenceTarget.Document),
        Version = d.Version,
    };

    private async Task FillRequirementsAsync(EvidenceDetail d)
    {
        var ids = d.Links.Where(l => l.Target == EvidenceTarget.Requirement).Select(l => l.TargetId).ToList();
        if (ids.Count > 0) Input.Requirements = Attest.Policies.IsoNotation.Format(ids, await Attest.Policies.RequirementIndex.LoadAsync(Db, ids, HttpContext.RequestAborted));
    }

    private static string Join(EvidenceDetail d, EvidenceTarget target) => string.Join(", ", d.Links.Where(l => l.Target == target).Select(l => l.Label.Split(' ')[0]));
}
