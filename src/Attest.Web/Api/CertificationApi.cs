using Attest.Certification;
using Attest.Data;
using Attest.Improvement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Api;

/// <summary>/api/v1/certification: programmes with their milestones, external audits (and findings) and certificates. Readers read; Managers and Admins write.</summary>
public static class CertificationApi
{
    public sealed record ProgrammeBody(string Name, string Standard, string? FrameworkKey = null, DateOnly? ScopeEstablishedOn = null, DateOnly? TargetOn = null,
        string? CertificationBody = null, Guid? OwnerId = null, string? Description = null, bool ShowOnTrustPage = false, bool Archived = false, int Version = 0);

    public sealed record MilestoneBody(string Title, MilestoneKind Kind = MilestoneKind.Other, DateOnly? PlannedOn = null, MilestoneStatus Status = MilestoneStatus.NotStarted,
        DateOnly? DoneOn = null, Guid? OwnerId = null, string? Notes = null, int Version = 0);

    public sealed record AuditBody(ExternalAuditKind Kind, DateOnly? StartOn, DateOnly? EndOn, ExternalAuditStatus Status = ExternalAuditStatus.Planned,
        AuditConclusion Conclusion = AuditConclusion.Pending, string? CertificationBody = null, string? LeadAuditor = null, string? Summary = null, Guid? OwnerId = null, int Version = 0);

    public sealed record FindingBody(string Title, FindingGrade Grade, string? Description = null, string? Requirement = null, string? AuditorReference = null,
        DateOnly? RaisedOn = null, DateOnly? DueOn = null, Guid? OwnerId = null);

    public sealed record CertificateBody(string Number, DateOnly? IssuedOn, DateOnly? ExpiresOn, CertificateStatus Status = CertificateStatus.Issued, string? CertificationBody = null,
        string? AccreditationBody = null, string? ScopeStatement = null, int Version = 0);

    public sealed record SavedId(Guid Id);

