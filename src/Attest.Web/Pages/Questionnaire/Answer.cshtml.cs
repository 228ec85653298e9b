using Attest.Suppliers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Questionnaire;

/// <summary>
/// Where a supplier answers a security questionnaire, without an account: the secret token in the address is the only key, and it opens this
/// one questionnaire until it is submitted, expires or is revoked. Every failure looks the same (404, one friendly message), so the page says
/// nothing about whether a link ever existed.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(AnswerSupplierQuestionnaire answer) : PageModel
{
    private const string SubmittedKey = "QuestionnaireSubmitted";

    public sealed class AnswerForm
    {
        public Guid Id { get; set; }
        public string? Answer { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string? RespondentName { get; set; }
    [BindProperty] public List<AnswerForm> Answers { get; set; } = [];
    public AnswerQuestionnaireView? View { get; private set; }
    public string? Submitted { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Private();
        if (TempData[SubmittedKey] is string title)
        {
            Submitted = title;
            return Page();
        }
        View = await answer.OpenAsync(Token, HttpContext.RequestAborted);
        if (View is null) return Gone();
        RespondentName = View.RespondentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? intent)
    {
        Private();
        var submit = intent == "submit";
        var given = Answers.Select(a => new AnswerGiven(a.Id, a.Answer, a.Comment)).ToList();
        try
        {
            var title = (await answer.OpenAsync(Token, HttpContext.RequestAborted))?.Title;
            if (title is null || !await answer.RunAsync(Token, RespondentName, given, submit, HttpContext.RequestAborted)) return Gone();
            if (submit)
            {
                TempData[SubmittedKey] = title;
            }
            else TempData["Success"] = "Your answers are saved. You can come back to this link to finish before it expires.";
            return Redirect(Request.Path);
        }
        catch (ValidationFailedException invalid)
        {
            Errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        View = await answer.OpenAsync(Token, HttpContext.RequestAborted);
        if (View is null) return Gone();
        // The form comes back with what the supplier typed, not what is saved.
        var typed = Answers.ToDictionary(a => a.Id);
        View = View with
        {
            Answers = View.Answers.Select(a => typed.TryGetValue(a.Id, out var t) ? a with { Answer = t.Answer ?? "", Comment = t.Comment ?? "" } : a).ToList(),
        };
        return Page();
    }

    /// <summary>The one answer for any link that does not work.</summary>
    private PageResult Gone()
    {
        View = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The page carries a secret in its address: no cache keeps it.</summary>
    private void Private() => Response.Headers.CacheControl = "no-store";
}
