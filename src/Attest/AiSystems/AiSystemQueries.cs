using Attest.Assets;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.AiSystems;

public sealed record AiSystemDetail(Guid Id, AssetDetail Asset, AiSystem Record, string? Class, IReadOnlyList<AiSystemDetail.ControlLine> Controls,
    AiCoverage.SystemCoverage Coverage, IReadOnlyList<AiSystemDetail.AssessmentLine> Assessments)
{
    public sealed record ControlLine(Guid Id, string Reference, string Name, Controls.ImplementationStatus Status);
    public sealed record AssessmentLine(Guid Id, string Reference, string Title, AssessmentStatus Status, string ApprovedNumber, bool Due);
}

public static class AiSystemQueries
{
    public static async Task<AiSystemDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var record = await db.AiSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("AI system", id);
        var asset = await AssetQueries.DetailAsync(db, record.AssetId, cancellationToken);
        var controls = await db.AiSystemControls.AsNoTracking().Where(l => l.AiSystemId == id)
            .Join(db.Controls, l => l.ControlId, c => c.Id, (_, c) => c)
            .OrderBy(c => c.Reference)
            .Select(c => new AiSystemDetail.ControlLine(c.Id, c.Reference, c.Name, c.Status))
            .ToListAsync(cancellationToken);
        // A retired system is left out of coverage; it still shows its class.
        var coverage = (await AiCoverage.RunAsync(db, id, cancellationToken)).Rows.SingleOrDefault()
            ?? new AiCoverage.SystemCoverage(id, record.AssetId, asset.Reference, asset.Name, record.ServiceCategory,
                record.ClassId is null ? null : await db.AiSystemClasses.Where(c => c.Id == record.ClassId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken), 0, 0, []);
        var className = coverage.Class;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var assessments = (await db.ImpactAssessmentSystems.AsNoTracking().Where(l => l.AiSystemId == id)
                .Join(db.ImpactAssessments, l => l.AssessmentId, a => a.Id, (_, a) => a)
                .OrderBy(a => a.Reference).ToListAsync(cancellationToken))
            .Select(a => new AiSystemDetail.AssessmentLine(a.Id, a.Reference, a.Title, a.Status, a.ApprovedNumber,
                ImpactAssessmentQueries.IsDue(a.ApprovedNumber, a.ReassessmentDue, a.NextReviewOn, today))).ToList();
        return new AiSystemDetail(id, asset, record, className, controls, coverage, assessments);
    }

    public sealed record Choice(Guid Id, string Reference, string Name);

    /// <summary>AI systems to choose from (assessments, forms): id, reference and name, in name order.</summary>
    public static Task<List<Choice>> ChoicesAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.AiSystems.AsNoTracking().Join(db.Assets, s => s.AssetId, a => a.Id, (s, a) => new { s.Id, a.Reference, a.Name })
            .OrderBy(x => x.Name).Select(x => new Choice(x.Id, x.Reference, x.Name)).ToListAsync(cancellationToken);
}
