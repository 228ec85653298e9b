using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Attest.Documents;

/// <summary>
/// Writes a <see cref="PrintableDocument"/> as a PDF 1.7 file: A4 pages (portrait, or landscape when the document
/// asks for it), Helvetica text, automatic page breaks and a footer with the title, page number and generation
/// time on every page.
/// </summary>
/// <remarks>
/// Only the standard Helvetica and Helvetica-Bold fonts are used, so nothing is embedded and the output stays
/// small; the price is that text is limited to the Windows-1252 (WinAnsi) character set and any other
/// character is printed as <c>?</c>. The same document and time always give the same bytes.
/// </remarks>
public static class PdfDocumentWriter
{
    /// <summary>Renders <paramref name="document"/> and returns the bytes of the PDF file.</summary>
    /// <param name="document">What to render.</param>
    /// <param name="generatedAt">Printed in the footer (in UTC) and stored as the creation date.</param>
    /// <returns>A complete PDF file.</returns>
    /// <exception cref="ArgumentNullException">The document, its title, its block list or one of its blocks is null.</exception>
    /// <exception cref="NotSupportedException">A block is of a type this writer does not know.</exception>
    /// <exception cref="ArgumentException">A <see cref="Table"/> has rows or weights that do not match its headers.</exception>
    public static byte[] Write(PrintableDocument document, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Title);
        ArgumentNullException.ThrowIfNull(document.Blocks);

        var layout = new PdfLayout(document.Landscape);
        layout.Render(document);
        var pages = layout.Finish(document.Title, generatedAt);
        return PdfFile.Build(pages, layout.PageWidth, layout.PageHeight, document.Title, document.Subtitle, generatedAt);
    }
}

/// <summary>The two standard fonts the writer uses.</summary>
internal enum PdfFont
{
    Helvetica,
    HelveticaBold,
}

