using System.Globalization;
using CsvHelper;

namespace Attest.Documents;

/// <summary>What every importer and CSV export shares: reading an upload within a size limit, and writing RFC 4180 CSV that spreadsheets cannot run.</summary>
public static class Spreadsheets
{
    /// <summary>Reads the whole upload, refusing (field "File") anything larger than <paramref name="maxBytes"/> while it streams in.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream content, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw ValidationFailedException.For("File", $"{fileName} is larger than {maxBytes / 1024 / 1024} MB.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// CSV with a header row, CRLF line ends, invariant formatting and no byte-order mark. Free text starting with "=", "+",
    /// "-" or "@" is escaped so a spreadsheet never runs it as a formula.
    /// </summary>
    /// <summary>
    /// One sheet of rows under a frozen header, each column its width in characters. Synchronous: the workbook is built in memory,
    /// and MiniExcel's async writer is about twice as slow for no benefit here.
    /// </summary>
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> columns, IReadOnlyList<int> widths, IEnumerable<object?[]> rows)
    {
        var sheet = rows.Select(row =>
        {
            var values = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) values[columns[i]] = row[i];
            return values;
        }).ToList();
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns = columns.Select((name, i) => new MiniExcelLibs.Attributes.DynamicExcelColumn(name) { Width = widths[i] }).ToArray(),
            FreezeRowCount = 1,
        };
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, new Dictionary<string, object> { [sheetName] = sheet }, printHeader: true, excelType: MiniExcelLibs.ExcelType.XLSX, configuration: configuration);
        return buffer.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\r\n",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = false,
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows) csv.WriteRecord(row);
        }
        return buffer.ToArray();
    }
}
