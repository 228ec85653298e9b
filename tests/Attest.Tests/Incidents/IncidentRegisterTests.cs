using Attest.Data;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Incidents;

/// <summary>The incident use cases and queries: SLAs across severities and time zones, the timeline, closing rules and the breach clock.</summary>
public sealed class IncidentRegisterTests
{
    private static async Task<int> VersionAsync(AttestDbContext db, Guid id)
    {
        db.ChangeTracker.Clear();
        return await db.Incidents.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
    }

    private static async Task<Guid> ReportAsync(IServiceProvider s, IncidentSeverity severity, DateTimeOffset? occurred, DateTimeOffset detected, string title = "Incident",
        bool personalData = false) =>
        await s.GetRequiredService<ReportIncident>().RunAsync(new IncidentReportInput(title, null, IncidentCategory.Other, severity, occurred, detected, PersonalData: personalData));

    private static async Task MoveAsync(IServiceProvider s, AttestDbContext db, Guid id, IncidentStatus to, DateTimeOffset? at, string? note = null) =>
        await s.GetRequiredService<ChangeIncidentStatus>().RunAsync(id, to, at, note, await VersionAsync(db, id));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SlaLimits_AreInclusive_JudgedPerSeverity_AndOpenIncidentsBreachLive(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var now = Instant.Now(db.Clock);
            var start = now.AddDays(-2);
            // Critical: detected exactly 1 h after it happened, contained and recovered exactly 4 h later — every limit met.
            var critical = await ReportAsync(s, IncidentSeverity.Critical, start, start.AddHours(1), "Critical on the limit");
            await MoveAsync(s, db, critical, IncidentStatus.Contained, start.AddHours(5));
            await MoveAsync(s, db, critical, IncidentStatus.Recovered, start.AddHours(5));
            // High: detected one second over its 4 h limit.
            var high = await ReportAsync(s, IncidentSeverity.High, start, start.AddHours(4).AddSeconds(1), "High detected late");
            await MoveAsync(s, db, high, IncidentStatus.Contained, start.AddHours(5));
            await MoveAsync(s, db, high, IncidentStatus.Recovered, start.AddHours(5));
            // Medium, still open and not contained 3 days and 1 hour after detection (limit 3 days): a live breach.
            var medium = await ReportAsync(s, IncidentSeverity.Medium, null, now.AddDays(-3).AddHours(-1), "Medium open past its limit");
            // Low, detected an hour ago: running.
            var low = await ReportAsync(s, IncidentSeverity.Low, null, now.AddHours(-1), "Low running");
            // The same one-second-late containment is fine at Low severity (7 days).
            var lowContained = await ReportAsync(s, IncidentSeverity.Low, start, start.AddHours(4).AddSeconds(1), "Low contained");
            await MoveAsync(s, db, lowContained, IncidentStatus.Contained, start.AddHours(5));
            await MoveAsync(s, db, lowContained, IncidentStatus.Recovered, start.AddHours(5));

            var settings = await IncidentSettingsQueries.LoadAsync(db);
            var rows = (await IncidentQueries.PageAsync(db, new IncidentFilter(), settings, 1)).Rows.ToDictionary(r => r.Id);
            Assert.Equal((SlaState.Met, SlaState.Met, SlaState.Met, true), (rows[critical].Sla.Detect, rows[critical].Sla.Contain, rows[critical].Sla.Recover, rows[critical].Sla.Met));
            Assert.Equal((3600L, 14400L), (rows[critical].DetectSeconds!.Value, rows[critical].ContainSeconds!.Value));
            Assert.Equal((SlaState.Breached, SlaState.Met, false), (rows[high].Sla.Detect, rows[high].Sla.Contain, rows[high].Sla.Met));
            Assert.Equal((SlaState.Unknown, SlaState.Breached), (rows[medium].Sla.Detect, rows[medium].Sla.Contain));
            Assert.Equal((SlaState.Running, false), (rows[low].Sla.Contain, rows[low].Sla.Breached));
            Assert.True(rows[lowContained].Sla.Met);

            // The SQL filter agrees with the rows.
            var breached = (await IncidentQueries.PageAsync(db, new IncidentFilter(SlaBreached: true), settings, 1)).Rows.Select(r => r.Id).ToHashSet();
            Assert.Equal(new HashSet<Guid> { high, medium }, breached);
            Assert.Equal(rows.Values.Where(r => r.Sla.Breached).Select(r => r.Id).ToHashSet(), breached);

            // Figures: 3 contained, 2 within SLA, 1 open past containment: 2 of 4 = 50 %.
            var figures = await IncidentQueries.FiguresAsync(db, settings);
            Assert.Equal(5, figures.Incidents);
            Assert.Equal(1, figures.LiveBreaches);
            Assert.Equal(50.0, figures.SlaCompliance);
            var c = figures.Severities.Single(f => f.Severity == IncidentSeverity.Critical);
            Assert.Equal((1, 1, 3600.0, 14400L), (c.Judged, c.Met, c.MeanDetectSeconds!.Value, c.MaxContainSeconds!.Value));
            Assert.Equal(5, figures.Months[^1].Total + figures.Months[^2].Total + figures.Months[^3].Total);

            // Stricter settings re-judge at once: Low detected after 4 h 1 s now breaches a 4 h Low detection limit.
            var stricter = IncidentSettingsInput.From(settings) with { LowDetectMinutes = 240 };
            await s.GetRequiredService<SaveIncidentSettings>().RunAsync(stricter);
            settings = await IncidentSettingsQueries.LoadAsync(db);
            breached = (await IncidentQueries.PageAsync(db, new IncidentFilter(SlaBreached: true), settings, 1)).Rows.Select(r => r.Id).ToHashSet();
            Assert.Contains(lowContained, breached);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TimesEnteredInDifferentZones_AndOnADaylightSavingDay_GiveTrueDurations_AndTheOrganizationsMonth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            (await db.Organizations.SingleAsync(o => o.Id == organization.Id)).TimeZone = "Europe/Paris";
            await db.SaveChangesAsync();
            var paris = OrganizationTime.Zone("Europe/Paris");
            var london = OrganizationTime.Zone("Europe/London");
            var newYork = OrganizationTime.Zone("America/New_York");

            // 29 March 2026: Paris jumps from 02:00 to 03:00. Occurred 00:45 and detected 03:15 on Paris clocks are 1 h 30 min apart, not 2 h 30.
            var occurred = OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 0, 45, 0), paris)!.Value;
            var detected = OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 3, 15, 0), paris)!.Value;
            Assert.Null(OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0), paris));
            var id = await ReportAsync(s, IncidentSeverity.Critical, occurred, detected);
            // Contained at 03:15 in London (already on summer time, UTC+1) = 04:15 in Paris: one hour after detection.
            await MoveAsync(s, db, id, IncidentStatus.Contained, OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 3, 15, 0), london));
            // Recovered at 23:15 the day before in New York (UTC−4) = 05:15 Paris: two hours after detection.
            await MoveAsync(s, db, id, IncidentStatus.Recovered, OrganizationTime.FromLocal(new DateTime(2026, 3, 28, 23, 15, 0), newYork));
            var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal((5400L, 3600L, 7200L), (incident.DetectSeconds!.Value, incident.ContainSeconds!.Value, incident.RecoverSeconds!.Value));
            Assert.Equal(202603, incident.DetectedMonth);
            var verdict = IncidentClock.Evaluate(IncidentTimes.Of(incident), IncidentClock.Limits(IncidentSettings.Defaults(), IncidentSeverity.Critical), Instant.Now(db.Clock));
            Assert.Equal((SlaState.Breached, SlaState.Met, SlaState.Met), (verdict.Detect, verdict.Contain, verdict.Recover));

            // 23:30 UTC on 31 March is already 1 April in Paris: the incident counts in April.
            var april = await ReportAsync(s, IncidentSeverity.Low, null, new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
            Assert.Equal(202604, await db.Incidents.Where(i => i.Id == april).Select(i => i.DetectedMonth).SingleAsync());
            Assert.Single((await IncidentQueries.PageAsync(db, new IncidentFilter(Month: 202604), IncidentSettings.Defaults(), 1)).Rows);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task StatusChanges_AreOnTheTimeline_KeepTheirOrder_AndReopeningNeedsANoteAndClearsLaterSteps(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var now = Instant.Now(db.Clock);
            var id = await ReportAsync(s, IncidentSeverity.High, null, now.AddHours(-10));
            var change = s.GetRequiredService<ChangeIncidentStatus>();

            var early = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(id, IncidentStatus.Contained, now.AddHours(-11), null, await VersionAsync(db, id)));
            Assert.Contains("must be at or after the detection", early.Errors["ContainedAt"][0]);
            var future = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(id, IncidentStatus.Triaged, now.AddHours(2), null, await VersionAsync(db, id)));
            Assert.Contains("future", future.Errors["TriagedAt"][0]);

            await MoveAsync(s, db, id, IncidentStatus.Triaged, now.AddHours(-9));
            // Skipping forward is allowed: straight to Eradicated; a step may not precede the one before it.
            var beforeTriage = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(id, IncidentStatus.Eradicated, now.AddHours(-9.5), null, await VersionAsync(db, id)));
            Assert.Contains("after the triaged", beforeTriage.Errors["EradicatedAt"][0]);
            await MoveAsync(s, db, id, IncidentStatus.Eradicated, now.AddHours(-5));
            var back = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(id, IncidentStatus.Triaged, null, " ", await VersionAsync(db, id)));
            Assert.Contains("Note", back.Errors.Keys);
            await MoveAsync(s, db, id, IncidentStatus.Triaged, null, "Eradication was premature: the attacker still had a session.");

            var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal((IncidentStatus.Triaged, now.AddHours(-9), (DateTimeOffset?)null), (incident.Status, incident.TriagedAt!.Value, incident.EradicatedAt));
            var events = await db.IncidentEvents.Where(e => e.IncidentId == id && e.Kind == IncidentEventKind.Status).OrderBy(e => e.RecordedAt).ToListAsync();
            var expected = new List<(IncidentStatus?, IncidentStatus)>
            {
                (null, IncidentStatus.Reported), (IncidentStatus.Reported, IncidentStatus.Triaged), (IncidentStatus.Triaged, IncidentStatus.Eradicated),
                (IncidentStatus.Eradicated, IncidentStatus.Triaged),
            };
            Assert.Equal(expected, events.Select(e => (e.FromStatus, e.ToStatus!.Value)).ToList());
            Assert.Equal(now.AddHours(-5), events[2].At);
            Assert.Equal("Eradication was premature: the attacker still had a session.", events[3].Text);

            // Detection cannot be moved after triage.
            var detail = await IncidentQueries.DetailAsync(db, id);
            var moved = await Assert.ThrowsAsync<ValidationFailedException>(() => s.GetRequiredService<SaveIncident>().RunAsync(id, new IncidentInput("Incident", null,
                IncidentCategory.Other, IncidentSeverity.Critical, null, null, now.AddHours(-8), Version: detail.Version)));
            Assert.Contains("must be at or before triaged", moved.Errors["DetectedAt"][0]);
            // A severity change is written on the timeline.
            await s.GetRequiredService<SaveIncident>().RunAsync(id, new IncidentInput("Incident", null, IncidentCategory.Other, IncidentSeverity.Critical, null, null,
                now.AddHours(-10), Version: detail.Version));
            Assert.Contains(await db.IncidentEvents.Where(e => e.IncidentId == id && e.Kind == IncidentEventKind.Change).Select(e => e.Text).ToListAsync(),
                t => t.Contains("Severity High → Critical"));
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Closing_NeedsLessonsLearned_UnlessLowSeverityAndTheSettingsAllowIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var now = Instant.Now(db.Clock);
            var change = s.GetRequiredService<ChangeIncidentStatus>();
            var medium = await ReportAsync(s, IncidentSeverity.Medium, null, now.AddHours(-3));
            var low = await ReportAsync(s, IncidentSeverity.Low, null, now.AddHours(-3));

            var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(medium, IncidentStatus.Closed, null, null, await VersionAsync(db, medium)));
            Assert.Contains("lessons learned", refused.Errors["LessonsLearned"][0]);
            var lowRefused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(low, IncidentStatus.Closed, null, null, await VersionAsync(db, low)));
            Assert.Contains("require them for Low severity", lowRefused.Errors["LessonsLearned"][0]);

            await s.GetRequiredService<SaveIncidentSettings>().RunAsync(IncidentSettingsInput.From(IncidentSettings.Defaults()) with { LessonsRequiredForLow = false });
            await MoveAsync(s, db, low, IncidentStatus.Closed, null, "False alarm: a test e-mail.");
            var stillRefused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await change.RunAsync(medium, IncidentStatus.Closed, null, null, await VersionAsync(db, medium)));
            Assert.Contains("required for Medium severity", stillRefused.Errors["LessonsLearned"][0]);

            await s.GetRequiredService<RecordIncidentReview>().RunAsync(medium, new IncidentReviewInput("Weak filter.", "Tighten the filter.", null, Version: await VersionAsync(db, medium)));
            await MoveAsync(s, db, medium, IncidentStatus.Closed, null);
            var closed = await db.Incidents.AsNoTracking().Where(i => i.Id == low || i.Id == medium).ToListAsync();
            Assert.All(closed, i => Assert.Equal(IncidentStatus.Closed, i.Status));
            Assert.Equal("False alarm: a test e-mail.", closed.Single(i => i.Id == low).ClosureNote);
            Assert.NotNull(closed.Single(i => i.Id == medium).ReviewedOn);

            // A closed incident keeps its lessons learned.
            var erase = await Assert.ThrowsAsync<ValidationFailedException>(async () => await s.GetRequiredService<RecordIncidentReview>().RunAsync(medium,
                new IncidentReviewInput("Weak filter.", "", null, Version: await VersionAsync(db, medium))));
            Assert.Contains("LessonsLearned", erase.Errors.Keys);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheBreachClock_CountsTheDeadlineAsInTime_LateNotificationsNeedAReason_AndNotifiedFollowsTheLog(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var now = Instant.Now(db.Clock);
            var log = s.GetRequiredService<LogBreachNotification>();
            var assess = s.GetRequiredService<SaveBreachAssessment>();
            async Task<BreachView> Breach(Guid id) => (await IncidentQueries.BreachAsync(db, id, IncidentSettings.Defaults()))!;

            // Reported with personal data: the breach record opens at detection, and the clock shows what is left.
            var fresh = await ReportAsync(s, IncidentSeverity.High, null, now.AddHours(-10), personalData: true);
            var view = await Breach(fresh);
            Assert.Equal((BreachStatus.Assessing, now.AddHours(-10), now.AddHours(62)), (view.Status, view.AwareAt, view.Deadline));
            Assert.Equal(TimeSpan.FromHours(62), view.Remaining(now));

            // Aware 80 hours ago; the authority was told exactly at the deadline: in time, no reason needed.
            var onTime = await ReportAsync(s, IncidentSeverity.High, null, now.AddHours(-80), personalData: true);
            Assert.True((await Breach(onTime)).Remaining(now) < TimeSpan.Zero);
            await log.RunAsync(onTime, new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", now.AddHours(-8), "Portal"));
            view = await Breach(onTime);
            Assert.Equal((BreachStatus.Notified, true, (TimeSpan?)null), (view.Status, view.NotifiedInTime, view.Remaining(now)));

            // One minute later is late: refused without the reasons for the delay, and nothing is logged.
            var late = await ReportAsync(s, IncidentSeverity.High, null, now.AddHours(-80), personalData: true);
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => log.RunAsync(late,
                new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", now.AddHours(-8).AddMinutes(1), "Portal")));
            Assert.Contains("72-hour deadline", refused.Errors["DelayReason"][0]);
            db.ChangeTracker.Clear();
            Assert.Empty((await Breach(late)).Notifications);

            // At high risk, Notified needs the people affected to be told too.
            var breachVersion = (await Breach(late)).Version;
            await assess.RunAsync(late, new BreachInput(now.AddHours(-80), BreachStatus.Notifiable, BreachRisk.HighRisk, "Names, contract terms", "Client staff", 40, Version: breachVersion));
            await log.RunAsync(late, new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", now.AddHours(-7), "Portal",
                DelayReason: "The affected records were only identified after the forensic copy was analysed."));
            view = await Breach(late);
            Assert.Equal((BreachStatus.Notifiable, false), (view.Status, view.NotifiedInTime));
            Assert.False(view.Notifications.Single().InTime);
            Assert.StartsWith("The affected records", view.DelayReason);
            await log.RunAsync(late, new BreachNotificationInput(NotificationRecipient.DataSubjects, "Client staff", now.AddHours(-6), "E-mail"));
            Assert.Equal(BreachStatus.Notified, (await Breach(late)).Status);
            Assert.Equal(2, await db.IncidentEvents.CountAsync(e => e.IncidentId == late && e.Kind == IncidentEventKind.Notification));

            var figures = await IncidentQueries.FiguresAsync(db, IncidentSettings.Defaults());
            Assert.Equal((3, 2, 1, 0), (figures.Breaches.Total, figures.Breaches.Notified, figures.Breaches.Assessing, figures.Breaches.Overdue));
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NotNotifiable_NeedsAReason_AndIsRefusedAtHighRisk(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var now = Instant.Now(db.Clock);
            var id = await ReportAsync(s, IncidentSeverity.Low, null, now.AddHours(-2), personalData: true);
            var assess = s.GetRequiredService<SaveBreachAssessment>();
            var version = (await IncidentQueries.BreachAsync(db, id, IncidentSettings.Defaults()))!.Version;

            var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => assess.RunAsync(id, new BreachInput(now.AddHours(-2), BreachStatus.NotNotifiable, BreachRisk.Unlikely, Version: version)));
            Assert.Contains("is required", noReason.Errors["NotNotifiableReason"][0]);
            var highRisk = await Assert.ThrowsAsync<ValidationFailedException>(() => assess.RunAsync(id, new BreachInput(now.AddHours(-2), BreachStatus.NotNotifiable, BreachRisk.HighRisk,
                NotNotifiableReason: "Encrypted.", Version: version)));
            Assert.Contains("Decision", highRisk.Errors.Keys);

            await assess.RunAsync(id, new BreachInput(now.AddHours(-2), BreachStatus.NotNotifiable, BreachRisk.Unlikely, NotNotifiableReason: "The laptop's disk was encrypted (BitLocker, key escrowed).",
                Version: version));
            var view = (await IncidentQueries.BreachAsync(db, id, IncidentSettings.Defaults()))!;
            Assert.Equal((BreachStatus.NotNotifiable, (TimeSpan?)null), (view.Status, view.Remaining(now)));
            Assert.NotNull(view.DecidedAt);
            var authority = await Assert.ThrowsAsync<ValidationFailedException>(() => s.GetRequiredService<LogBreachNotification>().RunAsync(id,
                new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", null, "Portal")));
            Assert.Contains("Recipient", authority.Errors.Keys);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheExport_HasTheTimesToDetectAndContain_AndWhetherTheSlaWasMet(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var start = Instant.Now(db.Clock).AddDays(-1);
            var met = await ReportAsync(s, IncidentSeverity.Critical, start, start.AddMinutes(30), "Met");
            await MoveAsync(s, db, met, IncidentStatus.Contained, start.AddMinutes(150));
            var missed = await ReportAsync(s, IncidentSeverity.Critical, start, start.AddMinutes(45), "Missed");
            await MoveAsync(s, db, missed, IncidentStatus.Contained, start.AddHours(6));

            var csv = System.Text.Encoding.UTF8.GetString(await IncidentExport.CsvAsync(db)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = csv[0].Split(',');
            Assert.Equal(IncidentExport.Columns, header);
            string Cell(string line, string column) => line.Split(',')[Array.IndexOf(header, column)];
            var metLine = csv.Single(l => l.Contains(",Met,"));
            var missedLine = csv.Single(l => l.Contains(",Missed,"));
            Assert.Equal(("30 min", "2 h 0 min", "30", "120", "yes"), (Cell(metLine, "Time to detect"), Cell(metLine, "Time to contain"), Cell(metLine, "Minutes to detect"),
                Cell(metLine, "Minutes to contain"), Cell(metLine, "SLA met")));
            Assert.Equal(("5 h 15 min", "no", "breached"), (Cell(missedLine, "Time to contain"), Cell(missedLine, "SLA met"), Cell(missedLine, "Contain SLA")));
            Assert.Equal(start.AddMinutes(30).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), Cell(metLine, "Detected"));

            var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await IncidentExport.XlsxAsync(db)), useHeaderRow: true, sheetName: IncidentExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(2, sheet.Count);
            Assert.Equal("yes", sheet.Single(r => (string?)r["Title"] == "Met")["SLA met"]);
        });
    }
}
