using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attest.Frameworks.Oscal;

/// <summary>
/// Writes a <see cref="CatalogDocument"/> as an OSCAL 1.0.6 catalog (JSON) that
/// <see cref="OscalCatalogReader.ReadCatalog"/> reads back to an equal document.
/// </summary>
/// <remarks>
/// <para>Ids that are not OSCAL tokens ("5.1", "Art. 5") are written in token form (<see cref="TokenOf"/>) and
/// the original id goes into two props: a plain "label" for other OSCAL tools to show, and an "original-id" in
/// Attest's namespace (<see cref="AttestNamespace"/>) that the reader prefers over the token. NIST's own "label"
/// props are display labels ("AC-1" for id "ac-1"), so the reader cannot trust "label" alone.</para>
/// <para>Every element carries its kind as its class. Group and Function items become OSCAL groups while their
/// parent is a group (or the catalog); everything else becomes a control, because only controls can be selected
/// by profiles and implemented in component definitions, and controls cannot contain groups. OSCAL keeps a
/// container's controls and groups in separate arrays, so a group-like item that precedes a control-like sibling
/// is written as a control too (its class still says "group"): that keeps the order of siblings.</para>
/// <para>Strings OSCAL requires to be free of line breaks and surrounding spaces (versions, parameter values,
/// prop values) are written with their whitespace collapsed when they would otherwise be invalid; empty
/// descriptions and guidance are left out and read back as null, and the reader trims surrounding whitespace.
/// A select parameter's how-many is not in the model, so it is not written.</para>
/// </remarks>
public static partial class OscalCatalogWriter
{
    /// <summary>The OSCAL version Attest writes (the newest whose JSON schemas Attest validates against).</summary>
    public const string OscalVersion = "1.0.6";

    /// <summary>The namespace of the props Attest adds (original ids, the framework key, implementation status).</summary>
    public const string AttestNamespace = OscalJson.AttestNamespace;

    /// <summary>Writes the catalog; the same document and timestamp always give the same text.</summary>
    public static string WriteCatalog(CatalogDocument document, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(document);
        return OscalOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("catalog");
            json.WriteString("uuid", OscalUuid.For($"catalog/{document.Key}"));
            WriteMetadata(json, document, lastModified);
            WriteChildren(json, document.Items, parentIsGroup: true);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The OSCAL token (XML NCName) for an id: the id itself when it already is one and does not start with
    /// "_"; otherwise "_" followed by the id with every character other than ASCII letters, digits, "." and "-"
    /// written as "_HEX_" (its UTF-16 code in hex). Distinct ids always get distinct tokens.
    /// </summary>
    /// <example>"A.5.1" → "A.5.1"; "GV.OC-01" → "GV.OC-01"; "Art. 5" → "_Art._20_5"; "5.1" → "_5.1".</example>
    public static string TokenOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (IsToken(id) && !id.StartsWith('_'))
            return id;

        var token = new StringBuilder("_", id.Length + 8);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
                token.Append(c);
            else
                token.Append('_').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('_');
        }

