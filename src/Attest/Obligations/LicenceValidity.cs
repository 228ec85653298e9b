namespace Attest.Obligations;

public enum LicenceState
{
    /// <summary>No validity dates recorded: cannot be shown valid.</summary>
    Unknown = 0,
    /// <summary>Its validity starts after today.</summary>
    NotYetValid = 1,
    Valid = 2,
    /// <summary>Valid, but it runs out within <see cref="LicenceValidity.ExpiringWithinDays"/> days.</summary>
    Expiring = 3,
    Expired = 4,
}

/// <summary>A licence's state on a day, and when its renewal must start.</summary>
public sealed record LicenceStanding(LicenceState State, int? DaysLeft, DateOnly? RenewBy, bool RenewalDue)
{
    /// <summary>Held and valid today (expiring soon still counts as valid).</summary>
    public bool IsValid => State is LicenceState.Valid or LicenceState.Expiring;
}

/// <summary>
/// Licence expiry arithmetic. A licence is valid through its <c>ValidUntil</c> day (inclusive), judged against "today" in the
/// organization's time zone (<see cref="OrganizationTime.Date"/>), so a licence ending on 30 November is still valid at 23:30 on the
/// 30th in London even when it is already 1 December in UTC. Renewal is due from <c>ValidUntil − lead days</c>.
/// </summary>
public static class LicenceValidity
{
    /// <summary>The window the register and the dashboard call "expiring".</summary>
    public const int ExpiringWithinDays = 90;

    public static LicenceStanding On(DateOnly today, DateOnly? validFrom, DateOnly? validUntil, int renewalLeadDays)
    {
        if (validUntil is not { } until) return new LicenceStanding(validFrom is { } from && from > today ? LicenceState.NotYetValid : LicenceState.Unknown, null, null, false);
        var daysLeft = until.DayNumber - today.DayNumber;
        var renewBy = until.AddDays(-Math.Max(0, renewalLeadDays));
        var state = daysLeft < 0 ? LicenceState.Expired
            : validFrom is { } start && start > today ? LicenceState.NotYetValid
            : daysLeft <= ExpiringWithinDays ? LicenceState.Expiring
            : LicenceState.Valid;
        return new LicenceStanding(state, daysLeft, renewBy, state != LicenceState.Expired && today >= renewBy);
    }

    /// <summary>The same, with today taken from an instant in the organization's zone.</summary>
    public static LicenceStanding At(DateTimeOffset now, TimeZoneInfo zone, DateOnly? validFrom, DateOnly? validUntil, int renewalLeadDays) =>
        On(OrganizationTime.Date(now, zone), validFrom, validUntil, renewalLeadDays);

    public static string Label(LicenceState state) => state switch
    {
        LicenceState.NotYetValid => "not yet valid",
        LicenceState.Expiring => "expiring",
        LicenceState.Expired => "expired",
        LicenceState.Valid => "valid",
        _ => "no dates",
    };
}
