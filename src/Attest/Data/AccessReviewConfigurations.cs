using Attest.AccessReviews;
using Attest.Accounts;
using Attest.Assets;
using Attest.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class AccessSystemConfiguration : IEntityTypeConfiguration<AccessSystem>
{
    public void Configure(EntityTypeBuilder<AccessSystem> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        builder.Property(g => g.Account).HasMaxLength(320);
        builder.Property(g => g.Email).HasMaxLength(320);
        builder.Property(g => g.DisplayName).HasMaxLength(200);
        builder.Property(g => g.Entitlement).HasMaxLength(300);
        builder.HasOne<AccessSystem>().WithMany().HasForeignKey(g => g.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(g => new { g.SystemId, g.Account, g.Entitlement }).IsUnique();
        builder.HasIndex(g => new { g.OrganizationId, g.PersonId, g.RemovedOn });
        // Covers the per-system flag counts of /access/systems (no row reads for 50,000 grants).
        builder.HasIndex(g => new { g.OrganizationId, g.SystemId, g.RemovedOn, g.PersonId, g.Privileged, g.LastUsedOn });
    }
}

internal sealed class AccessReviewCampaignConfiguration : IEntityTypeConfiguration<AccessReviewCampaign>
{
    public void Configure(EntityTypeBuilder<AccessReviewCampaign> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.HasIndex(c => new { c.OrganizationId, c.Reference }).IsUnique();
        builder.HasIndex(c => new { c.OrganizationId, c.Status, c.DueOn });
    }
}

internal sealed class AccessReviewCampaignSystemConfiguration : IEntityTypeConfiguration<AccessReviewCampaignSystem>
{
    public void Configure(EntityTypeBuilder<AccessReviewCampaignSystem> builder)
    {
        builder.HasOne<AccessReviewCampaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AccessSystem>().WithMany().HasForeignKey(l => l.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.CampaignId, l.SystemId }).IsUnique();
    }
}

internal sealed class AccessReviewItemConfiguration : IEntityTypeConfiguration<AccessReviewItem>
{
    public void Configure(EntityTypeBuilder<AccessReviewItem> builder)
    {
        builder.Property(i => i.Account).HasMaxLength(320);
        builder.Property(i => i.DisplayName).HasMaxLength(200);
        builder.Property(i => i.Entitlement).HasMaxLength(300);
        builder.Property(i => i.Comment).HasMaxLength(2000);
        builder.Property(i => i.ChangeTo).HasMaxLength(300);
        builder.Property(i => i.DecidedBy).HasMaxLength(300);
        builder.Property(i => i.RemediatedBy).HasMaxLength(300);
        builder.Property(i => i.RemediationNote).HasMaxLength(2000);
        builder.HasOne<AccessReviewCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AccessSystem>().WithMany().HasForeignKey(i => i.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AccessGrant>().WithMany().HasForeignKey(i => i.GrantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        // A reviewer's page reads their items of one campaign, pending first; the summary groups a campaign by decision.
        // Every query also filters by organization (the global filter), so the organization leads each index: the grouped counts of
        // a campaign then read the index alone, never the rows.
        builder.HasIndex(i => new { i.OrganizationId, i.CampaignId, i.ReviewerId, i.Decision, i.Account });
        builder.HasIndex(i => new { i.OrganizationId, i.CampaignId, i.Decision, i.Flags });
        // Covers the summary's system × decision grouping and the system filter of a reviewer's page.
        builder.HasIndex(i => new { i.OrganizationId, i.CampaignId, i.SystemId, i.Decision, i.Account });
        builder.HasIndex(i => new { i.OrganizationId, i.Decision, i.RemediatedAt });
    }
}
