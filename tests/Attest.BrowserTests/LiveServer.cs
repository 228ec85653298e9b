using Attest.Data;
using Attest.Tests.Support;
using Attest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>The real app on Kestrel (a free loopback port) and a real headless Chromium.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private LiveServer(WebApplication app, TestDatabase database, IPlaywright playwright, IBrowser browser, string address)
    {
        App = app;
        Database = database;
        Playwright = playwright;
        Browser = browser;
        Address = address;
    }

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string Address { get; }

    public static async Task<LiveServer> StartAsync(string provider = "sqlite")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = AttestWebApp.Build(new WebAppSettings(database.ConnectionString, ["http://127.0.0.1:0"])
        {
            ConfigureBuilder = builder => builder.Logging.SetMinimumLevel(LogLevel.Warning),
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ATTEST_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new LiveServer(app, database, playwright, browser, address);
    }

    /// <summary>Seeds through the same core the app uses.</summary>
    public async Task<T> WithCoreAsync<T>(Guid? organizationId, Func<IServiceProvider, AttestDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        if (organizationId is { } id) db.Acting.EnterOrganization(id, Attest.Organizations.OrganizationRole.Admin);
        return await action(scope.ServiceProvider, db);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
