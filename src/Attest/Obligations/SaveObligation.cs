using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Obligations;

/// <summary>
/// An obligation as a form or the API sends it. <see cref="Requirements"/> names requirements of any framework as "framework-key code"
/// ("iso27001-2022 A.5.31; gdpr Art. 32"), <see cref="RequirementIds"/> by id; <see cref="Controls"/> are control references (CTL-004) and
/// <see cref="Assets"/> asset or AI system references (AST-00012). A null list leaves those links as they are; an empty one removes them.
/// </summary>
public sealed record ObligationInput(
    string Title,
    ObligationKind Kind = ObligationKind.Regulation,
    string? Source = null,
    string? Jurisdiction = null,
    string? Description = null,
    Guid? OwnerId = null,
    string? BusinessProcesses = null,
    string? Clients = null,
    DateOnly? ContractStartOn = null,
    DateOnly? ContractEndOn = null,
    ComplianceStatus Status = ComplianceStatus.NotAssessed,
    string? StatusReason = null,
    DateOnly? ReviewOn = null,
    Guid? HolderPersonId = null,
    string? Holder = null,
    string? IssuingBody = null,
    string? LicenceNumber = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidUntil = null,
    int RenewalLeadDays = 0,
    string? Requirements = null,
    IReadOnlyList<Guid>? RequirementIds = null,
    string? Controls = null,
    string? Assets = null,
    int Version = 0);

/// <summary>
/// Adds or updates an obligation (OB-001 …) with the requirements, controls and assets that meet it or it applies to. A licence needs its
/// holder (a person of the register, or a name such as the company's), issuing body, number and last valid day, a renewal lead time of
/// 0–365 days and a start no later than its end; a contract needs its client, and ends no earlier than it starts. A status other than
/// compliant or not assessed needs its reason; a change of status records today (the organization's date) as the assessment date.
/// </summary>
public sealed class SaveObligation(AttestDbContext db)
{
    public const int MaxRenewalLeadDays = 365;

