using System.Globalization;
using System.Net;
using System.Text;

namespace Attest.Continuity;

/// <summary>
/// Twelve bars, one per month, drawn on the server: the bar's height is the month's uptime on a scale that starts just below the lowest
/// value shown, the dashed line is the target, and each bar says in its title whether the month met it — the chart reads without colour.
/// </summary>
/// <remarks>Presentation attributes only (the Content-Security-Policy forbids inline styles).</remarks>
public static class AvailabilitySvg
{
    private const int Bar = 22;
    private const int Gap = 6;
    private const int Height = 64;
    private const int Top = 6;
    private const int Bottom = 18;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(ServiceAvailability service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var months = service.Months;
        var width = months.Count * (Bar + Gap) + Gap;
        var lowest = months.Where(m => m.UptimePercent is not null).Select(m => m.UptimePercent!.Value).Append(service.TargetPercent).Min();
        // Availability lives just under 100 %: a scale from 0 would show twelve equal bars.
        var floor = Math.Max(0, Math.Floor((Math.Min(lowest, service.TargetPercent) - 0.05) * 10) / 10 - 0.1);
        double Y(double percent) => Top + Height * (1 - (Math.Clamp(percent, floor, 100) - floor) / (100 - floor));
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {Top + Height + Bottom}\" width=\"{width}\" height=\"{Top + Height + Bottom}\" role=\"img\" aria-label=\"{E(Summary(service))}\" font-family=\"system-ui, sans-serif\" font-size=\"9\">\n");
        svg.Append(Invariant, $"<title>{E(Summary(service))}</title>\n");
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Gap + i * (Bar + Gap);
            var label = $"{OrganizationTime.MonthText(m.Month)}: " + (m.UptimePercent is { } u
                ? $"{AvailabilityArithmetic.Percent(u)} against {AvailabilityArithmetic.Percent(m.TargetPercent)}, {(m.Met == true ? "met" : "missed")}"
                : "no figure recorded");
            if (m.UptimePercent is { } uptime)
            {
                var y = Y(uptime);
                svg.Append(Invariant, $"<rect x=\"{x}\" y=\"{y:0.##}\" width=\"{Bar}\" height=\"{Top + Height - y:0.##}\" fill=\"{(m.Met == true ? "#2e7d4f" : "#c0392b")}\"><title>{E(label)}</title></rect>\n");
            }
            else
            {
                svg.Append(Invariant, $"<rect x=\"{x}\" y=\"{Top + Height - 2}\" width=\"{Bar}\" height=\"2\" fill=\"#9aa3ad\"><title>{E(label)}</title></rect>\n");
            }
            svg.Append(Invariant, $"<text x=\"{x + Bar / 2}\" y=\"{Top + Height + 12}\" text-anchor=\"middle\" aria-hidden=\"true\">{MonthLetter(m.Month)}</text>\n");
        }
        var target = Y(service.TargetPercent);
        svg.Append(Invariant, $"<line x1=\"0\" x2=\"{width}\" y1=\"{target:0.##}\" y2=\"{target:0.##}\" stroke=\"#1d2430\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Summary(ServiceAvailability service) =>
        $"{service.Name}: target {AvailabilityArithmetic.Percent(service.TargetPercent)}; {service.Recorded} of {service.Months.Count} months recorded, {service.Missed} missed";

    private static string MonthLetter(int month) => new DateTime(month / 100, month % 100, 1).ToString("MMM", Invariant)[..1];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
