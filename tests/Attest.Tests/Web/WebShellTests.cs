using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Context;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Web;

public sealed class WebShellTests
{
    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndCookiesAreHttpOnly()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var client = app.Anonymous();

        var response = await client.GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("app;dur=", response.Headers.GetValues("Server-Timing").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiForgeryToken_IsRejected_AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);

        var response = await browser.PostFormWithoutTokenAsync("/context/parties/new", new() { ["Input.Name"] = "Forged party" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.InterestedParties.CountAsync()));
    }

    [Fact]
    public async Task AnUnexpectedError_ShowsAnErrorPage_WithoutTheStackTrace()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);
        await app.WithCoreAsync(null, (_, db) => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ContextIssues\""));

        var response = await browser.GetAsync("/context");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html);
        // No exception type or frame (the navigation's "Exceptions" register is a word of the page, not an error's).
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("System.", html);
        Assert.DoesNotContain(" at Attest", html);
        Assert.DoesNotContain("ContextIssues", html);
    }

    [Fact]
    public async Task HealthIsAnonymous_OpenApiNeedsSignIn_AndMetricsNeedAnAdmin()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var reader = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], ApiTokenScope.Read)).Token);
        var admin = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Admin], ApiTokenScope.Read)).Token);

        var health = await app.Anonymous().GetAsync("/healthz");
        var openApi = await reader.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var metricsAsAuditor = await reader.GetAsync("/metrics");
        await admin.GetAsync("/api/v1/me");
        var metricsAsAdmin = await admin.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/scope", out _));
        Assert.Equal("Attest API", openApi.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, metricsAsAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metricsAsAdmin.StatusCode);
        var metrics = await metricsAsAdmin.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration", metrics);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes", metrics);
    }

    [Fact]
    public async Task BadApiInput_AnswersProblemDetailsNamingTheField_NeverA500()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);

        var malformed = await api.PostAsync("/api/v1/interested-parties", new StringContent("{\"name\": \"x\", \"kind\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await api.PostAsync("/api/v1/interested-parties", new StringContent("{\"name\": \"x\", \"kind\": \"Galactic\"}", System.Text.Encoding.UTF8, "application/json"));
        var invalid = await api.PostAsJsonAsync("/api/v1/interested-parties", new InterestedPartyInput("", PartyKind.External, ManagementSystem.Both, null, null, Guid.NewGuid()));
        var missing = await api.GetAsync($"/api/v1/interested-parties/{Guid.NewGuid()}");
        var scope = await api.PutAsJsonAsync("/api/v1/scope", Context.ScopeTests.Scope("", 0));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("$.kind", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("$.kind", await wrongType.Content.ReadAsStringAsync());
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("OwnerId", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, scope.StatusCode);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.InterestedParties.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AStaleVersionThroughTheApi_Answers409_AndKeepsTheOtherEdit(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var id = await app.AddPartyAsync(organization, "Clients");
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.ReadWrite)).Token);

        var first = await api.PutAsJsonAsync($"/api/v1/interested-parties/{id}", new InterestedPartyInput("Clients A", PartyKind.External, ManagementSystem.Both, null, null, null, 1));
        var second = await api.PutAsJsonAsync($"/api/v1/interested-parties/{id}", new InterestedPartyInput("Clients B", PartyKind.External, ManagementSystem.Both, null, null, null, 1));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("changed by someone else", await second.Content.ReadAsStringAsync());
        Assert.Equal("Clients A", await app.WithCoreAsync(organization.Id, (_, db) => db.InterestedParties.Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task TwoPeopleEditingTheScopeInTheBrowser_TheSecondSeesAConflict_AndKeepsWhatTheyTyped()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var alice = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var bob = await app.SignInAsync(organization[OrganizationRole.Admin]);

        var aliceSaved = await alice.PostFormAsync("/context/scope/edit", new() { ["Input.Statement"] = "Alice's statement", ["Input.Version"] = "0" });
        var bobResponse = await bob.PostFormAsync("/context/scope/edit", new() { ["Input.Statement"] = "Bob's carefully typed statement", ["Input.Version"] = "0" });
        var bobHtml = await bobResponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, aliceSaved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, bobResponse.StatusCode);
        Assert.Contains("changed by someone else", bobHtml);
        Assert.Contains("Bob&#x27;s carefully typed statement</textarea>", bobHtml);
        Assert.Contains("Alice&#x27;s statement", bobHtml);
        var document = await app.WithCoreAsync(organization.Id, (_, db) => ScopeDocument.LoadAsync(db));
        Assert.Equal("Alice's statement", document.Scope!.Statement);
    }

    [Fact]
    public async Task TheScope_IsEditedInTheBrowser_ShownInItsHistory_AndExported()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var browser = await app.SignInAsync(manager);

        var saved = await browser.PostFormAsync("/context/scope/edit", new()
        {
            ["Input.Statement"] = "All AI-delivered services",
            ["Input.Exclusions[0].Item"] = "Client-owned systems",
            ["Input.Exclusions[0].Justification"] = "Operated by clients",
            ["Input.Exclusions[1].Item"] = "",
            ["Input.Exclusions[1].Justification"] = "",
            ["Input.ChangeNote"] = "First draft",
            ["Input.Version"] = "0",
        });
        var context = await browser.GetPageAsync("/context");
        var history = await browser.GetPageAsync("/audit?recordType=IsmsScope");
        var markdown = await browser.GetAsync("/context/export?format=md");
        var pdf = await browser.GetAsync("/context/export?format=pdf");
        var unknown = await browser.GetAsync("/context/export?format=docx");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("All AI-delivered services", context);
        Assert.Contains("Client-owned systems", context);
        Assert.Contains("First draft", context);
        Assert.Contains("All AI-delivered services", history);
        Assert.Contains(manager.Email, history);
        Assert.Contains("attachment", markdown.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("| Client-owned systems | Operated by clients |", await markdown.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-1.7", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..8]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ScriptWrittenIntoARecord_IsShownAsText_NeverRun()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddPartyAsync(organization, "<script>alert(1)</script>");
        var browser = await app.SignInAsync(organization[OrganizationRole.Auditor]);

        var html = await browser.GetPageAsync("/context");

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
