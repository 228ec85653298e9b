using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Attest.Evidence;

/// <summary>
/// Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, …), for several instances without a shared disk. Objects are
/// addressed path-style, <c>{endpoint}/{bucket}/evidence/ab/cd/&lt;sha256&gt;</c>, and every request is signed with AWS Signature
/// Version 4. Because the name is the SHA-256 of the content, an upload is signed with that hash as its payload hash and streams
/// from the temporary file without being read twice.
/// </summary>
/// <remarks>
/// The credentials need s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on the bucket: without ListBucket, AWS answers
/// a HEAD for a missing object with 403 instead of 404, and every first upload of a file would fail.
/// </remarks>
public sealed class S3EvidenceStore : IEvidenceStore
{
    public const string EndpointVariable = "ATTEST_S3_ENDPOINT";
    public const string BucketVariable = "ATTEST_S3_BUCKET";
    public const string RegionVariable = "ATTEST_S3_REGION";
    public const string AccessKeyVariable = "ATTEST_S3_ACCESS_KEY";
    public const string SecretKeyVariable = "ATTEST_S3_SECRET_KEY";
    public const string DefaultRegion = "us-east-1";

    private readonly Uri _endpoint;
    private readonly string _bucket;
    private readonly string _region;
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    /// <param name="endpoint">The service address, e.g. <c>https://s3.eu-central-1.amazonaws.com</c> or <c>http://minio:9000</c>.</param>
    /// <param name="http">Used for every request; the caller keeps ownership.</param>
    public S3EvidenceStore(string endpoint, string bucket, string region, string accessKey, string secretKey, HttpClient http, TimeProvider? clock = null)
    {
        if (!Uri.TryCreate(endpoint?.Trim().TrimEnd('/'), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{endpoint}' is not an http(s) address.", nameof(endpoint));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        ArgumentNullException.ThrowIfNull(http);
        _endpoint = address;
        _bucket = bucket.Trim();
        _region = region.Trim();
        _accessKey = accessKey.Trim();
        _secretKey = secretKey;
        _http = http;
        _clock = clock ?? TimeProvider.System;
    }

    public string Bucket => _bucket;

    /// <summary>
    /// The store configured by ATTEST_S3_ENDPOINT, ATTEST_S3_BUCKET, ATTEST_S3_REGION (default us-east-1), ATTEST_S3_ACCESS_KEY and
    /// ATTEST_S3_SECRET_KEY, with its own HttpClient.
    /// </summary>
    /// <exception cref="InvalidOperationException">A required variable is not set (the message names every one missing).</exception>
    public static S3EvidenceStore FromEnvironment()
    {
        static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;
        var missing = new[] { EndpointVariable, BucketVariable, AccessKeyVariable, SecretKeyVariable }.Where(name => Read(name) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"ATTEST_EVIDENCE_STORE is s3 but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set: the S3 store needs " +
                $"{EndpointVariable}, {BucketVariable}, {AccessKeyVariable} and {SecretKeyVariable} ({RegionVariable} defaults to {DefaultRegion}).");
        }
        var endpoint = Read(EndpointVariable)!;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{EndpointVariable} is '{endpoint}': give the http(s) address of the S3 service.");
        }
        // Uploads of large files take as long as they take; the handler still recycles connections so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromHours(1) };
        return new S3EvidenceStore(endpoint, Read(BucketVariable)!, Read(RegionVariable) ?? DefaultRegion, Read(AccessKeyVariable)!, Read(SecretKeyVariable)!, http);
    }

