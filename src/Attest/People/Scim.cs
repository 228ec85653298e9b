using System.Globalization;
using System.Text.Json.Nodes;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

/// <summary>A request SCIM refuses, with its HTTP status and RFC 7644 scimType (uniqueness, invalidValue, invalidFilter, invalidSyntax …).</summary>
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;

    public static ScimException Invalid(string detail) => new(400, "invalidValue", detail);
}

public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
}

/// <summary>What Attest keeps of a SCIM user: the state a create or replace asks for, or a person's state a patch starts from.</summary>
public sealed record ScimUserState(
    string UserName, string? ExternalId, string GivenName, string FamilyName, string Formatted, string DisplayName, string Email, bool? Active, string Title,
    string? UserType, string Department, string? ManagerId);

/// <summary>Reading SCIM user bodies and PATCH operations as Entra ID and Okta send them.</summary>
public static class ScimUserDocument
{
    public static ScimUserState Read(JsonObject body) => Apply(new ScimUserState("", null, "", "", "", "", "", null, "", null, "", null), body);

    /// <summary>Applies every attribute of <paramref name="body"/> (a whole resource, or the value of a path-less add/replace) to <paramref name="state"/>.</summary>
    public static ScimUserState Apply(ScimUserState state, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name.Equals("schemas", StringComparison.OrdinalIgnoreCase) || name.Equals("meta", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("id", StringComparison.OrdinalIgnoreCase)) continue;
            state = Set(state, name, value, remove: false);
        }
        return state;
    }

    /// <summary>Applies a PatchOp body's Operations in order.</summary>
    public static ScimUserState Patch(ScimUserState state, JsonObject body)
    {
        foreach (var (op, path, value) in ScimPatch.Operations(body))
        {
            if (path is null)
            {
                if (op == "remove") throw new ScimException(400, "noTarget", "a remove operation needs a path.");
                if (value is not JsonObject attributes) throw ScimException.Invalid("an add or replace without a path needs an object of attributes as its value.");
                state = Apply(state, attributes);
            }
            else state = Set(state, path, value, remove: op == "remove");
        }
        return state;
    }

    private static ScimUserState Set(ScimUserState state, string path, JsonNode? value, bool remove)
    {
        var lower = path.Trim().ToLowerInvariant();
        var enterprise = ScimSchemas.EnterpriseUser.ToLowerInvariant();
        if (lower == enterprise)
        {
            if (remove) return state with { Department = "", ManagerId = null };
            return value is JsonObject extension ? extension.Aggregate(state, (s, a) => Set(s, enterprise + ":" + a.Key, a.Value, false)) : state;
        }
        if (lower.StartsWith(enterprise + ":", StringComparison.Ordinal)) lower = "enterprise." + lower[(enterprise.Length + 1)..];
        else if (lower.StartsWith(ScimSchemas.User.ToLowerInvariant() + ":", StringComparison.Ordinal)) lower = lower[(ScimSchemas.User.Length + 1)..];
        string Text() => remove ? "" : ScimPatch.Text(value, path);
        switch (lower)
        {
            case "username": return state with { UserName = Text() };
            case "externalid": return state with { ExternalId = remove ? null : Text() };
            case "displayname": return state with { DisplayName = Text() };
            case "title": return state with { Title = Text() };
            case "usertype": return state with { UserType = remove ? null : Text() };
            case "active": return remove ? state : state with { Active = ScimPatch.Flag(value, path) };
            case "name":
                if (remove) return state with { GivenName = "", FamilyName = "", Formatted = "" };
                if (value is not JsonObject name) throw ScimException.Invalid("name must be an object (givenName, familyName, formatted).");
                return name.Aggregate(state, (s, a) => Set(s, "name." + a.Key, a.Value, false));
            case "name.givenname": return state with { GivenName = Text() };
            case "name.familyname": return state with { FamilyName = Text() };
            case "name.formatted": return state with { Formatted = Text() };
            case "emails":
                if (remove) return state with { Email = "" };
                return state with { Email = PreferredEmail(value) ?? state.Email };
            case "emails.value":
            case "emails[type eq \"work\"].value":
            case "emails[primary eq true].value":
                return state with { Email = Text() };
            case "enterprise.department": return state with { Department = Text() };
            case "enterprise.manager":
                if (remove) return state with { ManagerId = null };
                // Entra ID sends the manager's id as a plain string; the RFC's form is {"value": id}.
                var manager = value is JsonObject reference ? ScimPatch.Text(reference["value"], path + ".value") : ScimPatch.Text(value, path);
                return state with { ManagerId = manager.Length == 0 ? null : manager };
            case "enterprise.manager.value":
                return state with { ManagerId = remove || Text().Length == 0 ? null : Text() };
            default:
                // Attributes Attest does not keep (phone numbers, addresses, locale, employeeNumber …) are accepted and not stored, so a
                // provider's default attribute mapping works unchanged.
                return state;
        }
    }

    private static string? PreferredEmail(JsonNode? value)
    {
        if (value is JsonObject single) value = new JsonArray(single.DeepClone());
        if (value is not JsonArray emails) throw ScimException.Invalid("emails must be a list of {\"value\": …, \"type\": \"work\", \"primary\": true}.");
        var entries = emails.OfType<JsonObject>().Select(e => new
        {
            Value = ScimPatch.Text(e["value"], "emails.value"),
            Primary = e["primary"] is { } p && ScimPatch.Flag(p, "emails.primary"),
            Work = e["type"] is JsonValue t && string.Equals(t.ToString(), "work", StringComparison.OrdinalIgnoreCase),
        }).Where(e => e.Value.Length > 0).ToList();
        return (entries.FirstOrDefault(e => e.Primary) ?? entries.FirstOrDefault(e => e.Work) ?? entries.FirstOrDefault())?.Value;
    }
}

