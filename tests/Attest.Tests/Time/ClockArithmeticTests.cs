using Attest.Incidents;

namespace Attest.Tests.Time;

/// <summary>The time arithmetic incidents, breaches and monthly figures stand on; no database needed.</summary>
public sealed class ClockArithmeticTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static Incident Incident(IncidentSeverity severity, DateTimeOffset? occurred, DateTimeOffset detected, DateTimeOffset? contained = null, DateTimeOffset? recovered = null) => new()
    {
        Reference = "INC-0001", Title = "t", Severity = severity, OccurredAt = occurred, DetectedAt = detected, ReportedAt = detected,
        ContainedAt = contained, RecoveredAt = recovered,
    };

    [Fact]
    public void TimesTypedInDifferentZones_SubtractAsInstants()
    {
        // 09:30 in Paris (UTC+1 in January) and 10:00 in London (UTC+0) are 1 h 30 min apart.
        var detected = OrganizationTime.FromLocal(new DateTime(2026, 1, 15, 9, 30, 0), Paris)!.Value;
        var contained = OrganizationTime.FromLocal(new DateTime(2026, 1, 15, 10, 0, 0), London)!.Value;
        var incident = Incident(IncidentSeverity.High, detected.AddMinutes(-20), detected, contained);
        IncidentClock.Recompute(incident, London);
        Assert.Equal(20 * 60, incident.DetectSeconds);
        Assert.Equal(90 * 60, incident.ContainSeconds);
        Assert.Null(incident.RecoverSeconds);
    }

    [Fact]
    public void AcrossTheSpringDaylightChange_AnHourOfWallClockIsNotAnHourOfTime()
    {
        // London clocks went from 01:00 to 02:00 on 29 March 2026: 00:30 → 02:30 local is one hour.
        var detected = OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 0, 30, 0), London)!.Value;
        var contained = OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0), London)!.Value;
        var incident = Incident(IncidentSeverity.Critical, detected, detected, contained);
        IncidentClock.Recompute(incident, London);
        Assert.Equal(3600, incident.ContainSeconds);
        Assert.Null(OrganizationTime.FromLocal(new DateTime(2026, 3, 29, 1, 30, 0), London));
        // 01:30 on 25 October 2026 happens twice; it is read as the first (summer time, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), OrganizationTime.FromLocal(new DateTime(2026, 10, 25, 1, 30, 0), London));
    }

    [Fact]
    public void TheMonthAnIncidentCountsIn_IsTheOrganizationsMonth()
    {
        var detected = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
        var incident = Incident(IncidentSeverity.Low, null, detected);
        IncidentClock.Recompute(incident, London);
        Assert.Equal(202611, incident.DetectedMonth);
        IncidentClock.Recompute(incident, NewYork);
        Assert.Equal(202610, incident.DetectedMonth);
        Assert.Null(incident.DetectSeconds);
    }

    [Theory]
    [InlineData(IncidentSeverity.Critical, 60, 240, SlaState.Met, SlaState.Met)]
    [InlineData(IncidentSeverity.Critical, 61, 240, SlaState.Breached, SlaState.Met)]
    [InlineData(IncidentSeverity.Critical, 30, 241, SlaState.Met, SlaState.Breached)]
    [InlineData(IncidentSeverity.High, 240, 1440, SlaState.Met, SlaState.Met)]
    [InlineData(IncidentSeverity.High, 241, 1441, SlaState.Breached, SlaState.Breached)]
    [InlineData(IncidentSeverity.Medium, 1440, 4320, SlaState.Met, SlaState.Met)]
    [InlineData(IncidentSeverity.Low, 4320, 10081, SlaState.Met, SlaState.Breached)]
    public void EachSeverity_IsJudgedAgainstItsOwnLimits_Inclusively(IncidentSeverity severity, int detectMinutes, int containMinutes, SlaState detect, SlaState contain)
    {
        var detected = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var incident = Incident(severity, detected.AddMinutes(-detectMinutes), detected, detected.AddMinutes(containMinutes));
        var verdict = IncidentClock.Evaluate(IncidentTimes.Of(incident), IncidentClock.Limits(IncidentSettings.Defaults(), severity), detected.AddDays(30));
        Assert.Equal((detect, contain), (verdict.Detect, verdict.Contain));
        Assert.Equal(detect == SlaState.Met && contain == SlaState.Met, verdict.Met);
    }

    [Fact]
    public void AnOpenIncident_RunsUntilItsLimitPasses_ThenBreachesLive()
    {
        var detected = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var limits = IncidentClock.Limits(IncidentSettings.Defaults(), IncidentSeverity.Critical);
        var open = IncidentTimes.Of(Incident(IncidentSeverity.Critical, null, detected));
        Assert.Equal(SlaState.Running, IncidentClock.Evaluate(open, limits, detected.AddHours(4)).Contain);
        Assert.Equal(SlaState.Breached, IncidentClock.Evaluate(open, limits, detected.AddHours(4).AddSeconds(1)).Contain);
        Assert.Equal(SlaState.Unknown, IncidentClock.Evaluate(open, limits, detected).Detect);
        Assert.False(IncidentClock.Evaluate(open, limits, detected).Met);
    }

    [Fact]
    public void TheLessonsRuleForLowSeverity_FollowsTheSetting()
    {
        var settings = IncidentSettings.Defaults();
        Assert.True(IncidentClock.Limits(settings, IncidentSeverity.Low).LessonsRequired);
        settings.LessonsRequiredForLow = false;
        Assert.False(IncidentClock.Limits(settings, IncidentSeverity.Low).LessonsRequired);
        Assert.True(IncidentClock.Limits(settings, IncidentSeverity.Medium).LessonsRequired);
    }

    [Fact]
    public void TheBreachClock_Gives72HoursFromAwareness_AndTheDeadlineItselfIsInTime()
    {
        var aware = new DateTimeOffset(2026, 3, 27, 18, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 18, 0, 0, TimeSpan.Zero), BreachClock.Deadline(aware, 72));
        Assert.Equal(TimeSpan.FromHours(70), BreachClock.Remaining(aware, 72, aware.AddHours(2)));
        Assert.Equal(TimeSpan.FromHours(-1), BreachClock.Remaining(aware, 72, aware.AddHours(73)));
        Assert.True(BreachClock.InTime(aware, 72, aware.AddHours(72)));
        Assert.False(BreachClock.InTime(aware, 72, aware.AddHours(72).AddSeconds(1)));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(45L, "45 s")]
    [InlineData(3600L + 5 * 60, "1 h 5 min")]
    [InlineData(3 * 86400L + 4 * 3600, "3 d 4 h")]
    [InlineData(-600L, "−10 min")]
    public void Durations_ReadAsPeopleWriteThem(long? seconds, string text) => Assert.Equal(text, IncidentClock.Describe(seconds));

    [Fact]
    public void Months_ParseAndStep()
    {
        Assert.Equal(202610, OrganizationTime.ParseMonth("2026-10"));
        Assert.Null(OrganizationTime.ParseMonth("2026-13"));
        Assert.Null(OrganizationTime.ParseMonth("26-10"));
        Assert.Equal(202701, OrganizationTime.AddMonths(202612, 1));
        Assert.Equal(202511, OrganizationTime.AddMonths(202610, -11));
        Assert.Equal("2026-03", OrganizationTime.MonthText(202603));
    }
}
