using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.Audit;
using Attest.Context;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Accounts;

public sealed class ApiTokenTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ATokenIsStoredOnlyAsItsHash_AndActsAsItsOwnerInItsOrganization(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var issued = await app.IssueTokenAsync(organization, manager, ApiTokenScope.ReadWrite);

        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.ApiTokens.SingleAsync(t => t.Id == issued.Id));
        var me = await app.Server.WithToken(issued.Token).GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.DoesNotContain(issued.Token[20..], stored.SecretHash);
        Assert.Equal(ApiTokenHash.Of(issued.Token), stored.SecretHash);
        Assert.StartsWith(stored.Prefix, issued.Token);
        Assert.Equal(manager.UserId.ToString(), me.GetProperty("userId").GetString());
        Assert.Equal("Manager", me.GetProperty("role").GetString());
        Assert.Equal(organization.Id.ToString(), me.GetProperty("organizationId").GetString());
    }

    [Fact]
    public async Task AReadToken_ReadsButCannotWrite_EvenForAManager()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], ApiTokenScope.Read)).Token);

        var read = await api.GetAsync("/api/v1/interested-parties");
        var write = await api.PostAsJsonAsync("/api/v1/interested-parties", new InterestedPartyInput("New", PartyKind.External, ManagementSystem.Both, null, null, null));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task AnAuditorOrEmployee_CannotBeIssuedAWriteToken()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.IssueTokenAsync(organization, organization[OrganizationRole.Auditor], ApiTokenScope.ReadWrite));

        Assert.Contains("Scope", error.Errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RevokedExpiredForgedAndOrphanedTokens_Get401(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var admin = organization[OrganizationRole.Admin];
        var revoked = await app.IssueTokenAsync(organization, admin, ApiTokenScope.Read);
        var expired = await app.IssueTokenAsync(organization, admin, ApiTokenScope.Read);
        var orphaned = await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], ApiTokenScope.Read);
        var valid = await app.IssueTokenAsync(organization, admin, ApiTokenScope.Read);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.IdentifyUser(admin.UserId, admin.Email, AuditChannel.Ui);
            await s.GetRequiredService<RevokeApiToken>().RunAsync(revoked.Id);
            var token = await db.ApiTokens.SingleAsync(t => t.Id == expired.Id);
            token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == organization[OrganizationRole.Contributor].UserId);
            await s.GetRequiredService<ChangeMembership>().RunAsync(membership.Id, OrganizationRole.Contributor, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), membership.Version);
        });
        var forged = valid.Token[..^4] + "AAAA";

        foreach (var token in new[] { revoked.Token, expired.Token, orphaned.Token, forged, "attest_nonsense" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Server.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Server.WithToken(valid.Token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TheApi_DoesNotAcceptTheSessionCookie()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(organization[OrganizationRole.Admin]);

        var response = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangesMadeThroughTheApi_AreAuditedAsTheTokensOwnerOnTheApiChannel(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, manager, ApiTokenScope.ReadWrite)).Token);

        var prefix = await app.WithCoreAsync(organization.Id, (_, db) => db.ApiTokens.Select(t => t.Prefix).SingleAsync());
        var created = await api.PostAsJsonAsync("/api/v1/context-issues",
            new ContextIssueInput("New regulation", PartyKind.External, IssueCategory.Regulatory, ManagementSystem.Aims, "EU AI Act", "Plan", null));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var entry = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.SingleAsync(e => e.RecordId == id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(AuditChannel.Api, entry.Channel);
        Assert.Equal(manager.UserId, entry.ActorUserId);
        Assert.Equal($"{manager.Email} (API token {prefix})", entry.Actor);
    }

    [Fact]
    public async Task TheTokensPage_ShowsANewTokenOnce_AndRevokesIt()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var browser = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        var created = await browser.PostFormAsync("/account/tokens?handler=Create", new() { ["Name"] = "CI", ["Scope"] = "ReadWrite", ["ValidForDays"] = "30" }, formPage: "/account/tokens");
        var html = await created.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\">([^<]+)<").Groups[1].Value;
        var works = await app.Server.WithToken(token).GetAsync("/api/v1/me");
        var again = await browser.GetPageAsync("/account/tokens");
        var id = await app.WithCoreAsync(organization.Id, (_, db) => db.ApiTokens.Select(t => t.Id).SingleAsync());
        await browser.PostFormAsync("/account/tokens?handler=Revoke", new() { ["id"] = id.ToString() }, formPage: "/account/tokens");
        var afterRevoke = await app.Server.WithToken(token).GetAsync("/api/v1/me");

        Assert.StartsWith("attest_", token);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.DoesNotContain(token, again);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }
}
