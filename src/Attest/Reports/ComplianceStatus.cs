using System.Globalization;
using Attest.Controls;
using Attest.Data;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Reports;

/// <summary>
/// Where one framework stands: requirements met by implemented controls (the "covered directly" figure of the framework coverage page),
/// requirements addressed by a published policy (the policy coverage page's figure), and the Statement of Applicability's state.
/// </summary>
/// <param name="SoaVersion">The latest approved SoA version ("1.2") as at the day asked, or null.</param>
/// <param name="SoaDraft">Decisions have been recorded, so a draft exists even when no version is approved.</param>
public sealed record FrameworkCompliance(Guid FrameworkId, string Key, string Name, int Assessable, int Covered, int CoveredByPolicy,
    string? SoaVersion, DateTimeOffset? SoaApprovedAt, bool SoaDraft)
{
    /// <summary>Rounded down, so 99.6 % never reads as complete.</summary>
    public int CoveragePercent => Assessable == 0 ? 0 : Covered * 100 / Assessable;

    public int PolicyPercent => Assessable == 0 ? 0 : CoveredByPolicy * 100 / Assessable;

    /// <summary>"version 1.2 approved 2026-09-14", "draft, not yet approved" or "not started".</summary>
    public string SoaText => SoaVersion is not null
        ? $"version {SoaVersion} approved {SoaApprovedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : SoaDraft ? "draft, not yet approved" : "not started";
}

/// <summary>Compliance status per framework the organization works to, for the dashboard and the monthly report.</summary>
public static class ComplianceStatus
{
    /// <summary>Always shown when loaded; other frameworks appear once the organization works to them.</summary>
    public static readonly IReadOnlyList<string> CoreFrameworks = [IsoNotation.DefaultFramework, "iso42001-2023"];

    /// <summary>The counts behind <see cref="FrameworkCompliance"/>, as a query the dashboard folds into its single round trip.</summary>
    public sealed class Counts
    {
        public Guid Id { get; init; }
        public string Key { get; init; } = "";
        public string Name { get; init; } = "";
        public int Assessable { get; init; }
        public int Covered { get; init; }
        public int ByPolicy { get; init; }
        public int? SoaNumber { get; init; }
        public DateTimeOffset? SoaApprovedAt { get; init; }
        public bool Draft { get; init; }
    }

    /// <summary>
    /// One row per framework the organization has adopted — ISO/IEC 27001 and 42001, and any other with an SoA, a certification
    /// programme or an objective serving it —, counted in the database.
    /// </summary>
    /// <param name="soaAsAt">Reads the SoA version approved before this instant (the monthly report's month end); null for the latest.</param>
    public static IQueryable<Counts> Query(AttestDbContext db, DateTimeOffset? soaAsAt = null)
    {
        var core = CoreFrameworks.ToList();
        // The same joins as the coverage pages: a requirement is covered by an implemented control linked to it, and by a policy
        // when a published version links to it.
        var published = db.DocumentRequirements
            .Join(db.DocumentVersions.Where(v => v.Status == DocumentVersionStatus.Published), l => l.VersionId, v => v.Id, (l, _) => l.RequirementId);
        var assessable = db.Requirements.Where(r => r.Assessable && !r.Withdrawn);
        var versions = db.SoaVersions.Where(v => soaAsAt == null || v.ApprovedAt < soaAsAt);
        return db.Frameworks.AsNoTracking()
            .Where(f => core.Contains(f.Key) || db.SoaVersions.Any(v => v.FrameworkId == f.Id) || db.SoaDecisions.Any(d => d.FrameworkId == f.Id) ||
                db.CertificationProgrammes.Any(p => p.FrameworkId == f.Id && !p.Archived) || db.ObjectiveFrameworks.Any(o => o.FrameworkId == f.Id))
            .OrderBy(f => f.Name)
            .Select(f => new Counts
            {
                Id = f.Id, Key = f.Key, Name = f.Name,
                Assessable = assessable.Count(r => r.FrameworkId == f.Id),
                Covered = assessable.Count(r => r.FrameworkId == f.Id && db.ControlRequirements.Any(l => l.RequirementId == r.Id &&
                    db.Controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Implemented))),
                ByPolicy = assessable.Count(r => r.FrameworkId == f.Id && published.Any(p => p == r.Id)),
                SoaNumber = versions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
                    .Select(v => (int?)(v.Major * 1000 + v.Minor)).FirstOrDefault(),
                SoaApprovedAt = versions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
                    .Select(v => (DateTimeOffset?)v.ApprovedAt).FirstOrDefault(),
                Draft = db.SoaDecisions.Any(d => d.FrameworkId == f.Id),
            });
    }

    public static FrameworkCompliance From(Counts r) => new(r.Id, r.Key, r.Name, r.Assessable, r.Covered, r.ByPolicy,
        r.SoaNumber is { } n ? $"{n / 1000}.{n % 1000}" : null, r.SoaApprovedAt, r.Draft);

    /// <summary>Compliance per adopted framework (see <see cref="Query"/>) in one query.</summary>
    public static async Task<IReadOnlyList<FrameworkCompliance>> PerFrameworkAsync(AttestDbContext db, DateTimeOffset? soaAsAt = null,
        CancellationToken cancellationToken = default) =>
        (await Query(db, soaAsAt).ToListAsync(cancellationToken)).Select(From).ToList();
}
