using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Frameworks;

/// <summary>What an import did.</summary>
public sealed record FrameworkImport(Guid FrameworkId, string Key, string Name, int Controls, int Requirements, int Added, int Updated, int Withdrawn, bool Unchanged);

/// <summary>
/// Loads a catalog into the acting organization as a framework, or upgrades the framework of the same key
/// in place: requirements are matched by their code, so the organization's links (controls, SoA decisions)
/// survive; codes that disappeared are kept as withdrawn rather than deleted.
/// </summary>
public sealed class ImportFramework(AttestDbContext db)
{
    public async Task<FrameworkImport> RunAsync(CatalogDocument document, FrameworkSource source, CancellationToken cancellationToken = default, string? origin = null)
    {
        Validate(document);
        var hash = ContentHash(document);
        var framework = await db.Frameworks.FirstOrDefaultAsync(f => f.Key == document.Key, cancellationToken);
        if (framework is not null && framework.ContentHash == hash)
        {
            return new FrameworkImport(framework.Id, framework.Key, framework.Name, document.ControlCount, framework.RequirementCount, 0, 0, 0, true);
        }
        if (framework is not null && framework.Source == FrameworkSource.BuiltIn && source == FrameworkSource.Imported)
        {
            throw ValidationFailedException.For("id", $"'{document.Key}' is a built-in framework; give the imported one another id.");
        }

        framework ??= db.Frameworks.Add(new Framework { Key = document.Key, Name = document.Name, Source = source }).Entity;
        framework.Name = document.Name;
        framework.CatalogVersion = document.Version;
        framework.Publisher = document.Publisher;
        framework.Description = document.Description;
        framework.ContentHash = hash;
        framework.Origin = origin ?? framework.Origin;

        var existing = await db.Requirements.Where(r => r.FrameworkId == framework.Id).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        int added = 0, updated = 0, order = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Place(CatalogItem item, Guid? parentId, int depth)
        {
            seen.Add(item.Id);
            if (!existing.TryGetValue(item.Id, out var requirement))
            {
                requirement = new Requirement { FrameworkId = framework.Id, Code = item.Id, Title = item.Title };
                db.Requirements.Add(requirement);
                added++;
            }
            else if (Differs(requirement, item, parentId, order, depth))
            {
                updated++;
            }
            requirement.ParentId = parentId;
            requirement.Title = item.Title;
            requirement.Kind = item.Kind;
            requirement.Description = item.Description;
            requirement.Guidance = item.Guidance;
            requirement.Parameters = item.Parameters.Count == 0 ? null : JsonSerializer.Serialize(item.Parameters);
            requirement.Withdrawn = item.Withdrawn;
            requirement.Assessable = IsAssessable(item);
            requirement.SortOrder = order++;
            requirement.Depth = depth;
            foreach (var child in item.Children) Place(child, requirement.Id, depth + 1);
        }
        // Thousands of rows are added here; detect changes once, at the save, not on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var item in document.Items) Place(item, null, 0);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        var withdrawn = 0;
        foreach (var gone in existing.Values.Where(r => !seen.Contains(r.Code) && !r.Withdrawn))
        {
            gone.Withdrawn = true;
            withdrawn++;
        }
        framework.RequirementCount = seen.Count;
        await db.SaveChangesAsync(cancellationToken);
        return new FrameworkImport(framework.Id, framework.Key, framework.Name, document.ControlCount, seen.Count, added, updated, withdrawn, false);
    }

    /// <summary>What an organization is assessed against: controls, enhancements, subcategories, articles and leaf clauses.</summary>
    public static bool IsAssessable(CatalogItem item) => item.Kind switch
    {
        RequirementKind.Control or RequirementKind.Enhancement or RequirementKind.Subcategory or RequirementKind.Article => true,
        RequirementKind.Clause => item.Children.Count == 0,
        _ => false,
    };

    private static bool Differs(Requirement requirement, CatalogItem item, Guid? parentId, int order, int depth) =>
        requirement.Title != item.Title || requirement.Description != item.Description || requirement.Kind != item.Kind ||
        requirement.Withdrawn != item.Withdrawn || requirement.ParentId != parentId || requirement.SortOrder != order || requirement.Depth != depth;

    private static void Validate(CatalogDocument document)
    {
        var validation = new Validation()
            .Required("id", document.Key, 100)
            .Required("name", document.Name, 300)
            .MaxLength("version", document.Version, 100);
        if (!document.Items.Any()) validation.Add("requirements", "the framework has no requirements.");
        var duplicates = document.AllItems().GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) validation.Add("requirements", "ids must be unique; repeated: " + string.Join(", ", duplicates.Take(10)));
        validation.ThrowIfInvalid();
    }

    internal static string ContentHash(CatalogDocument document)
    {
        var text = new StringBuilder().Append(document.Name).Append('\n').Append(document.Version).Append('\n').Append(document.Publisher).Append('\n').Append(document.Description);
        foreach (var item in document.AllItems())
        {
            text.Append('\n').Append(item.Id).Append('\t').Append(item.Title).Append('\t').Append(item.Kind).Append('\t').Append(item.Description)
                .Append('\t').Append(item.Guidance).Append('\t').Append(item.Withdrawn).Append('\t').Append(item.Children.Count)
                .Append('\t').Append(JsonSerializer.Serialize(item.Parameters));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
