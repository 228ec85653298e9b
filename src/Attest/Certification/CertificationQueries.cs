using System.Globalization;
using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Certification;

/// <summary>Where a programme stands, derived from its certificates and its archived flag; never stored.</summary>
public enum ProgrammeState
{
    InProgress = 0,
    /// <summary>A current certificate: issued, not suspended or withdrawn, and not past its last day in the organization's zone.</summary>
    Certified = 1,
    CertificateExpired = 2,
    CertificateSuspended = 3,
    CertificateWithdrawn = 4,
    Archived = 5,
}

public sealed record MilestoneRow(Guid Id, MilestoneKind Kind, string Title, DateOnly? PlannedOn, DateOnly? DoneOn, MilestoneStatus Status, Guid? OwnerId, string? OwnerName,
    int SortOrder, string Notes, int Version)
{
    public bool IsOpen => Status is MilestoneStatus.NotStarted or MilestoneStatus.InProgress;

    /// <summary>Not done and its planned day has passed.</summary>
    public bool IsLate(DateOnly today) => IsOpen && PlannedOn is { } planned && planned < today;
}

public sealed record CertificateRow(Guid Id, Guid ProgrammeId, string Number, string CertificationBody, string AccreditationBody, string ScopeStatement,
    DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status, int Version)
{
    /// <summary>Issued, not suspended or withdrawn, and valid through its last day inclusive.</summary>
    public bool IsCurrent(DateOnly today) => Status == CertificateStatus.Issued && IssuedOn <= today && ExpiresOn >= today;
}

/// <summary>
/// A programme's status on <see cref="Today"/> (the organization's date). Days to target are negative once the target has passed; done and
/// total leave out milestones that do not apply. It is on track when no milestone is late and every open step leading to the certificate is
/// planned by the target. <see cref="ReadinessPercent"/> is null for a programme without a readiness framework.
/// </summary>
public sealed record CertificationStatus(
    Guid ProgrammeId, string Name, string Standard, string? FrameworkKey, DateOnly? ScopeEstablishedOn, DateOnly TargetOn, int DaysToTarget,
    int MilestonesDone, int MilestonesTotal, MilestoneRow? NextMilestone, int LateMilestones, bool OnTrack, int? ReadinessPercent,
    int OpenMajor, int OpenMinor, ProgrammeState State, CertificateRow? Certificate, string CertificationBody, Guid? OwnerId, string? OwnerName,
    bool ShowOnTrustPage, bool Archived, DateOnly Today)
{
    public bool Certified => State == ProgrammeState.Certified;
}

/// <summary>What the dashboard shows of an active programme.</summary>
public sealed record CertificationDashboardRow(Guid Id, string Name, string Standard, DateOnly TargetOn, int DaysToTarget, bool OnTrack, int MilestonesDone, int MilestonesTotal,
    int? ReadinessPercent, bool Certified);

public sealed record ExternalAuditRow(Guid Id, string Reference, Guid ProgrammeId, ExternalAuditKind Kind, string CertificationBody, string LeadAuditor, DateOnly StartOn, DateOnly EndOn,
    ExternalAuditStatus Status, AuditConclusion Conclusion, int Majors, int Minors, int Observations, int Opportunities);

/// <summary>One programme with everything its page and the API show.</summary>
public sealed record ProgrammeDetail(CertificationStatus Status, string Description, int Version, IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<ExternalAuditRow> Audits,
    IReadOnlyList<CertificateRow> Certificates, ReadinessReport? Readiness);

public sealed record AuditFindingRow(Guid Id, string Reference, string Title, FindingGrade Grade, NonconformityStatus Status, string ExternalReference, string? Requirement,
    DateOnly RaisedOn, DateOnly? DueOn);

public sealed record ExternalAuditDetail(Guid Id, string Reference, Guid ProgrammeId, string ProgrammeName, string? FrameworkKey, ExternalAuditKind Kind, string CertificationBody,
    string LeadAuditor, DateOnly StartOn, DateOnly EndOn, ExternalAuditStatus Status, AuditConclusion Conclusion, string Summary, Guid? OwnerId, string? OwnerName, int Version,
    IReadOnlyList<AuditFindingRow> Findings);

