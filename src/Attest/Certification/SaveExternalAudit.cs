using Attest.Data;
using Attest.Improvement;
using Microsoft.EntityFrameworkCore;

namespace Attest.Certification;

/// <summary>An external audit as forms and the API send it. An empty certification body means the programme's.</summary>
public sealed record ExternalAuditInput(
    ExternalAuditKind Kind,
    DateOnly StartOn,
    DateOnly EndOn,
    ExternalAuditStatus Status = ExternalAuditStatus.Planned,
    AuditConclusion Conclusion = AuditConclusion.Pending,
    string? CertificationBody = null,
    string? LeadAuditor = null,
    string? Summary = null,
    Guid? OwnerId = null,
    int Version = 0);

/// <summary>
/// Books or updates a certification body's audit of a programme (EA-001 …). A planned audit sets the planned date of the milestone it
/// stands for; completing a stage 1, stage 2, surveillance or recertification audit marks that milestone done on the audit's last day.
/// A conclusion is recorded only for a completed audit, and an audit is completed only once its last day has come.
/// </summary>
public sealed class SaveExternalAudit(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid programmeId, Guid? id, ExternalAuditInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .MaxLength(nameof(input.CertificationBody), input.CertificationBody, 300)
            .MaxLength(nameof(input.LeadAuditor), input.LeadAuditor, 300)
            .MaxLength(nameof(input.Summary), input.Summary, 20000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Status), input.Status)
            .Defined(nameof(input.Conclusion), input.Conclusion);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.StartOn == default) validation.Add(nameof(input.StartOn), "is required.");
        if (input.EndOn == default) validation.Add(nameof(input.EndOn), "is required.");
        else if (input.EndOn < input.StartOn) validation.Add(nameof(input.EndOn), "cannot be before the first day of the audit.");
        if (input.Conclusion != AuditConclusion.Pending && input.Status != ExternalAuditStatus.Completed)
        {
            validation.Add(nameof(input.Conclusion), "is recorded only when the audit is completed.");
        }
        if (input.Status == ExternalAuditStatus.Completed && input.EndOn > today) validation.Add(nameof(input.Status), "an audit cannot be completed before its last day.");
        validation.ThrowIfInvalid();

        var programme = await db.CertificationProgrammes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.Id, p.CertificationBody }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Certification programme", programmeId);
        ExternalAudit audit;
        if (id is null)
        {
            audit = new ExternalAudit
            {
                Reference = await References.NextAsync(db.ExternalAudits.Select(a => a.Reference), "EA-", 3, cancellationToken),
                ProgrammeId = programme.Id,
            };
            db.ExternalAudits.Add(audit);
        }
        else
        {
            audit = await db.ExternalAudits.FirstOrDefaultAsync(a => a.Id == id && a.ProgrammeId == programmeId, cancellationToken) ?? throw new RecordNotFoundException("External audit", id);
            db.Entry(audit).Property(a => a.Version).OriginalValue = input.Version;
        }
        audit.Kind = input.Kind;
        audit.StartOn = input.StartOn;
        audit.EndOn = input.EndOn;
        audit.Status = input.Status;
        audit.Conclusion = input.Conclusion;
        audit.CertificationBody = string.IsNullOrWhiteSpace(input.CertificationBody) ? programme.CertificationBody : input.CertificationBody.Trim();
        audit.LeadAuditor = input.LeadAuditor?.Trim() ?? "";
        audit.Summary = input.Summary?.Trim() ?? "";
        audit.OwnerId = input.OwnerId;
        if (input.Status != ExternalAuditStatus.Cancelled && await MilestoneMarks.ForAuditAsync(db, programme.Id, input.Kind, cancellationToken) is { } milestone)
        {
            if (input.Status == ExternalAuditStatus.Completed)
            {
                milestone.Status = MilestoneStatus.Done;
                milestone.DoneOn = input.EndOn;
            }
            else
            {
                milestone.PlannedOn = input.StartOn;
            }
        }
        await db.SaveAsync("external audit", cancellationToken);
        return audit.Id;
    }
}

/// <summary>
/// A finding of an external audit as the auditor wrote it. <see cref="Requirement"/> is the clause or control's code in the programme's
/// framework (e.g. "A.5.9" or "9.2"); an empty <see cref="DueOn"/> means 30 days for a major nonconformity and 90 for a minor one.
/// </summary>
public sealed record AuditFindingInput(
    string Title,
    FindingGrade Grade,
    string? Description = null,
    string? Requirement = null,
    string? AuditorReference = null,
    DateOnly? RaisedOn = null,
    DateOnly? DueOn = null,
    Guid? OwnerId = null);

/// <summary>
/// Records an external audit's finding in the nonconformity register (through <see cref="RaiseNonconformity"/>, source ExternalAudit),
/// raised on the audit's last day (or today, while it is still running) by its lead auditor.
/// </summary>
public sealed class RecordAuditFinding(AttestDbContext db, RaiseNonconformity raise)
{
    public const int MajorDays = 30;
    public const int MinorDays = 90;

