using System.Text;
using Attest.AuditPacks;
using Attest.Tests.Support;

namespace Attest.Tests.AuditPacks;

/// <summary>One pack of a small organization, exported once and tampered with in each way verification must notice.</summary>
public sealed class SignedPackFixture : IAsyncLifetime
{
    public byte[] Zip { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        await app.AddEvidenceAsync(organization, control);
        await app.AddPublishedDocumentAsync(organization, "Access Control Policy", redraft: false);
        Zip = (await AuditPackSeeds.ExportAsync(app, organization, DateOnly.FromDateTime(DateTime.UtcNow))).Zip;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class VerifyAuditPackTests(SignedPackFixture pack) : IClassFixture<SignedPackFixture>
{
    [Fact]
    public void ChangingOneByteOfOneFile_IsReportedByThatFilesName()
    {
        Assert.True(VerifyAuditPack.Run(new MemoryStream(pack.Zip)).Ok);
        var policy = AuditPackSeeds.Read(pack.Zip).Keys.Single(k => k.StartsWith("policies/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal));
        var changed = AuditPackSeeds.Rewrite(pack.Zip, files =>
        {
            var content = files[policy].ToArray();
            content[^2] ^= 0x01;
            files[policy] = content;
        });

        var result = VerifyAuditPack.Run(new MemoryStream(changed));

        Assert.False(result.Ok);
        Assert.Equal($"{policy}: SHA-256 differs from the manifest.", result.Describe());
    }

    [Theory]
    [InlineData("added", "notes.txt: present in the pack but not listed in the manifest.")]
    [InlineData("removed", "evidence/index.csv: listed in the manifest but missing from the pack.")]
    [InlineData("manifest", "manifest.sig: the signature does not match manifest.json (the manifest or the signature was changed).")]
    [InlineData("key", "signing-key.pem: does not match the key fingerprint in the manifest.")]
    [InlineData("garbage", "manifest.json: is not a valid manifest")]
    public void Tampering_IsDetected_AndTheFirstProblemIsNamed(string kind, string expected)
    {
        var tampered = AuditPackSeeds.Rewrite(pack.Zip, files =>
        {
            switch (kind)
            {
                case "added": files["notes.txt"] = Encoding.UTF8.GetBytes("slipped in"); break;
                case "removed": files.Remove("evidence/index.csv"); break;
                // The file list stays consistent; only the stated organization changes, so the signature alone catches it.
                case "manifest": files["manifest.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["manifest.json"]).Replace("\"organization\": \"", "\"organization\": \"X", StringComparison.Ordinal)); break;
                case "key":
                    using (var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                        files["signing-key.pem"] = Encoding.ASCII.GetBytes(other.ExportSubjectPublicKeyInfoPem());
                    break;
                case "garbage": files["manifest.json"] = Encoding.UTF8.GetBytes("{ not json"); break;
            }
        });

        var result = VerifyAuditPack.Run(new MemoryStream(tampered));

        Assert.False(result.Ok);
        Assert.StartsWith(expected, result.Describe(), StringComparison.Ordinal);
    }
}
