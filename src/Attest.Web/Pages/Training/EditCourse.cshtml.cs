using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages.Training;

/// <summary>Creates or edits a course ("new" for a new one).</summary>
[Authorize(Policy = Access.Manager)]
public sealed class EditCourseModel(AttestDbContext db, SaveCourse save) : PageModel
{
    public sealed class CourseForm
    {
        public string? Reference { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? ContentUrl { get; set; }
        public string? Content { get; set; }
        public int DurationMinutes { get; set; } = 30;
        public int? PassingScore { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public CourseForm Input { get; set; } = new();
    public bool IsNew => Id == "new";
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew) return Page();
        if (!Guid.TryParse(Id, out var id)) return NotFound();
        try
        {
            var c = await TrainingQueries.CourseAsync(db, id, true, HttpContext.RequestAborted);
            Input = new CourseForm
            {
                Reference = c.Reference, Title = c.Title, Description = c.Description, ContentUrl = c.ContentUrl, Content = c.Content, DurationMinutes = c.DurationMinutes,
                PassingScore = c.PassingScore, Version = c.Version,
            };
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid? id = null;
        if (!IsNew)
        {
            if (!Guid.TryParse(Id, out var parsed)) return NotFound();
            id = parsed;
        }
        if (await this.TryAsync(db, Errors, async () => id = await save.RunAsync(id, new CourseInput(Input.Title ?? "", Input.Description, Input.ContentUrl, Input.Content,
                Input.DurationMinutes, Input.PassingScore, Input.Reference, Input.Version), HttpContext.RequestAborted)))
        {
            TempData["Success"] = $"The course '{Input.Title}' has been saved.";
            return Redirect($"/training/courses/{id}");
        }
        return Page();
    }
}
