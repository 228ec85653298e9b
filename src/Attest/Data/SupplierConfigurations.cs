using Attest.Accounts;
using Attest.Assets;
using Attest.Evidence;
using Attest.Risks;
using Attest.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(s => s.Reference).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Service).HasMaxLength(500);
        builder.Property(s => s.DataClassification).HasMaxLength(100);
        builder.Property(s => s.Website).HasMaxLength(500);
        builder.Property(s => s.ContactEmail).HasMaxLength(320);
        builder.HasIndex(s => new { s.OrganizationId, s.Reference }).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.HasIndex(s => new { s.OrganizationId, s.Criticality, s.NextReviewOn });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SupplierCertificationConfiguration : IEntityTypeConfiguration<SupplierCertification>
{
    public void Configure(EntityTypeBuilder<SupplierCertification> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(c => c.EvidenceItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.SupplierId, c.Name });
        builder.HasIndex(c => new { c.OrganizationId, c.ValidUntil });
    }
}

internal sealed class SupplierAssetConfiguration : IEntityTypeConfiguration<SupplierAsset>
{
    public void Configure(EntityTypeBuilder<SupplierAsset> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.SupplierId, l.AssetId }).IsUnique();
        builder.HasIndex(l => new { l.AssetId, l.SupplierId });
    }
}

internal sealed class SupplierRiskConfiguration : IEntityTypeConfiguration<SupplierRisk>
{
    public void Configure(EntityTypeBuilder<SupplierRisk> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Risk>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.SupplierId, l.RiskId }).IsUnique();
        builder.HasIndex(l => new { l.RiskId, l.SupplierId });
    }
}

internal sealed class QuestionnaireTemplateConfiguration : IEntityTypeConfiguration<QuestionnaireTemplate>
{
    public void Configure(EntityTypeBuilder<QuestionnaireTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
    }
}

internal sealed class QuestionnaireQuestionConfiguration : IEntityTypeConfiguration<QuestionnaireQuestion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireQuestion> builder)
    {
        builder.Property(q => q.Section).HasMaxLength(200);
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.Property(q => q.Choices).HasMaxLength(4000);
        builder.HasOne<QuestionnaireTemplate>().WithMany().HasForeignKey(q => q.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.TemplateId, q.Position });
    }
}

internal sealed class SupplierQuestionnaireConfiguration : IEntityTypeConfiguration<SupplierQuestionnaire>
{
    public void Configure(EntityTypeBuilder<SupplierQuestionnaire> builder)
    {
        builder.Property(q => q.Title).HasMaxLength(300);
        builder.Property(q => q.TokenPrefix).HasMaxLength(40);
        builder.Property(q => q.TokenHash).HasMaxLength(128);
        builder.Property(q => q.SentTo).HasMaxLength(320);
        builder.Property(q => q.RespondentName).HasMaxLength(200);
        builder.Property(q => q.ReviewedBy).HasMaxLength(300);
        builder.Property(q => q.ReviewNotes).HasMaxLength(4000);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(q => q.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuestionnaireTemplate>().WithMany().HasForeignKey(q => q.TemplateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(q => q.TokenPrefix).IsUnique();
        builder.HasIndex(q => new { q.SupplierId, q.SentAt });
    }
}

internal sealed class SupplierAnswerConfiguration : IEntityTypeConfiguration<SupplierAnswer>
{
    public void Configure(EntityTypeBuilder<SupplierAnswer> builder)
    {
        builder.Property(a => a.Section).HasMaxLength(200);
        builder.Property(a => a.Question).HasMaxLength(2000);
        builder.Property(a => a.Choices).HasMaxLength(4000);
        builder.Property(a => a.Answer).HasMaxLength(4000);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.HasOne<SupplierQuestionnaire>().WithMany().HasForeignKey(a => a.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.QuestionnaireId, a.Position });
    }
}
