using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attest.Frameworks.Oscal;

/// <summary>
/// Reads an OSCAL catalog (JSON, OSCAL 1.0.x–1.1.x) into a <see cref="CatalogDocument"/>.
/// </summary>
/// <remarks>
/// Mapping: metadata title and version become the name and version; the party in the "publisher" role
/// (else "creator") becomes the publisher; metadata remarks the description. Groups become
/// <see cref="RequirementKind.Group"/> items, controls <see cref="RequirementKind.Control"/>, and controls
/// nested in controls <see cref="RequirementKind.Enhancement"/>, unless the element's class names a kind
/// ("clause", "group", "control", "enhancement", "function", "category", "subcategory", "article"), which
/// is how NIST's CSF catalog marks its levels and how <see cref="OscalCatalogWriter"/> keeps kinds across a
/// round trip. Within a container, controls come before groups (OSCAL's document order).
/// The "statement" part (else "overview") becomes the description and the "guidance" part the guidance: nested
/// parts are flattened into one line each ("a. …", then "1. …" indented two spaces per level) and parameter
/// insertions are replaced by the parameter's values, "[Selection: a; b]", or "[Assignment: label]".
/// An element is withdrawn when it has a prop status=withdrawn or the class "withdrawn".
/// </remarks>
public static partial class OscalCatalogReader
{
    /// <summary>The largest OSCAL file Attest reads; NIST's full SP 800-53 catalog is about 10 MB.</summary>
    public const long MaxBytes = 50 * 1024 * 1024;

    /// <summary>Keys longer than this are shortened and given a hash suffix so they stay unique.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Reads an OSCAL catalog.</summary>
    /// <param name="json">The file's bytes; read once, up to <see cref="MaxBytes"/>.</param>
    /// <param name="fileName">Used in error locations only.</param>
    /// <param name="key">The framework key; when absent, the key Attest wrote into the file, else <see cref="KeyFromTitle"/>.</param>
    /// <exception cref="CatalogFormatException">The file is not JSON, not a catalog, too large, or breaks a rule; nothing is returned.</exception>
    public static CatalogDocument ReadCatalog(Stream json, string fileName, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = OscalJson.Load(json, fileName);
        var catalog = OscalJson.ModelRoot(document, fileName, OscalJson.Catalog);
        return new CatalogBuilder().Build(catalog, key);
    }

