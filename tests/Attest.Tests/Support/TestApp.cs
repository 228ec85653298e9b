using Attest.Data;
using Attest.Organizations;
using Attest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attest.Tests.Support;

/// <summary>One person seeded into a test organization.</summary>
public sealed record TestPerson(OrganizationRole Role, string Email, string Password, Guid UserId);

public sealed record TestOrganization(Guid Id, string Name, IReadOnlyDictionary<OrganizationRole, TestPerson> People)
{
    public TestPerson this[OrganizationRole role] => People[role];
}

/// <summary>The real web app on a real database, served in memory.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private TestApp(WebApplication app, TestDatabase database, bool ownsDatabase)
    {
        App = app;
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public TestServer Server => (TestServer)App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
    public IServiceProvider Services => App.Services;

    public static async Task<TestApp> StartAsync(string provider) => await StartAsync(await TestDatabase.CreateAsync(provider));

    /// <summary>This app's own evidence folder (files and uploads in progress), removed with the app.</summary>
    public string EvidenceFolder { get; private init; } = "";

    /// <summary>
    /// Starts the app on <paramref name="database"/>. The check scheduler is off unless <paramref name="configure"/> turns it on (e.g. with
    /// configuration <c>Attest:Checks:Scheduler</c> = "on"): a background runner would otherwise add evidence to other tests' data.
    /// </summary>
    public static async Task<TestApp> StartAsync(TestDatabase database, bool migrate = true, bool ownsDatabase = true, long? maxUploadBytes = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var evidence = Path.Combine(Path.GetTempPath(), "attest-tests", Guid.NewGuid().ToString("N"));
        var app = AttestWebApp.Build(new WebAppSettings(database.ConnectionString, ["http://127.0.0.1:0"])
        {
            EnvironmentName = Environments.Production,
            ConfigureBuilder = builder =>
            {
                builder.WebHost.UseTestServer();
                // Hashing strength is Identity's business, not these tests': keep it cheap so seeding stays fast.
                builder.Services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
                builder.Services.AddSingleton(new Attest.Evidence.EvidenceOptions
                {
                    TemporaryFolder = Path.Combine(evidence, "incoming"),
                    MaxUploadBytes = maxUploadBytes ?? Attest.Evidence.EvidenceOptions.DefaultMaxUploadBytes,
                });
                builder.Services.AddSingleton<Attest.Evidence.IEvidenceStore>(new Attest.Evidence.LocalEvidenceStore(Path.Combine(evidence, "files")));
                builder.Logging.SetMinimumLevel(Environment.GetEnvironmentVariable("ATTEST_TEST_LOG") == "debug" ? LogLevel.Debug : LogLevel.Warning);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Attest.Web.Checks.CheckScheduler.SchedulerSetting] = "off" });
                configure?.Invoke(builder);
            },
        });
        if (migrate)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        }
        await app.StartAsync();
        return new TestApp(app, database, ownsDatabase) { EvidenceFolder = evidence };
    }

    /// <summary>Runs core code as the system (or as Admin of <paramref name="organizationId"/>) in its own scope.</summary>
    public async Task<T> WithCoreAsync<T>(Guid? organizationId, Func<IServiceProvider, AttestDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        if (organizationId is { } id) db.Acting.EnterOrganization(id, OrganizationRole.Admin);
        return await action(scope.ServiceProvider, db);
    }

    public Task WithCoreAsync(Guid? organizationId, Func<IServiceProvider, AttestDbContext, Task> action) =>
        WithCoreAsync<bool>(organizationId, async (services, db) => { await action(services, db); return true; });

    /// <summary>A fresh organization with one person in each role, each with a known password.</summary>
    public async Task<TestOrganization> SeedOrganizationAsync(string? name = null)
    {
        name ??= "Org " + Guid.NewGuid().ToString("N")[..8];
        var organization = await WithCoreAsync(null, (services, _) =>
            services.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization(name, "UTC"), null));
        var people = new Dictionary<OrganizationRole, TestPerson>();
        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@test.example";
            var password = "correct horse " + Guid.NewGuid().ToString("N")[..10];
            var added = await WithCoreAsync(organization.Id, (services, _) =>
                services.GetRequiredService<AddMember>().RunAsync(new NewMember(email, $"{role} Person", role, null, password)));
            people[role] = new TestPerson(role, email, password, added.UserId);
        }
        return new TestOrganization(organization.Id, name, people);
    }

    public BrowserSession Anonymous() => new(Server);

    public async Task<BrowserSession> SignInAsync(TestPerson person) => await SignInAsync(person.Email, person.Password);

    public async Task<BrowserSession> SignInAsync(string email, string password)
    {
        var client = new BrowserSession(Server);
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
        if (EvidenceFolder.Length > 0 && Directory.Exists(EvidenceFolder)) Directory.Delete(EvidenceFolder, recursive: true);
    }
}
