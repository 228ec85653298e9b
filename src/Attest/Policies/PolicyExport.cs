using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Attest.Data;
using Attest.Documents;
using CsvHelper;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

/// <summary>
/// Writes controlled documents out: one version as Markdown, a standalone HTML page or a PDF, each opening with the
/// document-control block an auditor looks for; the published set as a ZIP; and the register as CSV.
/// </summary>
public static class PolicyExport
{
    /// <summary>The formats <see cref="VersionAsync"/> writes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["md", "html", "pdf"];

    /// <summary>The header of <see cref="CsvAsync"/>, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["Title", "What it covers", "ISO relevance", "Version", "Status", "Owner", "Next review"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>One version of a document in <paramref name="format"/> (<c>md</c>, <c>html</c> or <c>pdf</c>), with its media type and a download name.</summary>
    /// <exception cref="ValidationFailedException">The format is not one of those (field <c>format</c>).</exception>
    /// <exception cref="RecordNotFoundException">The version is not a version of that document in the acting organization.</exception>
    public static async Task<(byte[] Content, string ContentType, string FileName)> VersionAsync(
        AttestDbContext db, Guid documentId, Guid versionId, string format, DateTimeOffset generatedAt, CancellationToken cancellationToken = default)
    {
        var extension = format?.Trim().ToLowerInvariant() switch
        {
            "md" or "markdown" => "md",
            "html" or "htm" => "html",
            "pdf" => "pdf",
            _ => throw ValidationFailedException.For("format", $"'{format}' is not a document export format; use one of {string.Join(", ", Formats)}."),
        };
        var version = (await LoadAsync(db, [versionId], cancellationToken)).SingleOrDefault(v => v.DocumentId == documentId)
            ?? throw new RecordNotFoundException("Document version", versionId);
        return extension switch
        {
            "md" => (Utf8.GetBytes(ToMarkdown(version)), "text/markdown; charset=utf-8", version.FileName("md")),
            "html" => (Utf8.GetBytes(ToHtml(version)), "text/html; charset=utf-8", version.FileName("html")),
            _ => (PdfDocumentWriter.Write(ToPrintable(version), generatedAt), "application/pdf", version.FileName("pdf")),
        };
    }

    /// <summary>Every published, live document as Markdown and PDF, with <c>index.csv</c> (see <see cref="CsvAsync"/>), in one ZIP file.</summary>
    public static async Task<byte[]> PublishedSetZipAsync(AttestDbContext db, DateTimeOffset generatedAt, CancellationToken cancellationToken = default)
    {
        var published = await db.Documents.AsNoTracking().Where(d => !d.Retired && d.PublishedVersionId != null)
            .Select(d => d.PublishedVersionId!.Value).ToListAsync(cancellationToken);
        var versions = await LoadAsync(db, published, cancellationToken);
        var index = await CsvAsync(db, cancellationToken);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = generatedAt;
                using var stream = entry.Open();
                stream.Write(content);
            }
            Add("index.csv", index);
            foreach (var version in versions)
            {
                Add(version.FileName("md"), Utf8.GetBytes(ToMarkdown(version)));
                Add(version.FileName("pdf"), PdfDocumentWriter.Write(ToPrintable(version), generatedAt));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The register as CSV (RFC 4180, UTF-8): one row per live document, by reference, with the title, summary,
    /// relevance, number and status of its latest version, its owner and its next review date.
    /// </summary>
    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => !d.Retired)
            .Join(db.DocumentVersions, d => d.LatestVersionId, v => v.Id, (d, v) => new
            {
                d.Reference, v.Id, v.Title, v.Summary, v.Major, v.Minor, v.Status, d.NextReviewOn,
                Owner = db.Users.Where(u => u.Id == d.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var relevance = await DocumentQueries.RelevanceAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);

        // Ordinal, so both databases give the same order whatever their collation.
        return Spreadsheets.Csv(CsvColumns, rows.OrderBy(r => r.Reference, StringComparer.Ordinal).Select(row => new[]
        {
            row.Title, row.Summary, relevance.GetValueOrDefault(row.Id, ""), $"{row.Major}.{row.Minor}", SubmitDocumentForReview.Describe(row.Status),
            row.Owner ?? "", row.NextReviewOn?.ToString("yyyy-MM-dd", Invariant) ?? "",
        }));
    }

    /// <summary><c>POL-005-access-control-policy-v1.2.pdf</c>: reference, title and version, safe in any file system.</summary>
    public static string FileName(string reference, string title, string number, string extension) =>
        $"{Slug(reference, lower: false)}-{Slug(title, lower: true)}-v{number}.{extension}";

    private static string Slug(string value, bool lower)
    {
        var slug = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.') slug.Append(lower ? char.ToLowerInvariant(c) : c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-', '.');
        return text.Length == 0 ? "document" : text;
    }

