using Attest.Demo;
using Attest.Obligations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoObligationsTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasItsRegulationsContractsAndLicences_TwoExpiringAndOneExpired_AndAClosedIcoEnquiryAfterTheBreach(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var logins = await LoadedDemo.LoginsAsync(app);
        var (figures, register, licences, events, aiAct, breach) = await app.WithCoreAsync(organizationId, async (s, db) =>
        {
            // Loading again adds nothing.
            await s.GetRequiredService<DemoObligations>().RunAsync(logins);
            var register = await ObligationRegister.PageAsync(db, new ObligationFilter(), 1, 50);
            var aiAct = await ObligationRegister.DetailAsync(db, register.Rows.Single(r => r.Title == "EU AI Act").Id);
            return (await ObligationRegister.FiguresAsync(db), register, await ObligationRegister.LicencesAsync(db, new ObligationFilter(), 1, 50),
                await RegulatoryEventRegister.PageAsync(db, new RegulatoryEventFilter(), 1, 50), aiAct,
                await db.Incidents.Where(i => i.Title == DemoIncidents.NotifiedBreach).Select(i => i.Id).SingleAsync());
        });

        Assert.Equal((5, 4, 2, 1, 80.0), (figures.Licences, figures.LicencesValid, figures.LicencesExpiring, figures.LicencesExpired, figures.LicenceCompliancePercent));
        Assert.Equal((0, 0, 4), (figures.ViolationsThisYear, figures.OpenEvents, figures.ReviewsOverdue));
        Assert.Equal(16, register.Rows.Count);
        Assert.All(register.Rows, r => Assert.Equal(logins[Attest.Organizations.OrganizationRole.Manager], r.OwnerId));
        Assert.Contains(register.Rows, r => r.Title == "UK GDPR" && r.Status == ComplianceStatus.Compliant && r.Links > 0);
        var partial = register.Rows.Single(r => r.Kind == ObligationKind.Contract && r.Status == ComplianceStatus.PartiallyCompliant);
        Assert.Equal("Harbor Health Telemedicine Ltd", partial.Clients);
        Assert.NotEmpty(partial.StatusReason);
        Assert.Equal(3, register.Rows.Count(r => r.Kind == ObligationKind.Contract));
        Assert.Single(register.Rows, r => r.Kind == ObligationKind.CertificationCommitment);

        // Licences, soonest expiry first: the lapsed NMC registration, then the two expiring; the staff licences are held by people of the register.
        Assert.Equal([LicenceState.Expired, LicenceState.Expiring, LicenceState.Expiring, LicenceState.Valid, LicenceState.Valid], licences.Rows.Select(r => r.Standing!.State));
        Assert.Equal("Nursing and Midwifery Council", licences.Rows[0].IssuingBody);
        Assert.Equal(4, licences.Rows.Count(r => r.HolderPersonId is not null));
        Assert.Equal(LoadDemoOrganization.OrganizationName, licences.Rows.Single(r => r.Title == DemoObligations.IcoRegistration).Holder);

        // The EU AI Act applies to AI systems and is partly met; the ICO's enquiry followed the notified breach and is closed; the only violation was last year.
        Assert.Equal(ComplianceStatus.PartiallyCompliant, aiAct.Status);
        Assert.NotEmpty(aiAct.Assets);
        Assert.All(aiAct.Assets, a => Assert.NotNull(a.AiSystemId));
        Assert.Contains(aiAct.Requirements, r => r.FrameworkKey == "iso42001-2023");
        var enquiry = events.Rows.Single(e => e.Kind == RegulatoryEventKind.Enquiry);
        Assert.Equal((RegulatoryEventStatus.Closed, breach, "UK GDPR"), (enquiry.Status, enquiry.IncidentId, enquiry.ObligationTitle));
        var violation = events.Rows.Single(e => e.IsViolation);
        Assert.Equal(figures.Today.Year - 1, violation.OccurredOn.Year);
    }
}