/// <summary>A certification as the public trust page states it: certified with the certificate's details, or in progress with the target quarter.</summary>
public sealed record PublicCertification(string Standard, bool Certified, string? Number, string? CertificationBody, string? AccreditationBody, DateOnly? IssuedOn,
    DateOnly? ExpiresOn, string? ScopeStatement, string TargetQuarter, IReadOnlyList<string> Audits);

/// <summary>
/// Reads certification programmes. The status of every programme costs a fixed number of queries (the organization's zone, one query for the
/// programmes with their milestones, certificates and open findings, and readiness once per framework in use), however many there are.
/// </summary>
public static class CertificationQueries
{
    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    /// <summary>Every programme's status, active ones first by target date; archived ones only when asked for.</summary>
    public static async Task<IReadOnlyList<CertificationStatus>> StatusesAsync(AttestDbContext db, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        (await LoadAsync(db, null, includeArchived, cancellationToken)).Statuses;

    /// <summary>The dashboard's line per active programme.</summary>
    /// <remarks>The dashboard leaves readiness out (it is read on the programme pages) to keep to its few queries.</remarks>
    public static async Task<IReadOnlyList<CertificationDashboardRow>> DashboardAsync(AttestDbContext db, bool withReadiness = false, CancellationToken cancellationToken = default) =>
        (await LoadAsync(db, null, false, cancellationToken, withReadiness)).Statuses
            .Select(s => new CertificationDashboardRow(s.ProgrammeId, s.Name, s.Standard, s.TargetOn, s.DaysToTarget, s.OnTrack, s.MilestonesDone, s.MilestonesTotal, s.ReadinessPercent, s.Certified))
            .ToList();

    public static async Task<ProgrammeDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(db, id, true, cancellationToken);
        var status = loaded.Statuses.SingleOrDefault() ?? throw new RecordNotFoundException("Certification programme", id);
        var audits = await db.ExternalAudits.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.StartOn).ThenBy(a => a.Reference)
            .Select(a => new ExternalAuditRow(a.Id, a.Reference, a.ProgrammeId, a.Kind, a.CertificationBody, a.LeadAuditor, a.StartOn, a.EndOn, a.Status, a.Conclusion,
                db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Major),
                db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Minor),
                db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Observation),
                db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Opportunity)))
            .ToListAsync(cancellationToken);
        return new ProgrammeDetail(status, loaded.Descriptions[id], loaded.Versions[id], loaded.Milestones[id], audits,
            loaded.Certificates.GetValueOrDefault(id, []).OrderByDescending(c => c.IssuedOn).ToList(), status.FrameworkKey is { } key ? loaded.Readiness.GetValueOrDefault(key) : null);
    }

    public static async Task<ExternalAuditDetail> AuditAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var audit = await db.ExternalAudits.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Audit = a,
                Programme = db.CertificationProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
                FrameworkKey = db.CertificationProgrammes.Where(p => p.Id == a.ProgrammeId).Join(db.Frameworks, p => p.FrameworkId, f => f.Id, (p, f) => f.Key).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("External audit", id);
        var findings = await db.Nonconformities.AsNoTracking().Where(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == id).OrderBy(n => n.Reference)
            .Select(n => new AuditFindingRow(n.Id, n.Reference, n.Title, n.Grade, n.Status, n.ExternalReference,
                db.Requirements.Where(r => r.Id == n.RequirementId).Select(r => r.Code).FirstOrDefault(), n.RaisedOn, n.DueOn))
            .ToListAsync(cancellationToken);
        var a = audit.Audit;
        return new ExternalAuditDetail(a.Id, a.Reference, a.ProgrammeId, audit.Programme ?? "", audit.FrameworkKey, a.Kind, a.CertificationBody, a.LeadAuditor, a.StartOn, a.EndOn,
            a.Status, a.Conclusion, a.Summary, a.OwnerId, audit.Owner, a.Version, findings);
    }

    public static async Task<(CertificateRow Certificate, string ProgrammeName)> CertificateAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.Certificates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Row = new CertificateRow(c.Id, c.ProgrammeId, c.Number, c.CertificationBody, c.AccreditationBody, c.ScopeStatement, c.IssuedOn, c.ExpiresOn, c.Status, c.Version),
                Programme = db.CertificationProgrammes.Where(p => p.Id == c.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Certificate", id);
        return (found.Row, found.Programme ?? "");
    }

    /// <summary>
    /// What the trust page states, for programmes flagged for it and not archived, in four queries: certified when a certificate is current;
    /// otherwise in progress, with the target quarter and the stage 1 and stage 2 audits booked or completed. An expired, suspended or
    /// withdrawn certificate is never stated.
    /// </summary>
    public static async Task<IReadOnlyList<PublicCertification>> PublicAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var programmes = await db.CertificationProgrammes.AsNoTracking().Where(p => p.ShowOnTrustPage && !p.Archived).OrderBy(p => p.Standard).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Standard, p.TargetOn }).ToListAsync(cancellationToken);
        if (programmes.Count == 0) return [];
        var shown = db.CertificationProgrammes.Where(p => p.ShowOnTrustPage && !p.Archived).Select(p => p.Id);
        var current = await db.Certificates.AsNoTracking()
            .Where(c => shown.Contains(c.ProgrammeId) && c.Status == CertificateStatus.Issued && c.IssuedOn <= today && c.ExpiresOn >= today)
            .OrderByDescending(c => c.ExpiresOn).ToListAsync(cancellationToken);
        var audits = await db.ExternalAudits.AsNoTracking()
            .Where(a => shown.Contains(a.ProgrammeId) && (a.Kind == ExternalAuditKind.Stage1 || a.Kind == ExternalAuditKind.Stage2) && a.Status != ExternalAuditStatus.Cancelled)
            .OrderBy(a => a.Kind).ThenBy(a => a.StartOn).Select(a => new { a.ProgrammeId, a.Kind, a.Status, a.StartOn, a.EndOn }).ToListAsync(cancellationToken);
        return programmes.Select(p =>
        {
            var certificate = current.FirstOrDefault(c => c.ProgrammeId == p.Id);
            if (certificate is not null)
            {
                return new PublicCertification(p.Standard, true, certificate.Number, certificate.CertificationBody, certificate.AccreditationBody, certificate.IssuedOn,
                    certificate.ExpiresOn, certificate.ScopeStatement, Quarter(p.TargetOn), []);
            }
            // The latest booking of each stage says where the programme is.
            var stages = audits.Where(a => a.ProgrammeId == p.Id).GroupBy(a => a.Kind).Select(g => g.Last())
                .Select(a => $"{(a.Kind == ExternalAuditKind.Stage1 ? "Stage 1" : "Stage 2")} audit " +
                             (a.Status == ExternalAuditStatus.Completed ? $"completed {Month(a.EndOn)}" : $"booked for {Month(a.StartOn)}"))
                .ToList();
            return new PublicCertification(p.Standard, false, null, null, null, null, null, null, Quarter(p.TargetOn), stages);
        }).ToList();
    }

    /// <summary>"Q2 2027".</summary>
    public static string Quarter(DateOnly day) => $"Q{(day.Month - 1) / 3 + 1} {day.Year}";

    private static string Month(DateOnly day) => day.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A programme's status from its milestones and certificates on <paramref name="today"/>. The certificate shown is the current one that
    /// lasts longest; without one, the latest issued decides between expired, suspended and withdrawn.
    /// </summary>
    public static CertificationStatus Evaluate(CertificationProgramme programme, string? frameworkKey, string? ownerName, IReadOnlyList<MilestoneRow> milestones,
        IReadOnlyList<CertificateRow> certificates, DateOnly today, int? readinessPercent, int openMajor, int openMinor)
    {
        var counted = milestones.Where(m => m.Status != MilestoneStatus.NotApplicable).ToList();
        var late = counted.Count(m => m.IsLate(today));
        var next = counted.Where(m => m.IsOpen).OrderBy(m => m.PlannedOn is null).ThenBy(m => m.PlannedOn).ThenBy(m => m.SortOrder).FirstOrDefault();
        var beyondTarget = counted.Any(m => m.IsOpen && StandardMilestones.LeadsToCertificate(m.Kind) && m.PlannedOn > programme.TargetOn);
        var current = certificates.Where(c => c.IsCurrent(today)).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
        var latest = current ?? certificates.Where(c => c.IssuedOn <= today).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.ExpiresOn).FirstOrDefault();
        var state = programme.Archived ? ProgrammeState.Archived
            : current is not null ? ProgrammeState.Certified
            : latest is null ? ProgrammeState.InProgress
            : latest.Status switch
            {
                CertificateStatus.Suspended => ProgrammeState.CertificateSuspended,
                CertificateStatus.Withdrawn => ProgrammeState.CertificateWithdrawn,
                _ => ProgrammeState.CertificateExpired,
            };
        return new CertificationStatus(programme.Id, programme.Name, programme.Standard, frameworkKey, programme.ScopeEstablishedOn, programme.TargetOn,
            programme.TargetOn.DayNumber - today.DayNumber, counted.Count(m => m.Status == MilestoneStatus.Done), counted.Count, next, late, late == 0 && !beyondTarget,
            readinessPercent, openMajor, openMinor, state, latest, programme.CertificationBody, programme.OwnerId, ownerName, programme.ShowOnTrustPage, programme.Archived, today);
    }

    private sealed record Loaded(IReadOnlyList<CertificationStatus> Statuses, Dictionary<Guid, List<MilestoneRow>> Milestones, Dictionary<Guid, List<CertificateRow>> Certificates,
        Dictionary<Guid, string> Descriptions, Dictionary<Guid, int> Versions, Dictionary<string, ReadinessReport> Readiness);

    private static async Task<Loaded> LoadAsync(AttestDbContext db, Guid? onlyId, bool includeArchived, CancellationToken cancellationToken, bool withReadiness = true)
    {
        var today = await TodayAsync(db, cancellationToken);
        // One round trip: each programme with its milestones, certificates and open major/minor findings of its external audits.
        var programmes = await db.CertificationProgrammes.AsNoTracking().Where(p => (onlyId == null || p.Id == onlyId) && (includeArchived || !p.Archived))
            .Select(p => new
            {
                Programme = p,
                FrameworkKey = db.Frameworks.Where(f => f.Id == p.FrameworkId).Select(f => f.Key).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Milestones = db.Milestones.Where(m => m.ProgrammeId == p.Id).OrderBy(m => m.SortOrder)
                    .Select(m => new MilestoneRow(m.Id, m.Kind, m.Title, m.PlannedOn, m.DoneOn, m.Status, m.OwnerId,
                        db.Users.Where(u => u.Id == m.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), m.SortOrder, m.Notes, m.Version))
                    .ToList(),
                Certificates = db.Certificates.Where(c => c.ProgrammeId == p.Id)
                    .Select(c => new CertificateRow(c.Id, c.ProgrammeId, c.Number, c.CertificationBody, c.AccreditationBody, c.ScopeStatement, c.IssuedOn, c.ExpiresOn, c.Status, c.Version))
                    .ToList(),
                // Driven from the programme's few audits, so each count reads the (source, source id) index, not every audit finding.
                OpenMajor = db.ExternalAudits.Where(a => a.ProgrammeId == p.Id)
                    .SelectMany(a => db.Nonconformities.Where(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Status != NonconformityStatus.Closed && n.Grade == FindingGrade.Major))
                    .Count(),
                OpenMinor = db.ExternalAudits.Where(a => a.ProgrammeId == p.Id)
                    .SelectMany(a => db.Nonconformities.Where(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Status != NonconformityStatus.Closed && n.Grade == FindingGrade.Minor))
                    .Count(),
            })
            .ToListAsync(cancellationToken);
        var milestones = programmes.ToDictionary(p => p.Programme.Id, p => p.Milestones);
        var certificates = programmes.ToDictionary(p => p.Programme.Id, p => p.Certificates);
        var readiness = new Dictionary<string, ReadinessReport>();
        foreach (var key in programmes.Select(p => p.FrameworkKey).OfType<string>().Where(k => withReadiness && CertificationReadiness.Frameworks.Contains(k)).Distinct())
        {
            readiness[key] = await CertificationReadiness.CurrentAsync(db, key, today, cancellationToken);
        }
        var statuses = programmes
            .Select(p => Evaluate(p.Programme, p.FrameworkKey, p.Owner, milestones.GetValueOrDefault(p.Programme.Id, []), certificates.GetValueOrDefault(p.Programme.Id, []), today,
                p.FrameworkKey is { } key && readiness.TryGetValue(key, out var report) ? report.Percent : null,
                p.OpenMajor, p.OpenMinor))
            .OrderBy(s => s.Archived).ThenBy(s => s.TargetOn).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new Loaded(statuses, programmes.ToDictionary(p => p.Programme.Id, p => milestones.GetValueOrDefault(p.Programme.Id, [])), certificates,
            programmes.ToDictionary(p => p.Programme.Id, p => p.Programme.Description), programmes.ToDictionary(p => p.Programme.Id, p => p.Programme.Version), readiness);
    }
}
