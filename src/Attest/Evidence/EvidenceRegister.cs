using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Evidence;

public sealed record EvidenceLinkInput(EvidenceTarget Target, Guid TargetId);

public sealed record EvidenceInput(
    string Title,
    EvidenceKind Kind,
    string? Description = null,
    Guid? OwnerId = null,
    DateOnly? CollectedOn = null,
    DateOnly? ValidUntil = null,
    string? Url = null,
    string? Note = null,
    /// <summary>What it supports; null leaves the links as they are.</summary>
    IReadOnlyList<EvidenceLinkInput>? Links = null,
    EvidenceSource Source = EvidenceSource.Uploaded,
    Guid? CheckId = null,
    bool? Passed = null,
    int Version = 0);

/// <summary>
/// Records evidence or a new version of it. A new file, link or note makes the next version and keeps the earlier ones; changing only
/// the title, owner, dates or links does not. A file is stored once per organization by its SHA-256.
/// </summary>
public sealed class SaveEvidence(AttestDbContext db, IEvidenceStore store)
{
    public async Task<Guid> RunAsync(Guid? id, EvidenceInput input, ReceivedFile? file = null, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.Url), input.Url, 2000)
            .MaxLength(nameof(input.Note), input.Note, 50_000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Source), input.Source);
        EvidenceItem? item = null;
        if (id is not null) item = await db.EvidenceItems.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Evidence", id);
        var kind = item?.Kind ?? input.Kind;
        var newContent = id is null || file is not null || (kind == EvidenceKind.Link && input.Url is not null && input.Url.Trim() != item!.Url)
            || (kind is EvidenceKind.Note or EvidenceKind.CheckResult && input.Note is not null && input.Note.Trim() != item!.Note);
        switch (kind)
        {
            case EvidenceKind.File when id is null && file is null:
                validation.Add("File", "choose a file to upload.");
                break;
            case EvidenceKind.Link when !string.IsNullOrWhiteSpace(input.Url) || id is null:
                if (!Uri.TryCreate(input.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                {
                    validation.Add(nameof(input.Url), $"'{input.Url}' is not an http(s) address.");
                }
                break;
            case EvidenceKind.Note when id is null && string.IsNullOrWhiteSpace(input.Note):
                validation.Add(nameof(input.Note), "write the note.");
                break;
        }
        if (file is not null && kind != EvidenceKind.File) validation.Add("File", $"{EvidenceLabels.Of(kind)} evidence has no file.");
        var collected = input.CollectedOn ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (input.ValidUntil is { } until && until < collected) validation.Add(nameof(input.ValidUntil), "must not be before the collection date.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var links = input.Links?.Distinct().ToList();
        if (links is not null) await EvidenceTargets.CheckAsync(db, validation, links, cancellationToken);
        validation.ThrowIfInvalid();

        var now = Instant.Now(db.Clock);
        EvidenceFile? stored = null;
        if (file is not null)
        {
            stored = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Sha256 == file.Sha256, cancellationToken);
            if (stored is null)
            {
                stored = new EvidenceFile { Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, CreatedAt = now };
                db.EvidenceFiles.Add(stored);
            }
        }
        if (item is null)
        {
            item = new EvidenceItem
            {
                Reference = await References.NextAsync(db.EvidenceItems.Select(e => e.Reference), "EV-", 6, cancellationToken),
                Title = input.Title.Trim(), Kind = input.Kind, Source = input.Source, CheckId = input.CheckId,
            };
            db.EvidenceItems.Add(item);
        }
        else
        {
            db.Entry(item).Property(e => e.Version).OriginalValue = input.Version;
        }
        item.Title = input.Title.Trim();
        item.Description = input.Description?.Trim() ?? "";
        item.OwnerId = input.OwnerId;
        item.Passed = input.Passed ?? item.Passed;
        if (newContent)
        {
            item.CurrentVersion++;
            item.CollectedOn = collected;
            item.ValidUntil = input.ValidUntil;
            if (stored is not null) (item.FileId, item.FileName) = (stored.Id, file!.FileName);
            if (kind == EvidenceKind.Link) item.Url = input.Url?.Trim();
            if (kind is EvidenceKind.Note or EvidenceKind.CheckResult) item.Note = input.Note?.Trim() ?? "";
            db.EvidenceVersions.Add(new EvidenceVersion
            {
                EvidenceId = item.Id, Number = item.CurrentVersion, FileId = item.FileId, FileName = item.FileName, Url = item.Url, Note = item.Note,
                CollectedOn = item.CollectedOn, ValidUntil = item.ValidUntil, CreatedAt = now, CreatedBy = db.Acting.Actor,
            });
        }
        else
        {
            if (input.CollectedOn is { } changed) item.CollectedOn = changed;
            item.ValidUntil = input.ValidUntil;
        }
        if (links is not null)
        {
            var current = await db.EvidenceLinks.Where(l => l.EvidenceId == item.Id).ToListAsync(cancellationToken);
            db.EvidenceLinks.RemoveRange(current.Where(c => !links.Contains(new EvidenceLinkInput(c.Target, c.TargetId))));
            foreach (var link in links.Where(l => !current.Any(c => c.Target == l.Target && c.TargetId == l.TargetId)))
            {
                db.EvidenceLinks.Add(new EvidenceLink { EvidenceId = item.Id, Target = link.Target, TargetId = link.TargetId });
            }
        }
        // The file is put in place before the record that names it is committed; if the save fails, an unreferenced file is all that remains.
        if (file is not null && stored is not null) await store.PutAsync(file.Sha256, file.TemporaryPath, cancellationToken);
        await db.SaveAsync("evidence", cancellationToken);
        return item.Id;
    }
}

