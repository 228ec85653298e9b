using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Attest.Checks;

/// <summary>
/// Connects to a TLS endpoint ("host:port", port 443 by default) and judges its certificate (validity, days to expiry, host name,
/// chain trust) and the protocol versions it accepts. Settings: <c>{"minDaysToExpiry": 14, "allowUntrusted": false, "requireTls13": false}</c>.
/// </summary>
/// <remarks>Revocation is not checked: it needs the CA's CRL or OCSP servers, which a check must not depend on to give a verdict.</remarks>
public sealed class TlsProbe(TimeProvider time) : ICheckProbe
{
    public TlsProbe() : this(TimeProvider.System)
    {
    }

    public CheckKind Kind => CheckKind.Tls;

    private sealed class Settings
    {
        public int MinDaysToExpiry { get; init; } = 14;
        public bool AllowUntrusted { get; init; }
        public bool RequireTls13 { get; init; }
    }

    private enum Support { Offered, NotOffered, Unknown }

    private sealed record ProtocolResult(string Name, SslProtocols Protocol, Support Support, string Note);

    private sealed record ChainElement(string Subject, DateTimeOffset NotAfter, X509ChainStatusFlags Status);

    private sealed class Handshake
    {
        public X509Certificate2? Certificate { get; set; }
        public SslPolicyErrors PolicyErrors { get; set; }
        public List<ChainElement> Chain { get; } = [];
        public X509ChainStatusFlags ChainStatus { get; set; }
        public SslProtocols Protocol { get; set; }
        public string CipherSuite { get; set; } = "";
    }

#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are obsolete: that is exactly why the probe asks whether a server still accepts them.
    private static readonly (string Name, SslProtocols Protocol)[] Protocols =
    [
        ("TLS 1.3", SslProtocols.Tls13),
        ("TLS 1.2", SslProtocols.Tls12),
        ("TLS 1.1", SslProtocols.Tls11),
        ("TLS 1.0", SslProtocols.Tls),
    ];

    private static readonly SslProtocols Obsolete = SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore SYSLIB0039

    // Flags that describe time validity or unchecked revocation; the probe judges those itself, so they are not "untrusted".
    private const X509ChainStatusFlags NotTrustProblems = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested
        | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    public async Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        if (!ProbeSettings.TryRead<Settings>(target.Settings, out var settings, out var settingsError))
            return new ProbeResult(false, settingsError, $"## TLS endpoint {MarkdownText.Escape(target.Target)}\n\n{MarkdownText.Escape(settingsError)}\n");
        if (!TryParseEndpoint(target.Target, out var host, out var port, out var endpointError))
            return new ProbeResult(false, endpointError, $"## TLS endpoint\n\n{MarkdownText.Escape(endpointError)}\n");

