using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

public static class FrameworksApi
{
    public static void MapFrameworksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/frameworks", List).RequireAuthorization(Access.Reader).WithSummary("The organization's frameworks with requirement counts.");
        api.MapGet("/frameworks/coverage", Coverage).RequireAuthorization(Access.Reader)
            .WithSummary("Per framework: assessable requirements, those covered by implemented controls, and those covered including mappings. ?gapsFor=KEY lists that framework's gaps.");
        api.MapGet("/frameworks/{key}/requirements", Tree).RequireAuthorization(Access.Reader).WithSummary("A framework's requirement tree in document order; ?q= searches ids, titles and text.");
        api.MapGet("/requirements/{id:guid}", Requirement).RequireAuthorization(Access.Reader).WithSummary("One requirement with its controls and mapped requirements.");

        api.MapPost("/frameworks/import", Import).RequireAuthorization(Access.Manager)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(60 * 1024 * 1024))
            .WithSummary("Imports the request body (OSCAL catalog or profile JSON, or Attest YAML; ?fileName= names it). All or nothing; errors name the JSON path or line.");
        api.MapGet("/frameworks/{key}/export", Export).RequireAuthorization(Access.Reader).WithSummary("?format=oscal|yaml");
        api.MapGet("/controls/oscal", ComponentDefinition).RequireAuthorization(Access.Reader)
            .WithSummary("The organization's controls, status and the requirements they meet, as an OSCAL component definition.");
        api.MapGet("/controls", ListControls).RequireAuthorization(Access.Reader).WithSummary("The control register, 100 per page (?page=, ?q=, ?status=).");
        api.MapGet("/controls/{id:guid}", GetControl).RequireAuthorization(Access.Reader);
        api.MapPost("/controls", CreateControl).RequireAuthorization(Access.Editor).WithSummary("Creates a control; requirementIds link it to requirements of any framework.");
        api.MapPut("/controls/{id:guid}", UpdateControl).RequireAuthorization(Access.Editor).WithSummary("Contributors may update only the controls they own. Send the version you read.");
        api.MapDelete("/controls/{id:guid}", DeleteControl).RequireAuthorization(Access.Editor);
    }

    public sealed record ControlDetail(Guid Id, string Reference, string Name, string Description, Guid? OwnerId, ImplementationStatus Status, string ImplementationNotes,
        int? ReviewFrequencyMonths, DateOnly? NextReviewOn, string Tags, int Version, IReadOnlyList<ControlRegister.Linked> Requirements);

    private static async Task<Ok<List<FrameworkSummary>>> List(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FrameworkQueries.ListAsync(db, cancellationToken));

    private static async Task<Ok<List<FrameworkCoverage>>> Coverage(AttestDbContext db, string? gapsFor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FrameworkQueries.CoverageAsync(db, gapsFor, cancellationToken));

    private static async Task<Ok<List<RequirementRow>>> Tree(string key, string? q, AttestDbContext db, CancellationToken cancellationToken)
    {
        var framework = await FrameworkQueries.FindAsync(db, key, cancellationToken);
        return TypedResults.Ok(await FrameworkQueries.TreeAsync(db, framework.Id, q, cancellationToken));
    }

    private static async Task<Ok<RequirementDetail>> Requirement(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FrameworkQueries.RequirementAsync(db, id, cancellationToken));

    private static async Task<Ok<FrameworkImport>> Import(HttpRequest request, string? fileName, ImportFrameworkFile import, CancellationToken cancellationToken) =>
        TypedResults.Ok(await import.RunAsync(request.Body, string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName), cancellationToken));

    private static async Task<IResult> Export(string key, string? format, AttestDbContext db, CancellationToken cancellationToken)
    {
        var (content, type, name) = await FrameworkExport.RunAsync(db, key, format ?? "oscal", cancellationToken);
        return Results.File(content, type, name);
    }

    private static async Task<IResult> ComponentDefinition(AttestDbContext db, CancellationToken cancellationToken) =>
        Results.File(await FrameworkExport.ComponentDefinitionAsync(db, cancellationToken), "application/json", "implementation.oscal-component.json");

    private static async Task<Ok<ControlRegister.Page>> ListControls(AttestDbContext db, string? q, ImplementationStatus? status, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ControlRegister.PageAsync(db, q, status, Math.Max(1, page ?? 1), 100, cancellationToken));

    private static async Task<Results<Ok<ControlDetail>, NotFound>> GetControl(Guid id, AttestDbContext db, CancellationToken cancellationToken)
    {
        var control = await db.Controls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (control is null) return TypedResults.NotFound();
        return TypedResults.Ok(await DetailAsync(db, control, cancellationToken));
    }

    private static async Task<Created<ControlDetail>> CreateControl(ControlInput input, SaveControl save, AttestDbContext db, ActingContext acting, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, input with { OwnerId = OwnedRecords.OwnerFor(input.OwnerId, acting) }, cancellationToken);
        var control = db.Controls.Local.Single(c => c.Id == id);
        return TypedResults.Created($"/api/v1/controls/{id}", await DetailAsync(db, control, cancellationToken));
    }

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> UpdateControl(Guid id, ControlInput input, SaveControl save, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Control>(id, db, authorization, http, () => save.RunAsync(id, input, cancellationToken), cancellationToken);

    private static Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteControl(Guid id, int version, RemoveControl remove, AttestDbContext db,
        IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken) =>
        OwnedRecords.ChangeAsync<Control>(id, db, authorization, http, () => remove.RunAsync(id, version, cancellationToken), cancellationToken);

    private static async Task<ControlDetail> DetailAsync(AttestDbContext db, Control control, CancellationToken cancellationToken) =>
        new(control.Id, control.Reference, control.Name, control.Description, control.OwnerId, control.Status, control.ImplementationNotes,
            control.ReviewFrequencyMonths, control.NextReviewOn, control.Tags, control.Version, await ControlRegister.LinksAsync(db, control.Id, cancellationToken));
}