/// <summary>Character set, glyph widths and line breaking for the standard Helvetica fonts.</summary>
internal static class PdfText
{
    // Advance widths in 1/1000 em from Adobe's Helvetica and Helvetica-Bold AFM files, indexed by
    // WinAnsi code minus 32 (codes 32..255). Zero marks codes that WinAnsi leaves undefined.
    // Layout must use these real widths: a guess would let lines run past the margin or wrap too early.
    private static readonly short[] HelveticaWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 112
        556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128
        0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240
    ];

    private static readonly short[] HelveticaBoldWidths =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 112
        556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128
        0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240
    ];

    /// <summary>The PDF resource name under which each font is registered on every page.</summary>
    public static string ResourceName(PdfFont font) => font == PdfFont.HelveticaBold ? "F2" : "F1";

    /// <summary>
    /// Maps a character to its WinAnsiEncoding code. WinAnsi is Latin-1 except that 0x80..0x9F hold
    /// typographic characters (dashes, curly quotes, bullet, euro) instead of control codes.
    /// </summary>
    public static bool TryEncode(char c, out byte code)
    {
        int value = c switch
        {
            >= ' ' and <= '~' => c,
            >= '\u00A0' and <= '\u00FF' => c,
            '\u20AC' => 0x80,
            '\u201A' => 0x82,
            '\u0192' => 0x83,
            '\u201E' => 0x84,
            '\u2026' => 0x85,
            '\u2020' => 0x86,
            '\u2021' => 0x87,
            '\u02C6' => 0x88,
            '\u2030' => 0x89,
            '\u0160' => 0x8A,
            '\u2039' => 0x8B,
            '\u0152' => 0x8C,
            '\u017D' => 0x8E,
            '\u2018' => 0x91,
            '\u2019' => 0x92,
            '\u201C' => 0x93,
            '\u201D' => 0x94,
            '\u2022' => 0x95,
            '\u2013' => 0x96,
            '\u2014' => 0x97,
            '\u02DC' => 0x98,
            '\u2122' => 0x99,
            '\u0161' => 0x9A,
            '\u203A' => 0x9B,
            '\u0153' => 0x9C,
            '\u017E' => 0x9E,
            '\u0178' => 0x9F,
            _ => -1,
        };
        code = value < 0 ? (byte)0 : (byte)value;
        return value >= 0;
    }

    /// <summary>
    /// Reduces text to what the fonts can show: line breaks become <c>\n</c>, tabs become spaces, invisible
    /// formatting characters are dropped, ≥ ≤ ≠ become >= <= != and every other character outside WinAnsi becomes one <c>?</c>.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Whole code points first: an emoji is one character to the reader, so it must become one '?',
        // and lone surrogates must go before Normalize, which rejects them.
        var runes = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp) runes.Append((char)rune.Value);
            else runes.Append('?');
        }

        // Text pasted from macOS or some editors has accents as separate combining marks; composing them
        // keeps "é" printable instead of turning it into "e?".
        var composed = runes.ToString().Normalize(NormalizationForm.FormC);

        var result = new StringBuilder(composed.Length);
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < composed.Length && composed[i + 1] == '\n') i++;
                    result.Append('\n');
                    break;
                case '\n':
                    result.Append('\n');
                    break;
                case '\t':
                    result.Append(' ');
                    break;
                // Invisible to the author, so printing them as '?' would garble text that looks clean;
                // WinAnsi's soft hyphen would even print as a visible hyphen.
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                // Comparison signs of targets ("≥ 99.9 %") have no WinAnsi glyph; their two-character forms read the same.
                case '\u2265':
                    result.Append(">=");
                    break;
                case '\u2264':
                    result.Append("<=");
                    break;
                case '\u2260':
                    result.Append("!=");
                    break;
                default:
                    result.Append(TryEncode(c, out _) ? c : '?');
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Width in points of sanitized text set in <paramref name="font"/> at <paramref name="fontSize"/>.</summary>
    public static double MeasureWidth(string text, PdfFont font, double fontSize) =>
        MeasureUnits(text, font) * fontSize / 1000.0;

    /// <summary>Width in 1/1000 em; integers keep the line-fitting comparisons exact.</summary>
    private static int MeasureUnits(string text, PdfFont font)
    {
        var total = 0;
        foreach (var c in text) total += GlyphUnits(c, font);
        return total;
    }

    private static int GlyphUnits(char c, PdfFont font)
    {
        // Unsanitized input can reach here only through a bug; measuring it as '?' keeps the layout
        // consistent with what Sanitize would have printed.
        if (!TryEncode(c, out var code)) code = (byte)'?';
        var widths = font == PdfFont.HelveticaBold ? HelveticaBoldWidths : HelveticaWidths;
        return widths[code - 32];
    }

    /// <summary>
    /// Sanitizes <paramref name="text"/> and breaks it into lines no wider than <paramref name="maxWidth"/>
    /// points. Breaks go between words; <c>\n</c> forces a break; runs of spaces collapse to one; a word
    /// wider than the line is cut between characters, since overflowing the margin would clip it.
    /// An empty input line yields one empty line, so blank lines survive.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, PdfFont font, double fontSize, double maxWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fontSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);

        // Compare in font units so a line that fits exactly is not pushed to the next line by rounding.
        var maxUnits = (int)Math.Floor(maxWidth * 1000.0 / fontSize + 1e-9);
        var lines = new List<string>();
        foreach (var hardLine in Sanitize(text).Split('\n'))
            WrapLine(hardLine, font, maxUnits, lines);
        return lines;
    }

    private static void WrapLine(string line, PdfFont font, int maxUnits, List<string> lines)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add("");
            return;
        }

        var spaceUnits = GlyphUnits(' ', font);
        var current = new StringBuilder();
        var currentUnits = 0;

        foreach (var word in words)
        {
            var wordUnits = MeasureUnits(word, font);
            if (current.Length > 0 && currentUnits + spaceUnits + wordUnits <= maxUnits)
            {
                current.Append(' ').Append(word);
                currentUnits += spaceUnits + wordUnits;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
                currentUnits = 0;
            }

            if (wordUnits <= maxUnits)
            {
                current.Append(word);
                currentUnits = wordUnits;
                continue;
            }

            foreach (var c in word)
            {
                var charUnits = GlyphUnits(c, font);
                // A line always takes at least one character, or a column narrower than a glyph would loop forever.
                if (current.Length > 0 && currentUnits + charUnits > maxUnits)
                {
                    var carry = SeparatorCarry(current, font, charUnits, maxUnits);
                    current.Length -= carry.Length;
                    lines.Add(current.ToString());
                    current.Clear().Append(carry);
                    currentUnits = MeasureUnits(carry, font);
                }

                current.Append(c);
                currentUnits += charUnits;
            }
        }

        lines.Add(current.ToString());
    }

    /// <summary>
    /// The tail of an over-long word piece that should move to the next line so the cut falls just after a
    /// separator: URLs and paths split at "/" stay readable, where a cut mid-name does not. Only a cut in
    /// the back half of the piece is worth it; otherwise the line would end far short of the margin.
    /// </summary>
    private static string SeparatorCarry(StringBuilder piece, PdfFont font, int nextCharUnits, int maxUnits)
    {
        for (var i = piece.Length - 2; i >= piece.Length / 2; i--)
        {
            if (!BreakAfter.Contains(piece[i])) continue;
            var carry = piece.ToString(i + 1, piece.Length - i - 1);
            return MeasureUnits(carry, font) + nextCharUnits <= maxUnits ? carry : "";
        }

        return "";
    }

    private const string BreakAfter = "/\\-_.?&=#:;,";

    /// <summary>
    /// Writes sanitized text as a PDF literal string. Parentheses and backslashes are escaped because they
    /// delimit and escape the string; codes outside printable ASCII use octal escapes so that content
    /// streams stay plain ASCII and their byte length is simply their character count.
    /// </summary>
    public static void AppendLiteral(StringBuilder output, string text)
    {
        output.Append('(');
        foreach (var c in text)
        {
            if (!TryEncode(c, out var code)) code = (byte)'?';
            if (code is (byte)'(' or (byte)')' or (byte)'\\')
                output.Append('\\').Append((char)code);
            else if (code is >= 32 and <= 126)
                output.Append((char)code);
            else
                output.Append('\\').Append(Convert.ToString(code, 8).PadLeft(3, '0'));
        }

        output.Append(')');
    }

    /// <summary>PDF number syntax allows no exponent and needs a period as decimal separator whatever the culture.</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        // Avoid "-0", which is legal but makes otherwise identical output differ.
        if (rounded == 0) rounded = 0;
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}

