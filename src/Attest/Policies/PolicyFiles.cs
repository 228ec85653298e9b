using System.Globalization;
using Attest.Data;
using Markdig;
using Markdig.Syntax;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Attest.Policies;

/// <summary>
/// What a policy Markdown file says about itself: optional YAML front matter between <c>---</c> lines, then the body.
/// Only the keys a file gives are set; everything else is null, so an import into an existing document keeps its
/// current values. Keys are case-insensitive and <c>-</c>/<c>_</c> mean the same.
/// </summary>
public sealed record PolicyFrontMatter
{
    /// <summary>The keys a file may use, as they are written in the documentation.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "title", "reference", "kind", "summary", "relevance", "classification", "review-months", "review-cycle",
        "public", "full-text", "approvers", "distribution", "groups", "owner",
    ];

    /// <summary>From the front matter, else the first <c># </c> heading (removed from <see cref="Body"/>), else the file name.</summary>
    public required string Title { get; init; }

    /// <summary>False when the title only came from the file name, which should not rename an existing document.</summary>
    public bool TitleGiven { get; init; }

    /// <summary>The Markdown after the front matter (and without the heading that gave the title).</summary>
    public required string Body { get; init; }

    public string? Reference { get; init; }
    public DocumentKind? Kind { get; init; }
    public string? Summary { get; init; }
    public string? Relevance { get; init; }
    public DocumentClassification? Classification { get; init; }
    public int? ReviewMonths { get; init; }
    public string? ReviewCycle { get; init; }
    public bool? ListPublicly { get; init; }
    public bool? PublishFullText { get; init; }
    public string? Approvers { get; init; }
    public DocumentDistribution? Distribution { get; init; }
    public string? DistributionGroups { get; init; }

    /// <summary>The owner as written (a member's e-mail); the import resolves it to a person.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>The line of the file each given key is on (normalized key → 1-based line), for errors found later.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// The document input: the file's values over <paramref name="current"/> (an existing document's values) or over
    /// the defaults of a new document. The owner is left as it was; set it once <see cref="OwnerEmail"/> is resolved.
    /// </summary>
    public DocumentInput ToInput(DocumentInput? current = null)
    {
        var baseline = current ?? new DocumentInput(Title, null, null);
        // Naming groups without saying who reads the document can only mean "these groups".
        var distribution = Distribution ?? (DistributionGroups is not null ? DocumentDistribution.Groups : baseline.Distribution);
        return baseline with
        {
            Title = TitleGiven || current is null ? Title : current.Title,
            Body = Body,
            Reference = Reference ?? baseline.Reference,
            Kind = Kind ?? baseline.Kind,
            Summary = Summary ?? baseline.Summary,
            Relevance = Relevance ?? baseline.Relevance,
            Classification = Classification ?? baseline.Classification,
            ReviewMonths = ReviewMonths ?? baseline.ReviewMonths,
            ReviewCycle = ReviewCycle ?? baseline.ReviewCycle,
            ListPublicly = ListPublicly ?? baseline.ListPublicly,
            PublishFullText = PublishFullText ?? baseline.PublishFullText,
            Approvers = Approvers ?? baseline.Approvers,
            Distribution = distribution,
            DistributionGroups = DistributionGroups ?? baseline.DistributionGroups,
        };
    }

    /// <summary>Reads a policy file. Every problem in the front matter is reported at once (field <c>File</c>), naming the key and line.</summary>
    /// <exception cref="ValidationFailedException">The front matter is not valid YAML, uses an unknown key or a value that does not fit its key.</exception>
    public static PolicyFrontMatter Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var body = lines;
        var yamlLines = Array.Empty<string>();
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (close < 0) throw ValidationFailedException.For("File", $"{fileName}, line 1: the front matter starts with --- but no closing --- line follows.");
            yamlLines = lines[1..close];
            body = lines[(close + 1)..];
        }

        var reader = new Reader(fileName);
        var values = reader.Read(string.Join('\n', yamlLines));
        var matter = reader.Build(values);
        reader.ThrowIfInvalid();

        var bodyText = string.Join('\n', body).Trim('\n');
        var title = matter.TitleGiven ? matter.Title : null;
        var titleGiven = title is not null;
        if (FirstHeading(bodyText) is { } heading && (title is null || string.Equals(heading.Text, title, StringComparison.OrdinalIgnoreCase)))
        {
            // The exports print the title above the body; a heading that repeats it would show twice.
            title ??= heading.Text;
            titleGiven = true;
            var bodyLines = bodyText.Split('\n').ToList();
            bodyLines.RemoveAt(heading.Line);
            bodyText = string.Join('\n', bodyLines).Trim('\n');
        }
        return matter with { Title = title ?? TitleFromFileName(fileName), TitleGiven = titleGiven, Body = bodyText };
    }

    private static (string Text, int Line)? FirstHeading(string markdown)
    {
        var document = Markdown.Parse(markdown);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1 && !h.IsSetext && h.Parent is MarkdownDocument);
        if (heading is null) return null;
        var text = MarkdownBlocks.InlineText(heading.Inline).Trim();
        return text.Length == 0 ? null : (text, heading.Line);
    }

    /// <summary>"05-access_control-policy.md" → "05 access control policy", with a capital first letter.</summary>
    internal static string TitleFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ').Trim();
        stem = string.Join(' ', stem.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return stem.Length == 0 ? "Untitled policy" : char.ToUpperInvariant(stem[0]) + stem[1..];
    }

    /// <summary>"review_months", "Review-Months" and "reviewmonths" are the same key.</summary>
    internal static string NormalizeKey(string key) =>
        new(key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Reads a kind as written in files and spreadsheets: <c>record-template</c>, <c>Record template</c> or <c>RecordTemplate</c>.</summary>
    internal static bool TryParseKind(string value, out DocumentKind kind) => TryParseWords(value, out kind);

    internal static bool TryParseClassification(string value, out DocumentClassification classification) => TryParseWords(value, out classification);

    internal static bool TryParseDistribution(string value, out DocumentDistribution distribution) => TryParseWords(value, out distribution);

    internal const string KindWords = "policy, standard, procedure, plan, record-template or isms-document";
    internal const string ClassificationWords = "public, internal, confidential or restricted";
    internal const string DistributionWords = "all-personnel, management, groups or no-one";

    private static bool TryParseWords<TEnum>(string value, out TEnum result) where TEnum : struct, Enum
    {
        var wanted = NormalizeKey(value);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (NormalizeKey(candidate.ToString()) == wanted && wanted.Length > 0)
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }

    private sealed record Value(string Key, IReadOnlyList<string> Items, bool IsList, int Line)
    {
        public string Text => string.Join(", ", Items);
    }

    /// <summary>Reads the flat mapping a front matter is, from YamlDotNet's events: no aliases (they could expand without bound), no nesting.</summary>
    private sealed class Reader(string fileName)
    {
        private readonly List<string> _errors = [];

        public List<Value> Read(string yaml)
        {
            var result = new List<Value>();
            if (string.IsNullOrWhiteSpace(yaml)) return result;
            var parser = new Parser(new StringReader(yaml));
            try
            {
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _)) return result;
                parser.Consume<DocumentStart>();
                if (parser.TryConsume<Scalar>(out var lone) && lone.Style == ScalarStyle.Plain && lone.Value.Length == 0) return result;
                if (!parser.TryConsume<MappingStart>(out _))
                {
                    Error(parser.Current?.Start ?? Mark.Empty, "the front matter must be a list of key: value lines.");
                    return result;
                }
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (!parser.TryConsume<Scalar>(out var key))
                    {
                        Error(parser.Current?.Start ?? Mark.Empty, "a key must be a plain name such as title.");
                        return result;
                    }
                    var line = Line(key.Start);
                    var normalized = NormalizeKey(key.Value);
                    if (seen.TryGetValue(normalized, out var first)) Error(key.Start, $"'{key.Value}' is given twice (first on line {first}).");
                    else seen[normalized] = line;
                    var value = ReadValue(parser, key.Value);
                    if (value is not null) result.Add(new Value(key.Value, value.Value.Items, value.Value.IsList, line));
                }
            }
            catch (YamlException invalid)
            {
                Error(invalid.Start, "not valid YAML: " + YamlProblem(invalid));
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet throws this for some truncated flow collections ("[a" at the end).
                Error(parser.Current?.End ?? Mark.Empty, "not valid YAML: an unclosed [ or { ?");
            }
            return result;
        }

        private (IReadOnlyList<string> Items, bool IsList)? ReadValue(IParser parser, string key)
        {
            if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                Error(anchored.Start, $"'{key}': anchors (&) are not supported; write the value out.");
            }
            if (parser.Accept<AnchorAlias>(out var alias))
            {
                Error(alias.Start, $"'{key}': aliases (*{alias.Value}) are not supported; write the value out.");
                parser.MoveNext();
                return null;
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                return isNull ? null : ([scalar.Value.Trim()], false);
            }
            if (parser.TryConsume<SequenceStart>(out var sequence))
            {
                var items = new List<string>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    if (parser.TryConsume<Scalar>(out var item)) items.Add(item.Value.Trim());
                    else
                    {
                        Error(parser.Current?.Start ?? sequence.Start, $"'{key}': a list may only hold plain values.");
                        parser.SkipThisAndNestedEvents();
                    }
                }
                return (items.Where(i => i.Length > 0).ToList(), true);
            }
            var start = parser.Current?.Start ?? Mark.Empty;
            Error(start, $"'{key}' must be a value or a list, not a nested mapping.");
            parser.SkipThisAndNestedEvents();
            return null;
        }

        public PolicyFrontMatter Build(List<Value> values)
        {
            string? title = null, reference = null, summary = null, relevance = null, reviewCycle = null, approvers = null, groups = null, owner = null;
            DocumentKind? kind = null;
            DocumentClassification? classification = null;
            DocumentDistribution? distribution = null;
            int? reviewMonths = null;
            bool? listPublicly = null, fullText = null;
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var key = NormalizeKey(value.Key);
                lines[key] = value.Line;
                var text = value.Text;
                var listed = value.IsList && key is not ("approvers" or "groups" or "relevance");
                if (listed)
                {
                    Error(value.Line, $"'{value.Key}' takes one value, not a list.");
                    continue;
                }
                switch (key)
                {
                    case "title": title = text.Length == 0 ? null : text; break;
                    case "reference": reference = text; break;
                    case "summary": summary = text; break;
                    case "relevance": relevance = string.Join("; ", value.Items); break;
                    case "reviewcycle": reviewCycle = text; break;
                    case "approvers": approvers = text; break;
                    case "groups": groups = text; break;
                    case "owner": owner = text.Length == 0 ? null : text; break;
                    case "kind":
                        if (TryParseKind(text, out var k)) kind = k;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not a document kind; use {KindWords}.");
                        break;
                    case "classification":
                        if (TryParseClassification(text, out var c)) classification = c;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not a classification; use {ClassificationWords}.");
                        break;
                    case "distribution":
                        if (TryParseDistribution(text, out var d)) distribution = d;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not a distribution; use {DistributionWords}.");
                        break;
                    case "reviewmonths":
                        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 60) reviewMonths = months;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not a number of months between 1 and 60.");
                        break;
                    case "public":
                        if (TryParseBool(text, out var shown)) listPublicly = shown;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not true or false.");
                        break;
                    case "fulltext":
                        if (TryParseBool(text, out var full)) fullText = full;
                        else Error(value.Line, $"'{value.Key}': '{text}' is not true or false.");
                        break;
                    default:
                        Error(value.Line, $"'{value.Key}' is not a known key; use {string.Join(", ", Keys)}.");
                        break;
                }
            }
            return new PolicyFrontMatter
            {
                Title = title ?? "", TitleGiven = title is not null, Body = "", Reference = reference, Kind = kind, Summary = summary, Relevance = relevance,
                Classification = classification, ReviewMonths = reviewMonths, ReviewCycle = reviewCycle, ListPublicly = listPublicly, PublishFullText = fullText,
                Approvers = approvers, Distribution = distribution, DistributionGroups = groups, OwnerEmail = owner, Lines = lines,
            };
        }

        public void ThrowIfInvalid()
        {
            if (_errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = _errors.ToArray() });
        }

        private static bool TryParseBool(string text, out bool value)
        {
            switch (text.ToLowerInvariant())
            {
                case "true" or "yes" or "on": value = true; return true;
                case "false" or "no" or "off": value = false; return true;
                default: value = false; return false;
            }
        }

        // The YAML starts on the file's second line, after the opening ---.
        private static int Line(Mark mark) => (int)Math.Max(1, mark.Line) + 1;

        private void Error(Mark mark, string message) => Error(Line(mark), message);

        private void Error(int line, string message) => _errors.Add($"{fileName}, line {line}: {message}");

        private static string YamlProblem(YamlException invalid)
        {
            var message = invalid.Message;
            var marks = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line:", StringComparison.Ordinal) && marks >= 0 ? message[(marks + 3)..] : message;
        }
    }
}