/// <summary>The PatchOp envelope and the value conversions both resource types share.</summary>
public static class ScimPatch
{
    public static IEnumerable<(string Op, string? Path, JsonNode? Value)> Operations(JsonObject body)
    {
        var operations = body.FirstOrDefault(p => p.Key.Equals("Operations", StringComparison.OrdinalIgnoreCase)).Value as JsonArray
            ?? throw new ScimException(400, "invalidSyntax", "a PATCH body needs \"Operations\": a list of {\"op\", \"path\", \"value\"}.");
        var result = new List<(string, string?, JsonNode?)>();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation) throw new ScimException(400, "invalidSyntax", "each operation must be an object.");
            string? Get(string name) => operation.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var op = Get("op")?.Trim().ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove")) throw new ScimException(400, "invalidSyntax", $"op '{Get("op")}' is not add, replace or remove.");
            var path = Get("path");
            var value = operation.FirstOrDefault(p => p.Key.Equals("value", StringComparison.OrdinalIgnoreCase)).Value;
            result.Add((op, string.IsNullOrWhiteSpace(path) ? null : path.Trim(), value));
        }
        return result;
    }

    public static string Text(JsonNode? value, string path)
    {
        if (value is null) return "";
        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue<string>(out var text)) return text.Trim();
            return scalar.ToJsonString().Trim('"');
        }
        // Okta and Entra sometimes wrap a single value in a list of one.
        if (value is JsonArray { Count: 1 } one) return one[0] is JsonObject o ? Text(o["value"], path) : Text(one[0], path);
        throw ScimException.Invalid($"{path} must be a single value.");
    }

    /// <summary>A boolean as providers send it: true/false, or the strings "True"/"False" (Entra ID).</summary>
    public static bool Flag(JsonNode? value, string path)
    {
        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue<bool>(out var flag)) return flag;
            if (scalar.TryGetValue<string>(out var text) && bool.TryParse(text.Trim(), out var parsed)) return parsed;
        }
        throw ScimException.Invalid($"{path} must be true or false.");
    }
}