    public async Task<Guid> RunAsync(Guid? id, ObligationInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Source), input.Source, 500)
            .MaxLength(nameof(input.Jurisdiction), input.Jurisdiction, 200)
            .MaxLength(nameof(input.Description), input.Description, 20000)
            .MaxLength(nameof(input.BusinessProcesses), input.BusinessProcesses, 2000)
            .MaxLength(nameof(input.Clients), input.Clients, 2000)
            .MaxLength(nameof(input.StatusReason), input.StatusReason, 4000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Status), input.Status);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.Status is ComplianceStatus.PartiallyCompliant or ComplianceStatus.NotCompliant && string.IsNullOrWhiteSpace(input.StatusReason))
        {
            validation.Add(nameof(input.StatusReason), "is required when the obligation is not fully compliant: say what is missing.");
        }
        var licence = input.Kind == ObligationKind.Licence;
        var contract = input.Kind == ObligationKind.Contract;
        string? holderName = null;
        if (licence)
        {
            if (input.HolderPersonId is { } person)
            {
                holderName = await db.People.AsNoTracking().Where(p => p.Id == person).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
                if (holderName is null) validation.Add(nameof(input.HolderPersonId), "is not a person of this organization's register.");
            }
            else
            {
                validation.Required(nameof(input.Holder), input.Holder, 300);
            }
            validation.Required(nameof(input.IssuingBody), input.IssuingBody, 300).Required(nameof(input.LicenceNumber), input.LicenceNumber, 100);
            if (input.ValidUntil is null) validation.Add(nameof(input.ValidUntil), "is required for a licence: the last day it is valid.");
            if (input.ValidFrom is { } from && input.ValidUntil is { } until && from > until) validation.Add(nameof(input.ValidFrom), "must be on or before ValidUntil.");
            if (input.RenewalLeadDays is < 0 or > MaxRenewalLeadDays) validation.Add(nameof(input.RenewalLeadDays), $"must be between 0 and {MaxRenewalLeadDays} days.");
        }
        if (contract)
        {
            if (string.IsNullOrWhiteSpace(input.Clients)) validation.Add(nameof(input.Clients), "is required for a contract: name the client.");
            if (input.ContractStartOn is { } start && input.ContractEndOn is { } end && end < start) validation.Add(nameof(input.ContractEndOn), "must be on or after ContractStartOn.");
        }
        validation.ThrowIfInvalid();

        // Links are resolved after the simple rules so one response names every field; each resolver names its own unknown references.
        var links = await ObligationLinks.ResolveAsync(db, input, cancellationToken);

        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        Obligation obligation;
        if (id is null)
        {
            obligation = new Obligation
            {
                Reference = await References.NextAsync(db.Obligations.Select(o => o.Reference), "OB-", 3, cancellationToken),
                Title = input.Title.Trim(),
            };
            db.Obligations.Add(obligation);
            obligation.AssessedOn = input.Status == ComplianceStatus.NotAssessed ? null : today;
        }
        else
        {
            obligation = await db.Obligations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Obligation", id);
            db.Entry(obligation).Property(o => o.Version).OriginalValue = input.Version;
            if (obligation.Status != input.Status) obligation.AssessedOn = input.Status == ComplianceStatus.NotAssessed ? null : today;
        }
        obligation.Title = input.Title.Trim();
        obligation.Kind = input.Kind;
        obligation.Source = input.Source?.Trim() ?? "";
        obligation.Jurisdiction = input.Jurisdiction?.Trim() ?? "";
        obligation.Description = input.Description?.Trim() ?? "";
        obligation.OwnerId = input.OwnerId;
        obligation.BusinessProcesses = input.BusinessProcesses?.Trim() ?? "";
        obligation.Clients = input.Clients?.Trim() ?? "";
        obligation.ContractStartOn = contract ? input.ContractStartOn : null;
        obligation.ContractEndOn = contract ? input.ContractEndOn : null;
        obligation.Status = input.Status;
        obligation.StatusReason = input.StatusReason?.Trim() ?? "";
        obligation.ReviewOn = input.ReviewOn;
        obligation.HolderPersonId = licence ? input.HolderPersonId : null;
        obligation.Holder = licence ? holderName ?? input.Holder?.Trim() ?? "" : "";
        obligation.IssuingBody = licence ? input.IssuingBody?.Trim() ?? "" : "";
        obligation.LicenceNumber = licence ? input.LicenceNumber?.Trim() ?? "" : "";
        obligation.ValidFrom = licence ? input.ValidFrom : null;
        obligation.ValidUntil = licence ? input.ValidUntil : null;
        obligation.RenewalLeadDays = licence ? input.RenewalLeadDays : 0;
        await links.ApplyAsync(db, obligation.Id, cancellationToken);
        await db.SaveAsync("obligation", cancellationToken);
        return obligation.Id;
    }
}

/// <summary>Marks an obligation retired (a contract that ended, a licence surrendered), or back in force; it stays in the register.</summary>
public sealed class RetireObligation(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, bool retired = true, CancellationToken cancellationToken = default)
    {
        var obligation = await db.Obligations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Obligation", id);
        db.Entry(obligation).Property(o => o.Version).OriginalValue = version;
        obligation.Retired = retired;
        await db.SaveAsync("obligation", cancellationToken);
    }
}

