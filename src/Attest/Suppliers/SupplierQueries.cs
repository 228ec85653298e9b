using Attest.Assets;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Suppliers;

public enum SupplierSort
{
    Reference = 0,
    Name = 1,
    Criticality = 2,
    NextReview = 3,
}

/// <summary>
/// Register filters. Without a status the register shows every supplier that is not offboarded. <see cref="CertificationExpiring"/> keeps
/// suppliers with a certification that runs out within <see cref="SupplierQueries.ExpiryWarningDays"/> days (today included, expired ones not).
/// </summary>
public sealed record SupplierFilter(
    string? Search = null,
    SupplierCriticality? Criticality = null,
    SupplierStatus? Status = null,
    bool? PersonalData = null,
    bool? Subprocessor = null,
    bool ReviewOverdue = false,
    bool CertificationExpiring = false,
    bool WithoutDpa = false,
    Guid? OwnerId = null,
    SupplierSort Sort = SupplierSort.Reference,
    bool Descending = false);

public sealed record SupplierRow(
    Guid Id, string Reference, string Name, string Service, SupplierCriticality Criticality, SupplierStatus Status, string DataClassification,
    bool ProcessesPersonalData, bool Subprocessor, DateOnly? DpaSignedOn, SupplierCriticality? RiskLevel, string? Owner, DateOnly? LastReviewOn, DateOnly? NextReviewOn,
    bool ReviewOverdue, int Certifications, int CertificationsExpiring, int CertificationsExpired, int Version);

public sealed record SupplierPage(IReadOnlyList<SupplierRow> Rows, bool HasMore, int Total);

public enum CertificationState
{
    Valid = 0,
    Expiring = 1,
    Expired = 2,
    NoExpiry = 3,
}

public sealed record CertificationView(Guid Id, string Name, DateOnly? ValidUntil, Guid? EvidenceItemId, string? EvidenceTitle, CertificationState State);

public sealed record LinkedAsset(Guid Id, string Reference, string Name, AssetType Type);

public sealed record LinkedRisk(Guid Id, string Reference, string Title);

public sealed record QuestionnaireRow(Guid Id, string Title, QuestionnaireStatus Status, string SentTo, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, bool Expired,
    DateTimeOffset? SubmittedAt, int? Score, int MaxScore, DateTimeOffset? ReviewedAt, string ReviewedBy);

public sealed record SupplierDetail(
    Guid Id, string Reference, string Name, string Service, SupplierCriticality Criticality, SupplierStatus Status, string DataClassification,
    bool ProcessesPersonalData, bool Subprocessor, DateOnly? ContractStartOn, DateOnly? ContractEndOn, DateOnly? DpaSignedOn, DateOnly? LastReviewOn, DateOnly? NextReviewOn,
    bool ReviewOverdue, SupplierCriticality? RiskLevel, Guid? OwnerId, string? Owner, string Website, string ContactEmail, string Notes,
    IReadOnlyList<CertificationView> Certifications, IReadOnlyList<LinkedAsset> Assets, IReadOnlyList<LinkedRisk> Risks, IReadOnlyList<QuestionnaireRow> Questionnaires,
    DateTimeOffset UpdatedAt, int Version);

public sealed record ExpiringCertification(Guid SupplierId, string SupplierReference, string SupplierName, Guid CertificationId, string Name, DateOnly ValidUntil, int DaysLeft);

/// <summary>
/// The register's figures over suppliers that are not offboarded: how many critical and high suppliers have a current review (next review
/// today or later) out of all of them, certifications running out within 60 days, sub-processors without a signed DPA, and overdue reviews.
/// </summary>
public sealed record SupplierFigures(int KeySuppliers, int KeySuppliersReviewed, IReadOnlyList<ExpiringCertification> ExpiringCertifications,
    int SubprocessorsWithoutDpa, int ReviewsOverdue, int Total)
{
    /// <summary>Whole per cent of key suppliers with a current review; null when there are none.</summary>
    public int? KeySuppliersReviewedPercent => KeySuppliers == 0 ? null : (int)Math.Floor(100.0 * KeySuppliersReviewed / KeySuppliers);
}

/// <summary>Reading the register: a filtered page, one supplier whole, the figures, and the suppliers linked to an asset or a risk.</summary>
public static class SupplierQueries
{
    /// <summary>A certification is flagged this many days before it runs out.</summary>
    public const int ExpiryWarningDays = 60;

    public static DateOnly Today(AttestDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The organization's classification level names, least sensitive first (the default scheme when it has none yet).</summary>
    public static async Task<IReadOnlyList<string>> ClassificationLevelsAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var names = await db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(cancellationToken);
        return names.Count > 0 ? names : DefaultClassifications.Levels.Select(l => l.Name).ToList();
    }

