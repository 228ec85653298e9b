using System.Text.RegularExpressions;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

public sealed record TrustPageSettings(bool Enabled, string? Slug, string? Summary, string? CertificationStatement, int Version);

/// <summary>Switches the organization's public trust page on or off and words what it says.</summary>
public sealed partial class UpdateTrustPage(AttestDbContext db)
{
    public async Task RunAsync(TrustPageSettings input, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var slug = input.Slug?.Trim().ToLowerInvariant();
        var validation = new Validation().MaxLength(nameof(input.Summary), input.Summary, 10_000).MaxLength(nameof(input.CertificationStatement), input.CertificationStatement, 10_000);
        if (!string.IsNullOrEmpty(slug) && !SlugPattern().IsMatch(slug))
        {
            validation.Add(nameof(input.Slug), "use 3 to 80 lower-case letters, digits and hyphens, starting with a letter (e.g. lumen-services).");
        }
        if (input.Enabled && string.IsNullOrEmpty(slug)) validation.Add(nameof(input.Slug), "is required to switch the trust page on.");
        if (!string.IsNullOrEmpty(slug) && await db.Organizations.AnyAsync(o => o.TrustSlug == slug && o.Id != organizationId, cancellationToken))
        {
            validation.Add(nameof(input.Slug), $"/trust/{slug} is taken by another organization.");
        }
        validation.ThrowIfInvalid();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        db.Entry(organization).Property(o => o.Version).OriginalValue = input.Version;
        organization.TrustPageEnabled = input.Enabled;
        organization.TrustSlug = string.IsNullOrEmpty(slug) ? null : slug;
        organization.TrustSummary = input.Summary?.Trim() ?? "";
        organization.CertificationStatement = input.CertificationStatement?.Trim() ?? "";
        await db.SaveAsync("trust page", cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,79}$")]
    private static partial Regex SlugPattern();
}

/// <summary>What anyone on the internet may read about an organization: its own words, the certifications it chose to state, and its public, published policies. Nothing else.</summary>
public static class TrustPage
{
    public sealed record PublicDocument(string Reference, string Title, string Summary, string Relevance, string Number, DateOnly? EffectiveOn, string? Body);

    /// <summary>Certifications: the programmes flagged for the trust page, as their certificates and audits stand today.</summary>
    public sealed record View(string OrganizationName, string Summary, string CertificationStatement, IReadOnlyList<PublicDocument> Documents,
        IReadOnlyList<Certification.PublicCertification> Certifications);

    /// <summary>The page for <paramref name="slug"/>, or null when there is none or it is switched off (the caller answers 404 either way).</summary>
    public static async Task<View?> LoadAsync(AttestDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        var wanted = slug.Trim().ToLowerInvariant();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.TrustSlug == wanted && o.TrustPageEnabled)
            .Select(o => new { o.Id, o.Name, o.TrustSummary, o.CertificationStatement }).FirstOrDefaultAsync(cancellationToken);
        if (organization is null) return null;
        using var scope = db.Acting.ActIn(organization.Id, OrganizationRole.Employee);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.ListPublicly && !d.Retired && d.Classification == DocumentClassification.Public && d.PublishedVersionId != null)
            .Join(db.DocumentVersions.Where(v => v.Status == DocumentVersionStatus.Published), d => d.PublishedVersionId, v => v.Id,
                (d, v) => new { d.Reference, d.PublishFullText, v.Id, v.Title, v.Summary, v.Major, v.Minor, v.EffectiveOn, v.Body })
            .OrderBy(x => x.Title)
            .Select(x => new { x.Reference, x.Id, x.Title, x.Summary, x.Major, x.Minor, x.EffectiveOn, Body = x.PublishFullText ? x.Body : null })
            .ToListAsync(cancellationToken);
        var relevance = await DocumentQueries.RelevanceAsync(db, documents.Select(d => d.Id).ToList(), cancellationToken);
        var certifications = await Certification.CertificationQueries.PublicAsync(db, cancellationToken);
        return new View(organization.Name, organization.TrustSummary, organization.CertificationStatement,
            documents.Select(d => new PublicDocument(d.Reference, d.Title, d.Summary, relevance.GetValueOrDefault(d.Id, ""), $"{d.Major}.{d.Minor}", d.EffectiveOn, d.Body)).ToList(),
            certifications);
    }
}