/// <summary>The starter policy set shipped with Attest (Policies/Starter/*.md, embedded in the assembly).</summary>
public static class StarterPolicies
{
    private const string Prefix = "Attest.Policies.Starter.";

    private static readonly Lazy<IReadOnlyList<PolicyFrontMatter>> Parsed = new(Load);

    /// <summary>Every starter policy, parsed once, in file-name order.</summary>
    public static IReadOnlyList<PolicyFrontMatter> All => Parsed.Value;

    /// <summary>The starter policies' titles, in file-name order.</summary>
    public static IReadOnlyList<string> Titles => All.Select(p => p.Title).ToList();

    private static IReadOnlyList<PolicyFrontMatter> Load()
    {
        var assembly = typeof(StarterPolicies).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return PolicyFrontMatter.Parse(reader.ReadToEnd(), name[Prefix.Length..]);
            })
            .ToList();
    }
}

/// <summary>
/// Gives an organization the starter policy set as drafts, with their ISO relevance, to adapt and approve. A policy
/// whose title a live document already has is left alone, so running it again adds nothing.
/// </summary>
public sealed class InitStarterPolicies(AttestDbContext db, SaveDocument save)
{
    /// <summary>Creates the missing starter policies in one transaction; returns how many were created.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var existing = (await db.Documents.AsNoTracking().Where(d => !d.Retired).Select(d => d.Title).ToListAsync(cancellationToken))
            .Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = StarterPolicies.All.Where(p => !existing.Contains(p.Title.Trim())).ToList();
        if (missing.Count == 0) return 0;

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var policy in missing) await save.RunAsync(null, policy.ToInput(), cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return missing.Count;
    }
}

