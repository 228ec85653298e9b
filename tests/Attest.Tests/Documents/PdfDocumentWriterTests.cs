using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Documents;
using Xunit;

namespace Attest.Tests.Documents;

public class PdfDocumentWriterTests
{
    // Two hours east of UTC, so the footer test also proves the time is converted rather than printed as given.
    private static readonly DateTimeOffset GeneratedAt = new(2025, 3, 4, 7, 6, 0, TimeSpan.FromHours(2));

    private const double PageWidth = 595.28;
    private const double Margin = 50;

    private static PrintableDocument Simple(params DocumentBlock[] blocks) => new("ISMS scope", "Example Ltd", blocks);

    // Latin-1 maps each byte to one char, so string indexes below are byte offsets into the file.
    private static string Text(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    [Fact]
    public void Write_StartsWithPdf17HeaderAndEndsWithEof()
    {
        var pdf = PdfDocumentWriter.Write(Simple(new Paragraph("Hello")), GeneratedAt);
        var text = Text(pdf);

        Assert.StartsWith("%PDF-1.7\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EveryXrefOffsetPointsAtItsObject()
    {
        var document = Simple(Enumerable.Range(0, 120).Select(i => (DocumentBlock)new Paragraph($"Paragraph {i} with some text.")).ToArray());
        var text = Text(PdfDocumentWriter.Write(document, GeneratedAt));

        var startxref = Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n?$");
        Assert.True(startxref.Success, "startxref missing");
        var xrefOffset = int.Parse(startxref.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("xref\n", text.Substring(xrefOffset, 5));

        var section = Regex.Match(text[xrefOffset..], @"^xref\n0 (\d+)\n");
        Assert.True(section.Success, "xref subsection header missing");
        var count = int.Parse(section.Groups[1].Value, CultureInfo.InvariantCulture);
        var entriesStart = xrefOffset + section.Length;

        var size = Regex.Match(text, @"trailer\n<< /Size (\d+) ");
        Assert.Equal(count, int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.True(count > 6);

        for (var n = 0; n < count; n++)
        {
            var entry = text.Substring(entriesStart + 20 * n, 20);
            Assert.Matches(@"^\d{10} \d{5} [fn]\r\n$", entry);
            if (n == 0)
            {
                Assert.Equal("0000000000 65535 f\r\n", entry);
                continue;
            }

            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            var expected = $"{n} 0 obj\n";
            Assert.Equal(expected, text.Substring(offset, expected.Length));
        }

        Assert.StartsWith("trailer\n", text[(entriesStart + 20 * count)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StreamLengthsMatchTheirData()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph("Hello"), new Paragraph("World")), GeneratedAt));

        var streams = Regex.Matches(text, @"/Length (\d+) >>\nstream\n");
        Assert.NotEmpty(streams);
        foreach (Match stream in streams)
        {
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            var dataEnd = stream.Index + stream.Length + length;
            Assert.Equal("\nendstream", text.Substring(dataEnd, 10));
        }
    }

    [Fact]
    public void Write_ShortDocument_HasOnePage()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph("Short.")), GeneratedAt));

        Assert.Equal(1, PageObjectCount(text));
        Assert.Equal(1, DeclaredPageCount(text));
    }

