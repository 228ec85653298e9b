using Attest.Continuity;
using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class ContinuityApi
{
    /// <summary>What a monitoring tool posts: the service by its name in Attest, the month as yyyy-MM, the uptime (or only the downtime).</summary>
    public sealed record AvailabilityPost(string? Service, string? Month, double? UptimePercent, int? DowntimeMinutes, string? Note);
    public sealed record AvailabilityPosted(Guid Id, Guid ServiceId, string Service, string Month, AvailabilityOutcome Outcome, double UptimePercent, double TargetPercent, bool Met);
    public sealed record ExerciseView(ExerciseDetail Exercise, IReadOnlyList<CorrectiveActionRow> Actions);
    public sealed record ServiceView(ServiceAvailability Service, IReadOnlyList<AvailabilityMonth> History);

    public static void MapContinuityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/continuity/plans", Plans).RequireAuthorization(Access.Reader)
            .WithSummary("Continuity and recovery plans, 50 per page, with their last exercise. Filters: ?q=, status= (default: all but Retired), kind=, notExercised=true, reviewOverdue=true, page=.");
        api.MapGet("/continuity/plans/{id:guid}", Plan).RequireAuthorization(Access.Reader).WithSummary("One plan with its dependencies and exercises; RTO/RPO in minutes and as written (4h, 30min).");
        api.MapGet("/continuity/plans/{id:guid}/pdf", PlanPdf).RequireAuthorization(Access.Reader).WithSummary("The printable plan as PDF.");
        api.MapPost("/continuity/plans", CreatePlan).RequireAuthorization(Access.Editor)
            .WithSummary("Creates a plan. rto and rpo are written as 30min, 4h, 1d or minutes. Status Approved needs an owner, an RTO and steps, and a Manager or Admin.");
        api.MapPut("/continuity/plans/{id:guid}", UpdatePlan).RequireAuthorization(Access.Editor).WithSummary("Contributors update only the plans they own. Send the version you read; assetIds and supplierIds replace the dependencies (null leaves them).");
        api.MapDelete("/continuity/plans/{id:guid}", DeletePlan).RequireAuthorization(Access.Editor).WithSummary("Removes a plan; its exercises stay, without a plan. Retiring it keeps the record.");

        api.MapGet("/continuity/exercises", Exercises).RequireAuthorization(Access.Reader).WithSummary("Exercises and tests, most recent first, 50 per page (?type=, result=, page=).");
        api.MapGet("/continuity/exercises/{id:guid}", Exercise).RequireAuthorization(Access.Reader).WithSummary("One exercise with its achieved RTO/RPO against the plan, its evidence item and follow-up actions.");
        api.MapPost("/continuity/exercises", CreateExercise).RequireAuthorization(Access.Editor)
            .WithSummary("Records an exercise. A restore test with a result is also recorded as evidence linked to the controls implementing ISO 27001 A.8.13.");
        api.MapPut("/continuity/exercises/{id:guid}", UpdateExercise).RequireAuthorization(Access.Editor).WithSummary("Updates an exercise (its restore-test evidence is updated, not duplicated).");
        api.MapDelete("/continuity/exercises/{id:guid}", DeleteExercise).RequireAuthorization(Access.Editor);

        api.MapGet("/continuity/availability", Availability).RequireAuthorization(Access.Reader)
            .WithSummary("Every monitored service: the last 12 complete months against the target (met when uptime ≥ target), the outages (availability incidents on the service's asset) behind each month, and the year to date.");
        api.MapGet("/continuity/services/{id:guid}", Service).RequireAuthorization(Access.Reader).WithSummary("One monitored service: its last 12 months and every recorded month.");
        api.MapPost("/continuity/services", CreateService).RequireAuthorization(Access.Editor).WithSummary("Adds a monitored service (targetPercent defaults to 99.9).");
        api.MapPut("/continuity/services/{id:guid}", UpdateService).RequireAuthorization(Access.Editor).WithSummary("A new target applies to months recorded from then on.");
        api.MapDelete("/continuity/services/{id:guid}", DeleteService).RequireAuthorization(Access.Editor).WithSummary("Removes a service with its recorded months; set active=false to keep them.");
        api.MapPost("/availability", PostAvailability).RequireAuthorization(Access.Editor)
            .WithSummary("For monitoring tools: records a service's uptime for a month ({service, month: \"2026-10\", uptimePercent, downtimeMinutes?, note?}), replacing what that month held. " +
                "The service is matched by name (any case) and must already exist: an unknown name is refused (400, field service) rather than created, so a typo in a tool's " +
                "configuration cannot start a phantom service without a target or owner. Posting the same figures again changes nothing (outcome Unchanged).");
        api.MapPost("/continuity/availability/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportAvailability.MaxBytes))
            .WithSummary("Imports the request body as monthly uptime (?fileName= ends .csv or .xlsx; columns Service, Month, Uptime, Downtime, Note). All or nothing; errors name the row and column.");
        api.MapGet("/continuity/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Plans approved of total, critical services without an approved plan, plans not exercised in 12 months, the last restore test, restore tests this year against one a quarter, services meeting their target last month, months missed in the last 12.");
    }

    private static async Task<Ok<PlanPage>> Plans(AttestDbContext db, string? q, PlanStatus? status, PlanKind? kind, bool? notExercised, bool? reviewOverdue, int? page,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await ContinuityQueries.PlansAsync(db, new PlanFilter(q, status, kind, notExercised ?? false, reviewOverdue ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<PlanDetail>> Plan(Guid id, AttestDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await ContinuityQueries.PlanAsync(db, id, cancellationToken));

    private static async Task<IResult> PlanPdf(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await ContinuityPlanDocument.RenderAsync(db, id, cancellationToken);
        return Results.File(content, type, name);
    }

    private static async Task<Created<PlanDetail>> CreatePlan(ContinuityPlanInput input, SaveContinuityPlan save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/continuity/plans/{id}", await ContinuityQueries.PlanAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdatePlan(Guid id, ContinuityPlanInput input, SaveContinuityPlan save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContinuityPlan>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeletePlan(Guid id, int version, RemoveContinuityPlan remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContinuityPlan>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<Ok<ExercisePage>> Exercises(AttestDbContext db, ExerciseType? type, ExerciseResult? result, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ContinuityQueries.ExercisesAsync(db, type, result, Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<ExerciseView>> Exercise(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExerciseView(await ContinuityQueries.ExerciseAsync(db, id, cancellationToken),
            await CorrectiveActionQueries.ForSourceAsync(db, ActionSource.ContinuityExercise, id, cancellationToken)));

    private static async Task<Created<ExerciseDetail>> CreateExercise(ContinuityExerciseInput input, SaveContinuityExercise save, AttestDbContext db, ActingContext acting,
        CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        return TypedResults.Created($"/api/v1/continuity/exercises/{id}", await ContinuityQueries.ExerciseAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateExercise(Guid id, ContinuityExerciseInput input, SaveContinuityExercise save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContinuityExercise>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteExercise(Guid id, int version, RemoveContinuityExercise remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<ContinuityExercise>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<Ok<AvailabilityOverview>> Availability(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ContinuityQueries.AvailabilityAsync(db, null, cancellationToken));

    private static async Task<Results<Ok<ServiceView>, NotFound>> Service(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var overview = await ContinuityQueries.AvailabilityAsync(db, id, cancellationToken);
        if (overview.Services.Count == 0)
        {
            // An inactive service without recent months is left out of the overview; it still has a page.
            if (!await db.MonitoredServices.AnyAsync(s => s.Id == id, cancellationToken)) return TypedResults.NotFound();
        }
        var service = overview.Services.FirstOrDefault() ?? await InactiveAsync(db, id, overview.Months, cancellationToken);
        return TypedResults.Ok(new ServiceView(service, await ContinuityQueries.HistoryAsync(db, id, cancellationToken)));
    }

    internal static async Task<ServiceAvailability> InactiveAsync(AttestDbContext db, Guid id, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var s = await db.MonitoredServices.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        return new ServiceAvailability(s.Id, s.Name, s.AssetId, null, s.TargetPercent, s.OwnerId, null, s.Active, s.Version,
            months.Select(m => new AvailabilityMonth(m, null, null, null, null, "", null, [])).ToList(), null, 0);
    }

    private static async Task<Created<ServiceView>> CreateService(MonitoredServiceInput input, SaveMonitoredService save, AttestDbContext db, ActingContext acting,
        CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        var overview = await ContinuityQueries.AvailabilityAsync(db, id, cancellationToken);
        var service = overview.Services.FirstOrDefault() ?? await InactiveAsync(db, id, overview.Months, cancellationToken);
        return TypedResults.Created($"/api/v1/continuity/services/{id}", new ServiceView(service, []));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateService(Guid id, MonitoredServiceInput input, SaveMonitoredService save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<MonitoredService>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteService(Guid id, int version, RemoveMonitoredService remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<MonitoredService>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    /// <summary>Upserts a month by service name for monitoring tools; unknown services are refused, not created.</summary>
    private static async Task<Results<Ok<AvailabilityPosted>, ForbidHttpResult>> PostAvailability(AvailabilityPost input, RecordAvailability record, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var name = input.Service?.Trim() ?? "";
        if (name.Length == 0) throw ValidationFailedException.For("service", "is required: the monitored service's name in Attest.");
        var lowered = name.ToLowerInvariant();
        var service = await db.MonitoredServices.AsNoTracking().FirstOrDefaultAsync(s => s.Name.ToLower() == lowered, cancellationToken)
            ?? throw ValidationFailedException.For("service", $"no monitored service is named '{name}'; add it under Continuity → Availability (or POST /api/v1/continuity/services) first.");
        if (!(await authorization.AuthorizeAsync(http.User, service, RecordOperations.Edit)).Succeeded) return TypedResults.Forbid();
        AvailabilitySaved saved;
        try
        {
            saved = await record.RunAsync(new AvailabilityInput(service.Id, input.Month, input.UptimePercent, input.DowntimeMinutes, input.Note), AvailabilitySource.Api, cancellationToken);
        }
        catch (ValidationFailedException invalid)
        {
            // The body's own field names, in the body's camel case.
            throw new ValidationFailedException(invalid.Errors.ToDictionary(e => e.Key switch
            {
                nameof(AvailabilityInput.UptimePercent) => "uptimePercent",
                nameof(AvailabilityInput.DowntimeMinutes) => "downtimeMinutes",
                _ => char.ToLowerInvariant(e.Key[0]) + e.Key[1..],
            }, e => e.Value));
        }
        var stored = await db.AvailabilityRecords.AsNoTracking().FirstAsync(r => r.Id == saved.Id, cancellationToken);
        return TypedResults.Ok(new AvailabilityPosted(stored.Id, service.Id, service.Name, OrganizationTime.MonthText(stored.Month), saved.Outcome, stored.UptimePercent,
            stored.TargetPercent, AvailabilityArithmetic.Met(stored.UptimePercent, stored.TargetPercent)));
    }

    private static async Task<Ok<AvailabilityImportResult>> Import(HttpRequest request, string? fileName, ImportAvailability import, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }

    private static async Task<Ok<ContinuityFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ContinuityQueries.FiguresAsync(db, cancellationToken));
}
