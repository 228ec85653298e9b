using Attest.Continuity;
using Attest.Evidence;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Continuity;

public sealed class ContinuityTests
{
    [Theory]
    [InlineData("4h", 240)]
    [InlineData("30min", 30)]
    [InlineData("30m", 30)]
    [InlineData("1d", 1440)]
    [InlineData("1d 12h", 2160)]
    [InlineData("1d4h30min", 1710)]
    [InlineData(" 2 hours ", 120)]
    [InlineData("90", 90)]
    [InlineData("0", 0)]
    public void ObjectiveDurations_ReadTheWaysPeopleWriteThem(string text, int minutes)
    {
        Assert.True(ObjectiveDuration.TryParse(text, out var read));
        Assert.Equal(minutes, read);
        // What is shown reads back as the same duration.
        Assert.True(ObjectiveDuration.TryParse(ObjectiveDuration.Format(minutes), out var again));
        Assert.Equal(minutes, again);
    }

    [Theory]
    [InlineData(240, "4h")]
    [InlineData(30, "30min")]
    [InlineData(1440, "1d")]
    [InlineData(1710, "1d 4h 30min")]
    [InlineData(0, "0min")]
    public void ObjectiveDurations_AreShownInTheSameNotation(int minutes, string shown) => Assert.Equal(shown, ObjectiveDuration.Format(minutes));

    [Theory]
    [InlineData("4x")]
    [InlineData("-5")]
    [InlineData("h")]
    [InlineData("four hours")]
    [InlineData("400d")]
    public void ObjectiveDurations_RefuseWhatIsNotADuration_NamingTheField(string text)
    {
        var validation = new Validation();
        Assert.Null(ObjectiveDuration.Parse(text, "Rto", validation));
        var error = Assert.Throws<ValidationFailedException>(validation.ThrowIfInvalid);
        Assert.Contains("is not a duration", error.Errors["Rto"].Single());
    }

    [Theory]
    [InlineData(99.9, 99.9, true)]
    [InlineData(99.95, 99.9, true)]
    [InlineData(99.89, 99.9, false)]
    [InlineData(100, 100, true)]
    [InlineData(99.999, 100, false)]
    public void AMonth_MeetsItsTarget_WhenUptimeIsAtLeastTheTarget(double uptime, double target, bool met) =>
        Assert.Equal(met, AvailabilityArithmetic.Met(uptime, target));

