using Attest.Obligations;

namespace Attest.Tests.Obligations;

/// <summary>Licence expiry arithmetic: the last day counts, judged in the organization's time zone, with the renewal lead time.</summary>
public sealed class LicenceValidityTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Fact]
    public void ALicenceEndingOn30November_IsValidAt2330OnThe30thInLondon_ButExpiredInAuckland()
    {
        var until = new DateOnly(2026, 11, 30);
        // 23:30 London time on 30 November (GMT, so 23:30 UTC): already 12:30 on 1 December in Auckland.
        var lateEvening = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

        var london = LicenceValidity.At(lateEvening, London, new DateOnly(2025, 12, 1), until, 30);
        Assert.Equal(new LicenceStanding(LicenceState.Expiring, 0, new DateOnly(2026, 10, 31), true), london);
        Assert.True(london.IsValid);

        var auckland = LicenceValidity.At(lateEvening, Auckland, new DateOnly(2025, 12, 1), until, 30);
        Assert.Equal((LicenceState.Expired, -1, false, false), (auckland.State, auckland.DaysLeft, auckland.IsValid, auckland.RenewalDue));
        Assert.Equal("expired", LicenceValidity.Label(auckland.State));
    }

    [Fact]
    public void Standing_CountsTheNinetyDayWindow_TheRenewalLeadTime_AndLicencesNotYetValid()
    {
        var today = new DateOnly(2026, 3, 1);
        var until = today.AddDays(120);

        // 120 days left: valid, and renewal (60 days' lead) is not due until 60 days before the end.
        Assert.Equal(new LicenceStanding(LicenceState.Valid, 120, until.AddDays(-60), false), LicenceValidity.On(today, null, until, 60));
        Assert.True(LicenceValidity.On(until.AddDays(-60), null, until, 60).RenewalDue);
        Assert.False(LicenceValidity.On(until.AddDays(-61), null, until, 60).RenewalDue);
        // Exactly 90 days left is expiring; 91 is still valid.
        Assert.Equal(LicenceState.Expiring, LicenceValidity.On(until.AddDays(-90), null, until, 0).State);
        Assert.Equal(LicenceState.Valid, LicenceValidity.On(until.AddDays(-91), null, until, 0).State);
        // The last day is valid; the day after it is expired, and renewal is no longer "due" but too late.
        Assert.Equal(LicenceState.Expiring, LicenceValidity.On(until, null, until, 0).State);
        Assert.Equal(new LicenceStanding(LicenceState.Expired, -1, until, false), LicenceValidity.On(until.AddDays(1), null, until, 0));
        // Issued for a later start: not yet valid, and not counted as valid.
        var future = LicenceValidity.On(today, today.AddDays(10), until, 30);
        Assert.Equal((LicenceState.NotYetValid, false), (future.State, future.IsValid));
        Assert.Equal(LicenceState.Unknown, LicenceValidity.On(today, null, null, 30).State);
    }
}