        return token.ToString();
    }

    /// <summary>Whether the text matches OSCAL's TokenDatatype: <c>^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$</c>.</summary>
    public static bool IsToken(string text) => Token().IsMatch(text);

    internal static string KindClass(RequirementKind kind) => kind switch
    {
        RequirementKind.Clause => "clause",
        RequirementKind.Group => "group",
        RequirementKind.Control => "control",
        RequirementKind.Enhancement => "enhancement",
        RequirementKind.Function => "function",
        RequirementKind.Category => "category",
        RequirementKind.Subcategory => "subcategory",
        RequirementKind.Article => "article",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown requirement kind"),
    };

    /// <summary>The rule that decides group or control, shared with profile resolution so both agree on what a profile can select.</summary>
    internal static bool IsGroupLike(RequirementKind kind) => kind is RequirementKind.Group or RequirementKind.Function;

    private static void WriteMetadata(Utf8JsonWriter json, CatalogDocument document, DateTimeOffset lastModified)
    {
        json.WriteStartObject("metadata");
        json.WriteString("title", document.Name);
        json.WriteString("last-modified", OscalOutput.Timestamp(lastModified));
        json.WriteString("version", OscalOutput.StringValue(document.Version) ?? "unversioned");
        json.WriteString("oscal-version", OscalVersion);
        OscalOutput.WriteProps(json, [new("framework-key", document.Key, AttestNamespace)]);

        if (OscalOutput.StringValue(document.Publisher) is { } publisher)
        {
            var party = OscalUuid.For($"catalog/{document.Key}/publisher");
            json.WriteStartArray("roles");
            json.WriteStartObject();
            json.WriteString("id", "publisher");
            json.WriteString("title", "Publisher");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("parties");
            json.WriteStartObject();
            json.WriteString("uuid", party);
            json.WriteString("type", "organization");
            json.WriteString("name", publisher);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("responsible-parties");
            json.WriteStartObject();
            json.WriteString("role-id", "publisher");
            json.WriteStartArray("party-uuids");
            json.WriteStringValue(party);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (!string.IsNullOrWhiteSpace(document.Description))
            json.WriteString("remarks", document.Description);
        json.WriteEndObject();
    }

    private static void WriteChildren(Utf8JsonWriter json, IReadOnlyList<CatalogItem> items, bool parentIsGroup)
    {
        // Everything up to the last control-like sibling goes into "controls", the group-like rest into "groups",
        // so reading "controls" then "groups" gives the siblings back in their order.
        var lastControl = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (!(parentIsGroup && IsGroupLike(items[i].Kind)))
                lastControl = i;
        }

        if (lastControl >= 0)
        {
            json.WriteStartArray("controls");
            for (var i = 0; i <= lastControl; i++)
                WriteItem(json, items[i], isGroup: false);
            json.WriteEndArray();
        }

        if (lastControl < items.Count - 1)
        {
            json.WriteStartArray("groups");
            for (var i = lastControl + 1; i < items.Count; i++)
                WriteItem(json, items[i], isGroup: true);
            json.WriteEndArray();
        }
    }

    private static void WriteItem(Utf8JsonWriter json, CatalogItem item, bool isGroup)
    {
        json.WriteStartObject();
        json.WriteString("id", TokenOf(item.Id));
        json.WriteString("class", KindClass(item.Kind));
        json.WriteString("title", item.Title);

        if (item.Parameters.Count > 0)
        {
            json.WriteStartArray("params");
            foreach (var parameter in item.Parameters)
                WriteParameter(json, parameter);
            json.WriteEndArray();
        }

        var props = new List<OscalProp>();
        if (TokenOf(item.Id) != item.Id)
        {
            props.Add(new("label", item.Id));
            props.Add(new("original-id", item.Id, AttestNamespace));
        }

        if (item.Withdrawn)
            props.Add(new("status", "withdrawn"));
        OscalOutput.WriteProps(json, props);

        var description = string.IsNullOrWhiteSpace(item.Description) ? null : item.Description;
        var guidance = string.IsNullOrWhiteSpace(item.Guidance) ? null : item.Guidance;
        if (description is not null || guidance is not null)
        {
            json.WriteStartArray("parts");
            if (description is not null)
                WritePart(json, isGroup ? "overview" : "statement", description);
            if (guidance is not null)
                WritePart(json, "guidance", guidance);
            json.WriteEndArray();
        }

        if (item.Children.Count > 0)
            WriteChildren(json, item.Children, parentIsGroup: isGroup);
        json.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter json, CatalogParameter parameter)
    {
        json.WriteStartObject();
        json.WriteString("id", TokenOf(parameter.Id));
        if (TokenOf(parameter.Id) != parameter.Id)
            OscalOutput.WriteProps(json, [new("original-id", parameter.Id, AttestNamespace)]);

        if (parameter.Label is not null)
            json.WriteString("label", parameter.Label);

        var values = parameter.Values.Select(OscalOutput.StringValue).OfType<string>().ToList();
        if (values.Count > 0)
        {
            json.WriteStartArray("values");
            values.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        if (parameter.Choices.Count > 0)
        {
            json.WriteStartObject("select");
            json.WriteStartArray("choice");
            foreach (var choice in parameter.Choices)
                json.WriteStringValue(choice);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter json, string name, string prose)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("prose", prose);
        json.WriteEndObject();
    }

    [GeneratedRegex(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$")]
    private static partial Regex Token();
}

/// <summary>An OSCAL prop: a name (in OSCAL's namespace unless <paramref name="Ns"/> says otherwise) and a value.</summary>
internal readonly record struct OscalProp(string Name, string? Value, string? Ns = null, string? Group = null);

/// <summary>JSON output conventions shared by the catalog and component-definition writers.</summary>
internal static partial class OscalOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // The output is a file, never embedded in HTML, so readable non-ASCII text beats \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
            write(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>OSCAL date-time-with-timezone, in UTC, to the millisecond.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text as an OSCAL StringDatatype (no surrounding whitespace, no line breaks), unchanged when it
    /// already is one so valid values survive a round trip exactly; null when nothing is left.
    /// </summary>
    public static string? StringValue(string? text)
    {
        if (text is null)
            return null;
        if (StringDatatype().IsMatch(text))
            return text;
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>A "props" array; props whose value cannot be a StringDatatype are left out, and so is an empty array (OSCAL wants at least one item).</summary>
    public static void WriteProps(Utf8JsonWriter json, IEnumerable<OscalProp> props)
    {
        var written = false;
        foreach (var prop in props)
        {
            if (StringValue(prop.Value) is not { } value)
                continue;
            if (!written)
                json.WriteStartArray("props");
            written = true;
            json.WriteStartObject();
            json.WriteString("name", prop.Name);
            if (prop.Ns is not null)
                json.WriteString("ns", prop.Ns);
            json.WriteString("value", value);
            if (prop.Group is not null)
                json.WriteString("group", prop.Group);
            json.WriteEndObject();
        }

        if (written)
            json.WriteEndArray();
    }

    [GeneratedRegex(@"^\S(.*\S)?$")]
    private static partial Regex StringDatatype();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>
/// Name-based (version 5, SHA-1) UUIDs per RFC 4122: the same name always gives the same UUID, so exports are
/// stable and diffable. OSCAL 1.0.6 accepts only version 4 and 5 UUIDs. SHA-1 is what version 5 is defined
/// with; nothing here relies on it resisting collisions by an attacker.
/// </summary>
internal static class OscalUuid
{
    private static readonly Guid AttestNamespace = new("e2c226bd-ef93-4307-a8e5-506eeaab2362");

    public static string For(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        AttestNamespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
