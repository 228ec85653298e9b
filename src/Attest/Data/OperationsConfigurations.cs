using Attest.Accounts;
using Attest.Assets;
using Attest.Continuity;
using Attest.Controls;
using Attest.Evidence;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Risks;
using Attest.Suppliers;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.HasIndex(a => new { a.OrganizationId, a.Reference }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Source, a.SourceId });
        builder.HasIndex(a => new { a.OrganizationId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.OrganizationId, a.OwnerId, a.Status });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Control>().WithMany().HasForeignKey(a => a.ControlId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Risk>().WithMany().HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.Reference).HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.ReportedBy).HasMaxLength(400);
        builder.Property(i => i.AffectedClients).HasMaxLength(2000);
        builder.Property(i => i.AffectedData).HasMaxLength(2000);
        builder.Property(i => i.ClosureNote).HasMaxLength(2000);
        builder.HasIndex(i => new { i.OrganizationId, i.Reference }).IsUnique();
        // The register's default order and its filters; figures group by month and severity.
        builder.HasIndex(i => new { i.OrganizationId, i.DetectedAt });
        builder.HasIndex(i => new { i.OrganizationId, i.Status, i.Severity });
        builder.HasIndex(i => new { i.OrganizationId, i.DetectedMonth, i.Severity, i.DetectSeconds, i.ContainSeconds });
        builder.HasIndex(i => new { i.OrganizationId, i.OwnerId });
        builder.HasIndex(i => new { i.OrganizationId, i.ReporterId });
        // Open incidents past their containment limit: a seek on "not contained" instead of a walk over every detection.
        builder.HasIndex(i => new { i.OrganizationId, i.ContainedAt, i.Severity, i.DetectedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(i => i.SupplierId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IncidentAssetConfiguration : IEntityTypeConfiguration<IncidentAsset>
{
    public void Configure(EntityTypeBuilder<IncidentAsset> builder)
    {
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.IncidentId, l.AssetId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.AssetId, l.IncidentId });
    }
}

internal sealed class IncidentRiskConfiguration : IEntityTypeConfiguration<IncidentRisk>
{
    public void Configure(EntityTypeBuilder<IncidentRisk> builder)
    {
        builder.Property(l => l.Note).HasMaxLength(2000);
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Risk>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.IncidentId, l.RiskId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.RiskId, l.IncidentId });
    }
}

internal sealed class IncidentControlConfiguration : IEntityTypeConfiguration<IncidentControl>
{
    public void Configure(EntityTypeBuilder<IncidentControl> builder)
    {
        builder.Property(l => l.Note).HasMaxLength(2000);
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.IncidentId, l.ControlId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.ControlId, l.IncidentId });
    }
}

internal sealed class IncidentEventConfiguration : IEntityTypeConfiguration<IncidentEvent>
{
    public void Configure(EntityTypeBuilder<IncidentEvent> builder)
    {
        builder.Property(e => e.RecordedBy).HasMaxLength(400);
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.IncidentId, e.At });
    }
}

internal sealed class IncidentSettingsConfiguration : IEntityTypeConfiguration<IncidentSettings>
{
    public void Configure(EntityTypeBuilder<IncidentSettings> builder)
    {
        builder.Property(s => s.CriticalDefinition).HasMaxLength(1000);
        builder.Property(s => s.HighDefinition).HasMaxLength(1000);
        builder.Property(s => s.MediumDefinition).HasMaxLength(1000);
        builder.Property(s => s.LowDefinition).HasMaxLength(1000);
        builder.HasIndex(s => s.OrganizationId).IsUnique();
    }
}

internal sealed class BreachAssessmentConfiguration : IEntityTypeConfiguration<BreachAssessment>
{
    public void Configure(EntityTypeBuilder<BreachAssessment> builder)
    {
        builder.Property(b => b.DataCategories).HasMaxLength(2000);
        builder.Property(b => b.DataSubjects).HasMaxLength(2000);
        builder.Property(b => b.NotNotifiableReason).HasMaxLength(4000);
        builder.Property(b => b.DelayReason).HasMaxLength(4000);
        builder.Property(b => b.Authority).HasMaxLength(200);
        builder.Property(b => b.DecidedBy).HasMaxLength(400);
        builder.HasOne<Incident>().WithMany().HasForeignKey(b => b.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.IncidentId).IsUnique();
        builder.HasIndex(b => new { b.OrganizationId, b.Status, b.AwareAt });
    }
}

internal sealed class BreachNotificationConfiguration : IEntityTypeConfiguration<BreachNotification>
{
    public void Configure(EntityTypeBuilder<BreachNotification> builder)
    {
        builder.Property(n => n.RecipientName).HasMaxLength(300);
        builder.Property(n => n.Method).HasMaxLength(100);
        builder.Property(n => n.ExternalReference).HasMaxLength(200);
        builder.Property(n => n.SentBy).HasMaxLength(400);
        builder.Property(n => n.RecordedBy).HasMaxLength(400);
        builder.HasOne<BreachAssessment>().WithMany().HasForeignKey(n => n.BreachId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.BreachId, n.SentAt });
    }
}

