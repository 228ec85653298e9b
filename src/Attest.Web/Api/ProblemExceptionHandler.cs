using Attest.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Api;

/// <summary>
/// Turns domain exceptions into RFC 9457 problem details for the API, and the right status for pages.
/// Bad input is always a 4xx that names the field; nothing a caller sends can produce a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public static int StatusFor(Exception exception) => exception switch
    {
        ValidationFailedException => StatusCodes.Status400BadRequest,
        BadHttpRequestException bad => bad.StatusCode,
        RecordNotFoundException or CrossOrganizationWriteException => StatusCodes.Status404NotFound,
        EditConflictException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request path may already point at the error page; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return false;
        var status = StatusFor(exception);
        ProblemDetails details = exception switch
        {
            ValidationFailedException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Title = "The request has invalid fields.",
                Detail = validation.Message,
            },
            BadHttpRequestException bad => new ProblemDetails { Title = "The request could not be read.", Detail = Describe(bad) },
            RecordNotFoundException notFound => new ProblemDetails { Title = "Not found.", Detail = notFound.Message },
            CrossOrganizationWriteException => new ProblemDetails { Title = "Not found.", Detail = "No such record in this organization." },
            EditConflictException conflict => new ProblemDetails { Title = "Edit conflict.", Detail = conflict.Message },
            _ => new ProblemDetails { Title = "An unexpected error occurred.", Detail = "The error has been logged." },
        };
        details.Status = status;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The JSON reader's message names the path of the bad value ($.field[0]); keep it, drop the framework's wording.</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The JSON body is invalid at {json.Path ?? "$"}: {json.Message}"
            : bad.Message;
}
