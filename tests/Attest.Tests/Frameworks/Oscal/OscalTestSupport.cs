using System.Text;
using System.Text.Json.Nodes;
using Attest.Frameworks;
using Attest.Frameworks.Oscal;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Attest.Tests.Frameworks.Oscal;

internal static class OscalFixtures
{
    public const string LowCatalog = "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json";
    public const string LowProfile = "NIST_SP-800-53_rev5_LOW-baseline_profile.json";
    public const string BasicCatalog = "basic-catalog.json";
    public const string ComponentDefinition = "example-component-definition.json";
    public const string SystemSecurityPlan = "ifa_ssp-example.json";

    /// <summary>The LOW profile imports the full catalog through this back-matter resource.</summary>
    public const string LowProfileImportHref = "#84cbf061-eb87-4ec1-8112-1f529232e907";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "oscal", name);

    public static Stream Open(string name) => File.OpenRead(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static CatalogDocument ReadCatalog(string name)
    {
        using var stream = Open(name);
        return OscalCatalogReader.ReadCatalog(stream, name);
    }

    public static CatalogDocument ReadJsonCatalog(string json, string? key = null) =>
        OscalCatalogReader.ReadCatalog(Json(json), "test.json", key);

    /// <summary>A minimal valid catalog around the given groups/controls members, e.g. <c>"controls": [...]</c>.</summary>
    public static string CatalogJson(string members) => $$"""
        {
          "catalog": {
            "uuid": "3a5f7f0e-1c1d-4b5e-9c3a-6f0d2b7e8a11",
            "metadata": { "title": "Test catalog", "last-modified": "2025-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2" },
            {{members}}
          }
        }
        """;

    /// <summary>A minimal valid profile with the given imports (and modify) members.</summary>
    public static string ProfileJson(string imports, string? modify = null) => $$"""
        {
          "profile": {
            "uuid": "0b6f1f7c-8a0e-4a43-9a57-2f1e1c6f5d22",
            "metadata": { "title": "Test profile", "last-modified": "2025-01-01T00:00:00Z", "version": "2", "oscal-version": "1.1.2" },
            "imports": {{imports}}{{(modify is null ? "" : $",\n    \"modify\": {modify}")}}
          }
        }
        """;
}

/// <summary>NIST's OSCAL 1.0.6 JSON schemas, loaded so NJsonSchema can follow their references.</summary>
internal static class OscalSchemas
{
    public static Task<JsonSchema> Catalog() => Load("oscal_catalog_schema.json");

    public static Task<JsonSchema> Component() => Load("oscal_component_schema.json");

    public static Task<JsonSchema> Profile() => Load("oscal_profile_schema.json");

    public static void AssertValid(JsonSchema schema, string json)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    /// <summary>Every error with its path, including those NJsonSchema nests under "array item not valid".</summary>
    public static IEnumerable<string> Paths(ICollection<ValidationError> errors) =>
        errors.SelectMany(e => (e is ChildSchemaValidationError child ? child.Errors.SelectMany(c => Paths(c.Value)) : []).Prepend(e.Path ?? ""));

    /// <summary>
    /// The OSCAL schemas refer to their definitions by plain-name fragments ("$ref": "#assembly_oscal-catalog_group",
    /// matching that definition's "$id"). Draft-07 allows this, but NJsonSchema treats such a fragment as a file
    /// path and fails. Rewriting each one to the JSON pointer of the same definition ("#/definitions/…") and dropping
    /// the now-unused "$id"s keeps every constraint (types, patterns, required, additionalProperties) as NIST wrote it.
    /// </summary>
    private static async Task<JsonSchema> Load(string name)
    {
        var root = JsonNode.Parse(OscalFixtures.Text(name))!.AsObject();
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (definition, body) in root["definitions"]!.AsObject())
        {
            if (body is JsonObject schema && schema["$id"]?.GetValue<string>() is { } id && id.StartsWith('#'))
            {
                anchors[id] = "#/definitions/" + definition.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                schema.Remove("$id");
            }
        }

        Rewrite(root, anchors);
        return await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static void Rewrite(JsonNode? node, Dictionary<string, string> anchors)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith('#') && !target.StartsWith("#/", StringComparison.Ordinal))
                    obj["$ref"] = anchors.TryGetValue(target, out var pointer) ? pointer : throw new InvalidOperationException($"unknown schema anchor {target}");
                foreach (var (_, child) in obj.ToList())
                    Rewrite(child, anchors);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Rewrite(child, anchors);
                break;
        }
    }
}

internal static class CatalogAssert
{
    /// <summary>Same key, metadata and tree: ids, kinds, titles, texts, withdrawn flags and parameters, in order.</summary>
    public static void Equivalent(CatalogDocument expected, CatalogDocument actual)
    {
        var differences = new List<string>();
        Compare("key", expected.Key, actual.Key, differences);
        Compare("name", expected.Name, actual.Name, differences);
        Compare("version", expected.Version, actual.Version, differences);
        Compare("publisher", expected.Publisher, actual.Publisher, differences);
        Compare("description", expected.Description, actual.Description, differences);
        Items("", expected.Items, actual.Items, differences);
        Assert.True(differences.Count == 0, "Catalogs differ:\n" + string.Join("\n", differences.Take(30)));
    }

    private static void Items(string at, IReadOnlyList<CatalogItem> expected, IReadOnlyList<CatalogItem> actual, List<string> differences)
    {
        Compare($"{at} children", string.Join(", ", expected.Select(i => i.Id)), string.Join(", ", actual.Select(i => i.Id)), differences);
        foreach (var (e, a) in expected.Zip(actual))
        {
            var path = $"{at}/{e.Id}";
            Compare($"{path} id", e.Id, a.Id, differences);
            Compare($"{path} kind", e.Kind.ToString(), a.Kind.ToString(), differences);
            Compare($"{path} title", e.Title, a.Title, differences);
            Compare($"{path} description", e.Description, a.Description, differences);
            Compare($"{path} guidance", e.Guidance, a.Guidance, differences);
            Compare($"{path} withdrawn", e.Withdrawn.ToString(), a.Withdrawn.ToString(), differences);
            Compare($"{path} parameters", Describe(e.Parameters), Describe(a.Parameters), differences);
            Items(path, e.Children, a.Children, differences);
        }
    }

    private static string Describe(IReadOnlyList<CatalogParameter> parameters) =>
        string.Join(" | ", parameters.Select(p => $"{p.Id} label={p.Label ?? "(none)"} values=[{string.Join(";", p.Values)}] choices=[{string.Join(";", p.Choices)}]"));

    private static void Compare(string what, string? expected, string? actual, List<string> differences)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            differences.Add($"{what}: expected «{expected ?? "(null)"}» but was «{actual ?? "(null)"}»");
    }
}

/// <summary>Yields the given number of spaces without ever holding them, so a size limit can be tested cheaply.</summary>
/// <param name="seekable">Whether it admits its length up front, as a file does.</param>
internal sealed class LongStream(long length, bool seekable = false) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => seekable;
    public override bool CanWrite => false;
    public override long Length => seekable ? length : throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - BytesRead);
        buffer[..n].Fill((byte)' ');
        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
