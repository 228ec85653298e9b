using System.Globalization;
using Attest.Incidents;

namespace Attest.Web.Pages.Incidents;

/// <summary>
/// What the incident pages share: datetime-local inputs read and written in the signed-in person's display time zone (their own, else the
/// organization's), and the SLA tags.
/// </summary>
public static class IncidentForms
{
    public static TimeZoneInfo Zone(HttpContext http) => OrganizationTime.Zone(http.SignedInPerson()?.TimeZone);

    /// <summary>The value of a datetime-local input for <paramref name="instant"/>.</summary>
    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? OrganizationTime.Local(at, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Reads a datetime-local value written in <paramref name="zone"/>; empty is null. A value that is not a time, or a time skipped by a
    /// daylight-saving change, is added to <paramref name="validation"/> under <paramref name="field"/>.
    /// </summary>
    public static DateTimeOffset? Read(string? text, TimeZoneInfo zone, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            validation.Add(field, $"'{text}' is not a date and time (yyyy-MM-ddTHH:mm).");
            return null;
        }
        var instant = OrganizationTime.FromLocal(local, zone);
        if (instant is null) validation.Add(field, $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skipped it (daylight saving time).");
        return instant;
    }

    public static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    public static string Tag(SlaState state) => state switch
    {
        SlaState.Breached => "tag overdue",
        SlaState.Met => "tag",
        _ => "tag warn",
    };
}
