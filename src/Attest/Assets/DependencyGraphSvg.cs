using System.Globalization;
using System.Text;
using System.Xml;

namespace Attest.Assets;

/// <summary>
/// Draws an asset's neighbourhood (<see cref="AssetQueries.NeighbourhoodAsync"/>) as a self-contained SVG: the asset in
/// the middle, what it depends on to the right, what depends on it to the left, the second step further out; each asset
/// a link to its page, each dependency an arrow with a short label.
/// </summary>
/// <remarks>
/// The site's Content-Security-Policy forbids inline styles, so the drawing uses presentation attributes and the
/// classes <c>graph-node</c>, <c>graph-centre</c>, <c>graph-edge</c> and <c>graph-label</c> only; the stylesheet may
/// restyle those. Layout is a fixed grid rather than a force simulation so that the same graph always gives the same
/// bytes, and a reader finds the same asset in the same place on every visit.
/// </remarks>
public static class DependencyGraphSvg
{
    /// <summary>At most this many assets are drawn (the centre and the nearest others); the description says how many were left out.</summary>
    public const int MaxNodes = 30;

    private const double NodeWidth = 176;
    private const double NodeHeight = 46;
    private const double ColumnGap = 112;
    private const double RowGap = 18;
    private const double Margin = 16;
    private const double Padding = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The SVG markup of <paramref name="graph"/> around <paramref name="centre"/>.</summary>
    /// <param name="graph">The neighbourhood; nodes beyond <see cref="MaxNodes"/> are left out, nearest first.</param>
    /// <param name="centre">The asset the graph is about; it must be one of the nodes.</param>
    /// <param name="linkFor">The address of an asset's page (escaped here; return it unescaped).</param>
    /// <exception cref="ArgumentException">The centre is not one of the graph's nodes.</exception>
    public static string Render(AssetQueries.Graph graph, Guid centre, Func<Guid, string> linkFor)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(linkFor);
        var all = graph.Nodes.DistinctBy(n => n.Id).ToList();
        var centreNode = all.FirstOrDefault(n => n.Id == centre) ?? throw new ArgumentException("The centre asset is not one of the graph's nodes.", nameof(centre));
        var nodes = all.Where(n => n.Id != centre).OrderBy(n => n.Hops).ThenBy(n => n, NodeOrder).Take(MaxNodes - 1).Prepend(centreNode).ToList();
        var kept = nodes.ToDictionary(n => n.Id);
        var edges = graph.Edges.Where(e => e.From != e.To && kept.ContainsKey(e.From) && kept.ContainsKey(e.To)).Distinct().ToList();

        var place = Layout(nodes, edges, centre);
        var (boxes, width, height) = Position(place);

        // Edges in reading order: left to right, top to bottom, so the markup (and the description) never depends on query order.
        var ordered = edges
            .OrderBy(e => Math.Min(boxes[e.From].Column, boxes[e.To].Column)).ThenBy(e => boxes[e.From].Y).ThenBy(e => boxes[e.To].Y).ThenBy(e => e.Kind)
            .ThenBy(e => e.From).ThenBy(e => e.To)
            .ToList();

