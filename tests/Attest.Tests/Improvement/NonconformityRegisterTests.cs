using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Improvement;

/// <summary>The nonconformity register's queries on both providers: filters, ordering, ageing, figures and the records nonconformities come from.</summary>
public sealed class NonconformityRegisterTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheRegister_FiltersOrdersAndAgesNonconformities_AndCountsThemByGradeAgeAndTimeToClose(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (manager, contributor) = (organization[OrganizationRole.Manager].UserId, organization[OrganizationRole.Contributor].UserId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var incident = await app.AddIncidentAsync(organization);
        var overdueMajor = await app.AddNonconformityAsync(organization, "No impact assessments for agents", FindingGrade.Major, contributor, today.AddDays(-1), today.AddDays(-100),
            requirementCode: "A.5.1");
        var minor = await app.AddNonconformityAsync(organization, "Access reviews late", FindingGrade.Minor, manager, today, today.AddDays(-31),
            NonconformitySource.Incident, incident, "A.5.18");
        var observation = await app.AddNonconformityAsync(organization, "Visitor badges reused", FindingGrade.Observation, manager, raisedOn: today.AddDays(-30));
        var closed = await app.AddNonconformityAsync(organization, "Logs kept too briefly", FindingGrade.Minor, manager, today.AddDays(-20), today.AddDays(-60), requirementCode: "A.8.15");
        await app.ReadyForCheckAsync(organization, closed);
        await app.AsAsync(organization, OrganizationRole.Admin, async (s, _) => await s.GetRequiredService<RecordEffectivenessCheck>().RunAsync(closed, today.AddDays(-10), true,
            "All log groups at 90 days.", await app.NonconformityVersionAsync(organization, closed)));

        var (page, figures) = await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await NonconformityRegister.PageAsync(db, new NonconformityFilter(), 1, 50), await NonconformityRegister.FiguresAsync(db)));
        // Not closed first, majors first, then by due date; closed last.
        Assert.Equal([overdueMajor, minor, observation, closed], page.Rows.Select(r => r.Id));
        Assert.Equal(["NC-001", "NC-002", "NC-003", "NC-004"], page.Rows.Select(r => r.Reference));
        var (first, second, last) = (page.Rows[0], page.Rows[1], page.Rows[3]);
        Assert.Equal((100, true, "A.5.1"), (first.AgeDays, first.IsOverdue, first.RequirementCode));
        // Due today is not overdue; the source incident's reference comes with the row.
        Assert.Equal((31, false, "INC-0001", "Agent gave a wrong tax answer"), (second.AgeDays, second.IsOverdue, second.SourceReference, second.SourceTitle));
        Assert.Equal((50, false, (DateOnly?)today.AddDays(-10)), (last.AgeDays, last.IsOverdue, last.ClosedOn));

        Assert.Equal([1, 1, 1, 0], figures.OpenByGrade.Select(g => g.Open));
        Assert.Equal((3, 1), (figures.Open, figures.Overdue));
        Assert.Equal((1, 1, 1), (figures.Aged0To30, figures.Aged31To90, figures.AgedOver90));
        Assert.Equal((50.0, 1), (figures.MeanDaysToClose, figures.ClosedInLastYear));

        async Task<List<Guid>> Find(NonconformityFilter filter) => await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await NonconformityRegister.PageAsync(db, filter, 1, 50)).Rows.Select(r => r.Id).ToList());
        Assert.Equal([overdueMajor], await Find(new NonconformityFilter(State: "overdue")));
        Assert.Equal([overdueMajor, minor, observation], await Find(new NonconformityFilter(State: "open")));
        Assert.Equal([closed], await Find(new NonconformityFilter(State: "closed")));
        Assert.Equal([minor, closed], await Find(new NonconformityFilter(Grade: FindingGrade.Minor)));
        Assert.Equal([minor], await Find(new NonconformityFilter(Source: NonconformitySource.Incident)));
        Assert.Equal([overdueMajor], await Find(new NonconformityFilter(OwnerId: contributor)));
        Assert.Equal([minor], await Find(new NonconformityFilter(RequirementCode: "A.5.18")));
        Assert.Equal([observation], await Find(new NonconformityFilter(Search: "BADGES")));
        Assert.Equal([closed], await Find(new NonconformityFilter(Status: NonconformityStatus.Closed)));
        var paged = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.PageAsync(db, new NonconformityFilter(), 2, 3));
        Assert.Equal([closed], paged.Rows.Select(r => r.Id));
        Assert.False(paged.HasMore);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EverySource_IsCheckedLabelledAndLinked_AndTheActionRegisterShowsTheNonconformityAsTheActionsSource(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var incident = await app.AddIncidentAsync(organization);
        var (audit, regulatoryEvent) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var programme = new Attest.Certification.CertificationProgramme { Name = "ISO 27001", Standard = "ISO/IEC 27001:2022", TargetOn = new DateOnly(2027, 6, 1) };
            db.Add(programme);
            await db.SaveChangesAsync();
            var audit = new Attest.Certification.ExternalAudit { Reference = "EA-001", ProgrammeId = programme.Id, CertificationBody = "BSI", StartOn = new DateOnly(2026, 10, 1), EndOn = new DateOnly(2026, 10, 2) };
            var regulatoryEvent = new Attest.Obligations.RegulatoryEvent { Reference = "RE-001", Title = "ICO enquiry about retention", OccurredOn = new DateOnly(2026, 9, 1) };
            db.AddRange(audit, regulatoryEvent);
            await db.SaveChangesAsync();
            return (audit.Id, regulatoryEvent.Id);
        });
        var foreignIncident = await app.AddIncidentAsync(other);

        var exists = await app.WithCoreAsync(organization.Id, async (_, db) => new[]
        {
            await NonconformitySources.ExistsAsync(db, NonconformitySource.ExternalAudit, audit, default),
            await NonconformitySources.ExistsAsync(db, NonconformitySource.Incident, incident, default),
            await NonconformitySources.ExistsAsync(db, NonconformitySource.RegulatoryEvent, regulatoryEvent, default),
            await NonconformitySources.ExistsAsync(db, NonconformitySource.Incident, foreignIncident, default),
            await NonconformitySources.ExistsAsync(db, NonconformitySource.ExternalAudit, incident, default),
            await NonconformitySources.ExistsAsync(db, NonconformitySource.Manual, incident, default),
        });
        Assert.Equal([true, true, true, false, false, false], exists);
        var foreign = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AddNonconformityAsync(organization, "Elsewhere", source: NonconformitySource.Incident, sourceId: foreignIncident));
        Assert.Equal("is not an incident of this organization.", foreign.Errors["SourceId"].Single());

        var fromAudit = await app.AddNonconformityAsync(organization, "Risk treatment plan not approved", source: NonconformitySource.ExternalAudit, sourceId: audit);
        var fromIncident = await app.AddNonconformityAsync(organization, "Containment too slow", source: NonconformitySource.Incident, sourceId: incident);
        var fromEvent = await app.AddNonconformityAsync(organization, "Retention schedule not followed", source: NonconformitySource.RegulatoryEvent, sourceId: regulatoryEvent);
        var rows = (await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.PageAsync(db, new NonconformityFilter(), 1, 50))).Rows.ToDictionary(r => r.Id);
        Assert.Equal(("EA-001", "BSI", $"/certification/audits/{audit}"), (rows[fromAudit].SourceReference, rows[fromAudit].SourceTitle, NonconformitySources.Path(NonconformitySource.ExternalAudit, audit)));
        Assert.Equal(("INC-0001", $"/incidents/{incident}"), (rows[fromIncident].SourceReference, NonconformitySources.Path(NonconformitySource.Incident, incident)));
        Assert.Equal(("RE-001", "ICO enquiry about retention", $"/obligations/events/{regulatoryEvent}"),
            (rows[fromEvent].SourceReference, rows[fromEvent].SourceTitle, NonconformitySources.Path(NonconformitySource.RegulatoryEvent, regulatoryEvent)));
        Assert.Equal("EA-001 BSI", await app.WithCoreAsync(organization.Id, (_, db) => NonconformitySources.LabelAsync(db, NonconformitySource.ExternalAudit, audit, default)));
        var raised = await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.ForSourceAsync(db, NonconformitySource.Incident, incident));
        Assert.Equal(fromIncident, raised.Single().Id);

        var action = await app.AddActionAsync(organization, "Approve the risk treatment plan", source: ActionSource.Nonconformity, sourceId: fromAudit);
        var (actionPage, actionDetail) = await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await CorrectiveActionRegister.PageAsync(db, new CorrectiveActionFilter(), 1, 50), await CorrectiveActionRegister.DetailAsync(db, action)));
        Assert.Equal("NC-001 Risk treatment plan not approved", actionPage.Rows.Single().SourceLabel);
        Assert.Equal("NC-001 Risk treatment plan not approved", actionDetail.SourceLabel);
        Assert.Equal("Approve the risk treatment plan", (await app.WithCoreAsync(organization.Id, (_, db) => NonconformityRegister.DetailAsync(db, fromAudit))).Actions.Single().Title);
    }
}