    [Fact]
    public void Write_LongDocument_BreaksIntoSeveralPagesAndCountMatches()
    {
        var paragraphs = Enumerable.Range(1, 300)
            .Select(i => (DocumentBlock)new Paragraph($"Paragraph {i}: the organization keeps its information security management system under review."))
            .ToArray();
        var text = Text(PdfDocumentWriter.Write(Simple(paragraphs), GeneratedAt));

        var pages = PageObjectCount(text);
        Assert.True(pages >= 5, $"expected several pages, got {pages}");
        Assert.Equal(pages, DeclaredPageCount(text));
        Assert.Equal(pages, Regex.Match(text, @"/Kids \[([^\]]*)\]").Groups[1].Value.Split(" 0 R", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"page {pages} of {pages})", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"page {pages + 1} of", text, StringComparison.Ordinal);

        // Every paragraph was placed exactly once.
        for (var i = 1; i <= 300; i++)
            Assert.Single(Regex.Matches(text, $@"\(Paragraph {i}: "));
    }

    [Fact]
    public void Write_FooterShowsTitlePageNumberAndUtcDate()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph("Body")), GeneratedAt));

        // \227 is the em dash in WinAnsiEncoding.
        Assert.Contains(@"(ISMS scope \227 page 1 of 1)", text, StringComparison.Ordinal);
        Assert.Contains("(Generated 2025-03-04 05:06 UTC)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EscapesParenthesesAndBackslashes()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph(@"Scope (see annex A) covers C:\data\")), GeneratedAt));

        Assert.Contains(@"(Scope \(see annex A\) covers C:\\data\\) Tj", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReplacesCharactersOutsideWinAnsiWithQuestionMarks()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph("Office Tokyo 東京 \U0001F600 in Zürich \u2013 done")), GeneratedAt));

        // ü is Latin-1 (octal 374) and the en dash is WinAnsi 0x96 (octal 226); the rest is not representable.
        Assert.Contains(@"(Office Tokyo ?? ? in Z\374rich \226 done) Tj", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SetsDocumentInfo()
    {
        var text = Text(PdfDocumentWriter.Write(Simple(new Paragraph("x")), GeneratedAt));

        var info = Regex.Match(text, @"/Info (\d+) 0 R");
        Assert.True(info.Success);
        var body = Regex.Match(text, $@"\n{info.Groups[1].Value} 0 obj\n(<<.*?>>)\nendobj", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("/Title (ISMS scope)", body, StringComparison.Ordinal);
        Assert.Contains("/Producer (Attest)", body, StringComparison.Ordinal);
        Assert.Contains("/CreationDate (D:20250304050600Z)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_KeepsNonLatinTitleInDocumentInfoAsUtf16()
    {
        var text = Text(PdfDocumentWriter.Write(new PrintableDocument("Scope é", null, []), GeneratedAt));

        Assert.Contains("/Title <FEFF00530063006F00700065002000E9>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        var document = Simple(new Heading("Scope", 1), new Paragraph("Text"), new BulletList(["a", "b"]),
            new KeyValueTable([("Owner", "CISO")]));

        var first = PdfDocumentWriter.Write(document, GeneratedAt);
        var second = PdfDocumentWriter.Write(document, GeneratedAt);
        var later = PdfDocumentWriter.Write(document, GeneratedAt.AddMinutes(1));

        Assert.Equal(first, second);
        Assert.NotEqual(first, later);
    }

    [Fact]
    public void Write_UsesBoldForHeadingsAndTableKeysAndBulletsForLists()
    {
        var text = Text(PdfDocumentWriter.Write(
            Simple(new Heading("Context", 1), new BulletList(["Item one"]), new KeyValueTable([("Owner", "CISO")])),
            GeneratedAt));

        var ops = TextOperations(text);
        Assert.Contains(ops, o => o.Text == "Context" && o.Font == "F2" && o.Size == 15);
        Assert.Contains(ops, o => o.Text == "\u2022" && o.Font == "F1");
        Assert.Contains(ops, o => o.Text == "Item one" && o.Font == "F1");
        var key = Assert.Single(ops, o => o.Text == "Owner");
        var value = Assert.Single(ops, o => o.Text == "CISO");
        Assert.Equal("F2", key.Font);
        Assert.Equal("F1", value.Font);
        Assert.Equal(key.Y, value.Y);
        Assert.True(value.X > key.X);
    }

    [Fact]
    public void Write_AllTextStaysInsideTheMargins()
    {
        var longWord = string.Concat(Enumerable.Repeat("Unbreakable", 40));
        var longText = string.Join(' ', Enumerable.Repeat("Risks are assessed at planned intervals and when significant changes occur.", 30));
        var blocks = new List<DocumentBlock>
        {
            new Heading("A heading long enough to need more than one line when set in fifteen point bold type", 1),
            new Paragraph(longText + " " + longWord),
            new Heading("Subsection", 2),
            new BulletList([longText, longWord, "short"]),
            new KeyValueTable(Enumerable.Range(0, 60)
                .Select(i => (longWord[..(i % 50 + 1)], i % 7 == 0 ? longText : $"Value {i}"))
                .ToList()),
            new KeyValueTable([("Huge", string.Join(' ', Enumerable.Repeat(longText, 12)))]),
        };
        var text = Text(PdfDocumentWriter.Write(new PrintableDocument(longWord, longText, blocks), GeneratedAt));

        var ops = TextOperations(text);
        Assert.True(PageObjectCount(text) > 3);
        Assert.NotEmpty(ops);
        foreach (var op in ops)
        {
            var font = op.Font == "F2" ? PdfFont.HelveticaBold : PdfFont.Helvetica;
            var right = op.X + PdfText.MeasureWidth(op.Text, font, op.Size);
            Assert.True(op.X >= Margin - 0.01, $"'{op.Text}' starts left of the margin at {op.X}");
            Assert.True(right <= PageWidth - Margin + 0.01, $"'{op.Text}' ends at {right}, past the right margin");
            Assert.True(op.Y <= 841.89 - Margin, $"'{op.Text}' is above the top margin at {op.Y}");
            // Only the 8 pt footer may sit in the bottom margin.
            Assert.True(op.Size == 8 || op.Y >= Margin, $"'{op.Text}' is in the bottom margin at {op.Y}");
        }
    }

    [Fact]
    public void Write_RejectsNullAndUnknownBlocks()
    {
        Assert.Throws<ArgumentNullException>(() => PdfDocumentWriter.Write(null!, GeneratedAt));
        Assert.Throws<ArgumentNullException>(() => PdfDocumentWriter.Write(new PrintableDocument("t", null, null!), GeneratedAt));
        Assert.Throws<ArgumentNullException>(() => PdfDocumentWriter.Write(Simple(new Paragraph("ok"), null!), GeneratedAt));
        Assert.Throws<NotSupportedException>(() => PdfDocumentWriter.Write(Simple(new CustomBlock()), GeneratedAt));
    }

    [Fact]
    public void Wrap_LongUnbreakableWord_IsSplitSoNoLineExceedsTheWidth()
    {
        var word = string.Concat(Enumerable.Repeat("Wm", 60)) + "abcdefghij";

        var lines = PdfText.Wrap(word, PdfFont.HelveticaBold, 10, 120);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(PdfText.MeasureWidth(l, PdfFont.HelveticaBold, 10) <= 120, $"'{l}' is too wide"));
        Assert.Equal(word, string.Concat(lines));
        // Greedy splitting: every line but the last is full, so the next character would not have fitted.
        for (var i = 0; i < lines.Count - 1; i++)
            Assert.True(PdfText.MeasureWidth(lines[i] + lines[i + 1][0], PdfFont.HelveticaBold, 10) > 120);
    }

    [Fact]
    public void Wrap_LongUrl_IsCutAfterSlashesWithinTheWidth()
    {
        const string url = "https://intranet.example.com/policies/information-security/access-control/annex-a/2025/approved-version.pdf";

        var lines = PdfText.Wrap(url, PdfFont.Helvetica, 10, 150);

        Assert.True(lines.Count > 1);
        Assert.Equal(url, string.Concat(lines));
        Assert.All(lines, l => Assert.True(PdfText.MeasureWidth(l, PdfFont.Helvetica, 10) <= 150, $"'{l}' is too wide"));
        Assert.All(lines.SkipLast(1), l => Assert.Matches(@"[/\-.]$", l));
    }

    [Fact]
    public void Wrap_BreaksBetweenWordsWithinTheWidth()
    {
        const string sentence = "The quick brown fox jumps over the lazy dog and keeps running";

        var lines = PdfText.Wrap(sentence, PdfFont.Helvetica, 10, 100);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(PdfText.MeasureWidth(l, PdfFont.Helvetica, 10) <= 100, $"'{l}' is too wide"));
        Assert.Equal(sentence, string.Join(' ', lines));
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var nextWord = lines[i + 1].Split(' ')[0];
            Assert.True(PdfText.MeasureWidth(lines[i] + " " + nextWord, PdfFont.Helvetica, 10) > 100, "a word was moved down needlessly");
        }
    }

    [Fact]
    public void Wrap_KeepsHardLineBreaksAndBlankLines()
    {
        Assert.Equal(["first", "", "second", "third"], PdfText.Wrap("first\r\n\nsecond\rthird", PdfFont.Helvetica, 10, 400));
        Assert.Equal(["a b"], PdfText.Wrap("  a \t  b  ", PdfFont.Helvetica, 10, 400));
    }

    [Fact]
    public void Wrap_LineThatFitsExactlyIsNotBroken()
    {
        // "Hello" in Helvetica is 722 + 556 + 222 + 222 + 556 = 2278 units, so 22.78 pt at 10 pt.
        Assert.Equal(["Hello"], PdfText.Wrap("Hello", PdfFont.Helvetica, 10, 22.78));
        Assert.Equal(["Hell", "o"], PdfText.Wrap("Hello", PdfFont.Helvetica, 10, 22.7));
        // Two words plus a 278-unit space: 2278 + 278 + 2278 = 4834 units.
        Assert.Equal(["Hello Hello"], PdfText.Wrap("Hello Hello", PdfFont.Helvetica, 10, 48.34));
        Assert.Equal(["Hello", "Hello"], PdfText.Wrap("Hello Hello", PdfFont.Helvetica, 10, 48.33));
    }

    [Fact]
    public void MeasureWidth_UsesHelveticaAfmWidths()
    {
        Assert.Equal(22.78, PdfText.MeasureWidth("Hello", PdfFont.Helvetica, 10), 6);
        Assert.Equal(24.45, PdfText.MeasureWidth("Hello", PdfFont.HelveticaBold, 10), 6);
        Assert.Equal(1.015, PdfText.MeasureWidth("@", PdfFont.Helvetica, 1), 6);
        Assert.Equal(0.191, PdfText.MeasureWidth("'", PdfFont.Helvetica, 1), 6);
        Assert.Equal(0.238, PdfText.MeasureWidth("'", PdfFont.HelveticaBold, 1), 6);
        Assert.Equal(1.0, PdfText.MeasureWidth("\u2014", PdfFont.Helvetica, 1), 6);
        Assert.Equal(0.556, PdfText.MeasureWidth("é", PdfFont.Helvetica, 1), 6);
    }

    [Fact]
    public void Sanitize_ReplacesCharactersOutsideWinAnsi()
    {
        Assert.Equal("Zürich \u2013 ?? ? \u20AC5", PdfText.Sanitize("Zürich \u2013 東京 \U0001F600 \u20AC5"));
        Assert.Equal("caf\u00E9", PdfText.Sanitize("cafe\u0301"));
        Assert.Equal("a?b", PdfText.Sanitize("a\uD800b"));
        Assert.Equal("a b\nc", PdfText.Sanitize("a\tb\r\nc"));
        Assert.Equal("?", PdfText.Sanitize("\u0007"));
        Assert.Equal("cooperate", PdfText.Sanitize("co\u00ADoper\u200Bate"));
    }

    [Fact]
    public void Write_IsPortraitA4UnlessLandscapeIsAsked()
    {
        var portrait = Text(PdfDocumentWriter.Write(Simple(new Paragraph("x")), GeneratedAt));
        var landscape = Text(PdfDocumentWriter.Write(Simple(new Paragraph("x")) with { Landscape = true }, GeneratedAt));

        Assert.Contains("/MediaBox [0 0 595.28 841.89]", portrait, StringComparison.Ordinal);
        Assert.Contains("/MediaBox [0 0 841.89 595.28]", landscape, StringComparison.Ordinal);
        Assert.DoesNotContain("/MediaBox [0 0 595.28", landscape, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Landscape_UsesTheWholeWidthAndKeepsTextInsideTheMargins()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Access rights are reviewed at planned intervals by the asset owner.", 8));
        var document = new PrintableDocument("Wide", "Landscape", [
            new Paragraph(longText),
            new Table(["One", "Two"], Enumerable.Range(0, 80).Select(i => (IReadOnlyList<string>)[$"Row {i}", longText]).ToList(), [1, 3]),
        ]) { Landscape = true };

        var pages = Pages(Text(PdfDocumentWriter.Write(document, GeneratedAt)));

        Assert.True(pages.Count > 2);
        var ops = pages.SelectMany(TextOperations).ToList();
        const double landscapeWidth = 841.89, landscapeHeight = 595.28;
        foreach (var op in ops)
        {
            Assert.True(op.X >= Margin - 0.01, $"'{op.Text}' starts left of the margin at {op.X}");
            Assert.True(RightEdge(op) <= landscapeWidth - Margin + 0.01, $"'{op.Text}' ends at {RightEdge(op)}, past the right margin");
            Assert.True(op.Y <= landscapeHeight - Margin, $"'{op.Text}' is above the top margin at {op.Y}");
            Assert.True(op.Size == 8 || op.Y >= Margin, $"'{op.Text}' is in the bottom margin at {op.Y}");
        }

        // Lines of the paragraph run well past where a portrait page would have wrapped them.
        Assert.Contains(ops, o => o.Size == 10 && RightEdge(o) > PageWidth);
    }

    [Fact]
    public void Table_WrapsEachCellWithinItsOwnColumn()
    {
        var longWord = string.Concat(Enumerable.Repeat("Unbreakable", 12));
        var sentence = "Information security roles and responsibilities are defined and allocated according to the organization's needs.";
        double[] weights = [1, 2, 4, 1];
        var rows = Enumerable.Range(0, 30)
            .Select(i => (IReadOnlyList<string>)[$"A.5.{i}", sentence, i % 3 == 0 ? longWord : sentence + " " + sentence, "Yes"])
            .ToList();

        var ops = Pages(Text(PdfDocumentWriter.Write(Simple(new Table(["Code", "Title", "Description", "Applicable"], rows, weights)), GeneratedAt)))
            .SelectMany(TextOperations).Where(o => o.Size == 8.5).ToList();

        // Columns share the content width in proportion to their weights.
        var edges = new double[weights.Length + 1];
        edges[0] = Margin;
        for (var c = 0; c < weights.Length; c++) edges[c + 1] = edges[c] + (PageWidth - 2 * Margin) * weights[c] / weights.Sum();
        Assert.NotEmpty(ops);
        foreach (var op in ops)
        {
            var column = Array.FindLastIndex(edges, e => e <= op.X + 0.01);
            Assert.InRange(column, 0, weights.Length - 1);
            Assert.True(RightEdge(op) <= edges[column + 1] + 0.01, $"'{op.Text}' in column {column} ends at {RightEdge(op)}, past {edges[column + 1]}");
        }

        // Cells start on the same baseline, and long text really was wrapped onto several lines.
        var first = ops.Single(o => o.Text == "A.5.1");
        Assert.Contains(ops, o => o.Y == first.Y && o.Text.StartsWith("Information", StringComparison.Ordinal) && o.X > first.X);
        Assert.DoesNotContain(ops, o => o.Text == longWord);
        Assert.True(ops.Count(o => !o.Text.Contains(' ') && longWord.Contains(o.Text, StringComparison.Ordinal)) >= 20);
        Assert.Equal(30, ops.Count(o => o.Text == "Yes"));
    }

    [Fact]
    public void Table_HeaderIsBoldAndRepeatedOnEveryPage()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"Row {i}", $"Value {i}"]).ToList();

        var pages = Pages(Text(PdfDocumentWriter.Write(Simple(new Table(["Name", "Detail"], rows, [1, 1])), GeneratedAt)));

        Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
        foreach (var page in pages)
        {
            var ops = TextOperations(page).Where(o => o.Size == 8.5).ToList();
            var header = Assert.Single(ops, o => o.Text == "Name");
            Assert.Equal("F2", header.Font);
            Assert.Equal("F2", Assert.Single(ops, o => o.Text == "Detail").Font);
            // The header sits above every row on its page.
            Assert.All(ops.Where(o => o.Text.StartsWith("Row ", StringComparison.Ordinal)), o => Assert.True(o.Y < header.Y));
        }

        var all = pages.SelectMany(TextOperations).ToList();
        for (var i = 1; i <= 150; i++) Assert.Single(all, o => o.Text == $"Row {i}" && o.Font == "F1");
    }

    [Fact]
    public void Table_HeaderIsNeverLeftAloneAtTheFootOfAPage()
    {
        // Text of growing length ends the first page at every height, so in some runs only the header would fit.
        for (var lines = 30; lines <= 56; lines++)
        {
            var intro = new Paragraph(string.Join('\n', Enumerable.Range(1, lines).Select(l => $"Line {l}")));
            var table = new Table(["Name", "Detail"], [["First", "one\ntwo\nthree"], ["Second", "x"]], [1, 1]);

            foreach (var page in Pages(Text(PdfDocumentWriter.Write(Simple(intro, table), GeneratedAt))))
            {
                var ops = TextOperations(page);
                var header = ops.SingleOrDefault(o => o.Text == "Name");
                if (header is null) continue;
                Assert.True(ops.Any(o => o.Font == "F1" && o.Size == 8.5 && o.Y < header.Y), $"with {lines} lines the header is alone at the foot of a page");
            }
        }
    }

    [Fact]
    public void Table_RowsAreNeverSplitAcrossPages()
    {
        // Five lines per row: pages fill unevenly, so some rows reach the foot of a page and must move whole.
        var rows = Enumerable.Range(1, 90)
            .Select(i => (IReadOnlyList<string>)[$"R{i}", string.Join('\n', Enumerable.Range(1, 5).Select(l => $"R{i} line {l}"))])
            .ToList();

        var pages = Pages(Text(PdfDocumentWriter.Write(Simple(new Paragraph("Intro"), new Table(["Row", "Lines"], rows, [1, 4])), GeneratedAt)));

        Assert.True(pages.Count > 2);
        for (var i = 1; i <= 90; i++)
        {
            var onPages = pages.Select((p, n) => (n, ops: TextOperations(p)))
                .Where(p => p.ops.Any(o => o.Text == $"R{i}" || o.Text.StartsWith($"R{i} line ", StringComparison.Ordinal)))
                .Select(p => p.n).ToList();
            Assert.True(onPages.Count == 1, $"row {i} is spread over pages {string.Join(", ", onPages)}");
            Assert.Equal(5, TextOperations(pages[onPages[0]]).Count(o => o.Text.StartsWith($"R{i} line ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Table_RowTallerThanAPage_IsSplitUnderARepeatedHeader()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 120).Select(l => $"Line {l}"));

        var pages = Pages(Text(PdfDocumentWriter.Write(Simple(new Table(["Key", "Text"], [["Short", "One line"], ["Tall", tall]], [1, 3])), GeneratedAt)));

        Assert.True(pages.Count >= 2);
        var all = pages.SelectMany(TextOperations).ToList();
        for (var l = 1; l <= 120; l++) Assert.Single(all, o => o.Text == $"Line {l}");
        Assert.All(pages, p => Assert.Single(TextOperations(p), o => o.Text == "Key" && o.Font == "F2"));
        // The first row stays on the first page rather than being pushed away by the tall row.
        Assert.Contains(TextOperations(pages[0]), o => o.Text == "One line");
    }

    [Fact]
    public void Table_WithNoRows_PrintsItsHeader()
    {
        var ops = TextOperations(Text(PdfDocumentWriter.Write(Simple(new Table(["Only", "Header"], [], [1, 1])), GeneratedAt)));

        Assert.Contains(ops, o => o.Text == "Only" && o.Font == "F2");
        Assert.Contains(ops, o => o.Text == "Header" && o.Font == "F2");
    }

    [Fact]
    public void Table_RejectsRowsAndWeightsThatDoNotMatchTheHeaders()
    {
        Assert.Throws<ArgumentException>(() => PdfDocumentWriter.Write(Simple(new Table(["A", "B"], [["1"]], [1, 1])), GeneratedAt));
        Assert.Throws<ArgumentException>(() => PdfDocumentWriter.Write(Simple(new Table(["A", "B"], [["1", "2"]], [1])), GeneratedAt));
        Assert.Throws<ArgumentException>(() => PdfDocumentWriter.Write(Simple(new Table(["A", "B"], [["1", "2"]], [1, 0])), GeneratedAt));
        Assert.Throws<ArgumentException>(() => PdfDocumentWriter.Write(Simple(new Table([], [], [])), GeneratedAt));
    }

    private sealed record CustomBlock : DocumentBlock;

    private sealed record TextOperation(string Font, double Size, double X, double Y, string Text);

    private static double RightEdge(TextOperation op) =>
        op.X + PdfText.MeasureWidth(op.Text, op.Font == "F2" ? PdfFont.HelveticaBold : PdfFont.Helvetica, op.Size);

    /// <summary>The content streams in page order (the writer emits no other streams).</summary>
    private static List<string> Pages(string pdf) =>
        Regex.Matches(pdf, @"/Length \d+ >>\nstream\n(.*?)\nendstream", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    private static int PageObjectCount(string pdf) => Regex.Matches(pdf, @"/Type /Page\b(?!s)").Count;

    private static int DeclaredPageCount(string pdf) =>
        int.Parse(Regex.Match(pdf, @"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    private static List<TextOperation> TextOperations(string pdf)
    {
        var pattern = new Regex(@"BT /(F\d) ([\d.]+) Tf [\d.]+ g ([\d.]+) ([\d.]+) Td \(((?:\\[0-7]{3}|\\.|[^\\()])*)\) Tj ET");
        return pattern.Matches(pdf)
            .Select(m => new TextOperation(
                m.Groups[1].Value,
                double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                Unescape(m.Groups[5].Value)))
            .ToList();
    }

    private static readonly Lazy<Dictionary<byte, char>> WinAnsiDecoding = new(() =>
    {
        var map = new Dictionary<byte, char>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (PdfText.TryEncode((char)c, out var code)) map.TryAdd(code, (char)c);
        }

        return map;
    });

    private static string Unescape(string literal)
    {
        var result = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\')
            {
                result.Append(literal[i]);
            }
            else if (i + 3 < literal.Length && char.IsAsciiDigit(literal[i + 1]))
            {
                var code = Convert.ToByte(literal.Substring(i + 1, 3), 8);
                result.Append(WinAnsiDecoding.Value[code]);
                i += 3;
            }
            else
            {
                result.Append(literal[++i]);
            }
        }

        return result.ToString();
    }
}