    /// <summary>
    /// Derives a framework key from a title: lower case, accents dropped, "special publication" → "sp",
    /// "revision N" → "revN", "version N" → "vN", every other run of non-alphanumerics → "-".
    /// A key longer than <see cref="MaxKeyLength"/> is cut at a hyphen and ends with 8 hex digits of the
    /// title's SHA-256, so two long titles that share a beginning still get different keys.
    /// The same title always gives the same key.
    /// </summary>
    /// <example>"NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE" → "nist-sp-800-53-rev5-1-1-low-impact-baseline".</example>
    public static string KeyFromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = WordRun().Matches(WithoutAccents(title).ToLowerInvariant()).Select(m => m.Value).ToList();
        var shortened = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count ? words[i + 1] : null;
            if (word == "special" && next == "publication")
            {
                shortened.Add("sp");
                i++;
            }
            else if (word is "revision" or "version" && next is not null && char.IsAsciiDigit(next[0]))
            {
                shortened.Add((word == "revision" ? "rev" : "v") + next);
                i++;
            }
            else
            {
                shortened.Add(word);
            }
        }

        var key = string.Join('-', shortened);
        if (key.Length == 0)
            return "oscal-catalog";
        if (key.Length <= MaxKeyLength)
            return key;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..8];
        var head = key[..(MaxKeyLength - hash.Length - 1)];
        var cut = head.LastIndexOf('-');
        return (cut > 0 ? head[..cut] : head) + "-" + hash;
    }

    private static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                kept.Append(c);
        }

        return kept.ToString();
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordRun();

    [GeneratedRegex(@"\{\{\s*insert:\s*param\s*,\s*([^\s}]+)\s*\}\}")]
    internal static partial Regex ParameterInsertion();

    /// <summary>One catalog read: the parameter table and the ids seen so far live for one call only.</summary>
    private sealed class CatalogBuilder
    {
        // Parameters are looked up catalog-wide: OSCAL ids are unique per document, and enhancements may
        // insert their parent's parameters.
        private readonly Dictionary<string, OscalNode> parameters = new(StringComparer.Ordinal);
        private readonly HashSet<string> declaredIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> idPaths = new(StringComparer.Ordinal);

        public CatalogDocument Build(OscalNode catalog, string? key)
        {
            var metadata = catalog.Required("metadata");
            var title = OscalJson.NonEmpty(metadata.Required("title"));
            var version = OscalJson.NonEmpty(metadata.Required("version"));
            var oscalVersion = metadata.Required("oscal-version");
            if (!oscalVersion.String().StartsWith("1.", StringComparison.Ordinal))
                throw oscalVersion.Problem($"OSCAL version \"{oscalVersion.String()}\" is not supported; Attest reads OSCAL 1.x (1.0.0 to 1.1.x tested)");

            Collect(catalog);
            var items = ReadChildren(catalog, insideControl: false);
            if (items.Count == 0)
                throw catalog.Problem("has no groups or controls");

            return new CatalogDocument(
                key ?? OscalJson.AttestProp(metadata, "framework-key") ?? KeyFromTitle(title),
                title,
                version,
                OscalJson.Publisher(metadata),
                Blank(metadata.OptionalString("remarks")),
                items);
        }

        /// <summary>First pass: every parameter (for insertions anywhere) and every declared id (so generated group ids cannot take one).</summary>
        private void Collect(OscalNode container)
        {
            foreach (var parameter in container.Items("params"))
            {
                if (parameter.OptionalString("id") is { } id)
                    parameters.TryAdd(id, parameter);
            }

            foreach (var child in container.Items("controls").Concat(container.Items("groups")))
            {
                if (child.OptionalString("id") is { } id)
                    declaredIds.Add(OscalJson.AttestProp(child, "original-id") ?? id);
                Collect(child);
            }
        }

        private List<CatalogItem> ReadChildren(OscalNode container, bool insideControl)
        {
            var items = new List<CatalogItem>();
            foreach (var control in container.Items("controls"))
                items.Add(ReadItem(control, isGroup: false, nested: insideControl));
            if (!insideControl)
            {
                foreach (var group in container.Items("groups"))
                    items.Add(ReadItem(group, isGroup: true, nested: false));
            }

            return items;
        }

        private CatalogItem ReadItem(OscalNode node, bool isGroup, bool nested)
        {
            // The id first: a control without one is the likelier mistake, and the message should say so.
            var idNode = node.Optional("id");
            if (idNode is null && !isGroup)
                throw new CatalogFormatException($"{node.FileName} {node.Path}.id", "is missing");

            var title = node.Required("title").String();
            string id;
            if (idNode is { } given)
            {
                id = OscalJson.AttestProp(node, "original-id") ?? OscalJson.NonEmpty(given);
                Register(id, given);
            }
            else
            {
                id = GeneratedGroupId(title);
                Register(id, node);
            }

            var @class = node.OptionalString("class");
            var kind = KindOfClass(@class) ?? (isGroup ? RequirementKind.Group : nested ? RequirementKind.Enhancement : RequirementKind.Control);
            var withdrawn = string.Equals(@class, "withdrawn", StringComparison.OrdinalIgnoreCase)
                || node.Items("props").Any(p => p.OptionalString("name") == "status"
                    && string.Equals(p.OptionalString("value")?.Trim(), "withdrawn", StringComparison.OrdinalIgnoreCase));

            return new CatalogItem(
                id,
                title,
                kind,
                PartText(node, "statement") ?? PartText(node, "overview"),
                ReadChildren(node, insideControl: !isGroup))
            {
                Withdrawn = withdrawn,
                Guidance = PartText(node, "guidance"),
                Parameters = node.Items("params").Select(ReadParameter).ToList(),
            };
        }

        private CatalogParameter ReadParameter(OscalNode node)
        {
            var id = OscalJson.AttestProp(node, "original-id") ?? OscalJson.NonEmpty(node.Required("id"));
            var values = node.Items("values").Select(v => v.String()).ToList();
            var choices = node.Optional("select") is { } select
                ? select.Items("choice").Select(c => RenderInsertions(c.String(), 0)).ToList()
                : [];
            return new CatalogParameter(id, node.OptionalString("label"), values) { Choices = choices };
        }

        private void Register(string id, OscalNode at)
        {
            var path = at.Path.EndsWith(".id", StringComparison.Ordinal) ? at.Path : at.Path + ".id";
            if (!idPaths.TryAdd(id, path))
                throw new CatalogFormatException($"{at.FileName} {path}", $"duplicate id \"{id}\" (first used at {idPaths[id]})");
        }

        /// <summary>Title-based rather than position-based, so the id survives groups being added before it in a later release.</summary>
        private string GeneratedGroupId(string title)
        {
            var stem = "group-" + KeyFromTitle(title);
            var id = stem;
            for (var n = 2; declaredIds.Contains(id) || idPaths.ContainsKey(id); n++)
                id = $"{stem}-{n}";
            declaredIds.Add(id);
            return id;
        }

        private static RequirementKind? KindOfClass(string? @class) => @class?.ToLowerInvariant() switch
        {
            "clause" => RequirementKind.Clause,
            "group" => RequirementKind.Group,
            "control" => RequirementKind.Control,
            "enhancement" => RequirementKind.Enhancement,
            "function" => RequirementKind.Function,
            "category" => RequirementKind.Category,
            "subcategory" => RequirementKind.Subcategory,
            "article" => RequirementKind.Article,
            _ => null,
        };

        private string? PartText(OscalNode owner, string name)
        {
            if (owner.Items("parts").Where(p => p.Required("name").String() == name).Select(p => (OscalNode?)p).FirstOrDefault() is not { } part)
                return null;

            var lines = new List<string>();
            Flatten(part, depth: 0, childDepth: 0, lines);
            return Blank(string.Join('\n', lines));
        }

        /// <summary>
        /// One line per part: its label, then its prose with parameters filled in. The top part's own items
        /// start at depth 0 because a statement usually has no prose of its own, only "a.", "b.", ….
        /// </summary>
        private void Flatten(OscalNode part, int depth, int childDepth, List<string> lines)
        {
            var labelText = part.Items("props")
                .Where(p => p.OptionalString("name") == "label" && p.Optional("ns") is null)
                .Select(p => p.OptionalString("value")?.Trim())
                .FirstOrDefault();
            var prose = RenderInsertions(part.OptionalString("prose") ?? "", 0).Trim();
            var line = string.IsNullOrEmpty(labelText) ? prose : prose.Length == 0 ? labelText : labelText + " " + prose;
            if (line.Length > 0)
            {
                var indent = new string(' ', 2 * depth);
                // Continuation lines of multi-paragraph prose keep the indent; blank lines stay empty so nothing trails.
                lines.AddRange(line.Split('\n').Select(l => l.Length == 0 ? l : indent + l));
            }

            foreach (var child in part.Items("parts"))
                Flatten(child, childDepth, childDepth + 1, lines);
        }

        private string RenderInsertions(string prose, int depth) =>
            !prose.Contains("{{", StringComparison.Ordinal)
                ? prose
                : ParameterInsertion().Replace(prose, m => RenderParameter(m.Groups[1].Value, depth));

        private string RenderParameter(string id, int depth)
        {
            // Choices may insert other parameters; a cycle or a very deep chain stops at the id.
            if (depth > 8 || !parameters.TryGetValue(id, out var parameter))
                return $"[Assignment: {id}]";

            var values = parameter.Items("values").Select(v => v.String().Trim()).Where(v => v.Length > 0).ToList();
            if (values.Count > 0)
                return string.Join(", ", values);

            if (parameter.Optional("select") is { } select)
            {
                var choices = select.Items("choice").Select(c => RenderInsertions(c.String(), depth + 1).Trim());
                var many = select.OptionalString("how-many") == "one-or-more" ? " (one or more)" : "";
                return $"[Selection{many}: {string.Join("; ", choices)}]";
            }

            var label = parameter.OptionalString("label");
            return $"[Assignment: {(string.IsNullOrWhiteSpace(label) ? id : RenderInsertions(label, depth + 1).Trim())}]";
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

/// <summary>A JSON value and where it is, so every error can name the file and the JSON path.</summary>
internal readonly record struct OscalNode(JsonElement Element, string Path, string FileName)
{
    public CatalogFormatException Problem(string problem) => new($"{FileName} {Path}", problem);

    public OscalNode? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
            throw Problem("must be an object");
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new OscalNode(value, $"{Path}.{name}", FileName)
            : null;
    }

    public OscalNode Required(string name) =>
        Optional(name) ?? throw new CatalogFormatException($"{FileName} {Path}.{name}", "is missing");

    public string String() =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Problem("must be a string");

    public string? OptionalString(string name) => Optional(name)?.String();

    /// <summary>The elements of an optional array; a missing array is empty.</summary>
    public IEnumerable<OscalNode> Items(string name)
    {
        if (Optional(name) is not { } array)
            yield break;
        if (array.Element.ValueKind != JsonValueKind.Array)
            throw array.Problem("must be an array");

        var index = 0;
        foreach (var item in array.Element.EnumerateArray())
            yield return new OscalNode(item, $"{array.Path}[{index++}]", FileName);
    }
}

/// <summary>Loading and recognising OSCAL JSON documents, shared by the catalog and profile readers.</summary>
internal static class OscalJson
{
    public const string Catalog = "catalog";
    public const string Profile = "profile";

    /// <summary>The namespace of the props Attest writes so that its own exports read back exactly.</summary>
    public const string AttestNamespace = "https://attest.example/ns/oscal";

    private static readonly (string Model, string Description)[] Models =
    [
        ("catalog", "catalog"),
        ("profile", "profile"),
        ("component-definition", "component definition"),
        ("system-security-plan", "system security plan"),
        ("assessment-plan", "assessment plan"),
        ("assessment-results", "assessment results"),
        ("plan-of-action-and-milestones", "plan of action and milestones"),
        ("mapping-collection", "mapping collection"),
    ];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static JsonDocument Load(Stream json, string fileName)
    {
        if (json.CanSeek && json.Length - json.Position > OscalCatalogReader.MaxBytes)
            throw TooLarge(fileName);

        try
        {
            // JsonDocument buffers the whole stream before parsing; the limit stops that buffering at 50 MB.
            return JsonDocument.Parse(new SizeLimitedStream(json, OscalCatalogReader.MaxBytes), Options);
        }
        catch (SizeLimitedStream.LimitExceededException)
        {
            throw TooLarge(fileName);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new CatalogFormatException($"{fileName} line {line}, position {position}", $"is not valid JSON: {Reason(e)}");
        }
    }

    /// <summary>The OSCAL model a document holds ("catalog", "profile", "system-security-plan", …), or null.</summary>
    public static string? ModelOf(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in root.EnumerateObject())
        {
            if (Models.Any(m => m.Model == property.Name))
                return property.Name;
        }

        return null;
    }

    /// <summary>The document's model object, or an error saying which model it is instead.</summary>
    public static OscalNode ModelRoot(JsonDocument document, string fileName, string expected)
    {
        var model = ModelOf(document);
        if (model is null)
        {
            var known = string.Join(", ", Models.Select(m => m.Model));
            throw new CatalogFormatException($"{fileName} $", $"is not an OSCAL document: expected an object with one of {known}; a {expected} was expected");
        }

        if (model != expected)
        {
            var description = Models.First(m => m.Model == model).Description;
            var hint = model == Profile ? " (a profile is imported by resolving it against the catalog it imports)" : "";
            throw new CatalogFormatException($"{fileName} $.{model}", $"is an OSCAL {model} ({description}), but a {expected} was expected{hint}");
        }

        return new OscalNode(document.RootElement, "$", fileName).Required(model);
    }

    /// <summary>The value of a prop Attest wrote in its own namespace.</summary>
    public static string? AttestProp(OscalNode owner, string name) =>
        owner.Items("props")
            .Where(p => p.OptionalString("ns") == AttestNamespace && p.OptionalString("name") == name)
            .Select(p => p.OptionalString("value"))
            .FirstOrDefault();

    /// <summary>The name of the party in the "publisher" role, else the "creator" role.</summary>
    public static string? Publisher(OscalNode metadata)
    {
        var names = metadata.Items("parties")
            .Where(p => p.OptionalString("uuid") is not null && !string.IsNullOrWhiteSpace(p.OptionalString("name")))
            .GroupBy(p => p.OptionalString("uuid")!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().OptionalString("name")!.Trim());
        foreach (var role in new[] { "publisher", "creator" })
        {
            var name = metadata.Items("responsible-parties")
                .Where(r => r.OptionalString("role-id") == role)
                .SelectMany(r => r.Items("party-uuids"))
                .Select(u => names.GetValueOrDefault(u.String().ToLowerInvariant()))
                .FirstOrDefault(n => n is not null);
            if (name is not null)
                return name;
        }

        return null;
    }

    public static string NonEmpty(OscalNode node)
    {
        var text = node.String();
        return string.IsNullOrWhiteSpace(text) ? throw node.Problem("is empty") : text;
    }

    private static CatalogFormatException TooLarge(string fileName) =>
        new(fileName, $"file is larger than {OscalCatalogReader.MaxBytes / (1024 * 1024)} MB");

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
                message = message[..at];
        }

        return message.Trim();
    }
}

/// <summary>Passes bytes through and fails once more than the limit has been read, whatever the stream claims its length is.</summary>
internal sealed class SizeLimitedStream(Stream inner, long limit) : Stream
{
    private long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Never ask for more than one byte past the limit: a reader with a large buffer would otherwise pull
        // the whole oversized stream in a single call before the check could stop it.
        var allowed = (int)Math.Min(buffer.Length, limit + 1 - read);
        var n = inner.Read(buffer[..allowed]);
        read += n;
        return read > limit ? throw new LimitExceededException() : n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public sealed class LimitExceededException() : IOException("The stream is longer than the limit.");
}
