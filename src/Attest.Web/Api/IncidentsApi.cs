using Attest.Data;
using Attest.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>
/// /api/v1/incidents: the register, figures and export for readers; reporting for every member (monitoring tools with a token); the
/// handler's edits, status changes, notes, review and breach record for editors (Contributors on the incidents they own).
/// </summary>
public static class IncidentsApi
{
    public sealed record StatusChange(IncidentStatus Status, DateTimeOffset? At, string? Note, int Version);
    public sealed record NoteInput(string Text, DateTimeOffset? At);
    public sealed record ReportedView(Guid Id, string Reference);
    public sealed record NotificationCreated(Guid Id, BreachStatus BreachStatus);
    public sealed record MinePage(IReadOnlyList<ReportedIncidentRow> Rows, bool HasMore);
    public sealed record SettingsView(IReadOnlyList<SlaLimitsView> Severities, bool LessonsRequiredForLow, int NotificationHours, int Version);
    public sealed record SlaLimitsView(IncidentSeverity Severity, string Definition, int DetectMinutes, int ContainMinutes, int RecoverMinutes, bool LessonsRequired);

    public static void MapIncidentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/incidents", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, newest detection first, 50 per page (hasMore tells whether page+1 has rows). Filters: ?q=, status=, severity=, category=, state=Open|Closed, slaBreached=true, personalData=true, owner=, asset=, month=yyyy-MM, page=.");
        api.MapGet("/incidents/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("The last 12 months: incidents by severity and month, SLA compliance, mean and longest time to detect and contain by severity, open corrective actions, personal data breaches.");
        api.MapGet("/incidents/export", Export).RequireAuthorization(Access.Reader)
            .WithSummary("?format=csv|xlsx: the whole register with time to detect, contain and recover and 'SLA met' yes/no.");
        api.MapGet("/incidents/mine", Mine).RequireAuthorization(Access.Member).WithSummary("The incidents the caller reported, with their status (?page=).");
        api.MapGet("/incidents/{id:guid}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("One incident: timeline, SLA verdict, affected assets, review with linked risks and controls, breach record, corrective actions.");
        api.MapPost("/incidents", Report).RequireAuthorization(Access.Member)
            .WithSummary("Reports an incident (any member; monitoring tools with a read-write token, recorded under the token's name). detectedAt defaults to now; personalData=true opens the breach record.");
        api.MapPut("/incidents/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("The handler's edits. Send the version you read. Times keep their order: occurredAt ≤ detectedAt ≤ every later step. assetIds, when given, replace the links.");
        api.MapPost("/incidents/{id:guid}/status", ChangeStatus).RequireAuthorization(Access.Editor)
            .WithSummary("Moves to a status (Triaged, Contained, Eradicated, Recovered, Closed; steps may be skipped) at an instant (default now). Back to an earlier one needs a note and clears later times. Closing needs lessons learned.");
        api.MapPost("/incidents/{id:guid}/notes", AddNote).RequireAuthorization(Access.Editor).WithSummary("Writes a note on the timeline (Markdown), at an instant or now.");
        api.MapPut("/incidents/{id:guid}/review", Review).RequireAuthorization(Access.Editor)
            .WithSummary("The post-incident review: rootCause, lessonsLearned, reviewedOn, risks and controls [{id, note}] (replacing the links when given).");
        api.MapGet("/incidents/{id:guid}/breach", Breach).RequireAuthorization(Access.Reader)
            .WithSummary("The personal data breach record: awareness, deadline and time remaining, assessment, decision, notifications.");
        api.MapPut("/incidents/{id:guid}/breach", SaveBreach).RequireAuthorization(Access.Editor)
            .WithSummary("Saves the breach assessment. decision Assessing|Notifiable|NotNotifiable (notNotifiableReason required); Notified follows from the notifications logged.");
        api.MapPost("/incidents/{id:guid}/breach/notifications", Notify).RequireAuthorization(Access.Editor)
            .WithSummary("Logs a notification (recipient SupervisoryAuthority|DataSubjects|Client|Other, recipientName, sentAt, method, content, externalReference, sentBy). Never changed afterwards; a late authority notification needs delayReason.");
        api.MapGet("/incident-settings", Settings).RequireAuthorization(Access.Reader).WithSummary("Severity definitions, SLA limits in minutes, lessons-for-low and the breach notification hours.");
        api.MapPut("/incident-settings", SaveSettings).RequireAuthorization(Access.Manager).WithSummary("Saves the severity definitions and SLAs (minutes), lessonsRequiredForLow and notificationHours.");
    }

    private static async Task<Ok<IncidentPage>> List(AttestDbContext db, string? q, IncidentStatus? status, IncidentSeverity? severity, IncidentCategory? category,
        IncidentState? state, bool? slaBreached, bool? personalData, Guid? owner, Guid? asset, string? month, int? page, CancellationToken cancellationToken)
    {
        int? wantedMonth = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            wantedMonth = OrganizationTime.ParseMonth(month.Trim()) ?? throw ValidationFailedException.For("month", $"'{month}' is not a month: use yyyy-MM, e.g. 2026-10.");
        }
        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(await IncidentQueries.PageAsync(db, new IncidentFilter(q, status, severity, category, state, slaBreached ?? false, personalData ?? false, owner,
            asset, wantedMonth), settings, Math.Max(1, page ?? 1), IncidentQueries.PageSize, cancellationToken));
    }

    private static async Task<Ok<IncidentFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await IncidentQueries.FiguresAsync(db, await IncidentSettingsQueries.LoadAsync(db, cancellationToken), cancellationToken));

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").Trim().ToLowerInvariant() switch
    {
        "csv" => Results.File(await IncidentExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "incidents.csv"),
        "xlsx" => Results.File(await IncidentExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "incidents.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<Ok<MinePage>> Mine(AttestDbContext db, ActingContext acting, int? page, CancellationToken cancellationToken)
    {
        var (rows, more) = await IncidentQueries.ReportedByAsync(db, acting.UserId ?? Guid.Empty, Math.Max(1, page ?? 1), cancellationToken);
        return TypedResults.Ok(new MinePage(rows, more));
    }

    private static async Task<Ok<IncidentDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await IncidentQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<ReportedView>> Report(IncidentReportInput input, ReportIncident report, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await report.RunAsync(input, cancellationToken);
        var reference = (await IncidentQueries.DetailAsync(db, id, cancellationToken)).Reference;
        return TypedResults.Created($"/api/v1/incidents/{id}", new ReportedView(id, reference));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, IncidentInput input, SaveIncident save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> ChangeStatus(Guid id, StatusChange input, ChangeIncidentStatus change, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, () => change.RunAsync(id, input.Status, input.At, input.Note, input.Version, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> AddNote(Guid id, NoteInput input, AddIncidentNote add, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, () => add.RunAsync(id, input.Text ?? "", input.At, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Review(Guid id, IncidentReviewInput input, RecordIncidentReview review, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, () => review.RunAsync(id, input, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<BreachView>, NotFound>> Breach(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var breach = await IncidentQueries.BreachAsync(db, id, await IncidentSettingsQueries.LoadAsync(db, cancellationToken), cancellationToken);
        return breach is null ? TypedResults.NotFound() : TypedResults.Ok(breach);
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> SaveBreach(Guid id, BreachInput input, SaveBreachAssessment save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static async Task<Results<Created<NotificationCreated>, NotFound, ForbidHttpResult>> Notify(Guid id, BreachNotificationInput input, LogBreachNotification log,
        AttestDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        Guid created = default;
        var result = await OwnedRecords.ChangeAsync<Incident>(id, db, authorization, http, async () => created = await log.RunAsync(id, input, cancellationToken), cancellationToken);
        if (result.Result is not NoContent) return result.Result is NotFound ? TypedResults.NotFound() : TypedResults.Forbid();
        var breach = await IncidentQueries.BreachAsync(db, id, await IncidentSettingsQueries.LoadAsync(db, cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/v1/incidents/{id}/breach", new NotificationCreated(created, breach!.Status));
    }

    private static async Task<Ok<SettingsView>> Settings(AttestDbContext db, CancellationToken cancellationToken)
    {
        var settings = await IncidentSettingsQueries.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new SettingsView(IncidentClock.AllLimits(settings).Select(l => new SlaLimitsView(l.Severity, l.Definition, (int)l.Detect.TotalMinutes,
            (int)l.Contain.TotalMinutes, (int)l.Recover.TotalMinutes, l.LessonsRequired)).ToList(), settings.LessonsRequiredForLow, settings.NotificationHours, settings.Version));
    }

    private static async Task<NoContent> SaveSettings(IncidentSettingsInput input, SaveIncidentSettings save, CancellationToken cancellationToken)
    {
        await save.RunAsync(input, cancellationToken);
        return TypedResults.NoContent();
    }
}
