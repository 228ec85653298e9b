using System.Net;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Security;

/// <summary>
/// Walks every route the app serves. Each must say who may use it, and each role must get exactly that:
/// a new page or endpoint without a rule, or with the wrong one, fails here.
/// </summary>
public sealed class RouteAuthorizationTests
{
    private static readonly HashSet<string> AnonymousRoutes =
        ["/account/sign-in", "/account/two-factor", "/error/{code:int?}", "/healthz", "/assets/site.css", "/trust/{slug}",
         "/api/v1/checks/{name}/results",
         // SCIM provisioning authenticates its own bearer tokens (scim_…) and honours no cookie or API token; without one it answers 401.
         "/scim/v2/Users", "/scim/v2/Users/{id}", "/scim/v2/Groups", "/scim/v2/Groups/{id}", "/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes",
         "/scim/v2/ResourceTypes/{name}", "/scim/v2/Schemas", "/scim/v2/Schemas/{uri}",
         // A supplier answers a security questionnaire without an account; the secret token in the address is the only key, and it opens that one questionnaire.
         "/questionnaire/{token}"];

    [Fact]
    public async Task EveryRoute_StatesWhoMayUseIt_AndOnlyTheExpectedOnesAreAnonymous()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var routes = RouteTable.Routes(app);
        var known = Access.Roles.Keys.Append(Access.SignedIn).ToHashSet();

        Assert.True(routes.Count > 25, $"Only {routes.Count} routes were found.");
        Assert.All(routes, r => Assert.True(r.Anonymous || (r.Policy is not null && known.Contains(r.Policy)),
            $"{r.Pattern} does not say who may use it (add [Authorize(Policy = Access.…)] or RequireAuthorization)."));
        Assert.Equal(AnonymousRoutes.Order(), routes.Where(r => r.Anonymous).Select(r => r.Pattern).Distinct().Order());
    }

    // Authorization does not depend on the database: SQLite only. Every GET route is still read on PostgreSQL by QueryCountTests.
    [Theory]
    [InlineData("sqlite")]
    public async Task EachRole_GetsExactlyTheReadsItsPolicyAllows(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var samples = await RouteTable.SeedSamplesAsync(app, organization);
        var routes = RouteTable.Routes(app).Where(r => !r.Anonymous && r.Methods.Contains("GET")).ToList();
        var failures = new List<string>();

        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            var person = organization[role];
            var browser = await app.SignInAsync(person);
            var token = (await app.IssueTokenAsync(organization, person, Attest.Accounts.ApiTokenScope.Read)).Token;
            var api = app.Server.WithToken(token);
            foreach (var route in routes)
            {
                var url = RouteTable.Url(route.Pattern, samples);
                var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
                var response = isApi ? await api.GetAsync(url) : await browser.GetAsync(url);
                var allowed = route.Policy == Access.SignedIn || Access.Allows(route.Policy!, role);
                var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected) failures.Add($"{role} GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EachRole_IsRefusedEveryWriteItsPolicyDoesNotAllow()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var samples = await RouteTable.SeedSamplesAsync(app, organization);
        var writes = RouteTable.Routes(app).Where(r => !r.Anonymous && r.Policy != Access.SignedIn)
            .SelectMany(r => r.Methods.Where(m => m != "GET" && m != "HEAD").Select(m => (Route: r, Method: m)))
            .ToList();
        Assert.Contains(writes, w => w.Route.Pattern.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Route.IsPage);
        var failures = new List<string>();

        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            var person = organization[role];
            var browser = await app.SignInAsync(person);
            var api = app.Server.WithToken((await app.IssueTokenAsync(organization, person, Seeds.StrongestScopeFor(role))).Token);
            foreach (var (route, method) in writes.Where(w => !Access.Allows(w.Route.Policy!, role)))
            {
                var url = RouteTable.Url(route.Pattern, samples);
                var response = url.StartsWith("/api/", StringComparison.Ordinal)
                    ? await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") })
                    : await browser.PostFormAsync(url, [], formPage: "/account/security");
                if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{role} {method} {url}: expected 403, got {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.InterestedParties)));
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn_OrGet401FromTheApi()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var samples = await RouteTable.SeedSamplesAsync(app, organization);
        var anonymous = app.Anonymous();
        var failures = new List<string>();

        foreach (var route in RouteTable.Routes(app).Where(r => r.Methods.Contains("GET")))
        {
            var url = RouteTable.Url(route.Pattern, samples);
            var response = await anonymous.GetAsync(url);
            var ok = route.Anonymous
                ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound || (url == "/account/two-factor" && response.StatusCode == HttpStatusCode.Redirect)
                    || (url.StartsWith("/scim/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Unauthorized)
                : url.StartsWith("/api/", StringComparison.Ordinal)
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/sign-in");
            if (!ok) failures.Add($"anonymous GET {url}: got {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

}