        var endpoint = host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
        Handshake handshake;
        try
        {
            handshake = await HandshakeAsync(host, port, SslProtocols.None, cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException or SocketException)
        {
            return Unreachable(endpoint, "timed out before the TLS handshake completed");
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException or Win32Exception)
        {
            return Unreachable(endpoint, "connection failed: " + ProbeErrors.Reason(e));
        }

        using (handshake.Certificate)
        {
            var protocols = new List<ProtocolResult>();
            try
            {
                foreach (var (name, protocol) in Protocols)
                    protocols.Add(await ProbeProtocolAsync(host, port, name, protocol, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Unreachable(endpoint, "timed out while testing which TLS versions the server accepts");
            }
            return Judge(endpoint, host, handshake, protocols, settings);
        }
    }

    private ProbeResult Judge(string endpoint, string host, Handshake handshake, List<ProtocolResult> protocols, Settings settings)
    {
        var now = time.GetUtcNow();
        var problems = new List<string>();
        var notes = new List<string>();
        var certificate = handshake.Certificate;
        var details = new StringBuilder();
        details.Append(CultureInfo.InvariantCulture, $"## TLS endpoint {MarkdownText.Escape(endpoint)}\n\n");

        int? daysLeft = null;
        if (certificate is null)
        {
            problems.Add("the server sent no certificate");
        }
        else
        {
            var notBefore = new DateTimeOffset(certificate.NotBefore).ToUniversalTime();
            var notAfter = new DateTimeOffset(certificate.NotAfter).ToUniversalTime();
            daysLeft = (int)Math.Floor((notAfter - now).TotalDays);
            if (now > notAfter)
                problems.Add($"certificate expired on {Day(notAfter)} ({DaysAgo(now - notAfter)})");
            else if (now < notBefore)
                problems.Add($"certificate is not yet valid (valid from {Day(notBefore)})");
            else if (daysLeft < settings.MinDaysToExpiry)
                problems.Add($"certificate expires in {daysLeft} days on {Day(notAfter)} (minimum {settings.MinDaysToExpiry})");

            if (handshake.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                var names = SubjectAlternativeNames(certificate);
                problems.Add($"host name mismatch: the certificate is not valid for \"{host}\" (it names {(names.Count == 0 ? certificate.GetNameInfo(X509NameType.SimpleName, false) : string.Join(", ", names))})");
            }

            var trustProblems = TrustProblems(handshake);
            if (trustProblems.Length > 0)
            {
                if (settings.AllowUntrusted) notes.Add($"untrusted chain allowed by settings ({trustProblems})");
                else problems.Add($"untrusted certificate chain ({trustProblems})");
            }
        }

        foreach (var offered in protocols.Where(p => p.Support == Support.Offered && (p.Protocol & Obsolete) != 0))
            problems.Add($"offers obsolete {offered.Name}");
        var tls13 = protocols.First(p => p.Protocol == SslProtocols.Tls13);
        if (settings.RequireTls13 && tls13.Support != Support.Offered)
            problems.Add(tls13.Support == Support.Unknown ? "TLS 1.3 is required but could not be tested from this host" : "TLS 1.3 is required but not offered");

        var passed = problems.Count == 0;
        var offeredNames = protocols.Where(p => p.Support == Support.Offered).Select(p => p.Name).ToList();
        var summary = passed
            ? $"{endpoint}: certificate valid for {daysLeft} more days (until {Day(new DateTimeOffset(certificate!.NotAfter).ToUniversalTime())}), " +
              $"offers {(offeredNames.Count == 0 ? "no version that could be tested" : string.Join(", ", offeredNames))}" +
              (notes.Count > 0 ? "; " + string.Join("; ", notes) : "")
            : $"{endpoint}: {string.Join("; ", problems)}";

        details.Append(passed ? "**Passed.**\n\n" : "**Failed:**\n\n");
        foreach (var problem in problems) details.Append("- ").Append(MarkdownText.Escape(problem)).Append('\n');
        foreach (var note in notes) details.Append("- Note: ").Append(MarkdownText.Escape(note)).Append('\n');
        if (problems.Count + notes.Count > 0) details.Append('\n');

        if (certificate is not null) AppendCertificate(details, host, handshake, certificate, daysLeft!.Value);
        AppendChain(details, handshake);
        AppendProtocols(details, handshake, protocols);
        details.Append("\nRevocation (CRL/OCSP) was not checked.\n");
        return new ProbeResult(passed, summary, details.ToString());
    }

    private static void AppendCertificate(StringBuilder details, string host, Handshake handshake, X509Certificate2 certificate, int daysLeft)
    {
        var names = SubjectAlternativeNames(certificate);
        var trust = TrustProblems(handshake);
        details.Append("### Certificate\n\n| Field | Value |\n|---|---|\n");
        Row(details, "Subject", certificate.Subject);
        Row(details, "Issuer", certificate.Issuer);
        Row(details, "Serial number", certificate.SerialNumber);
        Row(details, "Valid from", Instant(new DateTimeOffset(certificate.NotBefore)));
        Row(details, "Valid until", Instant(new DateTimeOffset(certificate.NotAfter)));
        Row(details, "Days left", daysLeft.ToString(CultureInfo.InvariantCulture));
        Row(details, "Subject alternative names", names.Count == 0 ? "(none)" : string.Join(", ", names));
        Row(details, "Host name", handshake.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) ? $"does not match \"{host}\"" : $"matches \"{host}\"");
        Row(details, "Chain", trust.Length == 0 ? "trusted" : "not trusted: " + trust);
        Row(details, "Key", KeyDescription(certificate));
        Row(details, "Signature algorithm", certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "");
        Row(details, "SHA-256 fingerprint", certificate.GetCertHashString(HashAlgorithmName.SHA256));
        details.Append('\n');
    }

    private static void AppendChain(StringBuilder details, Handshake handshake)
    {
        if (handshake.Chain.Count == 0) return;
        details.Append("### Chain\n\n| # | Subject | Valid until | Status |\n|---|---|---|---|\n");
        for (var i = 0; i < handshake.Chain.Count; i++)
        {
            var element = handshake.Chain[i];
            details.Append(CultureInfo.InvariantCulture,
                $"| {i + 1} | {MarkdownText.Escape(element.Subject)} | {Instant(element.NotAfter)} | {(element.Status == X509ChainStatusFlags.NoError ? "ok" : MarkdownText.Escape(element.Status.ToString()))} |\n");
        }
        details.Append('\n');
    }

    private static void AppendProtocols(StringBuilder details, Handshake handshake, List<ProtocolResult> protocols)
    {
        details.Append("### Protocols\n\n");
        details.Append(CultureInfo.InvariantCulture, $"Negotiated by default: {ProtocolName(handshake.Protocol)}{(handshake.CipherSuite.Length > 0 ? ", " + MarkdownText.Escape(handshake.CipherSuite) : "")}\n\n");
        details.Append("| Protocol | Accepted | Note |\n|---|---|---|\n");
        foreach (var p in protocols)
        {
            var accepted = p.Support switch { Support.Offered => "yes", Support.NotOffered => "no", _ => "unknown" };
            details.Append(CultureInfo.InvariantCulture, $"| {p.Name} | {accepted} | {MarkdownText.Escape(p.Note)} |\n");
        }
    }

    private static ProbeResult Unreachable(string endpoint, string reason) =>
        new(false, $"{endpoint}: {reason}", $"## TLS endpoint {MarkdownText.Escape(endpoint)}\n\n**Failed:** {MarkdownText.Escape(reason)}\n");

    private static string TrustProblems(Handshake handshake)
    {
        if (!handshake.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)) return "";
        var flags = handshake.ChainStatus & ~NotTrustProblems;
        // An expired intermediate or root is a chain problem even though the leaf's own dates are judged separately.
        var expiredIssuer = handshake.Chain.Skip(1).Any(e => e.Status.HasFlag(X509ChainStatusFlags.NotTimeValid));
        var parts = new List<string>();
        if (flags != X509ChainStatusFlags.NoError) parts.Add(flags.ToString());
        if (expiredIssuer) parts.Add("an issuing certificate has expired");
        if (handshake.Chain.Count == 1 && flags.HasFlag(X509ChainStatusFlags.UntrustedRoot)) parts.Add("self-signed");
        if (parts.Count == 0 && handshake.ChainStatus == X509ChainStatusFlags.NoError && handshake.Chain.Count == 0) parts.Add("the chain could not be built");
        return string.Join(", ", parts);
    }

