using System.Globalization;
using System.Net;
using System.Text;

namespace Attest.Objectives;

/// <summary>
/// Server-rendered SVG trend of a measure's stored values with its target as a dashed line: a small sparkline for registers and the
/// dashboard, or a larger chart with month labels and a value scale for measure pages and reports. No script; colours are backed by
/// the accessible label and by the status words the pages print beside it.
/// </summary>
public static class MeasureTrendSvg
{
    /// <summary>One value of the trend.</summary>
    public sealed record Point(DateOnly PeriodEnd, decimal? Value, MeasureStatus Status);

    public static IReadOnlyList<Point> Points(IEnumerable<MeasureQueries.StoredValue> history) =>
        history.Select(m => new Point(m.PeriodEnd, m.Value, m.Status)).ToList();

    /// <summary>CSS colour of a status (the stylesheet's palette).</summary>
    public static string Colour(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "#1a7f37",
        MeasureStatus.Amber => "#b35900",
        MeasureStatus.Red => "#c62828",
        _ => "#6b7280",
    };

    /// <summary>The word for a status, for text beside the colour.</summary>
    public static string Word(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "Green — on target",
        MeasureStatus.Amber => "Amber — near target",
        MeasureStatus.Red => "Red — missed",
        _ => "No data",
    };

    /// <summary>Renders the trend as an inline &lt;svg&gt; element.</summary>
    /// <param name="title">What the chart shows, used in its accessible label.</param>
    /// <param name="points">Values oldest first; points without a value leave a gap.</param>
    /// <param name="target">Drawn as a dashed line; null draws none.</param>
    /// <param name="detailed">Adds month labels under the points and the scale's bounds on the left.</param>
    public static string Render(string title, IReadOnlyList<Point> points, decimal? target, MeasureUnit unit, int width = 160, int height = 40, bool detailed = false)
    {
        var inv = CultureInfo.InvariantCulture;
        var left = detailed ? 52.0 : 3.0;
        var right = 6.0;
        var top = detailed ? 10.0 : 4.0;
        var bottom = detailed ? 22.0 : 4.0;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;

        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (target is { } t) values.Add(t);
        var min = values.Count == 0 ? 0m : values.Min();
        var max = values.Count == 0 ? 1m : values.Max();
        if (max == min) { max += max == 0 ? 1 : Math.Abs(max) * 0.05m; min -= min == 0 ? 0 : Math.Abs(min) * 0.05m; }
        double X(int i) => left + (points.Count <= 1 ? plotWidth / 2 : plotWidth * i / (points.Count - 1));
        double Y(decimal v) => top + plotHeight * (double)((max - v) / (max - min));

        var latest = points.LastOrDefault(p => p.Value is not null);
        var label = latest is null
            ? $"{title}: no values yet"
            : $"{title}: {points.Count(p => p.Value is not null)} values from {points[0].PeriodEnd:MMM yyyy} to {points[^1].PeriodEnd:MMM yyyy}, latest {MeasureRules.Format(latest.Value, unit)} ({Word(latest.Status)})"
              + (target is null ? "" : $", target {MeasureRules.Format(target, unit)}");

        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend{(detailed ? " trend-detailed" : "")}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(label)).Append("</title>");
        if (detailed)
        {
            svg.Append(inv, $"<line x1=\"{left:0.#}\" y1=\"{top:0.#}\" x2=\"{left:0.#}\" y2=\"{top + plotHeight:0.#}\" stroke=\"#9ca3af\" stroke-width=\"1\"/>");
            svg.Append(inv, $"<line x1=\"{left:0.#}\" y1=\"{top + plotHeight:0.#}\" x2=\"{left + plotWidth:0.#}\" y2=\"{top + plotHeight:0.#}\" stroke=\"#9ca3af\" stroke-width=\"1\"/>");
            svg.Append(inv, $"<text x=\"{left - 4:0.#}\" y=\"{top + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{WebUtility.HtmlEncode(MeasureRules.Format(max, unit))}</text>");
            svg.Append(inv, $"<text x=\"{left - 4:0.#}\" y=\"{top + plotHeight:0.#}\" font-size=\"10\" text-anchor=\"end\">{WebUtility.HtmlEncode(MeasureRules.Format(min, unit))}</text>");
            for (var i = 0; i < points.Count; i++)
            {
                if (points.Count > 6 && i % 2 == 1 && i != points.Count - 1) continue;
                svg.Append(inv, $"<text x=\"{X(i):0.#}\" y=\"{height - 6:0.#}\" font-size=\"9\" text-anchor=\"middle\">{points[i].PeriodEnd.ToString("MMM yy", inv)}</text>");
            }
        }
        if (target is { } goal)
        {
            svg.Append(inv, $"<line class=\"target\" x1=\"{left:0.#}\" y1=\"{Y(goal):0.##}\" x2=\"{left + plotWidth:0.#}\" y2=\"{Y(goal):0.##}\" stroke=\"#374151\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>");
        }
        // Consecutive values form a line; a period without a value breaks it.
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count > 1) svg.Append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.5\" points=\"").Append(string.Join(' ', segment)).Append("\"/>");
            segment.Clear();
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v) segment.Add(string.Create(inv, $"{X(i):0.##},{Y(v):0.##}"));
            else Flush();
        }
        Flush();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } v) continue;
            var last = i == points.Count - 1;
            if (!detailed && !last) continue;
            svg.Append(inv, $"<circle cx=\"{X(i):0.##}\" cy=\"{Y(v):0.##}\" r=\"{(last ? 3 : 2)}\" fill=\"{Colour(points[i].Status)}\"/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
