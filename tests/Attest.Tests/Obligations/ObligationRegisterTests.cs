using Attest.Obligations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Obligations;

/// <summary>The register's figures and filters on each database.</summary>
public sealed class ObligationRegisterTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Figures_CountLicencesByStanding_ObligationsByStatus_AndThisYearsViolations_AndTheFiltersAgree(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[Attest.Organizations.OrganizationRole.Manager].UserId;
        var seeded = await ObligationSeeds.AddObligationsAsync(app, organization, ownerId: owner);
        var (figures, expiring, expired, valid, overdue, partial, mine, search, licences) = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveObligation>();
            var events = s.GetRequiredService<SaveRegulatoryEvent>();
            var today = await ObligationRegister.TodayAsync(db);
            ObligationInput Licence(string number, DateOnly? from, DateOnly? until) =>
                new($"Licence {number}", ObligationKind.Licence, Holder: "Holder", IssuingBody: "Body", LicenceNumber: number, ValidFrom: from, ValidUntil: until, RenewalLeadDays: 10);
            await save.RunAsync(null, Licence("L-EXPIRED", null, today.AddDays(-1)));
            await save.RunAsync(null, Licence("L-LAST-DAY", null, today));
            await save.RunAsync(null, Licence("L-VALID", today.AddYears(-1), today.AddDays(91)));
            await save.RunAsync(null, Licence("L-FUTURE", today.AddDays(5), today.AddDays(400)));
            var retired = await save.RunAsync(null, Licence("L-RETIRED", null, today.AddDays(-100)));
            await s.GetRequiredService<RetireObligation>().RunAsync(retired, 1);
            await save.RunAsync(null, new ObligationInput("Client MSA", ObligationKind.Contract, Clients: "Northwind", Status: ComplianceStatus.Compliant));
            await save.RunAsync(null, new ObligationInput("Old MSA", ObligationKind.Contract, Clients: "Contoso", Status: ComplianceStatus.NotCompliant, StatusReason: "No pen test."));
            // Violations: an open fine this year (counted), a sanction last year (not), an open client complaint (an open event, not a violation).
            await events.RunAsync(null, new RegulatoryEventInput("Fine", RegulatoryEventKind.Fine, seeded.RegulationId, OccurredOn: new DateOnly(today.Year, 1, 1), FineAmount: 10.25m, FineCurrency: "EUR"));
            await events.RunAsync(null, new RegulatoryEventInput("Reprimand", RegulatoryEventKind.Sanction, seeded.RegulationId, OccurredOn: new DateOnly(today.Year - 1, 12, 31), Status: RegulatoryEventStatus.Closed));
            await events.RunAsync(null, new RegulatoryEventInput("Complaint", RegulatoryEventKind.ClientComplaint, OccurredOn: today));

            async Task<List<string>> Refs(ObligationFilter filter) => (await ObligationRegister.PageAsync(db, filter, 1, 50)).Rows.Select(r => r.Reference).ToList();
            return (await ObligationRegister.FiguresAsync(db), await Refs(new ObligationFilter(Licence: LicenceState.Expiring)), await Refs(new ObligationFilter(Licence: LicenceState.Expired)),
                await Refs(new ObligationFilter(Licence: LicenceState.Valid)), await Refs(new ObligationFilter(ReviewOverdue: true)),
                await Refs(new ObligationFilter(Status: ComplianceStatus.PartiallyCompliant)), await Refs(new ObligationFilter(OwnerId: owner)),
                await Refs(new ObligationFilter(Search: "northwind")), await ObligationRegister.LicencesAsync(db, new ObligationFilter(), 1, 50));
        });

        // Licences in force: the seeded one (30 days), expired, last day, valid, future — the retired one left out.
        Assert.Equal((5, 3, 2, 1, 1), (figures.Licences, figures.LicencesValid, figures.LicencesExpiring, figures.LicencesExpired, figures.LicencesNotYetValid));
        Assert.Equal(60.0, figures.LicenceCompliancePercent);
        // The seeded licence's renewal (45 days' lead) is due; so is the last-day one's.
        Assert.Equal(2, figures.LicencesRenewalDue);
        Assert.Equal([(ComplianceStatus.NotAssessed, 0), (ComplianceStatus.Compliant, 1), (ComplianceStatus.PartiallyCompliant, 1), (ComplianceStatus.NotCompliant, 1)],
            figures.ByStatus.Select(f => (f.Status, f.Count)));
        Assert.Equal((8, 1, 1, 2), (figures.Active, figures.ReviewsOverdue, figures.ViolationsThisYear, figures.OpenEvents));

        Assert.Equal(["OB-002", "OB-004"], expiring);
        Assert.Equal(["OB-003"], expired);
        Assert.Equal(["OB-005"], valid);
        Assert.Equal(["OB-001"], overdue);
        Assert.Equal(["OB-001"], partial);
        Assert.Equal(["OB-001", "OB-002"], mine);
        Assert.Equal(["OB-008"], search);
        // Licences list: soonest expiry first, each judged by LicenceValidity.
        Assert.Equal(["OB-003", "OB-004", "OB-002", "OB-005", "OB-006"], licences.Rows.Select(r => r.Reference));
        Assert.Equal([LicenceState.Expired, LicenceState.Expiring, LicenceState.Expiring, LicenceState.Valid, LicenceState.NotYetValid], licences.Rows.Select(r => r.Standing!.State));
    }
}
