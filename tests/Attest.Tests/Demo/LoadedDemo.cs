using Attest.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

/// <summary>
/// The demo organization loaded once per provider and shared by the demo tests that only read it (or re-run its idempotent loaders):
/// loading it takes seconds, and each of those tests would otherwise load it again.
/// </summary>
public sealed class LoadedDemo : IAsyncLifetime
{
    public const string Collection = "Loaded demo organization";

    private readonly Dictionary<string, Task<(TestApp App, Guid OrganizationId)>> _loaded = [];
    private readonly Lock _gate = new();

    public Task<(TestApp App, Guid OrganizationId)> GetAsync(string provider)
    {
        lock (_gate)
        {
            if (!_loaded.TryGetValue(provider, out var loading)) _loaded[provider] = loading = LoadAsync(provider);
            return loading;
        }
    }

    private static async Task<(TestApp, Guid)> LoadAsync(string provider)
    {
        var app = await TestApp.StartOwnAsync(provider);
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        var organizationId = await app.WithCoreAsync(null, (_, db) => db.Organizations.Where(o => o.Name == LoadDemoOrganization.OrganizationName).Select(o => o.Id).SingleAsync());
        return (app, organizationId);
    }

    /// <summary>The demo's five sign-ins by role, as the demo loaders take them.</summary>
    public static Task<Dictionary<Attest.Organizations.OrganizationRole, Guid>> LoginsAsync(TestApp app) =>
        app.WithCoreAsync(null, async (_, db) =>
        {
            var byEmail = await db.Users.Where(u => u.Email!.EndsWith("@" + LoadDemoOrganization.EmailDomain)).ToDictionaryAsync(u => u.Email!, u => u.Id);
            Guid Of(string local) => byEmail[$"{local}@{LoadDemoOrganization.EmailDomain}"];
            return new Dictionary<Attest.Organizations.OrganizationRole, Guid>
            {
                [Attest.Organizations.OrganizationRole.Admin] = Of("admin"),
                [Attest.Organizations.OrganizationRole.Manager] = Of("ciso"),
                [Attest.Organizations.OrganizationRole.Contributor] = Of("owner"),
                [Attest.Organizations.OrganizationRole.Auditor] = Of("auditor"),
                [Attest.Organizations.OrganizationRole.Employee] = Of("employee"),
            };
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var loading in _loaded.Values) await (await loading).App.DisposeAsync();
    }
}

[CollectionDefinition(LoadedDemo.Collection)]
public sealed class LoadedDemoCollection : ICollectionFixture<LoadedDemo>;