    /// <summary>Everything an export prints about one version.</summary>
    internal sealed record ExportedVersion(
        Guid DocumentId, string Reference, string Title, string Number, DocumentVersionStatus Status, string Summary, string Body,
        IReadOnlyList<(string Key, string Value)> Control)
    {
        public string FileName(string extension) => PolicyExport.FileName(Reference, Title, Number, extension);
    }

    /// <summary>The versions with their documents, owners, approvals and relevance, in a fixed number of queries however many there are.</summary>
    internal static async Task<List<ExportedVersion>> LoadAsync(AttestDbContext db, IReadOnlyCollection<Guid> versionIds, CancellationToken cancellationToken)
    {
        if (versionIds.Count == 0) return [];
        var ids = versionIds.Distinct().ToList();
        var rows = await db.DocumentVersions.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new
            {
                Version = v, d.Reference, d.Classification, d.NextReviewOn, d.ReviewMonths, d.Distribution, d.DistributionGroups, d.PublishedVersionId,
                Owner = db.Users.Where(u => u.Id == d.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var approvals = await db.DocumentApprovals.AsNoTracking().Where(a => ids.Contains(a.VersionId))
            .Select(a => new
            {
                a.VersionId, a.Decision, a.RequestedAt, a.DecidedAt, a.RequiredJobTitle,
                DecidedBy = db.Users.Where(u => u.Id == a.DecidedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var relevance = await DocumentQueries.RelevanceAsync(db, ids, cancellationToken);

        return rows.OrderBy(r => r.Reference, StringComparer.Ordinal).Select(row =>
        {
            var v = row.Version;
            // Only the last review round approved the text as it is: approvals from before changes were requested do not count.
            var mine = approvals.Where(a => a.VersionId == v.Id).ToList();
            var lastRound = mine.Count == 0 ? default : mine.Max(a => a.RequestedAt);
            var approved = mine.Where(a => a.RequestedAt == lastRound && a.Decision == ApprovalDecision.Approved && a.DecidedAt is not null)
                .OrderBy(a => a.DecidedAt)
                .Select(a => $"{a.DecidedBy ?? "a former member"}{(a.RequiredJobTitle is { } job ? $" ({job})" : "")}, {Date(a.DecidedAt!.Value.UtcDateTime)}")
                .ToList();
            var isCurrent = v.Id == row.PublishedVersionId && v.Status == DocumentVersionStatus.Published;
            var nextReview = isCurrent ? row.NextReviewOn?.ToString("yyyy-MM-dd", Invariant) ?? "Not set"
                : v.IsFinal ? "Not applicable (no longer in force)"
                : $"{row.ReviewMonths} months after the effective date";
            var control = new List<(string, string)>
            {
                ("Reference", row.Reference),
                ("Title", v.Title),
                ("Version", v.Number),
                ("Status", Capitalized(SubmitDocumentForReview.Describe(v.Status))),
                ("Effective date", v.EffectiveOn?.ToString("yyyy-MM-dd", Invariant) ?? "Not yet effective"),
                ("Next review", nextReview),
                ("Owner", row.Owner ?? "Not assigned"),
                ("Classification", row.Classification.ToString()),
                ("Approved by", approved.Count == 0 ? "Not yet approved" : string.Join("; ", approved)),
                ("Distribution", DescribeDistribution(row.Distribution, row.DistributionGroups)),
                ("ISO relevance", relevance.GetValueOrDefault(v.Id) is { Length: > 0 } notation ? notation : "None recorded"),
                ("Change note", v.ChangeNote.Length > 0 ? v.ChangeNote : "None"),
            };
            return new ExportedVersion(v.DocumentId, row.Reference, v.Title, v.Number, v.Status, v.Summary, v.Body, control);
        }).ToList();
    }

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", Invariant);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string DescribeDistribution(DocumentDistribution distribution, string groups) => distribution switch
    {
        DocumentDistribution.AllPersonnel => "All personnel",
        DocumentDistribution.Management => "Management (admins and managers)",
        DocumentDistribution.Groups => $"Groups: {groups}",
        _ => "No one (not distributed for acceptance)",
    };

    internal static string ToMarkdown(ExportedVersion version)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Soa.SoaExport.MarkdownText(version.Title)).Append("\n\n");
        text.Append("| Document control | |\n|---|---|\n");
        foreach (var (key, value) in version.Control) text.Append("| ").Append(key).Append(" | ").Append(Soa.SoaExport.MarkdownText(value)).Append(" |\n");
        text.Append('\n');
        if (version.Summary.Length > 0) text.Append(Soa.SoaExport.MarkdownText(version.Summary)).Append("\n\n");
        if (version.Body.Length > 0) text.Append(version.Body.TrimEnd()).Append('\n');
        return text.ToString();
    }

    internal static string ToHtml(ExportedVersion version)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{version.Reference} {version.Title} v{version.Number}")).Append("</title>\n")
            .Append("<style>\n")
            .Append("body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}\n")
            .Append("table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}\n")
            .Append("table.document-control th{background:#f2f2f2;white-space:nowrap}.summary{font-style:italic}\n")
            .Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(E(version.Title)).Append("</h1>\n");
        html.Append("<table class=\"document-control\">\n<caption>Document control</caption>\n<tbody>\n");
        foreach (var (key, value) in version.Control)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        if (version.Summary.Length > 0) html.Append("<p class=\"summary\">").Append(E(version.Summary)).Append("</p>\n");
        html.Append("<article>\n").Append(MarkdownText.ToSafeHtml(version.Body)).Append("\n</article>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    internal static PrintableDocument ToPrintable(ExportedVersion version)
    {
        var blocks = new List<DocumentBlock> { new KeyValueTable(version.Control) };
        if (version.Summary.Length > 0) blocks.Add(new Paragraph(version.Summary));
        blocks.AddRange(MarkdownBlocks.From(version.Body));
        return new PrintableDocument($"{version.Reference} {version.Title}", $"Version {version.Number} ({SubmitDocumentForReview.Describe(version.Status)})", blocks);
    }
}

/// <summary>Markdown turned into the plain blocks of a <see cref="PrintableDocument"/>: headings, paragraphs, lists and tables; inline formatting becomes plain text.</summary>
internal static class MarkdownBlocks
{
    // The same extensions as the HTML rendering, so a table or a task list reads the same in print.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static IReadOnlyList<DocumentBlock> From(string? markdown)
    {
        var blocks = new List<DocumentBlock>();
        if (string.IsNullOrWhiteSpace(markdown)) return blocks;
        foreach (var block in Markdown.Parse(markdown, Pipeline)) Walk(block, blocks);
        return blocks;
    }

    private static void Walk(Block block, List<DocumentBlock> output)
    {
        switch (block)
        {
            case HeadingBlock heading:
                // Policies use ## for sections and ### below; the print layout has two levels.
                Add(output, InlineText(heading.Inline), text => new Heading(text, heading.Level <= 2 ? 1 : 2));
                break;
            case ParagraphBlock paragraph:
                Add(output, InlineText(paragraph.Inline), text => new Paragraph(text));
                break;
            case ListBlock list:
                var items = new List<string>();
                ListItems(list, 0, items);
                if (items.Count > 0) output.Add(new BulletList(items));
                break;
            case Markdig.Extensions.Tables.Table table:
                AddTable(table, output);
                break;
            case CodeBlock code:
                Add(output, LinesText(code), text => new Paragraph(text));
                break;
            case ThematicBreakBlock or LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container) Walk(child, output);
                break;
            case LeafBlock leaf:
                Add(output, leaf.Inline is not null ? InlineText(leaf.Inline) : LinesText(leaf), text => new Paragraph(text));
                break;
        }
    }

    private static void Add(List<DocumentBlock> output, string text, Func<string, DocumentBlock> create)
    {
        text = text.Trim();
        if (text.Length > 0) output.Add(create(text));
    }

    private static void ListItems(ListBlock list, int depth, List<string> items)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = string.Join("\n", item.Where(b => b is not ListBlock).Select(BlockText).Where(t => t.Length > 0));
            var prefix = (depth > 0 ? new string(' ', depth * 2) + "\u2013 " : "") + (list.IsOrdered ? $"{number}. " : "");
            items.Add(prefix + text);
            number++;
            foreach (var nested in item.OfType<ListBlock>()) ListItems(nested, depth + 1, items);
        }
    }

    private static string BlockText(Block block) => block switch
    {
        LeafBlock { Inline: not null } leaf => InlineText(leaf.Inline).Trim(),
        LeafBlock leaf => LinesText(leaf),
        ContainerBlock container => string.Join("\n", container.Select(BlockText).Where(t => t.Length > 0)),
        _ => "",
    };

    private static void AddTable(Markdig.Extensions.Tables.Table table, List<DocumentBlock> output)
    {
        var rows = table.OfType<TableRow>().Select(r => (r.IsHeader, Cells: r.OfType<TableCell>().Select(c => BlockText(c)).ToList())).ToList();
        if (rows.Count == 0) return;
        var header = rows.FindIndex(r => r.IsHeader) is var h and >= 0 ? h : 0;
        var width = rows.Max(r => r.Cells.Count);
        if (width == 0) return;
        List<string> Pad(List<string> cells) => cells.Concat(Enumerable.Repeat("", width - cells.Count)).ToList();
        var body = rows.Where((_, i) => i != header).Select(r => (IReadOnlyList<string>)Pad(r.Cells)).ToList();
        output.Add(new Documents.Table(Pad(rows[header].Cells), body, Enumerable.Repeat(1.0, width).ToList()));
    }

    private static string LinesText(LeafBlock leaf) =>
        string.Join("\n", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString())).TrimEnd();

    /// <summary>The text of inlines without their formatting; a link keeps its address in brackets when that adds something.</summary>
    public static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case TaskList task:
                text.Append(task.Checked ? "[x] " : "[ ] ");
                break;
            case LinkInline link:
                var start = text.Length;
                foreach (var child in link) Append(child, text);
                var label = text.ToString(start, text.Length - start);
                var url = link.Url ?? "";
                if (!link.IsImage && IsShownAddress(url) && !string.Equals(label.Trim(), url, StringComparison.OrdinalIgnoreCase)) text.Append(" (").Append(url).Append(')');
                break;
            case DelimiterInline delimiter:
                text.Append(delimiter.ToLiteral());
                foreach (var child in delimiter) Append(child, text);
                break;
            case ContainerInline container:
                foreach (var child in container) Append(child, text);
                break;
        }
    }

    // Print shows where a link goes only for addresses a reader can use; never a script.
    private static bool IsShownAddress(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
