using System.Globalization;
using System.Net;
using System.Text;
using Attest.Incidents;

namespace Attest.Web.Pages.Incidents;

/// <summary>Incidents by month, stacked by severity, as an SVG drawn on the server (presentation attributes only, so the CSP holds).</summary>
public static class IncidentChartSvg
{
    private static readonly (IncidentSeverity Severity, string Colour)[] Stack =
        [(IncidentSeverity.Low, "#9bb7d4"), (IncidentSeverity.Medium, "#f0c05a"), (IncidentSeverity.High, "#e8833a"), (IncidentSeverity.Critical, "#c0392b")];

    public static string Render(IReadOnlyList<MonthFigures> months)
    {
        const int barWidth = 34, gap = 10, height = 160, top = 14, left = 30, bottom = 34;
        var highest = Math.Max(1, months.Select(m => m.Total).DefaultIfEmpty(0).Max());
        var width = left + months.Count * (barWidth + gap) + 8;
        var svg = new StringBuilder();
        var summary = string.Join("; ", months.Select(m => $"{OrganizationTime.MonthText(m.Month)}: {m.Total}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height + top + bottom}\" viewBox=\"0 0 {width} {height + top + bottom}\" aria-label=\"Incidents by month and severity. {WebUtility.HtmlEncode(summary)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left - 4}\" y1=\"{top + height}\" x2=\"{width}\" y2=\"{top + height}\" stroke=\"#8a94a6\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{top + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#4a5568\">{highest}</text>");
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = left + i * (barWidth + gap);
            var y = (double)(top + height);
            foreach (var (severity, colour) in Stack)
            {
                var count = severity switch { IncidentSeverity.Critical => m.Critical, IncidentSeverity.High => m.High, IncidentSeverity.Medium => m.Medium, _ => m.Low };
                if (count == 0) continue;
                var h = (double)height * count / highest;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y:0.##}\" width=\"{barWidth}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>{OrganizationTime.MonthText(m.Month)}: {count} {severity}</title></rect>");
            }
            if (m.Total > 0) svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{y - 3:0.##}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d2430\">{m.Total}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#4a5568\">{OrganizationTime.MonthText(m.Month)[2..]}</text>");
        }
        var legendX = left;
        foreach (var (severity, colour) in Stack.Reverse())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{top + height + 22}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{legendX + 14}\" y=\"{top + height + 31}\" font-size=\"11\" fill=\"#4a5568\">{severity}</text>");
            legendX += 80;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
