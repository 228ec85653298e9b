using System.Globalization;
using System.Text.Json;
using Attest.Data;
using Attest.Organizations;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's vulnerability register: six months of Trivy scans of the agent platform's container images, generated here with
/// real CVE ids and imported through the same use case a pipeline calls, dated when they ran. Later scans drop what was patched, so the
/// figures show fixes over time; what is left is one high finding past its due date, a few medium and low ones, no critical one. A
/// finding in a build-only package is a false positive with its reason, one is risk-accepted under the CISO's accepted risk (when the
/// risk register is there), and the annual penetration test's findings are recorded by hand. Running it again adds nothing.
/// </summary>
public sealed class DemoVulnerabilities(AttestDbContext db, ImportVulnerabilityScan import, RecordManualFinding record, TriageFinding triage)
{
    public const string Orchestrator = "Agent orchestration service";
    public const string WebApp = "Client web app and API";
    public const string OverdueHigh = "CVE-2022-0778";
    public const string FalsePositive = "CVE-2019-5094";
    public const string RiskAccepted = "CVE-2023-44487";

    private sealed record Cve(string Id, string Package, string Installed, string Fixed, string Severity, double Score, string Title, string Class = "os-pkgs");

    private static readonly Cve[] Known =
    [
        new("CVE-2019-14697", "musl", "1.1.22-r2", "1.1.22-r3", "CRITICAL", 9.8, "musl libc x87 floating-point stack adjustment imbalance"),
        new("CVE-2020-1967", "libssl1.1", "1.1.1c-r0", "1.1.1g-r0", "HIGH", 7.5, "openssl: Segmentation fault in SSL_check_chain"),
        new("CVE-2019-1549", "libcrypto1.1", "1.1.1c-r0", "1.1.1d-r0", "MEDIUM", 5.3, "openssl: information disclosure in fork()"),
        new("CVE-2019-1551", "libcrypto1.1", "1.1.1c-r0", "1.1.1d-r2", "MEDIUM", 5.3, "openssl: Integer overflow in RSAZ modular exponentiation on x86_64"),
        new(OverdueHigh, "libssl1.1", "1.1.1c-r0", "1.1.1n-r0", "HIGH", 7.5, "openssl: Infinite loop in BN_mod_sqrt() reachable when parsing certificates"),
        new(FalsePositive, "e2fsprogs", "1.45.2-r0", "1.45.4-r0", "MEDIUM", 6.7, "e2fsprogs: Crafted ext4 partition leads to out-of-bounds write"),
        new("CVE-2022-37434", "zlib", "1.2.11-r1", "1.2.12-r2", "CRITICAL", 9.8, "zlib: heap-based buffer over-read and overflow in inflate() in inflate.c"),
        new("CVE-2023-0286", "libcrypto1.1", "1.1.1c-r0", "1.1.1t-r0", "HIGH", 7.4, "openssl: X.400 address type confusion in X.509 GeneralName"),
        new("CVE-2023-3817", "libcrypto1.1", "1.1.1c-r0", "1.1.1v-r0", "MEDIUM", 5.3, "openssl: Excessive time spent checking DH q parameter value"),
        new("CVE-2024-2511", "libssl1.1", "1.1.1c-r0", "1.1.1w-r1", "LOW", 3.7, "openssl: Unbounded memory growth with session handling in TLSv1.3"),
        new("CVE-2024-0727", "libcrypto1.1", "1.1.1c-r0", "1.1.1w-r1", "MEDIUM", 5.5, "openssl: denial of service via null dereference in PKCS12 parsing"),
        new("CVE-2022-24999", "qs", "6.9.6", "6.9.7", "HIGH", 7.5, "express: \"qs\" prototype poisoning causes the hang of the node process", "lang-pkgs"),
        new(RiskAccepted, "golang.org/x/net", "0.15.0", "0.17.0", "HIGH", 7.5, "HTTP/2: multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)", "lang-pkgs"),
        new("CVE-2024-29041", "express", "4.18.2", "4.19.2", "MEDIUM", 6.1, "express: cause malformed URLs to be evaluated", "lang-pkgs"),
        new("CVE-2024-4068", "braces", "3.0.2", "3.0.3", "HIGH", 7.5, "braces: fails to limit the number of characters it can handle", "lang-pkgs"),
    ];