/// <summary>The one filter form providers use to find a resource: <c>attribute eq "value"</c>.</summary>
public sealed record ScimFilter(string Attribute, string Value)
{
    public static ScimFilter? Parse(string? filter, IReadOnlyCollection<string> attributes)
    {
        if (string.IsNullOrWhiteSpace(filter)) return null;
        var text = filter.Trim();
        var space = text.IndexOf(' ');
        var rest = space < 0 ? "" : text[(space + 1)..].TrimStart();
        if (space < 0 || !rest.StartsWith("eq ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(400, "invalidFilter", $"filter '{filter}' is not supported: use {string.Join(" or ", attributes.Select(a => $"{a} eq \"…\""))}.");
        }
        var attribute = attributes.FirstOrDefault(a => a.Equals(text[..space], StringComparison.OrdinalIgnoreCase))
            ?? throw new ScimException(400, "invalidFilter", $"filtering on '{text[..space]}' is not supported: use {string.Join(", ", attributes)}.");
        var literal = rest[3..].Trim();
        string value;
        try
        {
            value = literal.StartsWith('"') ? JsonNode.Parse(literal)!.GetValue<string>() : literal;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new ScimException(400, "invalidFilter", $"the value in filter '{filter}' is not a quoted string.");
        }
        return new ScimFilter(attribute, value);
    }
}

/// <summary>
/// Creates or replaces a person from a SCIM user (Person.Source = Scim). A user whose e-mail is already in the register by hand or by
/// import is taken over rather than duplicated; another SCIM user with the same userName or e-mail is a uniqueness conflict.
/// Deactivation (active false) sets the last day to today unless one is set, so the leaver shows with the access still held.
/// </summary>
public sealed class ProvisionScimUser(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ScimUserState state, CancellationToken cancellationToken = default)
    {
        var userName = state.UserName.Trim();
        if (userName.Length == 0) throw ScimException.Invalid("userName is required.");
        if (userName.Length > 320) throw ScimException.Invalid("userName may have at most 320 characters.");
        if (state.ExternalId is { Length: > 200 }) throw ScimException.Invalid("externalId may have at most 200 characters.");
        var email = state.Email.Trim().Length > 0 ? state.Email.Trim() : PersonRules.IsEmail(userName) ? userName : "";
        if (email.Length == 0) throw ScimException.Invalid("a user needs an e-mail address: send emails (type work or primary), or a userName that is an e-mail address.");
        var key = PersonLookup.KeyOf(email);
        var lowerUserName = userName.ToLowerInvariant();

        Person? person = null;
        if (id is not null) person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("User", id);
        var sameUserName = await db.People.Where(p => p.UserName != null && p.UserName.ToLower() == lowerUserName && p.Id != id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (sameUserName is not null) throw new ScimException(409, "uniqueness", $"userName {userName} is already provisioned ({sameUserName}).");
        var sameEmail = await db.People.FirstOrDefaultAsync(p => p.EmailKey == key && p.Id != id, cancellationToken);
        if (sameEmail is not null)
        {
            if (person is not null || sameEmail.Source == PersonSource.Scim) throw new ScimException(409, "uniqueness", $"{email} is already the e-mail of {sameEmail.Name}.");
            person = sameEmail;
        }

        var today = PersonRules.Today(db);
        var isNew = person is null;
        var input = person is null ? new PersonInput("", email) : SavePerson.InputOf(person);
        var name = state.Formatted.Trim().Length > 0 ? state.Formatted.Trim()
            : $"{state.GivenName.Trim()} {state.FamilyName.Trim()}".Trim() is { Length: > 0 } joined ? joined
            : state.DisplayName.Trim().Length > 0 ? state.DisplayName.Trim() : userName;
        Guid? managerId = null;
        if (state.ManagerId is { Length: > 0 } managerText)
        {
            if (!Guid.TryParse(managerText, out var parsed) || !await db.People.AnyAsync(p => p.Id == parsed, cancellationToken))
            {
                throw ScimException.Invalid($"manager {managerText} is not a user here: send the SCIM id of a user provisioned (or listed) in this organization.");
            }
            managerId = parsed;
        }
        input = input with
        {
            Name = name, Email = email, Role = state.Title.Trim(), Department = state.Department.Trim(), ManagerId = managerId,
            Type = state.UserType is { } userType ? TypeOf(userType) : input.Type,
        };
        var wasActive = person?.Active ?? true;
        if (state.Active is { } active)
        {
            if (active && !wasActive && input.EndDate is { } end && end < today) input = input with { EndDate = null };
            if (!active && input.EndDate is null) input = input with { EndDate = today };
            input = input with { Active = active };
            if (!active && input.StartDate is { } start && start > input.EndDate) input = input with { StartDate = input.EndDate };
        }
        var validation = PersonRules.Validate(input);
        await SavePerson.CheckManagerAsync(db, validation, person?.Id ?? Guid.Empty, managerId, cancellationToken);
        try
        {
            validation.ThrowIfInvalid();
        }
        catch (ValidationFailedException invalid)
        {
            throw ScimException.Invalid(string.Join(" ", invalid.Errors.SelectMany(e => e.Value.Select(m => $"{Attribute(e.Key)}: {m}"))));
        }

        var before = person is null ? null : new { person.StartDate, person.EndDate, person.Active };
        if (person is null)
        {
            person = new Person { Name = name, Email = email, Source = PersonSource.Scim };
            db.People.Add(person);
        }
        SavePerson.Apply(person, input);
        person.Source = PersonSource.Scim;
        person.UserName = userName;
        person.ExternalId = string.IsNullOrWhiteSpace(state.ExternalId) ? person.ExternalId : state.ExternalId.Trim();
        person.UserId ??= await SavePerson.MemberWithEmailAsync(db, key, person.Id, cancellationToken);
        // Deactivation by the provider is a leaving: it starts offboarding even when a last day was known before.
        var leaving = before is { Active: true } && !person.Active;
        await Checklists.FollowDatesAsync(db, person, before?.StartDate, leaving ? null : before?.EndDate, isNew, cancellationToken);
        await db.SaveAsync("person", cancellationToken);
        return person.Id;
    }

