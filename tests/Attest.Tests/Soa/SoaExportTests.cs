using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Controls;
using Attest.Documents;
using Attest.Soa;
using CsvHelper;
using MiniExcelLibs;
using Xunit;

namespace Attest.Tests.Soa;

public class SoaExportTests
{
    // Two hours east of UTC, so the tests also prove instants are printed in UTC.
    private static readonly DateTimeOffset GeneratedAt = new(2025, 6, 30, 16, 45, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset ApprovedAt = new(2025, 3, 4, 7, 6, 0, TimeSpan.FromHours(2));

    // Everything a spreadsheet, a CSV parser or a Markdown table could trip over, in one cell.
    private const string TrickyJustification = "No premises of our own, \"fully remote\" | see scope\nsection 4.2; café meetings only";

    private static readonly string[] ExpectedHeaders =
    [
        "Control", "Control title", "Theme", "Applicable", "Reasons for inclusion", "Justification",
        "Implementation status", "Implemented by", "Policies", "Risks", "Evidence items",
    ];

    // The expected cells are spelled out rather than computed, so a change in how a value is printed shows here.
    private static readonly string[][] ExpectedRows =
    [
        ["A.5.1", "Policies for information security", "Organizational controls", "Yes", "Risk treatment, Legal",
            "Required by the ISMS policy.", "Implemented", "CTL-001, CTL-002", "POL-001, POL-004", "R-001, R-007", "3"],
        ["A.5.23", "Information security for use of cloud services", "Organizational controls", "Yes", "Contractual, Business need",
            "Cloud-first; hosting in the EU (Zürich)", "Partially implemented", "CTL-012", "", "", "1"],
        ["A.7.4", "Physical security monitoring", "Physical controls", "No", "",
            TrickyJustification, "Not applicable", "", "", "", "0"],
        ["A.8.9", "Configuration management", "Technological controls", "Yes", "Risk treatment",
            "", "Not started", "", "", "", "0"],
    ];

    private static SoaDocument Approved() => new(
        Guid.NewGuid(), "iso27001-2022", "ISO/IEC 27001:2022", "Société Exemple SA", "1.0", ApprovedAt, "Camille Durand",
        "Annual review", Rows());

    private static SoaDocument Draft() => Approved() with { Number = null, ApprovedAt = null, ApprovedBy = null, Note = null };

    private static List<SoaRow> Rows() =>
    [
        new("A.5.1", "Policies for information security", "Organizational controls", true,
            InclusionReasons.RiskTreatment | InclusionReasons.Legal, "Required by the ISMS policy.", ImplementationStatus.Implemented,
            ["CTL-001", "CTL-002"], ["POL-001", "POL-004"], 3, ["R-001", "R-007"]),
        new("A.5.23", "Information security for use of cloud services", "Organizational controls", true,
            InclusionReasons.Contractual | InclusionReasons.BusinessNeed, "Cloud-first; hosting in the EU (Zürich)",
            ImplementationStatus.PartiallyImplemented, ["CTL-012"], [], 1),
        new("A.7.4", "Physical security monitoring", "Physical controls", false,
            InclusionReasons.None, TrickyJustification, ImplementationStatus.NotApplicable, [], [], 0),
        new("A.8.9", "Configuration management", "Technological controls", true,
            InclusionReasons.RiskTreatment, "", ImplementationStatus.NotStarted, [], [], 0),
    ];

    private static byte[] Export(SoaDocument document, SoaExportFormat format)
    {
        using var output = new MemoryStream();
        SoaExport.Write(document, format, output, GeneratedAt);
        return output.ToArray();
    }

    [Theory]
    [InlineData("xlsx", SoaExportFormat.Xlsx)]
    [InlineData("XLSX", SoaExportFormat.Xlsx)]
    [InlineData("csv", SoaExportFormat.Csv)]
    [InlineData("md", SoaExportFormat.Markdown)]
    [InlineData("Markdown", SoaExportFormat.Markdown)]
    [InlineData("Pdf", SoaExportFormat.Pdf)]
    public void ParseFormat_AcceptsKnownNamesInAnyCase(string value, SoaExportFormat expected)
    {
        Assert.Equal(expected, SoaExport.ParseFormat(value));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("")]
    [InlineData("xls")]
    public void ParseFormat_UnknownName_IsRejectedNamingTheAllowedValues(string value)
    {
        var error = Assert.Throws<ValidationFailedException>(() => SoaExport.ParseFormat(value));

        var message = Assert.Single(Assert.Single(error.Errors, e => e.Key == "format").Value);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
        foreach (var allowed in new[] { "xlsx", "csv", "md", "markdown", "pdf" })
            Assert.Contains(allowed, message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileName_NamesFrameworkAndVersionOrDraft()
    {
        Assert.Equal("soa-iso27001-2022-1.0.xlsx", SoaExport.FileName(Approved(), SoaExportFormat.Xlsx));
        Assert.Equal("soa-iso27001-2022-1.0.csv", SoaExport.FileName(Approved(), SoaExportFormat.Csv));
        Assert.Equal("soa-iso27001-2022-draft.md", SoaExport.FileName(Draft(), SoaExportFormat.Markdown));
        Assert.Equal("soa-iso42001-2023-draft.pdf", SoaExport.FileName(Draft() with { FrameworkKey = "iso42001-2023" }, SoaExportFormat.Pdf));
    }

    [Fact]
    public void ContentType_MatchesEachFormat()
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SoaExport.ContentType(SoaExportFormat.Xlsx));
        Assert.Equal("text/csv; charset=utf-8", SoaExport.ContentType(SoaExportFormat.Csv));
        Assert.Equal("text/markdown; charset=utf-8", SoaExport.ContentType(SoaExportFormat.Markdown));
        Assert.Equal("application/pdf", SoaExport.ContentType(SoaExportFormat.Pdf));
    }

    [Fact]
    public void Write_LeavesTheOutputStreamOpen()
    {
        foreach (var format in Enum.GetValues<SoaExportFormat>())
        {
            using var output = new MemoryStream();
            SoaExport.Write(Approved(), format, output, GeneratedAt);
            Assert.True(output.CanWrite, $"{format} closed the stream");
            Assert.True(output.Length > 0, $"{format} wrote nothing");
        }
    }

    [Fact]
    public void Xlsx_TableSheetHasTheHeaderAndEveryCellOfEveryRow()
    {
        using var xlsx = new MemoryStream(Export(Approved(), SoaExportFormat.Xlsx));

        Assert.Equal(["Statement of Applicability", "About"], MiniExcel.GetSheetNames(xlsx));
        xlsx.Position = 0;
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: "Statement of Applicability")
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.ToList())
            .ToList();