/// <summary>
/// Imports one policy written in Markdown. Without a document, it becomes a new draft; with one, it replaces that
/// document's draft text (a published document gets a new draft), and the front matter changes only the settings it names.
/// </summary>
public sealed class ImportPolicyMarkdown(AttestDbContext db, SaveDocument save)
{
    /// <summary>Imports <paramref name="text"/>; returns the document's id.</summary>
    /// <exception cref="ValidationFailedException">The front matter is wrong, the owner is not a member, or the document's rules refuse the result.</exception>
    public async Task<Guid> RunAsync(string text, string fileName, Guid? documentId, CancellationToken cancellationToken = default)
    {
        var file = PolicyFrontMatter.Parse(text, fileName);
        Guid? ownerId = null;
        if (file.OwnerEmail is { } owner)
        {
            var found = await PolicyPeople.FindAsync(db, [owner], cancellationToken);
            if (found[owner] is not { } resolved)
            {
                throw ValidationFailedException.For("File", $"{fileName}, line {file.Lines.GetValueOrDefault("owner", 1)}: 'owner': {PolicyPeople.Problem(owner, found)}");
            }
            ownerId = resolved.UserId;
        }
        var current = documentId is { } id ? await PolicyPeople.CurrentInputAsync(db, id, cancellationToken) : null;
        var input = file.ToInput(current);
        if (ownerId is not null) input = input with { OwnerId = ownerId };
        return await save.RunAsync(documentId, input, cancellationToken);
    }
}