    [Fact]
    public void Downtime_TurnsIntoUptime_OverTheMonthsLength_AndTheYearIsWeightedByMonthLength()
    {
        // 43.2 minutes of a 30-day month is 0.1 %.
        Assert.Equal(99.9, AvailabilityArithmetic.UptimeFromDowntime(202611, 43), 2);
        Assert.Equal(43_200, AvailabilityArithmetic.MinutesIn(202611));
        Assert.Equal(40_320, AvailabilityArithmetic.MinutesIn(202602));
        var combined = AvailabilityArithmetic.Combined([(202602, 99.0), (202603, 100.0)])!.Value;
        Assert.Equal((99.0 * 28 + 100.0 * 31) / 59, combined, 9);
        Assert.Null(AvailabilityArithmetic.Combined([]));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApprovingAPlan_NeedsAnOwnerRtoAndSteps_AndAManager_AndStampsTheDate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Contributor];

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveContinuityPlan>().RunAsync(null, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, PlanStatus.Approved, Rpo: "soon"))));
        Assert.Equal("an approved plan needs an owner.", refused.Errors["OwnerId"].Single());
        Assert.Equal("an approved plan needs a recovery time objective.", refused.Errors["Rto"].Single());
        Assert.Equal("an approved plan needs its steps.", refused.Errors["Steps"].Single());
        Assert.Contains("'soon' is not a duration", refused.Errors["Rpo"].Single());

        // A contributor drafts a plan they own but may not approve it.
        var draft = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Contributor);
            return await s.GetRequiredService<SaveContinuityPlan>().RunAsync(null, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, Rto: "4h", Rpo: "30min",
                OwnerId: owner.UserId, Steps: "1. Fail over."));
        });
        var byContributor = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Contributor);
            return s.GetRequiredService<SaveContinuityPlan>().RunAsync(draft, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, PlanStatus.Approved, Rto: "4h",
                OwnerId: owner.UserId, Steps: "1. Fail over.", Version: 1));
        }));
        Assert.Equal("a plan is approved by a Manager or an Admin.", byContributor.Errors["Status"].Single());

        var plan = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Manager);
            await s.GetRequiredService<SaveContinuityPlan>().RunAsync(draft, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, PlanStatus.Approved, Rto: "4h",
                Rpo: "30min", OwnerId: owner.UserId, Steps: "1. Fail over.", Version: 1));
            return await ContinuityQueries.PlanAsync(db, draft);
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(("BCP-001", PlanStatus.Approved, today, 240, "4h", "30min"), (plan.Reference, plan.Status, plan.ApprovedOn, plan.RtoMinutes, plan.Rto, plan.Rpo));
        Assert.Equal(today.AddYears(1), plan.NextReviewOn);
        Assert.True(plan.NotExercisedInYear);

        // Back to draft, it is no longer approved.
        var redrafted = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<SaveContinuityPlan>().RunAsync(draft, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, PlanStatus.Draft, Rto: "4h",
                OwnerId: owner.UserId, Steps: "1. Fail over.", Version: 2));
            return await ContinuityQueries.PlanAsync(db, draft);
        });
        Assert.Null(redrafted.ApprovedOn);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APlan_KeepsItsDependencies_AndTheAssetAndSupplierListItsPlans(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ai = await app.AddAiSystemAsync(organization);
        var other = await app.AddAiSystemAsync(organization, "Drafting agent");
        var supplier = await Suppliers.SupplierSeeds.AddSupplierAsync(app, organization, "Cloud host", ai.AssetId, null);
        var seeded = await ContinuitySeeds.AddContinuityAsync(app, organization, ai.AssetId, supplier.Id);

        var (plan, ofAsset, ofOther, ofSupplier) = await app.WithCoreAsync(organization.Id, async (_, db) => (await ContinuityQueries.PlanAsync(db, seeded.PlanId),
            await ContinuityQueries.PlansOfAssetAsync(db, ai.AssetId), await ContinuityQueries.PlansOfAssetAsync(db, other.AssetId), await ContinuityQueries.PlansOfSupplierAsync(db, supplier.Id)));
        Assert.Equal(ai.AssetId, plan.Assets.Single().Id);
        Assert.Equal(supplier.Id, plan.Suppliers.Single().Id);
        Assert.Equal(seeded.ExerciseId, plan.Exercises.Single().Id);
        Assert.False(plan.NotExercisedInYear);
        Assert.Equal(seeded.PlanId, ofAsset.Single().Id);
        Assert.Empty(ofOther);
        Assert.Equal(seeded.PlanId, ofSupplier.Single().Id);

        // A dependency on an asset of another organization is refused, naming the field.
        var elsewhere = await app.SeedOrganizationAsync();
        var foreign = await app.AddAiSystemAsync(elsewhere);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveContinuityPlan>().RunAsync(null, new ContinuityPlanInput("Other", ServiceAssetId: foreign.AssetId, AssetIds: [foreign.AssetId]))));
        Assert.Equal(["AssetIds", "ServiceAssetId"], refused.Errors.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARestoreTest_IsRecordedAsEvidenceOfTheA813Controls_AndUpdatingItDoesNotDuplicate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var backup = await app.AddControlAsync(organization, "Backup and recovery", "A.8.13, A.5.30");
        var backupToo = await app.AddControlAsync(organization, "Database snapshots", "A.8.13");
        var unrelated = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var owner = organization[OrganizationRole.Contributor].UserId;
        var plan = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContinuityPlan>().RunAsync(null,
            new ContinuityPlanInput("Client data restore", PlanKind.Recovery, Rto: "4h", Rpo: "24h")));
        var heldOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        // Planned: nothing to show yet, so no evidence.
        var exercise = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContinuityExercise>().RunAsync(null,
            new ContinuityExerciseInput("Quarterly restore test", ExerciseType.RestoreTest, heldOn, ExerciseResult.Planned, plan, owner)));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.CountAsync()));

        // With a result it becomes evidence linked to both A.8.13 controls, not the unrelated one; the restore took longer than the RTO.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContinuityExercise>().RunAsync(exercise,
            new ContinuityExerciseInput("Quarterly restore test", ExerciseType.RestoreTest, heldOn, ExerciseResult.PassedWithIssues, plan, owner, AchievedRto: "5h",
                AchievedRpo: "12h", IssuesFound: "Copy throttled.", Version: 1)));
        var (detail, item, links) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var d = await ContinuityQueries.ExerciseAsync(db, exercise);
            return (d, await db.EvidenceItems.SingleAsync(), await db.EvidenceLinks.Where(l => l.EvidenceId == d.EvidenceItemId).Select(l => new { l.Target, l.TargetId }).ToListAsync());
        });
        Assert.Equal(item.Id, detail.EvidenceItemId);
        Assert.True(detail.RtoMissed);
        Assert.False(detail.RpoMissed);
        Assert.Equal(new[] { backup, backupToo }.Order(), links.Where(l => l.Target == EvidenceTarget.Control).Select(l => l.TargetId).Order());
        Assert.DoesNotContain(links, l => l.TargetId == unrelated);
        Assert.Equal((heldOn, heldOn.AddMonths(4), true, 1, "EX-001"), (item.CollectedOn, item.ValidUntil, item.Passed, item.CurrentVersion, detail.Reference));
        Assert.Contains("Restore time: 5h (objective 4h) — RTO missed", item.Note);
        Assert.Contains("Copy throttled.", item.Note);

        // Saving it again unchanged keeps the one item and its version (and the exercise's); a changed result makes a new version of the same item.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContinuityExercise>().RunAsync(exercise,
            new ContinuityExerciseInput("Quarterly restore test", ExerciseType.RestoreTest, heldOn, ExerciseResult.PassedWithIssues, plan, owner, AchievedRto: "5h",
                AchievedRpo: "12h", IssuesFound: "Copy throttled.", Version: 2)));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveContinuityExercise>().RunAsync(exercise,
            new ContinuityExerciseInput("Quarterly restore test", ExerciseType.RestoreTest, heldOn, ExerciseResult.Failed, plan, owner, AchievedRto: "5h",
                AchievedRpo: "12h", IssuesFound: "Copy throttled.", Version: 2)));
        var (items, versions, passed, linkCount, exerciseVersion) = await app.WithCoreAsync(organization.Id, async (_, db) => (await db.EvidenceItems.CountAsync(),
            await db.EvidenceVersions.CountAsync(), await db.EvidenceItems.Select(e => e.Passed).SingleAsync(), await db.EvidenceLinks.CountAsync(),
            await db.ContinuityExercises.Select(e => e.Version).SingleAsync()));
        // Saving unchanged wrote nothing, so the exercise is at version 3 after three real changes.
        Assert.Equal((1, 2, false, 2, 3), (items, versions, passed, linkCount, exerciseVersion));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnExercise_IsRefusedAResultBeforeItIsHeld_AndAPlanOfAnotherOrganization(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var elsewhere = await app.SeedOrganizationAsync();
        var foreignPlan = (await ContinuitySeeds.AddContinuityAsync(app, elsewhere)).PlanId;
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveContinuityExercise>().RunAsync(null, new ContinuityExerciseInput("Failover", ExerciseType.Failover,
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), ExerciseResult.Passed, foreignPlan, AchievedRto: "fast"))));
        Assert.Contains("once it has been held", refused.Errors["Result"].Single());
        Assert.Equal("is not a continuity plan of this organization.", refused.Errors["PlanId"].Single());
        Assert.Contains("is not a duration", refused.Errors["AchievedRto"].Single());
        var missingDate = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveContinuityExercise>().RunAsync(null, new ContinuityExerciseInput("Tabletop", ExerciseType.Tabletop, null))));
        Assert.Contains("HeldOn", missingDate.Errors.Keys);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.ContinuityExercises.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RecordingAMonth_UpsertsIt_KeepsTheTargetItWasRecordedAgainst_AndChangesNothingWhenTheSame(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var lastMonth = OrganizationTime.MonthText(OrganizationTime.AddMonths(OrganizationTime.Month(DateOnly.FromDateTime(DateTime.UtcNow)), -1));
        var service = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput("Agent platform")));
        Task<AvailabilitySaved> RecordAsync(double? uptime, int? downtime = null, string? month = null) => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(service, month ?? lastMonth, uptime, downtime), AvailabilitySource.Api));

        Assert.Equal(AvailabilityOutcome.Created, (await RecordAsync(99.9)).Outcome);
        Assert.Equal(AvailabilityOutcome.Unchanged, (await RecordAsync(99.9)).Outcome);
        // A new target applies to months recorded from now on; the recorded month keeps 99.9 and, exactly on it, still meets it.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveMonitoredService>().RunAsync(service, new MonitoredServiceInput("Agent platform", TargetPercent: 99.95, Version: 1)));
        Assert.Equal(AvailabilityOutcome.Updated, (await RecordAsync(99.9, 43)).Outcome);
        var overview = await app.WithCoreAsync(organization.Id, (_, db) => ContinuityQueries.AvailabilityAsync(db));
        var month = overview.Services.Single().Months[^1];
        Assert.Equal((99.9, 99.9, 43, true), (month.UptimePercent!.Value, month.TargetPercent!.Value, month.DowntimeMinutes!.Value, month.Met!.Value));
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.CountAsync()));

        // Only the downtime: the uptime follows from the month's length.
        var twoAgo = OrganizationTime.MonthText(OrganizationTime.AddMonths(OrganizationTime.ParseMonth(lastMonth)!.Value, -1));
        await RecordAsync(null, 0, twoAgo);
        Assert.Equal(100, await app.WithCoreAsync(organization.Id, (_, db) => db.AvailabilityRecords.Where(r => r.Month == OrganizationTime.ParseMonth(twoAgo)).Select(r => r.UptimePercent).SingleAsync()));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(100.5, -1, "2999-01"));
        Assert.Contains("has not started yet", refused.Errors["Month"].Single());
        Assert.Contains("from 0 to 100", refused.Errors["UptimePercent"].Single());
        Assert.Contains("DowntimeMinutes", refused.Errors.Keys);
        Assert.Contains("is not a month", (await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(99, month: "October"))).Errors["Month"].Single());
        Assert.Contains("is required", (await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(null))).Errors["UptimePercent"].Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AMissedMonth_ShowsTheAvailabilityIncidentsOfTheServicesAssetThatMonth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ai = await app.AddAiSystemAsync(organization);
        var other = await app.AddAiSystemAsync(organization, "Other agent");
        var current = OrganizationTime.Month(DateOnly.FromDateTime(DateTime.UtcNow));
        var missedMonth = OrganizationTime.AddMonths(current, -2);
        var service = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var id = await s.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput("Agent platform", ai.AssetId));
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(id, OrganizationTime.MonthText(missedMonth), 99.2), AvailabilitySource.Manual);
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(id, OrganizationTime.MonthText(OrganizationTime.AddMonths(current, -1)), 99.99), AvailabilitySource.Manual);
            // Incidents as the incident register stores them: the outage, one of another category, one on another asset, one in another month.
            var detected = new DateTimeOffset(missedMonth / 100, missedMonth % 100, 10, 9, 0, 0, TimeSpan.Zero);
            Incident Add(string reference, IncidentCategory category, Guid asset, DateTimeOffset at)
            {
                var incident = new Incident { Reference = reference, Title = reference + " outage", Category = category, Severity = IncidentSeverity.High, DetectedAt = at, ReportedAt = at };
                IncidentClock.Recompute(incident, TimeZoneInfo.Utc);
                db.Incidents.Add(incident);
                db.IncidentAssets.Add(new IncidentAsset { IncidentId = incident.Id, AssetId = asset });
                return incident;
            }
            Add("INC-0001", IncidentCategory.Availability, ai.AssetId, detected);
            Add("INC-0002", IncidentCategory.Malware, ai.AssetId, detected);
            Add("INC-0003", IncidentCategory.Availability, other.AssetId, detected);
            Add("INC-0004", IncidentCategory.Availability, ai.AssetId, detected.AddMonths(-3));
            await db.SaveChangesAsync();
            return id;
        });
        var overview = await app.WithCoreAsync(organization.Id, (_, db) => ContinuityQueries.AvailabilityAsync(db));
        var months = overview.Services.Single(s => s.Id == service).Months;
        Assert.Equal(12, months.Count);
        Assert.Equal(OrganizationTime.AddMonths(current, -1), months[^1].Month);
        var missed = months.Single(m => m.Met == false);
        Assert.Equal(missedMonth, missed.Month);
        Assert.Equal("INC-0001", missed.Outages.Single().Reference);
        Assert.Equal(2, months.Count(m => m.Recorded));
        // Outside the missed month only the availability incident of three months earlier appears (under its own month).
        Assert.DoesNotContain(months.Where(m => m.Month != missedMonth).SelectMany(m => m.Outages), o => o.Reference != "INC-0004");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheFigures_CountPlansCriticalServicesRestoreTestsAndMonthsMissed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var covered = await app.AddAiSystemAsync(organization, "Covered agent");
        var uncovered = await app.AddAiSystemAsync(organization, "Uncovered agent");
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await db.Assets.Where(a => a.Id == covered.AssetId || a.Id == uncovered.AssetId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Criticality, Attest.Assets.Criticality.Critical));
        });
        var seeded = await ContinuitySeeds.AddContinuityAsync(app, organization, covered.AssetId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonth = OrganizationTime.AddMonths(OrganizationTime.Month(today), -1);
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<SaveContinuityPlan>().RunAsync(null, new ContinuityPlanInput("Draft plan for the uncovered agent", ServiceAssetId: uncovered.AssetId));
            var second = await s.GetRequiredService<SaveMonitoredService>().RunAsync(null, new MonitoredServiceInput("Web app"));
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(second, OrganizationTime.MonthText(lastMonth), 99.5), AvailabilitySource.Manual);
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(second, OrganizationTime.MonthText(OrganizationTime.AddMonths(lastMonth, -1)), 98.0), AvailabilitySource.Manual);
            await s.GetRequiredService<RecordAvailability>().RunAsync(new AvailabilityInput(second, OrganizationTime.MonthText(OrganizationTime.AddMonths(lastMonth, -13)), 90.0), AvailabilitySource.Manual);
        });
        var figures = await app.WithCoreAsync(organization.Id, (_, db) => ContinuityQueries.FiguresAsync(db));
        Assert.Equal((1, 2), (figures.PlansApproved, figures.PlansTotal));
        Assert.Equal(uncovered.AssetId, figures.CriticalServicesWithoutPlan.Single().Id);
        // The draft plan has never been exercised; the seeded one was three days ago.
        Assert.Equal(1, figures.PlansNotExercised);
        Assert.Equal(seeded.ExerciseId, figures.LastRestoreTest!.Id);
        Assert.Equal(ExerciseResult.PassedWithIssues, figures.LastRestoreTest.Result);
        Assert.Equal(today.AddDays(-3).Year == today.Year ? 1 : 0, figures.RestoreTestsThisYear);
        Assert.Equal((today.Month - 1) / 3 + 1, figures.RestoreTestsExpected);
        Assert.Equal((lastMonth, 1, 2), (figures.LastMonth!.Value, figures.ServicesMeetingTargetLastMonth, figures.ServicesRecordedLastMonth));
        // Two months missed in the last twelve; the one thirteen months ago is outside.
        Assert.Equal(2, figures.MonthsMissedLast12);
    }
}
