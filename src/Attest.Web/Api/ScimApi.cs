using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attest.Data;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>
/// SCIM 2.0 (RFC 7643/7644) provisioning at /scim/v2 for identity providers (Entra ID, Okta): Users, Groups and the discovery
/// endpoints. Anonymous to ASP.NET Core authorization on purpose — no cookie and no API token is honoured — because every request
/// authenticates here with a SCIM token (Authorization: Bearer scim_…) and acts in that token's organization only.
/// </summary>
public static class ScimApi
{
    public const string ContentType = "application/scim+json";
    public const int MaxCount = 200;

    public static void MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2").AllowAnonymous().DisableAntiforgery().AddEndpointFilter(GuardAsync).ExcludeFromDescription();
        scim.MapGet("/Users", ListUsers);
        scim.MapPost("/Users", CreateUser);
        scim.MapGet("/Users/{id}", GetUser);
        scim.MapPut("/Users/{id}", ReplaceUser);
        scim.MapPatch("/Users/{id}", PatchUser);
        scim.MapDelete("/Users/{id}", DeleteUser);
        scim.MapGet("/Groups", ListGroups);
        scim.MapPost("/Groups", CreateGroup);
        scim.MapGet("/Groups/{id}", GetGroup);
        scim.MapPut("/Groups/{id}", ReplaceGroup);
        scim.MapPatch("/Groups/{id}", PatchGroup);
        scim.MapDelete("/Groups/{id}", DeleteGroup);
        scim.MapGet("/ServiceProviderConfig", (HttpContext http) => Scim(ScimDiscovery.ServiceProviderConfig(BaseUrl(http.Request))));
        scim.MapGet("/ResourceTypes", (HttpContext http) => Scim(ScimDiscovery.ResourceTypes(BaseUrl(http.Request))));
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpContext http) => ScimDiscovery.ResourceType(name, BaseUrl(http.Request)) is { } found
            ? Scim(found) : Error(404, null, $"There is no resource type {name}; there are User and Group."));
        scim.MapGet("/Schemas", (HttpContext http) => Scim(ScimDiscovery.Schemas(BaseUrl(http.Request))));
        scim.MapGet("/Schemas/{uri}", (string uri, HttpContext http) => ScimDiscovery.Schema(uri, BaseUrl(http.Request)) is { } found
            ? Scim(found) : Error(404, null, $"There is no schema {uri} here."));
    }

    /// <summary>Authenticates the SCIM token, acts in its organization under its name, and turns every refusal into a SCIM error (never a 500 for bad input).</summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<AttestDbContext>();
        var caller = await ScimAuthentication.AuthenticateAsync(db, http.Request.Headers.Authorization.ToString(), http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Attest SCIM\"";
            return Error(401, null, "Send a live SCIM token of the organization: Authorization: Bearer scim_… (Settings → SCIM provisioning).");
        }
        // A signed-in browser's cookie may have set a person and an organization; the token's organization and name replace them.
        using var organization = db.Acting.ActIn(caller.OrganizationId, Organizations.OrganizationRole.Admin);
        using var identity = db.Acting.ActAsService($"SCIM token '{caller.Name}' ({caller.Prefix})", Audit.AuditChannel.Api);
        try
        {
            return await next(context);
        }
        catch (ScimException refused)
        {
            db.ChangeTracker.Clear();
            return Error(refused.Status, refused.ScimType, refused.Message);
        }
        catch (RecordNotFoundException missing)
        {
            return Error(404, null, missing.Message);
        }
        catch (EditConflictException conflict)
        {
            return Error(409, null, conflict.Message);
        }
        catch (ValidationFailedException invalid)
        {
            return Error(400, "invalidValue", invalid.Message);
        }
        catch (DbUpdateException)
        {
            // Two requests creating the same user or group at once: the unique index refused the second.
            return Error(409, "uniqueness", "Another request created the same user or group at the same time; read it and retry.");
        }
    }

    private static async Task<IResult> ListUsers(HttpContext http, AttestDbContext db)
    {
        var (start, count) = Paging(http.Request);
        return Scim(await ScimResources.ListUsersAsync(db, http.Request.Query["filter"], start, count, BaseUrl(http.Request), http.RequestAborted));
    }

    private static async Task<IResult> GetUser(string id, HttpContext http, AttestDbContext db) =>
        Scim(await ScimResources.UserAsync(db, IdOf(id, "User"), BaseUrl(http.Request), http.RequestAborted));

    private static async Task<IResult> CreateUser(HttpContext http, AttestDbContext db, ProvisionScimUser provision)
    {
        var state = ScimUserDocument.Read(await BodyAsync(http.Request));
        var id = await provision.RunAsync(null, state, http.RequestAborted);
        var user = await ScimResources.UserAsync(db, id, BaseUrl(http.Request), http.RequestAborted);
        return Scim(user, StatusCodes.Status201Created, user["meta"]!["location"]!.GetValue<string>());
    }

    private static async Task<IResult> ReplaceUser(string id, HttpContext http, AttestDbContext db, ProvisionScimUser provision)
    {
        var person = IdOf(id, "User");
        var body = await BodyAsync(http.Request);
        await provision.RunAsync(person, ScimUserDocument.Read(body), http.RequestAborted);
        return Scim(await ScimResources.UserAsync(db, person, BaseUrl(http.Request), http.RequestAborted));
    }

    private static async Task<IResult> PatchUser(string id, HttpContext http, AttestDbContext db, ProvisionScimUser provision)
    {
        var person = IdOf(id, "User");
        var body = await BodyAsync(http.Request);
        var state = ScimUserDocument.Patch(await ScimResources.UserStateAsync(db, person, http.RequestAborted), body);
        await provision.RunAsync(person, state, http.RequestAborted);
        return Scim(await ScimResources.UserAsync(db, person, BaseUrl(http.Request), http.RequestAborted));
    }

    /// <summary>Deleting a user deactivates the person: the register keeps leavers (and the access they may still hold).</summary>
    private static async Task<IResult> DeleteUser(string id, DeactivatePerson deactivate, HttpContext http)
    {
        await deactivate.RunAsync(IdOf(id, "User"), null, null, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> ListGroups(HttpContext http, AttestDbContext db)
    {
        var (start, count) = Paging(http.Request);
        return Scim(await ScimResources.ListGroupsAsync(db, http.Request.Query["filter"], start, count, WithMembers(http.Request), BaseUrl(http.Request), http.RequestAborted));
    }

    private static async Task<IResult> GetGroup(string id, HttpContext http, AttestDbContext db) =>
        Scim(await ScimResources.GroupAsync(db, IdOf(id, "Group"), WithMembers(http.Request), BaseUrl(http.Request), http.RequestAborted));

    private static async Task<IResult> CreateGroup(HttpContext http, AttestDbContext db, ProvisionScimGroup provision)
    {
        var body = await BodyAsync(http.Request);
        var id = await provision.RunAsync(null, Text(body, "displayName"), NullableText(body, "externalId"), Members(body) ?? [], http.RequestAborted);
        var group = await ScimResources.GroupAsync(db, id, true, BaseUrl(http.Request), http.RequestAborted);
        return Scim(group, StatusCodes.Status201Created, group["meta"]!["location"]!.GetValue<string>());
    }

    private static async Task<IResult> ReplaceGroup(string id, HttpContext http, AttestDbContext db, ProvisionScimGroup provision)
    {
        var group = IdOf(id, "Group");
        var body = await BodyAsync(http.Request);
        await provision.RunAsync(group, Text(body, "displayName"), NullableText(body, "externalId") ?? "", Members(body) ?? [], http.RequestAborted);
        return Scim(await ScimResources.GroupAsync(db, group, true, BaseUrl(http.Request), http.RequestAborted));
    }

    private static async Task<IResult> PatchGroup(string id, HttpContext http, AttestDbContext db, ProvisionScimGroup provision)
    {
        var group = IdOf(id, "Group");
        var body = await BodyAsync(http.Request);
        var state = ScimGroupPatch.Apply(await ScimResources.GroupStateAsync(db, group, http.RequestAborted), body);
        await provision.RunAsync(group, state.DisplayName, state.ExternalId, state.Members, http.RequestAborted);
        return Scim(await ScimResources.GroupAsync(db, group, WithMembers(http.Request), BaseUrl(http.Request), http.RequestAborted));
    }

    private static async Task<IResult> DeleteGroup(string id, RemoveScimGroup remove, HttpContext http)
    {
        await remove.RunAsync(IdOf(id, "Group"), http.RequestAborted);
        return Results.NoContent();
    }

    private static Guid IdOf(string id, string type) => Guid.TryParse(id, out var parsed) ? parsed : throw new RecordNotFoundException(type, id);

    private static bool WithMembers(HttpRequest request) =>
        !request.Query["excludedAttributes"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("members", StringComparer.OrdinalIgnoreCase);

    private static (int Start, int Count) Paging(HttpRequest request)
    {
        var start = int.TryParse(request.Query["startIndex"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? Math.Max(1, s) : 1;
        var count = int.TryParse(request.Query["count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 0, MaxCount) : 100;
        return (start, count);
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/scim/v2";

    private static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new ScimException(400, "invalidSyntax", "The body must be a JSON object.");
        }
        catch (JsonException unreadable)
        {
            throw new ScimException(400, "invalidSyntax", $"The body is not JSON: {unreadable.Message}");
        }
    }

    private static JsonNode? Attribute(JsonObject body, string name) => body.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Text(JsonObject body, string name) => ScimPatch.Text(Attribute(body, name), name);

    private static string? NullableText(JsonObject body, string name) => Attribute(body, name) is { } value ? ScimPatch.Text(value, name) : null;

    private static List<string>? Members(JsonObject body) => Attribute(body, "members") is { } members ? ScimGroupPatch.MemberIds(members) : null;

    private static IResult Scim(JsonNode body, int status = StatusCodes.Status200OK, string? location = null) => new ScimResult(body, status, location);

    public static IResult Error(int status, string? scimType, string detail)
    {
        var error = new JsonObject { ["schemas"] = new JsonArray(ScimSchemas.Error), ["status"] = status.ToString(CultureInfo.InvariantCulture) };
        if (scimType is not null) error["scimType"] = scimType;
        error["detail"] = detail;
        return new ScimResult(error, status, null);
    }

    private sealed class ScimResult(JsonNode body, int status, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = ContentType;
            if (location is not null) httpContext.Response.Headers.Location = location;
            if (body["meta"]?["version"] is JsonValue version) httpContext.Response.Headers.ETag = version.GetValue<string>();
            await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
        }
    }
}

/// <summary>The discovery documents: what this service provider supports, its resource types and its schemas (the attributes it keeps).</summary>
internal static class ScimDiscovery
{
    public static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["documentationUri"] = "https://www.rfc-editor.org/rfc/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimApi.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "SCIM token", ["primary"] = true,
            ["description"] = "A bearer token created under Settings → SCIM provisioning or with 'attest scim token create'.",
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static JsonObject ResourceTypes(string baseUrl) => List([ResourceType("User", baseUrl)!, ResourceType("Group", baseUrl)!]);

    public static JsonObject? ResourceType(string name, string baseUrl) => name.ToLowerInvariant() switch
    {
        "user" => new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType), ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["description"] = "People of the register",
            ["schema"] = ScimSchemas.User,
            ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimSchemas.EnterpriseUser, ["required"] = false }),
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
        },
        "group" => new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType), ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["description"] = "Groups of people",
            ["schema"] = ScimSchemas.Group,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
        },
        _ => null,
    };

    public static JsonObject Schemas(string baseUrl) =>
        List([Schema(ScimSchemas.User, baseUrl)!, Schema(ScimSchemas.EnterpriseUser, baseUrl)!, Schema(ScimSchemas.Group, baseUrl)!]);

    public static JsonObject? Schema(string uri, string baseUrl)
    {
        (string Name, JsonNode[] Attributes)? schema = uri switch
        {
            ScimSchemas.User => ("User",
            [
                Attr("userName", required: true, uniqueness: "server"), Attr("externalId", caseExact: true),
                Complex("name", Attr("formatted"), Attr("givenName"), Attr("familyName")), Attr("displayName"), Attr("title"), Attr("userType"),
                Attr("active", "boolean"), Complex("emails", multi: true, Attr("value"), Attr("type"), Attr("primary", "boolean")),
            ]),
            ScimSchemas.EnterpriseUser => ("EnterpriseUser", [Attr("department"), Complex("manager", Attr("value"), Attr("$ref", "reference"), Attr("displayName", mutability: "readOnly"))]),
            ScimSchemas.Group => ("Group", [Attr("displayName", required: true, uniqueness: "server"), Attr("externalId", caseExact: true),
                Complex("members", multi: true, Attr("value"), Attr("$ref", "reference"), Attr("display", mutability: "readOnly"))]),
            _ => null,
        };
        if (schema is not { } found) return null;
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Schema), ["id"] = uri, ["name"] = found.Name, ["attributes"] = new JsonArray(found.Attributes),
            ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{uri}" },
        };
    }

    private static JsonObject Attr(string name, string type = "string", bool required = false, string uniqueness = "none", bool caseExact = false, string mutability = "readWrite") => new()
    {
        ["name"] = name, ["type"] = type, ["multiValued"] = false, ["required"] = required, ["caseExact"] = caseExact, ["mutability"] = mutability,
        ["returned"] = "default", ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonObject[] sub) => Complex(name, false, sub);

    private static JsonObject Complex(string name, bool multi, params JsonObject[] sub) => new()
    {
        ["name"] = name, ["type"] = "complex", ["multiValued"] = multi, ["required"] = false, ["mutability"] = "readWrite", ["returned"] = "default",
        ["subAttributes"] = new JsonArray(sub.Select(s => (JsonNode)s).ToArray()),
    };

    private static JsonObject List(JsonNode[] resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse), ["totalResults"] = resources.Length, ["startIndex"] = 1, ["itemsPerPage"] = resources.Length,
        ["Resources"] = new JsonArray(resources),
    };
}