    /// <summary>userType as providers send it: Employee, Contractor, and anything else (Guest, Vendor, Partner …) a third party.</summary>
    private static PersonType TypeOf(string userType) => userType.Trim().ToLowerInvariant() switch
    {
        "employee" or "member" or "staff" => PersonType.Employee,
        "contractor" or "consultant" => PersonType.Contractor,
        _ => PersonType.ThirdParty,
    };

    private static string Attribute(string field) => field switch
    {
        nameof(PersonInput.Name) => "name",
        nameof(PersonInput.Email) => "emails",
        nameof(PersonInput.Role) => "title",
        nameof(PersonInput.Department) => ScimSchemas.EnterpriseUser + ":department",
        nameof(PersonInput.ManagerId) => ScimSchemas.EnterpriseUser + ":manager",
        _ => field,
    };
}

/// <summary>Creates or replaces a group from SCIM: its name, external id and (when given) the whole list of members.</summary>
public sealed class ProvisionScimGroup(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, string displayName, string? externalId, IReadOnlyList<string>? memberIds, CancellationToken cancellationToken = default)
    {
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0) throw ScimException.Invalid("displayName is required.");
        if (name.Length > 200) throw ScimException.Invalid("displayName may have at most 200 characters.");
        if (externalId is { Length: > 200 }) throw ScimException.Invalid("externalId may have at most 200 characters.");
        PersonGroup? group = null;
        if (id is not null) group = await db.PersonGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Group", id);
        if (await db.PersonGroups.AnyAsync(g => g.DisplayName == name && g.Id != id, cancellationToken)) throw new ScimException(409, "uniqueness", $"a group is already called {name}.");
        List<Guid>? members = null;
        if (memberIds is not null)
        {
            members = [];
            foreach (var member in memberIds.Distinct())
            {
                if (!Guid.TryParse(member, out var parsed)) throw ScimException.Invalid($"member {member} is not a user here.");
                members.Add(parsed);
            }
            var known = await db.People.Where(p => members.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            if (members.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty) throw ScimException.Invalid($"member {missing} is not a user here.");
        }
        if (group is null)
        {
            group = new PersonGroup { DisplayName = name, Source = PersonSource.Scim };
            db.PersonGroups.Add(group);
        }
        group.DisplayName = name;
        if (externalId is not null) group.ExternalId = externalId.Trim().Length == 0 ? null : externalId.Trim();
        if (members is not null)
        {
            var current = id is null ? [] : await db.PersonGroupMembers.Where(m => m.GroupId == group.Id).ToListAsync(cancellationToken);
            var removed = current.Where(m => !members.Contains(m.PersonId)).ToList();
            var added = members.Where(p => !current.Any(m => m.PersonId == p)).ToList();
            db.PersonGroupMembers.RemoveRange(removed);
            foreach (var person in added) db.PersonGroupMembers.Add(new PersonGroupMember { GroupId = group.Id, PersonId = person });
            // The group's own row changes with its members, so its version (the SCIM meta.version) moves.
            if (removed.Count > 0 || added.Count > 0) group.UpdatedAt = Instant.Now(db.Clock);
        }
        await db.SaveAsync("group", cancellationToken);
        return group.Id;
    }
}

