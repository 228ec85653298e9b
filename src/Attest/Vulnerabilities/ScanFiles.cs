using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attest.Vulnerabilities;

/// <summary>One finding as a scanner file states it, with the identity Attest derives for it.</summary>
public sealed record ScannedFinding(
    string Fingerprint,
    string RuleId,
    string Title,
    string Description,
    string Location,
    string Package,
    string InstalledVersion,
    string FixedVersion,
    VulnerabilitySeverity Severity,
    double? CvssScore,
    string HelpUrl,
    /// <summary>Set when the file marks the result suppressed (SARIF): it is imported as a false positive with this reason.</summary>
    string? SuppressedBecause);

/// <summary>The findings of one scanned target: what closes findings absent from a later scan of the same target.</summary>
public sealed record ScannedTarget(FindingSource Format, string Tool, string Target, IReadOnlyList<ScannedFinding> Findings);

/// <summary>
/// Reads SARIF 2.1.0 and Trivy JSON (schema 2) scan reports, told apart by their content. Every problem is reported with where it is
/// ("runs[0].results[12].ruleId: missing", "line 14, position 3: invalid JSON") and nothing is returned unless the whole file reads.
/// </summary>
public static class ScanFiles
{
    /// <summary>How many problems one read reports before it stops looking.</summary>
    private const int MaxProblems = 20;

