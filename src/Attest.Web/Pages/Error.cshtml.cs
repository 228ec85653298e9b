using Attest.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages;

/// <summary>Error pages: a plain explanation, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The error has been logged. Please try again.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = code ?? (exception is null ? 500 : ProblemExceptionHandler.StatusFor(exception));
        Response.StatusCode = status;
        (Title, Message) = status switch
        {
            400 => ("The request was not valid", exception is ValidationFailedException invalid ? invalid.Message : "Check what you sent and try again."),
            403 => ("You do not have access to this page", "Your role in this organization does not include it. Ask an Admin if you need it."),
            404 => ("Not found", "There is no such page or record in this organization."),
            409 => ("Someone else changed this record", exception?.Message ?? "Reload and apply your change again."),
            _ => (Title, Message),
        };
    }
}
