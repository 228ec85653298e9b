using Attest.Accounts;
using Attest.AuditPacks;
using Attest.Evidence;
using Attest.Frameworks;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Objectives;
using Attest.Reminders;
using Attest.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Reference).HasMaxLength(20);
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.HasIndex(o => new { o.OrganizationId, o.Reference }).IsUnique();
        builder.HasIndex(o => new { o.OrganizationId, o.Status, o.Kind });
        builder.HasOne<Objective>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ObjectiveOwnerConfiguration : IEntityTypeConfiguration<ObjectiveOwner>
{
    public void Configure(EntityTypeBuilder<ObjectiveOwner> builder)
    {
        builder.HasOne<Objective>().WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ObjectiveId, l.UserId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.UserId });
    }
}

internal sealed class ObjectiveFrameworkConfiguration : IEntityTypeConfiguration<ObjectiveFramework>
{
    public void Configure(EntityTypeBuilder<ObjectiveFramework> builder)
    {
        builder.HasOne<Objective>().WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Framework>().WithMany().HasForeignKey(l => l.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ObjectiveId, l.FrameworkId }).IsUnique();
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.LibraryKey).HasMaxLength(100);
        builder.Property(m => m.DataSourceNote).HasMaxLength(1000);
        builder.Property(m => m.Target).HasPrecision(18, 4);
        builder.Property(m => m.AmberThreshold).HasPrecision(18, 4);
        builder.HasIndex(m => new { m.OrganizationId, m.ObjectiveId, m.Position });
        builder.HasOne<Objective>().WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Target).HasPrecision(18, 4);
        builder.Property(m => m.AmberThreshold).HasPrecision(18, 4);
        builder.Property(m => m.Detail).HasMaxLength(1000);
        builder.Property(m => m.Note).HasMaxLength(4000);
        builder.Property(m => m.TakenBy).HasMaxLength(400);
        builder.HasIndex(m => new { m.OrganizationId, m.MeasureId, m.PeriodEnd, m.TakenAt });
        builder.HasIndex(m => new { m.OrganizationId, m.PeriodEnd });
        builder.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(m => m.EvidenceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.TakenByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditProgrammeConfiguration : IEntityTypeConfiguration<AuditProgramme>
{
    public void Configure(EntityTypeBuilder<AuditProgramme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditProgrammeFrameworkConfiguration : IEntityTypeConfiguration<AuditProgrammeFramework>
{
    public void Configure(EntityTypeBuilder<AuditProgrammeFramework> builder)
    {
        builder.HasOne<AuditProgramme>().WithMany().HasForeignKey(l => l.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Framework>().WithMany().HasForeignKey(l => l.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ProgrammeId, l.FrameworkId }).IsUnique();
    }
}

internal sealed class InternalAuditConfiguration : IEntityTypeConfiguration<InternalAudit>
{
    public void Configure(EntityTypeBuilder<InternalAudit> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.AuditorName).HasMaxLength(300);
        builder.Property(a => a.IndependenceStatement).HasMaxLength(4000);
        builder.HasIndex(a => new { a.OrganizationId, a.Reference }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Status, a.PlannedStart });
        builder.HasIndex(a => new { a.OrganizationId, a.ProgrammeId });
        builder.HasOne<AuditProgramme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AuditorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditChecklistItemConfiguration : IEntityTypeConfiguration<AuditChecklistItem>
{
    public void Configure(EntityTypeBuilder<AuditChecklistItem> builder)
    {
        builder.Property(i => i.Question).HasMaxLength(2000);
        builder.Property(i => i.AssessedBy).HasMaxLength(400);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.AuditId, i.RequirementId }).IsUnique();
        builder.HasIndex(i => new { i.OrganizationId, i.RequirementId, i.Result });
        builder.HasOne<InternalAudit>().WithMany().HasForeignKey(i => i.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(i => i.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(i => i.NonconformityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(i => i.ReauditOfNonconformityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditItemEvidenceConfiguration : IEntityTypeConfiguration<AuditItemEvidence>
{
    public void Configure(EntityTypeBuilder<AuditItemEvidence> builder)
    {
        builder.HasOne<AuditChecklistItem>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(l => l.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ItemId, l.EvidenceId }).IsUnique();
    }
}

internal sealed class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Attendees).HasMaxLength(4000);
        builder.Property(r => r.SignedOffBy).HasMaxLength(400);
        builder.HasIndex(r => new { r.OrganizationId, r.Reference }).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.Status, r.HeldOn });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(4000);
        builder.HasIndex(d => new { d.ReviewId, d.Position });
        builder.HasOne<ManagementReview>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PackSigningKeyConfiguration : IEntityTypeConfiguration<PackSigningKey>
{
    public void Configure(EntityTypeBuilder<PackSigningKey> builder)
    {
        builder.Property(k => k.PublicKeyPem).HasMaxLength(1000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
        builder.Property(k => k.Fingerprint).HasMaxLength(64);
        builder.HasIndex(k => new { k.OrganizationId, k.Fingerprint }).IsUnique();
    }
}

internal sealed class AuditPackExportConfiguration : IEntityTypeConfiguration<AuditPackExport>
{
    public void Configure(EntityTypeBuilder<AuditPackExport> builder)
    {
        builder.Property(e => e.ExportedBy).HasMaxLength(400);
        builder.Property(e => e.ManifestSha256).HasMaxLength(64);
        builder.HasIndex(e => new { e.OrganizationId, e.ExportedAt });
        builder.HasOne<PackSigningKey>().WithMany().HasForeignKey(e => e.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ExportedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.Property(d => d.Address).HasMaxLength(320);
        builder.Property(d => d.Error).HasMaxLength(2000);
        builder.HasIndex(d => new { d.OrganizationId, d.UserId, d.ForDay });
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