/// <summary>Deletes an evidence item with its versions and links (Managers only, enforced by pages and API); the audit trail records what it was.</summary>
public sealed class RemoveEvidence(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var item = await db.EvidenceItems.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Evidence", id);
        db.Entry(item).Property(e => e.Version).OriginalValue = version;
        db.EvidenceLinks.RemoveRange(await db.EvidenceLinks.Where(l => l.EvidenceId == id).ToListAsync(cancellationToken));
        db.EvidenceVersions.RemoveRange(await db.EvidenceVersions.Where(v => v.EvidenceId == id).ToListAsync(cancellationToken));
        db.EvidenceItems.Remove(item);
        // Files stay stored: other items or versions may share them, and an auditor's downloaded copy keeps matching its hash.
        await db.SaveAsync("evidence", cancellationToken);
    }
}

/// <summary>Checks that linked records exist in the organization.</summary>
public static class EvidenceTargets
{
    public static async Task CheckAsync(AttestDbContext db, Validation validation, IReadOnlyList<EvidenceLinkInput> links, CancellationToken cancellationToken)
    {
        foreach (var group in links.GroupBy(l => l.Target))
        {
            var ids = group.Select(l => l.TargetId).Distinct().ToList();
            int found = group.Key switch
            {
                EvidenceTarget.Control => await db.Controls.CountAsync(c => ids.Contains(c.Id), cancellationToken),
                EvidenceTarget.Requirement => await db.Requirements.CountAsync(r => ids.Contains(r.Id), cancellationToken),
                EvidenceTarget.Risk => await db.Risks.CountAsync(r => ids.Contains(r.Id), cancellationToken),
                EvidenceTarget.Document => await db.Documents.CountAsync(d => ids.Contains(d.Id), cancellationToken),
                _ => -1,
            };
            if (found == -1) validation.Add("Links", $"{group.Key} records cannot be linked yet: that register is not in Attest yet.");
            else if (found != ids.Count) validation.Add("Links", $"names {group.Key.ToString().ToLowerInvariant()}s that do not exist in this organization.");
        }
    }
}

public static class EvidenceLabels
{
    public static string Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.CheckResult => "check result",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>Evidence links written the way people write them: control, risk and document references, and requirements in the ISO notation.</summary>
public static class EvidenceLinkNotation
{
    public static async Task<List<EvidenceLinkInput>> ResolveAsync(AttestDbContext db, string? controls, string? risks, string? documents, string? requirements,
        CancellationToken cancellationToken = default)
    {
        var links = new List<EvidenceLinkInput>();
        var errors = new Validation();
        async Task Collect(EvidenceTarget target, string field, Func<Task<IReadOnlyList<Guid>>> resolve)
        {
            try { links.AddRange((await resolve()).Select(id => new EvidenceLinkInput(target, id))); }
            catch (ValidationFailedException invalid) { foreach (var message in invalid.Errors.SelectMany(e => e.Value)) errors.Add(field, message); }
        }
        await Collect(EvidenceTarget.Control, "Controls", () => Controls.ControlReferences.ResolveAsync(db, controls, "Controls", cancellationToken));
        await Collect(EvidenceTarget.Risk, "Risks", () => References.ResolveAsync(risks, "Risks", "risk", async (wanted, token) =>
            await db.Risks.AsNoTracking().Where(r => wanted.Contains(r.Reference)).Select(r => new KeyValuePair<string, Guid>(r.Reference, r.Id)).ToListAsync(token), cancellationToken));
        await Collect(EvidenceTarget.Document, "Documents", () => References.ResolveAsync(documents, "Documents", "document", async (wanted, token) =>
            await db.Documents.AsNoTracking().Where(d => wanted.Contains(d.Reference)).Select(d => new KeyValuePair<string, Guid>(d.Reference, d.Id)).ToListAsync(token), cancellationToken));
        if (!string.IsNullOrWhiteSpace(requirements))
        {
            await Collect(EvidenceTarget.Requirement, "Requirements", async () =>
                Policies.IsoNotation.Parse(requirements, await Policies.RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken), "Requirements"));
        }
        errors.ThrowIfInvalid();
        return links;
    }
}