/// <summary>Flows document blocks onto A4 pages and produces one content stream per page.</summary>
internal sealed class PdfLayout
{
    public const double A4ShortSide = 595.28;
    public const double A4LongSide = 841.89;
    public const double Margin = 50;
    public const double ContentBottom = Margin;
    public const double FooterBaseline = 30;

    private const double BodySize = 10;
    private const double BodyLeading = 14;
    private const double BlockGap = 8;
    private const double BulletIndent = 16;
    private const double TableKeyShare = 0.32;
    private const double TableGutter = 12;
    private const double TableLeading = 13;
    private const double TableCellPadding = 4;

    // Multi-column tables are usually dense, so they are set a size smaller than body text.
    private const double GridSize = 8.5;
    private const double GridLeading = 11;
    private const double GridCellPaddingX = 4;
    private const double GridCellPaddingY = 3.5;
    private const double HeaderFill = 0.9;

    private const double Black = 0;
    private const double Grey = 0.35;
    private const double RuleGrey = 0.75;

    private readonly List<StringBuilder> _pages = [];
    private StringBuilder _page = new();
    private double _y;
    private bool _pageIsEmpty;

    public PdfLayout(bool landscape = false)
    {
        PageWidth = landscape ? A4LongSide : A4ShortSide;
        PageHeight = landscape ? A4ShortSide : A4LongSide;
        StartPage();
    }

    public double PageWidth { get; }
    public double PageHeight { get; }
    private double ContentWidth => PageWidth - 2 * Margin;
    private double ContentTop => PageHeight - Margin;

