using Attest.Continuity;
using Attest.Demo;
using Attest.Evidence;
using Attest.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoContinuityTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasPlansForTheCriticalServices_QuarterlyRestoreTestsAsEvidence_AndAYearOfUptimeWithOneMissedMonth(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (plans, exercises, figures, availability) = await app.WithCoreAsync(organizationId, async (_, db) => (await ContinuityQueries.PlansAsync(db, new PlanFilter(), 1, 50),
            await ContinuityQueries.ExercisesAsync(db, null, null, 1, 50), await ContinuityQueries.FiguresAsync(db), await ContinuityQueries.AvailabilityAsync(db)));

        Assert.Equal(["Agent orchestration service", "Client legal matter files", "Client web app and API"], plans.Rows.Select(p => p.Service).Order());
        Assert.All(plans.Rows, p => Assert.Equal(PlanStatus.Approved, p.Status));
        var restores = exercises.Rows.Where(e => e.Type == ExerciseType.RestoreTest).ToList();
        Assert.Equal(4, restores.Count);
        Assert.Single(restores, r => r.Result == ExerciseResult.PassedWithIssues && r.RtoMissed);
        Assert.Contains(exercises.Rows, e => e.Type == ExerciseType.Tabletop);
        Assert.Contains(exercises.Rows, e => e.Type == ExerciseType.Failover && e.Result == ExerciseResult.Passed);

        // Every restore test is evidence of the backup control (CTL-016 implements A.8.13), and the one with issues raised an action.
        var (evidence, linkedToBackup, actions) = await app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var ids = restores.Select(r => r.EvidenceItemId!.Value).ToList();
            var backup = await db.Controls.Where(c => c.Reference == "CTL-016").Select(c => c.Id).SingleAsync();
            return (await db.EvidenceItems.CountAsync(e => ids.Contains(e.Id)),
                await db.EvidenceLinks.CountAsync(l => ids.Contains(l.EvidenceId) && l.Target == EvidenceTarget.Control && l.TargetId == backup),
                await CorrectiveActionQueries.ForSourceAsync(db, ActionSource.ContinuityExercise, restores.Single(r => r.Result == ExerciseResult.PassedWithIssues).Id));
        });
        Assert.Equal((4, 4), (evidence, linkedToBackup));
        Assert.Equal(ActionStatus.Done, actions.Single().Status);

        Assert.Equal((3, 3), (figures.PlansApproved, figures.PlansTotal));
        Assert.Equal(0, figures.PlansNotExercised);
        Assert.Equal(ExerciseResult.Passed, figures.LastRestoreTest!.Result);
        Assert.Equal(1, figures.MonthsMissedLast12);
        Assert.Equal([DemoContinuity.AgentPlatform, DemoContinuity.ClientWebApp], availability.Services.Select(s => s.Name).Order());
        Assert.All(availability.Services, s => Assert.Equal(12, s.Recorded));
        var missed = availability.Services.SelectMany(s => s.Months.Where(m => m.Met == false)).Single();
        Assert.True(missed.UptimePercent < 99.9);

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal((3, exercises.Total), await app.WithCoreAsync(organizationId, async (_, db) => (await db.ContinuityPlans.CountAsync(), await db.ContinuityExercises.CountAsync())));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheContinuityDemo_StandsOnItsOwn_WithoutTheInventory_AndRunsOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var people = organization.People.ToDictionary(p => p.Key, p => p.Value.UserId);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoContinuity>().RunAsync(people));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoContinuity>().RunAsync(people));
        var (plans, exercises, records, availability) = await app.WithCoreAsync(organization.Id, async (_, db) => (await db.ContinuityPlans.CountAsync(),
            await db.ContinuityExercises.CountAsync(), await db.AvailabilityRecords.CountAsync(), await ContinuityQueries.AvailabilityAsync(db)));
        Assert.Equal((3, 7, 24), (plans, exercises, records));
        // Without an availability incident, the agent platform misses the month five months ago.
        var missed = availability.Services.SelectMany(s => s.Months.Where(m => m.Met == false).Select(m => (s.Name, m.Month))).Single();
        var current = OrganizationTime.Month(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal((DemoContinuity.AgentPlatform, OrganizationTime.AddMonths(current, -DemoContinuity.FallbackMissedMonthsAgo)), missed);
    }
}
