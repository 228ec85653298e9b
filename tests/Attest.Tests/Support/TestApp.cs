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

    /// <summary>
    /// An app on <paramref name="provider"/> for one test. Apps started this way are pooled: disposing one hands it, running and with its
    /// database, to the next test that asks, because starting the host, migrating and serving the first request were most of the suite's
    /// time. A test has its app to itself while it holds it and isolates its data by seeding its own organization; a test that needs an
    /// empty database, its own clock or other configuration starts its app from a <see cref="TestDatabase"/> instead.
    /// </summary>
    public static async Task<TestApp> StartAsync(string provider)
    {
        var kind = Enum.Parse<DatabaseKind>(provider, ignoreCase: true);
        if (Pool.TryTake(kind) is { } pooled) return pooled;
        var app = await StartAsync(await TestDatabase.CreateAsync(kind));
        app._pooled = true;
        return app;
    }

    /// <summary>
    /// An app of its own on a fresh database, never pooled: for tests that need the database to hold nothing but their own records
    /// (whole-database backups, the demo, metrics of the process) or that leave the app in a state no other test should inherit.
    /// </summary>
    public static async Task<TestApp> StartOwnAsync(string provider) => await StartAsync(await TestDatabase.CreateAsync(provider));

    private bool _pooled;
    private int _idle;

    /// <summary>Started apps waiting for their next test, per provider; stopped and their databases dropped when the test run ends.</summary>
    private static class Pool
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseKind, System.Collections.Concurrent.ConcurrentBag<TestApp>> Idle = new();
        private static readonly System.Collections.Concurrent.ConcurrentBag<TestApp> All = [];
        private static int _hooked;

        public static TestApp? TryTake(DatabaseKind kind)
        {
            if (!Idle.GetOrAdd(kind, _ => []).TryTake(out var app)) return null;
            app._idle = 0;
            return app;
        }

        public static void Return(TestApp app)
        {
            // Disposing twice (an explicit dispose inside an await using) must not offer the app to two tests.
            if (Interlocked.Exchange(ref app._idle, 1) == 1) return;
            if (Interlocked.Exchange(ref _hooked, 1) == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
            if (!All.Contains(app)) All.Add(app);
            Idle.GetOrAdd(app.Database.Kind, _ => []).Add(app);
        }

        private static void StopAll()
        {
            foreach (var app in All)
            {
                try { app.StopAsync().AsTask().GetAwaiter().GetResult(); } catch (Exception) { }
            }
        }
    }

    /// <summary>This app's own evidence folder (files and uploads in progress), removed with the app.</summary>
    public string EvidenceFolder { get; private init; } = "";

    /// <summary>
    /// Starts the app on <paramref name="database"/>. The check scheduler is off unless <paramref name="configure"/> turns it on (e.g. with
    /// configuration <c>Attest:Checks:Scheduler</c> = "on"): a background runner would otherwise add evidence to other tests' data.
    /// </summary>
    public static async Task<TestApp> StartAsync(TestDatabase database, bool migrate = true, bool ownsDatabase = true, long? maxUploadBytes = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        if (migrate) await database.CopySchemaFromTemplateAsync(MigrateTemplateAsync);
        var evidence = Path.Combine(Path.GetTempPath(), "attest-tests", Guid.NewGuid().ToString("N"));
        var app = Build(database, evidence, maxUploadBytes, configure);
        if (migrate)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        }
        await app.StartAsync();
        return new TestApp(app, database, ownsDatabase) { EvidenceFolder = evidence };
    }

    private static async Task MigrateTemplateAsync(TestDatabase database)
    {
        var evidence = Path.Combine(Path.GetTempPath(), "attest-tests", Guid.NewGuid().ToString("N"));
        await using var app = Build(database, evidence, null, null);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
    }

    private static WebApplication Build(TestDatabase database, string evidence, long? maxUploadBytes, Action<WebApplicationBuilder>? configure)
    {
        return AttestWebApp.Build(new WebAppSettings(database.ConnectionString, ["http://127.0.0.1:0"])
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
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Attest.Web.Checks.CheckScheduler.SchedulerSetting] = "off",
                    [Attest.Web.Measurements.MeasurementScheduler.SchedulerSetting] = "off" });
                configure?.Invoke(builder);
            },
        });
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
        if (_pooled)
        {
            Pool.Return(this);
            return;
        }
        await StopAsync();
    }

    private async ValueTask StopAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
        if (EvidenceFolder.Length > 0 && Directory.Exists(EvidenceFolder)) Directory.Delete(EvidenceFolder, recursive: true);
    }
}
