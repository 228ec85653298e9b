using System.Text;
using System.Text.Json;
using Attest.Data;
using Attest.Frameworks.Oscal;
using Microsoft.EntityFrameworkCore;

namespace Attest.Frameworks;

/// <summary>
/// Imports a framework file into the acting organization: an OSCAL catalog, an OSCAL profile (resolved against
/// a catalog the organization imported before), or Attest YAML. A bad file changes nothing and says what and where.
/// </summary>
public sealed class ImportFrameworkFile(AttestDbContext db, ImportFramework import)
{
    public async Task<FrameworkImport> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        // Read once, within the size limit, so the format can be sniffed and the file parsed without a second pass.
        var bytes = await ReadLimitedAsync(content, fileName, cancellationToken);
        var document = await ParseAsync(bytes, fileName, cancellationToken);
        return await import.RunAsync(document, FrameworkSource.Imported, cancellationToken, Path.GetFileNameWithoutExtension(fileName));
    }

    private async Task<CatalogDocument> ParseAsync(byte[] bytes, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimStart();
            var isJson = text.StartsWith('{') || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (!isJson) return FrameworkYaml.Read(new StringReader(text), fileName);

            var model = OscalProfile.ModelOf(new MemoryStream(bytes), fileName);
            if (model == "profile")
            {
                var profile = OscalProfile.ReadProfile(new MemoryStream(bytes), fileName);
                var catalogs = await ImportedCatalogsAsync(cancellationToken);
                return OscalProfile.Resolve(profile, href => catalogs.GetValueOrDefault(Stem(href)));
            }
            return OscalCatalogReader.ReadCatalog(new MemoryStream(bytes), fileName);
        }
        catch (CatalogFormatException bad)
        {
            throw ValidationFailedException.For(bad.Location, bad.Problem);
        }
    }

    /// <summary>Frameworks this organization imported, by the file name they came from, loaded as catalogs for profile resolution.</summary>
    private async Task<Dictionary<string, CatalogDocument>> ImportedCatalogsAsync(CancellationToken cancellationToken)
    {
        var origins = await db.Frameworks.AsNoTracking().Where(f => f.Origin != null).Select(f => new { f.Key, f.Origin }).ToListAsync(cancellationToken);
        var catalogs = new Dictionary<string, CatalogDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in origins)
        {
            catalogs[framework.Origin!] = await FrameworkDocuments.LoadAsync(db, framework.Key, cancellationToken);
        }
        return catalogs;
    }

    private static string Stem(string href)
    {
        var path = href.Split('?', '#')[0];
        return Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/').Last());
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > OscalCatalogReader.MaxBytes)
            {
                throw ValidationFailedException.For(fileName, $"is larger than {OscalCatalogReader.MaxBytes / 1024 / 1024} MB.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>Frameworks as catalogs again (for export and profile resolution), rebuilt from the stored tree.</summary>
public static class FrameworkDocuments
{
    public static async Task<CatalogDocument> LoadAsync(AttestDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var framework = await FrameworkQueries.FindAsync(db, key, cancellationToken);
        var rows = await db.Requirements.AsNoTracking().Where(r => r.FrameworkId == framework.Id).OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        var children = rows.ToLookup(r => r.ParentId);
        CatalogItem Build(Requirement r) => new(r.Code, r.Title, r.Kind, r.Description, children[r.Id].Select(Build).ToList())
        {
            Withdrawn = r.Withdrawn,
            Guidance = r.Guidance,
            Parameters = r.Parameters is null ? [] : JsonSerializer.Deserialize<List<CatalogParameter>>(r.Parameters) ?? [],
        };
        return new CatalogDocument(framework.Key, framework.Name, framework.CatalogVersion, framework.Publisher, framework.Description,
            children[null].Select(Build).ToList());
    }
}

/// <summary>Writes a framework as an OSCAL catalog or Attest YAML, and the organization's implementation as an OSCAL component definition.</summary>
public static class FrameworkExport
{
    public static async Task<(byte[] Content, string ContentType, string FileName)> RunAsync(AttestDbContext db, string key, string format, CancellationToken cancellationToken = default)
    {
        var document = await FrameworkDocuments.LoadAsync(db, key, cancellationToken);
        return format.ToLowerInvariant() switch
        {
            "oscal" or "json" => (Encoding.UTF8.GetBytes(OscalCatalogWriter.WriteCatalog(document, Instant.Now(db.Clock))), "application/json", $"{key}.oscal.json"),
            "yaml" or "yml" => (Encoding.UTF8.GetBytes(FrameworkYaml.Write(document)), "application/yaml", $"{key}.yaml"),
            _ => throw ValidationFailedException.For("format", $"'{format}' is not supported; use oscal or yaml."),
        };
    }

    /// <summary>The organization's controls, their status and the requirements they satisfy, as an OSCAL component definition.</summary>
    public static async Task<byte[]> ComponentDefinitionAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var organizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var controls = await db.Controls.AsNoTracking().OrderBy(c => c.Reference).ToListAsync(cancellationToken);
        var links = await db.ControlRequirements.AsNoTracking()
            .Join(db.Requirements, l => l.RequirementId, r => r.Id, (l, r) => new { l.ControlId, r.Code, r.FrameworkId })
            .Join(db.Frameworks, x => x.FrameworkId, f => f.Id, (x, f) => new { x.ControlId, x.Code, f.Key, f.Name })
            .ToListAsync(cancellationToken);
        var byControl = links.ToLookup(l => l.ControlId);
        var implemented = controls.Select(c => new ImplementedControl(c.Id, c.Reference, c.Name, c.Description, Soa.StatementOfApplicability.Describe(c.Status),
            byControl[c.Id].Select(l => new ImplementedRequirement(l.Key, l.Name, l.Code)).ToList())).ToList();
        return Encoding.UTF8.GetBytes(OscalComponentWriter.WriteComponentDefinition(organizationName, implemented, Instant.Now(db.Clock)));
    }
}
