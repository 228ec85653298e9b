using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Attest.Checks;
using Attest.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Attest.Tests.Checks;

public sealed class ProbeTests
{
    private const string AllowUntrusted = """{"allowUntrusted": true}""";

    private static readonly Dictionary<string, string> GoodHeaders = new()
    {
        ["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains",
        ["Content-Security-Policy"] = "default-src 'self'",
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
    };

    // ---- Registry --------------------------------------------------------------------------------------------------

    [Fact]
    public void CheckProbes_HasOneProbeForEveryKind()
    {
        foreach (var kind in Enum.GetValues<CheckKind>())
            Assert.Equal(kind, CheckProbes.For(kind).Kind);
        Assert.Equal(Enum.GetValues<CheckKind>().Length, CheckProbes.All.Select(p => p.Kind).Distinct().Count());
    }

    [Fact]
    public async Task Push_RunOnItsOwn_FailsSayingResultsArePushed()
    {
        var result = await new PushProbe().RunAsync(new CheckTarget("", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("pushed by an external system", result.Summary);
    }

    // ---- TLS -------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Tls_WithAValidSelfSignedCertificate_AndUntrustedAllowed_PassesAndReportsTheDaysLeft()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate);

        var result = await new TlsProbe().RunAsync(new CheckTarget($"localhost:{server.Port}", AllowUntrusted, null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Matches(@"certificate valid for (89|90) more days", result.Summary);
        Assert.Contains("TLS 1.2", result.Summary);
        Assert.Contains("untrusted chain allowed by settings", result.Summary);
        Assert.Contains("| Subject | CN=localhost |", result.Details);
        Assert.Contains("DNS:localhost", result.Details);
        Assert.Contains(certificate.SerialNumber, result.Details);
        Assert.Contains("| TLS 1.2 | yes |", result.Details);
        Assert.Contains("| TLS 1.3 | yes |", result.Details);
        Assert.DoesNotContain("| TLS 1.0 | yes |", result.Details);
        Assert.DoesNotContain("| TLS 1.1 | yes |", result.Details);
    }

    [Fact]
    public async Task Tls_WithASelfSignedCertificate_AndUntrustedNotAllowed_FailsNamingTheUntrustedChain()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate);

        var result = await new TlsProbe().RunAsync(new CheckTarget($"localhost:{server.Port}", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("untrusted certificate chain", result.Summary);
        Assert.Contains("UntrustedRoot", result.Summary);
        Assert.DoesNotContain("expire", result.Summary);
    }

    [Fact]
    public async Task Tls_WithAnExpiredCertificate_FailsSayingItExpired()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-100), DateTimeOffset.UtcNow.AddDays(-10));
        await using var server = await LocalServer.StartAsync(certificate);

        var result = await new TlsProbe().RunAsync(new CheckTarget($"localhost:{server.Port}", AllowUntrusted, null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("certificate expired on", result.Summary);
        Assert.Contains("certificate expired on", result.Details);
    }

    [Fact]
    public async Task Tls_WithACertificateExpiringSoonerThanTheMinimum_Fails()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20));
        await using var server = await LocalServer.StartAsync(certificate);

        var result = await new TlsProbe().RunAsync(
            new CheckTarget($"localhost:{server.Port}", """{"allowUntrusted": true, "minDaysToExpiry": 30}""", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("(minimum 30)", result.Summary);
    }

    [Fact]
    public async Task Tls_WithACertificateForAnotherHost_FailsWithANameMismatch()
    {
        using var certificate = Certificate("other.example", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate);

        var result = await new TlsProbe().RunAsync(new CheckTarget($"localhost:{server.Port}", AllowUntrusted, null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("host name mismatch", result.Summary);
        Assert.Contains("DNS:other.example", result.Summary);
        Assert.Contains("does not match", result.Details);
    }

    [Fact]
    public async Task Tls_WithAServerThatStillAcceptsTls10_FailsNamingTheObsoleteVersion()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = LegacyTlsServer.Start(certificate);

        var result = await new TlsProbe().RunAsync(new CheckTarget($"localhost:{server.Port}", AllowUntrusted, null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("offers obsolete TLS 1.0", result.Summary);
        Assert.DoesNotContain("TLS 1.1", result.Summary);
        Assert.Contains("| TLS 1.0 | yes |", result.Details);
        Assert.Contains("| TLS 1.1 | no |", result.Details);
    }

    [Fact]
    public async Task Tls_WithNothingListening_FailsSayingTheConnectionFailed()
    {
        var port = FreePort();

        var result = await new TlsProbe().RunAsync(new CheckTarget($"127.0.0.1:{port}", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("connection failed", result.Summary);
        Assert.Contains($"127.0.0.1:{port}", result.Summary);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("localhost:99999", "port")]
    [InlineData("local host:443", "host:port")]
    public async Task Tls_WithABadTarget_FailsSayingWhatIsWrong(string target, string expected)
    {
        var result = await new TlsProbe().RunAsync(new CheckTarget(target, "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains(expected, result.Summary);
    }

    [Fact]
    public async Task Tls_WithAMisspeltSetting_FailsNamingIt()
    {
        var result = await new TlsProbe().RunAsync(new CheckTarget("localhost:443", """{"minDaysToExpire": 30}""", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("\"minDaysToExpire\" is not a known setting", result.Summary);
    }

    // ---- HTTP headers ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Headers_OverHttpsWithEveryHeader_Pass()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate, GoodHeaders);

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"https://localhost:{server.Port}/", AllowUntrusted, null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains("max-age 31536000", result.Details);
        Assert.Contains("Status: 200", result.Details);
    }

    [Fact]
    public async Task Headers_OverHttpsWithAnUntrustedCertificate_FailWhenUntrustedIsNotAllowed()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate, GoodHeaders);

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"https://localhost:{server.Port}/", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("request failed", result.Summary);
    }

    [Fact]
    public async Task Headers_OverHttpsWithAShortHstsMaxAge_Fail()
    {
        using var certificate = Certificate("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        await using var server = await LocalServer.StartAsync(certificate, new Dictionary<string, string>(GoodHeaders) { ["Strict-Transport-Security"] = "max-age=300" });

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"https://localhost:{server.Port}/", AllowUntrusted, null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("Strict-Transport-Security (max-age 300 is below 15552000)", result.Summary);
    }

    [Fact]
    public async Task Headers_MissingCspAndNosniff_FailListingWhatIsMissing()
    {
        await using var server = await LocalServer.StartAsync(null, new Dictionary<string, string> { ["X-Frame-Options"] = "SAMEORIGIN" });

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"http://127.0.0.1:{server.Port}/", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("Content-Security-Policy (missing)", result.Summary);
        Assert.Contains("X-Content-Type-Options (missing)", result.Summary);
        Assert.DoesNotContain("X-Frame-Options", result.Summary);
        Assert.DoesNotContain("Strict-Transport-Security", result.Summary); // plain http: reported, not required
        Assert.Contains("| Strict-Transport-Security | no |", result.Details);
    }

    [Fact]
    public async Task Headers_OverPlainHttpWithoutHsts_AndFrameAncestorsInsteadOfFrameOptions_Pass()
    {
        await using var server = await LocalServer.StartAsync(null, new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'",
            ["X-Content-Type-Options"] = "nosniff",
        });

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"http://127.0.0.1:{server.Port}/", "", null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains("CSP frame-ancestors", result.Details);
    }

    [Fact]
    public async Task Headers_AfterARedirect_AreJudgedOnTheFinalUrl_WhichIsReported()
    {
        await using var server = await LocalServer.StartAsync(null, new Dictionary<string, string>(GoodHeaders), redirectFrom: "/old");

        var result = await new HttpHeadersProbe().RunAsync(new CheckTarget($"http://127.0.0.1:{server.Port}/old", "", null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains($"Final URL after redirects: http://127.0.0.1:{server.Port}/", result.Details);
    }

    [Fact]
    public async Task Headers_WithAnotherRequiredHeader_FailWhenItIsMissing()
    {
        await using var server = await LocalServer.StartAsync(null, GoodHeaders);

        var result = await new HttpHeadersProbe().RunAsync(
            new CheckTarget($"http://127.0.0.1:{server.Port}/", """{"required": ["Content-Security-Policy", "Referrer-Policy"]}""", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("Referrer-Policy (missing)", result.Summary);
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------------

    private const string Password = "Pr0be-Secret-Passw0rd";

    [Fact]
    public async Task Postgres_WithDefaultExpectations_FailsNamingSsl_AndNeverShowsThePassword()
    {
        var secret = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString()) { Password = Password }.ConnectionString;

        var result = await new PostgresSettingsProbe().RunAsync(new CheckTarget("", "", secret), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("ssl is off, expected on", result.Summary);
        Assert.Contains("| ssl | on | off | **fail** |", result.Details);
        Assert.Matches(@"Server version: \d+", result.Details);
        Assert.Contains("log_min_duration_statement", result.Details);
        Assert.DoesNotContain(Password, result.Details);
        Assert.DoesNotContain(Password, result.Summary);
    }

    [Fact]
    public async Task Postgres_WithExpectationsMatchingTheServer_Passes()
    {
        var server = TestDatabase.ServerConnectionString();
        var actual = new Dictionary<string, string>();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            foreach (var name in new[] { "ssl", "password_encryption", "log_connections", "log_disconnections" })
            {
                await using var command = new NpgsqlCommand($"SHOW {name}", connection);
                actual[name] = (string)(await command.ExecuteScalarAsync())!;
            }
        }
        var settings = System.Text.Json.JsonSerializer.Serialize(new { expect = actual });
        var secret = new NpgsqlConnectionStringBuilder(server) { Password = Password }.ConnectionString;

        var result = await new PostgresSettingsProbe().RunAsync(new CheckTarget("", settings, secret), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains($"| ssl | {actual["ssl"]} | {actual["ssl"]} | pass |", result.Details);
        Assert.DoesNotContain(Password, result.Details);
    }

    [Fact]
    public async Task Postgres_WhenTheServerIsUnreachable_FailsSayingWhy_WithoutThePassword()
    {
        var secret = $"Host=127.0.0.1;Port={FreePort()};Username=postgres;Password={Password};Timeout=5";

        var result = await new PostgresSettingsProbe().RunAsync(new CheckTarget("", "", secret), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("could not read the settings", result.Summary);
        Assert.DoesNotContain(Password, result.Summary);
        Assert.DoesNotContain(Password, result.Details);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_Fails()
    {
        var result = await new PostgresSettingsProbe().RunAsync(new CheckTarget("", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("no connection string", result.Summary);
    }

    // ---- Command ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Command_ThatExitsWithZero_Passes()
    {
        var result = await new CommandProbe().RunAsync(new CheckTarget("exit 0", "", null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains("Exit code: 0", result.Details);
    }

    [Fact]
    public async Task Command_ThatFails_ReportsTheExitCodeAndItsOutput()
    {
        var result = await new CommandProbe().RunAsync(new CheckTarget("echo fine; echo boom >&2; exit 3", "", null), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal("Command exited with code 3: boom", result.Summary);
        Assert.Contains("Exit code: 3", result.Details);
        Assert.Contains("### Standard error\n\n```\nboom\n```", result.Details);
        Assert.Contains("### Standard output\n\n```\nfine\n```", result.Details);
    }

    [Fact]
    public async Task Command_ThatRunsPastItsTimeout_FailsAsTimedOut()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = await new CommandProbe().RunAsync(new CheckTarget("sleep 30", "", null), timeout.Token);

        Assert.False(result.Passed);
        Assert.Contains("timed out", result.Summary);
    }

    [Fact]
    public async Task Command_WithLongOutput_KeepsOnlyTheFirst8KB()
    {
        var result = await new CommandProbe().RunAsync(new CheckTarget("head -c 20000 /dev/zero | tr '\\0' a", "", null), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Contains("First 8192 of 20000 bytes shown.", result.Details);
        Assert.Contains(new string('a', 8192), result.Details);
        Assert.DoesNotContain(new string('a', 8193), result.Details);
    }

    [Fact]
    public async Task Command_DoesNotSeeAttestsOwnEnvironment()
    {
        const string name = "ATTEST_PROBE_TEST_SECRET_9F2C";
        Environment.SetEnvironmentVariable(name, "leaked");
        try
        {
            var result = await new CommandProbe().RunAsync(new CheckTarget($"echo \"[${name}]\"", "", null), CancellationToken.None);

            Assert.True(result.Passed, result.Summary);
            Assert.Contains("[]", result.Details);
            Assert.DoesNotContain("leaked", result.Details);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    // ---- Test servers and certificates ----------------------------------------------------------------------------

    private static X509Certificate2 Certificate(string host, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // server authentication
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        // On Linux an in-memory key is not usable by SslStream until the certificate has been through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A real Kestrel server on a free loopback port, plain http or https with the given certificate, answering with chosen headers.</summary>
    private sealed class LocalServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LocalServer(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public static async Task<LocalServer> StartAsync(X509Certificate2? certificate, IReadOnlyDictionary<string, string>? headers = null, string? redirectFrom = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate);
            }));
            var app = builder.Build();
            app.Run(context =>
            {
                if (redirectFrom is not null && context.Request.Path == redirectFrom)
                {
                    context.Response.Redirect("/");
                    return Task.CompletedTask;
                }
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                    context.Response.Headers[name] = value;
                return context.Response.WriteAsync("ok");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalServer(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// Speaks real TLS to modern clients, but answers a TLS 1.0 ClientHello with a ServerHello choosing TLS 1.0 (and a TLS 1.1 one
    /// with a protocol_version alert): enough to show that the probe notices a server that still accepts TLS 1.0.
    /// </summary>
    private sealed class LegacyTlsServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        private LegacyTlsServer(X509Certificate2 certificate)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptAsync(certificate);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static LegacyTlsServer Start(X509Certificate2 certificate) => new(certificate);

        private async Task AcceptAsync(X509Certificate2 certificate)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                _ = ServeAsync(client, certificate);
            }
        }

        private async Task ServeAsync(TcpClient client, X509Certificate2 certificate)
        {
            using (client)
            {
                try
                {
                    var network = client.GetStream();
                    var head = new byte[11];
                    var read = 0;
                    while (read < head.Length && await network.ReadAsync(head.AsMemory(read), _stop.Token) is var n and > 0) read += n;
                    if (read < head.Length) return;
                    var clientVersion = (head[9] << 8) | head[10];
                    if (head[0] == 0x16 && head[5] == 0x01 && clientVersion == 0x0301)
                    {
                        byte[] serverHello = [0x16, 0x03, 0x01, 0x00, 0x2a, 0x02, 0x00, 0x00, 0x26, 0x03, 0x01, .. new byte[32], 0x00, 0xc0, 0x13, 0x00];
                        await network.WriteAsync(serverHello, _stop.Token);
                        return;
                    }
                    if (head[0] == 0x16 && head[5] == 0x01 && clientVersion == 0x0302)
                    {
                        await network.WriteAsync(new byte[] { 0x15, 0x03, 0x02, 0x00, 0x02, 0x02, 0x46 }, _stop.Token); // protocol_version
                        return;
                    }
                    await using var tls = new System.Net.Security.SslStream(new PrefixedStream(head, network));
                    await tls.AuthenticateAsServerAsync(certificate);
                }
                catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
                {
                    // The probe hangs up in all sorts of ways: that is its business.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }
    }

    /// <summary>Gives back bytes already read from a stream before the rest of it.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < prefix.Length) return TakePrefix(buffer.AsSpan(offset, count));
            return inner.Read(buffer, offset, count);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length) return TakePrefix(buffer.Span);
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private int TakePrefix(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }
    }
}