    /// <exception cref="ValidationFailedException">Under "File", every problem found, each naming where it is.</exception>
    public static IReadOnlyList<ScannedTarget> Read(byte[] content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException json)
        {
            // The reader counts from 0; people count lines and columns from 1.
            var line = (json.LineNumber ?? 0) + 1;
            var position = (json.BytePositionInLine ?? 0) + 1;
            throw ValidationFailedException.For("File", $"line {line}, position {position}: invalid JSON.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw ValidationFailedException.For("File", "$: expected a JSON object (a SARIF log or a Trivy report).");
            var problems = new List<string>();
            IReadOnlyList<ScannedTarget> targets;
            if (root.TryGetProperty("runs", out _)) targets = new SarifReader(problems).Read(root);
            else if (root.TryGetProperty("SchemaVersion", out _) || root.TryGetProperty("Results", out _)) targets = new TrivyReader(problems).Read(root);
            else throw ValidationFailedException.For("File", "$: neither a SARIF 2.1.0 log (it has no \"runs\") nor a Trivy JSON report (it has no \"SchemaVersion\").");
            if (problems.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = [.. problems.Take(MaxProblems)] });
            return targets;
        }
    }

    /// <summary>SHA-256 (hex) of the identity parts, each length-prefixed so that no two different lists hash alike.</summary>
    public static string Fingerprint(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts) builder.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>CVSS base score to severity, the bands of CVSS v3 (and of GitHub's security-severity).</summary>
    public static VulnerabilitySeverity FromScore(double score) => score switch
    {
        >= 9.0 => VulnerabilitySeverity.Critical,
        >= 7.0 => VulnerabilitySeverity.High,
        >= 4.0 => VulnerabilitySeverity.Medium,
        _ => VulnerabilitySeverity.Low,
    };

    internal static string Clip(string? text, int length)
    {
        var value = (text ?? "").Trim();
        return value.Length <= length ? value : value[..(length - 1)] + "…";
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}

/// <summary>
/// SARIF 2.1.0. The target of a run is its tool's name, with the run's automationDetails.id when present (so two pipelines scanning
/// different things with one tool do not close each other's findings). A result's identity prefers the tool's own fingerprints
/// (fingerprints, then partialFingerprints), which survive code moving between lines; without them it is the first location
/// (uri:startLine), and without a location the message. Severity comes from security-severity (a CVSS score on the result's or the rule's
/// properties), else from the level (the result's, else the rule's default; error → high, warning → medium, note/none → low).
/// Results whose kind says they are not failures (pass, notApplicable, informational) are not findings; suppressed results are
/// imported as false positives, with the suppression as the reason.
/// </summary>
internal sealed class SarifReader(List<string> problems)
{
    public IReadOnlyList<ScannedTarget> Read(JsonElement root)
    {
        var version = ScanFiles.Text(root, "version");
        if (version != "2.1.0") problems.Add($"version: {(version is null ? "missing" : $"'{version}' is not supported")}; Attest reads SARIF 2.1.0.");
        var runs = root.GetProperty("runs");
        if (runs.ValueKind != JsonValueKind.Array)
        {
            problems.Add("runs: expected an array.");
            return [];
        }
        var targets = new List<ScannedTarget>();
        var index = 0;
        foreach (var run in runs.EnumerateArray())
        {
            var path = $"runs[{index++}]";
            if (ReadRun(run, path) is { } target) targets.Add(target);
        }
        return targets;
    }

    private ScannedTarget? ReadRun(JsonElement run, string path)
    {
        var driver = ScanFiles.Child(run, "tool") is { } tool ? ScanFiles.Child(tool, "driver") : null;
        var name = driver is { } d ? ScanFiles.Text(d, "name") : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{path}.tool.driver.name: missing.");
            return null;
        }
        var toolVersion = ScanFiles.Text(driver!.Value, "semanticVersion") ?? ScanFiles.Text(driver.Value, "version");
        var automation = ScanFiles.Child(run, "automationDetails") is { } details ? ScanFiles.Text(details, "id") : null;
        var target = string.IsNullOrWhiteSpace(automation) ? name.Trim() : $"{name.Trim()} {automation.Trim()}";

        var rules = new List<JsonElement>();
        var rulesById = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (ScanFiles.Child(driver.Value, "rules") is { ValueKind: JsonValueKind.Array } ruleArray)
        {
            foreach (var rule in ruleArray.EnumerateArray())
            {
                rules.Add(rule);
                if (ScanFiles.Text(rule, "id") is { } id) rulesById.TryAdd(id, rule);
            }
        }

        var findings = new List<ScannedFinding>();
        if (ScanFiles.Child(run, "results") is { } results)
        {
            if (results.ValueKind != JsonValueKind.Array) problems.Add($"{path}.results: expected an array.");
            else
            {
                var i = 0;
                foreach (var result in results.EnumerateArray())
                {
                    if (ReadResult(result, $"{path}.results[{i++}]", target, rules, rulesById) is { } finding) findings.Add(finding);
                }
            }
        }
        return new ScannedTarget(FindingSource.Sarif, ScanFiles.Clip(toolVersion is null ? name : $"{name} {toolVersion}", 200), ScanFiles.Clip(target, 500), findings);
    }

    private ScannedFinding? ReadResult(JsonElement result, string path, string target, List<JsonElement> rules, Dictionary<string, JsonElement> rulesById)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object.");
            return null;
        }
        var ruleId = ScanFiles.Text(result, "ruleId") ?? (ScanFiles.Child(result, "rule") is { } reference ? ScanFiles.Text(reference, "id") : null);
        if (string.IsNullOrWhiteSpace(ruleId))
        {
            problems.Add($"{path}.ruleId: missing.");
            return null;
        }
        var kind = ScanFiles.Text(result, "kind") ?? "fail";
        if (kind is not ("fail" or "open" or "review"))
        {
            if (kind is "pass" or "notApplicable" or "informational") return null;
            problems.Add($"{path}.kind: '{kind}' is not a SARIF result kind.");
            return null;
        }

        // ruleIndex points into the driver's rules; use it only when it names the same rule, else look the id up.
        JsonElement? rule = null;
        if (ScanFiles.Child(result, "ruleIndex") is { ValueKind: JsonValueKind.Number } ruleIndex && ruleIndex.TryGetInt32(out var at) && at >= 0 && at < rules.Count &&
            ScanFiles.Text(rules[at], "id") == ruleId)
        {
            rule = rules[at];
        }
        else if (rulesById.TryGetValue(ruleId, out var byId)) rule = byId;

        var severity = Severity(result, rule, path, out var score);
        if (severity is null) return null;

        var message = Message(result, rule);
        var location = Location(result);
        var identity = OwnFingerprint(result, "fingerprints") ?? OwnFingerprint(result, "partialFingerprints") ?? (location.Length > 0 ? "at " + location : "message " + message);
        var ruleText = rule is { } r ? (Description(r, "shortDescription") ?? ScanFiles.Text(r, "name")) : null;
        var fullText = rule is { } f ? Description(f, "fullDescription") : null;
        var title = !string.IsNullOrWhiteSpace(ruleText) ? ruleText : FirstLine(message);
        var description = string.IsNullOrWhiteSpace(fullText) || fullText == message ? message : $"{message}\n\n{fullText}";
        var help = rule is { } h ? ScanFiles.Text(h, "helpUri") ?? "" : "";
        return new ScannedFinding(ScanFiles.Fingerprint(target, ruleId.Trim(), identity), ScanFiles.Clip(ruleId, 200), ScanFiles.Clip(title is { Length: > 0 } ? title : ruleId, 500),
            ScanFiles.Clip(description, 20_000), ScanFiles.Clip(location, 1000), "", "", "", severity.Value, score, ScanFiles.Clip(help, 2000), Suppression(result));
    }

    private VulnerabilitySeverity? Severity(JsonElement result, JsonElement? rule, string path, out double? score)
    {
        score = null;
        foreach (var (owner, where) in new[] { (result, path), (rule ?? default, "rule") })
        {
            if (owner.ValueKind != JsonValueKind.Object || ScanFiles.Child(owner, "properties") is not { } properties ||
                !properties.TryGetProperty("security-severity", out var value)) continue;
            var text = value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null };
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed < 0 || parsed > 10)
            {
                problems.Add($"{(where == "rule" ? $"{path} (its rule)" : path)}.properties.security-severity: '{text ?? value.GetRawText()}' is not a CVSS score from 0 to 10.");
                return null;
            }
            score = parsed;
            return ScanFiles.FromScore(parsed);
        }
        var level = ScanFiles.Text(result, "level")
            ?? (rule is { } r && ScanFiles.Child(r, "defaultConfiguration") is { } configuration ? ScanFiles.Text(configuration, "level") : null)
            ?? "warning";
        switch (level)
        {
            case "error": return VulnerabilitySeverity.High;
            case "warning": return VulnerabilitySeverity.Medium;
            case "note" or "none": return VulnerabilitySeverity.Low;
            default:
                problems.Add($"{path}.level: '{level}' is not a SARIF level (error, warning, note, none).");
                return null;
        }
    }

    /// <summary>The message's text, or its rule's message string (message.id) with the arguments filled in.</summary>
    private static string Message(JsonElement result, JsonElement? rule)
    {
        if (ScanFiles.Child(result, "message") is not { } message) return "";
        if (ScanFiles.Text(message, "text") is { } text) return text.Trim();
        if (ScanFiles.Text(message, "markdown") is { } markdown) return markdown.Trim();
        if (ScanFiles.Text(message, "id") is not { } id || rule is not { } r || ScanFiles.Child(r, "messageStrings") is not { } strings ||
            ScanFiles.Child(strings, id) is not { } template || ScanFiles.Text(template, "text") is not { } pattern) return "";
        var arguments = ScanFiles.Child(message, "arguments") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() ?? "" : a.GetRawText()).ToList()
            : [];
        var filled = pattern;
        for (var i = 0; i < arguments.Count; i++) filled = filled.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", arguments[i], StringComparison.Ordinal);
        return filled.Trim();
    }

    private static string? Description(JsonElement rule, string name) =>
        ScanFiles.Child(rule, name) is { } description ? (ScanFiles.Text(description, "text") ?? ScanFiles.Text(description, "markdown"))?.Trim() : null;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>"src/app.js:12" from the first physical location; "" when the result has none.</summary>
    private static string Location(JsonElement result)
    {
        if (ScanFiles.Child(result, "locations") is not { ValueKind: JsonValueKind.Array } locations) return "";
        foreach (var location in locations.EnumerateArray())
        {
            if (ScanFiles.Child(location, "physicalLocation") is not { } physical) continue;
            var uri = ScanFiles.Child(physical, "artifactLocation") is { } artifact ? ScanFiles.Text(artifact, "uri") : null;
            if (string.IsNullOrWhiteSpace(uri)) continue;
            var line = ScanFiles.Child(physical, "region") is { } region && ScanFiles.Child(region, "startLine") is { ValueKind: JsonValueKind.Number } start && start.TryGetInt32(out var n) ? n : (int?)null;
            return line is { } l ? $"{uri}:{l.ToString(CultureInfo.InvariantCulture)}" : uri;
        }
        return "";
    }

    /// <summary>The tool's own stable identity, as "key=value" pairs in key order; null when it gives none.</summary>
    private static string? OwnFingerprint(JsonElement result, string name)
    {
        if (ScanFiles.Child(result, name) is not { ValueKind: JsonValueKind.Object } prints) return null;
        var pairs = prints.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal).ToList();
        return pairs.Count == 0 ? null : $"{name} {string.Join(";", pairs)}";
    }

    /// <summary>
    /// A result is suppressed when at least one suppression is in force: accepted, or with no status. Rejected suppressions do not count, and
    /// one still under review leaves the result open until someone decides.
    /// </summary>
    private static string? Suppression(JsonElement result)
    {
        if (ScanFiles.Child(result, "suppressions") is not { ValueKind: JsonValueKind.Array } suppressions) return null;
        foreach (var suppression in suppressions.EnumerateArray())
        {
            var status = ScanFiles.Text(suppression, "status");
            if (status is not (null or "accepted")) continue;
            var kind = ScanFiles.Text(suppression, "kind") ?? "external";
            var justification = ScanFiles.Text(suppression, "justification");
            var how = kind == "inSource" ? "in source" : "externally";
            return string.IsNullOrWhiteSpace(justification) ? $"Suppressed {how} in the scanner's report." : $"Suppressed {how} in the scanner's report: {justification.Trim()}";
        }
        return null;
    }
}

