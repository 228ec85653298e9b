using System.Globalization;
using System.Text;

namespace Attest.Scale;

/// <summary>
/// Deterministic scanner reports of any size, for the import benchmark and its test: a SARIF 2.1.0 log of a static analyser with
/// 200 rules (mixed security-severity and levels) and results spread over files and lines, each result unique.
/// </summary>
public static class SyntheticScans
{
    public static byte[] Sarif(int results, string tool = "SyntheticAnalyzer")
    {
        var text = new StringBuilder(results * 330 + 40_000);
        text.Append("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"")
            .Append(tool).Append("\",\"version\":\"1.0.0\",\"rules\":[");
        const int rules = 200;
        for (var r = 0; r < rules; r++)
        {
            if (r > 0) text.Append(',');
            text.Append("{\"id\":\"SA").Append(r.ToString("D4", CultureInfo.InvariantCulture)).Append("\",\"shortDescription\":{\"text\":\"Synthetic rule ")
                .Append(r.ToString(CultureInfo.InvariantCulture)).Append(" flags an unsafe pattern\"},\"helpUri\":\"https://example.com/rules/SA")
                .Append(r.ToString("D4", CultureInfo.InvariantCulture)).Append('"');
            // A quarter of the rules carry a CVSS-like security-severity; the rest rely on their default level.
            if (r % 4 == 0) text.Append(",\"properties\":{\"security-severity\":\"").Append((2.0 + r % 80 / 10.0).ToString("0.0", CultureInfo.InvariantCulture)).Append("\"}");
            else text.Append(",\"defaultConfiguration\":{\"level\":\"").Append((r % 3) switch { 0 => "error", 1 => "warning", _ => "note" }).Append("\"}");
            text.Append('}');
        }
        text.Append("]}},\"results\":[");
        for (var i = 0; i < results; i++)
        {
            if (i > 0) text.Append(',');
            var rule = i % rules;
            var file = i / 40;
            var line = i % 40 * 7 + 3;
            text.Append("{\"ruleId\":\"SA").Append(rule.ToString("D4", CultureInfo.InvariantCulture)).Append("\",\"ruleIndex\":").Append(rule.ToString(CultureInfo.InvariantCulture))
                .Append(",\"message\":{\"text\":\"Unsafe pattern in function f").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/module")
                .Append((file / 50).ToString(CultureInfo.InvariantCulture)).Append("/file").Append(file.ToString(CultureInfo.InvariantCulture))
                .Append(".cs\"},\"region\":{\"startLine\":").Append(line.ToString(CultureInfo.InvariantCulture)).Append("}}}]}");
        }
        text.Append("]}]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
