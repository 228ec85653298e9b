using Attest.Data;
using Attest.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

public static class TrainingApi
{
    public sealed record RetireInput(bool Retired, int Version);
    public sealed record CreatedId(Guid Id);

    public static void MapTrainingApi(this RouteGroupBuilder api)
    {
        var training = api.MapGroup("/training");
        training.MapGet("/courses", Courses).RequireAuthorization(Access.Reader).WithSummary("Every course with its quiz size, active rules, open and overdue assignments.");
        training.MapGet("/courses/{id:guid}", Course).RequireAuthorization(Access.Reader)
            .WithSummary("A course with its quiz questions; the right choices (correct, from 1) and explanations only for Managers and Admins.");
        training.MapPost("/courses", CreateCourse).RequireAuthorization(Access.Manager).WithSummary("Creates a course (the next TRN-nn unless a reference is given).");
        training.MapPut("/courses/{id:guid}", UpdateCourse).RequireAuthorization(Access.Manager).WithSummary("Updates a course; send the version you read.");
        training.MapPost("/courses/{id:guid}/retire", Retire).RequireAuthorization(Access.Manager)
            .WithSummary("Retires (retired=true) or brings back a course; retiring cancels its open assignments.");
        training.MapPost("/courses/{id:guid}/questions", AddQuestion).RequireAuthorization(Access.Manager)
            .WithSummary("Adds a quiz question: options one per line, correct = the number of the right line (from 1).");
        training.MapPut("/courses/{id:guid}/questions/{questionId:guid}", UpdateQuestion).RequireAuthorization(Access.Manager);
        training.MapDelete("/courses/{id:guid}/questions/{questionId:guid}", RemoveQuestion).RequireAuthorization(Access.Manager);

        training.MapGet("/requirements", Requirements).RequireAuthorization(Access.Reader).WithSummary("The rules that assign courses (?course= to filter).");
        training.MapGet("/requirements/{id:guid}", Requirement).RequireAuthorization(Access.Reader);
        training.MapPost("/requirements", CreateRequirement).RequireAuthorization(Access.Manager)
            .WithSummary("Creates a rule (audience Everyone, Department, Group or PersonType with audienceValue) and generates its assignments.");
        training.MapPut("/requirements/{id:guid}", UpdateRequirement).RequireAuthorization(Access.Manager).WithSummary("Changes a rule and brings the assignments in line.");
        training.MapDelete("/requirements/{id:guid}", RemoveRequirement).RequireAuthorization(Access.Manager).WithSummary("Removes a rule; its open assignments are cancelled.");

        training.MapGet("/assignments", Assignments).RequireAuthorization(Access.Reader)
            .WithSummary("Assignments, 50 per page: ?person=, ?course=, ?overdue=true, ?open=true, ?q= (name, e-mail, department), ?page=.");
        training.MapGet("/completions", Completions).RequireAuthorization(Access.Reader).WithSummary("Completions, newest first, 50 per page: ?person=, ?course=, ?page=.");
        training.MapPost("/completions", RecordCompletion).RequireAuthorization(Access.Manager)
            .WithSummary("Records a completion (person by personId or email; evidenceReference EV-… optional); the assignment follows.");
        training.MapPost("/completions/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportTrainingCompletions.MaxBytes))
            .WithSummary("Imports an LMS export (request body; ?fileName= ends .csv or .xlsx). All or nothing; errors name row and column; re-importing adds nothing.");
        training.MapGet("/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Completion overall, by course and by department, new joiners trained in their first week, and the people with overdue training.");
        training.MapPost("/sync", Sync).RequireAuthorization(Access.Manager).WithSummary("Brings every assignment in line with the rules, people and completions.");
    }

    private static bool IsManager(ActingContext acting) => acting.Role is { } role && Access.Allows(Access.Manager, role);

    private static async Task<Ok<List<CourseRow>>> Courses(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.CoursesAsync(db, cancellationToken));

    private static async Task<Ok<CourseDetail>> Course(Guid id, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.CourseAsync(db, id, IsManager(acting), cancellationToken));

    private static async Task<Created<CourseDetail>> CreateCourse(CourseInput input, SaveCourse save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        return TypedResults.Created($"/api/v1/training/courses/{id}", await TrainingQueries.CourseAsync(db, id, true, cancellationToken));
    }

    private static async Task<NoContent> UpdateCourse(Guid id, CourseInput input, SaveCourse save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Retire(Guid id, RetireInput input, RetireCourse retire, CancellationToken cancellationToken)
    {
        await retire.RunAsync(id, input.Retired, input.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CreatedId>> AddQuestion(Guid id, QuizQuestionInput input, SaveQuizQuestion save, CancellationToken cancellationToken)
    {
        var questionId = await save.RunAsync(id, null, input, cancellationToken);
        return TypedResults.Created($"/api/v1/training/courses/{id}", new CreatedId(questionId));
    }

    private static async Task<NoContent> UpdateQuestion(Guid id, Guid questionId, QuizQuestionInput input, SaveQuizQuestion save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, questionId, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveQuestion(Guid id, Guid questionId, RemoveQuizQuestion remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, questionId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<RequirementRow>>> Requirements(Guid? course, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.RequirementsAsync(db, course, cancellationToken));

    private static async Task<Ok<RequirementRow>> Requirement(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.RequirementAsync(db, id, cancellationToken));

    private static async Task<Created<RequirementRow>> CreateRequirement(TrainingRequirementInput input, SaveTrainingRequirement save, AttestDbContext db,
        CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, cancellationToken);
        return TypedResults.Created($"/api/v1/training/requirements/{id}", await TrainingQueries.RequirementAsync(db, id, cancellationToken));
    }

    private static async Task<NoContent> UpdateRequirement(Guid id, TrainingRequirementInput input, SaveTrainingRequirement save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveRequirement(Guid id, int version, RemoveTrainingRequirement remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AssignmentPage>> Assignments(Guid? person, Guid? course, bool? overdue, bool? open, string? q, int? page, AttestDbContext db,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.AssignmentsAsync(db, new AssignmentFilter(person, course, overdue ?? false, open ?? false, q), Math.Max(1, page ?? 1),
            cancellationToken));

    private static async Task<Ok<CompletionPage>> Completions(Guid? person, Guid? course, int? page, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.CompletionsAsync(db, person, course, Math.Max(1, page ?? 1), cancellationToken));

    private static async Task<Created<CreatedId>> RecordCompletion(CompletionInput input, RecordTrainingCompletion record, CancellationToken cancellationToken)
    {
        var id = await record.RunAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/training/completions?person={input.PersonId}", new CreatedId(id));
    }

    private static async Task<Ok<CompletionImportResult>> Import(HttpRequest request, string? fileName, ImportTrainingCompletions import, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.RunAsync(request.Body, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));

    private static async Task<Ok<TrainingFigureSet>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingFigures.ComputeAsync(db, cancellationToken));

    private static async Task<Ok<TrainingSyncResult>> Sync(SyncTrainingAssignments sync, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sync.RunAsync(cancellationToken));
}
