using Attest.Data;
using Attest.Web.Api;
using Attest.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using OpenTelemetry.Metrics;

namespace Attest.Web;

/// <summary>Settings that `attest serve` (and the tests) pass to the web app.</summary>
public sealed record WebAppSettings(string ConnectionString, string[] Urls)
{
    /// <summary>Lets tests swap the server (an in-memory TestServer) or services before the app is built.</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
    public string EnvironmentName { get; init; } = Environments.Production;
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>Builds the web app: Razor Pages UI, /api/v1, health and metrics, on the shared core.</summary>
public static class AttestWebApp
{
    /// <summary>Picks the API token handler for "Authorization: Bearer …" requests and the session cookie otherwise.</summary>
    public const string SchemeSelector = "attest";

    public static WebApplication Build(WebAppSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AttestWebApp).Assembly.GetName().Name,
            EnvironmentName = settings.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        if (Environment.GetEnvironmentVariable("ATTEST_LOG_FORMAT") == "json") builder.Logging.AddJsonConsole();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // A line per request at Information costs more than many pages do; requests are counted in /metrics instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys sit unencrypted in the database by design (ADR-004): the warning would repeat at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var services = builder.Services;
        services.AddAttestCore(settings.ConnectionString);
        services.AddHttpContextAccessor();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SchemeSelector;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SchemeSelector, "Cookie or API token", options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.AddIdentityCore<Accounts.User>().AddSignInManager().AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "attest.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/error/403";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // A refusal is a 403 with the error page, not a redirect that hides the status from clients and tests.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(Access.AddPolicies);
        services.AddSingleton<IAuthorizationHandler, OrganizationRoleHandler>();
        services.AddScoped<IAuthorizationHandler, OwnedRecordHandler>();

        // Razor Pages validate the anti-forgery token of every POST by default; nothing opts out but the error page.
        services.AddRazorPages().AddApplicationPart(typeof(AttestWebApp).Assembly);
        services.AddMemoryCache();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "attest.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Attest API";
            document.Info.Description = "The ISMS and AIMS records of one organization. Authenticate with `Authorization: Bearer <token>` (create tokens under Account → API tokens).";
            return Task.CompletedTask;
        }));
        services.AddEndpointsApiExplorer();
        services.AddHealthChecks().AddDbContextCheck<AttestDbContext>("database");
        // The runtime's own meter adds GC, allocation and thread-pool figures (the scale lab reads allocations per route from it).
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("System.Runtime")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        settings.ConfigureServices?.Invoke(services);
        settings.ConfigureBuilder?.Invoke(builder);
        // After the callers' configuration, so that tests (and `Attest__Checks__Scheduler=off`) can switch it off.
        if (Checks.CheckScheduler.IsEnabled(builder.Configuration)) services.AddHostedService<Checks.CheckScheduler>();
        if (Measurements.MeasurementScheduler.IsEnabled(builder.Configuration)) services.AddHostedService<Measurements.MeasurementScheduler>();

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        if (Environment.GetEnvironmentVariable("ATTEST_TRUST_FORWARDED_HEADERS") == "true") app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = ProblemExceptionHandler.StatusFor });
        // The API answers errors as problem details; pages show the error page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActingContextMiddleware>();
        app.UseAuthorization();

        app.MapSiteAssets();
        app.MapRazorPages();
        app.MapApi();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Access.SignedIn);
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Process metrics are deployment-wide: only Admins see them (Prometheus can send an Admin's read token).
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Access.Admin);
    }
}
