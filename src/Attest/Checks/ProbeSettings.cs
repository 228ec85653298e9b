using System.Reflection;
using System.Text.Json;

namespace Attest.Checks;

/// <summary>Reads a check's settings JSON into a probe's settings type; empty means all defaults.</summary>
internal static class ProbeSettings
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// False, with a message naming the JSON path, when the JSON is malformed, has the wrong type somewhere, or names a setting the
    /// probe does not know: a misspelt expectation silently ignored would make a check pass that should not.
    /// </summary>
    public static bool TryRead<T>(string? json, out T settings, out string error) where T : class, new()
    {
        settings = new T();
        error = "";
        if (string.IsNullOrWhiteSpace(json)) return true;
        try
        {
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Null) return true;
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = "Settings must be a JSON object, e.g. {}.";
                    return false;
                }
                var known = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                    .ToArray();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        error = $"Settings: \"{property.Name}\" is not a known setting (known: {string.Join(", ", known)}).";
                        return false;
                    }
                }
            }
            settings = JsonSerializer.Deserialize<T>(json, Options) ?? new T();
            return true;
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path}";
            error = e.Path is null
                ? $"Settings are not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."
                : $"Settings{where}: the value has the wrong type or form.";
            return false;
        }
    }
}
