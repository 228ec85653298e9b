using System.Text;
using System.Text.Json;

namespace Attest.Assets;

/// <summary>
/// The AI models and datasets of a CycloneDX BOM in JSON (an ML-BOM, CycloneDX 1.5 or 1.6): every component of type
/// <c>machine-learning-model</c> or <c>data</c>, at any depth and including the BOM's own metadata component, the datasets
/// a model card inlines, and which datasets each model was trained on. A model's description is a Markdown summary of
/// its model card. A file that is not valid JSON is refused with the line and position of the fault; so is one that is
/// not a CycloneDX BOM, or one that has neither models nor datasets.
/// </summary>
public sealed class CycloneDxBom
{
    /// <summary>A model or dataset as it becomes an asset; <paramref name="Path"/> is where it is in the file, e.g. <c>$.components[2]</c>.</summary>
    public sealed record Component(string Path, string ExternalId, AssetType Type, string Name, string Provider, string Version, string Description);

    /// <summary>"The model <paramref name="ModelId"/> was trained on the dataset <paramref name="DatasetId"/>" (both external ids).</summary>
    public sealed record Link(string Path, string ModelId, string DatasetId);

    private const int MaxDescription = 20_000;

    private CycloneDxBom(IReadOnlyList<Component> components, IReadOnlyList<Link> links)
    {
        Components = components;
        Links = links;
    }

    public IReadOnlyList<Component> Components { get; }

