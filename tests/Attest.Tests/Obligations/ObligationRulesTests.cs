using Attest.Obligations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Obligations;

/// <summary>What SaveObligation and SaveRegulatoryEvent accept, and the messages that name what was wrong.</summary>
public sealed class ObligationRulesTests
{
    [Fact]
    public async Task SaveObligation_NamesEveryBrokenRule_ResolvesLinksOfAnyFramework_AndDatesTheAssessment()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Privacy", "A.5.34");
        var ai = await app.AddAiSystemAsync(organization);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveObligation>();
            var today = await ObligationRegister.TodayAsync(db);

            var licence = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ObligationInput("Practising certificate", ObligationKind.Licence,
                Status: ComplianceStatus.NotCompliant, ValidFrom: today, ValidUntil: today.AddDays(-1), RenewalLeadDays: 400)));
            Assert.Equal(["Holder", "IssuingBody", "LicenceNumber", "RenewalLeadDays", "StatusReason", "ValidFrom"], licence.Errors.Keys.Order());
            Assert.Equal("must be between 0 and 365 days.", licence.Errors["RenewalLeadDays"].Single());
            Assert.Equal("must be on or before ValidUntil.", licence.Errors["ValidFrom"].Single());
            var undated = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ObligationInput("Licence", ObligationKind.Licence,
                HolderPersonId: Guid.NewGuid(), IssuingBody: "GMC", LicenceNumber: "1")));
            Assert.Equal("is not a person of this organization's register.", undated.Errors["HolderPersonId"].Single());
            Assert.Equal("is required for a licence: the last day it is valid.", undated.Errors["ValidUntil"].Single());

            var contract = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ObligationInput("MSA", ObligationKind.Contract,
                ContractStartOn: today, ContractEndOn: today.AddDays(-1))));
            Assert.Equal("is required for a contract: name the client.", contract.Errors["Clients"].Single());
            Assert.Equal("must be on or after ContractStartOn.", contract.Errors["ContractEndOn"].Single());

            var links = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new ObligationInput("GDPR",
                Requirements: "gdpr Art. 32, gdpr Art. 99, nist A.1", Controls: "CTL-001, CTL-404", Assets: "AST-99999")));
            Assert.Equal("gdpr Art. 99, nist A.1 are not requirements here (write the framework key and the code, e.g. \"iso27001-2022 A.5.31\").", links.Errors["Requirements"].Single());
            Assert.Equal("CTL-404 is not a control reference here.", links.Errors["Controls"].Single());
            Assert.Equal("AST-99999 is not an asset reference here.", links.Errors["Assets"].Single());
            Assert.Equal(0, await db.Obligations.CountAsync());

            var asset = await db.Assets.Where(a => a.Id == ai.AssetId).Select(a => a.Reference).SingleAsync();
            var id = await save.RunAsync(null, new ObligationInput("GDPR", Status: ComplianceStatus.NotAssessed,
                Requirements: "GDPR Art. 32; iso27001-2022 A.5.34", Controls: "CTL-001", Assets: asset, RequirementIds: [await app.RequirementIdAsync(organization, "iso42001-2023", "A.8.2")]));
            var saved = await ObligationRegister.DetailAsync(db, id);
            Assert.Equal(("OB-001", null), (saved.Reference, saved.AssessedOn));
            Assert.Equal(["gdpr Art. 32", "iso27001-2022 A.5.34", "iso42001-2023 A.8.2"], saved.Requirements.Select(r => $"{r.FrameworkKey} {r.Code}"));
            Assert.Equal(control, saved.Controls.Single().Id);
            Assert.Equal(ai.SystemId, saved.Assets.Single().AiSystemId);

            // A change of status dates the assessment; a licence's fields are dropped when it is not a licence.
            await save.RunAsync(id, new ObligationInput("GDPR", Status: ComplianceStatus.Compliant, Holder: "Nobody", Version: saved.Version));
            var assessed = await ObligationRegister.DetailAsync(db, id);
            Assert.Equal((today, "", 3), (assessed.AssessedOn, assessed.Holder, assessed.Requirements.Count));
            await s.GetRequiredService<RetireObligation>().RunAsync(id, assessed.Version);
            await Assert.ThrowsAsync<EditConflictException>(() => save.RunAsync(id, new ObligationInput("GDPR", Version: assessed.Version)));
        });
    }

    [Fact]
    public async Task SaveRegulatoryEvent_RequiresTheObligationOfAViolation_AFineInACurrency_AndDatesTheClosing()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var foreign = await Improvement.ActionSeeds.AddIncidentAsync(app, other);
        var seeded = await ObligationSeeds.AddObligationsAsync(app, organization);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var save = s.GetRequiredService<SaveRegulatoryEvent>();
            var today = await ObligationRegister.TodayAsync(db);

            var fine = await Assert.ThrowsAsync<ValidationFailedException>(() => save.RunAsync(null, new RegulatoryEventInput("Fine", RegulatoryEventKind.Fine,
                OccurredOn: today.AddDays(1), FineAmount: -5, FineCurrency: "pounds", ClosedOn: today.AddDays(1), IncidentId: foreign)));
            Assert.Equal("is required for a fine: name the obligation breached.", fine.Errors["ObligationId"].Single());
            Assert.Equal("cannot be in the future.", fine.Errors["OccurredOn"].Single());
            Assert.Equal("must be zero or more.", fine.Errors["FineAmount"].Single());
            Assert.Equal("must be a three-letter ISO 4217 code, e.g. GBP or EUR, when there is an amount.", fine.Errors["FineCurrency"].Single());
            Assert.Equal("is set only when the event is closed.", fine.Errors["ClosedOn"].Single());
            Assert.Equal("is not an incident of this organization.", fine.Errors["IncidentId"].Single());

            var id = await save.RunAsync(null, new RegulatoryEventInput("Fine for late notice", RegulatoryEventKind.Fine, seeded.RegulationId, OccurredOn: today.AddDays(-3),
                FineAmount: 1250.50m, FineCurrency: "gbp", Status: RegulatoryEventStatus.Closed));
            var closed = await RegulatoryEventRegister.DetailAsync(db, id);
            Assert.Equal(("RE-002", today, "GBP", 1250.50m, "OB-001"), (closed.Event.Reference, closed.Event.ClosedOn, closed.Event.FineCurrency, closed.Event.FineAmount, closed.Event.ObligationReference));
            await save.RunAsync(id, new RegulatoryEventInput("Fine for late notice", RegulatoryEventKind.Fine, seeded.RegulationId, OccurredOn: today.AddDays(-3), Version: closed.Event.Version));
            Assert.Null((await RegulatoryEventRegister.DetailAsync(db, id)).Event.ClosedOn);
        });
    }
}