    private static async Task<Handshake> HandshakeAsync(string host, int port, SslProtocols protocols, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var handshake = new Handshake();
        await using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsClientAsync(Options(host, protocols, handshake), cancellationToken);
        handshake.Protocol = ssl.SslProtocol;
        handshake.CipherSuite = ssl.NegotiatedCipherSuite.ToString();
        return handshake;
    }

    /// <summary>
    /// A handshake limited to one version. When it fails, whether the version is "not offered" or "unknown" depends on whether the
    /// attempt reached the server: a local TLS library that refuses the version fails before sending its ClientHello.
    /// </summary>
    private static async Task<ProtocolResult> ProbeProtocolAsync(string host, int port, string name, SslProtocols protocol, CancellationToken cancellationToken)
    {
        RecordingStream? recording = null;
        var handshake = new Handshake();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken);
            recording = new RecordingStream(client.GetStream());
            await using var ssl = new SslStream(recording, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsClientAsync(Options(host, protocol, handshake), cancellationToken);
            return new ProtocolResult(name, protocol, Support.Offered, "");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or Win32Exception or NotSupportedException or PlatformNotSupportedException)
        {
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            if (recording is null)
                return new ProtocolResult(name, protocol, Support.Unknown, "could not connect: " + ProbeErrors.Reason(e));
            if (!recording.HelloSent)
            {
                return (protocol & Obsolete) != 0
                    ? await ProbeWithMinimalHelloAsync(host, port, name, protocol, cancellationToken)
                    : new ProtocolResult(name, protocol, Support.Unknown, "not supported by this host's TLS library, so not tested");
            }
            if (recording.ServerHelloVersion is { } version && version == WireVersion(protocol))
                return new ProtocolResult(name, protocol, Support.Offered, "the server accepted it; this host's TLS library declined to finish the handshake");
            return new ProtocolResult(name, protocol, Support.NotOffered, "");
        }
        finally
        {
            handshake.Certificate?.Dispose();
        }
    }

    /// <summary>
    /// Current TLS libraries (OpenSSL 3 at its default security level) refuse to speak TLS 1.0 or 1.1 at all, yet whether a server
    /// still accepts them is what an auditor asks. So send a minimal ClientHello for that version by hand and read only the
    /// server's first answer: a ServerHello choosing that version means it is offered; an alert or a closed connection means not.
    /// </summary>
    private static async Task<ProtocolResult> ProbeWithMinimalHelloAsync(string host, int port, string name, SslProtocols protocol, CancellationToken cancellationToken)
    {
        const string how = "tested with a minimal ClientHello, as this host's TLS library no longer speaks it";
        var version = WireVersion(protocol)!.Value;
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
        }
        catch (SocketException e)
        {
            return new ProtocolResult(name, protocol, Support.Unknown, "could not connect: " + ProbeErrors.Reason(e));
        }
        var head = new byte[11];
        var read = 0;
        try
        {
            var stream = client.GetStream();
            await stream.WriteAsync(MinimalClientHello(host, version), cancellationToken);
            while (read < head.Length)
            {
                var n = await stream.ReadAsync(head.AsMemory(read), cancellationToken);
                if (n == 0) break;
                read += n;
            }
        }
        catch (IOException)
        {
            // A reset connection is a server refusing the hello.
        }
        var offered = read == head.Length && head[0] == 0x16 && head[5] == 0x02 && ((head[9] << 8) | head[10]) == version;
        return new ProtocolResult(name, protocol, offered ? Support.Offered : Support.NotOffered, how);
    }

    private static byte[] MinimalClientHello(string host, int version)
    {
        var body = new List<byte> { (byte)(version >> 8), (byte)version };
        body.AddRange(RandomNumberGenerator.GetBytes(32));
        body.Add(0); // no session id
        // ECDHE and RSA suites with AES-CBC and 3DES: what TLS 1.0/1.1 servers commonly still accept.
        ushort[] suites = [0xC013, 0xC014, 0xC009, 0xC00A, 0x0033, 0x0039, 0x002F, 0x0035, 0x000A];
        AddUInt16(body, suites.Length * 2);
        foreach (var suite in suites) AddUInt16(body, suite);
        body.AddRange([1, 0]); // compression: null only

        var extensions = new List<byte>();
        if (Uri.CheckHostName(host) == UriHostNameType.Dns)
        {
            var name = Encoding.ASCII.GetBytes(new IdnMapping().GetAscii(host));
            AddUInt16(extensions, 0x0000); // server_name
            AddUInt16(extensions, name.Length + 5);
            AddUInt16(extensions, name.Length + 3);
            extensions.Add(0); // host_name
            AddUInt16(extensions, name.Length);
            extensions.AddRange(name);
        }
        extensions.AddRange([0x00, 0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x17, 0x00, 0x18, 0x00, 0x1d]); // supported_groups: P-256, P-384, X25519
        extensions.AddRange([0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]); // ec_point_formats: uncompressed
        extensions.AddRange([0xff, 0x01, 0x00, 0x01, 0x00]); // renegotiation_info: initial handshake
        AddUInt16(body, extensions.Count);
        body.AddRange(extensions);

        var hello = new List<byte> { 0x16, 0x03, 0x01 }; // handshake record; 1.0 on the record layer, as clients send
        AddUInt16(hello, body.Count + 4);
        hello.AddRange([0x01, 0, (byte)(body.Count >> 8), (byte)body.Count]); // ClientHello
        hello.AddRange(body);
        return [.. hello];
    }

    private static void AddUInt16(List<byte> bytes, int value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }

