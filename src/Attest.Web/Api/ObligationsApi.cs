using Attest.Data;
using Attest.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/obligations and /api/v1/regulatory-events: the obligations register (ISO 27001 A.5.31–5.34), licences and regulatory events.</summary>
public static class ObligationsApi
{
    /// <summary>
    /// An obligation. <c>requirements</c> names requirements of any framework as "framework-key code" ("iso27001-2022 A.5.31; gdpr Art. 32"),
    /// <c>requirementIds</c> by id, <c>controls</c> control references and <c>assets</c> asset or AI system references; a PUT replaces them.
    /// </summary>
    public sealed record ObligationBody(
        string Title, ObligationKind Kind = ObligationKind.Regulation, string? Source = null, string? Jurisdiction = null, string? Description = null, Guid? OwnerId = null,
        string? BusinessProcesses = null, string? Clients = null, DateOnly? ContractStartOn = null, DateOnly? ContractEndOn = null,
        ComplianceStatus Status = ComplianceStatus.NotAssessed, string? StatusReason = null, DateOnly? ReviewOn = null, Guid? HolderPersonId = null, string? Holder = null,
        string? IssuingBody = null, string? LicenceNumber = null, DateOnly? ValidFrom = null, DateOnly? ValidUntil = null, int RenewalLeadDays = 0,
        string? Requirements = null, IReadOnlyList<Guid>? RequirementIds = null, string? Controls = null, string? Assets = null, int Version = 0);

    public sealed record EventBody(
        string Title, RegulatoryEventKind Kind = RegulatoryEventKind.Enquiry, Guid? ObligationId = null, string? Description = null, string? Authority = null,
        DateOnly? OccurredOn = null, DateOnly? ReportedOn = null, decimal? FineAmount = null, string? FineCurrency = null,
        RegulatoryEventStatus Status = RegulatoryEventStatus.Open, DateOnly? ClosedOn = null, string? Outcome = null, Guid? IncidentId = null, Guid? NonconformityId = null,
        Guid? OwnerId = null, int Version = 0);