        Assert.Equal(1 + ExpectedRows.Length, sheet.Count);
        Assert.Equal(ExpectedHeaders, sheet[0].Select(c => c as string).ToArray());
        for (var r = 0; r < ExpectedRows.Length; r++)
        {
            var cells = sheet[r + 1];
            Assert.Equal(ExpectedHeaders.Length, cells.Count);
            for (var c = 0; c < ExpectedHeaders.Length - 1; c++)
                Assert.True(ExpectedRows[r][c] == ((cells[c] as string) ?? ""), $"row {r + 1}, {ExpectedHeaders[c]}: expected '{ExpectedRows[r][c]}', got '{cells[c]}'");

            // Evidence is a number cell, so it sums and sorts as one.
            var evidence = Assert.IsType<double>(cells[^1]);
            Assert.Equal(double.Parse(ExpectedRows[r][^1], CultureInfo.InvariantCulture), evidence);
        }
    }

    [Fact]
    public void Xlsx_AboutSheetHasTheVersionFacts()
    {
        using var xlsx = new MemoryStream(Export(Approved(), SoaExportFormat.Xlsx));

        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "About").Cast<IDictionary<string, object?>>().ToList();
        var facts = rows.ToDictionary(r => (string)r["Fact"]!, r => r["Value"]);

        Assert.Equal("Société Exemple SA", facts["Organization"]);
        Assert.Equal("ISO/IEC 27001:2022", facts["Framework"]);
        Assert.Equal("1.0", facts["Version"]);
        Assert.Equal("Camille Durand", facts["Approved by"]);
        Assert.Equal("2025-03-04 05:06 UTC", facts["Approved at"]);
        Assert.Equal("Annual review", facts["Approval note"]);
        Assert.Equal("2025-06-30 14:45 UTC", facts["Generated at"]);
        Assert.Equal(4d, facts["Controls"]);
        Assert.Equal(3d, facts["Applicable"]);
        Assert.Equal(1d, facts["Excluded"]);
        Assert.Equal(1d, facts["Implemented (of applicable)"]);
    }

    [Fact]
    public void Xlsx_Draft_SaysDraftAndHasNoApproval()
    {
        using var xlsx = new MemoryStream(Export(Draft(), SoaExportFormat.Xlsx));

        var facts = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "About").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Fact"]!, r => r["Value"]);

        Assert.Equal("Draft (not approved)", facts["Version"]);
        Assert.False(facts.ContainsKey("Approved by"));
        Assert.False(facts.ContainsKey("Approved at"));
    }

    [Fact]
    public void Xlsx_SetsColumnWidthsAndKeepsTheHeaderInView()
    {
        using var zip = new ZipArchive(new MemoryStream(Export(Approved(), SoaExportFormat.Xlsx)), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();

        // Eleven explicit widths, one per column, so long justifications wrap instead of running off the screen.
        Assert.Equal(11, Regex.Matches(xml, @"<x:col [^>]*customWidth=""1""").Count);
        Assert.Contains(@"state=""frozen""", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ParsesBackFieldByFieldWithTheHeaderRow()
    {
        var bytes = Export(Approved(), SoaExportFormat.Csv);

        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ',' });
        Assert.Equal(ExpectedHeaders, csv.Headers);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Current.ToArray());

        Assert.Equal(ExpectedRows.Length, rows.Count);
        for (var r = 0; r < ExpectedRows.Length; r++)
        {
            Assert.Equal(ExpectedHeaders.Length, rows[r].Length);
            for (var c = 0; c < ExpectedHeaders.Length; c++)
                Assert.True(ExpectedRows[r][c] == rows[r][c], $"row {r + 1}, {ExpectedHeaders[c]}: expected '{ExpectedRows[r][c]}', got '{rows[r][c]}'");
        }
    }

    [Fact]
    public void Csv_IsPlainUtf8WithRfc4180Quoting()
    {
        var bytes = Export(Approved(), SoaExportFormat.Csv);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the file starts with a byte order mark");
        Assert.StartsWith("Control,Control title,Theme,Applicable,Reasons for inclusion,Justification,Implementation status,Implemented by,Policies,Risks,Evidence items\r\n", text, StringComparison.Ordinal);
        Assert.Contains("A.7.4,Physical security monitoring,Physical controls,No,,\"No premises of our own, \"\"fully remote\"\" | see scope\nsection 4.2; café meetings only\",Not applicable,,,,0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("A.5.1,Policies for information security,Organizational controls,Yes,\"Risk treatment, Legal\",Required by the ISMS policy.,Implemented,\"CTL-001, CTL-002\",\"POL-001, POL-004\",\"R-001, R-007\",3\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_TextThatLooksLikeAFormula_IsEscaped()
    {
        var document = Approved() with { Rows = [Rows()[0] with { Justification = "=HYPERLINK(\"http://example.test\",\"x\")" }] };

        using var csv = CsvReader.Create(Export(document, SoaExportFormat.Csv), new CsvReaderOptions { Separator = ',' });
        Assert.True(csv.Read());

        Assert.Equal("'=HYPERLINK(\"http://example.test\",\"x\")", csv.Current.ToArray()[5]);
    }

    [Fact]
    public void Markdown_HasTitleFactsAndOneEscapedTableLinePerControl()
    {
        var text = Encoding.UTF8.GetString(Export(Approved(), SoaExportFormat.Markdown));
        var lines = text.Split('\n');

        Assert.StartsWith("# Statement of Applicability \u2014 ISO/IEC 27001:2022\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Organization:** Société Exemple SA\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Version:** 1.0\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Approved by:** Camille Durand\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Approved at:** 2025-03-04 05:06 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Excluded:** 1\n", text, StringComparison.Ordinal);

        var table = lines.Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(2 + ExpectedRows.Length, table.Count);
        Assert.Equal("| Control | Control title | Theme | Applicable | Reasons for inclusion | Justification | Implementation status | Implemented by | Policies | Risks | Evidence items |", table[0]);
        Assert.Matches(@"^\|( -{3,} \|)+( -{3,}: \|)$", table[1]);
        Assert.Equal(
            "| A.7.4 | Physical security monitoring | Physical controls | No |  | No premises of our own, \"fully remote\" \\| see scope section 4.2; café meetings only | Not applicable |  |  |  | 0 |",
            table[4]);
        Assert.Equal(
            "| A.5.1 | Policies for information security | Organizational controls | Yes | Risk treatment, Legal | Required by the ISMS policy. | Implemented | CTL-001, CTL-002 | POL-001, POL-004 | R-001, R-007 | 3 |",
            table[2]);
        // Every row has exactly the header's number of unescaped cell separators.
        Assert.All(table, l => Assert.Equal(12, Regex.Matches(l, @"(?<!\\)\|").Count));
    }

    [Fact]
    public void MarkdownText_EscapesWhatWouldChangeTheRendering()
    {
        Assert.Equal(@"a \| b \\ c \*d\* \_e\_ \<script\> \[x\]", SoaExport.MarkdownText(@"a | b \ c *d* _e_ <script> [x]"));
        Assert.Equal("one two three", SoaExport.MarkdownText("one\r\ntwo\nthree"));
    }

    [Fact]
    public void Pdf_IsALandscapePdfFile()
    {
        var bytes = Export(Approved(), SoaExportFormat.Pdf);
        var text = Encoding.Latin1.GetString(bytes);

        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var boxes = Regex.Matches(text, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.NotEmpty(boxes);
        foreach (Match box in boxes)
        {
            var width = double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture);
            var height = double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(width > height, $"page is {width} x {height}, not landscape");
        }
    }

    [Fact]
    public void Pdf_PrintsEveryTableCellInItsColumnInOrder()
    {
        var pdf = Export(Approved(), SoaExportFormat.Pdf);
        var ops = PdfTextOperations(pdf);
        var pages = Regex.Matches(Encoding.Latin1.GetString(pdf), "/MediaBox").Count;

        // Table cells are the 8.5 pt text; each column is the text that starts at one x position.
        var tableText = ops.Where(o => o.Size == 8.5).ToList();
        var columns = tableText.Select(o => o.X).Distinct().Order().ToList();
        Assert.Equal(ExpectedHeaders.Length, columns.Count);

        for (var c = 0; c < columns.Count; c++)
        {
            var lines = tableText.Where(o => o.X == columns[c]).ToList();
            // The bold header is printed once on every page the table is on.
            var headers = NoSpace(string.Concat(lines.Where(l => l.Font == "F2").Select(l => l.Text)));
            Assert.Equal(string.Concat(Enumerable.Repeat(NoSpace(ExpectedHeaders[c]), pages)), headers);

            // Wrapping moves words onto new lines, so compare with all whitespace removed.
            var printed = NoSpace(string.Concat(lines.Where(l => l.Font == "F1").Select(l => l.Text)));
            var position = 0;
            foreach (var expected in ExpectedRows.Select(r => r[c]))
            {
                var at = printed.IndexOf(NoSpace(expected), position, StringComparison.Ordinal);
                Assert.True(at >= 0, $"column {ExpectedHeaders[c]}: '{expected}' is missing after position {position} in '{printed}'");
                position = at + NoSpace(expected).Length;
            }

            Assert.True(printed.Length == position, $"column {ExpectedHeaders[c]} has more text than expected: {printed}");
        }
    }

    [Fact]
    public void Pdf_ColumnsAreWideEnoughThatNoHeaderOrThemeWordIsCut()
    {
        // The longest words that the narrow columns have to hold, in both frameworks' Annex A.
        var document = Approved() with
        {
            Rows = [Rows()[0] with { Code = "A.6.2.10", Theme = "Technological controls", Reasons = InclusionReasons.RiskTreatment | InclusionReasons.Contractual }],
        };

        var lines = PdfTextOperations(Export(document, SoaExportFormat.Pdf)).Where(o => o.Size == 8.5).Select(o => o.Text).ToList();

        var words = ExpectedHeaders.SelectMany(h => h.Split(' ')).Concat(["A.6.2.10", "Technological", "Risk treatment,", "Contractual"]);
        foreach (var word in words)
            Assert.True(lines.Any(l => l.Contains(word, StringComparison.Ordinal)), $"'{word}' was cut across lines");
    }

    [Fact]
    public void Pdf_ShowsTheVersionFactsAndMarksADraft()
    {
        var approved = string.Join("\n", PdfTextOperations(Export(Approved(), SoaExportFormat.Pdf)).Select(o => o.Text));
        var draft = string.Join("\n", PdfTextOperations(Export(Draft(), SoaExportFormat.Pdf)).Select(o => o.Text));

        Assert.Contains("Statement of Applicability \u2014 ISO/IEC 27001:2022", approved, StringComparison.Ordinal);
        Assert.Contains("Société Exemple SA \u2014 version 1.0", approved, StringComparison.Ordinal);
        Assert.Contains("Camille Durand", approved, StringComparison.Ordinal);
        Assert.Contains("2025-03-04 05:06 UTC", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft", approved, StringComparison.Ordinal);
        Assert.Contains("Draft: this Statement of Applicability has not been approved", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPrintableDocument_IsLandscapeWithFactsThenTheTable()
    {
        var document = SoaExport.ToPrintableDocument(Approved(), GeneratedAt);

        Assert.True(document.Landscape);
        var facts = Assert.IsType<KeyValueTable>(document.Blocks[0]);
        Assert.Contains(("Excluded", "1"), facts.Rows);
        var table = Assert.IsType<Table>(document.Blocks[^1]);
        Assert.Equal(ExpectedHeaders, table.Headers);
        Assert.Equal(ExpectedRows, table.Rows.Select(r => r.ToArray()).ToArray());
    }

    private static string NoSpace(string text) => Regex.Replace(text, @"\s+", "");

    private sealed record TextOperation(string Font, double Size, double X, double Y, string Text);

    /// <summary>The text drawing operations of the writer's content streams, in page order, decoded from WinAnsi.</summary>
    private static List<TextOperation> PdfTextOperations(byte[] pdf)
    {
        var decode = new Dictionary<byte, char>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (PdfText.TryEncode((char)c, out var code)) decode.TryAdd(code, (char)c);
        }

        var pattern = new Regex(@"BT /(F\d) ([\d.]+) Tf [\d.]+ g ([\d.]+) ([\d.]+) Td \(((?:\\[0-7]{3}|\\.|[^\\()])*)\) Tj ET");
        return pattern.Matches(Encoding.Latin1.GetString(pdf))
            .Select(m => new TextOperation(
                m.Groups[1].Value,
                double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                Unescape(m.Groups[5].Value, decode)))
            .ToList();
    }

    private static string Unescape(string literal, Dictionary<byte, char> decode)
    {
        var result = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\') result.Append(literal[i]);
            else if (i + 3 < literal.Length && char.IsAsciiDigit(literal[i + 1]))
            {
                result.Append(decode[Convert.ToByte(literal.Substring(i + 1, 3), 8)]);
                i += 3;
            }
            else result.Append(literal[++i]);
        }

        return result.ToString();
    }
}
