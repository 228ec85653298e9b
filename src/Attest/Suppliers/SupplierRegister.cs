using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Suppliers;

public sealed record SupplierInput(
    string Name,
    string? Service = null,
    SupplierCriticality Criticality = SupplierCriticality.Medium,
    SupplierStatus Status = SupplierStatus.Active,
    /// <summary>A classification level name of the organization, or empty.</summary>
    string? DataClassification = null,
    bool ProcessesPersonalData = false,
    bool Subprocessor = false,
    DateOnly? ContractStartOn = null,
    DateOnly? ContractEndOn = null,
    DateOnly? DpaSignedOn = null,
    DateOnly? LastReviewOn = null,
    /// <summary>Empty: the last review plus the criticality's review interval (<see cref="SupplierReviewCadence"/>).</summary>
    DateOnly? NextReviewOn = null,
    SupplierCriticality? RiskLevel = null,
    Guid? OwnerId = null,
    string? Website = null,
    string? ContactEmail = null,
    string? Notes = null,
    string? Reference = null,
    /// <summary>Assets the supplier provides or processes; null leaves the links as they are.</summary>
    IReadOnlyList<Guid>? AssetIds = null,
    /// <summary>Risks the supplier bears on; null leaves the links as they are.</summary>
    IReadOnlyList<Guid>? RiskIds = null,
    int Version = 0);

/// <summary>
/// How often a supplier's security is reviewed, by criticality: critical and high every 12 months, medium every 24, low every 36.
/// A yearly review of the suppliers that could stop or expose the business is what auditors expect under A.5.22; for the rest, the
/// contract cycle (two to three years) is the natural moment.
/// </summary>
public static class SupplierReviewCadence
{
    public static int MonthsFor(SupplierCriticality criticality) => criticality switch
    {
        SupplierCriticality.Critical or SupplierCriticality.High => 12,
        SupplierCriticality.Medium => 24,
        _ => 36,
    };
}

