using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attest.AuditPacks;

/// <summary>One file of a pack as the manifest lists it.</summary>
public sealed record PackManifestFile(string Path, string Sha256, long Bytes);

/// <summary>The signing key as the manifest names it.</summary>
public sealed record PackManifestKey(Guid Id, string Fingerprint, string Algorithm);

/// <summary>
/// <c>manifest.json</c>: what the pack is (organization, as-at date, when and by whom it was generated), the key that signed it, and every
/// file with its SHA-256 and size. <c>manifest.sig</c> signs its exact bytes.
/// </summary>
public sealed record PackManifest(
    string Format, string Organization, DateOnly AsAt, string TimeZone, DateTimeOffset GeneratedAt, string GeneratedBy, PackManifestKey Key,
    IReadOnlyList<PackManifestFile> Files)
{
    /// <summary>The value of <see cref="Format"/> this version of Attest writes and reads.</summary>
    public const string CurrentFormat = "attest-audit-pack/1";

    public const string ManifestName = "manifest.json";
    public const string SignatureName = "manifest.sig";
    public const string PublicKeyName = "signing-key.pem";

    /// <summary>The three files that describe the pack rather than belong to it; the manifest cannot list its own hash.</summary>
    public static readonly IReadOnlySet<string> Envelope = new HashSet<string>(StringComparer.Ordinal) { ManifestName, SignatureName, PublicKeyName };

    public const string Algorithm = "ECDSA P-256 with SHA-256; manifest.sig is the DER signature, base64";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
