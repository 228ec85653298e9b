using Attest.Demo;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoNonconformitiesTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasNonconformitiesAtEveryStep_FromTheMissedIncidentToAReopenedOne_OwnedByTheCisoAndTheCto(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var people = await LoadedDemo.LoginsAsync(app);
        var (page, figures, today) = await app.WithCoreAsync(organizationId, async (_, db) => (await NonconformityRegister.PageAsync(db, new NonconformityFilter(), 1, 50),
            await NonconformityRegister.FiguresAsync(db), await NonconformityRegister.TodayAsync(db)));
        // The certification and internal audit demos add their audits' findings later; these are the register's own.
        var ours = page.Rows.Where(r => r.Source is not (NonconformitySource.ExternalAudit or NonconformitySource.InternalAudit)).ToList();
        Assert.Equal(6, ours.Count);
        Assert.All(ours, r => Assert.Contains(r.OwnerId!.Value, new[] { people[OrganizationRole.Manager], people[OrganizationRole.Contributor] }));
        Assert.Equal([1, 2, 1, 0], Enum.GetValues<FindingGrade>().Select(g => ours.Count(r => r.Grade == g && !r.IsClosed)));
        Assert.Equal(2, ours.Count(r => r.IsClosed));
        Assert.True(figures.ClosedInLastYear >= 2);
        async Task<NonconformityDetail> Detail(string title) => await app.WithCoreAsync(organizationId, (_, db) =>
            NonconformityRegister.DetailAsync(db, ours.Single(r => r.Title == title).Id));

        var fromIncident = await Detail(DemoNonconformities.FromIncident);
        Assert.Equal((NonconformitySource.Incident, FindingGrade.Minor, NonconformityStatus.Closed, (DateOnly?)today.AddDays(-40)),
            (fromIncident.Source, fromIncident.Grade, fromIncident.Status, fromIncident.ClosedOn));
        Assert.Equal(DemoIncidents.HighMissed, fromIncident.SourceTitle);
        Assert.True(fromIncident.Checks.Single().Effective);
        Assert.Equal("A.5.26", fromIncident.RequirementCode);

        var awaiting = await Detail(DemoNonconformities.AccessReviews);
        Assert.Equal((NonconformityStatus.AwaitingVerification, NonconformitySource.Manual), (awaiting.Status, awaiting.Source));
        Assert.Equal(ActionStatus.Done, awaiting.Actions.Single().Status);

        var major = await Detail(DemoNonconformities.ImpactAssessments);
        Assert.Equal((FindingGrade.Major, NonconformityStatus.Open, 2), (major.Grade, major.Status, major.Actions.Count));
        Assert.Single(major.Actions, a => a.IsOverdue(today));

        var reopened = await Detail(DemoNonconformities.Reopened);
        Assert.Equal((NonconformityStatus.Open, 1, 2), (reopened.Status, reopened.Checks.Count, reopened.Actions.Count));
        Assert.False(reopened.FailedCheck!.Effective);
        Assert.Contains("admin@", reopened.FailedCheck.CheckedBy);

        Assert.Single(ours, r => r.Grade == FindingGrade.Observation && r.Status == NonconformityStatus.Open);
        Assert.Single(ours, r => r.Grade == FindingGrade.Opportunity && r.Status == NonconformityStatus.Closed);
        // The action register names the nonconformity each of these actions came from.
        var actions = await app.WithCoreAsync(organizationId, (_, db) => CorrectiveActionRegister.PageAsync(db, new CorrectiveActionFilter(Source: ActionSource.Nonconformity), 1, 50));
        var ourIds = ours.Select(r => (Guid?)r.Id).ToHashSet();
        Assert.Equal(6, actions.Rows.Count(a => ourIds.Contains(a.SourceId)));
        Assert.All(actions.Rows, a => Assert.StartsWith("NC-0", a.SourceLabel));

        // Loading again adds nothing.
        async Task<(int, int)> Counts() => await app.WithCoreAsync(organizationId, async (_, db) => (await db.Nonconformities.CountAsync(), await db.EffectivenessChecks.CountAsync()));
        var before = await Counts();
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(before, await Counts());
    }
}
