using Attest.Documents;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Attest.Policies;

/// <summary>What an index import did: documents created, documents updated, and requirement links the imported rows carry.</summary>
public sealed record PolicyIndexResult(int Created, int Updated, int Links);

/// <summary>
/// Imports a policy index — a CSV or XLSX sheet, or a Markdown pipe table — with one policy per row: its title, what it
/// covers and its ISO relevance. A row whose title a live document has updates that document's summary and relevance
/// (its text and other settings stay); any other row becomes a draft policy with an outline to write into.
/// Every row is checked first; one bad row means nothing is imported, and the error lists every bad row.
/// </summary>
public sealed class ImportPolicyIndex(AttestDbContext db, SaveDocument save)
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The body a new document starts with: the sections a policy is expected to have, to be written.</summary>
    public const string Outline = "## Purpose\n\n## Scope\n\n## Policy statements\n\n## Roles and responsibilities\n\n## Compliance and exceptions\n\n## Review";

    /// <summary>Imports the index in <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/>.</summary>
    /// <exception cref="ValidationFailedException">The file cannot be read, has no title column, or any row is wrong (field <c>File</c>; nothing was imported).</exception>
    public async Task<PolicyIndexResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await ReadLimitedAsync(content, fileName, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        var columns = PolicyIndexColumns.Match(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no policies: the table has a header but no rows.");

        var index = await RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken);
        var live = await db.Documents.AsNoTracking().Where(d => !d.Retired).Select(d => new { d.Id, d.Title, d.Reference }).ToListAsync(cancellationToken);
        var byTitle = live.OrderBy(d => d.Reference, StringComparer.Ordinal).GroupBy(d => d.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var references = (await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Reference }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Reference, d => d.Id, StringComparer.Ordinal);
        var owners = await PolicyPeople.FindAsync(db, rows.Select(r => columns.Owner is { } o ? r.Cell(o) : ""), cancellationToken);

        var errors = new List<string>();
        var planned = new List<PlannedRow>();
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var referencesInFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var problems = new List<string>();
            var title = row.Cell(columns.Title);
            if (title.Length == 0) problems.Add("the title is empty.");
            else if (title.Length > 300) problems.Add($"the title has {title.Length} characters; at most 300.");
            else if (titles.TryGetValue(title, out var firstRow)) problems.Add($"'{title}' is listed twice (also on {firstRow}).");
            else titles[title] = row.Label;

            var summary = columns.Summary is { } s ? row.Cell(s) : "";
            if (summary.Length > 1000) problems.Add($"what it covers has {summary.Length} characters; at most 1000.");

            var relevance = string.Join("; ", columns.Relevance.Select(row.Cell).Where(c => c.Length > 0));
            IReadOnlyList<Guid> requirements = [];
            try
            {
                requirements = IsoNotation.Parse(relevance, index);
            }
            catch (ValidationFailedException invalid)
            {
                problems.AddRange(invalid.Errors.SelectMany(e => e.Value).Select(m => "ISO relevance: " + m));
            }

            var existingId = title.Length > 0 && byTitle.TryGetValue(title, out var id) ? id : (Guid?)null;
            var reference = columns.Reference is { } r ? row.Cell(r) : "";
            if (reference.Length > 40) problems.Add($"the reference has {reference.Length} characters; at most 40.");
            else if (reference.Length > 0)
            {
                if (referencesInFile.TryGetValue(reference, out var otherRow)) problems.Add($"reference {reference} is also used on {otherRow}.");
                else referencesInFile[reference] = row.Label;
                if (references.TryGetValue(reference, out var holder) && holder != existingId) problems.Add($"reference {reference} is already used by another document.");
            }

            DocumentKind? kind = null;
            if (columns.Kind is { } k && row.Cell(k) is { Length: > 0 } kindText)
            {
                if (PolicyFrontMatter.TryParseKind(kindText, out var parsed)) kind = parsed;
                else problems.Add($"'{kindText}' is not a document kind; use {PolicyFrontMatter.KindWords}.");
            }
            DocumentClassification? classification = null;
            if (columns.Classification is { } c && row.Cell(c) is { Length: > 0 } classificationText)
            {
                if (PolicyFrontMatter.TryParseClassification(classificationText, out var parsed)) classification = parsed;
                else problems.Add($"'{classificationText}' is not a classification; use {PolicyFrontMatter.ClassificationWords}.");
            }
            int? reviewMonths = null;
            if (columns.ReviewMonths is { } m && row.Cell(m) is { Length: > 0 } monthsText)
            {
                if (int.TryParse(monthsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 60) reviewMonths = months;
                else problems.Add($"review months '{monthsText}' is not a number between 1 and 60.");
            }
            Guid? ownerId = null;
            if (columns.Owner is { } o && row.Cell(o) is { Length: > 0 } ownerText)
            {
                if (owners.GetValueOrDefault(ownerText) is { UserId: { } user }) ownerId = user;
                else problems.Add("owner " + PolicyPeople.Problem(ownerText, owners));
            }

            errors.AddRange(problems.Select(p => $"{row.Label}: {p}"));
            if (problems.Count == 0)
            {
                planned.Add(new PlannedRow(row.Label, title, existingId, columns.Summary is null || summary.Length == 0 ? null : summary,
                    relevance.Length == 0 ? null : relevance, requirements.Count, reference.Length == 0 ? null : reference, kind, classification, reviewMonths, ownerId));
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        var created = 0;
        var updated = 0;
        var links = 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var row in planned)
        {
            DocumentInput input;
            if (row.ExistingId is { } existing)
            {
                // Blank cells keep what the document says: an index that leaves a cell empty has not decided to erase it.
                var current = await PolicyPeople.CurrentInputAsync(db, existing, cancellationToken);
                input = current with
                {
                    Summary = row.Summary ?? current.Summary,
                    Relevance = row.Relevance ?? current.Relevance,
                    Reference = row.Reference ?? current.Reference,
                    Kind = row.Kind ?? current.Kind,
                    Classification = row.Classification ?? current.Classification,
                    ReviewMonths = row.ReviewMonths ?? current.ReviewMonths,
                    OwnerId = row.OwnerId ?? current.OwnerId,
                    // Null only when the latest version is published: the save then starts a new draft, which should say why.
                    ChangeNote = current.ChangeNote ?? $"Summary and ISO relevance updated from the policy index {fileName}.",
                };
                var currentRequirements = IsoNotation.Parse(current.Relevance, index);
                links += row.Relevance is null ? currentRequirements.Count : row.Links;
                // Importing the same index again must not give every published document a new, identical draft.
                if (Unchanged(current, input, currentRequirements, row.Relevance is null ? currentRequirements : IsoNotation.Parse(row.Relevance, index))) continue;
                updated++;
            }
            else
            {
                input = new DocumentInput(row.Title, row.Summary, Outline, row.Kind ?? DocumentKind.Policy, row.Reference, row.OwnerId,
                    row.Classification ?? DocumentClassification.Internal, row.ReviewMonths ?? 12, Relevance: row.Relevance);
                links += row.Links;
                created++;
            }
            try
            {
                await save.RunAsync(row.ExistingId, input, cancellationToken);
            }
            catch (ValidationFailedException refused)
            {
                // A rule the checks above do not know about (say, a document listed publicly being reclassified): name the row.
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["File"] = refused.Errors.SelectMany(e => e.Value.Select(message => $"{row.Label}: {e.Key}: {message}")).ToArray(),
                });
            }
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new PolicyIndexResult(created, updated, links);
    }

    private static bool Unchanged(DocumentInput current, DocumentInput wanted, IReadOnlyList<Guid> currentRequirements, IReadOnlyList<Guid> wantedRequirements) =>
        (current.Summary ?? "").Trim() == (wanted.Summary ?? "").Trim()
        && (current.Reference ?? "").Trim() == (wanted.Reference ?? "").Trim()
        && current.Kind == wanted.Kind
        && current.Classification == wanted.Classification
        && current.ReviewMonths == wanted.ReviewMonths
        && current.OwnerId == wanted.OwnerId
        && currentRequirements.ToHashSet().SetEquals(wantedRequirements);

    private sealed record PlannedRow(
        string Label, string Title, Guid? ExistingId, string? Summary, string? Relevance, int Links, string? Reference,
        DocumentKind? Kind, DocumentClassification? Classification, int? ReviewMonths, Guid? OwnerId);

    private static Task<byte[]> ReadLimitedAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
}