/// <summary>Creates or updates a supplier in the register, with its links to assets and risks.</summary>
public sealed class SaveSupplier(AttestDbContext db)
{
    /// <summary>Saves <paramref name="input"/> as a new supplier (<paramref name="id"/> null, reference SUP-nnn) or over an existing one at <c>input.Version</c>.</summary>
    /// <exception cref="ValidationFailedException">A field breaks a rule; nothing was saved.</exception>
    /// <exception cref="RecordNotFoundException">No such supplier in this organization.</exception>
    /// <exception cref="EditConflictException">Someone saved the supplier after <c>input.Version</c>.</exception>
    public async Task<Guid> RunAsync(Guid? id, SupplierInput input, CancellationToken cancellationToken = default)
    {
        Supplier? supplier = null;
        if (id is not null) supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Supplier", id);
        var validation = Validate(input);
        var name = input.Name?.Trim() ?? "";
        // Names are compared ignoring case: the import finds suppliers by name that way.
        var lowered = name.ToLowerInvariant();
        if (name.Length > 0 && await db.Suppliers.AnyAsync(s => s.Name.ToLower() == lowered && s.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another supplier is already called '{name}'.");
        }
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.Suppliers.AnyAsync(s => s.Reference == reference && s.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another supplier.");
        }
        var classification = await ClassificationOfAsync(db, input.DataClassification, validation, cancellationToken);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var assetIds = input.AssetIds?.Distinct().ToList();
        if (assetIds is { Count: > 0 } && await db.Assets.CountAsync(a => assetIds.Contains(a.Id), cancellationToken) != assetIds.Count)
        {
            validation.Add(nameof(input.AssetIds), "names assets that do not exist in this organization.");
        }
        var riskIds = input.RiskIds?.Distinct().ToList();
        if (riskIds is { Count: > 0 } && await db.Risks.CountAsync(r => riskIds.Contains(r.Id), cancellationToken) != riskIds.Count)
        {
            validation.Add(nameof(input.RiskIds), "names risks that do not exist in this organization.");
        }
        validation.ThrowIfInvalid();

        if (supplier is null)
        {
            supplier = new Supplier
            {
                Reference = string.IsNullOrEmpty(reference) ? await References.NextAsync(db.Suppliers.Select(s => s.Reference), "SUP-", 3, cancellationToken) : reference,
                Name = name,
            };
            db.Suppliers.Add(supplier);
        }
        else
        {
            db.Entry(supplier).Property(s => s.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) supplier.Reference = reference;
        }
        Apply(supplier, input with { DataClassification = classification });
        if (assetIds is not null)
        {
            var linked = await db.SupplierAssets.Where(l => l.SupplierId == supplier.Id).ToListAsync(cancellationToken);
            db.SupplierAssets.RemoveRange(linked.Where(l => !assetIds.Contains(l.AssetId)));
            foreach (var asset in assetIds.Where(a => !linked.Any(l => l.AssetId == a))) db.SupplierAssets.Add(new SupplierAsset { SupplierId = supplier.Id, AssetId = asset });
        }
        if (riskIds is not null)
        {
            var linked = await db.SupplierRisks.Where(l => l.SupplierId == supplier.Id).ToListAsync(cancellationToken);
            db.SupplierRisks.RemoveRange(linked.Where(l => !riskIds.Contains(l.RiskId)));
            foreach (var risk in riskIds.Where(r => !linked.Any(l => l.RiskId == r))) db.SupplierRisks.Add(new SupplierRisk { SupplierId = supplier.Id, RiskId = risk });
        }
        await db.SaveAsync("supplier", cancellationToken);
        return supplier.Id;
    }

    /// <summary>The rules that need no database: lengths, dates in order, a web address and an e-mail address that are what they say.</summary>
    internal static Validation Validate(SupplierInput input)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .MaxLength(nameof(input.Reference), input.Reference?.Trim(), 20)
            .MaxLength(nameof(input.Service), input.Service?.Trim(), 500)
            .MaxLength(nameof(input.DataClassification), input.DataClassification?.Trim(), 100)
            .MaxLength(nameof(input.Website), input.Website?.Trim(), 500)
            .MaxLength(nameof(input.ContactEmail), input.ContactEmail?.Trim(), 320)
            .MaxLength(nameof(input.Notes), input.Notes, 20_000)
            .Defined(nameof(input.Criticality), input.Criticality)
            .Defined(nameof(input.Status), input.Status);
        if (input.RiskLevel is { } level) validation.Defined(nameof(input.RiskLevel), level);
        if (input.ContractStartOn is { } start && input.ContractEndOn is { } end && end < start)
        {
            validation.Add(nameof(input.ContractEndOn), "must not be before the contract start.");
        }
        if (input.LastReviewOn is { } last && input.NextReviewOn is { } next && next < last)
        {
            validation.Add(nameof(input.NextReviewOn), "must not be before the last review.");
        }
        var website = input.Website?.Trim() ?? "";
        // Only web addresses: the register links to it, and a javascript: or data: address would run in the reader's browser.
        if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            validation.Add(nameof(input.Website), $"'{website}' is not a web address; write it in full, e.g. https://example.com.");
        }
        var email = input.ContactEmail?.Trim() ?? "";
        if (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _)) validation.Add(nameof(input.ContactEmail), $"'{email}' is not an e-mail address.");
        if (input.Subprocessor && !input.ProcessesPersonalData)
        {
            validation.Add(nameof(input.Subprocessor), "a sub-processor processes personal data on the organization's behalf: tick 'processes personal data' too.");
        }
        return validation;
    }

    /// <summary>The level name as the organization spells it, or a validation error listing its levels.</summary>
    internal static async Task<string> ClassificationOfAsync(AttestDbContext db, string? wanted, Validation validation, CancellationToken cancellationToken)
    {
        var text = wanted?.Trim() ?? "";
        if (text.Length == 0) return "";
        var levels = await SupplierQueries.ClassificationLevelsAsync(db, cancellationToken);
        var match = levels.FirstOrDefault(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase));
        if (match is null) validation.Add("DataClassification", $"'{text}' is not a classification level of this organization; use {string.Join(", ", levels)}.");
        return match ?? text;
    }

    internal static void Apply(Supplier supplier, SupplierInput input)
    {
        supplier.Name = input.Name.Trim();
        supplier.Service = input.Service?.Trim() ?? "";
        supplier.Criticality = input.Criticality;
        supplier.Status = input.Status;
        supplier.DataClassification = input.DataClassification?.Trim() ?? "";
        supplier.ProcessesPersonalData = input.ProcessesPersonalData;
        supplier.Subprocessor = input.Subprocessor;
        supplier.ContractStartOn = input.ContractStartOn;
        supplier.ContractEndOn = input.ContractEndOn;
        supplier.DpaSignedOn = input.DpaSignedOn;
        supplier.LastReviewOn = input.LastReviewOn;
        supplier.NextReviewOn = input.NextReviewOn ?? input.LastReviewOn?.AddMonths(SupplierReviewCadence.MonthsFor(input.Criticality));
        supplier.RiskLevel = input.RiskLevel;
        supplier.OwnerId = input.OwnerId;
        supplier.Website = input.Website?.Trim() ?? "";
        supplier.ContactEmail = input.ContactEmail?.Trim() ?? "";
        supplier.Notes = input.Notes?.Trim() ?? "";
    }

    /// <summary>An existing supplier as an input that, saved unchanged, changes nothing (links left as they are).</summary>
    internal static SupplierInput InputOf(Supplier s) => new(s.Name, s.Service, s.Criticality, s.Status, s.DataClassification, s.ProcessesPersonalData, s.Subprocessor,
        s.ContractStartOn, s.ContractEndOn, s.DpaSignedOn, s.LastReviewOn, s.NextReviewOn, s.RiskLevel, s.OwnerId, s.Website, s.ContactEmail, s.Notes, s.Reference,
        Version: s.Version);
}

