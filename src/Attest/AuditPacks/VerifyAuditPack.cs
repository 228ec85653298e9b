using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attest.AuditPacks;

/// <summary>
/// What verifying a pack found: <see cref="Ok"/>, or the first problem, naming the file (<see cref="File"/>) where there is one. The organization,
/// as-at date and key fingerprint are filled in whenever the manifest could be read. <see cref="KeyIsOurs"/> is set only where Attest knows the
/// organization (the page, the API, the CLI with an organization); otherwise null.
/// </summary>
public sealed record PackVerification(bool Ok, string? File, string Message, string? Organization = null, DateOnly? AsAt = null, string? Fingerprint = null,
    int Files = 0, bool? KeyIsOurs = null)
{
    /// <summary>The result in one line: "ok: …" or "FILE: problem".</summary>
    public string Describe() => Ok ? Message : File is null ? Message : $"{File}: {Message}";

    /// <summary>Whose key signed the pack, in words, when Attest could tell; otherwise null.</summary>
    public string? KeyText => KeyIsOurs switch
    {
        true => "It was signed with this organization's key.",
        false => $"It was NOT signed with any key of this organization (fingerprint {Fingerprint}).",
        _ => null,
    };
}

/// <summary>
/// Checks an audit pack using nothing but the ZIP: the manifest is well formed, its signature verifies with the pack's own public key (whose
/// fingerprint the manifest names), every listed file is present with the listed size and SHA-256, and no file is present that is not listed.
/// Stops at the first problem. A file's size is compared before it is read, so a pack cannot make the check decompress more than the signed
/// manifest declares.
/// </summary>
public static class VerifyAuditPack
{
    /// <summary>Verifies the pack and says whether its key is one of the acting organization's (by fingerprint).</summary>
    public static async Task<PackVerification> RunAsync(Stream zip, PackSigningKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = Run(zip);
        return result.Fingerprint is null ? result : result with { KeyIsOurs = await keys.IsOursAsync(result.Fingerprint, cancellationToken) };
    }

    /// <summary>Verifies the pack in <paramref name="zip"/> (read, left open).</summary>
    public static PackVerification Run(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new PackVerification(false, null, "the file is not a ZIP archive.");
        }

        using (archive)
        {
            try
            {
                return Check(archive);
            }
            catch (InvalidDataException e)
            {
                return new PackVerification(false, null, $"the ZIP archive is damaged ({e.Message}).");
            }
        }
    }

    private static PackVerification Check(ZipArchive archive)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            if (!entries.TryAdd(entry.FullName, entry)) return new PackVerification(false, entry.FullName, "appears more than once in the pack.");
        }

        if (!entries.TryGetValue(PackManifest.ManifestName, out var manifestEntry)) return new PackVerification(false, PackManifest.ManifestName, "missing from the pack.");
        var manifestBytes = ReadSmall(manifestEntry, 64 * 1024 * 1024);
        if (manifestBytes is null) return new PackVerification(false, PackManifest.ManifestName, "is too large to be a manifest.");
        PackManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PackManifest>(manifestBytes, PackManifest.Json);
        }
        catch (JsonException e)
        {
            return new PackVerification(false, PackManifest.ManifestName, $"is not a valid manifest ({e.Message}).");
        }
        if (Malformed(manifest) is { } problem) return new PackVerification(false, PackManifest.ManifestName, $"is not a valid manifest ({problem}).");

        PackVerification Fail(string? file, string message) =>
            new(false, file, message, manifest!.Organization, manifest.AsAt, manifest.Key.Fingerprint, manifest.Files.Count);

        if (!entries.TryGetValue(PackManifest.PublicKeyName, out var keyEntry)) return Fail(PackManifest.PublicKeyName, "missing from the pack.");
        if (!entries.TryGetValue(PackManifest.SignatureName, out var signatureEntry)) return Fail(PackManifest.SignatureName, "missing from the pack.");
        using var key = ECDsa.Create();
        byte[] publicKey;
        try
        {
            var pem = Encoding.ASCII.GetString(ReadSmall(keyEntry, 64 * 1024) ?? []);
            key.ImportFromPem(pem);
            publicKey = key.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return Fail(PackManifest.PublicKeyName, "is not an EC public key in PEM form.");
        }
        if (key.KeySize != 256) return Fail(PackManifest.PublicKeyName, "is not a P-256 key.");
        if (!string.Equals(PackSigningKeys.Fingerprint(publicKey), manifest!.Key.Fingerprint, StringComparison.OrdinalIgnoreCase))
            return Fail(PackManifest.PublicKeyName, "does not match the key fingerprint in the manifest.");

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Encoding.ASCII.GetString(ReadSmall(signatureEntry, 64 * 1024) ?? []).Trim());
        }
        catch (FormatException)
        {
            return Fail(PackManifest.SignatureName, "is not a base64 signature.");
        }
        bool signed;
        try
        {
            signed = key.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            signed = false;
        }
        if (!signed) return Fail(PackManifest.SignatureName, "the signature does not match manifest.json (the manifest or the signature was changed).");

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!listed.Add(file.Path)) return Fail(PackManifest.ManifestName, $"lists {file.Path} more than once.");
            if (!entries.TryGetValue(file.Path, out var entry)) return Fail(file.Path, "listed in the manifest but missing from the pack.");
            if (entry.Length != file.Bytes) return Fail(file.Path, $"SHA-256 differs from the manifest (size {entry.Length} bytes, the manifest says {file.Bytes}).");
            using var content = entry.Open();
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256, StringComparison.OrdinalIgnoreCase))
                return Fail(file.Path, "SHA-256 differs from the manifest.");
        }
        foreach (var name in entries.Keys.Order(StringComparer.Ordinal))
        {
            if (!listed.Contains(name) && !PackManifest.Envelope.Contains(name)) return Fail(name, "present in the pack but not listed in the manifest.");
        }

        return new PackVerification(true, null,
            $"ok: {manifest.Files.Count} files match the signed manifest of {manifest.Organization} as at {manifest.AsAt:yyyy-MM-dd} (key {manifest.Key.Fingerprint}).",
            manifest.Organization, manifest.AsAt, manifest.Key.Fingerprint, manifest.Files.Count);
    }

    private static string? Malformed(PackManifest? manifest)
    {
        if (manifest is null) return "empty";
        if (manifest.Format != PackManifest.CurrentFormat) return $"format is '{manifest.Format}', expected '{PackManifest.CurrentFormat}'";
        if (string.IsNullOrWhiteSpace(manifest.Organization)) return "no organization";
        if (manifest.Key is null || string.IsNullOrWhiteSpace(manifest.Key.Fingerprint)) return "no key fingerprint";
        if (manifest.Files is null) return "no file list";
        foreach (var file in manifest.Files)
        {
            if (file is null || string.IsNullOrWhiteSpace(file.Path)) return "a file without a path";
            if (file.Sha256 is not { Length: 64 } || !file.Sha256.All(char.IsAsciiHexDigit)) return $"{file.Path} has no SHA-256";
            if (file.Bytes < 0) return $"{file.Path} has a negative size";
        }
        return null;
    }

    private static byte[]? ReadSmall(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit) return null;
        using var content = entry.Open();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }
}
