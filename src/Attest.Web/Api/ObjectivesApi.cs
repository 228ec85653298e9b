using Attest.Data;
using Attest.Objectives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>
/// /api/v1/objectives and /api/v1/measures: objectives (clause 6.2) with their measures and stored values (clause 9.1). Readers read;
/// Managers change any objective, Contributors those they own or co-own; manual values come from the measure's or objective's owners.
/// </summary>
public static class ObjectivesApi
{
    public sealed record ObjectiveBody(
        string Title, ObjectiveKind Kind = ObjectiveKind.Strategic, Guid? OwnerId = null, string? Goal = null, Guid? ParentId = null, IReadOnlyList<Guid>? CoOwnerIds = null,
        DateOnly? StartOn = null, DateOnly? TargetOn = null, ReviewCadence ReviewCadence = ReviewCadence.Quarterly, IReadOnlyList<string>? Frameworks = null,
        ObjectiveStatus Status = ObjectiveStatus.Active, int Version = 0);

    public sealed record ReviewBody(DateOnly? ReviewedOn = null, int Version = 0);

    public sealed record MeasureBody(
        string Title, MeasureSource Source, TargetComparison Comparison, decimal Target, MeasureDirection Direction, MeasureUnit Unit, string? LibraryKey = null,
        string? DataSourceNote = null, decimal? AmberThreshold = null, MeasureFrequency Frequency = MeasureFrequency.Monthly, Guid? OwnerId = null, int? Position = null,
        bool Retired = false, string? Description = null, int Version = 0);

    public sealed record MeasurementBody(decimal? Value, string? Note, DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null, Guid? EvidenceId = null);

    public sealed record SavedId(Guid Id);

    /// <summary>What a snapshot did: the period measured (first and last day), values taken, and measures with nothing to measure.</summary>
    public sealed record SnapshotResult(DateOnly PeriodStart, DateOnly PeriodEnd, int Measured, int NoData);

    public static void MapObjectivesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/objectives", List).RequireAuthorization(Access.Reader)
            .WithSummary("Objectives, 50 a page, each strategic one followed by its operational ones, with owners, frameworks, review dates and each measure's latest value, " +
                         "status and twelve months of history. Filters: kind=Strategic|Operational, status=Active|Achieved|Retired (default: active and achieved), " +
                         "owner= (owner or co-owner), framework= (a key such as iso42001-2023), red=true (a measure's latest value is red), page=.");
        api.MapGet("/objectives/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One objective with its goal, owners, frameworks, measures and latest values.");
        api.MapPost("/objectives", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Adds an objective (OBJ-nn). An operational objective names its strategic parentId; frameworks are keys; a Contributor owns it unless they name someone.");
        api.MapPut("/objectives/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Replaces an objective (send the version you read); coOwnerIds and frameworks left out stay as they are. Contributors change those they own or co-own.");
        api.MapPost("/objectives/{id:guid}/review", Review).RequireAuthorization(Access.Editor)
            .WithSummary("Records a review of the objective (reviewedOn defaults to today); the next review falls one cadence later.");
        api.MapPost("/objectives/{id:guid}/measures", AddMeasure).RequireAuthorization(Access.Editor)
            .WithSummary("Adds a measure: source Computed with a libraryKey of the measure library, or Manual with a dataSourceNote; amberThreshold lies on the bad side of the target.");
        api.MapGet("/measures", Measures).RequireAuthorization(Access.Reader)
            .WithSummary("Every current measure, one row each: objective, measure, latest value, target and status (as `attest measures list` prints them).");
        api.MapGet("/measures/{id:guid}", GetMeasure).RequireAuthorization(Access.Reader)
            .WithSummary("One measure with its definition, every stored value newest first, and the records behind its latest value.");
        api.MapPut("/measures/{id:guid}", UpdateMeasure).RequireAuthorization(Access.Editor).WithSummary("Replaces a measure (send the version you read); retired=true stops its snapshots.");
        api.MapPost("/measures/{id:guid}/measurements", Record).RequireAuthorization(Access.Editor)
            .WithSummary("Enters a value of a manual measure with a note (required) and optional evidenceId; the period defaults to this month so far. " +
                         "The measure's owner, the objective's owners and Managers may.");
        api.MapPost("/measures/snapshot", Snapshot).RequireAuthorization(Access.Manager)
            .WithSummary("Takes a value of every active computed measure now, for this month so far (on demand: always a new dated value).");
    }