/// <summary>Removes a supplier with its certifications, links and questionnaires; the audit trail keeps what it was. Offboarding (status) keeps the history readable.</summary>
public sealed class RemoveSupplier(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Supplier", id);
        db.Entry(supplier).Property(s => s.Version).OriginalValue = version;
        // Removed explicitly (not left to the cascade) so the audit trail records every row that goes.
        var questionnaires = await db.SupplierQuestionnaires.Where(q => q.SupplierId == id).ToListAsync(cancellationToken);
        var questionnaireIds = questionnaires.Select(q => q.Id).ToList();
        db.SupplierAnswers.RemoveRange(await db.SupplierAnswers.Where(a => questionnaireIds.Contains(a.QuestionnaireId)).ToListAsync(cancellationToken));
        db.SupplierQuestionnaires.RemoveRange(questionnaires);
        db.SupplierCertifications.RemoveRange(await db.SupplierCertifications.Where(c => c.SupplierId == id).ToListAsync(cancellationToken));
        db.SupplierAssets.RemoveRange(await db.SupplierAssets.Where(l => l.SupplierId == id).ToListAsync(cancellationToken));
        db.SupplierRisks.RemoveRange(await db.SupplierRisks.Where(l => l.SupplierId == id).ToListAsync(cancellationToken));
        db.Suppliers.Remove(supplier);
        await db.SaveAsync("supplier", cancellationToken);
    }
}

/// <summary>
/// Records that the supplier's security was reviewed: the last review date, the next one (by default the criticality's interval,
/// <see cref="SupplierReviewCadence"/>), optionally the assessed risk level, and a dated note appended to the supplier's notes.
/// </summary>
public sealed class RecordSupplierReview(AttestDbContext db)
{
    public async Task RunAsync(Guid id, DateOnly? reviewedOn, DateOnly? nextReviewOn, SupplierCriticality? riskLevel, string? note, int version,
        CancellationToken cancellationToken = default)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Supplier", id);
        var today = SupplierQueries.Today(db);
        var on = reviewedOn ?? today;
        var next = nextReviewOn ?? on.AddMonths(SupplierReviewCadence.MonthsFor(supplier.Criticality));
        var validation = new Validation().Required("Note", note, 4000);
        if (on > today) validation.Add("ReviewedOn", "must not be in the future.");
        if (next <= on) validation.Add("NextReviewOn", "must be after the review.");
        if (riskLevel is { } level) validation.Defined("RiskLevel", level);
        validation.ThrowIfInvalid();
        db.Entry(supplier).Property(s => s.Version).OriginalValue = version;
        supplier.LastReviewOn = on;
        supplier.NextReviewOn = next;
        if (riskLevel is not null) supplier.RiskLevel = riskLevel;
        supplier.Notes = AppendNote(supplier.Notes, $"Security review {on:yyyy-MM-dd} ({db.Acting.Actor})", note!.Trim());
        await db.SaveAsync("supplier", cancellationToken);
    }

    /// <summary>Adds a dated Markdown section at the end of the notes; the register keeps the history of reviews in the supplier's own words.</summary>
    internal static string AppendNote(string notes, string heading, string text)
    {
        var entry = $"#### {heading}\n\n{text}";
        var combined = string.IsNullOrWhiteSpace(notes) ? entry : notes.TrimEnd() + "\n\n" + entry;
        return combined.Length > 20_000 ? combined[^20_000..] : combined;
    }
}

