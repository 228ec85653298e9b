namespace Attest.Checks;

/// <summary>What a probe is given: the check's target, its settings (JSON, may be empty) and its decrypted secret (PostgreSQL connection string).</summary>
public sealed record CheckTarget(string Target, string Settings, string? Secret);

/// <summary>A probe's verdict: pass or fail, one line for lists, and the full details recorded as the evidence note (Markdown).</summary>
public sealed record ProbeResult(bool Passed, string Summary, string Details);

/// <summary>One kind of automated check. A probe never throws for a failing target: an unreachable host is a failed result that says why.</summary>
public interface ICheckProbe
{
    CheckKind Kind { get; }

    Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken);
}
