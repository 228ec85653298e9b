using Attest.Controls;
using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Risks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Incidents;

/// <summary>
/// One incident: its timeline and SLA, the handler's edits, status changes, notes, the post-incident review, corrective actions and the
/// breach record's clock. Readers read; Managers edit every incident, Contributors those they handle.
/// </summary>
[Authorize(Policy = Access.Reader)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveIncident save, ChangeIncidentStatus changeStatus, AddIncidentNote addNote,
    RecordIncidentReview review, SaveCorrectiveAction saveAction) : OwnedRecordPage<Incident>(db, authorization)
{
    public sealed class IncidentForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public IncidentCategory Category { get; set; }
        public IncidentSeverity Severity { get; set; }
        public Guid? OwnerId { get; set; }
        public string? OccurredAt { get; set; }
        public string? DetectedAt { get; set; }
        public string? AssetRefs { get; set; }
        public string? AffectedClients { get; set; }
        public string? AffectedData { get; set; }
        public bool PersonalData { get; set; }
        public Guid? SupplierId { get; set; }
        public int Version { get; set; }
    }

    public sealed class StatusForm
    {
        public IncidentStatus Status { get; set; }
        public string? At { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public sealed class ReviewForm
    {
        public string? RootCause { get; set; }
        public string? LessonsLearned { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        /// <summary>One per line: a risk reference, then a colon and the note ("R-004: likelihood raised").</summary>
        public string? Risks { get; set; }
        public string? Controls { get; set; }
        public int Version { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public Guid? OwnerId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed record SupplierChoice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public IncidentForm Input { get; set; } = new();
    [BindProperty] public StatusForm StatusInput { get; set; } = new();
    [BindProperty] public ReviewForm ReviewInput { get; set; } = new();
    [BindProperty] public ActionForm ActionInput { get; set; } = new();
    [BindProperty] public string? NoteText { get; set; }
    public IncidentDetail? Detail { get; private set; }
    /// <summary>The nonconformities raised from this incident (clause 10.2).</summary>
    public IReadOnlyList<Attest.Improvement.RaisedNonconformity> Nonconformities { get; private set; } = [];
    public IReadOnlyList<SupplierChoice> Suppliers { get; private set; } = [];
    public List<string> ActionErrors { get; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } incident) return NotFound();
        CanEdit = await MayEditAsync(incident);
        await DescribeAsync(id);
        Fill();
        await LoadChoicesAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => ActAsync(async id =>
    {
        var validation = new Validation();
        var occurred = IncidentForms.Read(Input.OccurredAt, Zone, "OccurredAt", validation);
        var detected = IncidentForms.Read(Input.DetectedAt, Zone, "DetectedAt", validation);
        if (string.IsNullOrWhiteSpace(Input.DetectedAt)) validation.Add("DetectedAt", "is required.");
        validation.ThrowIfInvalid();
        var assets = await AssetReferences.ResolveAsync(Db, Input.AssetRefs, "AssetRefs", HttpContext.RequestAborted);
        await save.RunAsync(id, new IncidentInput(Input.Title ?? "", Input.Description, Input.Category, Input.Severity, Input.OwnerId, occurred, detected!.Value, assets,
            Input.AffectedClients, Input.AffectedData, Input.PersonalData, Input.SupplierId, Input.Version), HttpContext.RequestAborted);
        return $"{Detail!.Reference} has been saved.";
    }, keepDetails: true);

    public Task<IActionResult> OnPostStatusAsync() => ActAsync(async id =>
    {
        var validation = new Validation();
        var at = IncidentForms.Read(StatusInput.At, Zone, IncidentLabels.FieldOf(StatusInput.Status), validation);
        validation.ThrowIfInvalid();
        await changeStatus.RunAsync(id, StatusInput.Status, at, StatusInput.Note, StatusInput.Version, HttpContext.RequestAborted);
        return $"{Detail!.Reference} is now {StatusInput.Status}.";
    });

    public Task<IActionResult> OnPostNoteAsync() => ActAsync(async id =>
    {
        await addNote.RunAsync(id, NoteText ?? "", null, HttpContext.RequestAborted);
        return "The note has been added to the timeline.";
    });

    public Task<IActionResult> OnPostReviewAsync() => ActAsync(async id =>
    {
        var token = HttpContext.RequestAborted;
        var risks = await LinksAsync(ReviewInput.Risks, "Risks", "risk", async wanted =>
            await Db.Risks.AsNoTracking().Where(r => wanted.Contains(r.Reference)).Select(r => new KeyValuePair<string, Guid>(r.Reference, r.Id)).ToListAsync(token));
        var controls = await LinksAsync(ReviewInput.Controls, "Controls", "control", async wanted =>
            await Db.Controls.AsNoTracking().Where(c => wanted.Contains(c.Reference)).Select(c => new KeyValuePair<string, Guid>(c.Reference, c.Id)).ToListAsync(token));
        await review.RunAsync(id, new IncidentReviewInput(ReviewInput.RootCause, ReviewInput.LessonsLearned, ReviewInput.ReviewedOn, risks, controls, ReviewInput.Version), token);
        return "The post-incident review has been saved.";
    });

    public Task<IActionResult> OnPostActionAsync() => ActAsync(async id =>
    {
        await saveAction.RunAsync(null, new CorrectiveActionInput(ActionInput.Title ?? "", Source: ActionSource.Incident, SourceId: id, OwnerId: ActionInput.OwnerId,
            DueOn: ActionInput.DueOn), HttpContext.RequestAborted);
        return $"Corrective action '{ActionInput.Title}' added.";
    });

    /// <summary>Reads "R-004: note" lines into links; a reference that names nothing is an error on the field.</summary>
    private static async Task<IReadOnlyList<IncidentLinkInput>> LinksAsync(string? text, string field, string noun,
        Func<List<string>, Task<List<KeyValuePair<string, Guid>>>> find)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2)).Select(parts => (Reference: parts[0].Trim(), Note: parts.Length > 1 ? parts[1].Trim() : "")).ToList();
        if (lines.Count == 0) return [];
        var found = await find(lines.Select(l => l.Reference).ToList());
        var missing = lines.Where(l => !found.Any(f => string.Equals(f.Key, l.Reference, StringComparison.OrdinalIgnoreCase))).Select(l => l.Reference).ToList();
        if (missing.Count > 0) throw ValidationFailedException.For(field, $"{string.Join(", ", missing)}: not a {noun} reference here.");
        return lines.Select(l => new IncidentLinkInput(found.First(f => string.Equals(f.Key, l.Reference, StringComparison.OrdinalIgnoreCase)).Value, l.Note)).ToList();
    }

    /// <summary>Runs one of the incident's actions and returns to it; on failure the page shows why with the right status and keeps what was typed.</summary>
    private async Task<IActionResult> ActAsync(Func<Guid, Task<string>> action, bool keepDetails = false)
    {
        if (!Guid.TryParse(Id, out var id) || await FindAsync(id) is not { } incident) return NotFound();
        CanEdit = await MayEditAsync(incident);
        if (!CanEdit) return Forbid();
        Zone = IncidentForms.Zone(HttpContext);
        await DescribeAsync(id);
        string? message = null;
        if (await this.TryAsync(Db, ActionErrors, async () => message = await action(id)))
        {
            TempData["Success"] = message;
            return Redirect($"/incidents/{id}");
        }
        var typed = Input;
        Fill();
        if (keepDetails) Input = typed;
        await LoadChoicesAsync();
        return Page();
    }

    private async Task DescribeAsync(Guid id)
    {
        Zone = IncidentForms.Zone(HttpContext);
        Now = Instant.Now(Db.Clock);
        Detail = await IncidentQueries.DetailAsync(Db, id, HttpContext.RequestAborted);
        Nonconformities = await Attest.Improvement.NonconformityRegister.ForSourceAsync(Db, Attest.Improvement.NonconformitySource.Incident, id, HttpContext.RequestAborted);
    }

    private void Fill()
    {
        var d = Detail!;
        Input = new IncidentForm
        {
            Title = d.Title, Description = d.Description, Category = d.Category, Severity = d.Severity, OwnerId = d.OwnerId,
            OccurredAt = IncidentForms.Local(d.OccurredAt, Zone), DetectedAt = IncidentForms.Local(d.DetectedAt, Zone),
            AssetRefs = string.Join(", ", d.Assets.Select(a => a.Reference)), AffectedClients = d.AffectedClients, AffectedData = d.AffectedData,
            PersonalData = d.PersonalData, SupplierId = d.SupplierId, Version = d.Version,
        };
        if (ActionErrors.Count == 0 || StatusInput.Version == 0)
        {
            StatusInput = new StatusForm { Status = d.Status == IncidentStatus.Closed ? IncidentStatus.Triaged : d.Status + 1, Version = d.Version };
        }
        else
        {
            StatusInput.Version = d.Version;
        }
        if (ActionErrors.Count == 0 || ReviewInput.Version == 0)
        {
            ReviewInput = new ReviewForm
            {
                RootCause = d.RootCause, LessonsLearned = d.LessonsLearned, ReviewedOn = d.ReviewedOn, Version = d.Version,
                Risks = string.Join("\n", d.Risks.Select(r => string.IsNullOrEmpty(r.Note) ? r.Reference : $"{r.Reference}: {r.Note}")),
                Controls = string.Join("\n", d.Controls.Select(c => string.IsNullOrEmpty(c.Note) ? c.Reference : $"{c.Reference}: {c.Note}")),
            };
        }
        else
        {
            ReviewInput.Version = d.Version;
        }
    }

    private async Task LoadChoicesAsync()
    {
        await LoadOwnersAsync();
        Suppliers = await Db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new SupplierChoice(s.Id, s.Reference + " " + s.Name)).ToListAsync(HttpContext.RequestAborted);
    }
}
