using Attest.Improvement;

namespace Attest.Web.Pages.Actions;

/// <summary>Where an action's source record lives in the app.</summary>
public static class ActionLinks
{
    public static string? SourcePath(ActionSource source, Guid? sourceId) => CorrectiveActionSources.Path(source, sourceId);

    /// <summary>The source as text: its reference and title when known, else the kind of record.</summary>
    public static string SourceText(ActionSource source, string? label) =>
        source == ActionSource.Other ? "—" : label is { Length: > 0 } ? $"{CorrectiveActionLabels.Of(source)} {label}" : CorrectiveActionLabels.Of(source);
}