/// <summary>The requirements, controls and assets an obligation links to, resolved from references; null where the input leaves them alone.</summary>
internal sealed record ObligationLinks(IReadOnlyList<Guid>? Requirements, IReadOnlyList<Guid>? Controls, IReadOnlyList<Guid>? Assets)
{
    public static async Task<ObligationLinks> ResolveAsync(AttestDbContext db, ObligationInput input, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        List<Guid>? requirements = null;
        if (input.Requirements is not null || input.RequirementIds is not null)
        {
            requirements = [];
            try
            {
                requirements.AddRange(await RequirementReferences.ResolveAsync(db, input.Requirements, nameof(input.Requirements), cancellationToken));
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var (field, messages) in invalid.Errors) foreach (var m in messages) validation.Add(field, m);
            }
            if (input.RequirementIds is { Count: > 0 } ids)
            {
                var wanted = ids.Distinct().ToList();
                var found = await db.Requirements.AsNoTracking().Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
                var missing = wanted.Except(found).ToList();
                if (missing.Count > 0) validation.Add(nameof(input.RequirementIds), $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is not a requirement" : "are not requirements")} of this organization's frameworks.");
                requirements.AddRange(found);
            }
        }
        IReadOnlyList<Guid>? controls = null, assets = null;
        try
        {
            if (input.Controls is not null) controls = await Attest.Controls.ControlReferences.ResolveAsync(db, input.Controls, nameof(input.Controls), cancellationToken);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var m in messages) validation.Add(field, m);
        }
        try
        {
            if (input.Assets is not null) assets = await Risks.AssetReferences.ResolveAsync(db, input.Assets, nameof(input.Assets), cancellationToken);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) foreach (var m in messages) validation.Add(field, m);
        }
        validation.ThrowIfInvalid();
        return new ObligationLinks(requirements?.Distinct().ToList(), controls, assets);
    }

    /// <summary>Replaces the links the input named, keeping rows that stay (so their ids and audit history stay too).</summary>
    public async Task ApplyAsync(AttestDbContext db, Guid obligationId, CancellationToken cancellationToken)
    {
        if (Requirements is { } requirements)
        {
            var current = await db.ObligationRequirements.Where(l => l.ObligationId == obligationId).ToListAsync(cancellationToken);
            db.ObligationRequirements.RemoveRange(current.Where(l => !requirements.Contains(l.RequirementId)));
            db.ObligationRequirements.AddRange(requirements.Where(r => current.All(l => l.RequirementId != r)).Select(r => new ObligationRequirement { ObligationId = obligationId, RequirementId = r }));
        }
        if (Controls is { } controls)
        {
            var current = await db.ObligationControls.Where(l => l.ObligationId == obligationId).ToListAsync(cancellationToken);
            db.ObligationControls.RemoveRange(current.Where(l => !controls.Contains(l.ControlId)));
            db.ObligationControls.AddRange(controls.Where(c => current.All(l => l.ControlId != c)).Select(c => new ObligationControl { ObligationId = obligationId, ControlId = c }));
        }
        if (Assets is { } assets)
        {
            var current = await db.ObligationAssets.Where(l => l.ObligationId == obligationId).ToListAsync(cancellationToken);
            db.ObligationAssets.RemoveRange(current.Where(l => !assets.Contains(l.AssetId)));
            db.ObligationAssets.AddRange(assets.Where(a => current.All(l => l.AssetId != a)).Select(a => new ObligationAsset { ObligationId = obligationId, AssetId = a }));
        }
    }
}

/// <summary>
/// Reads requirement references of any framework, "framework-key code" ("iso27001-2022 A.5.31, gdpr Art. 32"; commas, semicolons or lines),
/// into requirement ids in one query; every reference that names nothing here is reported under the field.
/// </summary>
public static class RequirementReferences
{
    public static async Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string? text, string field, CancellationToken cancellationToken = default)
    {
        var wanted = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return [];
        var pairs = wanted.Select(w =>
        {
            var space = w.IndexOfAny([' ', '\t']);
            // Framework keys are matched in any case ("GDPR" is "gdpr"); codes keep their case ("A.5.31", "Art. 32").
            return (Text: w, Key: (space < 0 ? w : w[..space]).ToLowerInvariant(), Code: space < 0 ? "" : w[(space + 1)..].Trim());
        }).ToList();
        var keys = pairs.Select(p => p.Key).Distinct().ToList();
        var codes = pairs.Select(p => p.Code).Where(c => c.Length > 0).Distinct().ToList();
        var found = await db.Requirements.AsNoTracking()
            .Join(db.Frameworks.Where(f => keys.Contains(f.Key.ToLower())), r => r.FrameworkId, f => f.Id, (r, f) => new { r.Id, f.Key, r.Code })
            .Where(r => codes.Contains(r.Code))
            .ToListAsync(cancellationToken);
        var missing = new List<string>();
        var ids = new List<Guid>();
        foreach (var pair in pairs)
        {
            var match = found.FirstOrDefault(f => string.Equals(f.Key, pair.Key, StringComparison.OrdinalIgnoreCase) && string.Equals(f.Code, pair.Code, StringComparison.OrdinalIgnoreCase));
            if (match is null) missing.Add(pair.Text);
            else ids.Add(match.Id);
        }
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For(field, $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is not a requirement" : "are not requirements")} here (write the framework key and the code, e.g. \"iso27001-2022 A.5.31\").");
        }
        return ids.Distinct().ToList();
    }
}
