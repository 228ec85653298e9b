using System.Security.Cryptography;

namespace Attest.Evidence;

/// <summary>
/// Where evidence files live, by the SHA-256 of their content. Content never changes under a name, so putting the same content
/// twice is harmless and concurrent instances need no coordination. The local folder is the default; an S3-compatible bucket
/// serves several instances.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores a fully received temporary file under its hash (moving it, or uploading and deleting it); a no-op when present.</summary>
    Task PutAsync(string sha256, string temporaryFile, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when the store has no such file.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    Task DeleteAsync(string sha256, CancellationToken cancellationToken = default);
}

/// <summary>Files under a folder outside the web root: <c>ab/cd/abcd…</c>. A received file is moved into place, so a name only ever holds complete content.</summary>
public sealed class LocalEvidenceStore(string root) : IEvidenceStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public Task PutAsync(string sha256, string temporaryFile, CancellationToken cancellationToken = default)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
        {
            File.Delete(temporaryFile);
            return Task.CompletedTask;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(temporaryFile, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another request stored the same content meanwhile: same name, same bytes.
            File.Delete(temporaryFile);
        }
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("Not a SHA-256 in hex.", nameof(sha256));
        var name = sha256.ToLowerInvariant();
        return Path.Combine(Root, name[..2], name[2..4], name);
    }
}

/// <summary>A file received in full into a temporary file: its hash, size, the type detected from its content, and the name it was sent with.</summary>
public sealed record ReceivedFile(string TemporaryPath, string Sha256, long Size, string ContentType, string FileName) : IDisposable
{
    /// <summary>Removes the temporary file if it was not stored (a failed save leaves nothing behind).</summary>
    public void Dispose()
    {
        if (File.Exists(TemporaryPath)) File.Delete(TemporaryPath);
    }
}

/// <summary>Receives uploads: streams to a temporary file while hashing and counting, and stops at the size limit.</summary>
public sealed class EvidenceUploads(EvidenceOptions options)
{
    public long MaxBytes => options.MaxUploadBytes;

    public async Task<ReceivedFile> ReceiveAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = "upload";
        if (name.Length > 255) name = name[^255..];
        Directory.CreateDirectory(options.TemporaryFolder);
        var temporary = Path.Combine(options.TemporaryFolder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[ContentSniffer.HeadLength];
            var headLength = 0;
            long size = 0;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > options.MaxUploadBytes)
                    {
                        throw ValidationFailedException.For("File", $"{name} is larger than the limit of {options.MaxUploadBytes / (1024 * 1024)} MB.");
                    }
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size == 0) throw ValidationFailedException.For("File", $"{name} is empty.");
            return new ReceivedFile(temporary, Convert.ToHexStringLower(hash.GetHashAndReset()), size, ContentSniffer.Detect(head.AsSpan(0, headLength), name), name);
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
    }
}

/// <summary>Where evidence files go and how large they may be (Attest:Evidence in configuration; ATTEST_DATA/evidence by default).</summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
    /// <summary>Folder for files being received; must be on the same file system as a local store for atomic moves.</summary>
    public string TemporaryFolder { get; set; } = "";
}

/// <summary>
/// Evidence storage from the environment: ATTEST_EVIDENCE_MAX_MB (default 50); ATTEST_EVIDENCE_STORE=local (default, under
/// ATTEST_DATA/evidence) or s3 with ATTEST_S3_ENDPOINT, ATTEST_S3_BUCKET, ATTEST_S3_REGION, ATTEST_S3_ACCESS_KEY and ATTEST_S3_SECRET_KEY.
/// </summary>
public static class EvidenceStorage
{
    public static EvidenceOptions OptionsFromEnvironment(string dataFolder)
    {
        var options = new EvidenceOptions { TemporaryFolder = Path.Combine(dataFolder, "evidence", "incoming") };
        if (Environment.GetEnvironmentVariable("ATTEST_EVIDENCE_MAX_MB") is { Length: > 0 } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var megabytes) || megabytes is < 1 or > 10_240)
            {
                throw new InvalidOperationException($"ATTEST_EVIDENCE_MAX_MB is '{text}': give a whole number of megabytes from 1 to 10240.");
            }
            options.MaxUploadBytes = megabytes * 1024L * 1024;
        }
        return options;
    }

    public static IEvidenceStore StoreFromEnvironment(string dataFolder) =>
        (Environment.GetEnvironmentVariable("ATTEST_EVIDENCE_STORE") ?? "local").Trim().ToLowerInvariant() switch
        {
            "local" or "" => new LocalEvidenceStore(Path.Combine(dataFolder, "evidence", "files")),
            "s3" => S3EvidenceStore.FromEnvironment(),
            var other => throw new InvalidOperationException($"ATTEST_EVIDENCE_STORE is '{other}': use local or s3."),
        };
}

/// <summary>How evidence files leave Attest: as attachments, in a type that no browser renders as a page.</summary>
public static class EvidenceDownloads
{
    /// <summary>Markup (HTML, XML, SVG) is served as plain bytes; everything else as detected.</summary>
    public static string ServedType(string detected) =>
        detected is ContentSniffer.Html or "application/xml" or "image/svg+xml" ? ContentSniffer.Octets : detected;

    /// <summary>A download name without path or control characters; the hash when none is given.</summary>
    public static string SafeName(string? name, string sha256)
    {
        var cleaned = new string(Path.GetFileName(name ?? "").Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray()).Trim();
        return cleaned.Length == 0 ? sha256 : cleaned;
    }

    /// <summary>Even if a browser ignored the attachment, the response runs no script and is not sniffed.</summary>
    public static void Harden(Microsoft.AspNetCore.Http.HttpResponse response)
    {
        response.Headers["Content-Security-Policy"] = "sandbox; default-src 'none'";
        response.Headers["X-Content-Type-Options"] = "nosniff";
    }
}
