using System.Security.Cryptography;
using Attest.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Attest.AuditPacks;

/// <summary>
/// The organization's audit pack signing key: found, or created on first use. The private key is kept only as PKCS#8 protected with the
/// installation's data-protection keys (which live in the database, so every <c>attest serve</c> and the CLI can sign); it never leaves this class.
/// </summary>
public sealed class PackSigningKeys(AttestDbContext db, IDataProtectionProvider protection)
{
    /// <summary>The data-protection purpose of pack signing keys.</summary>
    public const string Purpose = "Attest.AuditPacks.SigningKey";

    /// <summary>The organization's key in use, or null before the first export (nothing is created).</summary>
    public Task<PackSigningKey?> CurrentAsync(CancellationToken cancellationToken = default) =>
        db.PackSigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether <paramref name="fingerprint"/> is one of this organization's keys, in use or retired.</summary>
    public Task<bool> IsOursAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        var wanted = fingerprint.Trim().ToLowerInvariant();
        return db.PackSigningKeys.AsNoTracking().AnyAsync(k => k.Fingerprint == wanted, cancellationToken);
    }

    /// <summary>The key in use with its private half ready to sign, creating and saving a new P-256 key when the organization has none.</summary>
    internal async Task<(PackSigningKey Key, ECDsa Signer)> SignerAsync(CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(Purpose);
        if (await CurrentAsync(cancellationToken) is { } existing)
        {
            var signer = ECDsa.Create();
            signer.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(existing.ProtectedPrivateKey)), out _);
            return (existing, signer);
        }

        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = created.ExportSubjectPublicKeyInfo();
        var key = new PackSigningKey
        {
            PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", publicKey),
            ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(created.ExportPkcs8PrivateKey())),
            Fingerprint = Fingerprint(publicKey),
            CreatedAt = Instant.Now(db.Clock),
        };
        db.PackSigningKeys.Add(key);
        await db.SaveAsync("pack signing key", cancellationToken);
        return (key, created);
    }

    /// <summary>Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo: what <c>openssl pkey -pubin -outform DER | sha256sum</c> prints.</summary>
    public static string Fingerprint(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
}

/// <summary>One export as the list of past exports shows it.</summary>
public sealed record AuditPackExportRow(DateOnly AsAt, DateTimeOffset ExportedAt, string ExportedBy, int FileCount, string ManifestSha256, string KeyFingerprint);

/// <summary>The exports made so far, newest first, and the key in use: what the pack page and the API show before anything is exported.</summary>
public sealed record AuditPackOverview(string? KeyFingerprint, IReadOnlyList<AuditPackExportRow> Exports, bool HasMore);

public static class AuditPackExports
{
    /// <summary>One page of exports (newest first) with the current key's fingerprint: two queries.</summary>
    public static async Task<AuditPackOverview> OverviewAsync(AttestDbContext db, int page, int size = 50, CancellationToken cancellationToken = default)
    {
        var fingerprint = await db.PackSigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt)
            .Select(k => k.Fingerprint).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.AuditPackExports.AsNoTracking()
            .Join(db.PackSigningKeys, e => e.SigningKeyId, k => k.Id, (e, k) => new { e.AsAt, e.ExportedAt, e.ExportedBy, e.FileCount, e.ManifestSha256, k.Fingerprint })
            .OrderByDescending(e => e.ExportedAt).Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .Select(e => new AuditPackExportRow(e.AsAt, e.ExportedAt, e.ExportedBy, e.FileCount, e.ManifestSha256, e.Fingerprint))
            .ToListAsync(cancellationToken);
        return new AuditPackOverview(fingerprint, rows.Take(size).ToList(), rows.Count > size);
    }
}
