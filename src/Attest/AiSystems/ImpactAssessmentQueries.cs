using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.AiSystems;

/// <summary>Everything an assessment says, as approved versions freeze it and exports print it.</summary>
public sealed record AssessmentContent(
    string Reference,
    string Title,
    string ScopeAndIntendedUse,
    string SystemDescription,
    string Conclusion,
    IReadOnlyList<AssessmentContent.SystemLine> Systems,
    IReadOnlyList<AssessmentContent.PartyLine> AffectedParties,
    IReadOnlyList<AssessmentContent.ImpactLine> Impacts,
    IReadOnlyList<AssessmentContent.InputLine> StakeholderInput)
{
    public sealed record SystemLine(Guid Id, string Reference, string Name, ServiceCategory Category);
    public sealed record PartyLine(Guid Id, string Name, AffectedKind Kind, string Description);
    public sealed record ImpactLine(Guid Id, Guid AffectedPartyId, string AffectedParty, ImpactDimension Dimension, ImpactNature Nature, string Description,
        int Severity, int Likelihood, string Mitigation, int ResidualSeverity, int ResidualLikelihood, IReadOnlyList<string> Controls)
    {
        public string InherentLevel => ImpactScale.Level(Severity, Likelihood);
        public string ResidualLevel => ImpactScale.Level(ResidualSeverity, ResidualLikelihood);
    }
    public sealed record InputLine(Guid Id, string Who, DateOnly On, string Said);
}

public sealed record AssessmentRow(Guid Id, string Reference, string Title, AssessmentStatus Status, string ApprovedNumber, bool Due, string ReassessmentReason,
    DateOnly? NextReviewOn, int Systems, int HighResidual, string? Owner);

public sealed record AssessmentVersionRow(Guid Id, string Number, DateTimeOffset ApprovedAt, string ApprovedBy, string ReviewedBy);

public sealed record AssessmentDetail(Guid Id, AssessmentContent Content, AssessmentStatus Status, string ApprovedNumber, bool Due, string ReassessmentReason,
    Guid? OwnerId, Guid? ReviewerId, string? Reviewer, Guid? ApproverId, string? Approver, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt,
    DateOnly? NextReviewOn, IReadOnlyList<AssessmentVersionRow> Versions, int Version);

public sealed record AiDashboardFigures(int AiSystems, int WithCurrentAssessment, int AssessmentsDue, int HighResidualImpacts);

/// <summary>Reading impact assessments: the register, one assessment (working copy and versions), a frozen version, and the AI dashboard figures.</summary>
public static class ImpactAssessmentQueries
{
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<List<AssessmentRow>> ListAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var rows = await db.ImpactAssessments.AsNoTracking().OrderBy(a => a.Reference)
            .Select(a => new
            {
                a.Id, a.Reference, a.Title, a.Status, a.ApprovedNumber, a.ReassessmentDue, a.ReassessmentReason, a.NextReviewOn,
                Systems = db.ImpactAssessmentSystems.Count(l => l.AssessmentId == a.Id),
                HighResidual = db.ImpactEntries.Count(e => e.AssessmentId == a.Id && e.Nature == ImpactNature.Harm && e.ResidualSeverity * e.ResidualLikelihood >= 15),
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new AssessmentRow(a.Id, a.Reference, a.Title, a.Status, a.ApprovedNumber, IsDue(a.ApprovedNumber, a.ReassessmentDue, a.NextReviewOn, today),
            a.ReassessmentReason, a.NextReviewOn, a.Systems, a.HighResidual, a.Owner)).ToList();
    }

    /// <summary>Due: a trigger fired, or the scheduled date has passed, on an assessment that has been approved before.</summary>
    public static bool IsDue(string approvedNumber, bool flagged, DateOnly? nextReviewOn, DateOnly today) =>
        approvedNumber.Length > 0 && (flagged || nextReviewOn is { } next && next < today);

