using Attest.Accounts;
using Attest.Assets;
using Attest.Controls;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class RiskMethodologyConfiguration : IEntityTypeConfiguration<RiskMethodology>
{
    public void Configure(EntityTypeBuilder<RiskMethodology> builder)
    {
        builder.HasIndex(m => new { m.OrganizationId, m.Number }).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.CreatedBy).HasMaxLength(300);
        builder.Property(m => m.ChangeNote).HasMaxLength(1000);
    }
}

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.HasIndex(r => new { r.OrganizationId, r.Reference }).IsUnique();
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Threat).HasMaxLength(2000);
        builder.Property(r => r.Vulnerability).HasMaxLength(2000);
        builder.Property(r => r.Category).HasMaxLength(100);
        builder.Property(r => r.ExistingControls).HasMaxLength(4000);
        builder.Property(r => r.LibraryKey).HasMaxLength(80);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RiskMethodology>().WithMany().HasForeignKey(r => r.MethodologyId).OnDelete(DeleteBehavior.Restrict);
        // The register filters by status and level within an organization, and the heatmap groups by cell.
        builder.HasIndex(r => new { r.OrganizationId, r.Status, r.ResidualLevel });
        builder.HasIndex(r => new { r.OrganizationId, r.OwnerId });
        builder.HasIndex(r => new { r.OrganizationId, r.NextReviewOn });
    }
}

internal sealed class RiskAssetConfiguration : IEntityTypeConfiguration<RiskAsset>
{
    public void Configure(EntityTypeBuilder<RiskAsset> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.RiskId, l.AssetId }).IsUnique();
        builder.HasIndex(l => new { l.AssetId, l.RiskId });
    }
}

internal sealed class RiskControlConfiguration : IEntityTypeConfiguration<RiskControl>
{
    public void Configure(EntityTypeBuilder<RiskControl> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.RiskId, l.ControlId }).IsUnique();
        builder.HasIndex(l => new { l.ControlId, l.RiskId });
    }
}

internal sealed class RiskTaskConfiguration : IEntityTypeConfiguration<RiskTask>
{
    public void Configure(EntityTypeBuilder<RiskTask> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Notes).HasMaxLength(4000);
        builder.HasOne<Risk>().WithMany().HasForeignKey(t => t.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Control>().WithMany().HasForeignKey(t => t.ControlId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.RiskId, t.DueOn });
        builder.HasIndex(t => new { t.OrganizationId, t.CompletedOn, t.DueOn });
    }
}

internal sealed class RiskAcceptanceConfiguration : IEntityTypeConfiguration<RiskAcceptance>
{
    public void Configure(EntityTypeBuilder<RiskAcceptance> builder)
    {
        builder.Property(a => a.AcceptedBy).HasMaxLength(400);
        builder.Property(a => a.LevelName).HasMaxLength(40);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.Property(a => a.StaleReason).HasMaxLength(1000);
        builder.HasOne<Risk>().WithMany().HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RiskId, a.AcceptedAt });
    }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.CompletedBy).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
