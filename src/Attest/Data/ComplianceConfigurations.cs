using Attest.Accounts;
using Attest.Assets;
using Attest.Certification;
using Attest.Controls;
using Attest.Policies;
using Attest.Exceptions;
using Attest.Frameworks;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Obligations;
using Attest.People;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.Property(o => o.Reference).HasMaxLength(20);
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.Source).HasMaxLength(500);
        builder.Property(o => o.Jurisdiction).HasMaxLength(200);
        builder.Property(o => o.BusinessProcesses).HasMaxLength(2000);
        builder.Property(o => o.Clients).HasMaxLength(2000);
        builder.Property(o => o.StatusReason).HasMaxLength(4000);
        builder.Property(o => o.Holder).HasMaxLength(300);
        builder.Property(o => o.IssuingBody).HasMaxLength(300);
        builder.Property(o => o.LicenceNumber).HasMaxLength(100);
        builder.HasIndex(o => new { o.OrganizationId, o.Reference }).IsUnique();
        builder.HasIndex(o => new { o.OrganizationId, o.Kind, o.Status });
        builder.HasIndex(o => new { o.OrganizationId, o.Kind, o.ValidUntil });
        builder.HasIndex(o => new { o.OrganizationId, o.ReviewOn });
        builder.HasIndex(o => new { o.OrganizationId, o.OwnerId });
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.HolderPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ObligationRequirementConfiguration : IEntityTypeConfiguration<ObligationRequirement>
{
    public void Configure(EntityTypeBuilder<ObligationRequirement> builder)
    {
        builder.HasOne<Obligation>().WithMany().HasForeignKey(l => l.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(l => l.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ObligationId, l.RequirementId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.RequirementId, l.ObligationId });
    }
}

internal sealed class ObligationControlConfiguration : IEntityTypeConfiguration<ObligationControl>
{
    public void Configure(EntityTypeBuilder<ObligationControl> builder)
    {
        builder.HasOne<Obligation>().WithMany().HasForeignKey(l => l.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ObligationId, l.ControlId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.ControlId, l.ObligationId });
    }
}

internal sealed class ObligationAssetConfiguration : IEntityTypeConfiguration<ObligationAsset>
{
    public void Configure(EntityTypeBuilder<ObligationAsset> builder)
    {
        builder.HasOne<Obligation>().WithMany().HasForeignKey(l => l.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ObligationId, l.AssetId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.AssetId, l.ObligationId });
    }
}

internal sealed class RegulatoryEventConfiguration : IEntityTypeConfiguration<RegulatoryEvent>
{
    public void Configure(EntityTypeBuilder<RegulatoryEvent> builder)
    {
        builder.Property(e => e.Reference).HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Authority).HasMaxLength(300);
        builder.Property(e => e.FineCurrency).HasMaxLength(3);
        builder.Property(e => e.FineAmount).HasPrecision(18, 2);
        builder.HasIndex(e => new { e.OrganizationId, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.OccurredOn });
        builder.HasIndex(e => new { e.OrganizationId, e.ObligationId });
        builder.HasOne<Obligation>().WithMany().HasForeignKey(e => e.ObligationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(e => e.NonconformityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NonconformityConfiguration : IEntityTypeConfiguration<Nonconformity>
{
    public void Configure(EntityTypeBuilder<Nonconformity> builder)
    {
        builder.Property(n => n.Reference).HasMaxLength(20);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.ExternalReference).HasMaxLength(100);
        builder.Property(n => n.RaisedBy).HasMaxLength(400);
        builder.Property(n => n.ClosureNote).HasMaxLength(4000);
        builder.HasIndex(n => new { n.OrganizationId, n.Reference }).IsUnique();
        builder.HasIndex(n => new { n.OrganizationId, n.Status, n.Grade, n.RaisedOn });
        builder.HasIndex(n => new { n.OrganizationId, n.Source, n.SourceId });
        builder.HasIndex(n => new { n.OrganizationId, n.RequirementId });
        builder.HasIndex(n => new { n.OrganizationId, n.OwnerId, n.Status });
        builder.HasOne<Requirement>().WithMany().HasForeignKey(n => n.RequirementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Control>().WithMany().HasForeignKey(n => n.ControlId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EffectivenessCheckConfiguration : IEntityTypeConfiguration<EffectivenessCheck>
{
    public void Configure(EntityTypeBuilder<EffectivenessCheck> builder)
    {
        builder.Property(c => c.CheckedBy).HasMaxLength(400);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(c => c.NonconformityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.NonconformityId, c.RecordedAt });
    }
}

internal sealed class CertificationProgrammeConfiguration : IEntityTypeConfiguration<CertificationProgramme>
{
    public void Configure(EntityTypeBuilder<CertificationProgramme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Standard).HasMaxLength(200);
        builder.Property(p => p.CertificationBody).HasMaxLength(300);
        builder.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
        builder.HasOne<Framework>().WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Notes).HasMaxLength(4000);
        builder.HasOne<CertificationProgramme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.OrganizationId, m.ProgrammeId, m.SortOrder });
    }
}

internal sealed class ExternalAuditConfiguration : IEntityTypeConfiguration<ExternalAudit>
{
    public void Configure(EntityTypeBuilder<ExternalAudit> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.CertificationBody).HasMaxLength(300);
        builder.Property(a => a.LeadAuditor).HasMaxLength(300);
        builder.HasIndex(a => new { a.OrganizationId, a.Reference }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.ProgrammeId, a.StartOn });
        builder.HasOne<CertificationProgramme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(100);
        builder.Property(c => c.CertificationBody).HasMaxLength(300);
        builder.Property(c => c.AccreditationBody).HasMaxLength(300);
        builder.Property(c => c.ScopeStatement).HasMaxLength(4000);
        builder.HasIndex(c => new { c.OrganizationId, c.ProgrammeId, c.ExpiresOn });
        builder.HasOne<CertificationProgramme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplianceExceptionConfiguration : IEntityTypeConfiguration<ComplianceException>
{
    public void Configure(EntityTypeBuilder<ComplianceException> builder)
    {
        builder.Property(e => e.Reference).HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.PolicySection).HasMaxLength(300);
        builder.Property(e => e.RiskLevelName).HasMaxLength(40);
        builder.Property(e => e.RequestedBy).HasMaxLength(400);
        builder.Property(e => e.DecidedBy).HasMaxLength(400);
        builder.Property(e => e.DecisionNote).HasMaxLength(4000);
        builder.HasIndex(e => new { e.OrganizationId, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.Status, e.ValidUntil });
        builder.HasIndex(e => new { e.OrganizationId, e.ControlId });
        builder.HasIndex(e => new { e.OrganizationId, e.AssetId });
        builder.HasIndex(e => new { e.OrganizationId, e.DocumentId });
        builder.HasOne<Document>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Control>().WithMany().HasForeignKey(e => e.ControlId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Asset>().WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Risk>().WithMany().HasForeignKey(e => e.RiskId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RiskAcceptance>().WithMany().HasForeignKey(e => e.RiskAcceptanceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
