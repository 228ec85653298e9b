using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Attest.Frameworks;

/// <summary>
/// Reads and writes Attest framework YAML (docs/frameworks-yaml.md): the readable format the
/// built-in catalogs are shipped in and anyone can use to add a framework.
/// </summary>
public static partial class FrameworkYaml
{
    // Deeper than any real framework (OSCAL enhancements are three levels under a group), shallow
    // enough that a hostile file cannot exhaust the stack of the recursive reader below.
    private const int MaxDepth = 64;

    private static readonly IReadOnlyDictionary<string, RequirementKind> KindsByName = new Dictionary<string, RequirementKind>(StringComparer.Ordinal)
    {
        ["clause"] = RequirementKind.Clause,
        ["group"] = RequirementKind.Group,
        ["control"] = RequirementKind.Control,
        ["enhancement"] = RequirementKind.Enhancement,
        ["function"] = RequirementKind.Function,
        ["category"] = RequirementKind.Category,
        ["subcategory"] = RequirementKind.Subcategory,
        ["article"] = RequirementKind.Article,
    };

    private static readonly string[] DocumentKeys = ["id", "name", "version", "publisher", "description", "requirements"];
    private static readonly string[] RequirementKeys = ["id", "title", "kind", "description", "guidance", "withdrawn", "parameters", "children"];
    private static readonly string[] ParameterKeys = ["id", "label", "values", "choices"];

