using Attest.Training;

namespace Attest.Web.Pages.Training;

/// <summary>How training rules and sources read on the pages.</summary>
public static class TrainingLabels
{
    public static string Audience(TrainingAudience audience, string value) => audience switch
    {
        TrainingAudience.Everyone => "everyone",
        TrainingAudience.Department => $"department {value}",
        TrainingAudience.Group => $"group {value}",
        TrainingAudience.PersonType => value switch { "Employee" => "employees", "Contractor" => "contractors", "ThirdParty" => "third parties", _ => value },
        _ => value,
    };

    /// <summary>"Security awareness (TRN-01): everyone, within 7 days of joining, renewed every 12 months".</summary>
    public static string Describe(RequirementRow r) =>
        $"{r.Name} — {r.CourseReference} {r.CourseTitle}: {Audience(r.Audience, r.AudienceValue)}, within {r.DueWithinDays} days of joining (from {r.EffectiveFrom:yyyy-MM-dd} for people already there)" +
        (r.RenewEveryMonths is { } months ? $", renewed every {months} months" : ", once");

    public static string Of(CompletionSource source) => source switch
    {
        CompletionSource.Attest => "in Attest",
        CompletionSource.Manual => "recorded by a manager",
        CompletionSource.Import => "imported",
        _ => source.ToString(),
    };
}
