using System.Text;
using System.Text.Json;
using Attest.AuditPacks;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.AuditPacks;

public sealed class AuditPackTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pack_AsAtADay_HoldsTheRecordsOfThatDayOnly_AndItsSignedManifestVerifies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var seeded = await AuditPackSeeds.AddRecordsAroundAsync(app, organization);

        var (zip, result) = await AuditPackSeeds.ExportAsync(app, organization, seeded.AsAt);
        var files = AuditPackSeeds.Read(zip);
        string Text(string path) => Encoding.UTF8.GetString(files[path]);

        // The SoA version approved before the day, in three formats; not the one approved today.
        Assert.Contains(seeded.SoaBefore, files.Keys);
        Assert.Contains(seeded.SoaBefore.Replace(".csv", ".xlsx", StringComparison.Ordinal), files.Keys);
        Assert.Contains(seeded.SoaBefore.Replace(".csv", ".pdf", StringComparison.Ordinal), files.Keys);
        Assert.DoesNotContain(seeded.SoaAfter, files.Keys);
        // The policy version in force then (1.0, superseded today), with its figures; not 1.1, published today.
        Assert.Contains(seeded.PolicyBeforeMarkdown, files.Keys);
        Assert.DoesNotContain(seeded.PolicyAfterMarkdown, files.Keys);
        var index = Text("policies/index.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, index.Length);
        Assert.Contains(",1.0,", index[1], StringComparison.Ordinal);
        Assert.Contains("acknowledged 1 of 1", index[1], StringComparison.Ordinal);
        Assert.Contains("Manager Person", index[1], StringComparison.Ordinal);
        // Risks identified and nonconformities raised by then; not those of today.
        Assert.Contains(seeded.RiskBefore + ",", Text("risks/risk-register.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.RiskAfter + ",", Text("risks/risk-register.csv"), StringComparison.Ordinal);
        Assert.Contains(seeded.NcBefore + ",", Text("nonconformities/nonconformities.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.NcAfter + ",", Text("nonconformities/nonconformities.csv"), StringComparison.Ordinal);
        // The evidence index names the item and its stored file's hash; the file itself is not copied.
        var evidence = Text("evidence/index.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, evidence.Length);
        Assert.StartsWith(seeded.Evidence + ",Q3 access review,File,1,", evidence[1], StringComparison.Ordinal);
        Assert.Contains(seeded.EvidenceSha256, evidence[1], StringComparison.Ordinal);
        Assert.DoesNotContain(files.Keys, k => k.EndsWith("access-review.pdf", StringComparison.Ordinal));

        // The manifest lists every file but itself, its signature and the key, and verifies with the organization's key.
        var manifest = JsonSerializer.Deserialize<JsonElement>(files["manifest.json"]);
        Assert.Equal(seeded.AsAt.ToString("yyyy-MM-dd"), manifest.GetProperty("asAt").GetString());
        Assert.Equal(organization.Name, manifest.GetProperty("organization").GetString());
        Assert.Equal(files.Count - 3, manifest.GetProperty("files").GetArrayLength());
        Assert.Equal(files.Count - 3, result.FileCount);
        Assert.Contains(result.KeyFingerprint, Text("README.txt"), StringComparison.Ordinal);
        var verified = await app.WithCoreAsync(organization.Id, (s, _) =>
            VerifyAuditPack.RunAsync(new MemoryStream(zip), Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PackSigningKeys>(s)));
        Assert.True(verified.Ok, verified.Describe());
        Assert.True(verified.KeyIsOurs);

        // The export is recorded; a second export signs with the same key.
        var (_, again) = await AuditPackSeeds.ExportAsync(app, organization, seeded.AsAt);
        Assert.Equal(result.KeyFingerprint, again.KeyFingerprint);
        var exports = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditPackExports.OrderBy(e => e.ExportedAt).ToListAsync());
        Assert.Equal(2, exports.Count);
        Assert.Equal((seeded.AsAt, result.FileCount, result.ManifestSha256), (exports[0].AsAt, exports[0].FileCount, exports[0].ManifestSha256));
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.PackSigningKeys.CountAsync()));
    }
}
