using Attest.Data;
using Attest.Training;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Training;

/// <summary>The fields of a training rule as the form posts them, and the choices the form offers.</summary>
public sealed class RequirementForm
{
    public Guid CourseId { get; set; }
    public string? Name { get; set; }
    public TrainingAudience Audience { get; set; }
    public string? AudienceValue { get; set; }
    public int DueWithinDays { get; set; } = 30;
    public int? RenewEveryMonths { get; set; }
    public bool Active { get; set; } = true;
    public DateOnly? EffectiveFrom { get; set; }
    public int Version { get; set; }

    public TrainingRequirementInput ToInput() =>
        new(CourseId, Name ?? "", Audience, AudienceValue, DueWithinDays, RenewEveryMonths, Active, EffectiveFrom, Version);

    public sealed record Choices(IReadOnlyList<CourseRow> Courses, IReadOnlyList<string> Departments, IReadOnlyList<string> Groups);

    public static async Task<Choices> ChoicesAsync(AttestDbContext db, CancellationToken cancellationToken) => new(
        await TrainingQueries.CoursesAsync(db, cancellationToken),
        await db.People.AsNoTracking().Where(p => p.Department != "").Select(p => p.Department).Distinct().OrderBy(d => d).Take(500).ToListAsync(cancellationToken),
        await db.PersonGroups.AsNoTracking().OrderBy(g => g.DisplayName).Select(g => g.DisplayName).Take(500).ToListAsync(cancellationToken));
}
