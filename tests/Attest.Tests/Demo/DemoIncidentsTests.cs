using Attest.Demo;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoIncidentsTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoYear_HasAboutFortyIncidents_ACriticalThatMetItsSla_OneThatMissed_AndANotifiedBreach(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        await app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var settings = await IncidentSettingsQueries.LoadAsync(db);
            var all = await IncidentQueries.PageAsync(db, new IncidentFilter(), settings, 1, 100);
            Assert.InRange(all.Rows.Count, 36, 44);
            Assert.True(all.Rows.Count(r => r.Severity == IncidentSeverity.Low) > all.Rows.Count / 2);
            Assert.Equal(3, all.Rows.Count(r => r.Status != IncidentStatus.Closed));

            var critical = all.Rows.Single(r => r.Severity == IncidentSeverity.Critical);
            Assert.Equal((DemoIncidents.CriticalMet, true, IncidentStatus.Closed), (critical.Title, critical.Sla.Met, critical.Status));
            var missed = all.Rows.Single(r => r.Title == DemoIncidents.HighMissed);
            Assert.Equal((SlaState.Met, SlaState.Breached), (missed.Sla.Detect, missed.Sla.Contain));
            Assert.Contains(all.Rows, r => r.Category == IncidentCategory.AiMisbehaviour && r.Title.Contains("wrong statutory notice period"));
            Assert.Contains(all.Rows, r => r.Category == IncidentCategory.Supplier);

            // Every closed incident has its lessons learned; the open breach's clock is running.
            Assert.False(await db.Incidents.AnyAsync(i => i.Status == IncidentStatus.Closed && i.LessonsLearned == ""));
            var notified = await IncidentQueries.DetailAsync(db, all.Rows.Single(r => r.Title == DemoIncidents.NotifiedBreach).Id);
            Assert.Equal((BreachStatus.Notified, true), (notified.Breach!.Status, notified.Breach.NotifiedInTime));
            Assert.Contains(notified.Breach.Notifications, n => n.Recipient == NotificationRecipient.Client);
            Assert.NotEmpty(notified.Risks);
            Assert.NotEmpty(notified.Controls);
            Assert.Contains(notified.Timeline, e => e.Kind == IncidentEventKind.Notification);
            var open = await IncidentQueries.DetailAsync(db, all.Rows.Single(r => r.Title == DemoIncidents.BreachBeingAssessed).Id);
            Assert.Equal(BreachStatus.Assessing, open.Breach!.Status);
            Assert.InRange(open.Breach.Remaining(Instant.Now(db.Clock))!.Value.TotalHours, 40, 72);
            Assert.Equal(BreachStatus.NotNotifiable, (await db.BreachAssessments.SingleAsync(b => b.NotNotifiableReason != "")).Status);

            // Corrective actions from incidents: some done, one overdue.
            var actions = await db.CorrectiveActions.Where(a => a.Source == ActionSource.Incident).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.True(actions.Count(a => a.Status == ActionStatus.Done) >= 3);
            Assert.Single(actions, a => a.Status == ActionStatus.Open && a.DueOn < today);

            var figures = await IncidentQueries.FiguresAsync(db, settings);
            Assert.Equal(12, figures.Months.Count);
            Assert.InRange(figures.SlaCompliance!.Value, 50, 99.9);
            Assert.Equal(1, figures.Breaches.Notified);
        });

        // Loading again adds nothing.
        var before = await app.WithCoreAsync(organizationId, (_, db) => db.Incidents.CountAsync());
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(before, await app.WithCoreAsync(organizationId, (_, db) => db.Incidents.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheIncidentDemo_StandsOnItsOwn_WithoutTheOtherDemoData_AndRunsOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var people = organization.People.ToDictionary(p => p.Key, p => p.Value.UserId);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoIncidents>().RunAsync(people));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoIncidents>().RunAsync(people));
        var (incidents, notified, actions) = await app.WithCoreAsync(organization.Id, async (_, db) => (await db.Incidents.CountAsync(),
            await db.BreachAssessments.CountAsync(b => b.Status == BreachStatus.Notified), await db.CorrectiveActions.CountAsync()));
        Assert.Equal((40, 1, 8), (incidents, notified, actions));
    }
}
