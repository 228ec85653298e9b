using Attest.Accounts;
using Attest.Frameworks;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasIndex(d => new { d.OrganizationId, d.Reference }).IsUnique();
        builder.Property(d => d.Reference).HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.ReviewCycle).HasMaxLength(200);
        builder.Property(d => d.DistributionGroups).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.OrganizationId, d.NextReviewOn });
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.DocumentId, v.Major, v.Minor }).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(300);
        builder.Property(v => v.Summary).HasMaxLength(1000);
        builder.Property(v => v.ChangeNote).HasMaxLength(2000);
        builder.Ignore(v => v.Number);
        builder.Ignore(v => v.IsFinal);
    }
}

internal sealed class DocumentRequirementConfiguration : IEntityTypeConfiguration<DocumentRequirement>
{
    public void Configure(EntityTypeBuilder<DocumentRequirement> builder)
    {
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(l => l.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.VersionId, l.RequirementId }).IsUnique();
        builder.HasIndex(l => new { l.OrganizationId, l.RequirementId });
    }
}

internal sealed class DocumentApproverConfiguration : IEntityTypeConfiguration<DocumentApprover>
{
    public void Configure(EntityTypeBuilder<DocumentApprover> builder)
    {
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.JobTitle).HasMaxLength(100);
        builder.HasIndex(a => a.DocumentId);
    }
}

internal sealed class DocumentApprovalConfiguration : IEntityTypeConfiguration<DocumentApproval>
{
    public void Configure(EntityTypeBuilder<DocumentApproval> builder)
    {
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.RequiredUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.RequiredJobTitle).HasMaxLength(100);
        builder.Property(a => a.Comment).HasMaxLength(2000);
        builder.HasIndex(a => a.VersionId);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> builder)
    {
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.RelatedDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.DocumentId, r.RelatedDocumentId }).IsUnique();
    }
}

internal sealed class DocumentAssignmentConfiguration : IEntityTypeConfiguration<DocumentAssignment>
{
    public void Configure(EntityTypeBuilder<DocumentAssignment> builder)
    {
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DocumentId, a.UserId }).IsUnique();
        // Covering indexes for the campaign and register tallies (per document, per person) and for who is overdue.
        builder.HasIndex(a => new { a.OrganizationId, a.DocumentId, a.AcceptedAt, a.DueOn });
        builder.HasIndex(a => new { a.OrganizationId, a.UserId, a.AcceptedAt, a.DueOn });
        builder.HasIndex(a => new { a.OrganizationId, a.AcceptedAt, a.DueOn });
    }
}

internal sealed class DocumentAcceptanceConfiguration : IEntityTypeConfiguration<DocumentAcceptance>
{
    public void Configure(EntityTypeBuilder<DocumentAcceptance> builder)
    {
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.VersionId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.UserId });
        builder.HasIndex(a => a.DocumentId);
    }
}
