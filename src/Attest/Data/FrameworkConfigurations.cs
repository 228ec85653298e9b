using Attest.Accounts;
using Attest.Controls;
using Attest.Frameworks;
using Attest.Soa;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasIndex(f => new { f.OrganizationId, f.Key }).IsUnique();
        builder.Property(f => f.Key).HasMaxLength(100);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.Property(f => f.CatalogVersion).HasMaxLength(100);
        builder.Property(f => f.Publisher).HasMaxLength(200);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
        builder.Property(f => f.Origin).HasMaxLength(300);
    }
}

internal sealed class RequirementConfiguration : IEntityTypeConfiguration<Requirement>
{
    public void Configure(EntityTypeBuilder<Requirement> builder)
    {
        builder.HasOne<Framework>().WithMany().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.FrameworkId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.FrameworkId, r.SortOrder });
        builder.Property(r => r.Code).HasMaxLength(100);
        builder.Property(r => r.Title).HasMaxLength(500);
    }
}

internal sealed class FrameworkMappingConfiguration : IEntityTypeConfiguration<FrameworkMapping>
{
    public void Configure(EntityTypeBuilder<FrameworkMapping> builder)
    {
        builder.HasOne<Requirement>().WithMany().HasForeignKey(m => m.FromRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(m => m.ToRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.FromRequirementId);
        builder.HasIndex(m => m.ToRequirementId);
        builder.Property(m => m.Source).HasMaxLength(200);
    }
}

internal sealed class ControlConfiguration : IEntityTypeConfiguration<Control>
{
    public void Configure(EntityTypeBuilder<Control> builder)
    {
        builder.HasIndex(c => new { c.OrganizationId, c.Reference }).IsUnique();
        builder.Property(c => c.Reference).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Tags).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ControlRequirementConfiguration : IEntityTypeConfiguration<ControlRequirement>
{
    public void Configure(EntityTypeBuilder<ControlRequirement> builder)
    {
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(l => l.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ControlId, l.RequirementId }).IsUnique();
        // Every query also filters on the organization: lead with it so planners pick these without statistics.
        builder.HasIndex(l => new { l.OrganizationId, l.ControlId });
        builder.HasIndex(l => new { l.OrganizationId, l.RequirementId });
    }
}

internal sealed class SoaDecisionConfiguration : IEntityTypeConfiguration<SoaDecision>
{
    public void Configure(EntityTypeBuilder<SoaDecision> builder)
    {
        builder.HasOne<Framework>().WithMany().HasForeignKey(d => d.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(d => d.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.FrameworkId, d.RequirementId }).IsUnique();
        builder.Property(d => d.Justification).HasMaxLength(4000);
    }
}

internal sealed class SoaVersionConfiguration : IEntityTypeConfiguration<SoaVersion>
{
    public void Configure(EntityTypeBuilder<SoaVersion> builder)
    {
        builder.HasOne<Framework>().WithMany().HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.FrameworkId, v.Major, v.Minor }).IsUnique();
        builder.Property(v => v.ApprovedBy).HasMaxLength(300);
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.Ignore(v => v.Number);
    }
}
