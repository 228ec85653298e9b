using Attest.Accounts;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Controls;
using Attest.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class ClassificationLevelConfiguration : IEntityTypeConfiguration<ClassificationLevel>
{
    public void Configure(EntityTypeBuilder<ClassificationLevel> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(60);
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique();
    }
}

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.HasIndex(a => new { a.OrganizationId, a.Reference }).IsUnique();
        builder.Property(a => a.Reference).HasMaxLength(40);
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Custodian).HasMaxLength(200);
        builder.Property(a => a.Location).HasMaxLength(200);
        builder.Property(a => a.Tags).HasMaxLength(500);
        builder.Property(a => a.Provider).HasMaxLength(200);
        builder.Property(a => a.VersionLabel).HasMaxLength(100);
        builder.Property(a => a.ExternalId).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ClassificationLevel>().WithMany().HasForeignKey(a => a.ClassificationId).OnDelete(DeleteBehavior.SetNull);
        // The inventory lists, filters and sorts within an organization: lead with it.
        builder.HasIndex(a => new { a.OrganizationId, a.Type, a.Name });
        builder.HasIndex(a => new { a.OrganizationId, a.Name });
        builder.HasIndex(a => new { a.OrganizationId, a.ExternalId });
    }
}

internal sealed class AssetDependencyConfiguration : IEntityTypeConfiguration<AssetDependency>
{
    public void Configure(EntityTypeBuilder<AssetDependency> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(d => d.FromAssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(d => d.ToAssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.FromAssetId, d.ToAssetId, d.Kind }).IsUnique();
        builder.HasIndex(d => new { d.OrganizationId, d.ToAssetId });
    }
}

internal sealed class AiSystemClassConfiguration : IEntityTypeConfiguration<AiSystemClass>
{
    public void Configure(EntityTypeBuilder<AiSystemClass> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique();
    }
}

internal sealed class AiSystemClassRequirementConfiguration : IEntityTypeConfiguration<AiSystemClassRequirement>
{
    public void Configure(EntityTypeBuilder<AiSystemClassRequirement> builder)
    {
        builder.HasOne<AiSystemClass>().WithMany().HasForeignKey(r => r.ClassId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(r => r.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ClassId, r.RequirementId }).IsUnique();
    }
}

internal sealed class AiSystemConfiguration : IEntityTypeConfiguration<AiSystem>
{
    public void Configure(EntityTypeBuilder<AiSystem> builder)
    {
        builder.HasOne<Asset>().WithOne().HasForeignKey<AiSystem>(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.AssetId).IsUnique();
        builder.HasOne<AiSystemClass>().WithMany().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.OrganizationId, s.ClassId });
        builder.Property(s => s.ClientsServed).HasMaxLength(2000);
        builder.Property(s => s.Regions).HasMaxLength(300);
        builder.Property(s => s.DisclaimerWhere).HasMaxLength(500);
        builder.Property(s => s.EuAiActReason).HasMaxLength(2000);
    }
}

internal sealed class AiSystemControlConfiguration : IEntityTypeConfiguration<AiSystemControl>
{
    public void Configure(EntityTypeBuilder<AiSystemControl> builder)
    {
        builder.HasOne<AiSystem>().WithMany().HasForeignKey(l => l.AiSystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.AiSystemId, l.ControlId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.ControlId });
    }
}

internal sealed class ImpactAssessmentConfiguration : IEntityTypeConfiguration<ImpactAssessment>
{
    public void Configure(EntityTypeBuilder<ImpactAssessment> builder)
    {
        builder.HasIndex(a => new { a.OrganizationId, a.Reference }).IsUnique();
        builder.Property(a => a.Reference).HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.ReassessmentReason).HasMaxLength(1000);
        builder.Property(a => a.ApprovedNumber).HasMaxLength(20);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ImpactAssessmentSystemConfiguration : IEntityTypeConfiguration<ImpactAssessmentSystem>
{
    public void Configure(EntityTypeBuilder<ImpactAssessmentSystem> builder)
    {
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AiSystem>().WithMany().HasForeignKey(l => l.AiSystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.AssessmentId, l.AiSystemId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.AiSystemId });
    }
}

internal sealed class AffectedPartyConfiguration : IEntityTypeConfiguration<AffectedParty>
{
    public void Configure(EntityTypeBuilder<AffectedParty> builder)
    {
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.AssessmentId);
    }
}

internal sealed class ImpactEntryConfiguration : IEntityTypeConfiguration<ImpactEntry>
{
    public void Configure(EntityTypeBuilder<ImpactEntry> builder)
    {
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AffectedParty>().WithMany().HasForeignKey(e => e.AffectedPartyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.AssessmentId);
    }
}

internal sealed class ImpactEntryControlConfiguration : IEntityTypeConfiguration<ImpactEntryControl>
{
    public void Configure(EntityTypeBuilder<ImpactEntryControl> builder)
    {
        builder.HasOne<ImpactEntry>().WithMany().HasForeignKey(l => l.ImpactEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ImpactEntryId, l.ControlId }).IsUnique();
    }
}

internal sealed class StakeholderInputConfiguration : IEntityTypeConfiguration<StakeholderInput>
{
    public void Configure(EntityTypeBuilder<StakeholderInput> builder)
    {
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Who).HasMaxLength(300);
        builder.HasIndex(s => s.AssessmentId);
    }
}

internal sealed class ImpactAssessmentVersionConfiguration : IEntityTypeConfiguration<ImpactAssessmentVersion>
{
    public void Configure(EntityTypeBuilder<ImpactAssessmentVersion> builder)
    {
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(v => v.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.AssessmentId, v.Major, v.Minor }).IsUnique();
        builder.Property(v => v.ApprovedBy).HasMaxLength(300);
        builder.Property(v => v.ReviewedBy).HasMaxLength(300);
        builder.Ignore(v => v.Number);
    }
}
