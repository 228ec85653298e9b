using Attest.Continuity;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Continuity;

public static class ContinuitySeeds
{
    public sealed record SeededContinuity(Guid PlanId, Guid ExerciseId, Guid ServiceId);

    /// <summary>
    /// An approved recovery plan for the asset (depending on it and on the supplier when given), a restore test of it with a follow-up action,
    /// and a monitored service on the asset with last month recorded.
    /// </summary>
    public static Task<SeededContinuity> AddContinuityAsync(TestApp app, TestOrganization organization, Guid? assetId = null, Guid? supplierId = null, string name = "Client portal") =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var owner = organization[OrganizationRole.Contributor].UserId;
            var plan = await s.GetRequiredService<SaveContinuityPlan>().RunAsync(null, new ContinuityPlanInput($"{name} recovery", PlanKind.Recovery, PlanStatus.Approved,
                ServiceAssetId: assetId, Rto: "4h", Rpo: "1h", OwnerId: owner, Steps: "1. Restore the database.\n2. Redeploy.",
                AssetIds: assetId is { } a ? [a] : null, SupplierIds: supplierId is { } sup ? [sup] : null));
            var today = await ContinuityQueries.TodayAsync(db);
            var exercise = await s.GetRequiredService<SaveContinuityExercise>().RunAsync(null, new ContinuityExerciseInput($"{name} restore test", ExerciseType.RestoreTest,
                today.AddDays(-3), ExerciseResult.PassedWithIssues, plan, owner, AchievedRto: "5h", AchievedRpo: "30min", IssuesFound: "Slow snapshot copy."));
            await s.GetRequiredService<SaveCorrectiveAction>().RunAsync(null, new CorrectiveActionInput("Raise the copy quota", Source: ActionSource.ContinuityExercise,
                SourceId: exercise, OwnerId: owner, DueOn: today.AddDays(30)));
            var service = await s.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput(name + " " + Guid.NewGuid().ToString("N")[..6], assetId, 99.9, owner));
            var lastMonth = OrganizationTime.AddMonths(OrganizationTime.Month(today), -1);
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(service, OrganizationTime.MonthText(lastMonth), 99.95), AvailabilitySource.Manual);
            return new SeededContinuity(plan, exercise, service);
        });
}