    public void Render(PrintableDocument document)
    {
        RenderTitle(document.Title, document.Subtitle);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    RenderHeading(heading);
                    break;
                case Paragraph paragraph:
                    RenderParagraph(paragraph);
                    break;
                case BulletList list:
                    RenderBulletList(list);
                    break;
                case KeyValueTable table:
                    RenderTable(table);
                    break;
                case Table table:
                    RenderGrid(table);
                    break;
                case LineChart chart:
                    RenderChart(chart);
                    break;
                case null:
                    throw new ArgumentNullException(nameof(document), "The document contains a null block.");
                default:
                    throw new NotSupportedException($"Document block type {block.GetType().Name} is not supported by the PDF writer.");
            }
        }
    }

    /// <summary>
    /// Adds the footers and returns the content streams. Footers come last because "page N of M" needs the
    /// final page count.
    /// </summary>
    public IReadOnlyList<string> Finish(string title, DateTimeOffset generatedAt)
    {
        var generated = "Generated " +
            generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        const double footerSize = 8;
        var generatedWidth = PdfText.MeasureWidth(generated, PdfFont.Helvetica, footerSize);
        var footerTitle = PdfText.Sanitize(title).Replace('\n', ' ');

        for (var i = 0; i < _pages.Count; i++)
        {
            _page = _pages[i];
            var suffix = $" \u2014 page {i + 1} of {_pages.Count}";
            // The page number must always show, so only the title gives way, keeping a visible gap before the date.
            var room = ContentWidth - generatedWidth - 24 - PdfText.MeasureWidth(suffix, PdfFont.Helvetica, footerSize);
            var left = Truncate(footerTitle, PdfFont.Helvetica, footerSize, room) + suffix;

            Rule(Margin, PageWidth - Margin, FooterBaseline + 11, 0.5);
            Text(Margin, FooterBaseline, PdfFont.Helvetica, footerSize, Grey, left);
            Text(PageWidth - Margin - generatedWidth, FooterBaseline, PdfFont.Helvetica, footerSize, Grey, generated);
        }

        return _pages.Select(p => p.ToString()).ToList();
    }

    private static string Truncate(string text, PdfFont font, double size, double maxWidth)
    {
        if (PdfText.MeasureWidth(text, font, size) <= maxWidth) return text;
        const string ellipsis = "\u2026";
        var room = maxWidth - PdfText.MeasureWidth(ellipsis, font, size);
        var length = 0;
        var width = 0.0;
        while (length < text.Length)
        {
            var next = PdfText.MeasureWidth(text[length].ToString(), font, size);
            if (width + next > room) break;
            width += next;
            length++;
        }

        return text[..length].TrimEnd() + ellipsis;
    }

    private void RenderTitle(string title, string? subtitle)
    {
        foreach (var line in PdfText.Wrap(title, PdfFont.HelveticaBold, 20, ContentWidth))
            Line(Margin, PdfFont.HelveticaBold, 20, 25, Black, line);

        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            _y -= 2;
            foreach (var line in PdfText.Wrap(subtitle, PdfFont.Helvetica, 12, ContentWidth))
                Line(Margin, PdfFont.Helvetica, 12, 16, Grey, line);
        }

        _y -= 8;
        Rule(Margin, PageWidth - Margin, _y, 0.75);
        _y -= 10;
    }

    private void RenderHeading(Heading heading)
    {
        var (size, leading, before, after) = heading.Level <= 1 ? (15.0, 19.0, 14.0, 5.0) : (12.0, 16.0, 10.0, 3.0);
        var lines = PdfText.Wrap(heading.Text, PdfFont.HelveticaBold, size, ContentWidth);

        if (!_pageIsEmpty) _y -= before;
        // A heading stranded at the foot of a page, with its text on the next, reads as a layout error.
        var keepTogether = lines.Count * leading + after + 2 * BodyLeading;
        if (!_pageIsEmpty && _y - keepTogether < ContentBottom) StartPage();

        foreach (var line in lines) Line(Margin, PdfFont.HelveticaBold, size, leading, Black, line);
        _y -= after;
    }

    private void RenderParagraph(Paragraph paragraph)
    {
        foreach (var line in PdfText.Wrap(paragraph.Text, PdfFont.Helvetica, BodySize, ContentWidth))
            Line(Margin, PdfFont.Helvetica, BodySize, BodyLeading, Black, line);
        _y -= BlockGap;
    }

    private void RenderBulletList(BulletList list)
    {
        if (list.Items.Count == 0) return;
        foreach (var item in list.Items)
        {
            var lines = PdfText.Wrap(item ?? "", PdfFont.Helvetica, BodySize, ContentWidth - BulletIndent);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureRoom(BodyLeading);
                var baseline = Baseline(BodyLeading);
                if (i == 0) Text(Margin + 4, baseline, PdfFont.Helvetica, BodySize, Black, "\u2022");
                Text(Margin + BulletIndent, baseline, PdfFont.Helvetica, BodySize, Black, lines[i]);
                _y -= BodyLeading;
            }

            _y -= 3;
        }

        _y -= BlockGap - 3;
    }

    private void RenderTable(KeyValueTable table)
    {
        if (table.Rows.Count == 0) return;
        var keyWidth = ContentWidth * TableKeyShare;
        var valueX = Margin + keyWidth + TableGutter;
        var valueWidth = ContentWidth - keyWidth - TableGutter;
        var fullPage = ContentTop - ContentBottom;

        var ruleAbove = true;
        foreach (var (key, value) in table.Rows)
        {
            var keyLines = PdfText.Wrap(key ?? "", PdfFont.HelveticaBold, BodySize, keyWidth);
            var valueLines = PdfText.Wrap(value ?? "", PdfFont.Helvetica, BodySize, valueWidth);
            var lineCount = Math.Max(keyLines.Count, valueLines.Count);
            var rowHeight = lineCount * TableLeading + 2 * TableCellPadding;

            // Move a row that would be split to the next page, unless it is too tall for any page.
            if (!_pageIsEmpty && _y - rowHeight < ContentBottom && rowHeight <= fullPage)
            {
                StartPage();
                ruleAbove = true;
            }

            if (ruleAbove) Rule(Margin, PageWidth - Margin, _y, 0.5);
            ruleAbove = false;
            _y -= TableCellPadding;

            for (var i = 0; i < lineCount; i++)
            {
                // The last line also needs room for the cell padding and the rule under the row.
                var needed = TableLeading + (i == lineCount - 1 ? TableCellPadding : 0);
                if (_y - needed < ContentBottom)
                {
                    StartPage();
                    Rule(Margin, PageWidth - Margin, _y, 0.5);
                    _y -= TableCellPadding;
                }

                var baseline = Baseline(TableLeading);
                if (i < keyLines.Count) Text(Margin, baseline, PdfFont.HelveticaBold, BodySize, Black, keyLines[i]);
                if (i < valueLines.Count) Text(valueX, baseline, PdfFont.Helvetica, BodySize, Black, valueLines[i]);
                _pageIsEmpty = false;
                _y -= TableLeading;
            }

            _y -= TableCellPadding;
            Rule(Margin, PageWidth - Margin, _y, 0.5);
        }

        _y -= BlockGap + 4;
    }

    private void RenderGrid(Table table)
    {
        ArgumentNullException.ThrowIfNull(table.Headers);
        ArgumentNullException.ThrowIfNull(table.Rows);
        ArgumentNullException.ThrowIfNull(table.ColumnWeights);
        var columnCount = table.Headers.Count;
        if (columnCount == 0) throw new ArgumentException("A table needs at least one column.", nameof(table));
        if (table.ColumnWeights.Count != columnCount)
            throw new ArgumentException($"The table has {columnCount} headers but {table.ColumnWeights.Count} column weights.", nameof(table));
        if (table.ColumnWeights.Any(w => !(w > 0) || double.IsInfinity(w)))
            throw new ArgumentException("Every column weight must be a positive, finite number.", nameof(table));
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var count = table.Rows[r]?.Count ?? throw new ArgumentException($"Table row {r + 1} is null.", nameof(table));
            if (count != columnCount)
                throw new ArgumentException($"Table row {r + 1} has {count} cells but the table has {columnCount} columns.", nameof(table));
        }

        // Column edges: the weights share the content width exactly, so the last column ends on the margin.
        var totalWeight = table.ColumnWeights.Sum();
        var edges = new double[columnCount + 1];
        edges[0] = Margin;
        for (var c = 0; c < columnCount; c++) edges[c + 1] = edges[c] + ContentWidth * table.ColumnWeights[c] / totalWeight;
        edges[columnCount] = PageWidth - Margin;

        var header = WrapCells(table.Headers, edges, PdfFont.HelveticaBold);
        var headerHeight = GridRowHeight(header);
        // What a page holds under the repeated header; only a row taller than this has to be split.
        var roomUnderHeader = ContentTop - ContentBottom - headerHeight;

        // A header alone at the foot of a page, with its first row on the next, reads as a layout error.
        var first = table.Rows.Count > 0 ? GridRowHeight(WrapCells(table.Rows[0], edges, PdfFont.Helvetica)) : 0;
        if (!_pageIsEmpty && _y - headerHeight - Math.Min(first, roomUnderHeader) < ContentBottom) StartPage();
        GridHeader(header, edges, headerHeight);

        foreach (var row in table.Rows)
        {
            var cells = WrapCells(row, edges, PdfFont.Helvetica);
            var height = GridRowHeight(cells);
            if (_y - height < ContentBottom && height <= roomUnderHeader)
            {
                StartPage();
                GridHeader(header, edges, headerHeight);
            }

            var lineCount = cells.Max(c => c.Count);
            _y -= GridCellPaddingY;
            for (var i = 0; i < lineCount; i++)
            {
                // Only a row too tall for any page gets here without room; it continues under a fresh header.
                var needed = GridLeading + (i == lineCount - 1 ? GridCellPaddingY : 0);
                if (_y - needed < ContentBottom)
                {
                    StartPage();
                    GridHeader(header, edges, headerHeight);
                    _y -= GridCellPaddingY;
                }

                var baseline = Baseline(GridLeading);
                for (var c = 0; c < columnCount; c++)
                {
                    if (i < cells[c].Count && cells[c][i].Length > 0)
                        Text(edges[c] + GridCellPaddingX, baseline, PdfFont.Helvetica, GridSize, Black, cells[c][i]);
                }

                _pageIsEmpty = false;
                _y -= GridLeading;
            }

            _y -= GridCellPaddingY;
            Rule(Margin, PageWidth - Margin, _y, 0.4);
        }

        _y -= BlockGap + 4;
    }

    private const double ChartHeight = 110;
    private const double ChartAxisWidth = 48;
    private const double ChartLabelSize = 7;

    /// <summary>
    /// Draws the chart with path operators: axes as stroked lines, the target as a dashed line ("[3 2] 0 d"), the series as a blue
    /// polyline broken at missing values, and each value as a small filled square. The scale spans the values and the target.
    /// </summary>
    private void RenderChart(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart.Points);
        var titleLines = PdfText.Wrap(chart.Title ?? "", PdfFont.HelveticaBold, BodySize, ContentWidth);
        var height = titleLines.Count * BodyLeading + 4 + ChartHeight + ChartLabelSize + 8;
        EnsureRoom(height);
        foreach (var line in titleLines) Line(Margin, PdfFont.HelveticaBold, BodySize, BodyLeading, Black, line);
        _y -= 4;

        var unit = string.IsNullOrWhiteSpace(chart.Unit) ? "" : (chart.Unit == "%" ? " %" : " " + chart.Unit.Trim());
        var values = chart.Points.Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => p.Value!.Value).ToList();
        if (chart.Target is { } t && double.IsFinite(t)) values.Add(t);
        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        if (max - min < 1e-9) { max += max == 0 ? 1 : Math.Abs(max) * 0.05; min -= min == 0 ? 0 : Math.Abs(min) * 0.05; }

        var left = Margin + ChartAxisWidth;
        var right = PageWidth - Margin - 6;
        var top = _y - 4;
        var bottom = _y - ChartHeight;
        double X(int i) => chart.Points.Count <= 1 ? (left + right) / 2 : left + (right - left) * i / (chart.Points.Count - 1);
        double Y(double v) => bottom + (top - bottom) * (v - min) / (max - min);

        // Axes.
        Path(0.6, "0.45 0.45 0.45 RG", null, [(left, top), (left, bottom), (right, bottom)]);
        Text(Margin, top - ChartLabelSize, PdfFont.Helvetica, ChartLabelSize, Grey, PdfText.Sanitize(Axis(max) + unit));
        Text(Margin, bottom, PdfFont.Helvetica, ChartLabelSize, Grey, PdfText.Sanitize(Axis(min) + unit));

        if (chart.Target is { } target && double.IsFinite(target))
        {
            Path(0.8, "0.2 0.2 0.2 RG", "[3 2] 0 d", [(left, Y(target)), (right, Y(target))]);
            var label = PdfText.Sanitize("target " + Axis(target) + unit);
            Text(right - PdfText.MeasureWidth(label, PdfFont.Helvetica, ChartLabelSize), Y(target) + 2, PdfFont.Helvetica, ChartLabelSize, Grey, label);
        }

        var segment = new List<(double, double)>();
        for (var i = 0; i <= chart.Points.Count; i++)
        {
            if (i < chart.Points.Count && chart.Points[i].Value is { } v && double.IsFinite(v))
            {
                segment.Add((X(i), Y(v)));
                continue;
            }
            if (segment.Count > 1) Path(1.4, "0.15 0.39 0.92 RG", null, segment);
            segment.Clear();
        }
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (chart.Points[i].Value is not { } v || !double.IsFinite(v)) continue;
            _page.Append("q 0.15 0.39 0.92 rg ").Append(PdfText.Number(X(i) - 1.8)).Append(' ').Append(PdfText.Number(Y(v) - 1.8)).Append(" 3.6 3.6 re f Q\n");
        }

        // Labels under the points; every other one when they would crowd.
        var step = chart.Points.Count > 8 ? 2 : 1;
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (i % step != 0 && i != chart.Points.Count - 1) continue;
            var label = PdfText.Sanitize(chart.Points[i].Label ?? "").Replace('\n', ' ');
            Text(X(i) - PdfText.MeasureWidth(label, PdfFont.Helvetica, ChartLabelSize) / 2, bottom - ChartLabelSize - 2, PdfFont.Helvetica, ChartLabelSize, Grey, label);
        }

        _pageIsEmpty = false;
        _y = bottom - ChartLabelSize - 8 - BlockGap;
    }

    private static string Axis(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private void Path(double width, string colour, string? dash, IReadOnlyList<(double X, double Y)> points)
    {
        _page.Append("q ").Append(PdfText.Number(width)).Append(" w ").Append(colour).Append(' ');
        if (dash is not null) _page.Append(dash).Append(' ');
        for (var i = 0; i < points.Count; i++)
            _page.Append(PdfText.Number(points[i].X)).Append(' ').Append(PdfText.Number(points[i].Y)).Append(i == 0 ? " m " : " l ");
        _page.Append("S Q\n");
    }

    private static List<IReadOnlyList<string>> WrapCells(IReadOnlyList<string> cells, double[] edges, PdfFont font)
    {
        var wrapped = new List<IReadOnlyList<string>>(cells.Count);
        for (var c = 0; c < cells.Count; c++)
        {
            // A column narrower than its padding still gets a sliver, so Wrap always has a positive width.
            var width = Math.Max(edges[c + 1] - edges[c] - 2 * GridCellPaddingX, 1);
            wrapped.Add(PdfText.Wrap(cells[c] ?? "", font, GridSize, width));
        }

        return wrapped;
    }

    private static double GridRowHeight(List<IReadOnlyList<string>> cells) =>
        cells.Max(c => c.Count) * GridLeading + 2 * GridCellPaddingY;

    private void GridHeader(List<IReadOnlyList<string>> header, double[] edges, double height)
    {
        Fill(Margin, _y - height, ContentWidth, height, HeaderFill);
        Rule(Margin, PageWidth - Margin, _y, 0.6);
        _y -= GridCellPaddingY;
        var lineCount = header.Max(c => c.Count);
        for (var i = 0; i < lineCount; i++)
        {
            var baseline = Baseline(GridLeading);
            for (var c = 0; c < header.Count; c++)
            {
                if (i < header[c].Count && header[c][i].Length > 0)
                    Text(edges[c] + GridCellPaddingX, baseline, PdfFont.HelveticaBold, GridSize, Black, header[c][i]);
            }

            _y -= GridLeading;
        }

        _y -= GridCellPaddingY;
        Rule(Margin, PageWidth - Margin, _y, 0.6);
        _pageIsEmpty = false;
    }

    private void StartPage()
    {
        _page = new StringBuilder();
        _pages.Add(_page);
        _y = ContentTop;
        _pageIsEmpty = true;
    }

    private void EnsureRoom(double height)
    {
        if (_y - height < ContentBottom && !_pageIsEmpty) StartPage();
    }

    // Places the baseline so that capitals and descenders sit inside the line box; 0.8 of the leading
    // works for every size used here because leading is always about 1.3 times the font size.
    private double Baseline(double leading) => _y - leading * 0.8;

    private void Line(double x, PdfFont font, double size, double leading, double grey, string text)
    {
        EnsureRoom(leading);
        if (text.Length > 0) Text(x, Baseline(leading), font, size, grey, text);
        _pageIsEmpty = false;
        _y -= leading;
    }

    private void Text(double x, double baseline, PdfFont font, double size, double grey, string text)
    {
        _page.Append("BT /").Append(PdfText.ResourceName(font)).Append(' ').Append(PdfText.Number(size))
            .Append(" Tf ").Append(PdfText.Number(grey)).Append(" g ")
            .Append(PdfText.Number(x)).Append(' ').Append(PdfText.Number(baseline)).Append(" Td ");
        PdfText.AppendLiteral(_page, text);
        _page.Append(" Tj ET\n");
        _pageIsEmpty = false;
    }

    private void Fill(double x, double y, double width, double height, double grey)
    {
        _page.Append("q ").Append(PdfText.Number(grey)).Append(" g ")
            .Append(PdfText.Number(x)).Append(' ').Append(PdfText.Number(y)).Append(' ')
            .Append(PdfText.Number(width)).Append(' ').Append(PdfText.Number(height)).Append(" re f Q\n");
    }

    private void Rule(double x1, double x2, double y, double width)
    {
        _page.Append("q ").Append(PdfText.Number(width)).Append(" w ").Append(PdfText.Number(RuleGrey)).Append(" G ")
            .Append(PdfText.Number(x1)).Append(' ').Append(PdfText.Number(y)).Append(" m ")
            .Append(PdfText.Number(x2)).Append(' ').Append(PdfText.Number(y)).Append(" l S Q\n");
    }
}

