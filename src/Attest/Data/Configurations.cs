using Attest.Accounts;
using Attest.Audit;
using Attest.Context;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.TimeZone).HasMaxLength(64);
        builder.Property(o => o.TrustSlug).HasMaxLength(80);
        builder.HasIndex(o => o.TrustSlug).IsUnique();
        builder.Property(o => o.TrustSummary).HasMaxLength(10_000);
        builder.Property(o => o.CertificationStatement).HasMaxLength(10_000);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.JobTitle).HasMaxLength(100);
        builder.Property(m => m.Department).HasMaxLength(100);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(32);
        builder.HasIndex(t => t.Prefix).IsUnique();
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.HasIndex(t => new { t.OrganizationId, t.UserId });
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(e => new { e.OrganizationId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.OrganizationId, e.RecordType, e.RecordId });
        builder.HasIndex(e => new { e.OrganizationId, e.OccurredAt });
        builder.Property(e => e.Actor).HasMaxLength(300);
        builder.Property(e => e.RecordType).HasMaxLength(100);
        builder.Property(e => e.RecordId).HasMaxLength(200);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.HasKey(h => h.OrganizationId);
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class IsmsScopeConfiguration : IEntityTypeConfiguration<IsmsScope>
{
    public void Configure(EntityTypeBuilder<IsmsScope> builder)
    {
        builder.ToTable("Scopes");
        builder.HasIndex(s => s.OrganizationId).IsUnique();
        builder.HasMany(s => s.Exclusions).WithOne().HasForeignKey(e => e.ScopeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScopeExclusionConfiguration : IEntityTypeConfiguration<ScopeExclusion>
{
    public void Configure(EntityTypeBuilder<ScopeExclusion> builder)
    {
        builder.Property(e => e.Item).HasMaxLength(300);
        builder.Property(e => e.Justification).HasMaxLength(2000);
    }
}

internal sealed class ScopeRevisionConfiguration : IEntityTypeConfiguration<ScopeRevision>
{
    public void Configure(EntityTypeBuilder<ScopeRevision> builder)
    {
        builder.HasIndex(r => new { r.ScopeId, r.Revision }).IsUnique();
        builder.HasOne<IsmsScope>().WithMany().HasForeignKey(r => r.ScopeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.RecordedBy).HasMaxLength(300);
        builder.Property(r => r.ChangeNote).HasMaxLength(500);
    }
}

internal sealed class InterestedPartyConfiguration : IEntityTypeConfiguration<InterestedParty>
{
    public void Configure(EntityTypeBuilder<InterestedParty> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ContextIssueConfiguration : IEntityTypeConfiguration<ContextIssue>
{
    public void Configure(EntityTypeBuilder<ContextIssue> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