/// <summary>One row of an index as read from the file, with the label errors use ("row 4", "row 2 (line 7)").</summary>
internal sealed record PolicyIndexRow(string Label, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";
}

/// <summary>The header and rows of an index file, whatever its format.</summary>
internal sealed partial record PolicyIndexTable(IReadOnlyList<string> Headers, IReadOnlyList<PolicyIndexRow> Rows)
{
    public static PolicyIndexTable Read(byte[] bytes, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".md" or ".markdown" or ".txt"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not an index file Attest reads; use .csv, .xlsx, or a Markdown table in .md, .markdown or .txt.");
        }
        if (bytes.Length == 0 || (extension != ".xlsx" && Text(bytes).Trim().Length == 0)) throw ValidationFailedException.For("File", $"{fileName} is empty.");
        return extension switch
        {
            ".csv" => ReadCsv(bytes, fileName),
            ".xlsx" => ReadXlsx(bytes, fileName),
            _ => ReadMarkdown(Text(bytes), fileName),
        };
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    private static PolicyIndexTable ReadCsv(byte[] bytes, string fileName)
    {
        var options = CsvReaderOptions.Default with
        {
            // Excel's "sep=;" first line names the separator itself; the reader honours it when left to detect.
            Separator = Text(bytes).StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? null : SeparatorOf(Text(bytes)),
            // Empty lines are rows in a spreadsheet too: keeping them keeps the row numbers the same as there.
            SkipEmptyLines = false,
            TrimWhitespace = true,
            MaxRecordSize = ImportPolicyIndex.MaxBytes,
        };
        try
        {
            using var csv = CsvReader.Create(bytes, options);
            var headers = csv.Headers.ToList();
            var rows = new List<PolicyIndexRow>();
            while (csv.Read())
            {
                rows.Add(new PolicyIndexRow($"row {csv.RowNumber + 1}", Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList()));
            }
            return new PolicyIndexTable(headers, rows);
        }
        catch (Exception unreadable) when (unreadable is CsvFormatException or InvalidDataException or DecoderFallbackException)
        {
            throw ValidationFailedException.For("File", $"{fileName} could not be read as CSV: {unreadable.Message}");
        }
    }