/// <summary>
/// Trivy JSON, schema version 2: Results[].Vulnerabilities and Results[].Misconfigurations (failures only). The target is the report's
/// ArtifactName. A vulnerability's identity is the CVE, the result's target (the image's OS packages, a lock file) and the package name
/// and path, but not its installed version, so upgrading to a version that is still vulnerable updates the finding instead of closing
/// one and opening another. Severity UNKNOWN is read as Low.
/// </summary>
internal sealed class TrivyReader(List<string> problems)
{
    public IReadOnlyList<ScannedTarget> Read(JsonElement root)
    {
        if (!root.TryGetProperty("SchemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != 2)
        {
            problems.Add($"SchemaVersion: {(root.TryGetProperty("SchemaVersion", out var given) ? $"{given.GetRawText()} is not supported" : "missing")}; Attest reads Trivy's JSON schema version 2 (trivy --format json).");
            return [];
        }
        var artifact = ScanFiles.Text(root, "ArtifactName");
        if (string.IsNullOrWhiteSpace(artifact))
        {
            problems.Add("ArtifactName: missing.");
            return [];
        }
        // An image's tag or digest changes with every build; the repository is what is scanned again and again.
        if (ScanFiles.Text(root, "ArtifactType") == "container_image") artifact = ImageRepository(artifact.Trim());
        var trivyVersion = ScanFiles.Child(root, "Trivy") is { } trivy ? ScanFiles.Text(trivy, "Version") : null;
        var findings = new List<ScannedFinding>();
        if (ScanFiles.Child(root, "Results") is { } results)
        {
            if (results.ValueKind != JsonValueKind.Array) problems.Add("Results: expected an array.");
            else
            {
                var r = 0;
                foreach (var result in results.EnumerateArray()) ReadResult(result, $"Results[{r++}]", artifact.Trim(), findings);
            }
        }
        return [new ScannedTarget(FindingSource.Trivy, ScanFiles.Clip(trivyVersion is null ? "Trivy" : $"Trivy {trivyVersion}", 200), ScanFiles.Clip(artifact, 500), findings)];
    }

    /// <summary>"registry.example/app:1.2@sha256:…" → "registry.example/app" (a registry's port, before the last slash, stays).</summary>
    internal static string ImageRepository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) image = image[..at];
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') && colon > 0 ? image[..colon] : image;
    }

