using System.Globalization;
using System.Text.RegularExpressions;

namespace Attest.Continuity;

/// <summary>
/// Recovery objectives as people write them: "4h", "30min", "1d", "1d 12h", or a number of minutes ("90"). They are stored in minutes
/// and shown back in the same notation, so what is read back can be typed in again unchanged.
/// </summary>
public static partial class ObjectiveDuration
{
    /// <summary>The longest objective accepted: a year. Anything longer is not a recovery objective.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    /// <summary>Reads a duration into minutes; null for empty text. Text that is not a duration is reported under <paramref name="field"/>.</summary>
    public static int? Parse(string? text, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text, out var minutes)) return minutes;
        validation.Add(field, $"'{text.Trim()}' is not a duration; write it as 30min, 4h, 1d, 1d 12h, or a number of minutes.");
        return null;
    }

    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        var trimmed = text?.Trim().ToLowerInvariant() ?? "";
        if (trimmed.Length == 0) return false;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            minutes = plain;
            return plain <= MaxMinutes;
        }
        var match = Notation().Match(trimmed);
        if (!match.Success) return false;
        long total = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var piece = PartPattern().Match(part.Value);
            if (!long.TryParse(piece.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxMinutes) return false;
            total += piece.Groups["unit"].Value switch
            {
                "d" or "day" or "days" => n * 24 * 60,
                "h" or "hr" or "hrs" or "hour" or "hours" => n * 60,
                _ => n,
            };
        }
        if (total > MaxMinutes) return false;
        minutes = (int)total;
        return true;
    }

    /// <summary>"1d 4h 30min", "4h", "30min", "0min"; "—" for none.</summary>
    public static string Format(int? minutes)
    {
        if (minutes is not { } m) return "—";
        if (m == 0) return "0min";
        var parts = new List<string>(3);
        if (m / 1440 > 0) parts.Add($"{m / 1440}d");
        if (m % 1440 / 60 > 0) parts.Add($"{m % 1440 / 60}h");
        if (m % 60 > 0) parts.Add($"{m % 60}min");
        return string.Join(" ", parts);
    }

    [GeneratedRegex(@"^(?<part>\d+\s*(?:days?|d|hours?|hrs?|h|minutes?|mins?|m)\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Notation();

    [GeneratedRegex(@"(?<n>\d+)\s*(?<unit>[a-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
