using System.Diagnostics;
using Attest.Assets;
using Attest.Certification;
using Attest.Exceptions;
using Attest.Improvement;
using Attest.Obligations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Scale;

/// <summary>
/// Issue 12's registers at enterprise size: the obligations register with its licences (a third each valid, expiring and a few expired),
/// regulatory events, nonconformities from every source with effectiveness checks, exceptions in every state (some expired), and two
/// certification programmes with their milestones, external audits and a certificate. A generator of its own (seeded separately).
/// </summary>
public sealed partial class SeedScaleDataset
{
    private async Task SeedComplianceAsync(Guid organizationId, ScaleVolumes volumes, List<Guid> controlIds, Guid[] owners, AuditWriter audit,
        DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, TextWriter? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        if (volumes.Obligations == 0 && volumes.Nonconformities == 0 && volumes.Exceptions == 0) return;
        var random = new Random(20261124);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var requirements = await db.Requirements.AsNoTracking().Where(r => r.Assessable)
            .Join(db.Frameworks.Where(f => f.Key == "iso27001-2022" || f.Key == "iso42001-2023"), r => r.FrameworkId, f => f.Id, (r, f) => r.Id)
            .ToListAsync(cancellationToken);
        var aiSystems = await db.Assets.AsNoTracking().Where(a => a.Type == AssetType.AiSystem).OrderBy(a => a.Reference).Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
        var holders = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).Take(2_000).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Reference).Select(d => d.Id).ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().OrderBy(r => r.Reference).Select(r => r.Id).Take(2_000).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().OrderBy(i => i.Reference).Select(i => i.Id).Take(2_000).ToListAsync(cancellationToken);
        DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        // Obligations: laws, contracts, commitments and standards, and licences (30 %).
        long links = 0;
        for (var i = 1; i <= volumes.Obligations; i++)
        {
            var licence = i % 10 < 3;
            var kind = licence ? ObligationKind.Licence : (ObligationKind)(new[] { 0, 1, 1, 1, 2, 3, 5 }[random.Next(7)]);
            var created = start.AddDays(random.Next(0, 600));
            var roll = random.Next(100);
            var obligation = new Obligation
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"OB-{i:0000}", Kind = kind, OwnerId = owners[random.Next(owners.Length)],
                Title = licence ? $"Practising licence {i}" : $"{ObligationThemes[random.Next(ObligationThemes.Length)]} {i}",
                Source = licence ? "Professional regulator" : "Regulation or agreement", Jurisdiction = Jurisdictions[random.Next(Jurisdictions.Length)],
                Description = "What it requires of the organization.", Clients = kind == ObligationKind.Contract ? $"Client {random.Next(1, 400)}" : "",
                Status = licence ? ComplianceStatus.Compliant : roll < 70 ? ComplianceStatus.Compliant : roll < 85 ? ComplianceStatus.PartiallyCompliant : roll < 92 ? ComplianceStatus.NotCompliant : ComplianceStatus.NotAssessed,
                ReviewOn = today.AddDays(random.Next(-60, 365)), Retired = random.Next(50) == 0, CreatedAt = created, UpdatedAt = created, Version = 1,
            };
            if (obligation.Status is ComplianceStatus.PartiallyCompliant or ComplianceStatus.NotCompliant) obligation.StatusReason = "Gaps found at the last review; actions planned.";
            if (obligation.Status != ComplianceStatus.NotAssessed) obligation.AssessedOn = today.AddDays(-random.Next(1, 300));
            if (licence)
            {
                var holder = holders.Count > 0 && random.Next(10) > 0 ? holders[random.Next(holders.Count)] : null;
                var validUntil = today.AddDays(random.Next(10) == 0 ? -random.Next(1, 200) : random.Next(1, 900));
                (obligation.HolderPersonId, obligation.Holder) = (holder?.Id, holder?.Name ?? "The company");
                (obligation.IssuingBody, obligation.LicenceNumber) = (LicenceBodies[random.Next(LicenceBodies.Length)], $"L{random.Next(100_000, 999_999)}");
                (obligation.ValidFrom, obligation.ValidUntil, obligation.RenewalLeadDays) = (validUntil.AddYears(-1), validUntil, new[] { 30, 60, 90 }[random.Next(3)]);
            }
            db.Obligations.Add(obligation);
            audit.Created("Obligation", obligation.Id, $"{obligation.Reference} {obligation.Title}");
            if (!licence)
            {
                foreach (var requirement in Sample(random, requirements, 3)) { db.ObligationRequirements.Add(new ObligationRequirement { Id = NextGuid(random), OrganizationId = organizationId, ObligationId = obligation.Id, RequirementId = requirement }); links++; }
                foreach (var control in Sample(random, controlIds, 2)) { db.ObligationControls.Add(new ObligationControl { Id = NextGuid(random), OrganizationId = organizationId, ObligationId = obligation.Id, ControlId = control }); links++; }
                if (aiSystems.Count > 0 && random.Next(4) == 0) { db.ObligationAssets.Add(new ObligationAsset { Id = NextGuid(random), OrganizationId = organizationId, ObligationId = obligation.Id, AssetId = aiSystems[random.Next(aiSystems.Count)] }); links++; }
            }
            if (i % 2_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["obligations"] = volumes.Obligations;
        counts["obligation links"] = links;
        var obligationIds = await db.Obligations.AsNoTracking().Where(o => o.Kind != ObligationKind.Licence).OrderBy(o => o.Reference).Select(o => o.Id).Take(1_000).ToListAsync(cancellationToken);
        var events = volumes.Obligations / 10;
        for (var i = 1; i <= events; i++)
        {
            var occurred = today.AddDays(-random.Next(1, 700));
            var kind = (RegulatoryEventKind)random.Next(5);
            var closed = occurred < today.AddDays(-90) || random.Next(3) > 0;
            var item = new RegulatoryEvent
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"RE-{i:000}", Kind = kind, Title = $"{kind} about obligation",
                ObligationId = obligationIds.Count > 0 ? obligationIds[random.Next(obligationIds.Count)] : null, Authority = "Information Commissioner's Office",
                OccurredOn = occurred, ReportedOn = occurred.AddDays(random.Next(0, 5)), FineAmount = kind == RegulatoryEventKind.Fine ? random.Next(1, 200) * 1_000m : null,
                FineCurrency = kind == RegulatoryEventKind.Fine ? "GBP" : "", Status = closed ? RegulatoryEventStatus.Closed : RegulatoryEventStatus.Open,
                ClosedOn = closed ? occurred.AddDays(random.Next(5, 60)) : null, IncidentId = incidents.Count > 0 && random.Next(2) == 0 ? incidents[random.Next(incidents.Count)] : null,
                OwnerId = owners[random.Next(owners.Length)], CreatedAt = At(occurred), UpdatedAt = At(occurred), Version = 1,
            };
            if (item.ClosedOn > today) item.ClosedOn = today;
            db.RegulatoryEvents.Add(item);
            audit.Created("RegulatoryEvent", item.Id, $"{item.Reference} {item.Title}");
        }
        await SaveAndClearAsync(cancellationToken);
        counts["regulatory events"] = events;
        progress?.WriteLine($"  {volumes.Obligations} obligations, {links} links, {events} regulatory events ({watch.Elapsed.TotalSeconds:0.0} s)");

        // Certification: ISO 27001 certified a year ago (surveillance due), ISO 42001 in progress with stage 1 done.
        var frameworks = await db.Frameworks.AsNoTracking().Where(f => f.Key == "iso27001-2022" || f.Key == "iso42001-2023").ToDictionaryAsync(f => f.Key, f => f.Id, cancellationToken);
        var audits = new List<(Guid Id, DateOnly On)>();
        var auditNumber = 0;
        foreach (var (key, name, standard, established) in new[] { ("iso27001-2022", "ISO 27001 certification", "ISO/IEC 27001:2022", today.AddMonths(-20)), ("iso42001-2023", "ISO 42001 certification", "ISO/IEC 42001:2023", today.AddMonths(-5)) })
        {
            var programme = new CertificationProgramme
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = name, Standard = standard, FrameworkId = frameworks.GetValueOrDefault(key), ScopeEstablishedOn = established,
                TargetOn = established.AddMonths(6), CertificationBody = "Scale Certification Ltd", OwnerId = owners[0], ShowOnTrustPage = true, CreatedAt = At(established), UpdatedAt = At(established), Version = 1,
            };
            db.CertificationProgrammes.Add(programme);
            audit.Created("CertificationProgramme", programme.Id, programme.Name);
            var kinds = Enum.GetValues<MilestoneKind>().Where(k => k != MilestoneKind.Other).ToArray();
            for (var m = 0; m < kinds.Length; m++)
            {
                var planned = kinds[m] switch
                {
                    MilestoneKind.SurveillanceAudit1 => programme.TargetOn.AddYears(1),
                    MilestoneKind.SurveillanceAudit2 => programme.TargetOn.AddYears(2),
                    MilestoneKind.Recertification => programme.TargetOn.AddYears(3),
                    _ => established.AddDays((programme.TargetOn.DayNumber - established.DayNumber) * (m + 1) / 9),
                };
                var done = planned <= today && random.Next(10) > 0;
                db.Milestones.Add(new Milestone
                {
                    Id = NextGuid(random), OrganizationId = organizationId, ProgrammeId = programme.Id, Kind = kinds[m], Title = MilestoneTitle(kinds[m]), PlannedOn = planned,
                    DoneOn = done ? planned.AddDays(random.Next(0, 10)) is var d && d > today ? today : d : null, Status = done ? MilestoneStatus.Done : planned <= today ? MilestoneStatus.InProgress : MilestoneStatus.NotStarted,
                    OwnerId = owners[random.Next(owners.Length)], SortOrder = m, CreatedAt = At(established), UpdatedAt = At(established), Version = 1,
                });
            }
            foreach (var (kind, on) in new[] { (ExternalAuditKind.Stage1, programme.TargetOn.AddDays(-60)), (ExternalAuditKind.Stage2, programme.TargetOn.AddDays(-14)), (ExternalAuditKind.Surveillance, programme.TargetOn.AddYears(1).AddDays(-14)) })
            {
                if (on > today.AddDays(60)) continue;
                var completed = on.AddDays(2) <= today;
                var external = new ExternalAudit
                {
                    Id = NextGuid(random), OrganizationId = organizationId, Reference = $"EA-{++auditNumber:000}", ProgrammeId = programme.Id, Kind = kind, CertificationBody = programme.CertificationBody,
                    LeadAuditor = "Lead Auditor", StartOn = on, EndOn = on.AddDays(2), Status = completed ? ExternalAuditStatus.Completed : ExternalAuditStatus.Planned,
                    Conclusion = completed ? AuditConclusion.Conditional : AuditConclusion.Pending, OwnerId = owners[0], CreatedAt = At(on.AddDays(-30)), UpdatedAt = At(on), Version = 1,
                };
                db.ExternalAudits.Add(external);
                audit.Created("ExternalAudit", external.Id, external.Reference);
                if (completed) audits.Add((external.Id, external.EndOn));
            }
            if (programme.TargetOn <= today)
            {
                db.Certificates.Add(new Certificate
                {
                    Id = NextGuid(random), OrganizationId = organizationId, ProgrammeId = programme.Id, Number = $"IS {random.Next(100_000, 999_999)}", CertificationBody = programme.CertificationBody,
                    AccreditationBody = "UKAS", ScopeStatement = "The information security management system for the delivery of professional services.", IssuedOn = programme.TargetOn,
                    ExpiresOn = programme.TargetOn.AddYears(3).AddDays(-1), CreatedAt = At(programme.TargetOn), UpdatedAt = At(programme.TargetOn), Version = 1,
                });
            }
        }
        await SaveAndClearAsync(cancellationToken);

        // Nonconformities from every source over two years: most closed after an effective check, some reopened, recent ones open.
        long checks = 0;
        for (var i = 1; i <= volumes.Nonconformities; i++)
        {
            var raised = today.AddDays(-(int)((long)(volumes.Nonconformities - i) * 700 / Math.Max(1, volumes.Nonconformities)) - random.Next(0, 3));
            var roll = random.Next(100);
            var grade = roll < 8 ? FindingGrade.Major : roll < 70 ? FindingGrade.Minor : roll < 90 ? FindingGrade.Observation : FindingGrade.Opportunity;
            var (source, sourceId) = random.Next(4) switch
            {
                0 when audits.Count > 0 => (NonconformitySource.ExternalAudit, (Guid?)audits[random.Next(audits.Count)].Id),
                1 when incidents.Count > 0 => (NonconformitySource.Incident, (Guid?)incidents[random.Next(incidents.Count)]),
                _ => (NonconformitySource.Manual, (Guid?)null),
            };
            var age = today.DayNumber - raised.DayNumber;
            var status = age > 120 ? (random.Next(20) == 0 ? NonconformityStatus.Open : NonconformityStatus.Closed)
                : random.Next(3) switch { 0 => NonconformityStatus.Open, 1 => NonconformityStatus.AwaitingVerification, _ => NonconformityStatus.Closed };
            var closedOn = status == NonconformityStatus.Closed ? raised.AddDays(Math.Min(age, random.Next(10, 120))) : (DateOnly?)null;
            var nc = new Nonconformity
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"NC-{i:0000}", Title = $"{ObligationThemes[random.Next(ObligationThemes.Length)]} not met ({i})",
                Description = "Objective evidence recorded by the auditor.", Grade = grade, Source = source, SourceId = sourceId,
                RequirementId = requirements.Count > 0 ? requirements[random.Next(requirements.Count)] : null, RaisedOn = raised, RaisedBy = "Auditor",
                OwnerId = owners[random.Next(owners.Length)], DueOn = raised.AddDays(grade == FindingGrade.Major ? 30 : 90), Status = status, ClosedOn = closedOn,
                RootCause = status != NonconformityStatus.Open ? "The procedure did not say who checks it." : "", Correction = status != NonconformityStatus.Open ? "Corrected at once." : "",
                ClosureNote = closedOn is null ? "" : grade is FindingGrade.Observation or FindingGrade.Opportunity ? "Noted." : "Effective.", CreatedAt = At(raised), UpdatedAt = At(closedOn ?? raised), Version = 1,
            };
            db.Nonconformities.Add(nc);
            audit.Created("Nonconformity", nc.Id, $"{nc.Reference} {nc.Title}");
            if (closedOn is { } closed && grade is FindingGrade.Major or FindingGrade.Minor)
            {
                db.EffectivenessChecks.Add(new EffectivenessCheck { Id = NextGuid(random), OrganizationId = organizationId, NonconformityId = nc.Id, CheckedOn = closed, CheckedBy = "Quality lead", Effective = true, Note = "Sampled and working.", RecordedAt = At(closed) });
                checks++;
            }
            if (i % 2_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["nonconformities"] = volumes.Nonconformities;
        counts["effectiveness checks"] = checks;

        // Exceptions: most approved (a tenth of them expired), the rest requested, rejected, revoked or closed.
        for (var i = 1; i <= volumes.Exceptions; i++)
        {
            var requested = today.AddDays(-random.Next(1, 500));
            var roll = random.Next(100);
            var status = roll < 65 ? ExceptionStatus.Approved : roll < 80 ? ExceptionStatus.Requested : roll < 88 ? ExceptionStatus.Rejected : roll < 94 ? ExceptionStatus.Revoked : ExceptionStatus.Closed;
            var subject = (ExceptionSubject)random.Next(3);
            var validUntil = status == ExceptionStatus.Approved ? (random.Next(10) == 0 ? today.AddDays(-random.Next(1, 90)) : today.AddDays(random.Next(1, 365))) : requested.AddMonths(6);
            var exception = new ComplianceException
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"EXC-{i:0000}", Title = $"Exception for {ObligationThemes[random.Next(ObligationThemes.Length)].ToLowerInvariant()} {i}",
                Subject = subject, DocumentId = subject == ExceptionSubject.Policy && documents.Count > 0 ? documents[random.Next(documents.Count)] : null,
                ControlId = subject == ExceptionSubject.Control ? controlIds[random.Next(controlIds.Count)] : null,
                AssetId = subject == ExceptionSubject.Asset && aiSystems.Count > 0 ? aiSystems[random.Next(aiSystems.Count)] : null,
                Reason = "A legacy system cannot meet the control yet.", CompensatingControls = "Extra monitoring and a restricted network segment.",
                RiskId = risks.Count > 0 && random.Next(2) == 0 ? risks[random.Next(risks.Count)] : null, RiskLevel = random.Next(3), RiskLevelName = new[] { "Low", "Medium", "High" }[random.Next(3)],
                MethodologyNumber = 1, OwnerId = owners[random.Next(owners.Length)], RequestedBy = "Requester <requester@scale.example>", RequestedOn = requested, Status = status,
                DecidedBy = status == ExceptionStatus.Requested ? "" : "Approver <ciso@scale.example>", DecidedAt = status == ExceptionStatus.Requested ? null : At(requested.AddDays(3)),
                ApprovalAuthority = status == ExceptionStatus.Approved ? Risks.AcceptanceAuthority.Ciso : null, ValidUntil = validUntil,
                CreatedAt = At(requested), UpdatedAt = At(requested), Version = 1,
            };
            db.ComplianceExceptions.Add(exception);
            audit.Created("ComplianceException", exception.Id, $"{exception.Reference} {exception.Title}");
            if (i % 2_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["exceptions"] = volumes.Exceptions;
        progress?.WriteLine($"  {volumes.Nonconformities} nonconformities, {checks} effectiveness checks, {volumes.Exceptions} exceptions, 2 certification programmes ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    private static string MilestoneTitle(MilestoneKind kind) => kind switch
    {
        MilestoneKind.GapAssessment => "Gap assessment",
        MilestoneKind.RiskAssessment => "Risk assessment",
        MilestoneKind.SoaApproved => "Statement of Applicability approved",
        MilestoneKind.PoliciesPublished => "Policies published",
        MilestoneKind.InternalAudit => "Internal audit",
        MilestoneKind.ManagementReview => "Management review",
        MilestoneKind.Stage1Audit => "Stage 1 audit",
        MilestoneKind.Stage2Audit => "Stage 2 audit",
        MilestoneKind.CertificateIssued => "Certificate issued",
        MilestoneKind.SurveillanceAudit1 => "Surveillance audit, year 2",
        MilestoneKind.SurveillanceAudit2 => "Surveillance audit, year 3",
        MilestoneKind.Recertification => "Recertification audit",
        _ => "Milestone",
    };

    private static readonly string[] ObligationThemes = ["Data protection", "Client security schedule", "Record retention", "AI transparency", "Breach notification", "Professional secrecy", "Outsourcing rules", "Anti-money laundering"];
    private static readonly string[] Jurisdictions = ["United Kingdom", "EU", "England and Wales", "Scotland", "Ireland", "New York State"];
    private static readonly string[] LicenceBodies = ["Solicitors Regulation Authority", "Nursing and Midwifery Council", "General Medical Council", "Financial Conduct Authority", "ICAEW"];
}
