using Attest.Data;
using Attest.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Api;

/// <summary>/api/v1/people: the personnel register (personal data: Readers read, Managers change), its checklists, import and export.</summary>
public static class PeopleApi
{
    public sealed record DeactivateInput(DateOnly? LastDay, int? Version);
    public sealed record StartChecklistInput(ChecklistKind Kind);
    public sealed record TickInput(bool Done, string? Note, int Version);

    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people", List).RequireAuthorization(Access.Reader)
            .WithSummary("The register, 50 per page, by name, with counts of the whole register. Filters: ?q= (name or e-mail), type=Employee|Contractor|ThirdParty, department=, status=Active|Joining|Left, screeningOutstanding=true, ndaMissing=true, leftWithAccess=true, page=.");
        api.MapGet("/people/{id:guid}", Get).RequireAuthorization(Access.Reader)
            .WithSummary("One person with manager, direct reports, groups, checklists and the access they still hold (active grants of the access register).");
        api.MapPost("/people", Create).RequireAuthorization(Access.Manager)
            .WithSummary("Adds a person. The e-mail is unique in the organization; the manager must be another person here (no loops). A start date starts the onboarding checklist when a template exists.");
        api.MapPut("/people/{id:guid}", Update).RequireAuthorization(Access.Manager)
            .WithSummary("Replaces a person's fields; send the version you read (409 when someone saved meanwhile). Setting an end date starts offboarding.");
        api.MapPost("/people/{id:guid}/deactivate", Deactivate).RequireAuthorization(Access.Manager)
            .WithSummary("Records a leaver: last day (default: the one set, else today) and inactive; starts offboarding.");
        api.MapPost("/people/{id:guid}/checklists", StartChecklist).RequireAuthorization(Access.Manager)
            .WithSummary("Starts the person's Onboarding or Offboarding checklist from the template for their type (else the one for everyone).");
        api.MapPost("/people/checklist-items/{itemId:guid}", Tick).RequireAuthorization(Access.Manager)
            .WithSummary("Ticks (done=true) or re-opens an item, with a note. An \"all access revoked\" item is refused (400) while the person holds active access, naming it.");
        api.MapGet("/people/checklists/due", Due).RequireAuthorization(Access.Reader)
            .WithSummary("Open checklist items across people, soonest first: ?withinDays= (default 14; overdue ones always), kind=, all=true, page=.");
        api.MapGet("/people/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=csv|xlsx: the whole register in the columns the import reads.");
        api.MapPost("/people/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportPeople.MaxBytes))
            .WithSummary("Imports the request body (?fileName= ends .csv or .xlsx); same e-mail updates. All or nothing: 400 with errors like \"row 7, column Email: …\".");
    }

    private static async Task<Ok<PersonPage>> List(AttestDbContext db, string? q, PersonType? type, string? department, PersonStatus? status, bool? screeningOutstanding,
        bool? ndaMissing, bool? leftWithAccess, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PersonQueries.PageAsync(db, new PersonFilter(q, type, department, status, screeningOutstanding ?? false, ndaMissing ?? false, leftWithAccess ?? false),
            Math.Max(1, page ?? 1), PersonQueries.PageSize, cancellationToken));

    private static async Task<Ok<PersonDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PersonQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<PersonDetail>> Create(PersonInput input, SavePerson save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input, PersonSource.Manual, cancellationToken);
        return TypedResults.Created($"/api/v1/people/{id}", await PersonQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<PersonDetail>> Update(Guid id, PersonInput input, SavePerson save, AttestDbContext db, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, input, PersonSource.Manual, cancellationToken);
        return TypedResults.Ok(await PersonQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<PersonDetail>> Deactivate(Guid id, DeactivateInput? input, DeactivatePerson deactivate, AttestDbContext db, CancellationToken cancellationToken)
    {
        await deactivate.RunAsync(id, input?.LastDay, input?.Version, cancellationToken);
        return TypedResults.Ok(await PersonQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<Ok<PersonDetail>> StartChecklist(Guid id, StartChecklistInput input, StartPersonChecklist start, AttestDbContext db, CancellationToken cancellationToken)
    {
        await start.RunAsync(id, input.Kind, cancellationToken);
        return TypedResults.Ok(await PersonQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<NoContent> Tick(Guid itemId, TickInput input, TickChecklistItem tick, CancellationToken cancellationToken)
    {
        await tick.RunAsync(itemId, input.Done, input.Note, input.Version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DueItemPage>> Due(AttestDbContext db, int? withinDays, ChecklistKind? kind, bool? all, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PersonQueries.DueAsync(db, all == true ? null : withinDays ?? 14, kind, Math.Max(1, page ?? 1), PersonQueries.PageSize, cancellationToken));

    private static async Task<IResult> Export(string? format, AttestDbContext db, CancellationToken cancellationToken) => (format ?? "xlsx").ToLowerInvariant() switch
    {
        "csv" => Results.File(await PeopleRegisterExport.CsvAsync(db, cancellationToken), "text/csv; charset=utf-8", "people.csv"),
        "xlsx" => Results.File(await PeopleRegisterExport.XlsxAsync(db, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "people.xlsx"),
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a format here: use csv or xlsx."),
    };

    private static async Task<Ok<PeopleImportResult>> Import(HttpRequest request, string? fileName, ImportPeople import, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return TypedResults.Ok(await import.RunAsync(buffer, string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName), cancellationToken));
    }
}