    /// <summary>
    /// Parses one framework file. Nothing is guessed: an unknown key, a missing or malformed field,
    /// a duplicate id or text that is not YAML at all throws, naming the line and the field.
    /// </summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="fileName">The name used in error locations, e.g. "iso27001-2022.yaml".</param>
    /// <exception cref="CatalogFormatException">The file is not valid Attest framework YAML.</exception>
    public static CatalogDocument Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = Load(reader, fileName);
        return new DocumentReader(fileName).ReadDocument(root);
    }

    /// <summary>
    /// Writes a document as Attest framework YAML that <see cref="Read"/> reads back into an equal
    /// document. Empty optional text is left out, as <see cref="Read"/> treats it as absent.
    /// </summary>
    public static string Write(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(
            bestIndent: 2,
            // Long descriptions stay on one line: line diffs of catalogs stay readable.
            bestWidth: 10_000,
            isCanonical: false,
            maxSimpleKeyLength: 1024,
            indentSequences: true,
            newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Pair(emitter, "id", document.Key);
        Pair(emitter, "name", document.Name);
        Pair(emitter, "version", document.Version);
        Pair(emitter, "publisher", document.Publisher);
        Pair(emitter, "description", document.Description);
        Text(emitter, "requirements");
        WriteItems(emitter, document.Items);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteItems(IEmitter emitter, IReadOnlyList<CatalogItem> items)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var item in items)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", item.Id);
            Pair(emitter, "title", item.Title);
            Pair(emitter, "kind", KindName(item.Kind));
            Pair(emitter, "description", item.Description);
            Pair(emitter, "guidance", item.Guidance);
            if (item.Withdrawn)
            {
                Text(emitter, "withdrawn");
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "true", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            }

            if (item.Parameters.Count > 0)
            {
                Text(emitter, "parameters");
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var parameter in item.Parameters)
                {
                    emitter.Emit(new MappingStart());
                    Pair(emitter, "id", parameter.Id);
                    Pair(emitter, "label", parameter.Label);
                    TextList(emitter, "values", parameter.Values);
                    TextList(emitter, "choices", parameter.Choices);
                    emitter.Emit(new MappingEnd());
                }

                emitter.Emit(new SequenceEnd());
            }

            if (item.Children.Count > 0)
            {
                Text(emitter, "children");
                WriteItems(emitter, item.Children);
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void Pair(IEmitter emitter, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        Text(emitter, key);
        Text(emitter, value);
    }

    private static void TextList(IEmitter emitter, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        Text(emitter, key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
            Text(emitter, value);
        emitter.Emit(new SequenceEnd());
    }

    private static void Text(IEmitter emitter, string value)
    {
        // Read takes every scalar as text, but other YAML tools resolve plain "4.10" to a number
        // and plain "yes" to a boolean, so anything that could be read as something other than
        // text is quoted. Text the emitter could fold or trim is double-quoted, which keeps every
        // character exactly.
        var style = IsPlainMultiLineText(value) ? ScalarStyle.Literal
            : NeedsQuotes(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    // Guidance reads best as a "|" block, but a block cannot carry every string exactly (edge
    // whitespace, blank first lines, several trailing newlines, unusual line breaks); those stay
    // double-quoted, which can.
    private static bool IsPlainMultiLineText(string value) =>
        value.Contains('\n')
        && value[0] is not (' ' or '\n')
        && !value.EndsWith("\n\n", StringComparison.Ordinal)
        && !value.Contains(" \n", StringComparison.Ordinal)
        && !value.EndsWith(' ')
        && value.All(c => c == '\n' || !(char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF'));

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || char.IsWhiteSpace(value[0])
        || char.IsWhiteSpace(value[^1])
        || value.Any(char.IsControl)
        || NotPlainText().IsMatch(value);

    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|[-+]?(\.inf|\.nan)|[-+]?[0-9][0-9_.:eExXoO+a-fA-F-]*|[-+]?\.[0-9].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotPlainText();

    private static string KindName(RequirementKind kind) =>
        KindsByName.FirstOrDefault(pair => pair.Value == kind).Key
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Attest YAML name for this requirement kind.");

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkKeyPattern();

    // A minimal tree of what the file said, with where it said it. YamlDotNet's own
    // representation model resolves aliases (a "billion laughs" file would expand) and drops
    // the key positions the error messages need.
    private abstract record Node(Mark Start);

    private sealed record ScalarNode(Mark Start, string Value, ScalarStyle Style) : Node(Start)
    {
        /// <summary>A plain scalar that YAML means as "no value".</summary>
        public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
    }

    private sealed record MappingNode(Mark Start, IReadOnlyList<(ScalarNode Key, Node Value)> Entries) : Node(Start);

    private sealed record SequenceNode(Mark Start, IReadOnlyList<Node> Items) : Node(Start);

    private static Node Load(TextReader reader, string fileName)
    {
        var text = reader.ReadToEnd();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out var end))
                throw new CatalogFormatException(Where(fileName, end.Start), "the file is empty; expected a framework with id, name, version and requirements");
            parser.Consume<DocumentStart>();
            var root = LoadNode(parser, fileName, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
                throw new CatalogFormatException(Where(fileName, second.Start), "a second YAML document; a framework file holds exactly one");
            parser.Consume<StreamEnd>();
            return root;
        }
        catch (YamlException ex)
        {
            var line = ex.Message.Contains("tab", StringComparison.Ordinal) ? FirstTabIndentedLine(text) ?? ex.Start.Line : ex.Start.Line;
            throw new CatalogFormatException($"{fileName} line {Math.Max(1, line)}", "not valid YAML: " + YamlProblem(ex));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 throws this instead of a YamlException for some truncated flow
            // collections (e.g. "[a" at the end of the file); the last good event is the best position known.
            throw new CatalogFormatException(Where(fileName, parser.Current?.End ?? Mark.Empty), "not valid YAML: the text after this point could not be parsed (an unclosed [ or { ?)");
        }
    }

    // YamlDotNet reports a tab used as indentation at the start of the enclosing mapping, which
    // can be far from the tab itself.
    private static long? FirstTabIndentedLine(string text)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.TrimStart(' ').StartsWith('\t'));
        return index < 0 ? null : index + 1;
    }

    private static Node LoadNode(IParser parser, string fileName, int depth)
    {
        if (depth > MaxDepth)
            throw new CatalogFormatException(Where(fileName, parser.Current!.Start), $"nested more than {MaxDepth} levels deep");
        if (parser.Accept<AnchorAlias>(out var alias))
            throw new CatalogFormatException(Where(fileName, alias.Start), $"alias *{alias.Value} is not supported; write the value out");
        if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
            throw new CatalogFormatException(Where(fileName, anchored.Start), $"anchor &{anchored.Anchor} is not supported; write the value out");

        if (parser.TryConsume<Scalar>(out var scalar))
            return new ScalarNode(scalar.Start, scalar.Value, scalar.Style);

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<Node>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(LoadNode(parser, fileName, depth + 1));
            return new SequenceNode(sequenceStart.Start, items);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var entries = new List<(ScalarNode, Node)>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = LoadNode(parser, fileName, depth + 1);
            if (keyNode is not ScalarNode key || key.IsNull)
                throw new CatalogFormatException(Where(fileName, keyNode.Start), "a key must be a plain name such as \"title\"");
            if (seen.TryGetValue(key.Value, out var first))
                throw new CatalogFormatException(Where(fileName, key.Start), $"\"{key.Value}\" appears twice in the same mapping (first at line {first.Line})");
            seen.Add(key.Value, key.Start);
            entries.Add((key, LoadNode(parser, fileName, depth + 1)));
        }

        return new MappingNode(mappingStart.Start, entries);
    }

    private static string YamlProblem(YamlException ex)
    {
        // YamlDotNet prefixes its message with both marks; the location already says where.
        var message = ex.Message;
        var marks = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marks >= 0 ? message[(marks + 3)..] : message;
    }

    private static string Where(string fileName, Mark mark) => $"{fileName} line {Math.Max(1, mark.Line)}";

    private sealed class DocumentReader(string fileName)
    {
        private readonly Dictionary<string, string> _pathsById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Mark> _linesById = new(StringComparer.Ordinal);

        public CatalogDocument ReadDocument(Node root)
        {
            if (root is not MappingNode mapping)
                throw Error(root, "", "not an Attest framework file: expected a mapping with id, name, version and requirements");
            RejectUnknownKeys(mapping, "", DocumentKeys);

            var key = RequiredText(mapping, "", "id");
            if (!FrameworkKeyPattern().IsMatch(key.Value))
                throw Error(key.Node, "id", $"\"{key.Value}\" is not a valid framework id: use lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (e.g. iso27001-2022)");
            var name = RequiredText(mapping, "", "name").Value;
            var version = RequiredText(mapping, "", "version").Value;
            var publisher = OptionalText(mapping, "", "publisher");
            var description = OptionalText(mapping, "", "description");

            var requirements = Field(mapping, "requirements")
                ?? throw Error(mapping, "", "missing \"requirements\": a framework needs at least one requirement");
            var items = ReadItems(requirements, "requirements");
            if (items.Count == 0)
                throw Error(requirements, "requirements", "is empty: a framework needs at least one requirement");

            return new CatalogDocument(key.Value, name, version, publisher, description, items);
        }

        private List<CatalogItem> ReadItems(Node node, string path)
        {
            if (node is ScalarNode { IsNull: true })
                return [];
            if (node is not SequenceNode sequence)
                throw Error(node, path, "expected a list of requirements (each line starting with \"- \")");
            return sequence.Items.Select((item, index) => ReadItem(item, $"{path}[{index}]")).ToList();
        }

        private CatalogItem ReadItem(Node node, string path)
        {
            if (node is not MappingNode mapping)
                throw Error(node, path, "expected a requirement (a mapping with id, title and kind)");
            // Naming the requirement makes errors in a 100-item file findable by id as well as by line.
            var named = Field(mapping, "id") is ScalarNode { IsNull: false } idNode ? $"{path} ({idNode.Value})" : path;
            RejectUnknownKeys(mapping, named, RequirementKeys);

            var id = RequiredText(mapping, path, "id");
            if (id.Value.Trim() != id.Value || id.Value.Any(char.IsControl))
                throw Error(id.Node, Join(path, "id"), $"\"{id.Value}\" has leading or trailing spaces or a control character");
            if (_linesById.TryGetValue(id.Value, out var first))
                throw Error(id.Node, Join(path, "id"), $"duplicate requirement id \"{id.Value}\" (already used by {_pathsById[id.Value]} at line {first.Line})");
            _linesById.Add(id.Value, id.Node.Start);
            _pathsById.Add(id.Value, path);

            var title = RequiredText(mapping, named, "title").Value;
            var kindText = RequiredText(mapping, named, "kind");
            if (!KindsByName.TryGetValue(kindText.Value, out var kind))
                throw Error(kindText.Node, Join(named, "kind"), $"unknown kind \"{kindText.Value}\"; expected one of {string.Join(", ", KindsByName.Keys)}");

            var children = Field(mapping, "children") is { } childrenNode ? ReadItems(childrenNode, Join(named, "children")) : [];
            return new CatalogItem(id.Value, title, kind, OptionalText(mapping, named, "description"), children)
            {
                Guidance = OptionalText(mapping, named, "guidance"),
                Withdrawn = OptionalBool(mapping, named, "withdrawn"),
                Parameters = ReadParameters(mapping, named),
            };
        }

        private List<CatalogParameter> ReadParameters(MappingNode item, string path)
        {
            var node = Field(item, "parameters");
            var here = Join(path, "parameters");
            if (node is null or ScalarNode { IsNull: true })
                return [];
            if (node is not SequenceNode sequence)
                throw Error(node, here, "expected a list of parameters");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var parameters = new List<CatalogParameter>();
            foreach (var (entry, index) in sequence.Items.Select((entry, index) => (entry, index)))
            {
                var at = $"{here}[{index}]";
                if (entry is not MappingNode mapping)
                    throw Error(entry, at, "expected a parameter (a mapping with id, label and values)");
                RejectUnknownKeys(mapping, at, ParameterKeys);
                var id = RequiredText(mapping, at, "id");
                if (!seen.Add(id.Value))
                    throw Error(id.Node, Join(at, "id"), $"duplicate parameter id \"{id.Value}\" in this requirement");
                parameters.Add(new CatalogParameter(id.Value, OptionalText(mapping, at, "label"), TextList(mapping, at, "values"))
                {
                    Choices = TextList(mapping, at, "choices"),
                });
            }

            return parameters;
        }

        private List<string> TextList(MappingNode mapping, string path, string key)
        {
            var node = Field(mapping, key);
            var here = Join(path, key);
            if (node is null or ScalarNode { IsNull: true })
                return [];
            if (node is not SequenceNode sequence)
                throw Error(node, here, "expected a list of text values");
            return sequence.Items.Select((value, index) => value is ScalarNode { IsNull: false } scalar
                ? scalar.Value
                : throw Error(value, $"{here}[{index}]", "expected a text value")).ToList();
        }

        private void RejectUnknownKeys(MappingNode mapping, string path, string[] allowed)
        {
            foreach (var (key, _) in mapping.Entries)
            {
                if (!allowed.Contains(key.Value, StringComparer.Ordinal))
                    throw Error(key, Join(path, key.Value), $"unknown key \"{key.Value}\"; expected one of {string.Join(", ", allowed)}");
            }
        }

        private (string Value, Node Node) RequiredText(MappingNode mapping, string path, string key)
        {
            var node = Field(mapping, key);
            if (node is null)
                throw Error(mapping, path, $"missing \"{key}\"");
            if (node is not ScalarNode scalar)
                throw Error(node, Join(path, key), "expected text, found a list or mapping");
            if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value))
                throw Error(node, Join(path, key), "is empty");
            return (scalar.Value, scalar);
        }

        private string? OptionalText(MappingNode mapping, string path, string key)
        {
            var node = Field(mapping, key);
            return node switch
            {
                null => null,
                ScalarNode scalar when scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value) => null,
                ScalarNode scalar => scalar.Value,
                _ => throw Error(node, Join(path, key), "expected text, found a list or mapping"),
            };
        }

        private bool OptionalBool(MappingNode mapping, string path, string key)
        {
            var node = Field(mapping, key);
            return node switch
            {
                null => false,
                ScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" } => true,
                ScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" } => false,
                _ => throw Error(node, Join(path, key), "expected true or false"),
            };
        }

        private static Node? Field(MappingNode mapping, string key) =>
            mapping.Entries.FirstOrDefault(entry => entry.Key.Value == key).Value;

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

        private CatalogFormatException Error(Node node, string path, string problem) =>
            new(Where(fileName, node.Start), path.Length == 0 ? problem : $"{path}: {problem}");
    }
}
