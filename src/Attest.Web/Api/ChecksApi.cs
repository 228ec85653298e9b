using System.Text.Json;
using Attest.Checks;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

public static class ChecksApi
{
    public sealed record PushTokenView(string Token, string Endpoint, string Example);
    public sealed record PushBody(bool? Passed, string? Summary, string? Details);

    private static readonly JsonSerializerOptions PushJson = new(JsonSerializerDefaults.Web);

    public static void MapChecksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/checks", List).RequireAuthorization(Access.Reader).WithSummary("Automated checks with their schedule and last result, by name.");
        api.MapGet("/checks/{id:guid}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("One check with its controls and last 20 results. A PostgreSQL connection string is never returned: hasSecret says whether one is stored.");
        api.MapPost("/checks", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Creates a check (kind Tls, HttpHeaders, Postgres, Command or Push); schedule is a five-field cron in UTC, required except for push checks; controlIds name the controls its results support.");
        api.MapPut("/checks/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Updates a check; Contributors update only the checks they own. Send the version you read; secret null keeps the stored connection string.");
        api.MapDelete("/checks/{id:guid}", Delete).RequireAuthorization(Access.Editor).WithSummary("Removes a check; its results stay as evidence.");
        api.MapPost("/checks/{id:guid}/run", Run).RequireAuthorization(Access.Editor).WithSummary("Runs the check now and records the result as evidence.");
        api.MapPost("/checks/{id:guid}/push-token", PushToken).RequireAuthorization(Access.Editor)
            .WithSummary("Issues a new token for a push check, replacing the old one. The token is shown only in this answer.");
        api.MapPost("/checks/{name}/results", Push).AllowAnonymous()
            .WithSummary("A push check's result, authenticated only by its push token (Authorization: Bearer <push token>). Body: {\"passed\": true, \"summary\": \"…\", \"details\": \"Markdown\"}. 401 wrong token, 404 unknown check, 400 bad body.");
    }

    private static async Task<Ok<List<CheckRow>>> List(AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await CheckQueries.ListAsync(db, cancellationToken));

    private static async Task<Ok<CheckDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await CheckQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<CheckDetail>> Create(CheckInput input, SaveCheck save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/checks/{id}", await CheckQueries.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, CheckInput input, SaveCheck save, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Check>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, int version, RemoveCheck remove, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Check>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<Ok<CheckRunResult>> Run(Guid id, RunCheck run, CancellationToken cancellationToken) =>
        TypedResults.Ok((await run.RunAsync(id, CheckTrigger.RunNow, cancellationToken))!);

    private static async Task<Results<Ok<PushTokenView>, NotFound, ForbidHttpResult>> PushToken(Guid id, IssuePushToken issue, AttestDbContext db, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken)
    {
        var token = "";
        var result = await OwnedRecords.ChangeAsync<Check>(id, db, authorization, http, async () => token = await issue.RunAsync(id, cancellationToken), cancellationToken);
        if (result.Result is NotFound) return TypedResults.NotFound();
        if (result.Result is ForbidHttpResult) return TypedResults.Forbid();
        var name = (await CheckQueries.DetailAsync(db, id, cancellationToken)).Name;
        var endpoint = PushEndpoint(http.Request, name);
        return TypedResults.Ok(new PushTokenView(token, endpoint, PushExample(endpoint, token)));
    }

    /// <summary>Where a push check's system posts its results.</summary>
    public static string PushEndpoint(HttpRequest request, string checkName) =>
        $"{request.Scheme}://{request.Host}/api/v1/checks/{Uri.EscapeDataString(checkName)}/results";

    public static string PushExample(string endpoint, string token) =>
        $"curl -X POST '{endpoint}' -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' " +
        "-d '{\"passed\": true, \"summary\": \"backup restored in 12 min\", \"details\": \"Restore test of db-prod from last night.\"}'";

    private static async Task<IResult> Push(string name, HttpRequest request, RunCheck run, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length == 0) return Unauthorized(request.HttpContext);

        PushBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PushBody>(request.Body, PushJson, cancellationToken);
        }
        catch (JsonException invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Path ?? "$"] = [$"the JSON body is invalid: {invalid.Message}"] },
                title: "The request could not be read.");
        }
        if (body?.Passed is not { } passed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["passed"] = ["is required: true or false."] }, title: "The request has invalid fields.");
        }

        var pushed = await run.RecordPushedResult(name, token, passed, body.Summary, body.Details, cancellationToken);
        return pushed.Outcome switch
        {
            PushOutcome.UnknownCheck => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no check named '{name}'."),
            PushOutcome.WrongToken => Unauthorized(request.HttpContext),
            _ => TypedResults.Created($"/api/v1/evidence/{pushed.Run!.EvidenceId}", pushed.Run),
        };
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"attest-check\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: "Send the check's push token: Authorization: Bearer <push token>.");
    }
}