/// <summary>Shared by the imports: who a written owner is, and what an existing document currently says.</summary>
internal static class PolicyPeople
{
    public sealed record Found(Guid? UserId, bool Ambiguous);

    /// <summary>Resolves each name (a member's e-mail, or display name when exactly one member has it) in one query.</summary>
    public static async Task<Dictionary<string, Found?>> FindAsync(AttestDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new Dictionary<string, Found?>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) return result;
        var members = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.NormalizedEmail, u.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var name in wanted)
        {
            if (name.Contains('@'))
            {
                var member = members.FirstOrDefault(m => m.NormalizedEmail == name.ToUpperInvariant());
                result[name] = member is null ? null : new Found(member.Id, false);
            }
            else
            {
                var named = members.Where(m => string.Equals(m.DisplayName.Trim(), name, StringComparison.OrdinalIgnoreCase)).Select(m => m.Id).Distinct().ToList();
                result[name] = named.Count switch { 0 => null, 1 => new Found(named[0], false), _ => new Found(null, true) };
            }
        }
        return result;
    }

    public static string Problem(string name, IReadOnlyDictionary<string, Found?> found) =>
        found.GetValueOrDefault(name) is { Ambiguous: true }
            ? $"more than one member is called '{name}'; give the owner's e-mail."
            : $"'{name}' is not a member of this organization.";

    /// <summary>An existing document as an input that, saved unchanged, changes nothing.</summary>
    public static async Task<DocumentInput> CurrentInputAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var detail = await DocumentQueries.DetailAsync(db, id, cancellationToken);
        // Only this document's own relations: the detail also lists documents that point to it, which are theirs to keep.
        var related = await db.DocumentRelations.AsNoTracking().Where(r => r.DocumentId == id).Select(r => r.RelatedDocumentId).ToListAsync(cancellationToken);
        var latest = detail.Latest;
        return new DocumentInput(
            detail.Title, latest.Summary, latest.Body, detail.Kind, detail.Reference, detail.OwnerId, detail.Classification, detail.ReviewMonths,
            detail.ReviewCycle, detail.Distribution, detail.DistributionGroups, detail.AcceptWithinDays, detail.MinorVersionsNeedAcceptance,
            detail.ListPublicly, detail.PublishFullText, latest.Relevance, detail.Approvers, related, MajorChange: false,
            ChangeNote: latest.Status is DocumentVersionStatus.Draft or DocumentVersionStatus.InReview ? latest.ChangeNote : null, Version: detail.Version);
    }
}
