namespace Attest.Documents;

/// <summary>
/// A readable document to export (the ISMS scope document, a policy, a report), described as plain
/// blocks so that every output format lays it out in its own way from the same content.
/// </summary>
/// <param name="Title">Shown at the top of the first page and in every page footer.</param>
/// <param name="Subtitle">Optional line under the title, for example the organization or version.</param>
/// <param name="Blocks">The body, in reading order.</param>
public sealed record PrintableDocument(string Title, string? Subtitle, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>
    /// Print on landscape pages, for wide tables such as the Statement of Applicability; portrait by default.
    /// </summary>
    public bool Landscape { get; init; }
}

/// <summary>One piece of a <see cref="PrintableDocument"/> body.</summary>
public abstract record DocumentBlock;

/// <summary>A section heading.</summary>
/// <param name="Text">The heading text.</param>
/// <param name="Level">1 for a section, 2 for a subsection; other values are treated as the nearest of the two.</param>
public sealed record Heading(string Text, int Level) : DocumentBlock;

/// <summary>Plain text, wrapped to the page width.</summary>
/// <param name="Text">The text; <c>\n</c> starts a new line.</param>
public sealed record Paragraph(string Text) : DocumentBlock;

/// <summary>An unordered list; each item is wrapped and indented under its bullet.</summary>
/// <param name="Items">The item texts, in order.</param>
public sealed record BulletList(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>A two-column table of labelled values: the key in bold on the left, the value wrapped on the right.</summary>
/// <param name="Rows">The rows, in order.</param>
public sealed record KeyValueTable(IReadOnlyList<(string Key, string Value)> Rows) : DocumentBlock;

/// <summary>
/// A table with a header row and any number of columns. Each cell is wrapped within its column; the header
/// is repeated at the top of every page the table continues on.
/// </summary>
/// <param name="Headers">The column headings; their count sets the number of columns.</param>
/// <param name="Rows">The body rows, in order; each has one cell per column.</param>
/// <param name="ColumnWeights">
/// One positive number per column; columns share the available width in proportion to them.
/// </param>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> ColumnWeights)
    : DocumentBlock;

/// <summary>
/// A line chart drawn with vector paths (no bitmap): a value axis labelled with its bounds, the points joined in order — a point
/// without a value breaks the line —, and an optional target drawn as a dashed line.
/// </summary>
/// <param name="Title">Printed above the chart.</param>
/// <param name="Points">The series in order, each with the label printed under it (e.g. "Oct 26") and its value, if any.</param>
/// <param name="Target">Drawn as a dashed horizontal line; null draws none.</param>
/// <param name="Unit">Appended to the axis values, e.g. "%" or "h"; empty for plain numbers.</param>
public sealed record LineChart(string Title, IReadOnlyList<(string Label, double? Value)> Points, double? Target = null, string Unit = "") : DocumentBlock;
