using Microsoft.Extensions.DependencyInjection;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Frameworks;

/// <summary>
/// Brings the acting organization's built-in frameworks (ISO/IEC 27001, ISO/IEC 42001, NIST CSF 2.0, GDPR)
/// and NIST's CSF → ISO/IEC 27001 mapping up to date with the catalog files shipped in this build.
/// </summary>
public sealed class LoadBuiltInFrameworks(AttestDbContext db, ImportFramework import)
{
    public const string CsfMappingSource = "NIST CSF 2.0 informative references to ISO/IEC 27001:2022";

    public async Task<IReadOnlyList<FrameworkImport>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<FrameworkImport>();
        foreach (var catalog in BuiltInCatalogs.All)
        {
            results.Add(await import.RunAsync(catalog, FrameworkSource.BuiltIn, cancellationToken));
        }
        var mappingCount = await db.FrameworkMappings.CountAsync(m => m.Source == CsfMappingSource, cancellationToken);
        if (results.Any(r => !r.Unchanged) || mappingCount == 0) await ReloadCsfMappingAsync(cancellationToken);
        return results;
    }

    private async Task ReloadCsfMappingAsync(CancellationToken cancellationToken)
    {
        var set = BuiltInCatalogs.CsfToIso27001;
        var keys = set.Mappings.SelectMany(m => new[] { m.FromFramework, m.ToFramework }).Distinct().ToList();
        var codes = await db.Requirements
            .Join(db.Frameworks, r => r.FrameworkId, f => f.Id, (r, f) => new { f.Key, r.Code, r.Id })
            .Where(x => keys.Contains(x.Key))
            .ToListAsync(cancellationToken);
        var byCode = codes.ToDictionary(x => (x.Key, x.Code), x => x.Id);

        await db.FrameworkMappings.Where(m => m.Source == CsfMappingSource).ExecuteDeleteAsync(cancellationToken);
        db.FrameworkMappings.AddRange(set.Mappings
            .Where(m => byCode.ContainsKey((m.FromFramework, m.FromId)) && byCode.ContainsKey((m.ToFramework, m.ToId)))
            .Select(m => new FrameworkMapping
            {
                FromRequirementId = byCode[(m.FromFramework, m.FromId)], ToRequirementId = byCode[(m.ToFramework, m.ToId)],
                Relationship = m.Relationship, Source = CsfMappingSource,
            }));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Runs <see cref="LoadBuiltInFrameworks"/> for every organization (at start-up and after migrating), and gives each the default classification levels it lacks.</summary>
public static class BuiltInFrameworkSync
{
    public static async Task RunForAllOrganizationsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        List<Guid> organizations;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            organizations = await db.Organizations.Select(o => o.Id).ToListAsync(cancellationToken);
        }
        foreach (var organizationId in organizations)
        {
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var db = provider.GetRequiredService<AttestDbContext>();
            db.Acting.EnterOrganization(organizationId, OrganizationRole.Admin);
            await provider.GetRequiredService<LoadBuiltInFrameworks>().RunAsync(cancellationToken);
            await Assets.DefaultClassifications.EnsureAsync(db, cancellationToken);
        }
    }
}