/// <summary>Removes a group and its memberships; the people stay.</summary>
public sealed class RemoveScimGroup(AttestDbContext db)
{
    public async Task RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var group = await db.PersonGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Group", id);
        db.PersonGroupMembers.RemoveRange(await db.PersonGroupMembers.Where(m => m.GroupId == id).ToListAsync(cancellationToken));
        db.PersonGroups.Remove(group);
        await db.SaveAsync("group", cancellationToken);
    }
}

/// <summary>Group PATCH: members added, removed (by list or by <c>members[value eq "id"]</c>) or replaced, and the name replaced.</summary>
public static class ScimGroupPatch
{
    public sealed record State(string DisplayName, string? ExternalId, List<string> Members);

    public static State Apply(State state, JsonObject body)
    {
        foreach (var (op, path, value) in ScimPatch.Operations(body))
        {
            var lower = path?.ToLowerInvariant();
            if (lower is null)
            {
                if (op == "remove") throw new ScimException(400, "noTarget", "a remove operation needs a path.");
                if (value is not JsonObject attributes) throw ScimException.Invalid("an add or replace without a path needs an object of attributes as its value.");
                foreach (var (name, attribute) in attributes)
                {
                    state = name.ToLowerInvariant() switch
                    {
                        "displayname" => state with { DisplayName = ScimPatch.Text(attribute, "displayName") },
                        "externalid" => state with { ExternalId = ScimPatch.Text(attribute, "externalId") },
                        "members" => op == "add" ? state with { Members = [.. state.Members.Union(MemberIds(attribute))] } : state with { Members = MemberIds(attribute) },
                        _ => state,
                    };
                }
            }
            else if (lower == "displayname") state = op == "remove" ? throw ScimException.Invalid("displayName cannot be removed.") : state with { DisplayName = ScimPatch.Text(value, path!) };
            else if (lower == "externalid") state = state with { ExternalId = op == "remove" ? "" : ScimPatch.Text(value, path!) };
            else if (lower == "members")
            {
                state = op switch
                {
                    "add" => state with { Members = [.. state.Members.Union(MemberIds(value))] },
                    "replace" => state with { Members = MemberIds(value) },
                    // Without a value, remove takes every member away (RFC 7644 3.5.2.2).
                    _ => state with { Members = value is null ? [] : [.. state.Members.Except(MemberIds(value))] },
                };
            }
            else if (lower.StartsWith("members[", StringComparison.Ordinal) && op == "remove")
            {
                var full = path!;
                var close = full.LastIndexOf(']');
                if (close < full.IndexOf('[')) throw new ScimException(400, "invalidPath", $"path '{full}' is not members[value eq \"id\"].");
                var inner = full[(full.IndexOf('[') + 1)..close];
                var filter = ScimFilter.Parse(inner, ["value"])!;
                state = state with { Members = state.Members.Where(m => !m.Equals(filter.Value, StringComparison.OrdinalIgnoreCase)).ToList() };
            }
            else throw new ScimException(400, "invalidPath", $"path '{path}' is not an attribute of a group Attest can change.");
        }
        return state;
    }

