namespace Attest.Checks;

/// <summary>
/// Push checks are not probed: an external system posts their results with the check's push token. Running one anyway is a
/// mistake by the caller, so it fails and says why rather than inventing a result.
/// </summary>
public sealed class PushProbe : ICheckProbe
{
    public const string NotRunnable = "Push checks are not run by Attest: their results are pushed by an external system with the check's token.";

    public CheckKind Kind => CheckKind.Push;

    public Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeResult(false, NotRunnable, $"## Push check\n\n**Failed:** {NotRunnable}\n"));
}
