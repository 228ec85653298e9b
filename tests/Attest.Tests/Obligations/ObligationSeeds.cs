using Attest.Obligations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Obligations;

/// <summary>Obligations, licences and regulatory events for tests.</summary>
public static class ObligationSeeds
{
    public sealed record SeededObligations(Guid RegulationId, Guid LicenceId, Guid EventId);

    /// <summary>A regulation linked to an ISO 27001 requirement (and <paramref name="controls"/>), a licence ending in 30 days, and a closed enquiry about the regulation.</summary>
    public static Task<SeededObligations> AddObligationsAsync(TestApp app, TestOrganization organization, string prefix = "", string? controls = null, Guid? ownerId = null) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveObligation>();
            var today = await ObligationRegister.TodayAsync(db);
            var regulation = await save.RunAsync(null, new ObligationInput($"{prefix}UK GDPR", ObligationKind.Regulation, "UK GDPR", "United Kingdom", OwnerId: ownerId,
                Status: ComplianceStatus.PartiallyCompliant, StatusReason: "Records of processing incomplete.", ReviewOn: today.AddDays(-3),
                Requirements: "iso27001-2022 A.5.31, iso27001-2022 A.5.34", Controls: controls));
            var licence = await save.RunAsync(null, new ObligationInput($"{prefix}Practising certificate", ObligationKind.Licence, OwnerId: ownerId, Holder: "A. Solicitor",
                IssuingBody: "Solicitors Regulation Authority", LicenceNumber: $"{prefix}SRA-1", ValidFrom: today.AddYears(-1), ValidUntil: today.AddDays(30), RenewalLeadDays: 45));
            var enquiry = await s.GetRequiredService<SaveRegulatoryEvent>().RunAsync(null, new RegulatoryEventInput($"{prefix}ICO enquiry", RegulatoryEventKind.Enquiry, regulation,
                Authority: "ICO", OccurredOn: today.AddDays(-20), Status: RegulatoryEventStatus.Closed, OwnerId: ownerId));
            return new SeededObligations(regulation, licence, enquiry);
        });
}
