using Attest.Evidence;
using Attest.People;
using Attest.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attest.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.ContentUrl).HasMaxLength(2000);
        builder.HasIndex(c => new { c.OrganizationId, c.Reference }).IsUnique();
    }
}

internal sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(1000);
        builder.Property(q => q.Options).HasMaxLength(4000);
        builder.Property(q => q.Explanation).HasMaxLength(2000);
        builder.HasOne<Course>().WithMany().HasForeignKey(q => q.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.CourseId, q.Position });
    }
}

internal sealed class TrainingRequirementConfiguration : IEntityTypeConfiguration<TrainingRequirement>
{
    public void Configure(EntityTypeBuilder<TrainingRequirement> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.AudienceValue).HasMaxLength(200);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingAssignmentConfiguration : IEntityTypeConfiguration<TrainingAssignment>
{
    public void Configure(EntityTypeBuilder<TrainingAssignment> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingRequirement>().WithMany().HasForeignKey(a => a.RequirementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<TrainingCompletion>().WithMany().HasForeignKey(a => a.CompletionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.PersonId, a.CourseId, a.DueOn });
        builder.HasIndex(a => new { a.OrganizationId, a.CourseId, a.CompletedOn });
        builder.HasIndex(a => new { a.OrganizationId, a.CompletedOn, a.DueOn });
        builder.HasIndex(a => new { a.RequirementId, a.PersonId });
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.Property(c => c.ExternalReference).HasMaxLength(200);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.RecordedBy).HasMaxLength(300);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(c => c.EvidenceItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PersonId, c.CourseId, c.CompletedOn });
        builder.HasIndex(c => new { c.OrganizationId, c.ExternalReference });
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.Property(a => a.Answers).HasMaxLength(1000);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PersonId, a.CourseId, a.SubmittedAt });
    }
}