internal sealed class VulnerabilityScanConfiguration : IEntityTypeConfiguration<VulnerabilityScan>
{
    public void Configure(EntityTypeBuilder<VulnerabilityScan> builder)
    {
        builder.Property(s => s.Tool).HasMaxLength(200);
        builder.Property(s => s.Target).HasMaxLength(500);
        builder.Property(s => s.FileName).HasMaxLength(300);
        builder.Property(s => s.FileSha256).HasMaxLength(64);
        builder.Property(s => s.ImportedBy).HasMaxLength(400);
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganizationId, s.AssetId, s.ImportedAt });
    }
}

internal sealed class VulnerabilityFindingConfiguration : IEntityTypeConfiguration<VulnerabilityFinding>
{
    public void Configure(EntityTypeBuilder<VulnerabilityFinding> builder)
    {
        builder.Property(f => f.Target).HasMaxLength(500);
        builder.Property(f => f.Fingerprint).HasMaxLength(64);
        builder.Property(f => f.RuleId).HasMaxLength(200);
        builder.Property(f => f.Title).HasMaxLength(500);
        builder.Property(f => f.Location).HasMaxLength(1000);
        builder.Property(f => f.Package).HasMaxLength(300);
        builder.Property(f => f.InstalledVersion).HasMaxLength(200);
        builder.Property(f => f.FixedVersion).HasMaxLength(500);
        builder.Property(f => f.HelpUrl).HasMaxLength(2000);
        builder.Property(f => f.StatusReason).HasMaxLength(4000);
        builder.HasOne<Asset>().WithMany().HasForeignKey(f => f.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RiskAcceptance>().WithMany().HasForeignKey(f => f.RiskAcceptanceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.OrganizationId, f.Number }).IsUnique();
        // Identity: the import matches on it.
        builder.HasIndex(f => new { f.OrganizationId, f.AssetId, f.Target, f.Fingerprint }).IsUnique();
        // Figures and the register: open by severity, overdue, mean time to remediate.
        builder.HasIndex(f => new { f.OrganizationId, f.Status, f.Severity, f.DueOn });
        builder.HasIndex(f => new { f.OrganizationId, f.FixedAt, f.RemediateSeconds });
        // Mean time to remediate by severity over fixed findings, read from the index alone.
        builder.HasIndex(f => new { f.OrganizationId, f.Status, f.FixedAt, f.Severity, f.RemediateSeconds });
    }
}

internal sealed class FindingDecisionConfiguration : IEntityTypeConfiguration<FindingDecision>
{
    public void Configure(EntityTypeBuilder<FindingDecision> builder)
    {
        builder.Property(d => d.By).HasMaxLength(400);
        builder.Property(d => d.Reason).HasMaxLength(4000);
        builder.HasOne<VulnerabilityFinding>().WithMany().HasForeignKey(d => d.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.FindingId, d.At });
    }
}

internal sealed class VulnerabilitySettingsConfiguration : IEntityTypeConfiguration<VulnerabilitySettings>
{
    public void Configure(EntityTypeBuilder<VulnerabilitySettings> builder)
    {
        builder.HasIndex(s => s.OrganizationId).IsUnique();
    }
}

internal sealed class ContinuityPlanConfiguration : IEntityTypeConfiguration<ContinuityPlan>
{
    public void Configure(EntityTypeBuilder<ContinuityPlan> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.HasIndex(p => new { p.OrganizationId, p.Reference }).IsUnique();
        builder.HasOne<Asset>().WithMany().HasForeignKey(p => p.ServiceAssetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.DeputyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanAssetConfiguration : IEntityTypeConfiguration<PlanAsset>
{
    public void Configure(EntityTypeBuilder<PlanAsset> builder)
    {
        builder.HasOne<ContinuityPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PlanId, l.AssetId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.AssetId, l.PlanId });
    }
}

internal sealed class PlanSupplierConfiguration : IEntityTypeConfiguration<PlanSupplier>
{
    public void Configure(EntityTypeBuilder<PlanSupplier> builder)
    {
        builder.HasOne<ContinuityPlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PlanId, l.SupplierId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.SupplierId, l.PlanId });
    }
}

internal sealed class ContinuityExerciseConfiguration : IEntityTypeConfiguration<ContinuityExercise>
{
    public void Configure(EntityTypeBuilder<ContinuityExercise> builder)
    {
        builder.Property(e => e.Reference).HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Participants).HasMaxLength(2000);
        builder.HasIndex(e => new { e.OrganizationId, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.HeldOn });
        builder.HasOne<ContinuityPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(e => e.EvidenceItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MonitoredServiceConfiguration : IEntityTypeConfiguration<MonitoredService>
{
    public void Configure(EntityTypeBuilder<MonitoredService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AvailabilityRecordConfiguration : IEntityTypeConfiguration<AvailabilityRecord>
{
    public void Configure(EntityTypeBuilder<AvailabilityRecord> builder)
    {
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.HasOne<MonitoredService>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ServiceId, a.Month }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Month });
    }
}
