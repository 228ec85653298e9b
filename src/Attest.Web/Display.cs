using Attest.Organizations;
using Attest.Web.Security;

namespace Attest.Web;

/// <summary>Shows stored UTC instants in the reader's time zone.</summary>
public static class Display
{
    public static string Instant(DateTimeOffset? value, string? timeZone)
    {
        if (value is null) return "—";
        var zone = OrganizationTime.Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(value.Value, zone);
        return $"{local:yyyy-MM-dd HH:mm} {(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)}";
    }

    public static string Instant(this HttpContext http, DateTimeOffset? value) => Instant(value, http.SignedInPerson()?.TimeZone);

    public static string Role(OrganizationRole role) => role.ToString();
}
