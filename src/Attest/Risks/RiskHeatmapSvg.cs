using System.Globalization;
using System.Net;
using System.Text;

namespace Attest.Risks;

/// <summary>
/// Draws a heatmap as SVG on the server: likelihood up the side (highest at the top), impact along the bottom, each cell in its level's
/// colour with the number of risks in it. Every cell with risks is a link to the register filtered to that cell, and every cell carries a
/// text label ("Likely × Major: High, 3 risks") so the map reads without colour.
/// </summary>
/// <remarks>Presentation attributes only (the Content-Security-Policy forbids inline styles); the same map always gives the same bytes.</remarks>
public static class RiskHeatmapSvg
{
    private const int Cell = 56;
    private const int Left = 118;
    private const int Top = 34;
    private const int Bottom = 62;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="map">The counts to draw.</param>
    /// <param name="title">The map's title, e.g. "Residual risk".</param>
    /// <param name="linkFor">The register address for a likelihood × impact cell (escaped here; return it unescaped).</param>
    public static string Render(Heatmap map, string title, Func<int, int, string> linkFor)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(linkFor);
        var d = map.Definition;
        var columns = d.Impact.Count;
        var rows = d.Likelihood.Count;
        var width = Left + columns * Cell + 12;
        var height = Top + rows * Cell + Bottom;
        var id = "heatmap-" + map.Rating.ToString().ToLowerInvariant();
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        svg.Append(Invariant, $"<title id=\"{id}-title\">{E(title)}: {map.Placed} risk(s) by likelihood and impact (methodology v{map.MethodologyNumber})</title>\n");
        svg.Append(Invariant, $"<text x=\"{Left}\" y=\"20\" font-weight=\"600\" font-size=\"14\" aria-hidden=\"true\">{E(title)}</text>\n");
        for (var l = rows; l >= 1; l--)
        {
            var y = Top + (rows - l) * Cell;
            svg.Append(Invariant, $"<text x=\"{Left - 8}\" y=\"{y + Cell / 2 + 4}\" text-anchor=\"end\" aria-hidden=\"true\">{l} {E(Short(d.Likelihood[l - 1].Label))}</text>\n");
            for (var i = 1; i <= columns; i++)
            {
                var x = Left + (i - 1) * Cell;
                var level = d.Levels[d.LevelOf(l, i)];
                var count = map.CountAt(l, i);
                var label = $"Likelihood {l} {d.Likelihood[l - 1].Label} × impact {i} {d.Impact[i - 1].Label}: {level.Name}, {count} risk{(count == 1 ? "" : "s")}";
                var rect = $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{Cell - 2}\" height=\"{Cell - 2}\" rx=\"4\" fill=\"{E(level.Colour)}\" fill-opacity=\"{(count > 0 ? "0.9" : "0.35")}\"/>";
                var text = count > 0
                    ? $"<text x=\"{x + Cell / 2}\" y=\"{y + Cell / 2 + 6}\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"700\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"0.6\" paint-order=\"stroke\" aria-hidden=\"true\">{count}</text>"
                    : "";
                if (count > 0)
                {
                    svg.Append(Invariant, $"<a href=\"{E(linkFor(l, i))}\" aria-label=\"{E(label)}\" class=\"heatmap-cell\"><title>{E(label)}</title>{rect}{text}</a>\n");
                }
                else
                {
                    svg.Append(Invariant, $"<g role=\"img\" aria-label=\"{E(label)}\"><title>{E(label)}</title>{rect}</g>\n");
                }
            }
        }
        var axisY = Top + rows * Cell;
        for (var i = 1; i <= columns; i++)
        {
            var x = Left + (i - 1) * Cell + Cell / 2;
            svg.Append(Invariant, $"<text x=\"{x}\" y=\"{axisY + 16}\" text-anchor=\"middle\" aria-hidden=\"true\">{i}</text>\n");
            svg.Append(Invariant, $"<text x=\"{x}\" y=\"{axisY + 30}\" text-anchor=\"middle\" font-size=\"10\" aria-hidden=\"true\">{E(Short(d.Impact[i - 1].Label))}</text>\n");
        }
        svg.Append(Invariant, $"<text x=\"{Left + columns * Cell / 2}\" y=\"{axisY + 50}\" text-anchor=\"middle\" font-weight=\"600\" aria-hidden=\"true\">Impact →</text>\n");
        svg.Append(Invariant, $"<text x=\"14\" y=\"{Top + rows * Cell / 2}\" text-anchor=\"middle\" font-weight=\"600\" transform=\"rotate(-90 14 {Top + rows * Cell / 2})\" aria-hidden=\"true\">Likelihood →</text>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Short(string label) => label.Length <= 14 ? label : label[..13] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