    public async Task<Guid> RunAsync(Guid auditId, AuditFindingInput input, CancellationToken cancellationToken = default)
    {
        var audit = await db.ExternalAudits.AsNoTracking().Where(a => a.Id == auditId)
            .Select(a => new { a.Id, a.EndOn, a.LeadAuditor, a.CertificationBody, FrameworkId = db.CertificationProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.FrameworkId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("External audit", auditId);
        Guid? requirement = null;
        if (!string.IsNullOrWhiteSpace(input.Requirement))
        {
            var code = input.Requirement.Trim();
            var found = await db.Requirements.AsNoTracking()
                .Where(r => r.Code == code && (audit.FrameworkId == null || r.FrameworkId == audit.FrameworkId))
                .Select(r => r.Id).Take(2).ToListAsync(cancellationToken);
            if (found.Count != 1)
            {
                throw ValidationFailedException.For(nameof(input.Requirement), found.Count == 0
                    ? $"'{code}' is not a requirement of {(audit.FrameworkId is null ? "this organization's frameworks" : "the programme's framework")}."
                    : $"'{code}' names requirements of several frameworks; give the programme a framework.");
            }
            requirement = found[0];
        }
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        var raised = input.RaisedOn ?? (audit.EndOn <= today ? audit.EndOn : today);
        var due = input.DueOn ?? input.Grade switch
        {
            FindingGrade.Major => raised.AddDays(MajorDays),
            FindingGrade.Minor => raised.AddDays(MinorDays),
            _ => (DateOnly?)null,
        };
        var raisedBy = !string.IsNullOrWhiteSpace(audit.LeadAuditor) ? audit.LeadAuditor : audit.CertificationBody;
        return await raise.RunAsync(new NonconformityInput(input.Title ?? "", input.Grade, input.Description, NonconformitySource.ExternalAudit, audit.Id,
            input.AuditorReference, requirement, null, raised, string.IsNullOrWhiteSpace(raisedBy) ? null : raisedBy, input.OwnerId, due), cancellationToken);
    }
}

/// <summary>A certificate as forms and the API send it. An empty certification body means the programme's.</summary>
public sealed record CertificateInput(
    string Number,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    CertificateStatus Status = CertificateStatus.Issued,
    string? CertificationBody = null,
    string? AccreditationBody = null,
    string? ScopeStatement = null,
    int Version = 0);

/// <summary>Records or updates a certificate of a programme; recording one marks the "certificate issued" milestone done on its issue date.</summary>
public sealed class SaveCertificate(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid programmeId, Guid? id, CertificateInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Number), input.Number, 100)
            .MaxLength(nameof(input.CertificationBody), input.CertificationBody, 300)
            .MaxLength(nameof(input.AccreditationBody), input.AccreditationBody, 300)
            .MaxLength(nameof(input.ScopeStatement), input.ScopeStatement, 4000)
            .Defined(nameof(input.Status), input.Status);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.IssuedOn == default) validation.Add(nameof(input.IssuedOn), "is required.");
        else if (input.IssuedOn > today) validation.Add(nameof(input.IssuedOn), "cannot be in the future.");
        if (input.ExpiresOn == default) validation.Add(nameof(input.ExpiresOn), "is required.");
        else if (input.ExpiresOn < input.IssuedOn) validation.Add(nameof(input.ExpiresOn), "cannot be before the issue date.");
        validation.ThrowIfInvalid();

        var programme = await db.CertificationProgrammes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.Id, p.CertificationBody }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Certification programme", programmeId);
        Certificate certificate;
        if (id is null)
        {
            certificate = new Certificate { ProgrammeId = programme.Id, Number = input.Number.Trim() };
            db.Certificates.Add(certificate);
            await MilestoneMarks.MarkDoneAsync(db, programme.Id, MilestoneKind.CertificateIssued, input.IssuedOn, cancellationToken);
        }
        else
        {
            certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == id && c.ProgrammeId == programmeId, cancellationToken) ?? throw new RecordNotFoundException("Certificate", id);
            db.Entry(certificate).Property(c => c.Version).OriginalValue = input.Version;
        }
        certificate.Number = input.Number.Trim();
        certificate.IssuedOn = input.IssuedOn;
        certificate.ExpiresOn = input.ExpiresOn;
        certificate.Status = input.Status;
        certificate.CertificationBody = string.IsNullOrWhiteSpace(input.CertificationBody) ? programme.CertificationBody : input.CertificationBody.Trim();
        certificate.AccreditationBody = input.AccreditationBody?.Trim() ?? "";
        certificate.ScopeStatement = input.ScopeStatement?.Trim() ?? "";
        await db.SaveAsync("certificate", cancellationToken);
        return certificate.Id;
    }
}