    /// <summary>Training data links; a dataset named by a <c>ref</c> that is not in the BOM may still be an asset of the inventory.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <exception cref="ValidationFailedException">Not valid JSON, not a CycloneDX BOM, no models or datasets, or a component without a name (field <c>File</c>).</exception>
    public static CycloneDxBom Read(byte[] bytes, string fileName)
    {
        ReadOnlyMemory<byte> json = bytes;
        if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..];
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty) throw ValidationFailedException.For("File", $"{fileName} is empty.");
        JsonDocument document;
        try
        {
            // Default options on purpose: no comments, no trailing commas. A BOM other tools reject should not pass here.
            document = JsonDocument.Parse(json);
        }
        catch (JsonException invalid)
        {
            // The reader counts from 0; people count lines and columns from 1.
            var where = $"line {(invalid.LineNumber ?? 0) + 1}, position {(invalid.BytePositionInLine ?? 0) + 1}";
            if (invalid.Path is { Length: > 1 } path) where += $" (in {path})";
            throw ValidationFailedException.For("File", $"{fileName} is not valid JSON: {where}: {Reason(invalid)}");
        }
        using (document)
        {
            var reader = new BomReader(fileName);
            return reader.Read(document.RootElement);
        }
    }

    /// <summary>The reader's message without the position (given separately) or advice about reader options people cannot change.</summary>
    private static string Reason(JsonException invalid)
    {
        var message = invalid.Message;
        foreach (var cut in new[] { " Change the reader options.", " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0) message = message[..at];
        }
        // "… a trailing comma at the end which is not supported in this mode.": the mode is not the reader's to choose.
        return message.Replace(" which is not supported in this mode", "", StringComparison.Ordinal).Trim();
    }

    private sealed class BomReader(string fileName)
    {
        private readonly List<string> _errors = [];
        private readonly List<Component> _components = [];
        private readonly Dictionary<string, Component> _byExternalId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Type, string Path)> _bomRefs = new(StringComparer.Ordinal);
        private readonly List<(string Path, string ModelId, string Ref)> _datasetRefs = [];
        private readonly List<Link> _links = [];

        public CycloneDxBom Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) Fail("$", "is not a JSON object; a CycloneDX BOM starts with {\"bomFormat\": \"CycloneDX\", …}.");
            var format = Text(root, "bomFormat");
            if (Get(root, "bomFormat").ValueKind == JsonValueKind.Undefined) Fail("$.bomFormat", "is missing; a CycloneDX BOM says \"bomFormat\": \"CycloneDX\".");
            if (format != "CycloneDX") Fail("$.bomFormat", $"is '{format}'; a CycloneDX BOM says \"bomFormat\": \"CycloneDX\".");
            if (Text(root, "specVersion").Length == 0) Fail("$.specVersion", "is missing; a CycloneDX BOM names the version of the specification it follows, e.g. \"specVersion\": \"1.6\".");

            Visit(Get(Get(root, "metadata"), "component"), "$.metadata.component");
            Walk(Get(root, "components"), "$.components");

            foreach (var (path, modelId, reference) in _datasetRefs)
            {
                if (_bomRefs.TryGetValue(reference, out var target) && target.Type != "data")
                {
                    _errors.Add($"{fileName}: {path}: '{reference}' is the {target.Type} component at {target.Path}, not a dataset.");
                }
                else _links.Add(new Link(path, modelId, reference));
            }
            if (_errors.Count == 0 && _components.Count == 0)
            {
                _errors.Add($"{fileName} has no machine-learning-model or data components; nothing to import.");
            }
            if (_errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = _errors.ToArray() });
            return new CycloneDxBom(_components, _links.DistinctBy(l => (l.ModelId, l.DatasetId)).ToList());
        }

        private void Fail(string path, string problem) => throw ValidationFailedException.For("File", $"{fileName}: {path} {problem}");

        private void Walk(JsonElement list, string path)
        {
            if (list.ValueKind != JsonValueKind.Array) return;
            var i = 0;
            foreach (var component in list.EnumerateArray()) Visit(component, $"{path}[{i++}]");
        }

        private void Visit(JsonElement component, string path)
        {
            if (component.ValueKind != JsonValueKind.Object) return;
            var type = Text(component, "type");
            if (Text(component, "bom-ref") is { Length: > 0 } bomRef) _bomRefs.TryAdd(bomRef, (type, path));
            if (type == "machine-learning-model") AddModel(component, path);
            else if (type == "data") AddData(component, path);
            Walk(Get(component, "components"), path + ".components");
        }

        private void AddModel(JsonElement component, string path)
        {
            if (Identify(component, path) is not { } id) return;
            var card = Get(component, "modelCard");
            Add(new Component(path, id.ExternalId, AssetType.AiModel, id.Name, Provider(component), id.Version, Truncate(ModelCardText.Describe(component, card))));
            var j = 0;
            foreach (var dataset in Items(Get(card, "modelParameters"), "datasets"))
            {
                var datasetPath = $"{path}.modelCard.modelParameters.datasets[{j++}]";
                if (dataset.ValueKind != JsonValueKind.Object) continue;
                if (Text(dataset, "ref") is { Length: > 0 } reference)
                {
                    _datasetRefs.Add((datasetPath + ".ref", id.ExternalId, reference));
                    continue;
                }
                // An inline dataset (componentData): its bom-ref or name identifies it, so two models trained on the same data share one asset.
                var name = Text(dataset, "name");
                var externalId = Text(dataset, "bom-ref") is { Length: > 0 } own ? own : name.Length > 0 ? name : $"{id.ExternalId}#dataset-{j}";
                if (name.Length == 0) name = $"{id.Name} dataset {j}";
                if (Text(dataset, "bom-ref") is { Length: > 0 } inlineRef) _bomRefs.TryAdd(inlineRef, ("data", datasetPath));
                Add(new Component(datasetPath, externalId, AssetType.Dataset, name, Governor(dataset), "", Truncate(ModelCardText.DescribeData(dataset))));
                _links.Add(new Link(datasetPath, id.ExternalId, externalId));
            }
        }

        private void AddData(JsonElement component, string path)
        {
            if (Identify(component, path) is not { } id) return;
            Add(new Component(path, id.ExternalId, AssetType.Dataset, id.Name, Provider(component), id.Version, Truncate(ModelCardText.DescribeDataComponent(component))));
        }

        /// <summary>Name (group/name), version and external id (bom-ref, else name@version) of a component; null, with an error, when it has no name.</summary>
        private (string Name, string Version, string ExternalId)? Identify(JsonElement component, string path)
        {
            var name = Text(component, "name");
            if (name.Length == 0)
            {
                _errors.Add($"{fileName}: {path}: the component has no name.");
                return null;
            }
            if (Text(component, "group") is { Length: > 0 } group) name = $"{group}/{name}";
            var version = Text(component, "version");
            var externalId = Text(component, "bom-ref") is { Length: > 0 } bomRef ? bomRef : version.Length > 0 ? $"{name}@{version}" : name;
            return (name, version, externalId);
        }

        private void Add(Component component)
        {
            if (_byExternalId.TryGetValue(component.ExternalId, out var first))
            {
                // The same model or dataset listed twice (say, a dataset inlined by two models) is one asset.
                if (first.Type != component.Type)
                {
                    _errors.Add($"{fileName}: {component.Path}: '{component.ExternalId}' also identifies the {AssetLabels.Of(first.Type)} at {first.Path}.");
                }
                return;
            }
            _byExternalId[component.ExternalId] = component;
            _components.Add(component);
        }
    }

    /// <summary>Who provides a component: its supplier, else its publisher, else its manufacturer (CycloneDX 1.6) or author.</summary>
    private static string Provider(JsonElement component) =>
        new[] { NameOf(component, "supplier"), Text(component, "publisher"), NameOf(component, "manufacturer"), Text(component, "author") }
            .FirstOrDefault(n => n.Length > 0) ?? "";

    /// <summary>The organization that owns an inline dataset, from its governance block.</summary>
    private static string Governor(JsonElement data)
    {
        var governance = Get(data, "governance");
        foreach (var role in new[] { "owners", "stewards", "custodians" })
        {
            foreach (var party in Items(governance, role))
            {
                if (NameOf(party, "organization") is { Length: > 0 } name) return name;
            }
        }
        return "";
    }

    /// <summary>The property of an object; an undefined element when there is none or <paramref name="element"/> is not an object, so reads can chain.</summary>
    internal static JsonElement Get(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    internal static string NameOf(JsonElement element, string property) => Text(Get(element, property), "name");

    /// <summary>A string (trimmed), number or boolean property as text; "" for anything else.</summary>
    internal static string Text(JsonElement element, string property) => Get(element, property) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => "",
    };

    internal static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : [];

    private static string Truncate(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}