    private static async Task<Ok<ObjectivePage>> List(AttestDbContext db, ObjectiveKind? kind, ObjectiveStatus? status, Guid? owner, string? framework, bool? red, int? page,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObjectiveRegister.PageAsync(db, new ObjectiveFilter(kind, status, owner, framework, red ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<ObjectiveDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObjectiveRegister.DetailAsync(db, id, cancellationToken));

    private static ObjectiveInput Input(ObjectiveBody body, Guid? ownerId) =>
        new(body.Title ?? "", body.Kind, ownerId, body.Goal, body.ParentId, body.CoOwnerIds, body.StartOn, body.TargetOn, body.ReviewCadence, body.Frameworks, body.Status, body.Version);

    private static async Task<Created<ObjectiveDetail>> Create(ObjectiveBody body, SaveObjective save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body, OwnedRecords.OwnerFor(body.OwnerId, acting)), cancellationToken);
        return TypedResults.Created($"/api/v1/objectives/{id}", await ObjectiveRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, ObjectiveBody body, SaveObjective save, AttestDbContext db, CancellationToken cancellationToken) =>
        ChangeObjectiveAsync(db, id, () => save.RunAsync(id, Input(body, body.OwnerId), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Review(Guid id, ReviewBody body, RecordObjectiveReview review, AttestDbContext db, CancellationToken cancellationToken) =>
        ChangeObjectiveAsync(db, id, () => review.RunAsync(id, body.ReviewedOn, body.Version, cancellationToken), cancellationToken);

    private static MeasureInput MeasureInput(Guid objectiveId, MeasureBody body) =>
        new(objectiveId, body.Title ?? "", body.Source, body.Comparison, body.Target, body.Direction, body.Unit, body.LibraryKey, body.DataSourceNote, body.AmberThreshold,
            body.Frequency, body.OwnerId, body.Position, body.Retired, body.Description, body.Version);

    private static async Task<Results<Created<SavedId>, NotFound, ForbidHttpResult>> AddMeasure(Guid id, MeasureBody body, SaveMeasure save, AttestDbContext db,
        CancellationToken cancellationToken)
    {
        if (!await db.Objectives.AnyAsync(o => o.Id == id, cancellationToken)) return TypedResults.NotFound();
        if (!await ObjectiveRules.MayEditAsync(db, id, cancellationToken)) return TypedResults.Forbid();
        var measure = await save.RunAsync(null, MeasureInput(id, body), cancellationToken);
        return TypedResults.Created($"/api/v1/measures/{measure}", new SavedId(measure));
    }

    private static async Task<Ok<IReadOnlyList<MeasureQueries.MeasureRow>>> Measures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObjectiveRegister.ListAsync(db, cancellationToken));

    private static async Task<Ok<MeasureDetail>> GetMeasure(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObjectiveRegister.MeasureAsync(db, id, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateMeasure(Guid id, MeasureBody body, SaveMeasure save, AttestDbContext db,
        CancellationToken cancellationToken)
    {
        var objective = await db.Measures.Where(m => m.Id == id).Select(m => (Guid?)m.ObjectiveId).FirstOrDefaultAsync(cancellationToken);
        if (objective is null) return TypedResults.NotFound();
        return await ChangeObjectiveAsync(db, objective.Value, () => save.RunAsync(id, MeasureInput(objective.Value, body), cancellationToken), cancellationToken);
    }

    private static async Task<Results<Created<SavedId>, NotFound, ForbidHttpResult>> Record(Guid id, MeasurementBody body, RecordManualMeasurement record, AttestDbContext db,
        CancellationToken cancellationToken)
    {
        if (!await db.Measures.AnyAsync(m => m.Id == id, cancellationToken)) return TypedResults.NotFound();
        if (!await ObjectiveRules.MayRecordAsync(db, id, cancellationToken)) return TypedResults.Forbid();
        var measurement = await record.RunAsync(id, new ManualMeasurementInput(body.Value, body.Note, body.PeriodStart, body.PeriodEnd, body.EvidenceId), cancellationToken);
        return TypedResults.Created($"/api/v1/measures/{id}", new SavedId(measurement));
    }

    private static async Task<Ok<SnapshotResult>> Snapshot(TakeMeasurements take, CancellationToken cancellationToken)
    {
        var run = await take.RunAsync(MeasurementKind.OnDemand, null, cancellationToken);
        return TypedResults.Ok(new SnapshotResult(run.Period.Start, run.Period.End, run.Measured, run.NoData));
    }

    /// <summary>404 when the objective is not here, 403 when the caller may not change it, otherwise the change.</summary>
    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> ChangeObjectiveAsync(AttestDbContext db, Guid objectiveId, Func<Task> change,
        CancellationToken cancellationToken)
    {
        if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId, cancellationToken)) return TypedResults.NotFound();
        if (!await ObjectiveRules.MayEditAsync(db, objectiveId, cancellationToken)) return TypedResults.Forbid();
        await change();
        return TypedResults.NoContent();
    }
}