    /// <summary>What each monthly scan of an image listed: days before today, and the CVEs.</summary>
    private static readonly (int DaysAgo, string[] Cves)[] OrchestratorScans =
    [
        (182, ["CVE-2019-14697", "CVE-2020-1967", "CVE-2019-1549", "CVE-2019-1551", OverdueHigh, FalsePositive]),
        (151, ["CVE-2020-1967", "CVE-2019-1549", "CVE-2019-1551", OverdueHigh, FalsePositive, "CVE-2022-37434"]),
        (120, ["CVE-2019-1549", "CVE-2019-1551", OverdueHigh, FalsePositive, "CVE-2023-0286"]),
        (90, [OverdueHigh, FalsePositive, "CVE-2023-0286"]),
        (61, [OverdueHigh, FalsePositive, "CVE-2023-3817"]),
        (30, [OverdueHigh, FalsePositive, "CVE-2023-3817", "CVE-2024-2511"]),
        (3, [OverdueHigh, FalsePositive, "CVE-2023-3817", "CVE-2024-2511", "CVE-2024-0727"]),
    ];

    private static readonly (int DaysAgo, string[] Cves)[] WebAppScans =
    [
        (95, ["CVE-2022-24999", RiskAccepted, "CVE-2024-29041", "CVE-2024-4068"]),
        (33, [RiskAccepted, "CVE-2024-29041", "CVE-2024-4068"]),
        (2, [RiskAccepted]),
    ];

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> owners, CancellationToken cancellationToken = default)
    {
        if (await db.VulnerabilityScans.AnyAsync(cancellationToken)) return;
        // The platform team's pipeline imports as the organization's admin, whoever owns the images' assets.
        using var admin = db.Acting.ActIn(db.Acting.RequireOrganization(), OrganizationRole.Admin);
        var now = db.Clock.GetUtcNow();
        var cto = owners[OrganizationRole.Contributor];

        foreach (var (daysAgo, cves) in OrchestratorScans)
        {
            await ImportAsync(Orchestrator, "registry.lumen.example/platform/agent-orchestrator", "alpine 3.10.2", now.AddDays(-daysAgo), cves, cancellationToken);
        }
        foreach (var (daysAgo, cves) in WebAppScans)
        {
            await ImportAsync(WebApp, "registry.lumen.example/platform/client-web", "app/package-lock.json", now.AddDays(-daysAgo), cves, cancellationToken);
        }

        var orchestrator = await AssetIdAsync(Orchestrator, cancellationToken);
        var webApp = await AssetIdAsync(WebApp, cancellationToken);
        await DecideAsync(orchestrator, OverdueHigh, new TriageInput(FindingStatus.InProgress, cto, "Moving the image to Alpine 3.20; blocked on the PDF renderer's musl build."), cancellationToken);
        await DecideAsync(orchestrator, FalsePositive, new TriageInput(FindingStatus.FalsePositive, cto,
            "e2fsprogs is installed only in the build stage of the Dockerfile; the runtime image that ships has no filesystem tools and mounts no ext4 partitions."), cancellationToken);
        var acceptance = await VulnerabilityQueries.CurrentAcceptances(db).Join(db.Risks, a => a.RiskId, r => r.Id, (a, r) => new { a.Id, r.Reference })
            .OrderBy(a => a.Reference == DemoRisks.AcceptedByCiso ? 0 : 1).ThenBy(a => a.Reference).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (acceptance is { } accepted)
        {
            await DecideAsync(webApp, RiskAccepted, new TriageInput(FindingStatus.RiskAccepted, cto,
                "HTTP/2 is terminated at the load balancer, which limits stream resets; the service only speaks HTTP/1.1 behind it. Upgrade with the Go 1.22 move.", accepted),
                cancellationToken);
        }

        var pentest = "Annual penetration test (external firm), web application and API scope.";
        var idor = await record.RunAsync(new ManualFindingInput(webApp, "PT-2026-01", "Client documents downloadable by guessing another tenant's document id",
            VulnerabilitySeverity.High, $"{pentest}\n\nThe download endpoint checks the session but not that the document belongs to the session's tenant.\n\n**Recommendation:** check tenant ownership on every document read.",
            "GET /api/documents/{id}/download", 8.1, cto), cancellationToken);
        await record.RunAsync(new ManualFindingInput(webApp, "PT-2026-02", "No rate limit on the sign-in endpoint", VulnerabilitySeverity.Medium,
            $"{pentest}\n\n1,000 sign-in attempts a minute were accepted from one address.", "POST /account/sign-in", 5.3, cto), cancellationToken);
        await record.RunAsync(new ManualFindingInput(webApp, "PT-2026-03", "Stack traces in error responses of the export API", VulnerabilitySeverity.Low,
            $"{pentest}\n\nUnhandled errors return the framework's developer page with file paths.", "GET /api/exports", 3.1, cto), cancellationToken);
        var version = await db.VulnerabilityFindings.Where(f => f.Id == idor).Select(f => f.Version).SingleAsync(cancellationToken);
        await triage.RunAsync(idor, new TriageInput(FindingStatus.InProgress, cto, "Fix in review: ownership check in the document repository.", Version: version), cancellationToken);
    }

    private async Task ImportAsync(string asset, string image, string resultTarget, DateTimeOffset at, string[] cves, CancellationToken cancellationToken)
    {
        var report = TrivyReport(image, resultTarget, at, cves.Select(id => Known.Single(k => k.Id == id)));
        await import.RunAsync(new ScanImportRequest(new MemoryStream(report), $"trivy-{at:yyyyMMdd}.json", AssetName: asset, ScannedAt: at), cancellationToken);
    }

    private Task<Guid> AssetIdAsync(string name, CancellationToken cancellationToken) =>
        db.Assets.Where(a => a.Name == name).Select(a => a.Id).FirstAsync(cancellationToken);

    private async Task DecideAsync(Guid asset, string cve, TriageInput input, CancellationToken cancellationToken)
    {
        var finding = await db.VulnerabilityFindings.AsNoTracking().Where(f => f.AssetId == asset && f.RuleId == cve).Select(f => new { f.Id, f.Version }).FirstAsync(cancellationToken);
        await triage.RunAsync(finding.Id, input with { Version = finding.Version }, cancellationToken);
    }

    /// <summary>A Trivy JSON report (schema 2) of an image, as `trivy image --format json` writes it, with the fields the import reads.</summary>
    private static byte[] TrivyReport(string image, string resultTarget, DateTimeOffset at, IEnumerable<Cve> cves)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("SchemaVersion", 2);
            json.WriteStartObject("Trivy");
            json.WriteString("Version", "0.56.2");
            json.WriteEndObject();
            json.WriteString("CreatedAt", at.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("ArtifactName", $"{image}:{at:yyyy.MM.dd}");
            json.WriteString("ArtifactType", "container_image");
            json.WriteStartArray("Results");
            foreach (var group in cves.GroupBy(c => c.Class))
            {
                json.WriteStartObject();
                json.WriteString("Target", group.Key == "os-pkgs" ? $"{image}:{at:yyyy.MM.dd} (alpine 3.10.2)" : resultTarget);
                json.WriteString("Class", group.Key);
                json.WriteString("Type", group.Key == "os-pkgs" ? "alpine" : "npm");
                json.WriteStartArray("Vulnerabilities");
                foreach (var cve in group)
                {
                    json.WriteStartObject();
                    json.WriteString("VulnerabilityID", cve.Id);
                    json.WriteString("PkgName", cve.Package);
                    json.WriteString("InstalledVersion", cve.Installed);
                    json.WriteString("FixedVersion", cve.Fixed);
                    json.WriteString("Status", "fixed");
                    json.WriteString("PrimaryURL", $"https://avd.aquasec.com/nvd/{cve.Id.ToLowerInvariant()}");
                    json.WriteString("Title", cve.Title);
                    json.WriteString("Description", $"{cve.Title}. Fixed in {cve.Package} {cve.Fixed}.");
                    json.WriteString("Severity", cve.Severity);
                    json.WriteStartObject("CVSS");
                    json.WriteStartObject("nvd");
                    json.WriteNumber("V3Score", cve.Score);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