/// <summary>A model card, or a dataset's description, as the Markdown an asset's description holds: what is there, in the card's own order.</summary>
internal static class ModelCardText
{
    public static string Describe(JsonElement component, JsonElement card)
    {
        var text = new StringBuilder();
        Intro(component, text);
        if (card.ValueKind != JsonValueKind.Object) return text.ToString().Trim();

        var facts = new List<(string, string)>();
        var parameters = CycloneDxBom.Get(card, "modelParameters");
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            facts.Add(("Approach", Words(CycloneDxBom.Text(CycloneDxBom.Get(parameters, "approach"), "type"))));
            facts.Add(("Task", CycloneDxBom.Text(parameters, "task")));
            facts.Add(("Architecture family", CycloneDxBom.Text(parameters, "architectureFamily")));
            facts.Add(("Model architecture", CycloneDxBom.Text(parameters, "modelArchitecture")));
            facts.Add(("Inputs", string.Join(", ", CycloneDxBom.Items(parameters, "inputs").Select(i => CycloneDxBom.Text(i, "format")).Where(f => f.Length > 0))));
            facts.Add(("Outputs", string.Join(", ", CycloneDxBom.Items(parameters, "outputs").Select(o => CycloneDxBom.Text(o, "format")).Where(f => f.Length > 0))));
        }
        Facts(facts, text);