    private static IQueryable<Supplier> Filtered(AttestDbContext db, SupplierFilter filter, DateOnly today)
    {
        var query = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(s => s.Reference.ToLower().Contains(term) || s.Name.ToLower().Contains(term) || s.Service.ToLower().Contains(term));
        }
        query = filter.Status is { } status ? query.Where(s => s.Status == status) : query.Where(s => s.Status != SupplierStatus.Offboarded);
        if (filter.Criticality is { } criticality) query = query.Where(s => s.Criticality == criticality);
        if (filter.PersonalData is { } personal) query = query.Where(s => s.ProcessesPersonalData == personal);
        if (filter.Subprocessor is { } subprocessor) query = query.Where(s => s.Subprocessor == subprocessor);
        if (filter.ReviewOverdue) query = query.Where(s => s.NextReviewOn != null && s.NextReviewOn < today);
        if (filter.WithoutDpa) query = query.Where(s => s.DpaSignedOn == null);
        if (filter.OwnerId is { } owner) query = query.Where(s => s.OwnerId == owner);
        if (filter.CertificationExpiring)
        {
            var limit = today.AddDays(ExpiryWarningDays);
            query = query.Where(s => db.SupplierCertifications.Any(c => c.SupplierId == s.Id && c.ValidUntil >= today && c.ValidUntil <= limit));
        }
        return query;
    }

    /// <summary>One page of the register (two queries: the count, and the rows with their owner and certification counts).</summary>
    public static async Task<SupplierPage> PageAsync(AttestDbContext db, SupplierFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var limit = today.AddDays(ExpiryWarningDays);
        var query = Filtered(db, filter, today);
        var total = await query.CountAsync(cancellationToken);
        query = (filter.Sort, filter.Descending) switch
        {
            (SupplierSort.Name, false) => query.OrderBy(s => s.Name).ThenBy(s => s.Reference),
            (SupplierSort.Name, true) => query.OrderByDescending(s => s.Name).ThenBy(s => s.Reference),
            (SupplierSort.Criticality, false) => query.OrderByDescending(s => s.Criticality).ThenBy(s => s.Reference),
            (SupplierSort.Criticality, true) => query.OrderBy(s => s.Criticality).ThenBy(s => s.Reference),
            (SupplierSort.NextReview, false) => query.OrderBy(s => s.NextReviewOn == null).ThenBy(s => s.NextReviewOn).ThenBy(s => s.Reference),
            (SupplierSort.NextReview, true) => query.OrderByDescending(s => s.NextReviewOn).ThenBy(s => s.Reference),
            (_, true) => query.OrderByDescending(s => s.Reference),
            _ => query.OrderBy(s => s.Reference),
        };
        var found = await query.Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .Select(s => new SupplierRow(s.Id, s.Reference, s.Name, s.Service, s.Criticality, s.Status, s.DataClassification, s.ProcessesPersonalData, s.Subprocessor,
                s.DpaSignedOn, s.RiskLevel, db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), s.LastReviewOn, s.NextReviewOn,
                s.NextReviewOn != null && s.NextReviewOn < today && s.Status != SupplierStatus.Offboarded,
                db.SupplierCertifications.Count(c => c.SupplierId == s.Id),
                db.SupplierCertifications.Count(c => c.SupplierId == s.Id && c.ValidUntil >= today && c.ValidUntil <= limit),
                db.SupplierCertifications.Count(c => c.SupplierId == s.Id && c.ValidUntil < today),
                s.Version))
            .ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new SupplierPage(found, more, total);
    }

    public static CertificationState StateOf(DateOnly? validUntil, DateOnly today) => validUntil switch
    {
        null => CertificationState.NoExpiry,
        { } until when until < today => CertificationState.Expired,
        { } until when until <= today.AddDays(ExpiryWarningDays) => CertificationState.Expiring,
        _ => CertificationState.Valid,
    };

    /// <summary>One supplier with its certifications, linked assets and risks, and questionnaires (five queries).</summary>
    public static async Task<SupplierDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.Suppliers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { Supplier = s, Owner = db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Supplier", id);
        var today = Today(db);
        var now = Instant.Now(db.Clock);
        var certifications = (await db.SupplierCertifications.AsNoTracking().Where(c => c.SupplierId == id)
                .Select(c => new { c.Id, c.Name, c.ValidUntil, c.EvidenceItemId, Evidence = db.EvidenceItems.Where(e => e.Id == c.EvidenceItemId).Select(e => e.Title).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.ValidUntil is null).ThenBy(c => c.ValidUntil).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CertificationView(c.Id, c.Name, c.ValidUntil, c.EvidenceItemId, c.Evidence, StateOf(c.ValidUntil, today)))
            .ToList();
        var assets = await db.SupplierAssets.AsNoTracking().Where(l => l.SupplierId == id).Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => a)
            .OrderBy(a => a.Reference).Select(a => new LinkedAsset(a.Id, a.Reference, a.Name, a.Type)).ToListAsync(cancellationToken);
        var risks = await db.SupplierRisks.AsNoTracking().Where(l => l.SupplierId == id).Join(db.Risks, l => l.RiskId, r => r.Id, (l, r) => r)
            .OrderBy(r => r.Reference).Select(r => new LinkedRisk(r.Id, r.Reference, r.Title)).ToListAsync(cancellationToken);
        var questionnaires = await QuestionnairesOfAsync(db, id, now, cancellationToken);
        var s = found.Supplier;
        return new SupplierDetail(s.Id, s.Reference, s.Name, s.Service, s.Criticality, s.Status, s.DataClassification, s.ProcessesPersonalData, s.Subprocessor,
            s.ContractStartOn, s.ContractEndOn, s.DpaSignedOn, s.LastReviewOn, s.NextReviewOn, s.NextReviewOn < today && s.Status != SupplierStatus.Offboarded, s.RiskLevel,
            s.OwnerId, found.Owner, s.Website, s.ContactEmail, s.Notes, certifications, assets, risks, questionnaires, s.UpdatedAt, s.Version);
    }

    public static async Task<IReadOnlyList<QuestionnaireRow>> QuestionnairesOfAsync(AttestDbContext db, Guid supplierId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.SupplierQuestionnaires.AsNoTracking().Where(q => q.SupplierId == supplierId).OrderByDescending(q => q.SentAt)
            .Select(q => new QuestionnaireRow(q.Id, q.Title, q.Status, q.SentTo, q.SentAt, q.ExpiresAt, q.Status == QuestionnaireStatus.Sent && q.ExpiresAt <= now,
                q.SubmittedAt, q.Score, q.MaxScore, q.ReviewedAt, q.ReviewedBy))
            .ToListAsync(cancellationToken);

    /// <summary>The register's figures in two queries: one for every count, one for the expiring certifications.</summary>
    public static async Task<SupplierFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = Today(db);
        var limit = today.AddDays(ExpiryWarningDays);
        var current = db.Suppliers.AsNoTracking().Where(s => s.Status != SupplierStatus.Offboarded);
        var counts = await current.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Key = g.Count(s => s.Criticality == SupplierCriticality.Critical || s.Criticality == SupplierCriticality.High),
            KeyReviewed = g.Count(s => (s.Criticality == SupplierCriticality.Critical || s.Criticality == SupplierCriticality.High) && s.NextReviewOn != null && s.NextReviewOn >= today),
            WithoutDpa = g.Count(s => s.Subprocessor && s.DpaSignedOn == null),
            Overdue = g.Count(s => s.NextReviewOn != null && s.NextReviewOn < today),
        }).FirstOrDefaultAsync(cancellationToken);
        var expiring = (await db.SupplierCertifications.AsNoTracking().Where(c => c.ValidUntil >= today && c.ValidUntil <= limit)
                .Join(current, c => c.SupplierId, s => s.Id, (c, s) => new { SupplierId = s.Id, s.Reference, s.Name, CertificationId = c.Id, Certification = c.Name, c.ValidUntil })
                .OrderBy(x => x.ValidUntil).ThenBy(x => x.Reference).Take(100)
                .ToListAsync(cancellationToken))
            .Select(x => new ExpiringCertification(x.SupplierId, x.Reference, x.Name, x.CertificationId, x.Certification, x.ValidUntil!.Value, x.ValidUntil.Value.DayNumber - today.DayNumber))
            .ToList();
        return new SupplierFigures(counts?.Key ?? 0, counts?.KeyReviewed ?? 0, expiring, counts?.WithoutDpa ?? 0, counts?.Overdue ?? 0, counts?.Total ?? 0);
    }

    /// <summary>The suppliers linked to an asset, for the asset's page.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Reference, string Name)>> OfAssetAsync(AttestDbContext db, Guid assetId, CancellationToken cancellationToken = default) =>
        (await db.SupplierAssets.AsNoTracking().Where(l => l.AssetId == assetId).Join(db.Suppliers, l => l.SupplierId, s => s.Id, (l, s) => new { s.Id, s.Reference, s.Name })
            .OrderBy(s => s.Reference).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Reference, s.Name)).ToList();

    /// <summary>The suppliers linked to a risk, for the risk's page.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Reference, string Name)>> OfRiskAsync(AttestDbContext db, Guid riskId, CancellationToken cancellationToken = default) =>
        (await db.SupplierRisks.AsNoTracking().Where(l => l.RiskId == riskId).Join(db.Suppliers, l => l.SupplierId, s => s.Id, (l, s) => new { s.Id, s.Reference, s.Name })
            .OrderBy(s => s.Reference).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Reference, s.Name)).ToList();
}
