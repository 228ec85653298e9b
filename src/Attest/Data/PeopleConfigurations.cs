using Attest.Accounts;
using Attest.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.EmailKey).HasMaxLength(320);
        builder.Property(p => p.Department).HasMaxLength(100);
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.Property(p => p.Location).HasMaxLength(200);
        builder.Property(p => p.ConfidentialityTerms).HasMaxLength(300);
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.Property(p => p.UserName).HasMaxLength(320);
        builder.HasIndex(p => new { p.OrganizationId, p.EmailKey }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.ExternalId });
        builder.HasIndex(p => new { p.OrganizationId, p.Department, p.Name });
        builder.HasIndex(p => new { p.OrganizationId, p.Name });
        builder.HasIndex(p => new { p.OrganizationId, p.ManagerId });
        builder.HasIndex(p => new { p.OrganizationId, p.UserId });
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonGroupConfiguration : IEntityTypeConfiguration<PersonGroup>
{
    public void Configure(EntityTypeBuilder<PersonGroup> builder)
    {
        builder.Property(g => g.DisplayName).HasMaxLength(200);
        builder.Property(g => g.ExternalId).HasMaxLength(200);
        builder.HasIndex(g => new { g.OrganizationId, g.DisplayName }).IsUnique();
    }
}

internal sealed class PersonGroupMemberConfiguration : IEntityTypeConfiguration<PersonGroupMember>
{
    public void Configure(EntityTypeBuilder<PersonGroupMember> builder)
    {
        builder.HasOne<PersonGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
        builder.HasIndex(m => new { m.PersonId, m.GroupId });
    }
}

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(40);
        builder.Property(t => t.SecretHash).HasMaxLength(128);
        builder.Property(t => t.CreatedBy).HasMaxLength(300);
        builder.HasIndex(t => t.Prefix).IsUnique();
    }
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
    }
}

internal sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Responsible).HasMaxLength(100);
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TemplateId, i.Position });
    }
}

internal sealed class PersonChecklistConfiguration : IEntityTypeConfiguration<PersonChecklist>
{
    public void Configure(EntityTypeBuilder<PersonChecklist> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PersonId, c.Kind });
    }
}

internal sealed class PersonChecklistItemConfiguration : IEntityTypeConfiguration<PersonChecklistItem>
{
    public void Configure(EntityTypeBuilder<PersonChecklistItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Responsible).HasMaxLength(100);
        builder.Property(i => i.CompletedBy).HasMaxLength(300);
        builder.Property(i => i.Notes).HasMaxLength(2000);
        builder.HasOne<PersonChecklist>().WithMany().HasForeignKey(i => i.ChecklistId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ChecklistId, i.Position });
        builder.HasIndex(i => new { i.OrganizationId, i.CompletedAt, i.DueOn });
    }
}
