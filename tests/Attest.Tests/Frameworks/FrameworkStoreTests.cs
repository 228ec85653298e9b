using System.Net;
using System.Text;
using Attest.Controls;
using Attest.Frameworks;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Frameworks;

/// <summary>Frameworks as the organization stores them: built-ins loaded, imports all-or-nothing, upgrades keeping links.</summary>
public sealed class FrameworkStoreTests
{
    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. path]);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANewOrganization_HasTheBuiltInFrameworks_AndNistsMapping(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var frameworks = await app.WithCoreAsync(organization.Id, (_, db) => FrameworkQueries.ListAsync(db));
        var mappings = await app.WithCoreAsync(organization.Id, (_, db) => db.FrameworkMappings.CountAsync());
        var annexA = await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.CountAsync(r =>
            r.Kind == RequirementKind.Control && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == "iso27001-2022")));

        Assert.Equal(["gdpr", "iso27001-2022", "iso42001-2023", "nist-csf-2.0"], frameworks.Select(f => f.Key).Order());
        Assert.Equal(93, annexA);
        Assert.Equal(106, frameworks.Single(f => f.Key == "nist-csf-2.0").Assessable);
        Assert.Equal(BuiltInCatalogs.CsfToIso27001.Mappings.Count, mappings);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheNistLowBaseline_ImportsWithExactly149Controls_AndItsProfileResolvesAgainstIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var catalog = await ImportAsync(app, organization, Fixture("oscal", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"), "NIST_SP-800-53_rev5_catalog.json");
        var profile = await ImportAsync(app, organization, Fixture("oscal", "NIST_SP-800-53_rev5_LOW-baseline_profile.json"));
        var again = await ImportAsync(app, organization, Fixture("oscal", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"), "NIST_SP-800-53_rev5_catalog.json");

        Assert.Equal(149, catalog.Controls);
        Assert.Equal(149, profile.Controls);
        // The profile resolves to the same baseline under the same id, so it updates that framework rather than adding one.
        Assert.Equal(catalog.Key, profile.Key);
        Assert.Equal(5, await app.WithCoreAsync(organization.Id, (_, db) => db.Frameworks.CountAsync()));
        Assert.True(again.Unchanged);
        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.CountAsync(r =>
            (r.Kind == RequirementKind.Control || r.Kind == RequirementKind.Enhancement) && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == catalog.Key)));
        Assert.Equal(149, stored);
    }

    [Theory]
    [InlineData("not json at all {", "upload.json", "not valid JSON")]
    [InlineData("{\"system-security-plan\": {\"uuid\": \"x\"}}", "ssp.json", "system-security-plan")]
    [InlineData("id: broken\nname: Broken\nversion: '1'\nrequirements:\n  - id: X\n    kind: nonsense\n    title: T\n", "broken.yaml", "line")]
    public async Task ABadFile_IsRejectedSayingWhatAndWhere_AndImportsNothing(string content, string fileName, string expected)
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var before = await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.CountAsync());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportFrameworkFile>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), fileName)));

        Assert.Contains(expected, error.Message);
        Assert.Contains(fileName, error.Message);
        Assert.Equal(before, await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.CountAsync()));
    }

    [Fact]
    public async Task AProfileImportingAnUnknownCatalog_IsRejectedNamingTheImport()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            ImportAsync(app, organization, Fixture("oscal", "NIST_SP-800-53_rev5_LOW-baseline_profile.json")));

        Assert.Contains("$.profile.imports[0].href", error.Message);
        Assert.Equal(4, await app.WithCoreAsync(organization.Id, (_, db) => db.Frameworks.CountAsync()));
    }

    [Fact]
    public async Task AFileOver50Megabytes_IsRejectedWithoutBeingImported()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var huge = new MemoryStream(new byte[51 * 1024 * 1024]);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportFrameworkFile>().RunAsync(huge, "huge.json")));

        Assert.Contains("larger than 50 MB", error.Message);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReimportingAChangedCatalog_UpdatesItInPlace_AndKeepsTheControlsLinks(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string v1 = "id: acme-baseline\nname: Acme baseline\nversion: '1'\nrequirements:\n  - id: AB-1\n    title: Keep an inventory\n    kind: control\n  - id: AB-2\n    title: Review access\n    kind: control\n";
        const string v2 = "id: acme-baseline\nname: Acme baseline\nversion: '2'\nrequirements:\n  - id: AB-1\n    title: Keep a complete inventory\n    kind: control\n  - id: AB-3\n    title: Encrypt backups\n    kind: control\n";
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportFrameworkFile>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(v1)), "acme.yaml"));
        var control = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var ids = await RequirementCodes.ResolveAsync(db, "acme-baseline", "AB-1, AB-2", "test");
            return await s.GetRequiredService<SaveControl>().RunAsync(null, new ControlInput(null, "Inventory", null, null, ImplementationStatus.Implemented, null, null, null, null, ids));
        });

        var upgrade = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportFrameworkFile>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(v2)), "acme.yaml"));
        var links = await app.WithCoreAsync(organization.Id, (_, db) => ControlRegister.LinksAsync(db, control));
        var ab2 = await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.SingleAsync(r => r.Code == "AB-2"));
        var ab1 = await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.SingleAsync(r => r.Code == "AB-1"));

        Assert.Equal((1, 1, 1), (upgrade.Added, upgrade.Updated, upgrade.Withdrawn));
        Assert.Equal(["AB-1", "AB-2"], links.Select(l => l.Code));
        Assert.True(ab2.Withdrawn);
        Assert.Equal("Keep a complete inventory", ab1.Title);
    }

    [Fact]
    public async Task AnImportedFramework_CannotTakeABuiltInFrameworksId()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        const string yaml = "id: iso27001-2022\nname: Fake\nversion: '1'\nrequirements:\n  - id: X\n    title: X\n    kind: control\n";

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportFrameworkFile>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(yaml)), "fake.yaml")));

        Assert.Contains("built-in", error.Message);
        Assert.Equal(93, await app.WithCoreAsync(organization.Id, (_, db) => db.Requirements.CountAsync(r => r.Code.StartsWith("A.") && r.Kind == RequirementKind.Control
            && db.Frameworks.Any(f => f.Id == r.FrameworkId && f.Key == "iso27001-2022"))));
    }

    [Fact]
    public async Task FrameworksImportAndExport_ThroughTheApi_RoundTripAsYamlAndOscal()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var auditor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], Attest.Accounts.ApiTokenScope.Read)).Token);

        var yaml = await auditor.GetStringAsync("/api/v1/frameworks/iso42001-2023/export?format=yaml");
        var oscal = await auditor.GetStringAsync("/api/v1/frameworks/gdpr/export?format=oscal");
        var document = FrameworkYaml.Read(new StringReader(yaml.Replace("id: iso42001-2023", "id: iso42001-copy")), "copy.yaml");
        var imported = await manager.PostAsync("/api/v1/frameworks/import?fileName=copy.yaml", new StringContent(FrameworkYaml.Write(document), Encoding.UTF8, "application/yaml"));
        var refused = await auditor.PostAsync("/api/v1/frameworks/import?fileName=copy.yaml", new StringContent("x"));
        var bad = await manager.PostAsync("/api/v1/frameworks/import?fileName=bad.json", new StringContent("{\"catalog\": {}}", Encoding.UTF8, "application/json"));

        Assert.Contains("A.6.2.4", yaml);
        Assert.Contains("\"catalog\"", oscal);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("\"controls\":38", await imported.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("$.catalog", await bad.Content.ReadAsStringAsync());
    }

    private static Task<FrameworkImport> ImportAsync(TestApp app, TestOrganization organization, string path, string? asFileName = null) =>
        app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await using var stream = File.OpenRead(path);
            return await s.GetRequiredService<ImportFrameworkFile>().RunAsync(stream, asFileName ?? Path.GetFileName(path));
        });
}
