using Attest.Data;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

public sealed record TrainingRequirementInput(
    Guid CourseId,
    string Name,
    TrainingAudience Audience = TrainingAudience.Everyone,
    /// <summary>The department, the group's display name, or the person type (Employee, Contractor, ThirdParty).</summary>
    string? AudienceValue = null,
    int DueWithinDays = 30,
    int? RenewEveryMonths = null,
    bool Active = true,
    /// <summary>Default: today.</summary>
    DateOnly? EffectiveFrom = null,
    int Version = 0);

/// <summary>
/// Creates or changes a training rule and brings the assignments in line with it in the same save: new people to train get an
/// assignment, people it no longer covers have their open ones cancelled.
/// </summary>
public sealed class SaveTrainingRequirement(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, TrainingRequirementInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .MaxLength(nameof(input.AudienceValue), input.AudienceValue, 200)
            .Defined(nameof(input.Audience), input.Audience);
        var value = input.AudienceValue?.Trim() ?? "";
        switch (input.Audience)
        {
            case TrainingAudience.Everyone:
                value = "";
                break;
            case TrainingAudience.Department when value.Length == 0:
                validation.Add(nameof(input.AudienceValue), "name the department.");
                break;
            case TrainingAudience.Group when value.Length == 0:
                validation.Add(nameof(input.AudienceValue), "name the group.");
                break;
            case TrainingAudience.Group when !await db.PersonGroups.AnyAsync(g => g.DisplayName == value, cancellationToken):
                validation.Add(nameof(input.AudienceValue), $"there is no group '{value}' in this organization.");
                break;
            case TrainingAudience.PersonType:
                if (Enum.TryParse<PersonType>(value, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(value, out _)) value = type.ToString();
                else validation.Add(nameof(input.AudienceValue), $"must be one of {string.Join(", ", Enum.GetNames<PersonType>())}.");
                break;
        }
        if (input.DueWithinDays is < 0 or > 730) validation.Add(nameof(input.DueWithinDays), "must be 0 to 730 days.");
        if (input.RenewEveryMonths is < 1 or > 120) validation.Add(nameof(input.RenewEveryMonths), "must be 1 to 120 months, or empty for a course taken once.");
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == input.CourseId).Select(c => new { c.Retired, c.Reference }).FirstOrDefaultAsync(cancellationToken);
        if (course is null) validation.Add(nameof(input.CourseId), "is not a course of this organization.");
        else if (course.Retired && input.Active) validation.Add(nameof(input.CourseId), $"{course.Reference} is retired; bring it back before requiring it.");
        validation.ThrowIfInvalid();

        TrainingRequirement requirement;
        if (id is null)
        {
            requirement = new TrainingRequirement { Name = input.Name.Trim() };
            db.TrainingRequirements.Add(requirement);
        }
        else
        {
            requirement = await db.TrainingRequirements.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Training requirement", id);
            db.Entry(requirement).Property(r => r.Version).OriginalValue = input.Version;
        }
        requirement.CourseId = input.CourseId;
        requirement.Name = input.Name.Trim();
        requirement.Audience = input.Audience;
        requirement.AudienceValue = value;
        requirement.DueWithinDays = input.DueWithinDays;
        requirement.RenewEveryMonths = input.RenewEveryMonths;
        requirement.Active = input.Active;
        requirement.EffectiveFrom = input.EffectiveFrom ?? (id is null ? TrainingDates.Today(db) : requirement.EffectiveFrom);
        await SyncTrainingAssignments.StageAsync(db, null, cancellationToken);
        await db.SaveAsync("training requirement", cancellationToken);
        return requirement.Id;
    }
}

/// <summary>Removes a training rule: the open assignments it alone required are cancelled; completed ones stay as history.</summary>
public sealed class RemoveTrainingRequirement(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var requirement = await db.TrainingRequirements.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Training requirement", id);
        db.Entry(requirement).Property(r => r.Version).OriginalValue = version;
        // Stage as if the rule were inactive, so its open assignments are cancelled while the row still exists to be referenced.
        requirement.Active = false;
        await SyncTrainingAssignments.StageAsync(db, null, cancellationToken);
        // The database sets the rule of its other assignments to null (ON DELETE SET NULL); those tracked here follow in memory.
        foreach (var assignment in db.TrainingAssignments.Local.Where(a => a.RequirementId == id)) assignment.RequirementId = null;
        db.TrainingRequirements.Remove(requirement);
        await db.SaveAsync("training requirement", cancellationToken);
    }
}