public sealed record CertificationInput(string Name, DateOnly? ValidUntil = null, Guid? EvidenceItemId = null);

/// <summary>Adds or updates a certification a supplier holds (ISO 27001, SOC 2 Type II, ISO 42001 …).</summary>
public sealed class SaveSupplierCertification(AttestDbContext db)
{
    /// <summary>The certification names the forms suggest.</summary>
    public static readonly IReadOnlyList<string> CommonNames =
    [
        "ISO/IEC 27001", "SOC 2 Type II", "SOC 2 Type I", "ISO/IEC 42001", "ISO/IEC 27017", "ISO/IEC 27018", "ISO/IEC 27701", "ISO 22301", "PCI DSS", "Cyber Essentials Plus",
        "CSA STAR", "C5", "HDS", "TISAX",
    ];

    public async Task<Guid> RunAsync(Guid supplierId, Guid? certificationId, CertificationInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancellationToken)) throw new RecordNotFoundException("Supplier", supplierId);
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.SupplierCertifications.AnyAsync(c => c.SupplierId == supplierId && c.Name == name && c.Id != certificationId, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"the supplier already has a '{name}' certification; update its expiry instead.");
        }
        if (input.EvidenceItemId is { } evidence && !await db.EvidenceItems.AnyAsync(e => e.Id == evidence, cancellationToken))
        {
            validation.Add(nameof(input.EvidenceItemId), "is not an evidence item of this organization.");
        }
        validation.ThrowIfInvalid();
        SupplierCertification certification;
        if (certificationId is null)
        {
            certification = new SupplierCertification { SupplierId = supplierId, Name = name };
            db.SupplierCertifications.Add(certification);
        }
        else
        {
            certification = await db.SupplierCertifications.FirstOrDefaultAsync(c => c.Id == certificationId && c.SupplierId == supplierId, cancellationToken)
                ?? throw new RecordNotFoundException("Certification", certificationId);
        }
        certification.Name = name;
        certification.ValidUntil = input.ValidUntil;
        certification.EvidenceItemId = input.EvidenceItemId;
        await db.SaveAsync("certification", cancellationToken);
        return certification.Id;
    }
}

public sealed class RemoveSupplierCertification(AttestDbContext db)
{
    public async Task RunAsync(Guid supplierId, Guid certificationId, CancellationToken cancellationToken = default)
    {
        var certification = await db.SupplierCertifications.FirstOrDefaultAsync(c => c.Id == certificationId && c.SupplierId == supplierId, cancellationToken)
            ?? throw new RecordNotFoundException("Certification", certificationId);
        db.SupplierCertifications.Remove(certification);
        await db.SaveAsync("certification", cancellationToken);
    }
}

/// <summary>Turns "SUP-001, SUP-004" into supplier ids, and "R-001" into risk ids, naming any reference that is not one here.</summary>
public static class SupplierReferences
{
    public static Task<IReadOnlyList<Guid>> RisksAsync(AttestDbContext db, string? references, string field, CancellationToken cancellationToken = default) =>
        References.ResolveAsync(references, field, "risk", async (wanted, token) =>
            await db.Risks.AsNoTracking().Where(r => wanted.Contains(r.Reference)).Select(r => new KeyValuePair<string, Guid>(r.Reference, r.Id)).ToListAsync(token), cancellationToken);

    /// <summary>One evidence item by its reference (EV-000012), or null for an empty reference.</summary>
    public static async Task<Guid?> EvidenceAsync(AttestDbContext db, string? reference, string field, CancellationToken cancellationToken = default)
    {
        var ids = await References.ResolveAsync(reference, field, "evidence", async (wanted, token) =>
            await db.EvidenceItems.AsNoTracking().Where(e => wanted.Contains(e.Reference)).Select(e => new KeyValuePair<string, Guid>(e.Reference, e.Id)).ToListAsync(token), cancellationToken);
        if (ids.Count > 1) throw ValidationFailedException.For(field, "name one evidence item.");
        return ids.Count == 0 ? null : ids[0];
    }
}
