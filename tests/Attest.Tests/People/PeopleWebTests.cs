using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.People;

/// <summary>The register's API and pages over HTTP, by role.</summary>
public sealed class PeopleWebTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheApi_CreatesUpdatesAndLists_With400sNamingFields_409sOnStaleVersions_And404sAcrossOrganizations(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var bad = await manager.PostAsJsonAsync("/api/v1/people", new { name = "Zed", email = "zed@" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not an e-mail address", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Email")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/v1/people", new { name = "Zed", email = "zed@example.com", type = "Robot" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync("/api/v1/people", new { name = "Zed", email = "zed@example.com" })).StatusCode);

        var created = await manager.PostAsJsonAsync("/api/v1/people", new { name = "Zed Zero", email = "zed@example.com", type = "Contractor", department = "Finance" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetGuid();
        var version = person.GetProperty("version").GetInt32();
        var updated = await manager.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Zed Zero", email = "zed@example.com", type = "Contractor", department = "Legal", version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Zed", email = "zed@example.com", version })).StatusCode);

        var listed = await contributor.GetFromJsonAsync<JsonElement>("/api/v1/people?department=Legal&type=Contractor");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal("Zed Zero", listed.GetProperty("rows")[0].GetProperty("name").GetString());
        var left = await manager.PostAsJsonAsync($"/api/v1/people/{id}/deactivate", new { lastDay = "2026-01-31" });
        Assert.Equal("Left", (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var other = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(other, other[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Mine", email = "zed@example.com", version = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/people/{id}/deactivate", new { })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/people")).GetProperty("total").GetInt32());

        // The register holds personal data: an Employee cannot read it, in the UI or the API.
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/people")).StatusCode);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        var page = await auditor.GetAsync($"/people/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Zed Zero", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/people/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AManager_AddsAPersonThroughTheForm_AndABadFormKeepsWhatWasTyped(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/people/templates?handler=Defaults", [], formPage: "/people/templates")).StatusCode);

        var bad = await browser.PostFormAsync("/people/new", new() { ["Input.Name"] = "Typed Name", ["Input.Email"] = "typed", ["Input.Type"] = "Employee" }, formPage: "/people/new");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Typed Name\"", html);
        Assert.Contains("is not an e-mail address", html);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var saved = await browser.PostFormAsync("/people/new", new()
        {
            ["Input.Name"] = "Nora New", ["Input.Email"] = "nora@example.com", ["Input.Type"] = "Employee", ["Input.StartDate"] = today, ["Input.Active"] = "true",
            ["Input.Screening"] = "NotStarted",
        }, formPage: "/people/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await (await browser.GetAsync(saved.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        Assert.Contains("Nora New", detail);
        Assert.Contains("Background screening completed", detail);
        var register = await (await browser.GetAsync("/people?status=Active")).Content.ReadAsStringAsync();
        Assert.Contains("Nora New", register);
        var due = await (await browser.GetAsync("/people/checklists")).Content.ReadAsStringAsync();
        Assert.Contains("Nora New", due);
    }
}