    private void ReadResult(JsonElement result, string path, string artifact, List<ScannedFinding> findings)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object.");
            return;
        }
        var resultTarget = ScanFiles.Text(result, "Target") ?? "";
        var resultClass = ScanFiles.Text(result, "Class") ?? "";
        if (ScanFiles.Child(result, "Vulnerabilities") is { } vulnerabilities)
        {
            if (vulnerabilities.ValueKind != JsonValueKind.Array) problems.Add($"{path}.Vulnerabilities: expected an array.");
            else
            {
                var i = 0;
                foreach (var vulnerability in vulnerabilities.EnumerateArray())
                {
                    if (Vulnerability(vulnerability, $"{path}.Vulnerabilities[{i++}]", artifact, resultTarget, resultClass) is { } finding) findings.Add(finding);
                }
            }
        }
        if (ScanFiles.Child(result, "Misconfigurations") is { } misconfigurations)
        {
            if (misconfigurations.ValueKind != JsonValueKind.Array) problems.Add($"{path}.Misconfigurations: expected an array.");
            else
            {
                var i = 0;
                foreach (var misconfiguration in misconfigurations.EnumerateArray())
                {
                    if (Misconfiguration(misconfiguration, $"{path}.Misconfigurations[{i++}]", artifact, resultTarget) is { } finding) findings.Add(finding);
                }
            }
        }
    }

    private ScannedFinding? Vulnerability(JsonElement v, string path, string artifact, string resultTarget, string resultClass)
    {
        var id = Required(v, "VulnerabilityID", path);
        var package = Required(v, "PkgName", path);
        var severity = Severity(v, path);
        if (id is null || package is null || severity is null) return null;
        var installed = ScanFiles.Text(v, "InstalledVersion") ?? "";
        var packagePath = ScanFiles.Text(v, "PkgPath") ?? "";
        var location = installed.Length > 0 ? $"{package}@{installed}" : package;
        if (packagePath.Length > 0) location += $" ({packagePath})";
        else if (resultClass == "lang-pkgs" && resultTarget.Length > 0) location += $" in {resultTarget}";
        var description = ScanFiles.Text(v, "Description") ?? "";
        // An image's OS packages are reported under "image:tag (alpine 3.10.2)", which changes with every build; lock files keep their path.
        var where = resultClass == "os-pkgs" ? resultClass : resultTarget;
        return new ScannedFinding(ScanFiles.Fingerprint(artifact, id, where, package, packagePath), ScanFiles.Clip(id, 200),
            ScanFiles.Clip(ScanFiles.Text(v, "Title") is { Length: > 0 } title ? title : id, 500), ScanFiles.Clip(description, 20_000), ScanFiles.Clip(location, 1000),
            ScanFiles.Clip(package, 300), ScanFiles.Clip(installed, 200), ScanFiles.Clip(ScanFiles.Text(v, "FixedVersion"), 500), severity.Value, Score(v),
            ScanFiles.Clip(ScanFiles.Text(v, "PrimaryURL"), 2000), null);
    }

    private ScannedFinding? Misconfiguration(JsonElement m, string path, string artifact, string resultTarget)
    {
        // Passed and excepted checks are reported too; only failures are findings.
        var status = ScanFiles.Text(m, "Status") ?? "FAIL";
        if (status != "FAIL") return null;
        var id = ScanFiles.Text(m, "ID") ?? ScanFiles.Text(m, "AVDID");
        if (string.IsNullOrWhiteSpace(id)) problems.Add($"{path}.ID: missing.");
        var severity = Severity(m, path);
        if (string.IsNullOrWhiteSpace(id) || severity is null) return null;
        var cause = ScanFiles.Child(m, "CauseMetadata");
        var resource = cause is { } c ? ScanFiles.Text(c, "Resource") ?? "" : "";
        var line = cause is { } l && ScanFiles.Child(l, "StartLine") is { ValueKind: JsonValueKind.Number } start && start.TryGetInt32(out var n) && n > 0 ? n : (int?)null;
        var location = line is { } at ? $"{resultTarget}:{at.ToString(CultureInfo.InvariantCulture)}" : resultTarget;
        var text = ScanFiles.Text(m, "Message") ?? "";
        var description = string.Join("\n\n", new[] { text, ScanFiles.Text(m, "Description") ?? "", ScanFiles.Text(m, "Resolution") is { Length: > 0 } fix ? $"Resolution: {fix}" : "" }
            .Where(p => p.Length > 0));
        return new ScannedFinding(ScanFiles.Fingerprint(artifact, id, resultTarget, resource), ScanFiles.Clip(id, 200),
            ScanFiles.Clip(ScanFiles.Text(m, "Title") is { Length: > 0 } title ? title : id, 500), ScanFiles.Clip(description, 20_000), ScanFiles.Clip(location, 1000),
            "", "", "", severity.Value, null, ScanFiles.Clip(ScanFiles.Text(m, "PrimaryURL"), 2000), null);
    }

    private string? Required(JsonElement element, string name, string path)
    {
        var value = ScanFiles.Text(element, name);
        if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        problems.Add($"{path}.{name}: missing.");
        return null;
    }

    private VulnerabilitySeverity? Severity(JsonElement element, string path)
    {
        var text = ScanFiles.Text(element, "Severity");
        switch (text)
        {
            case "CRITICAL": return VulnerabilitySeverity.Critical;
            case "HIGH": return VulnerabilitySeverity.High;
            case "MEDIUM": return VulnerabilitySeverity.Medium;
            // Trivy says UNKNOWN when no source rated it; until someone does, it is remediated on the Low timescale.
            case "LOW" or "UNKNOWN": return VulnerabilitySeverity.Low;
            case null:
                problems.Add($"{path}.Severity: missing.");
                return null;
            default:
                problems.Add($"{path}.Severity: '{text}' is not a severity (CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN).");
                return null;
        }
    }

    /// <summary>NVD's CVSS v3 base score when given, else the first source's.</summary>
    private static double? Score(JsonElement v)
    {
        if (ScanFiles.Child(v, "CVSS") is not { ValueKind: JsonValueKind.Object } cvss) return null;
        double? first = null;
        foreach (var source in cvss.EnumerateObject())
        {
            if (source.Value.ValueKind != JsonValueKind.Object || !source.Value.TryGetProperty("V3Score", out var score) || score.ValueKind != JsonValueKind.Number) continue;
            var value = score.GetDouble();
            if (source.Name == "nvd") return value;
            first ??= value;
        }
        return first;
    }
}
