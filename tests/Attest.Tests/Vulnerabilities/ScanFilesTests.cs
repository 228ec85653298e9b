using System.Text;
using Attest.Vulnerabilities;

namespace Attest.Tests.Vulnerabilities;

public sealed class ScanFilesTests
{
    internal static byte[] Fixture(string folder, string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));

    private static string Problem(string json)
    {
        var error = Assert.Throws<ValidationFailedException>(() => ScanFiles.Read(Encoding.UTF8.GetBytes(json)));
        return Assert.Single(error.Errors["File"]);
    }

    [Fact]
    public void TheAlpineTrivyReport_HasFourMediumVulnerabilities_InTwoPackages()
    {
        var target = Assert.Single(ScanFiles.Read(Fixture("trivy", "alpine-310.json")));
        Assert.Equal((FindingSource.Trivy, "Trivy dev", "testdata/fixtures/images/alpine-310.tar.gz"), (target.Format, target.Tool, target.Target));
        Assert.Equal(4, target.Findings.Count);
        Assert.All(target.Findings, f => Assert.Equal((VulnerabilitySeverity.Medium, 5.3), (f.Severity, f.CvssScore!.Value)));
        Assert.Equal(["CVE-2019-1549 libcrypto1.1@1.1.1c-r0 1.1.1d-r0", "CVE-2019-1549 libssl1.1@1.1.1c-r0 1.1.1d-r0", "CVE-2019-1551 libcrypto1.1@1.1.1c-r0 1.1.1d-r2",
            "CVE-2019-1551 libssl1.1@1.1.1c-r0 1.1.1d-r2"], target.Findings.Select(f => $"{f.RuleId} {f.Location} {f.FixedVersion}").Order());
        Assert.Equal("openssl: information disclosure in fork()", target.Findings.First(f => f.RuleId == "CVE-2019-1549").Title);
        Assert.Equal(4, target.Findings.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void TheDockerfileTrivyReport_HasOneHighMisconfiguration()
    {
        var finding = Assert.Single(Assert.Single(ScanFiles.Read(Fixture("trivy", "dockerfile.json"))).Findings);
        Assert.Equal(("DS-0002", "Image user should not be 'root'", VulnerabilitySeverity.High, "Dockerfile"), (finding.RuleId, finding.Title, finding.Severity, finding.Location));
        Assert.Contains("Resolution: Add 'USER <non root user name>'", finding.Description);
    }

    [Fact]
    public void RuleMetadata_GivesTheRulesTitle_TheFilledInMessage_AndErrorAsHigh()
    {
        var target = Assert.Single(ScanFiles.Read(Fixture("sarif", "RuleMetadata.sarif")));
        Assert.Equal((FindingSource.Sarif, "SarifSamples 1.0", "SarifSamples"), (target.Format, target.Tool, target.Target));
        var finding = Assert.Single(target.Findings);
        Assert.Equal(("TUT1001", VulnerabilitySeverity.High, "test.json:15"), (finding.RuleId, finding.Severity, finding.Location));
        Assert.StartsWith("Properties defined with the 'uri' or 'uri-reference' format", finding.Title);
        Assert.StartsWith("The URI '//C:/code/dev' is invalid.", finding.Description);
    }

    [Fact]
    public void Suppressions_InForceMakeFalsePositives_WhileRejectedOrUnderReviewOnesStayOpen()
    {
        var findings = Assert.Single(ScanFiles.Read(Fixture("sarif", "Suppressions.sarif"))).Findings;
        Assert.Equal(9, findings.Count);
        Assert.Equal(9, findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.All(findings, f => Assert.Equal(VulnerabilitySeverity.Medium, f.Severity));
        Assert.Equal(5, findings.Count(f => f.SuppressedBecause is not null));
        Assert.Equal("Suppressed in source in the scanner's report.", findings[1].SuppressedBecause);
        Assert.Null(findings[3].SuppressedBecause);
        Assert.Null(findings[5].SuppressedBecause);
    }

    [Fact]
    public void Taxonomies_MatchRulesById_NotByAnIndexThatNamesAnotherRule()
    {
        var findings = Assert.Single(ScanFiles.Read(Fixture("sarif", "Taxonomies.sarif"))).Findings;
        Assert.Equal([("TUT1001", VulnerabilitySeverity.High, "file:///C:/code/myProject/io/kb.c"), ("TUT1002", VulnerabilitySeverity.Medium, "file:///C:/code/myProject/io/file.c")],
            findings.Select(f => (f.RuleId, f.Severity, f.Location)));
    }

    [Theory]
    [InlineData("9.8", VulnerabilitySeverity.Critical)]
    [InlineData("7.0", VulnerabilitySeverity.High)]
    [InlineData("6.9", VulnerabilitySeverity.Medium)]
    [InlineData("3.9", VulnerabilitySeverity.Low)]
    public void SecuritySeverity_OnTheRule_OutranksTheLevel(string score, VulnerabilitySeverity expected)
    {
        var json = $$$$"""
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","rules":[{"id":"js/sql","properties":{"security-severity":"{{{{score}}}}"}}]}},
              "results":[{"ruleId":"js/sql","level":"note","message":{"text":"SQL built from user input"},
                "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/db.js"},"region":{"startLine":4}}}]}]}]}
            """;
        var finding = Assert.Single(Assert.Single(ScanFiles.Read(Encoding.UTF8.GetBytes(json))).Findings);
        Assert.Equal(expected, finding.Severity);
        Assert.Equal(double.Parse(score, System.Globalization.CultureInfo.InvariantCulture), finding.CvssScore);
    }

    [Fact]
    public void PartialFingerprints_KeepTheIdentity_WhenTheCodeMovesToAnotherLine()
    {
        static string Print(int line) => Assert.Single(Assert.Single(ScanFiles.Read(Encoding.UTF8.GetBytes($$$$"""
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL"}},"automationDetails":{"id":"web/"},
              "results":[{"ruleId":"js/xss","message":{"text":"XSS"},"partialFingerprints":{"primaryLocationLineHash":"abc:1"},
                "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/a.js"},"region":{"startLine":{{{{line}}}}}}}]}]}]}
            """))).Findings).Fingerprint;
        Assert.Equal(Print(10), Print(42));
        Assert.Equal("CodeQL web/", Assert.Single(ScanFiles.Read(Encoding.UTF8.GetBytes("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL"}},"automationDetails":{"id":"web/"},"results":[]}]}"""))).Target);
    }

    [Fact]
    public void InvalidJson_SaysTheLineAndPosition() =>
        Assert.Equal("line 3, position 1: invalid JSON.", Problem("{\n  \"version\": \"2.1.0\",\n}"));

    [Fact]
    public void AResultWithoutARule_IsNamedByItsPath() =>
        Assert.Equal("runs[0].results[1].ruleId: missing.", Problem("""
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"X"}},"results":[{"ruleId":"A","message":{"text":"a"}},{"message":{"text":"b"}}]}]}
            """));

    [Fact]
    public void AnUnknownTrivySeverity_IsNamedByItsPath() =>
        Assert.Equal("Results[1].Vulnerabilities[0].Severity: 'SEVER' is not a severity (CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN).", Problem("""
            {"SchemaVersion":2,"ArtifactName":"img","Results":[{"Target":"a"},{"Target":"b","Vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"SEVER"}]}]}
            """));

    [Fact]
    public void UnknownTrivySeverity_ReadsAsLow()
    {
        var finding = Assert.Single(Assert.Single(ScanFiles.Read(Encoding.UTF8.GetBytes("""
            {"SchemaVersion":2,"ArtifactName":"img","Results":[{"Target":"a","Vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"UNKNOWN"}]}]}
            """))).Findings);
        Assert.Equal(VulnerabilitySeverity.Low, finding.Severity);
    }

    [Theory]
    [InlineData("""{"SchemaVersion":1,"ArtifactName":"img","Results":[]}""", "SchemaVersion: 1 is not supported")]
    [InlineData("""{"version":"2.0.0","runs":[]}""", "version: '2.0.0' is not supported")]
    [InlineData("""{"name":"not a scan"}""", "neither a SARIF 2.1.0 log")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    public void OtherFiles_AreRefused_SayingWhy(string json, string expected) => Assert.Contains(expected, Problem(json));
}