    public static List<string> MemberIds(JsonNode? value)
    {
        if (value is JsonObject single) value = new JsonArray(single.DeepClone());
        if (value is not JsonArray members) throw ScimException.Invalid("members must be a list of {\"value\": \"user id\"}.");
        return members.Select(m => m is JsonObject o ? ScimPatch.Text(o["value"], "members.value") : ScimPatch.Text(m, "members")).Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// <summary>SCIM resources as JSON: users and groups read from the register, with meta (location, created, lastModified, version W/"n").</summary>
public static class ScimResources
{
    public sealed record UserRow(Guid Id, string Name, string Email, string? UserName, string? ExternalId, bool Active, string Role, PersonType Type, string Department,
        Guid? ManagerId, string? ManagerName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

    public sealed record GroupRow(Guid Id, string DisplayName, string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

    public static readonly string[] UserFilters = ["userName", "externalId", "id", "emails.value", "displayName"];
    public static readonly string[] GroupFilters = ["displayName", "externalId", "id"];

    private static IQueryable<UserRow> Project(AttestDbContext db, IQueryable<Person> people) =>
        people.Select(p => new UserRow(p.Id, p.Name, p.Email, p.UserName, p.ExternalId, p.Active, p.Role, p.Type, p.Department, p.ManagerId,
            db.People.Where(m => m.Id == p.ManagerId).Select(m => m.Name).FirstOrDefault(), p.CreatedAt, p.UpdatedAt, p.Version));

    /// <summary>One page of users (startIndex from 1), as a ListResponse: two queries.</summary>
    public static async Task<JsonObject> ListUsersAsync(AttestDbContext db, string? filter, int startIndex, int count, string baseUrl, CancellationToken cancellationToken)
    {
        var parsed = ScimFilter.Parse(filter, UserFilters);
        var query = db.People.AsNoTracking();
        if (parsed is not null)
        {
            var value = parsed.Value;
            var lower = value.ToLowerInvariant();
            query = parsed.Attribute switch
            {
                "userName" => query.Where(p => p.UserName != null && p.UserName.ToLower() == lower),
                "externalId" => query.Where(p => p.ExternalId == value),
                "emails.value" => query.Where(p => p.EmailKey == lower),
                "displayName" => query.Where(p => p.Name == value),
                _ => Guid.TryParse(value, out var id) ? query.Where(p => p.Id == id) : query.Where(p => false),
            };
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = count == 0 ? [] : await Project(db, query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(startIndex - 1).Take(count)).ToListAsync(cancellationToken);
        return List(total, startIndex, rows.Select(r => (JsonNode)User(r, baseUrl)).ToArray());
    }

    public static async Task<JsonObject> UserAsync(AttestDbContext db, Guid id, string baseUrl, CancellationToken cancellationToken) =>
        User(await Project(db, db.People.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("User", id), baseUrl);

    /// <summary>A person as the state a PATCH starts from.</summary>
    public static async Task<ScimUserState> UserStateAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await Project(db, db.People.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("User", id);
        var (given, family) = Split(row.Name);
        // The name is kept whole; split at its first space it joins back the same, so a patch of either part changes just that part.
        return new ScimUserState(row.UserName ?? row.Email, row.ExternalId, given, family, "", row.Name, row.Email, row.Active, row.Role, UserType(row.Type),
            row.Department, row.ManagerId?.ToString());
    }

    private static (string Given, string Family) Split(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? (name, "") : (name[..space], name[(space + 1)..]);
    }

    private static string UserType(PersonType type) => type switch { PersonType.Employee => "Employee", PersonType.Contractor => "Contractor", _ => "ThirdParty" };

    public static JsonObject User(UserRow r, string baseUrl)
    {
        var (given, family) = Split(r.Name);
        var enterprise = new JsonObject { ["department"] = r.Department };
        if (r.ManagerId is { } manager) enterprise["manager"] = new JsonObject { ["value"] = manager.ToString(), ["$ref"] = $"{baseUrl}/Users/{manager}", ["displayName"] = r.ManagerName };
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.User, ScimSchemas.EnterpriseUser),
            ["id"] = r.Id.ToString(),
            ["externalId"] = r.ExternalId,
            ["userName"] = r.UserName ?? r.Email,
            ["name"] = new JsonObject { ["formatted"] = r.Name, ["givenName"] = given, ["familyName"] = family },
            ["displayName"] = r.Name,
            ["title"] = r.Role,
            ["userType"] = UserType(r.Type),
            ["active"] = r.Active,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = r.Email, ["type"] = "work", ["primary"] = true }),
            [ScimSchemas.EnterpriseUser] = enterprise,
            ["meta"] = Meta("User", $"{baseUrl}/Users/{r.Id}", r.CreatedAt, r.UpdatedAt, r.Version),
        };
    }

    public static async Task<JsonObject> ListGroupsAsync(AttestDbContext db, string? filter, int startIndex, int count, bool withMembers, string baseUrl, CancellationToken cancellationToken)
    {
        var parsed = ScimFilter.Parse(filter, GroupFilters);
        var query = db.PersonGroups.AsNoTracking();
        if (parsed is not null)
        {
            var value = parsed.Value;
            query = parsed.Attribute switch
            {
                "displayName" => query.Where(g => g.DisplayName == value),
                "externalId" => query.Where(g => g.ExternalId == value),
                _ => Guid.TryParse(value, out var id) ? query.Where(g => g.Id == id) : query.Where(g => false),
            };
        }
        var total = await query.CountAsync(cancellationToken);
        var groups = count == 0 ? [] : await query.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).Skip(startIndex - 1).Take(count)
            .Select(g => new GroupRow(g.Id, g.DisplayName, g.ExternalId, g.CreatedAt, g.UpdatedAt, g.Version)).ToListAsync(cancellationToken);
        var members = withMembers ? await MembersAsync(db, groups.Select(g => g.Id).ToList(), cancellationToken) : null;
        return List(total, startIndex, groups.Select(g => (JsonNode)Group(g, members?[g.Id] ?? null, baseUrl)).ToArray());
    }

    public static async Task<JsonObject> GroupAsync(AttestDbContext db, Guid id, bool withMembers, string baseUrl, CancellationToken cancellationToken)
    {
        var group = await db.PersonGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new GroupRow(g.Id, g.DisplayName, g.ExternalId, g.CreatedAt, g.UpdatedAt, g.Version))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Group", id);
        var members = withMembers ? (await MembersAsync(db, [id], cancellationToken))[id] : null;
        return Group(group, members, baseUrl);
    }