    public static async Task<AssessmentContent> ContentAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ImpactAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Impact assessment", id);
        var systems = await db.ImpactAssessmentSystems.AsNoTracking().Where(l => l.AssessmentId == id)
            .Join(db.AiSystems, l => l.AiSystemId, s => s.Id, (_, s) => s)
            .Join(db.Assets, s => s.AssetId, a => a.Id, (s, a) => new { s.Id, a.Reference, a.Name, s.ServiceCategory })
            .OrderBy(x => x.Name)
            .Select(x => new AssessmentContent.SystemLine(x.Id, x.Reference, x.Name, x.ServiceCategory))
            .ToListAsync(cancellationToken);
        var parties = await db.AffectedParties.AsNoTracking().Where(p => p.AssessmentId == id).OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new AssessmentContent.PartyLine(p.Id, p.Name, p.Kind, p.Description)).ToListAsync(cancellationToken);
        var entries = await db.ImpactEntries.AsNoTracking().Where(e => e.AssessmentId == id).ToListAsync(cancellationToken);
        var entryIds = entries.Select(e => e.Id).ToList();
        var controls = (await db.ImpactEntryControls.AsNoTracking().Where(c => entryIds.Contains(c.ImpactEntryId))
                .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l.ImpactEntryId, c.Reference })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ImpactEntryId, c => c.Reference);
        var partyNames = parties.ToDictionary(p => p.Id, p => p.Name);
        var impacts = entries
            .OrderBy(e => partyNames.GetValueOrDefault(e.AffectedPartyId)).ThenBy(e => e.Dimension).ThenBy(e => e.Nature)
            .Select(e => new AssessmentContent.ImpactLine(e.Id, e.AffectedPartyId, partyNames.GetValueOrDefault(e.AffectedPartyId, ""), e.Dimension, e.Nature, e.Description,
                e.Severity, e.Likelihood, e.Mitigation, e.ResidualSeverity, e.ResidualLikelihood, controls[e.Id].Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var inputs = await db.StakeholderInputs.AsNoTracking().Where(s => s.AssessmentId == id).OrderBy(s => s.On).ThenBy(s => s.Who)
            .Select(s => new AssessmentContent.InputLine(s.Id, s.Who, s.On, s.Said)).ToListAsync(cancellationToken);
        return new AssessmentContent(assessment.Reference, assessment.Title, assessment.ScopeAndIntendedUse, assessment.SystemDescription, assessment.Conclusion,
            systems, parties, impacts, inputs);
    }

    public static async Task<AssessmentDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var content = await ContentAsync(db, id, cancellationToken);
        var a = await db.ImpactAssessments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                Assessment = x,
                Reviewer = db.Users.Where(u => u.Id == x.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
                Approver = db.Users.Where(u => u.Id == x.ApproverId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var versions = await db.ImpactAssessmentVersions.AsNoTracking().Where(v => v.AssessmentId == id).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new AssessmentVersionRow(v.Id, v.Major + "." + v.Minor, v.ApprovedAt, v.ApprovedBy, v.ReviewedBy))
            .ToListAsync(cancellationToken);
        var x = a.Assessment;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        return new AssessmentDetail(id, content, x.Status, x.ApprovedNumber, IsDue(x.ApprovedNumber, x.ReassessmentDue, x.NextReviewOn, today), x.ReassessmentReason,
            x.OwnerId, x.ReviewerId, a.Reviewer, x.ApproverId, a.Approver, x.SubmittedAt, x.ReviewedAt, x.NextReviewOn, versions, x.Version);
    }

    public sealed record FrozenVersion(AssessmentVersionRow Version, AssessmentContent Content);

    public static async Task<FrozenVersion> VersionAsync(AttestDbContext db, Guid assessmentId, string number, CancellationToken cancellationToken = default)
    {
        var versions = await db.ImpactAssessmentVersions.AsNoTracking().Where(v => v.AssessmentId == assessmentId).ToListAsync(cancellationToken);
        var version = versions.FirstOrDefault(v => v.Number == number) ?? throw new RecordNotFoundException("Impact assessment version", number);
        return new FrozenVersion(new AssessmentVersionRow(version.Id, version.Number, version.ApprovedAt, version.ApprovedBy, version.ReviewedBy),
            JsonSerializer.Deserialize<AssessmentContent>(version.Content, Json)!);
    }

    /// <summary>AI systems with a current approved assessment (approved, not due), assessments due, and high residual harms in approved assessments: one query.</summary>
    public static async Task<AiDashboardFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var current = db.ImpactAssessments.Where(a => a.ApprovedNumber != "" && !a.ReassessmentDue && (a.NextReviewOn == null || a.NextReviewOn >= today));
        var figures = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(o => new
            {
                Systems = db.AiSystems.Count(),
                Current = db.AiSystems.Count(s => db.ImpactAssessmentSystems.Any(l => l.AiSystemId == s.Id && current.Any(a => a.Id == l.AssessmentId))),
                Due = db.ImpactAssessments.Count(a => a.ApprovedNumber != "" && (a.ReassessmentDue || (a.NextReviewOn != null && a.NextReviewOn < today))),
                High = db.ImpactEntries.Count(e => e.Nature == ImpactNature.Harm && e.ResidualSeverity * e.ResidualLikelihood >= 15 &&
                    db.ImpactAssessments.Any(a => a.Id == e.AssessmentId && a.ApprovedNumber != "")),
            })
            .SingleAsync(cancellationToken);
        return new AiDashboardFigures(figures.Systems, figures.Current, figures.Due, figures.High);
    }
}
