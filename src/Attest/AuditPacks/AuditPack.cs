namespace Attest.AuditPacks;

/// <summary>
/// The organization's key for signing audit pack manifests (ECDSA P-256). The public key travels in every pack so an auditor can
/// verify it without Attest; the private key is stored only encrypted with the installation's data-protection keys.
/// </summary>
public sealed class PackSigningKey : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>SubjectPublicKeyInfo, PEM.</summary>
    public required string PublicKeyPem { get; set; }
    /// <summary>The PKCS#8 private key protected by ASP.NET Core data protection; never shown or exported.</summary>
    [Secret]
    public required string ProtectedPrivateKey { get; set; }
    /// <summary>SHA-256 of the public key (hex), shown on the pack page so an auditor can compare it.</summary>
    public required string Fingerprint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when replaced; packs signed with it still verify, as the pack names the key.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A record of an audit pack exported: who, when, as at which date, and the manifest's digest, so a pack can be traced.</summary>
public sealed class AuditPackExport : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public DateOnly AsAt { get; set; }
    public DateTimeOffset ExportedAt { get; set; }
    public Guid? ExportedByUserId { get; set; }
    public string ExportedBy { get; set; } = "";
    public int FileCount { get; set; }
    /// <summary>SHA-256 of manifest.json (hex).</summary>
    public required string ManifestSha256 { get; set; }
    public Guid SigningKeyId { get; set; }
}