    public static void MapObligationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/obligations", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page by reference. Filters: ?q=, kind=Regulation|Contract|CertificationCommitment|ProfessionalStandard|Licence|Other, " +
                         "status=NotAssessed|Compliant|PartiallyCompliant|NotCompliant, owner=, reviewOverdue=true, licence=Valid|Expiring|Expired|NotYetValid|Unknown, retired=true, page=. " +
                         "Licences carry their standing (state, days left, renew by).");
        api.MapGet("/obligations/figures", Figures).RequireAuthorization(Access.Reader)
            .WithSummary("Licences valid / expiring within 90 days / expired and licence compliance % (valid ÷ licences in force), obligations by status, reviews overdue, violations this year, open regulatory events.");
        api.MapGet("/obligations/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv|xlsx: every obligation with its licence fields, state and links as codes.");
        api.MapGet("/obligations/{id:guid}", Get).RequireAuthorization(Access.Reader);
        api.MapPost("/obligations", Create).RequireAuthorization(Access.Editor)
            .WithSummary("Records an obligation. A licence needs holder (holderPersonId or holder), issuingBody, licenceNumber, validUntil; a contract its clients. A Contributor owns it unless they name someone.");
        api.MapPut("/obligations/{id:guid}", Update).RequireAuthorization(Access.Editor)
            .WithSummary("Contributors update only the obligations they own. Send the version you read; the links sent replace the links held.");
        api.MapPost("/obligations/{id:guid}/retire", Retire).RequireAuthorization(Access.Editor)
            .WithSummary("?version=&retired=true|false: retires an obligation (kept in the register, left out of the figures) or puts it back in force.");

        api.MapGet("/regulatory-events", Events).RequireAuthorization(Access.Reader)
            .WithSummary("Violations and regulatory events, newest first, 50 per page. Filters: ?q=, kind=Violation|Enquiry|Fine|Sanction|ClientComplaint, status=Open|Closed, obligation=, violations=true, page=.");
        api.MapGet("/regulatory-events/{id:guid}", GetEvent).RequireAuthorization(Access.Reader);
        api.MapPost("/regulatory-events", CreateEvent).RequireAuthorization(Access.Editor)
            .WithSummary("Records an event. A Violation, Fine or Sanction needs obligationId; fineAmount ≥ 0 with a 3-letter fineCurrency; Closed without closedOn means today.");
        api.MapPut("/regulatory-events/{id:guid}", UpdateEvent).RequireAuthorization(Access.Editor).WithSummary("Contributors update only the events they own. Send the version you read.");
        api.MapDelete("/regulatory-events/{id:guid}", DeleteEvent).RequireAuthorization(Access.Editor).WithSummary("Removes an event recorded in error (?version=).");
    }

    private static async Task<Ok<ObligationPage>> List(AttestDbContext db, string? q, ObligationKind? kind, ComplianceStatus? status, Guid? owner, bool? reviewOverdue,
        LicenceState? licence, bool? retired, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObligationRegister.PageAsync(db, new ObligationFilter(q, kind, status, owner, reviewOverdue ?? false, licence, retired ?? false),
            Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<ObligationFigures>> Figures(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObligationRegister.FiguresAsync(db, cancellationToken));

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await ObligationExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "obligations.csv"),
        "xlsx" => Results.File(await ObligationExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "obligations.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<Ok<ObligationDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ObligationRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<ObligationDetail>> Create(ObligationBody body, SaveObligation save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body with { OwnerId = OwnedRecords.OwnerFor(body.OwnerId, acting) }), cancellationToken);
        return TypedResults.Created($"/api/v1/obligations/{id}", await ObligationRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Update(Guid id, ObligationBody body, SaveObligation save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Obligation>(id, db, authorization, http, () => save.RunAsync(id, Input(body with
        {
            // A PUT replaces the links: absent lists mean none.
            Requirements = body.Requirements ?? "", Controls = body.Controls ?? "", Assets = body.Assets ?? "",
        }), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> Retire(Guid id, int version, bool? retired, RetireObligation retire, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Obligation>(id, db, authorization, http, () => retire.RunAsync(id, version, retired ?? true, cancellationToken), cancellationToken);

    private static async Task<Ok<RegulatoryEventPage>> Events(AttestDbContext db, string? q, RegulatoryEventKind? kind, RegulatoryEventStatus? status, Guid? obligation,
        bool? violations, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RegulatoryEventRegister.PageAsync(db, new RegulatoryEventFilter(q, kind, status, obligation, violations ?? false), Math.Max(1, page ?? 1), 50, cancellationToken));

    private static async Task<Ok<RegulatoryEventDetail>> GetEvent(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RegulatoryEventRegister.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<RegulatoryEventDetail>> CreateEvent(EventBody body, SaveRegulatoryEvent save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body with { OwnerId = OwnedRecords.OwnerFor(body.OwnerId, acting) }), cancellationToken);
        return TypedResults.Created($"/api/v1/regulatory-events/{id}", await RegulatoryEventRegister.DetailAsync(db, id, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateEvent(Guid id, EventBody body, SaveRegulatoryEvent save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<RegulatoryEvent>(id, db, authorization, http, () => save.RunAsync(id, Input(body), cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteEvent(Guid id, int version, RemoveRegulatoryEvent remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<RegulatoryEvent>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static ObligationInput Input(ObligationBody b) =>
        new(b.Title ?? "", b.Kind, b.Source, b.Jurisdiction, b.Description, b.OwnerId, b.BusinessProcesses, b.Clients, b.ContractStartOn, b.ContractEndOn, b.Status,
            b.StatusReason, b.ReviewOn, b.HolderPersonId, b.Holder, b.IssuingBody, b.LicenceNumber, b.ValidFrom, b.ValidUntil, b.RenewalLeadDays,
            b.Requirements, b.RequirementIds, b.Controls, b.Assets, b.Version);

    private static RegulatoryEventInput Input(EventBody b) =>
        new(b.Title ?? "", b.Kind, b.ObligationId, b.Description, b.Authority, b.OccurredOn, b.ReportedOn, b.FineAmount, b.FineCurrency, b.Status, b.ClosedOn, b.Outcome,
            b.IncidentId, b.NonconformityId, b.OwnerId, b.Version);
}