#pragma warning disable SYSLIB0039
    private static int? WireVersion(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls => 0x0301,
        SslProtocols.Tls11 => 0x0302,
        SslProtocols.Tls12 => 0x0303,
        _ => null, // a TLS 1.3 ServerHello carries 0x0303 for compatibility; its real version is in an extension
    };

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        SslProtocols.Tls11 => "TLS 1.1",
        SslProtocols.Tls => "TLS 1.0",
        _ => protocol.ToString(),
    };
#pragma warning restore SYSLIB0039

    private static SslClientAuthenticationOptions Options(string host, SslProtocols protocols, Handshake handshake) => new()
    {
        TargetHost = host,
        EnabledSslProtocols = protocols,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        // Accept everything: the probe reports on the certificate rather than refusing to look at it.
        RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            handshake.PolicyErrors = errors;
            handshake.Certificate?.Dispose();
            handshake.Certificate = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (chain is not null)
            {
                handshake.ChainStatus = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
                handshake.Chain.Clear();
                foreach (var element in chain.ChainElements)
                {
                    var status = element.ChainElementStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
                    handshake.Chain.Add(new ChainElement(element.Certificate.Subject, new DateTimeOffset(element.Certificate.NotAfter).ToUniversalTime(), status));
                }
            }
            return true;
        },
    };

    private static bool TryParseEndpoint(string target, out string host, out int port, out string error)
    {
        host = "";
        port = 443;
        error = "";
        var text = (target ?? "").Trim();
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            host = uri.IdnHost.Trim('[', ']');
            port = uri.Port;
            return true;
        }
        if (text.Length == 0)
        {
            error = "Target is required: host:port, e.g. example.com:443.";
            return false;
        }
        string portText = "";
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                error = $"Target \"{text}\" has an unclosed IPv6 bracket; write [::1]:443.";
                return false;
            }
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    error = $"Target \"{text}\" must be host:port.";
                    return false;
                }
                portText = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') > 1 && IPAddress.TryParse(text, out _))
        {
            host = text; // a bare IPv6 address
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? "" : text[(colon + 1)..];
        }
        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '@'))
        {
            error = $"Target \"{text}\" must be host:port, e.g. example.com:443.";
            return false;
        }
        if (portText.Length > 0 && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"Target \"{text}\": port \"{portText}\" must be a number from 1 to 65535.";
            return false;
        }
        return true;
    }

    private static List<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames().Select(n => "DNS:" + n));
            names.AddRange(extension.EnumerateIPAddresses().Select(a => "IP:" + a));
        }
        return names;
    }

    private static string KeyDescription(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPublicKey()) if (rsa is not null) return $"RSA {rsa.KeySize} bits";
        using (var ecdsa = certificate.GetECDsaPublicKey()) if (ecdsa is not null) return $"ECDSA {ecdsa.KeySize} bits";
        return certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown";
    }

    private static void Row(StringBuilder details, string field, string value) =>
        details.Append("| ").Append(field).Append(" | ").Append(MarkdownText.Escape(value)).Append(" |\n");

    private static string DaysAgo(TimeSpan elapsed) => (int)elapsed.TotalDays switch
    {
        0 => "today",
        1 => "1 day ago",
        var days => $"{days} days ago",
    };

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Counts bytes sent and keeps the start of the server's first answer, to tell "refused here" from "refused there".</summary>
    private sealed class RecordingStream(Stream inner) : Stream
    {
        private readonly byte[] _head = new byte[16];
        private int _headLength;

        /// <summary>Whether the first record sent was a handshake record (the ClientHello) rather than, say, an alert.</summary>
        public bool HelloSent { get; private set; }

        private bool _wrote;

        /// <summary>The version a ServerHello selected, if the server's first record was one.</summary>
        public int? ServerHelloVersion =>
            _headLength >= 11 && _head[0] == 0x16 && _head[5] == 0x02 ? (_head[9] << 8) | _head[10] : null;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Remember(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Remember(buffer.Span[..read]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Sending(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Sending(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private void Sending(ReadOnlySpan<byte> bytes)
        {
            if (_wrote || bytes.Length == 0) return;
            _wrote = true;
            HelloSent = bytes[0] == 0x16;
        }

        private int Remember(ReadOnlySpan<byte> read)
        {
            var take = Math.Min(read.Length, _head.Length - _headLength);
            read[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            return read.Length;
        }
    }
}