    public static void MapCertificationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/certification/programmes", List).RequireAuthorization(Access.Reader)
            .WithSummary("Every programme's status: target, days to target (negative once passed), milestones done/total, next and late milestones, on track, readiness %, " +
                         "open major/minor nonconformities from its audits, and its state (Certified, CertificateExpired, …). ?archived=true includes archived programmes.");
        api.MapGet("/certification/status", Dashboard).RequireAuthorization(Access.Reader).WithSummary("One small line per active programme, as the dashboard shows it.");
        api.MapGet("/certification/programmes/{id:guid}", Get).RequireAuthorization(Access.Reader).WithSummary("One programme with its milestones, audits, certificates and readiness per clause.");
        api.MapPost("/certification/programmes", Create).RequireAuthorization(Access.Manager)
            .WithSummary("Starts a programme with the twelve standard milestones. frameworkKey: iso27001-2022, iso42001-2023 or none; targetOn defaults to scopeEstablishedOn + 6 months.");
        api.MapPut("/certification/programmes/{id:guid}", Update).RequireAuthorization(Access.Manager).WithSummary("Updates a programme (send the version you read); its milestones stay.");
        api.MapPost("/certification/programmes/{id:guid}/milestones", AddMilestone).RequireAuthorization(Access.Manager).WithSummary("Adds a milestone at the end of the programme's order.");
        api.MapPut("/certification/milestones/{id:guid}", UpdateMilestone).RequireAuthorization(Access.Manager)
            .WithSummary("Done needs a done date on or before today (empty: today); doneOn only when done.");
        api.MapDelete("/certification/milestones/{id:guid}", DeleteMilestone).RequireAuthorization(Access.Manager).WithSummary("Removes a milestone (?version=); status NotApplicable keeps it.");
        api.MapPost("/certification/programmes/{id:guid}/audits", AddAudit).RequireAuthorization(Access.Manager)
            .WithSummary("Books or records an external audit (EA-nnn). A completed stage 1, stage 2, surveillance or recertification audit marks its milestone done on its last day.");
        api.MapGet("/certification/audits/{id:guid}", GetAudit).RequireAuthorization(Access.Reader).WithSummary("One audit with its findings.");
        api.MapPut("/certification/audits/{id:guid}", UpdateAudit).RequireAuthorization(Access.Manager).WithSummary("Updates an audit; a conclusion only once completed.");
        api.MapPost("/certification/audits/{id:guid}/findings", AddFinding).RequireAuthorization(Access.Manager)
            .WithSummary("Records a finding as a nonconformity (source ExternalAudit). requirement is a code of the programme's framework; dueOn defaults to 30 days for a major, 90 for a minor.");
        api.MapPost("/certification/programmes/{id:guid}/certificates", AddCertificate).RequireAuthorization(Access.Manager)
            .WithSummary("Records a certificate (issuedOn ≤ expiresOn) and marks the programme's \"certificate issued\" milestone done.");
        api.MapPut("/certification/certificates/{id:guid}", UpdateCertificate).RequireAuthorization(Access.Manager).WithSummary("Corrects a certificate, or records its suspension or withdrawal.");
    }

    private static async Task<Ok<IReadOnlyList<CertificationStatus>>> List(AttestDbContext db, bool? archived, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CertificationQueries.StatusesAsync(db, archived ?? false, cancellationToken));

    private static async Task<Ok<IReadOnlyList<CertificationDashboardRow>>> Dashboard(AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CertificationQueries.DashboardAsync(db, withReadiness: true, cancellationToken));

    private static async Task<Ok<ProgrammeDetail>> Get(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CertificationQueries.DetailAsync(db, id, cancellationToken));

    private static async Task<Created<ProgrammeDetail>> Create(ProgrammeBody body, SaveProgramme save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = await save.RunAsync(null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/certification/programmes/{id}", await CertificationQueries.DetailAsync(db, id, cancellationToken));
    }

    private static async Task<NoContent> Update(Guid id, ProgrammeBody body, SaveProgramme save, CancellationToken cancellationToken)
    {
        await save.RunAsync(id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<SavedId>> AddMilestone(Guid id, MilestoneBody body, SaveMilestone save, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(id, null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/certification/programmes/{id}", new SavedId(saved));
    }

    private static async Task<NoContent> UpdateMilestone(Guid id, MilestoneBody body, SaveMilestone save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var programme = await db.Milestones.Where(m => m.Id == id).Select(m => (Guid?)m.ProgrammeId).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Milestone", id);
        await save.RunAsync(programme, id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteMilestone(Guid id, int version, RemoveMilestone remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ExternalAuditDetail>> AddAudit(Guid id, AuditBody body, SaveExternalAudit save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(id, null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/certification/audits/{saved}", await CertificationQueries.AuditAsync(db, saved, cancellationToken));
    }

    private static async Task<Ok<ExternalAuditDetail>> GetAudit(Guid id, AttestDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CertificationQueries.AuditAsync(db, id, cancellationToken));

    private static async Task<NoContent> UpdateAudit(Guid id, AuditBody body, SaveExternalAudit save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var programme = await db.ExternalAudits.Where(a => a.Id == id).Select(a => (Guid?)a.ProgrammeId).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("External audit", id);
        await save.RunAsync(programme, id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<SavedId>> AddFinding(Guid id, FindingBody body, RecordAuditFinding record, CancellationToken cancellationToken)
    {
        var saved = await record.RunAsync(id, new AuditFindingInput(body.Title ?? "", body.Grade, body.Description, body.Requirement, body.AuditorReference, body.RaisedOn, body.DueOn,
            body.OwnerId), cancellationToken);
        return TypedResults.Created($"/api/v1/nonconformities/{saved}", new SavedId(saved));
    }

    private static async Task<Created<SavedId>> AddCertificate(Guid id, CertificateBody body, SaveCertificate save, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(id, null, Input(body), cancellationToken);
        return TypedResults.Created($"/api/v1/certification/programmes/{id}", new SavedId(saved));
    }

    private static async Task<NoContent> UpdateCertificate(Guid id, CertificateBody body, SaveCertificate save, AttestDbContext db, CancellationToken cancellationToken)
    {
        var programme = await db.Certificates.Where(c => c.Id == id).Select(c => (Guid?)c.ProgrammeId).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Certificate", id);
        await save.RunAsync(programme, id, Input(body), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProgrammeInput Input(ProgrammeBody b) =>
        new(b.Name ?? "", b.Standard ?? "", b.FrameworkKey, b.ScopeEstablishedOn, b.TargetOn, b.CertificationBody, b.OwnerId, b.Description, b.ShowOnTrustPage, b.Archived, b.Version);

    private static MilestoneInput Input(MilestoneBody b) => new(b.Title ?? "", b.Kind, b.PlannedOn, b.Status, b.DoneOn, b.OwnerId, b.Notes, b.Version);

    private static ExternalAuditInput Input(AuditBody b) =>
        new(b.Kind, b.StartOn ?? default, b.EndOn ?? default, b.Status, b.Conclusion, b.CertificationBody, b.LeadAuditor, b.Summary, b.OwnerId, b.Version);

    private static CertificateInput Input(CertificateBody b) =>
        new(b.Number ?? "", b.IssuedOn ?? default, b.ExpiresOn ?? default, b.Status, b.CertificationBody, b.AccreditationBody, b.ScopeStatement, b.Version);
}