    /// <summary>The object key of a file: <c>evidence/ab/cd/abcd…</c>.</summary>
    public static string KeyOf(string sha256)
    {
        if (sha256 is null || sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("Not a SHA-256 in hex.", nameof(sha256));
        var name = sha256.ToLowerInvariant();
        return $"evidence/{name[..2]}/{name[2..4]}/{name}";
    }

    public async Task PutAsync(string sha256, string temporaryFile, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        if (!await ExistsAsync(sha256, cancellationToken))
        {
            await using var content = new FileStream(temporaryFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var request = new HttpRequestMessage(HttpMethod.Put, ObjectUri(key)) { Content = new StreamContent(content, 81920) };
            request.Content.Headers.ContentLength = content.Length;
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // The key is the content's SHA-256, which is exactly the payload hash S3 checks the body against.
            using var response = await SendAsync(request, sha256.ToLowerInvariant(), HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode) throw await FailureAsync(response, "PUT", key, cancellationToken);
        }
        File.Delete(temporaryFile);
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        var request = new HttpRequestMessage(HttpMethod.Get, ObjectUri(key));
        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(request, AwsSignatureV4.EmptyPayloadHash, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var failure = await FailureAsync(response, "GET", key, cancellationToken);
                // A missing bucket is a configuration error, not a missing file.
                if (failure.ErrorCode is null or "NoSuchKey") return null;
                throw failure;
            }
            if (!response.IsSuccessStatusCode) throw await FailureAsync(response, "GET", key, cancellationToken);
            // Disposing the content stream releases the connection; the response holds nothing else.
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            response = null;
            return stream;
        }
        finally
        {
            response?.Dispose();
            request.Dispose();
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        using var request = new HttpRequestMessage(HttpMethod.Head, ObjectUri(key));
        using var response = await SendAsync(request, AwsSignatureV4.EmptyPayloadHash, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, "HEAD", key, cancellationToken);
        return true;
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        using var request = new HttpRequestMessage(HttpMethod.Delete, ObjectUri(key));
        using var response = await SendAsync(request, AwsSignatureV4.EmptyPayloadHash, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound) throw await FailureAsync(response, "DELETE", key, cancellationToken);
    }

    /// <summary>Creates the bucket (in the store's region); a bucket this account already owns is fine. For setting up a test or a new installation.</summary>
    public async Task CreateBucketAsync(CancellationToken cancellationToken = default)
    {
        // us-east-1 is the one region that takes no location constraint (and refuses one).
        var body = _region == DefaultRegion
            ? []
            : Encoding.UTF8.GetBytes($"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{System.Security.SecurityElement.Escape(_region)}</LocationConstraint></CreateBucketConfiguration>");
        using var request = new HttpRequestMessage(HttpMethod.Put, BucketUri()) { Content = new ByteArrayContent(body) };
        using var response = await SendAsync(request, Convert.ToHexStringLower(SHA256.HashData(body)), HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        var failure = await FailureAsync(response, "PUT", "", cancellationToken);
        if (failure.ErrorCode != "BucketAlreadyOwnedByYou") throw failure;
    }

    private Uri BucketUri() => new($"{_endpoint.AbsoluteUri.TrimEnd('/')}/{AwsSignatureV4.EncodePath(_bucket)}");

    private Uri ObjectUri(string key) => new($"{BucketUri().AbsoluteUri}/{AwsSignatureV4.EncodePath(key)}");

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string payloadHash, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        AwsSignatureV4.Sign(request, payloadHash, _region, "s3", _accessKey, _secretKey, _clock.GetUtcNow());
        return _http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>The S3 error of a response as an exception: status, error code and message from the XML body (which never holds the secret).</summary>
    private async Task<S3StoreException> FailureAsync(HttpResponseMessage response, string method, string key, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            // Error documents are small; read no more than a few kilobytes of whatever came back.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[16 * 1024];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
            if (length > 0)
            {
                using var reader = XmlReader.Create(new MemoryStream(buffer, 0, length),
                    new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = buffer.Length * 4 });
                var error = XDocument.Load(reader).Root;
                code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value.Trim();
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
            }
        }
        catch (XmlException)
        {
            // Not an S3 error document (a proxy's page, say): the status alone has to do.
        }
        var target = key.Length == 0 ? _bucket : $"{_bucket}/{key}";
        var text = new StringBuilder($"S3 {method} {target} failed: {(int)response.StatusCode} {response.ReasonPhrase}");
        if (!string.IsNullOrEmpty(code)) text.Append(": ").Append(code);
        if (!string.IsNullOrEmpty(message)) text.Append(" (").Append(message).Append(')');
        return new S3StoreException(response.StatusCode, string.IsNullOrEmpty(code) ? null : code, text.ToString());
    }
}

/// <summary>An S3 request the service refused, with the HTTP status and the S3 error code (e.g. <c>SignatureDoesNotMatch</c>, <c>NoSuchBucket</c>).</summary>
public sealed class S3StoreException(HttpStatusCode status, string? errorCode, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;
}

/// <summary>
/// AWS Signature Version 4 for a request sent in one piece (no chunked signing): signs the host, <c>x-amz-date</c> and
/// <c>x-amz-content-sha256</c> headers and adds the <c>Authorization</c> header.
/// </summary>
internal static class AwsSignatureV4
{
    /// <summary>The SHA-256 of no bytes: the payload hash of GET, HEAD and DELETE.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static void Sign(HttpRequestMessage request, string payloadHash, string region, string service, string accessKey, string secretKey, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no address.", nameof(request));
        var utc = now.UtcDateTime;
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var stamp = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("x-amz-date");
        request.Headers.Remove("x-amz-content-sha256");
        request.Headers.TryAddWithoutValidation("x-amz-date", stamp);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);

        // HttpClient sends Host as the authority, without the port when it is the scheme's default: sign the same.
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = stamp,
        };
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.Method.ToUpperInvariant(),
            uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath,
            CanonicalQuery(uri.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, stamp, scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", $"{Algorithm} Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>A path with each segment percent-encoded as SigV4 wants (unreserved characters kept, slashes between segments kept).</summary>
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Encode));

    /// <summary>RFC 3986 encoding: A–Z, a–z, 0–9, '-', '.', '_' and '~' stay; every other UTF-8 byte becomes %XX.</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~') result.Append(c);
            else result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    /// <summary>Query parameters sorted by name then value, each name and value encoded once (as sent, decoded first).</summary>
    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1) return "";
        return string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var split = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(split < 0 ? pair : pair[..split]);
                var value = split < 0 ? "" : Uri.UnescapeDataString(pair[(split + 1)..]);
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }
}
