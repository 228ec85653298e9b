using Attest.Data;

namespace Attest.Certification;

/// <summary>One thing a clause needs, judged from the records Attest holds, with what was found and where to look.</summary>
public sealed record ReadinessCheck(string Clause, string Text, bool Met, string Detail, string? Href);

/// <summary>A main clause (4–10) of a management system standard and its checks.</summary>
public sealed record ClauseReadiness(string Clause, string Title, IReadOnlyList<ReadinessCheck> Checks)
{
    public int MetCount => Checks.Count(c => c.Met);
    public int Percent => Checks.Count == 0 ? 0 : MetCount * 100 / Checks.Count;
}

/// <summary>Readiness of a management system for certification against one framework, clause by clause, on a day.</summary>
public sealed record ReadinessReport(string FrameworkKey, DateOnly AsOf, IReadOnlyList<ClauseReadiness> Clauses)
{
    public int CheckCount => Clauses.Sum(c => c.Checks.Count);
    public int MetCount => Clauses.Sum(c => c.MetCount);
    /// <summary>Checks met over all checks, rounded down.</summary>
    public int Percent => CheckCount == 0 ? 0 : MetCount * 100 / CheckCount;
}

/// <summary>
/// Computes readiness per clause 4–10 of ISO/IEC 27001 and ISO/IEC 42001 from the organization's records (e.g. 6.1.3 is ready when
/// the SoA is approved and every high risk has a treatment).
/// </summary>
public static class CertificationReadiness
{
    /// <summary>The framework keys readiness is computed for.</summary>
    public static readonly IReadOnlyList<string> Frameworks = ["iso27001-2022", "iso42001-2023"];

    public static Task<ReadinessReport> ComputeAsync(AttestDbContext db, string frameworkKey, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Filled in by the readiness rules (see docs/decisions/ADR-015).
        return Task.FromResult(new ReadinessReport(frameworkKey, today, []));
    }
}