    /// <summary>Comma unless the header line has more semicolons (as spreadsheets write CSV where the comma is the decimal separator).</summary>
    private static char SeparatorOf(string text)
    {
        var firstLine = text.TrimStart('\r', '\n').Split('\n')[0];
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in firstLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static PolicyIndexTable ReadXlsx(byte[] bytes, string fileName)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or FormatException or InvalidOperationException
            or System.Xml.XmlException or NotSupportedException or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException)
        {
            throw ValidationFailedException.For("File", $"{fileName} could not be read as an Excel workbook (.xlsx): {unreadable.Message}");
        }
        var rows = sheet.Select((cells, i) => new PolicyIndexRow($"row {i + 1}", cells.Values.Select(CellText).ToList())).ToList();
        var header = rows.FindIndex(r => r.Cells.Any(c => c.Length > 0));
        if (header < 0) throw ValidationFailedException.For("File", $"{fileName} is empty: its first sheet has no cells.");
        return new PolicyIndexTable(rows[header].Cells.Select(c => c.Trim()).ToList(), rows[(header + 1)..]);
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string text => text.Trim(),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("s", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>
    /// The first pipe table whose header names a title column (or, when none does, the first table, so the error can
    /// say which columns it found). Rows are numbered as they appear in the table, with the file's line beside.
    /// </summary>
    private static PolicyIndexTable ReadMarkdown(string text, string fileName)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        PolicyIndexTable? first = null;
        var fenced = false;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) fenced = !fenced;
            if (fenced || !lines[i].Contains('|') || !SeparatorRow().IsMatch(lines[i + 1])) continue;
            var headers = SplitRow(lines[i]);
            var rows = new List<PolicyIndexRow>();
            var next = i + 2;
            for (; next < lines.Length && lines[next].Contains('|') && lines[next].Trim().Length > 0; next++)
            {
                rows.Add(new PolicyIndexRow($"row {rows.Count + 1} (line {next + 1})", SplitRow(lines[next])));
            }
            var table = new PolicyIndexTable(headers, rows);
            if (PolicyIndexColumns.HasTitle(headers)) return table;
            first ??= table;
            i = next - 1;
        }
        return first ?? throw ValidationFailedException.For("File",
            $"{fileName} has no Markdown table; expected a header such as | Policy | What it covers | ISO 27001 relevance | followed by |---|---|---|.");
    }

    /// <summary>Splits "| a | b \| c |" into its cells: outer pipes optional, <c>\|</c> a literal pipe; bold and code marks dropped.</summary>
    private static List<string> SplitRow(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('|')) text = text[1..];
        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal)) text = text[..^1];
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(Clean(cell.ToString()));
                cell.Clear();
            }
            else cell.Append(text[i]);
        }
        cells.Add(Clean(cell.ToString()));
        return cells;
    }

    private static string Clean(string cell) => cell.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex SeparatorRow();
}

