using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>Assignments by person, course or state, 50 a page.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class AssignmentsModel(AttestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Person { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Course { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public AssignmentPage Assignments { get; private set; } = new([], false);
    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        Courses = await TrainingQueries.CoursesAsync(db, HttpContext.RequestAborted);
        Assignments = await TrainingQueries.AssignmentsAsync(db, new AssignmentFilter(Person, Course, Overdue, Open, Q), PageNumber, HttpContext.RequestAborted);
    }

    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["person"] = Person?.ToString(), ["course"] = Course?.ToString(), ["overdue"] = Overdue ? "true" : null, ["open"] = Open ? "true" : null, ["q"] = Q,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/training/assignments", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
