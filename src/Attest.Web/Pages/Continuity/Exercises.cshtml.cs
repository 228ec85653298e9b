using Attest.Continuity;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Continuity;

/// <summary>Exercises and tests, most recent first, 50 a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class ExercisesModel(AttestDbContext db, ActingContext acting) : PageModel
{
    [BindProperty(SupportsGet = true)] public ExerciseType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ExerciseResult? Result { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ExercisePage Exercises { get; private set; } = new([], false, 0);
    public bool CanEdit => acting.Role is { } role && Access.Allows(Access.Editor, role);

    public async Task OnGetAsync() =>
        Exercises = await ContinuityQueries.ExercisesAsync(db, Type, Result, Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);

    public string Link(int page) =>
        $"/continuity/exercises?pageNumber={page}" + (Type is { } t ? $"&type={t}" : "") + (Result is { } r ? $"&result={r}" : "");
}