/// <summary>Which column of an index holds what, found from header names written however a person wrote them.</summary>
internal sealed record PolicyIndexColumns(
    int Title, int? Summary, IReadOnlyList<int> Relevance, int? Reference, int? Owner, int? Kind, int? Classification, int? ReviewMonths)
{
    private static readonly string[] TitleNames = ["policy", "title", "name", "document", "policyname", "documenttitle", "policytitle", "documentname"];
    private static readonly string[] SummaryNames = ["whatitcovers", "summary", "description", "purpose", "covers"];
    private static readonly string[] ReferenceNames = ["reference", "ref", "id", "policyid", "documentid", "policyreference", "documentreference", "policyref"];
    private static readonly string[] OwnerNames = ["owner", "owneremail", "policyowner", "documentowner"];
    private static readonly string[] KindNames = ["kind", "type", "documenttype", "documentkind"];
    private static readonly string[] ClassificationNames = ["classification"];
    private static readonly string[] ReviewMonthsNames = ["reviewmonths", "reviewcyclemonths", "reviewintervalmonths", "reviewperiodmonths", "reviewfrequencymonths"];
    private static readonly string[] RelevanceWords = ["relevance", "iso", "clause", "annex", "mapping", "controls"];

    /// <summary>"ISO 27001 relevance" → "iso27001relevance".</summary>
    public static string Normalize(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static bool HasTitle(IReadOnlyList<string> headers) => headers.Any(h => TitleNames.Contains(Normalize(h)));

    public static PolicyIndexColumns Match(IReadOnlyList<string> headers, string fileName)
    {
        var found = new Dictionary<string, int>();
        var relevance = new List<int>();
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = Normalize(headers[i]);
            if (name.Length == 0) continue;
            var role = TitleNames.Contains(name) ? "title"
                : SummaryNames.Contains(name) ? "what it covers"
                : ReferenceNames.Contains(name) ? "reference"
                : OwnerNames.Contains(name) ? "owner"
                : KindNames.Contains(name) ? "kind"
                : ClassificationNames.Contains(name) ? "classification"
                : ReviewMonthsNames.Contains(name) ? "review months"
                : RelevanceWords.Any(name.Contains) ? "relevance"
                : null;
            if (role is null) continue;
            // Relevance may be split over columns (clauses in one, Annex A in another); each cell is one more segment.
            if (role == "relevance") relevance.Add(i);
            else if (found.TryGetValue(role, out var other)) errors.Add($"columns '{headers[other]}' and '{headers[i]}' both look like the {role}; keep one.");
            else found[role] = i;
        }
        if (!found.ContainsKey("title"))
        {
            var seen = headers.Where(h => h.Trim().Length > 0).Select(h => $"'{h.Trim()}'").ToList();
            errors.Insert(0, $"{fileName} has no title column; name one Policy, Title, Name, Document, Policy name or Document title. "
                + (seen.Count == 0 ? "The header row is empty." : $"Columns found: {string.Join(", ", seen)}."));
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });
        int? Optional(string role) => found.TryGetValue(role, out var index) ? index : null;
        return new PolicyIndexColumns(found["title"], Optional("what it covers"), relevance, Optional("reference"), Optional("owner"), Optional("kind"),
            Optional("classification"), Optional("review months"));
    }
}