    public static async Task<ScimGroupPatch.State> GroupStateAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var group = await db.PersonGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Group", id);
        var members = await db.PersonGroupMembers.AsNoTracking().Where(m => m.GroupId == id).Select(m => m.PersonId).ToListAsync(cancellationToken);
        return new ScimGroupPatch.State(group.DisplayName, group.ExternalId, members.Select(m => m.ToString()).ToList());
    }

    private static async Task<Dictionary<Guid, List<(Guid Id, string Name)>>> MembersAsync(AttestDbContext db, List<Guid> groupIds, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.PersonGroupMembers.AsNoTracking()
                          join p in db.People on m.PersonId equals p.Id
                          where groupIds.Contains(m.GroupId)
                          orderby p.Name
                          select new { m.GroupId, p.Id, p.Name }).ToListAsync(cancellationToken);
        return groupIds.ToDictionary(g => g, g => rows.Where(r => r.GroupId == g).Select(r => (r.Id, r.Name)).ToList());
    }

    private static JsonObject Group(GroupRow g, List<(Guid Id, string Name)>? members, string baseUrl)
    {
        var group = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Group),
            ["id"] = g.Id.ToString(),
            ["externalId"] = g.ExternalId,
            ["displayName"] = g.DisplayName,
        };
        if (members is not null)
        {
            group["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["value"] = m.Id.ToString(), ["$ref"] = $"{baseUrl}/Users/{m.Id}", ["display"] = m.Name }).ToArray());
        }
        group["meta"] = Meta("Group", $"{baseUrl}/Groups/{g.Id}", g.CreatedAt, g.UpdatedAt, g.Version);
        return group;
    }

    private static JsonObject Meta(string type, string location, DateTimeOffset created, DateTimeOffset updated, int version) => new()
    {
        ["resourceType"] = type,
        ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["lastModified"] = (updated == default ? created : updated).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["location"] = location,
        ["version"] = $"W/\"{version}\"",
    };

    private static JsonObject List(int total, int startIndex, JsonNode[] resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = total,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = resources.Length,
        ["Resources"] = new JsonArray(resources),
    };
}