        var id = "graph-" + centre.ToString("N");
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\" font-family=\"system-ui, sans-serif\">\n");
        svg.Append("<title id=\"").Append(id).Append("-title\">").Append(Escape($"Dependencies of {Clean(centreNode.Name)}")).Append("</title>\n");
        svg.Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(Describe(centreNode, nodes, ordered, kept, all.Count))).Append("</desc>\n");
        svg.Append("<defs><marker id=\"").Append(id).Append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#5b6770\"/></marker></defs>\n");

        svg.Append("<g>\n");
        var drawnBetween = new Dictionary<(Guid, Guid), int>();
        foreach (var edge in ordered)
        {
            var from = boxes[edge.From];
            var to = boxes[edge.To];
            double x1, x2, c1, c2;
            if (from.Column == to.Column)
            {
                // Two assets in one column: bow out to the right of both.
                x1 = from.X + NodeWidth;
                x2 = to.X + NodeWidth;
                c1 = x1 + 40;
                c2 = x2 + 40;
            }
            else
            {
                var rightwards = from.Column < to.Column;
                x1 = rightwards ? from.X + NodeWidth : from.X;
                x2 = rightwards ? to.X : to.X + NodeWidth;
                var bend = (rightwards ? 1 : -1) * ColumnGap / 2;
                c1 = x1 + bend;
                c2 = x2 - bend;
            }
            var y1 = from.Y + NodeHeight / 2;
            var y2 = to.Y + NodeHeight / 2;
            // Several dependencies between the same two assets share a path; their labels stack instead of overprinting.
            var pair = edge.From.CompareTo(edge.To) < 0 ? (edge.From, edge.To) : (edge.To, edge.From);
            var nth = drawnBetween.GetValueOrDefault(pair);
            drawnBetween[pair] = nth + 1;
            var labelX = (x1 + 3 * c1 + 3 * c2 + x2) / 8;
            var labelY = (y1 + y2) / 2 - 4 + nth * 13;
            var label = Label(edge.Kind);
            svg.Append("<g>");
            svg.Append("<path class=\"graph-edge\" d=\"M ").Append(N(x1)).Append(' ').Append(N(y1))
                .Append(" C ").Append(N(c1)).Append(' ').Append(N(y1)).Append(", ").Append(N(c2)).Append(' ').Append(N(y2)).Append(", ").Append(N(x2)).Append(' ').Append(N(y2))
                .Append("\" fill=\"none\" stroke=\"#5b6770\" stroke-width=\"1.5\" marker-end=\"url(#").Append(id).Append("-arrow)\"/>");
            svg.Append("<text class=\"graph-label\" x=\"").Append(N(labelX)).Append("\" y=\"").Append(N(labelY))
                .Append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#33414d\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
                .Append(Escape(label)).Append("</text>");
            svg.Append("</g>\n");
        }
        svg.Append("</g>\n<g>\n");

        foreach (var node in nodes.OrderBy(n => boxes[n.Id].X).ThenBy(n => boxes[n.Id].Y))
        {
            var box = boxes[node.Id];
            var isCentre = node.Id == centre;
            var name = Clean(node.Name);
            var detail = node.Reference.Length > 0 ? $"{AssetLabels.Of(node.Type)} · {Clean(node.Reference)}" : AssetLabels.Of(node.Type);
            svg.Append("<a href=\"").Append(Escape(linkFor(node.Id))).Append('"').Append(isCentre ? " aria-current=\"page\"" : "").Append('>');
            svg.Append("<title>").Append(Escape($"{name} ({detail})")).Append("</title>");
            svg.Append("<g class=\"").Append(isCentre ? "graph-node graph-centre" : "graph-node").Append("\">");
            svg.Append("<rect x=\"").Append(N(box.X)).Append("\" y=\"").Append(N(box.Y)).Append("\" width=\"").Append(N(NodeWidth)).Append("\" height=\"").Append(N(NodeHeight))
                .Append("\" rx=\"6\" ry=\"6\" fill=\"").Append(isCentre ? "#e8f0fa" : "#ffffff").Append("\" stroke=\"").Append(isCentre ? "#1f5f99" : "#5b6770")
                .Append("\" stroke-width=\"").Append(isCentre ? "2" : "1").Append("\"/>");
            svg.Append("<text x=\"").Append(N(box.X + Padding)).Append("\" y=\"").Append(N(box.Y + 19)).Append("\" font-size=\"13\" font-weight=\"600\" fill=\"#1a1a1a\">")
                .Append(Escape(Fit(name, 13, bold: true, NodeWidth - 2 * Padding))).Append("</text>");
            svg.Append("<text x=\"").Append(N(box.X + Padding)).Append("\" y=\"").Append(N(box.Y + 36)).Append("\" font-size=\"11\" fill=\"#4a5560\">")
                .Append(Escape(Fit(detail, 11, bold: false, NodeWidth - 2 * Padding))).Append("</text>");
            svg.Append("</g></a>\n");
        }
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    /// <summary>The short label an arrow carries, read from its tail: "uses", "trained on", "runs on", "processes", "depends on".</summary>
    public static string Label(DependencyKind kind) => kind switch
    {
        DependencyKind.Uses => "uses",
        DependencyKind.TrainedOn => "trained on",
        DependencyKind.RunsOn => "runs on",
        DependencyKind.Processes => "processes",
        _ => "depends on",
    };

    /// <summary>Within a column: by type, then name, reference and id (ordinal), so ties never fall to query order.</summary>
    private static readonly Comparer<AssetQueries.GraphNode> NodeOrder = Comparer<AssetQueries.GraphNode>.Create((a, b) =>
    {
        var order = a.Type.CompareTo(b.Type);
        if (order == 0) order = string.CompareOrdinal(a.Name, b.Name);
        if (order == 0) order = string.CompareOrdinal(a.Reference, b.Reference);
        return order != 0 ? order : a.Id.CompareTo(b.Id);
    });

    /// <summary>
    /// Column and row of every node, and the first-step node a second-step node hangs from. The centre is column 0; a
    /// first-step asset the centre depends on goes to column 1, one that depends on the centre to column -1; a second-step
    /// asset goes one column further out on the side of the first-step asset it hangs from, so that arrows rarely cross.
    /// </summary>
    private static Dictionary<Guid, (int Column, int Row, Guid? Via)> Layout(List<AssetQueries.GraphNode> nodes, List<AssetQueries.GraphEdge> edges, Guid centre)
    {
        var column = new Dictionary<Guid, int> { [centre] = 0 };
        var via = new Dictionary<Guid, Guid?>();
        var place = new Dictionary<Guid, (int Column, int Row, Guid? Via)> { [centre] = (0, 0, null) };

        var first = nodes.Where(n => n.Id != centre && n.Hops <= 1).ToList();
        var further = nodes.Where(n => n.Id != centre && n.Hops > 1).ToList();
        foreach (var node in first)
        {
            var dependsOnIt = !edges.Any(e => e.From == centre && e.To == node.Id) && edges.Any(e => e.From == node.Id && e.To == centre);
            column[node.Id] = dependsOnIt ? -1 : 1;
        }
        Rows(first, place, column, _ => (0, null));

        foreach (var node in further)
        {
            // Hang it from the first-step neighbour drawn highest (the graph gives it at least one); failing that, beside the first step.
            var anchor = edges.Where(e => e.From == node.Id || e.To == node.Id).Select(e => e.From == node.Id ? e.To : e.From)
                .Where(other => other != centre && place.ContainsKey(other))
                .OrderBy(other => place[other].Row).ThenBy(other => place[other].Column)
                .Select(other => (Guid?)other).FirstOrDefault();
            column[node.Id] = anchor is { } a ? 2 * Math.Sign(column[a]) : edges.Any(e => e.From == node.Id && e.To == centre) ? -1 : 1;
            via[node.Id] = anchor;
        }
        Rows(further, place, column, n => via[n.Id] is { } a ? (place[a].Row, a) : (int.MaxValue, null));
        return place;
    }

    private static void Rows(List<AssetQueries.GraphNode> nodes, Dictionary<Guid, (int Column, int Row, Guid? Via)> place, Dictionary<Guid, int> column,
        Func<AssetQueries.GraphNode, (int Row, Guid? Via)> anchor)
    {
        foreach (var group in nodes.GroupBy(n => column[n.Id]))
        {
            var row = place.Values.Count(p => p.Column == group.Key);
            foreach (var node in group.OrderBy(n => anchor(n).Row).ThenBy(n => anchor(n).Via).ThenBy(n => n, NodeOrder))
            {
                place[node.Id] = (group.Key, row++, anchor(node).Via);
            }
        }
    }

    /// <summary>
    /// Boxes in points. The inner three columns are centred on the tallest of them; a second-step node sits level with
    /// the node it hangs from (its siblings spread around it), pushed down only as far as needed not to overlap.
    /// </summary>
    private static (Dictionary<Guid, (double X, double Y, int Column)> Boxes, double Width, double Height) Position(
        Dictionary<Guid, (int Column, int Row, Guid? Via)> place)
    {
        const double step = NodeHeight + RowGap;
        var columns = place.Values.Select(p => p.Column).Distinct().Order().ToList();
        double X(int column) => Margin + columns.IndexOf(column) * (NodeWidth + ColumnGap);
        var inner = place.Where(p => Math.Abs(p.Value.Column) <= 1).ToList();
        var tallest = inner.GroupBy(p => p.Value.Column).Max(g => g.Count());
        var height = 2 * Margin + tallest * NodeHeight + (tallest - 1) * RowGap;
        var boxes = new Dictionary<Guid, (double X, double Y, int Column)>();
        foreach (var (id, p) in inner)
        {
            var inColumn = inner.Count(q => q.Value.Column == p.Column);
            boxes[id] = (X(p.Column), (height - (inColumn * NodeHeight + (inColumn - 1) * RowGap)) / 2 + p.Row * step, p.Column);
        }
        foreach (var column in place.Where(p => Math.Abs(p.Value.Column) > 1).GroupBy(p => p.Value.Column))
        {
            var previous = double.NegativeInfinity;
            foreach (var siblings in column.OrderBy(p => p.Value.Row).GroupBy(p => p.Value.Via))
            {
                var list = siblings.ToList();
                var first = boxes[siblings.Key!.Value].Y - (list.Count - 1) * step / 2;
                for (var i = 0; i < list.Count; i++)
                {
                    var y = Math.Max(Math.Max(first + i * step, previous + step), Margin);
                    boxes[list[i].Key] = (X(column.Key), y, column.Key);
                    previous = y;
                }
            }
            height = Math.Max(height, previous + NodeHeight + Margin);
        }
        var width = 2 * Margin + columns.Count * NodeWidth + (columns.Count - 1) * ColumnGap;
        return (boxes, width, height);
    }

    private static string Describe(AssetQueries.GraphNode centre, List<AssetQueries.GraphNode> nodes, List<AssetQueries.GraphEdge> edges,
        Dictionary<Guid, AssetQueries.GraphNode> byId, int total)
    {
        var text = new StringBuilder();
        text.Append(Clean(centre.Name)).Append(" (").Append(AssetLabels.Of(centre.Type)).Append(')');
        if (edges.Count == 0) return text.Append(" has no recorded dependencies.").ToString();
        text.Append(" and the assets linked to it, up to two steps away: ")
            .Append(nodes.Count.ToString(Invariant)).Append(nodes.Count == 1 ? " asset" : " assets").Append(", ")
            .Append(edges.Count.ToString(Invariant)).Append(edges.Count == 1 ? " dependency." : " dependencies.");
        if (total > nodes.Count) text.Append(" Showing the nearest ").Append(nodes.Count.ToString(Invariant)).Append(" of ").Append(total.ToString(Invariant)).Append(" assets.");
        // What the centre depends on, then what depends on it, then the rest.
        foreach (var edge in edges.OrderBy(e => e.From == centre.Id ? 0 : e.To == centre.Id ? 1 : 2))
        {
            text.Append(' ').Append(Clean(byId[edge.From].Name)).Append(' ').Append(Label(edge.Kind)).Append(' ').Append(Clean(byId[edge.To].Name)).Append('.');
        }
        return text.ToString();
    }

    /// <summary>
    /// Shortens <paramref name="text"/> with an ellipsis so that it fits <paramref name="width"/> points at
    /// <paramref name="fontSize"/>, cutting at a word break where one is near and never inside a surrogate pair. The
    /// width is estimated from typical sans-serif glyph widths: the browser's font is unknown here, so this errs wide.
    /// </summary>
    internal static string Fit(string text, double fontSize, bool bold, double width)
    {
        var scale = fontSize * (bold ? 1.08 : 1);
        double Measure(string value) => value.Sum(c => GlyphWidth(c)) * scale;
        if (Measure(text) <= width) return text;
        var room = width - GlyphWidth('…') * scale;
        var cut = 0;
        for (var used = 0.0; cut < text.Length && used + GlyphWidth(text[cut]) * scale <= room; cut++) used += GlyphWidth(text[cut]) * scale;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        var space = text.LastIndexOf(' ', Math.Max(cut - 1, 0));
        if (space >= cut / 2 && space > 0) cut = space;
        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>Approximate advance widths in em of a sans-serif face (Helvetica-like), by character class.</summary>
    private static double GlyphWidth(char c) => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' => 0.28,
        ' ' or 'f' or 't' or 'r' or 'I' or '(' or ')' or '[' or ']' or '-' or '/' => 0.36,
        'm' or 'w' or 'M' or 'W' or '@' or '%' => 0.92,
        >= 'A' and <= 'Z' => 0.72,
        >= '0' and <= '9' or >= 'a' and <= 'z' => 0.58,
        < '\u0080' => 0.6,
        >= '\u2e80' => 1.0,
        _ => 0.7,
    };

    /// <summary>One line of text that XML can carry: line breaks and tabs become spaces, characters XML forbids are dropped.</summary>
    internal static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\r' or '\t')
            {
                if (clean.Length > 0 && clean[^1] != ' ') clean.Append(' ');
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString().Trim();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in Clean(text))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static string N(double value) => value.ToString("0.##", Invariant);
}
