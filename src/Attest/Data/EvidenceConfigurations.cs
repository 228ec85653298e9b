using Attest.Accounts;
using Attest.Checks;
using Attest.Controls;
using Attest.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.HasIndex(e => new { e.OrganizationId, e.Reference }).IsUnique();
        builder.Property(e => e.Reference).HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(e => e.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Check>().WithMany().HasForeignKey(e => e.CheckId).OnDelete(DeleteBehavior.SetNull);
        // The list sorts by collection date and filters by kind; a check's history reads newest first.
        builder.HasIndex(e => new { e.OrganizationId, e.CollectedOn });
        builder.HasIndex(e => new { e.OrganizationId, e.Kind, e.CollectedOn });
        builder.HasIndex(e => new { e.CheckId, e.CreatedAt });
    }
}

internal sealed class EvidenceVersionConfiguration : IEntityTypeConfiguration<EvidenceVersion>
{
    public void Configure(EntityTypeBuilder<EvidenceVersion> builder)
    {
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(v => v.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(v => v.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.EvidenceId, v.Number }).IsUnique();
        builder.Property(v => v.FileName).HasMaxLength(255);
        builder.Property(v => v.Url).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(300);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasIndex(f => new { f.OrganizationId, f.Sha256 }).IsUnique();
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(l => l.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.EvidenceId, l.Target, l.TargetId }).IsUnique();
        builder.HasIndex(l => new { l.Target, l.TargetId, l.EvidenceId });
    }
}

internal sealed class CheckConfiguration : IEntityTypeConfiguration<Check>
{
    public void Configure(EntityTypeBuilder<Check> builder)
    {
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Target).HasMaxLength(2000);
        builder.Property(c => c.Settings).HasMaxLength(4000);
        builder.Property(c => c.Schedule).HasMaxLength(100);
        builder.Property(c => c.PushTokenHash).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CheckControlConfiguration : IEntityTypeConfiguration<CheckControl>
{
    public void Configure(EntityTypeBuilder<CheckControl> builder)
    {
        builder.HasOne<Check>().WithMany().HasForeignKey(l => l.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Control>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.CheckId, l.ControlId }).IsUnique();
        builder.HasIndex(l => new { l.ControlId, l.CheckId });
    }
}

internal sealed class CheckScheduleConfiguration : IEntityTypeConfiguration<CheckSchedule>
{
    public void Configure(EntityTypeBuilder<CheckSchedule> builder)
    {
        builder.HasOne<Check>().WithOne().HasForeignKey<CheckSchedule>(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
        builder.Property(s => s.LastSummary).HasMaxLength(1000);
        // The scheduler looks for due checks across organizations.
        builder.HasIndex(s => s.NextRunAt);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