        Section("Performance metrics", CycloneDxBom.Items(CycloneDxBom.Get(card, "quantitativeAnalysis"), "performanceMetrics").Select(Metric), text);
        var considerations = CycloneDxBom.Get(card, "considerations");
        if (considerations.ValueKind == JsonValueKind.Object)
        {
            Section("Users", Strings(considerations, "users"), text);
            Section("Use cases", Strings(considerations, "useCases"), text);
            Section("Technical limitations", Strings(considerations, "technicalLimitations"), text);
            Section("Performance trade-offs", Strings(considerations, "performanceTradeoffs"), text);
            Section("Ethical considerations", CycloneDxBom.Items(considerations, "ethicalConsiderations").Select(e =>
                Joined(Bold(CycloneDxBom.Text(e, "name")), Labelled("mitigation", CycloneDxBom.Text(e, "mitigationStrategy")))), text);
            Section("Fairness assessments", CycloneDxBom.Items(considerations, "fairnessAssessments").Select(f =>
                Joined(Bold(CycloneDxBom.Text(f, "groupAtRisk")), Labelled("benefits", CycloneDxBom.Text(f, "benefits")),
                    Labelled("harms", CycloneDxBom.Text(f, "harms")), Labelled("mitigation", CycloneDxBom.Text(f, "mitigationStrategy")))), text);
            var environment = CycloneDxBom.Get(considerations, "environmentalConsiderations");
            Section("Environmental considerations", CycloneDxBom.Items(environment, "energyConsumptions").Select(Energy).Concat(Properties(environment)), text);
        }
        return text.ToString().Trim();
    }

    /// <summary>A component of type data: its description, licences and source, and each data set it holds.</summary>
    public static string DescribeDataComponent(JsonElement component)
    {
        var text = new StringBuilder();
        Intro(component, text);
        Section("Data", CycloneDxBom.Items(component, "data").Select(DataLine), text);
        return text.ToString().Trim();
    }

    /// <summary>An inline dataset of a model card (componentData).</summary>
    public static string DescribeData(JsonElement data)
    {
        var facts = new List<(string, string)>
        {
            ("Name", CycloneDxBom.Text(data, "name")),
            ("Type", CycloneDxBom.Text(data, "type")),
            ("Description", Inline(CycloneDxBom.Text(data, "description"))),
            ("Classification", CycloneDxBom.Text(data, "classification")),
            ("Sensitive data", string.Join(", ", CycloneDxBom.Items(data, "sensitiveData").Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!.Trim()))),
            ("Source", CycloneDxBom.Text(CycloneDxBom.Get(data, "contents"), "url")),
        };
        var text = new StringBuilder();
        Facts(facts, text);
        return text.ToString().Trim();
    }

    /// <summary>One data set of a data component, on one line.</summary>
    private static string DataLine(JsonElement data) =>
        Joined($"{Bold(CycloneDxBom.Text(data, "name"))}{(CycloneDxBom.Text(data, "type") is { Length: > 0 } type ? $" ({type})" : "")}".Trim(),
            Inline(CycloneDxBom.Text(data, "description")), Labelled("classification", CycloneDxBom.Text(data, "classification")),
            Labelled("source", CycloneDxBom.Text(CycloneDxBom.Get(data, "contents"), "url")));

    private static void Intro(JsonElement component, StringBuilder text)
    {
        if (CycloneDxBom.Text(component, "description") is { Length: > 0 } description) text.Append(description).Append("\n\n");
        var parties = new[] { ("Supplier", CycloneDxBom.NameOf(component, "supplier")), ("Publisher", CycloneDxBom.Text(component, "publisher")),
            ("Manufacturer", CycloneDxBom.NameOf(component, "manufacturer")), ("Author", CycloneDxBom.Text(component, "author")) };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var facts = parties.Where(p => p.Item2.Length > 0 && seen.Add(p.Item2)).ToList();
        facts.Add(("Licence", string.Join(", ", CycloneDxBom.Items(component, "licenses").Select(Licence).Where(l => l.Length > 0))));
        var references = CycloneDxBom.Items(component, "externalReferences").ToList();
        var source = references.FirstOrDefault(r => CycloneDxBom.Text(r, "type") is "distribution" or "website" or "vcs" or "model-card");
        facts.Add(("Source", CycloneDxBom.Text(source.ValueKind == JsonValueKind.Object ? source : references.FirstOrDefault(), "url")));
        Facts(facts, text);
    }

    private static string Licence(JsonElement entry)
    {
        if (CycloneDxBom.Text(entry, "expression") is { Length: > 0 } expression) return expression;
        var licence = CycloneDxBom.Get(entry, "license");
        return CycloneDxBom.Text(licence, "id") is { Length: > 0 } id ? id : CycloneDxBom.Text(licence, "name");
    }

    private static string Metric(JsonElement metric)
    {
        var ci = CycloneDxBom.Get(metric, "confidenceInterval");
        var interval = $"{CycloneDxBom.Text(ci, "lowerBound")}–{CycloneDxBom.Text(ci, "upperBound")}";
        return Joined($"{Bold(CycloneDxBom.Text(metric, "type"))} {CycloneDxBom.Text(metric, "value")}".Trim(),
            Labelled("slice", CycloneDxBom.Text(metric, "slice")), Labelled("confidence interval", interval == "–" ? "" : interval));
    }

    /// <summary>"Training: energy 0.4 kWh; CO2 equivalent 31.22 tCO2eq; …" for one activity.</summary>
    private static string Energy(JsonElement consumption)
    {
        var providers = CycloneDxBom.Items(consumption, "energyProviders").Select(p =>
        {
            var who = new[] { CycloneDxBom.Text(p, "description"), CycloneDxBom.NameOf(p, "organization") }.Where(s => s.Length > 0).Distinct();
            var details = new[] { CycloneDxBom.Text(p, "energySource"), Quantity(p, "energyProvided") }.Where(s => s.Length > 0);
            return string.Join(", ", who) + (details.Any() ? $" ({string.Join(", ", details)})" : "");
        }).Where(p => p.Length > 0).ToList();
        var activity = Words(CycloneDxBom.Text(consumption, "activity"));
        return Joined(Bold(activity.Length > 0 ? char.ToUpperInvariant(activity[0]) + activity[1..] : "Activity") + ":",
            Labelled("energy", Quantity(consumption, "activityEnergyCost")),
            Labelled("CO2 equivalent", Quantity(consumption, "co2CostEquivalent")),
            Labelled("CO2 offset", Quantity(consumption, "co2CostOffset")),
            Labelled(providers.Count == 1 ? "energy provider" : "energy providers", string.Join("; ", providers)));
    }

    private static string Quantity(JsonElement element, string property)
    {
        var quantity = CycloneDxBom.Get(element, property);
        return $"{CycloneDxBom.Text(quantity, "value")} {CycloneDxBom.Text(quantity, "unit")}".Trim();
    }

    private static IEnumerable<string> Properties(JsonElement element) =>
        CycloneDxBom.Items(element, "properties").Select(p => Joined(Bold(CycloneDxBom.Text(p, "name")) + ":", Inline(CycloneDxBom.Text(p, "value"))));

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        CycloneDxBom.Items(element, property).Where(s => s.ValueKind == JsonValueKind.String).Select(s => Inline(s.GetString()!));

    private static void Facts(IEnumerable<(string Label, string Value)> facts, StringBuilder text)
    {
        var present = facts.Where(f => f.Value.Length > 0).ToList();
        foreach (var (label, value) in present) text.Append("- **").Append(label).Append(":** ").Append(Inline(value)).Append('\n');
        if (present.Count > 0) text.Append('\n');
    }

    private static void Section(string heading, IEnumerable<string> items, StringBuilder text)
    {
        var present = items.Where(i => i.Trim().Trim(':').Length > 0).ToList();
        if (present.Count == 0) return;
        text.Append("### ").Append(heading).Append("\n\n");
        foreach (var item in present) text.Append("- ").Append(item).Append('\n');
        text.Append('\n');
    }

    private static string Bold(string text) => text.Length > 0 ? $"**{text}**" : "";

    private static string Labelled(string label, string value) => value.Length > 0 ? $"{label} {value}" : "";

    private static string Joined(string head, params string[] parts)
    {
        var rest = parts.Where(p => p.Length > 0).ToList();
        if (head.Length == 0) return string.Join("; ", rest);
        return rest.Count == 0 ? head : head + " " + string.Join("; ", rest);
    }

    /// <summary>One line: a list item must not break the list.</summary>
    private static string Inline(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>"reinforcement-learning" → "reinforcement learning".</summary>
    private static string Words(string token) => token.Replace('-', ' ').Replace('_', ' ');
}
