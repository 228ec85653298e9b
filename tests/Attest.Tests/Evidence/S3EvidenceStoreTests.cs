using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Evidence;

/// <summary>
/// The S3 store against a real S3 API: moto's server, started for this class, with signature checking switched on, so every request
/// here is only answered if the store signed it correctly.
/// </summary>
public sealed class S3EvidenceStoreTests(S3EvidenceStoreTests.MotoServer moto) : IClassFixture<S3EvidenceStoreTests.MotoServer>
{
    [MotoFact]
    public async Task PutExistsOpenDelete_RoundTrip_UnderTheContentAddressedKey()
    {
        var store = await moto.NewBucketAsync();
        var content = Encoding.UTF8.GetBytes("restore test passed " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var temporary = TemporaryFile(content);

        var before = await store.ExistsAsync(sha);
        var openedBefore = await store.OpenAsync(sha);
        await store.PutAsync(sha, temporary);

        Assert.False(before);
        Assert.Null(openedBefore);
        Assert.False(File.Exists(temporary)); // uploaded, then removed
        Assert.True(await store.ExistsAsync(sha));
        await using (var opened = await store.OpenAsync(sha))
        {
            Assert.NotNull(opened);
            Assert.Equal(content, await ReadAllAsync(opened));
        }
        // Where it lives: evidence/ab/cd/<sha256> in the bucket, fetched here with a plain signed GET.
        Assert.Equal($"evidence/{sha[..2]}/{sha[2..4]}/{sha}", S3EvidenceStore.KeyOf(sha));
        using (var raw = await moto.SendSignedAsync(HttpMethod.Get, $"/{store.Bucket}/evidence/{sha[..2]}/{sha[2..4]}/{sha}"))
        {
            Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
            Assert.Equal(content, await raw.Content.ReadAsByteArrayAsync());
        }

        await store.DeleteAsync(sha);
        Assert.False(await store.ExistsAsync(sha));
        Assert.Null(await store.OpenAsync(sha));
        await store.DeleteAsync(sha); // deleting what is gone is fine
    }

    [MotoFact]
    public async Task PuttingTheSameContentAgain_OnlyRemovesTheTemporaryFile()
    {
        var store = await moto.NewBucketAsync();
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 access review " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await store.PutAsync(sha, TemporaryFile(content));
        var second = TemporaryFile(content);

        await store.PutAsync(sha, second);

        Assert.False(File.Exists(second));
        await using var opened = await store.OpenAsync(sha);
        Assert.Equal(content, await ReadAllAsync(opened!));
        await store.CreateBucketAsync(); // creating a bucket the account already owns is fine too
    }

    [MotoFact]
    public async Task AWrongSecretKey_IsRefusedBySignatureCheck_AndTheErrorNamesTheS3Code_NotTheSecret()
    {
        var store = await moto.NewBucketAsync();
        var content = Encoding.UTF8.GetBytes("secret-free " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        const string wrongSecret = "not-the-secret-key-0123456789abcdefghij";
        var forged = new S3EvidenceStore(moto.Endpoint, store.Bucket, "us-east-1", moto.AccessKey, wrongSecret, moto.Http);
        var stranger = new S3EvidenceStore(moto.Endpoint, store.Bucket, "us-east-1", "AKIANOSUCHKEY0000000", wrongSecret, moto.Http);

        var badSignature = await Assert.ThrowsAsync<S3StoreException>(() => forged.OpenAsync(sha));
        var unknownKey = await Assert.ThrowsAsync<S3StoreException>(() => stranger.OpenAsync(sha));
        var temporary = TemporaryFile(content);
        var refusedPut = await Assert.ThrowsAsync<S3StoreException>(() => forged.PutAsync(sha, temporary));

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (badSignature.Status, badSignature.ErrorCode));
        Assert.Contains("403", badSignature.Message);
        Assert.Contains("SignatureDoesNotMatch", badSignature.Message);
        Assert.Equal("InvalidAccessKeyId", unknownKey.ErrorCode);
        Assert.Contains("InvalidAccessKeyId", unknownKey.Message);
        Assert.Equal(HttpStatusCode.Forbidden, refusedPut.Status);
        foreach (var error in new[] { badSignature, unknownKey, refusedPut }) Assert.DoesNotContain(wrongSecret, error.Message);
        Assert.False(await store.ExistsAsync(sha)); // nothing was stored
        File.Delete(temporary);
    }

    [MotoFact]
    public async Task AMissingBucket_IsAnError_NotAMissingFile()
    {
        var store = new S3EvidenceStore(moto.Endpoint, "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8], "us-east-1", moto.AccessKey, moto.SecretKey, moto.Http);

        var missing = await Assert.ThrowsAsync<S3StoreException>(() => store.OpenAsync(new string('a', 64)));

        Assert.Equal("NoSuchBucket", missing.ErrorCode);
    }

    [MotoFact]
    public async Task AnUpload_ThroughEvidenceUploadsAndSaveEvidence_IsStoredInTheBucket()
    {
        var store = await moto.NewBucketAsync();
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 restore drill " + Guid.NewGuid());
        var incoming = Path.Combine(app.EvidenceFolder, "s3-incoming");

        var id = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var uploads = new EvidenceUploads(new EvidenceOptions { TemporaryFolder = incoming });
            using var received = await uploads.ReceiveAsync(new MemoryStream(content), "restore-drill.pdf");
            return await new SaveEvidence(db, store).RunAsync(null, new EvidenceInput("Restore drill", EvidenceKind.File,
                Links: [new EvidenceLinkInput(EvidenceTarget.Control, control)]), received);
        });

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var saved = await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.FileName, File = db.EvidenceFiles.Where(f => f.Id == e.FileId).Select(f => new { f.Sha256, f.ContentType }).FirstOrDefault() })
            .SingleAsync());
        Assert.Equal(("restore-drill.pdf", sha, "application/pdf"), (saved.FileName, saved.File!.Sha256, saved.File.ContentType));
        Assert.True(await store.ExistsAsync(sha));
        await using (var opened = await store.OpenAsync(sha)) Assert.Equal(content, await ReadAllAsync(opened!));
        Assert.Empty(Directory.EnumerateFiles(incoming));
    }

    [Fact]
    public void FromEnvironment_NamesEveryMissingVariable()
    {
        // Only reads: the variables are not set in the test process (the S3 store is never the default).
        if (Environment.GetEnvironmentVariable(S3EvidenceStore.EndpointVariable) is { Length: > 0 }) return;

        var missing = Assert.Throws<InvalidOperationException>(S3EvidenceStore.FromEnvironment);

        foreach (var name in new[] { "ATTEST_S3_ENDPOINT", "ATTEST_S3_BUCKET", "ATTEST_S3_ACCESS_KEY", "ATTEST_S3_SECRET_KEY" }) Assert.Contains(name, missing.Message);
    }

    private static string TemporaryFile(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "attest-tests", "s3-" + Guid.NewGuid().ToString("N") + ".part");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A fact that needs moto's S3 server; skipped, saying why, when it is not installed.</summary>
    public sealed class MotoFactAttribute : FactAttribute
    {
        public MotoFactAttribute()
        {
            if (MotoServer.Command is null) Skip = "moto_server is not installed (pip install \"moto[server]\"): the S3 evidence store is tested against it.";
        }
    }

    /// <summary>
    /// moto_server on a free local port for one test class. It starts without authentication, gets an IAM user with an access key
    /// allowed everything on S3, and then has signature checking switched on (moto's /moto-api/reset-auth), so from then on it
    /// verifies every SigV4 signature like S3 does.
    /// </summary>
    public sealed class MotoServer : IAsyncLifetime
    {
        private const string SetupKey = "moto-setup";
        private Process? _process;
        private readonly StringBuilder _log = new();

        /// <summary>The program and leading arguments that start moto's server, or null when it is not installed.</summary>
        public static readonly (string FileName, string[] Arguments)? Command = FindCommand();

        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };
        public string Endpoint { get; private set; } = "";
        public string AccessKey { get; private set; } = "";
        public string SecretKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            if (Command is not { } command) return;
            var port = FreePort();
            Endpoint = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo(command.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in command.Arguments.Concat(["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                start.ArgumentList.Add(argument);
            }
            _process = Process.Start(start) ?? throw new InvalidOperationException($"{command.FileName} did not start.");
            _process.OutputDataReceived += (_, e) => Log(e.Data);
            _process.ErrorDataReceived += (_, e) => Log(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            await WaitUntilAnsweringAsync();

            await IamAsync("CreateUser", ("UserName", "attest"));
            await IamAsync("PutUserPolicy", ("UserName", "attest"), ("PolicyName", "evidence"),
                ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
            var created = await IamAsync("CreateAccessKey", ("UserName", "attest"));
            AccessKey = created.Descendants().Single(e => e.Name.LocalName == "AccessKeyId").Value;
            SecretKey = created.Descendants().Single(e => e.Name.LocalName == "SecretAccessKey").Value;
            using var enforce = await Http.PostAsync($"{Endpoint}/moto-api/reset-auth", new StringContent("0"));
            enforce.EnsureSuccessStatusCode();
        }

        /// <summary>A store on a bucket of its own, created through the store itself.</summary>
        public async Task<S3EvidenceStore> NewBucketAsync()
        {
            var store = new S3EvidenceStore(Endpoint, "evidence-" + Guid.NewGuid().ToString("N")[..12], "us-east-1", AccessKey, SecretKey, Http);
            await store.CreateBucketAsync();
            return store;
        }

        /// <summary>A request signed with the IAM user's key, outside the store.</summary>
        public async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, Endpoint + path);
            AwsSignatureV4.Sign(request, AwsSignatureV4.EmptyPayloadHash, "us-east-1", "s3", AccessKey, SecretKey, DateTimeOffset.UtcNow);
            return await Http.SendAsync(request);
        }

        /// <summary>An IAM query call; moto routes it by the service named in the signature's scope.</summary>
        private async Task<XElement> IamAsync(string action, params (string Name, string Value)[] parameters)
        {
            var body = Encoding.UTF8.GetBytes(string.Join('&', new[] { ("Action", action), ("Version", "2010-05-08") }.Concat(parameters)
                .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")));
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint + "/") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            AwsSignatureV4.Sign(request, Convert.ToHexStringLower(SHA256.HashData(body)), "us-east-1", "iam", SetupKey, SetupKey, DateTimeOffset.UtcNow);
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"moto IAM {action} answered {(int)response.StatusCode}: {text}");
            return XElement.Parse(text);
        }

        private async Task WaitUntilAnsweringAsync()
        {
            // Starting Python and moto takes a moment; poll until it answers or the process ends (a generous limit only stops a hung start).
            for (var attempt = 0; attempt < 600; attempt++)
            {
                if (_process!.HasExited) throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}:\n{Output()}");
                try
                {
                    using var response = await Http.GetAsync($"{Endpoint}/moto-api/data.json");
                    return;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }
            throw new InvalidOperationException($"moto_server did not answer on {Endpoint}:\n{Output()}");
        }

        private void Log(string? line)
        {
            if (line is null) return;
            lock (_log) _log.AppendLine(line);
        }

        private string Output()
        {
            lock (_log) return _log.ToString();
        }

        public Task DisposeAsync()
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.WaitForExit();
            _process?.Dispose();
            Http.Dispose();
            return Task.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static (string, string[])? FindCommand()
        {
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var server = folders.Select(f => Path.Combine(f, "moto_server")).FirstOrDefault(File.Exists);
            if (server is not null && Works(server, ["--help"])) return (server, []);
            var python = folders.Select(f => Path.Combine(f, "python3")).FirstOrDefault(File.Exists);
            if (python is not null && Works(python, ["-c", "import moto.server"])) return (python, ["-m", "moto.server"]);
            return null;
        }

        /// <summary>Whether the program runs and exits 0 (a pyenv shim exists even when its Python lacks the package).</summary>
        private static bool Works(string program, string[] arguments)
        {
            try
            {
                var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in arguments) start.ArgumentList.Add(argument);
                using var process = Process.Start(start);
                if (process is null) return false;
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(60_000))
                {
                    process.Kill(entireProcessTree: true);
                    return false;
                }
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
