using System.Net;
using System.Text;
using System.Text.Json;
using Attest.AccessReviews;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.People;

/// <summary>SCIM 2.0 provisioning with request bodies written the way Microsoft Entra ID and Okta send them.</summary>
public sealed class ScimTests
{
    private const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static async Task<HttpClient> ScimClientAsync(TestApp app, TestOrganization organization, string name = "Entra ID")
    {
        var issued = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CreateScimToken>().RunAsync(name));
        return app.Server.WithToken(issued.Token);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/scim+json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(body) });

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EntraId_CreatesUsersWithTheEnterpriseExtension_AndDeactivationMakesThemLeaversWithTheirAccessShown(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var scim = await ScimClientAsync(app, organization);

        var managerResponse = await scim.PostAsync("/scim/v2/Users", Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"5f1e2b3c-0000-4000-8000-000000000001","userName":"ada.boss@contoso.example","active":true,
             "displayName":"Ada Boss","emails":[{"primary":true,"type":"work","value":"ada.boss@contoso.example"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"Ada Boss","familyName":"Boss","givenName":"Ada"},"roles":[],
             "title":"Head of engineering","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Engineering"}}
            """));
        Assert.Equal(HttpStatusCode.Created, managerResponse.StatusCode);
        Assert.Equal("application/scim+json", managerResponse.Content.Headers.ContentType!.MediaType);
        var managerId = (await ReadAsync(managerResponse)).GetProperty("id").GetString();

        var created = await scim.PostAsync("/scim/v2/Users", Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"5f1e2b3c-0000-4000-8000-000000000002","userName":"Bo.Dev@contoso.example","active":true,
             "emails":[{"primary":false,"type":"other","value":"bo@home.example"},{"primary":true,"type":"work","value":"Bo.Dev@contoso.example"}],
             "meta":{"resourceType":"User"},"name":{"familyName":"Dev","givenName":"Bo"},"title":"Data engineer","userType":"Contractor",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"AI platform","employeeNumber":"E-204","manager":{"value":"{{managerId}}"} } }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await ReadAsync(created);
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal($"http://localhost/scim/v2/Users/{id}", created.Headers.Location!.ToString());
        Assert.Equal("W/\"1\"", user.GetProperty("meta").GetProperty("version").GetString());
        Assert.Equal("User", user.GetProperty("meta").GetProperty("resourceType").GetString());
        Assert.Equal(managerId, user.GetProperty(EnterpriseSchema).GetProperty("manager").GetProperty("value").GetString());

        var person = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id)));
        Assert.Equal(("Bo Dev", "Bo.Dev@contoso.example", "bo.dev@contoso.example", PersonType.Contractor, "AI platform", "Data engineer", PersonSource.Scim),
            (person.Name, person.Email, person.EmailKey, person.Type, person.Department, person.Role, person.Source));
        Assert.Equal(Guid.Parse(managerId!), person.ManagerId);
        Assert.Equal("5f1e2b3c-0000-4000-8000-000000000002", person.ExternalId);

        // The person holds an account; Entra ID then disables the user with its PATCH (value "False" as a string, op capitalized).
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var system = new AccessSystem { Name = "GitHub" };
            db.AccessSystems.Add(system);
            db.AccessGrants.Add(new AccessGrant { SystemId = system.Id, Account = "bodev", Email = person.Email, PersonId = person.Id, Entitlement = "Owner", FirstSeenOn = new DateOnly(2026, 1, 1) });
            await db.SaveChangesAsync();
        });
        var disabled = await PatchAsync(scim, $"/scim/v2/Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await ReadAsync(disabled)).GetProperty("active").GetBoolean());
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.DetailAsync(db, Guid.Parse(id)));
        Assert.Equal(PersonStatus.Left, detail.Status);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), detail.EndDate);
        Assert.False(detail.Active);
        Assert.True(detail.LeftWithAccess);
        Assert.Equal("GitHub", Assert.Single(detail.Access).System);

        // Okta's form of a deactivation (a path-less replace) and of a reactivation (path "active") are read too.
        var reactivated = await PatchAsync(scim, $"/scim/v2/Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":true}]}
            """);
        Assert.True((await ReadAsync(reactivated)).GetProperty("active").GetBoolean());
        var oktaOff = await PatchAsync(scim, $"/scim/v2/Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """);
        Assert.False((await ReadAsync(oktaOff)).GetProperty("active").GetBoolean());

        // Deleting never removes the person.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);
        Assert.Equal(2, await app.WithCoreAsync(organization.Id, (_, db) => db.People.CountAsync()));
        // Every change is audited under the token's name.
        var actors = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.Where(a => a.RecordType == "Person").Select(a => new { a.Actor, a.ActorUserId }).Distinct().ToListAsync());
        var actor = Assert.Single(actors);
        Assert.Equal("SCIM token 'Entra ID'", actor.Actor.Split(" (")[0]);
        // A token is not a person of Attest: no user is named as the actor.
        Assert.Null(actor.ActorUserId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Okta_FindsUsersByUserName_ReplacesAndPatchesThem_AndDuplicatesAreConflicts(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var scim = await ScimClientAsync(app, organization, "Okta");
        const string create = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"carla.ops@contoso.example",
             "name":{"givenName":"Carla","familyName":"Ops"},"emails":[{"primary":true,"value":"carla.ops@contoso.example","type":"work"}],
             "displayName":"Carla Ops","locale":"en-US","externalId":"00u1abcd","groups":[],"password":"ignored-1!","active":true}
            """;

        var none = await ReadAsync(await scim.GetAsync("/scim/v2/Users?filter=userName%20eq%20%22carla.ops%40contoso.example%22&startIndex=1&count=100"));
        Assert.Equal(0, none.GetProperty("totalResults").GetInt32());
        var created = await scim.PostAsync("/scim/v2/Users", Json(create));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ReadAsync(created)).GetProperty("id").GetString();

        var found = await ReadAsync(await scim.GetAsync("/scim/v2/Users?filter=userName%20eq%20%22CARLA.OPS%40contoso.example%22"));
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        Assert.Equal(id, found.GetProperty("Resources")[0].GetProperty("id").GetString());
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", found.GetProperty("schemas")[0].GetString());
        Assert.Equal(1, (await ReadAsync(await scim.GetAsync("/scim/v2/Users?filter=externalId%20eq%20%2200u1abcd%22"))).GetProperty("totalResults").GetInt32());

        var duplicate = await scim.PostAsync("/scim/v2/Users", Json(create));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var error = await ReadAsync(duplicate);
        Assert.Equal(("urn:ietf:params:scim:api:messages:2.0:Error", "409", "uniqueness"),
            (error.GetProperty("schemas")[0].GetString(), error.GetProperty("status").GetString(), error.GetProperty("scimType").GetString()));

        var replaced = await scim.PutAsync($"/scim/v2/Users/{id}", Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{id}}","userName":"carla.ops@contoso.example",
             "name":{"givenName":"Carla","familyName":"Operations"},"emails":[{"primary":true,"value":"carla.ops@contoso.example","type":"work"}],
             "title":"Site reliability engineer","active":true}
            """));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await ReadAsync(replaced);
        Assert.Equal(("Carla Operations", "Site reliability engineer", "W/\"2\""), (after.GetProperty("displayName").GetString(), after.GetProperty("title").GetString(),
            after.GetProperty("meta").GetProperty("version").GetString()));

        var patched = await PatchAsync(scim, $"/scim/v2/Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","value":{"name":{"givenName":"Carla","familyName":"Ops-Lee"}}},
              {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Operations"}]}
            """);
        var person = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id!)));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(("Carla Ops-Lee", "Operations", PersonType.Employee), (person.Name, person.Department, person.Type));

        // Bad input is a SCIM error, never a 500.
        Assert.Equal(HttpStatusCode.BadRequest, (await scim.GetAsync("/scim/v2/Users?filter=userName%20co%20%22carla%22")).StatusCode);
        Assert.Equal("invalidFilter", (await ReadAsync(await scim.GetAsync("/scim/v2/Users?filter=nickName%20eq%20%22x%22"))).GetProperty("scimType").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await scim.PostAsync("/scim/v2/Users", Json("{not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await scim.PostAsync("/scim/v2/Users", Json("""{"userName":"no-email"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(scim, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"explode"}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync("/scim/v2/Users/not-a-guid")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Groups_AreCreatedAndTheirMembersAddedAndRemoved_AsEntraAndOktaSendIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var scim = await ScimClientAsync(app, organization);
        var ids = new List<string>();
        foreach (var name in new[] { "dana", "eli", "fay" })
        {
            var response = await scim.PostAsync("/scim/v2/Users", Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{name}}@contoso.example","active":true }"""));
            ids.Add((await ReadAsync(response)).GetProperty("id").GetString()!);
        }

        var created = await scim.PostAsync("/scim/v2/Groups", Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Privileged administrators","externalId":"grp-1",
             "members":[{"value":"{{ids[0]}}","display":"dana"}]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (await ReadAsync(created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await scim.PostAsync("/scim/v2/Groups", Json("""{"displayName":"Privileged administrators"}"""))).StatusCode);

        // Entra ID adds members with a path and a list.
        await PatchAsync(scim, $"/scim/v2/Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{ids[1]}}"},{"value":"{{ids[2]}}"}]}]}
            """);
        // Okta removes one with a filtered path, and renames the group without a path.
        var patched = await PatchAsync(scim, $"/scim/v2/Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"remove","path":"members[value eq \"{{ids[0]}}\"]"},
              {"op":"replace","value":{"id":"{{groupId}}","displayName":"Privileged admins"} }]}
            """);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var group = await ReadAsync(await scim.GetAsync($"/scim/v2/Groups/{groupId}"));
        Assert.Equal("Privileged admins", group.GetProperty("displayName").GetString());
        Assert.Equal(ids.Skip(1).Order(), group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()!).Order());
        // Entra ID's removal: op Remove, path members, the list to remove.
        await PatchAsync(scim, $"/scim/v2/Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{ids[1]}}"}]}]}
            """);
        var listed = await ReadAsync(await scim.GetAsync("/scim/v2/Groups?filter=displayName%20eq%20%22Privileged%20admins%22&excludedAttributes=members"));
        Assert.Equal(1, listed.GetProperty("totalResults").GetInt32());
        Assert.False(listed.GetProperty("Resources")[0].TryGetProperty("members", out _));
        var members = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonGroupMembers.Select(m => m.PersonId).ToListAsync());
        Assert.Equal([Guid.Parse(ids[2])], members);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(scim, $"/scim/v2/Groups/{groupId}", """
            {"Operations":[{"op":"add","path":"members","value":[{"value":"00000000-0000-0000-0000-000000000001"}]}]}
            """)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Groups/{groupId}")).StatusCode);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.PersonGroups.CountAsync()));
        Assert.Equal(3, await app.WithCoreAsync(organization.Id, (_, db) => db.People.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WrongRevokedOrOtherKindsOfTokens_Get401_AndAnotherOrganizationsUsersAre404(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var scim = await ScimClientAsync(app, organization);
        var stranger = await ScimClientAsync(app, other, "Other IdP");
        var created = await scim.PostAsync("/scim/v2/Users", Json("""{"userName":"gil@contoso.example","active":true}"""));
        var id = (await ReadAsync(created)).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/scim/v2/Users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(stranger, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"replace","path":"active","value":false}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);
        Assert.Equal(0, (await ReadAsync(await stranger.GetAsync("/scim/v2/Users"))).GetProperty("totalResults").GetInt32());

        var apiToken = (await app.IssueTokenAsync(organization, organization[Attest.Organizations.OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token;
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Server.WithToken(apiToken).GetAsync("/scim/v2/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Server.WithToken("scim_000000000000_wrong").GetAsync("/scim/v2/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Server.CreateClient().GetAsync("/scim/v2/ServiceProviderConfig")).StatusCode);
        var admin = await app.SignInAsync(organization[Attest.Organizations.OrganizationRole.Admin]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/scim/v2/Users")).StatusCode);

        var discovery = await ReadAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig"));
        Assert.True(discovery.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.Equal(2, (await ReadAsync(await scim.GetAsync("/scim/v2/ResourceTypes"))).GetProperty("totalResults").GetInt32());
        Assert.Equal(3, (await ReadAsync(await scim.GetAsync("/scim/v2/Schemas"))).GetProperty("totalResults").GetInt32());

        var tokenId = await app.WithCoreAsync(organization.Id, (_, db) => db.ScimTokens.Select(t => t.Id).SingleAsync());
        Assert.NotNull(await app.WithCoreAsync(organization.Id, (_, db) => db.ScimTokens.Select(t => t.LastUsedAt).SingleAsync()));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<RevokeScimToken>().RunAsync(tokenId));
        var refused = await scim.GetAsync("/scim/v2/Users");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("401", (await ReadAsync(refused)).GetProperty("status").GetString());
    }
}
