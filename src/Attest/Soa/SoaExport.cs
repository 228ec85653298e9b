using System.Globalization;
using System.Text;
using Attest.Documents;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Attest.Soa;

/// <summary>The file formats a Statement of Applicability can be exported in.</summary>
public enum SoaExportFormat
{
    /// <summary>An Excel workbook: the SoA table on one sheet, the version facts on another.</summary>
    Xlsx,

    /// <summary>Comma-separated values (RFC 4180, UTF-8 without a byte order mark): the SoA table only.</summary>
    Csv,

    /// <summary>A Markdown document: title, version facts and a table.</summary>
    Markdown,

    /// <summary>A print-ready PDF on A4 landscape pages.</summary>
    Pdf,
}

/// <summary>
/// Writes a Statement of Applicability in the formats auditors ask for. Every format has the same columns in
/// the same order, so a reviewer can move between the PDF on the table and the spreadsheet on the screen.
/// </summary>
public static class SoaExport
{
    /// <summary>The column headings of the SoA table, in order, as every format prints them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Control",
        "Control title",
        "Theme",
        "Applicable",
        "Reasons for inclusion",
        "Justification",
        "Implementation status",
        "Implemented by",
        "Policies",
        "Risks",
        "Evidence items",
    ];

    /// <summary>Name of the workbook sheet that holds the SoA table.</summary>
    public const string TableSheetName = "Statement of Applicability";

    /// <summary>Name of the workbook sheet that holds the version facts.</summary>
    public const string AboutSheetName = "About";

    // Excel widths are in characters; they are chosen so that short columns are not truncated and the long
    // free-text ones wrap instead of running off the screen.
    private static readonly double[] SheetWidths = [10, 40, 18, 11, 24, 60, 22, 22, 28, 18, 10];

    // PDF column widths in points on landscape A4 (742 pt between the margins). Each narrow column is just wide
    // enough for its longest word ("Implementation", "Technological", "A.6.2.10", "Risk treatment,") in the
    // table type, so no word is cut in two; the rest goes to the justification and the title.
    private static readonly double[] PdfWeights = [42, 112, 66, 53, 67, 128, 73, 62, 52, 40, 47];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Exports go to browsers, other tools and version control, none of which want a byte order mark.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads a format name as given on the command line or in a query string.</summary>
    /// <param name="value"><c>xlsx</c>, <c>csv</c>, <c>md</c> or <c>markdown</c>, or <c>pdf</c>, in any case.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ValidationFailedException">The value names no supported format; the message lists the allowed ones.</exception>
    public static SoaExportFormat ParseFormat(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => SoaExportFormat.Xlsx,
        "csv" => SoaExportFormat.Csv,
        "md" or "markdown" => SoaExportFormat.Markdown,
        "pdf" => SoaExportFormat.Pdf,
        _ => throw ValidationFailedException.For("format",
            $"'{value}' is not an export format; use one of xlsx, csv, md (or markdown), pdf."),
    };

    /// <summary>The media type to send with a file in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is not a defined value.</exception>
    public static string ContentType(SoaExportFormat format) => format switch
    {
        SoaExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SoaExportFormat.Csv => "text/csv; charset=utf-8",
        SoaExportFormat.Markdown => "text/markdown; charset=utf-8",
        SoaExportFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>
    /// A download name that says which SoA the file holds, such as <c>soa-iso27001-2022-1.0.xlsx</c> or
    /// <c>soa-iso27001-2022-draft.pdf</c>, so that versions saved side by side do not overwrite each other.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is not a defined value.</exception>
    public static string FileName(SoaDocument document, SoaExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var extension = format switch
        {
            SoaExportFormat.Xlsx => "xlsx",
            SoaExportFormat.Csv => "csv",
            SoaExportFormat.Markdown => "md",
            SoaExportFormat.Pdf => "pdf",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
        };
        return $"soa-{FileNamePart(document.FrameworkKey)}-{FileNamePart(document.Number ?? "draft")}.{extension}";
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <param name="document">The SoA, draft or approved version.</param>
    /// <param name="format">The file format.</param>
    /// <param name="output">
    /// Receives the file; it is left open. Writing is synchronous, so an HTTP response body should be given a
    /// buffer (for example a <see cref="MemoryStream"/>) and copied asynchronously.
    /// </param>
    /// <param name="generatedAt">When the export was made; printed (in UTC) with the version facts.</param>
    /// <exception cref="ArgumentOutOfRangeException">The format is not a defined value.</exception>
    public static void Write(SoaDocument document, SoaExportFormat format, Stream output, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case SoaExportFormat.Xlsx:
                WriteXlsx(document, output, generatedAt);
                break;
            case SoaExportFormat.Csv:
                WriteCsv(document, output);
                break;
            case SoaExportFormat.Markdown:
                WriteMarkdown(document, output, generatedAt);
                break;
            case SoaExportFormat.Pdf:
                var pdf = PdfDocumentWriter.Write(ToPrintableDocument(document, generatedAt), generatedAt);
                output.Write(pdf);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }
    }

    /// <summary>The SoA laid out for the PDF writer: title, version facts, then the table on landscape pages.</summary>
    internal static PrintableDocument ToPrintableDocument(SoaDocument document, DateTimeOffset generatedAt)
    {
        var blocks = new List<DocumentBlock>();
        if (document.IsDraft)
            blocks.Add(new Paragraph("Draft: this Statement of Applicability has not been approved and may still change."));
        blocks.Add(new KeyValueTable(Facts(document, generatedAt).Select(f => (f.Label, FactText(f.Value))).ToList()));
        blocks.Add(new Heading("Controls", 1));
        blocks.Add(new Table(Columns, document.Rows.Select(r => (IReadOnlyList<string>)Cells(r)).ToList(), PdfWeights));

        var subtitle = $"{document.OrganizationName} \u2014 {(document.IsDraft ? VersionText(document) : "version " + document.Number)}";
        return new PrintableDocument($"Statement of Applicability \u2014 {document.FrameworkName}", subtitle, blocks) { Landscape = true };
    }

    /// <summary>
    /// The facts that identify the export: whose SoA, which version, who approved it and the headline counts.
    /// Values are strings or integers, so the workbook can keep the counts as numbers.
    /// </summary>
    internal static IReadOnlyList<(string Label, object Value)> Facts(SoaDocument document, DateTimeOffset generatedAt)
    {
        var facts = new List<(string, object)>
        {
            ("Organization", document.OrganizationName),
            ("Framework", document.FrameworkName),
            ("Version", VersionText(document)),
        };
        if (!document.IsDraft)
        {
            facts.Add(("Approved by", document.ApprovedBy ?? ""));
            facts.Add(("Approved at", document.ApprovedAt is { } approvedAt ? Utc(approvedAt) : ""));
        }

        if (!string.IsNullOrWhiteSpace(document.Note)) facts.Add(("Approval note", document.Note));
        facts.Add(("Generated at", Utc(generatedAt)));
        facts.Add(("Controls", document.Rows.Count));
        facts.Add(("Applicable", document.Applicable));
        facts.Add(("Excluded", document.Excluded));
        facts.Add(("Implemented (of applicable)", document.Implemented));
        return facts;
    }

    /// <summary>One row's cells as text, in <see cref="Columns"/> order.</summary>
    internal static string[] Cells(SoaRow row) =>
    [
        row.Code,
        row.Title,
        row.Theme,
        StatementOfApplicability.YesNo(row.Applicable),
        StatementOfApplicability.Describe(row.Reasons),
        row.Justification,
        StatementOfApplicability.Describe(row.Status),
        string.Join(", ", row.Controls),
        string.Join(", ", row.Policies),
        string.Join(", ", row.Risks ?? []),
        row.EvidenceCount.ToString(Invariant),
    ];

    private static void WriteXlsx(SoaDocument document, Stream output, DateTimeOffset generatedAt)
    {
        var rows = document.Rows.Select(row =>
        {
            var cells = Cells(row);
            var values = new Dictionary<string, object?>(Columns.Count);
            for (var i = 0; i < Columns.Count; i++) values[Columns[i]] = cells[i];
            // A number, not text, so the column can be summed and filtered in the spreadsheet.
            values[Columns[^1]] = row.EvidenceCount;
            return values;
        }).ToList();

        var about = Facts(document, generatedAt)
            .Select(f => new Dictionary<string, object?> { ["Fact"] = f.Label, ["Value"] = f.Value })
            .ToList();

        var columns = Columns.Select((name, i) => new DynamicExcelColumn(name) { Width = SheetWidths[i] })
            .Append(new DynamicExcelColumn("Fact") { Width = 28 })
            .Append(new DynamicExcelColumn("Value") { Width = 60 })
            .ToArray();
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = columns,
            FreezeRowCount = 1,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true, VerticalAlignment = VerticalCellAlignment.Top },
        };

        var sheets = new Dictionary<string, object> { [TableSheetName] = rows, [AboutSheetName] = about };
        MiniExcel.SaveAs(output, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
    }

    private static void WriteCsv(SoaDocument document, Stream output)
    {
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\r\n",
            FormatProvider = Invariant,
            WriteByteOrderMark = false,
            // Justifications are free text; a cell starting with "=" or "@" must not become a live formula when
            // the file is opened in a spreadsheet, so such cells get a leading apostrophe.
            Injection = CsvInjection.Escape,
        };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var row in document.Rows) csv.WriteRecord(Cells(row));
    }

    private static void WriteMarkdown(SoaDocument document, Stream output, DateTimeOffset generatedAt)
    {
        var text = new StringBuilder();
        text.Append("# Statement of Applicability \u2014 ").Append(MarkdownText(document.FrameworkName)).Append("\n\n");
        if (document.IsDraft) text.Append("> **Draft:** this Statement of Applicability has not been approved and may still change.\n\n");
        foreach (var (label, value) in Facts(document, generatedAt))
            text.Append("- **").Append(label).Append(":** ").Append(MarkdownText(FactText(value))).Append('\n');

        text.Append("\n| ").AppendJoin(" | ", Columns).Append(" |\n|");
        foreach (var column in Columns) text.Append(column == Columns[^1] ? " ---: |" : " --- |");
        text.Append('\n');
        foreach (var row in document.Rows)
            text.Append("| ").AppendJoin(" | ", Cells(row).Select(MarkdownText)).Append(" |\n");

        using var writer = new StreamWriter(output, Utf8, leaveOpen: true);
        writer.Write(text.ToString());
    }

    /// <summary>
    /// Makes free text safe inside a Markdown table cell or list item: a pipe would end the cell and a line break
    /// the row, and emphasis, code, link and HTML characters would change how the text renders.
    /// </summary>
    internal static string MarkdownText(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    result.Append(' ');
                    break;
                case '\n':
                    result.Append(' ');
                    break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    private static string VersionText(SoaDocument document) => document.Number ?? "Draft (not approved)";

    private static string FactText(object value) => value switch
    {
        int number => number.ToString(Invariant),
        _ => value.ToString() ?? "",
    };

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    private static string FileNamePart(string value)
    {
        var part = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
            part.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        return part.ToString();
    }
}