/// <summary>Serializes pages into the PDF file structure: objects, cross-reference table and trailer.</summary>
internal static class PdfFile
{
    // Fixed object numbers keep the output deterministic and the trailer simple; pages follow as
    // (page, content) pairs starting at FirstPageObject.
    private const int CatalogObject = 1;
    private const int PagesObject = 2;
    private const int RegularFontObject = 3;
    private const int BoldFontObject = 4;
    private const int InfoObject = 5;
    private const int FirstPageObject = 6;

    public static byte[] Build(IReadOnlyList<string> pageContents, double pageWidth, double pageHeight, string title, string? subtitle, DateTimeOffset generatedAt)
    {
        var objectCount = FirstPageObject - 1 + 2 * pageContents.Count;
        var offsets = new long[objectCount + 1];
        using var output = new MemoryStream();

        void Write(string ascii)
        {
            var bytes = Encoding.ASCII.GetBytes(ascii);
            output.Write(bytes, 0, bytes.Length);
        }

        void WriteObject(int number, string body)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }

        // The comment of bytes above 127 tells transfer tools the file is binary, as the spec recommends.
        Write("%PDF-1.7\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        WriteObject(CatalogObject,
            $"<< /Type /Catalog /Pages {PagesObject} 0 R /ViewerPreferences << /DisplayDocTitle true >> >>");

