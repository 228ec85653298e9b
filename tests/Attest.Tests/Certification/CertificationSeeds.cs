using Attest.Certification;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Certification;

/// <summary>Certification programmes for tests.</summary>
public static class CertificationSeeds
{
    public sealed record SeededCertification(Guid ProgrammeId, Guid AuditId, Guid CertificateId, Guid FindingId);

    /// <summary>
    /// An ISO 27001 programme whose scope was established four months ago, with a completed stage 1 audit (a minor finding) and a current
    /// certificate.
    /// </summary>
    public static Task<SeededCertification> AddProgrammeAsync(TestApp app, TestOrganization organization, string name = "ISO 27001 certification") =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var today = await CertificationQueries.TodayAsync(db);
            var programme = await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput(name, "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-4),
                null, "Example Certification Ltd", organization[OrganizationRole.Manager].UserId, ShowOnTrustPage: true));
            var audit = await s.GetRequiredService<SaveExternalAudit>().RunAsync(programme, null, new ExternalAuditInput(ExternalAuditKind.Stage1, today.AddDays(-9), today.AddDays(-8),
                ExternalAuditStatus.Completed, AuditConclusion.Positive, LeadAuditor: "A. Auditor"));
            var finding = await s.GetRequiredService<RecordAuditFinding>().RunAsync(audit, new AuditFindingInput("Supplier reviews not evidenced", FindingGrade.Minor, Requirement: "A.5.22"));
            var certificate = await s.GetRequiredService<SaveCertificate>().RunAsync(programme, null, new CertificateInput($"IS {Guid.NewGuid().ToString("N")[..6]}", today.AddDays(-1),
                today.AddYears(3), AccreditationBody: "UKAS", ScopeStatement: "The AI services platform."));
            return new SeededCertification(programme, audit, certificate, finding);
        });
}
