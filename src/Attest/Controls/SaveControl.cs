using Attest.Data;
using Attest.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Controls;

public sealed record ControlInput(
    string? Reference,
    string Name,
    string? Description,
    Guid? OwnerId,
    ImplementationStatus Status,
    string? ImplementationNotes,
    int? ReviewFrequencyMonths,
    DateOnly? NextReviewOn,
    string? Tags,
    IReadOnlyList<Guid> RequirementIds,
    int Version = 0,
    /// <summary>Whether the control must have current evidence (shown as missing or stale otherwise).</summary>
    bool EvidenceRequired = false,
    /// <summary>Days evidence stays fresh when it gives no valid-until date.</summary>
    int? EvidenceFreshnessDays = null);

/// <summary>Creates or updates a control and the requirements it satisfies.</summary>
public sealed class SaveControl(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ControlInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 300)
            .MaxLength(nameof(input.Reference), input.Reference, 40)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.ImplementationNotes), input.ImplementationNotes, 20_000)
            .MaxLength(nameof(input.Tags), input.Tags, 500)
            .Defined(nameof(input.Status), input.Status);
        if (input.ReviewFrequencyMonths is < 1 or > 60) validation.Add(nameof(input.ReviewFrequencyMonths), "must be between 1 and 60 months.");
        if (input.EvidenceFreshnessDays is < 1 or > 3660) validation.Add(nameof(input.EvidenceFreshnessDays), "must be between 1 and 3660 days.");
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Controls.AnyAsync(c => c.Reference == reference && c.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another control.");
        }
        var wanted = input.RequirementIds.Distinct().ToList();
        var known = await db.Requirements.Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count) validation.Add(nameof(input.RequirementIds), "names requirements that do not exist in this organization's frameworks.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        validation.ThrowIfInvalid();

        Control control;
        if (id is null)
        {
            control = new Control { Reference = string.IsNullOrEmpty(reference) ? await NextReferenceAsync(cancellationToken) : reference, Name = input.Name.Trim() };
            db.Controls.Add(control);
        }
        else
        {
            control = await db.Controls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Control", id);
            db.Entry(control).Property(c => c.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) control.Reference = reference;
        }
        control.Name = input.Name.Trim();
        control.Description = input.Description?.Trim() ?? "";
        control.OwnerId = input.OwnerId;
        control.Status = input.Status;
        control.ImplementationNotes = input.ImplementationNotes?.Trim() ?? "";
        control.ReviewFrequencyMonths = input.ReviewFrequencyMonths;
        control.NextReviewOn = input.NextReviewOn;
        control.Tags = string.Join(", ", (input.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        control.EvidenceRequired = input.EvidenceRequired;
        control.EvidenceFreshnessDays = input.EvidenceFreshnessDays;

        var links = await db.ControlRequirements.Where(l => l.ControlId == control.Id).ToListAsync(cancellationToken);
        db.ControlRequirements.RemoveRange(links.Where(l => !wanted.Contains(l.RequirementId)));
        foreach (var requirementId in wanted.Except(links.Select(l => l.RequirementId)))
        {
            db.ControlRequirements.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirementId });
        }
        await db.SaveAsync("control", cancellationToken);
        return control.Id;
    }

    private Task<string> NextReferenceAsync(CancellationToken cancellationToken) =>
        References.NextAsync(db.Controls.Select(c => c.Reference), "CTL-", 3, cancellationToken);
}

/// <summary>Removes a control; its links go with it, the audit trail keeps what it was.</summary>
public sealed class RemoveControl(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var control = await db.Controls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Control", id);
        db.Entry(control).Property(c => c.Version).OriginalValue = version;
        db.ControlRequirements.RemoveRange(await db.ControlRequirements.Where(l => l.ControlId == id).ToListAsync(cancellationToken));
        // Links from risks, checks and evidence go too, each in the audit trail (the database would cascade them silently).
        db.RiskControls.RemoveRange(await db.RiskControls.Where(l => l.ControlId == id).ToListAsync(cancellationToken));
        db.CheckControls.RemoveRange(await db.CheckControls.Where(l => l.ControlId == id).ToListAsync(cancellationToken));
        db.EvidenceLinks.RemoveRange(await db.EvidenceLinks.Where(l => l.Target == Evidence.EvidenceTarget.Control && l.TargetId == id).ToListAsync(cancellationToken));
        foreach (var task in await db.RiskTasks.Where(t => t.ControlId == id).ToListAsync(cancellationToken)) task.ControlId = null;
        db.Controls.Remove(control);
        await db.SaveAsync("control", cancellationToken);
    }
}

/// <summary>Turns "A.5.1, A.8.24" (codes of one framework) into requirement ids, naming any code that does not exist.</summary>
public static class RequirementCodes
{
    public static async Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string frameworkKey, string? codes, string field, CancellationToken cancellationToken = default)
    {
        var wanted = (codes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return [];
        var found = await db.Requirements
            .Join(db.Frameworks.Where(f => f.Key == frameworkKey), r => r.FrameworkId, f => f.Id, (r, _) => new { r.Id, r.Code })
            .Where(r => wanted.Contains(r.Code))
            .ToListAsync(cancellationToken);
        var missing = wanted.Where(w => !found.Any(f => string.Equals(f.Code, w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0) throw ValidationFailedException.For(field, $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not in {frameworkKey}.");
        return found.Select(f => f.Id).ToList();
    }
}

/// <summary>Turns "CTL-001, CTL-007" into control ids, naming any reference that is not a control here.</summary>
public static class ControlReferences
{
    public static Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string? references, string field, CancellationToken cancellationToken = default) =>
        References.ResolveAsync(references, field, "control", async (wanted, token) =>
            await db.Controls.AsNoTracking().Where(c => wanted.Contains(c.Reference)).Select(c => new KeyValuePair<string, Guid>(c.Reference, c.Id)).ToListAsync(token), cancellationToken);
}