        var kids = string.Join(' ', Enumerable.Range(0, pageContents.Count).Select(i => $"{FirstPageObject + 2 * i} 0 R"));
        WriteObject(PagesObject, $"<< /Type /Pages /Kids [{kids}] /Count {pageContents.Count} >>");
        WriteObject(RegularFontObject, FontDictionary("Helvetica"));
        WriteObject(BoldFontObject, FontDictionary("Helvetica-Bold"));

        var date = "D:" + generatedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        var info = new StringBuilder("<< /Title ").Append(TextString(title));
        if (!string.IsNullOrWhiteSpace(subtitle)) info.Append(" /Subject ").Append(TextString(subtitle));
        info.Append(" /Producer (Attest) /Creator (Attest) /CreationDate (").Append(date)
            .Append(") /ModDate (").Append(date).Append(") >>");
        WriteObject(InfoObject, info.ToString());

        var mediaBox = $"[0 0 {PdfText.Number(pageWidth)} {PdfText.Number(pageHeight)}]";
        for (var i = 0; i < pageContents.Count; i++)
        {
            var pageObject = FirstPageObject + 2 * i;
            var contentObject = pageObject + 1;
            WriteObject(pageObject,
                $"<< /Type /Page /Parent {PagesObject} 0 R /MediaBox {mediaBox} " +
                $"/Resources << /Font << /F1 {RegularFontObject} 0 R /F2 {BoldFontObject} 0 R >> >> " +
                $"/Contents {contentObject} 0 R >>");

            // Content is ASCII only (see PdfText.AppendLiteral), so its length in bytes is its length in chars.
            var content = pageContents[i];
            WriteObject(contentObject, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

        // A file identifier derived from the content is stable for identical input yet differs between documents.
        var id = Convert.ToHexString(SHA256.HashData(output.ToArray()), 0, 16);

        var xrefOffset = output.Position;
        var xref = new StringBuilder();
        xref.Append("xref\n0 ").Append(objectCount + 1).Append('\n');
        // Each entry must be exactly 20 bytes, hence the two-character CR LF line end.
        xref.Append("0000000000 65535 f\r\n");
        for (var n = 1; n <= objectCount; n++)
            xref.Append(offsets[n].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n\r\n");
        xref.Append("trailer\n<< /Size ").Append(objectCount + 1)
            .Append(" /Root ").Append(CatalogObject).Append(" 0 R /Info ").Append(InfoObject)
            .Append(" 0 R /ID [<").Append(id).Append("> <").Append(id).Append(">] >>\n")
            .Append("startxref\n").Append(xrefOffset.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        Write(xref.ToString());

        return output.ToArray();
    }

    private static string FontDictionary(string baseFont) =>
        $"<< /Type /Font /Subtype /Type1 /BaseFont /{baseFont} /Encoding /WinAnsiEncoding >>";

    /// <summary>
    /// Document information is shown by viewers outside the page, where Unicode is available, so the title
    /// keeps its real characters (UTF-16 with a byte order mark, as the spec defines for text strings).
    /// </summary>
    private static string TextString(string text)
    {
        var flat = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        if (flat.All(c => c is >= ' ' and <= '~'))
        {
            var literal = new StringBuilder();
            PdfText.AppendLiteral(literal, flat);
            return literal.ToString();
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(flat)) + ">";
    }
}
