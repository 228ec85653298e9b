using Attest.Frameworks;

namespace Attest.Tests.Frameworks;

public class FrameworkYamlTests
{
    private const string Minimal = """
        id: example-1.0
        name: Example framework
        version: "1.0"
        requirements:
          - id: "1"
            title: First clause
            kind: clause
        """;

    [Fact]
    public void Read_MinimalFile_GivesTheDocumentItDescribes()
    {
        var document = FrameworkYaml.Read(new StringReader(Minimal), "example.yaml");

        Assert.Equal("example-1.0", document.Key);
        Assert.Equal("Example framework", document.Name);
        Assert.Equal("1.0", document.Version);
        Assert.Null(document.Publisher);
        Assert.Null(document.Description);
        var item = Assert.Single(document.Items);
        Assert.Equal(("1", "First clause", RequirementKind.Clause), (item.Id, item.Title, item.Kind));
        Assert.Null(item.Description);
        Assert.Empty(item.Children);
        Assert.False(item.Withdrawn);
    }

    [Fact]
    public void Read_EveryOptionalField_IsKept()
    {
        const string yaml = """
            # comments are allowed anywhere
            id: full
            name: Full
            version: 2.1
            publisher: Someone
            description: A framework that uses every field.
            requirements:
              - id: G
                title: Group
                kind: group
                children:
                  - id: G-1
                    title: Control one
                    kind: control
                    description: Does one thing.
                    guidance: |
                      First line.
                      Second line.
                    withdrawn: true
                    parameters:
                      - id: g-1_prm_1
                        label: frequency
                        values: [monthly]
                        choices: [weekly, monthly]
                      - id: g-1_prm_2
                    children:
                      - id: G-1.1
                        title: Enhancement
                        kind: enhancement
            """;

        var document = FrameworkYaml.Read(new StringReader(yaml), "full.yaml");

        Assert.Equal("2.1", document.Version);
        Assert.Equal("Someone", document.Publisher);
        var control = document.Items[0].Children[0];
        Assert.Equal("Does one thing.", control.Description);
        Assert.Equal("First line.\nSecond line.\n", control.Guidance);
        Assert.True(control.Withdrawn);
        Assert.Equal(2, control.Parameters.Count);
        Assert.Equal("frequency", control.Parameters[0].Label);
        Assert.Equal(["monthly"], control.Parameters[0].Values);
        Assert.Equal(["weekly", "monthly"], control.Parameters[0].Choices);
        Assert.Null(control.Parameters[1].Label);
        Assert.Empty(control.Parameters[1].Values);
        Assert.Equal(RequirementKind.Enhancement, Assert.Single(control.Children).Kind);
        Assert.Equal(2, document.ControlCount);
    }

    public static TheoryData<string> BuiltInKeys() => new(BuiltInCatalogs.All.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(BuiltInKeys))]
    public void Write_ThenRead_GivesAnEqualDocument_ForEachBuiltInCatalog(string key)
    {
        var original = BuiltInCatalogs.All.Single(c => c.Key == key);

        var yaml = FrameworkYaml.Write(original);
        var copy = FrameworkYaml.Read(new StringReader(yaml), "written.yaml");

        AssertSameDocument(original, copy);
    }

    [Fact]
    public void Write_ThenRead_KeepsAwkwardTextExactly()
    {
        string[] awkward =
        [
            "null", "~", "true", "No", "4.10", "1e3", "0x1F", "- dash", "key: value", "# hash", "a #b", "'single'", "\"double\"",
            "  leading", "trailing  ", "two\nlines", "ends with newline\n", "tab\there", "{flow}", "[list]", "*star", "&amp", "!bang",
            "%percent", "@at", "`tick", "?question", "|pipe", ">fold", "Ünïcödé — ✓", "back\\slash", "colon:", ",comma", "\u0007bell",
            "\n\nblank lines first", "blank lines last\n\n", " indented\nblock", "- a\n- b\n", "line\u2028separator\nand more", "\uFEFFbom",
        ];
        var items = awkward.Select((text, i) => new CatalogItem($"X-{i}", text, RequirementKind.Control, text, [])
        {
            Guidance = text,
            Withdrawn = i % 2 == 0,
            Parameters = [new CatalogParameter($"p-{i}", text, [text, "", "plain"]) { Choices = [text] }],
        }).ToList();
        var original = new CatalogDocument("awkward", "Awkward: \"text\"", "4.10", "yes", "line one\nline two", [
            new CatalogItem("4.10", "Nested", RequirementKind.Clause, null, [
                new CatalogItem("Art. 5", "Deeper", RequirementKind.Article, null, items),
            ]),
        ]);

        var yaml = FrameworkYaml.Write(original);
        var copy = FrameworkYaml.Read(new StringReader(yaml), "written.yaml");

        AssertSameDocument(original, copy);
    }

    [Fact]
    public void Write_LeavesOutEmptyOptionalFields()
    {
        var document = new CatalogDocument("k", "K", "1", null, "", [new CatalogItem("1", "One", RequirementKind.Clause, null, [])]);

        var yaml = FrameworkYaml.Write(document);

        Assert.DoesNotContain("publisher", yaml);
        Assert.DoesNotContain("description", yaml);
        Assert.DoesNotContain("withdrawn", yaml);
        Assert.DoesNotContain("children", yaml);
    }

    public static TheoryData<string, int, string> BadFiles() => new()
    {
        // (file text, line the error must name, text the problem must contain)
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\ntitle: stray\n", 8, "unknown key \"title\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    titel: One\n    kind: clause\n", 6, "requirements[0] (1).titel: unknown key \"titel\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - title: One\n    kind: clause\n", 5, "requirements[0]: missing \"id\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    kind: clause\n", 5, "requirements[0] (1): missing \"title\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n", 5, "requirements[0] (1): missing \"kind\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clase\n", 7, "requirements[0] (1).kind: unknown kind \"clase\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\n    children:\n      - id: \"1\"\n        title: Again\n        kind: clause\n", 9, "duplicate requirement id \"1\" (already used by requirements[0] at line 5)" },
        { "id: ISO 27001\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\n", 1, "id: \"ISO 27001\" is not a valid framework id" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements: []\n", 4, "requirements: is empty" },
        { "id: x\nname: X\nversion: \"1\"\n", 1, "missing \"requirements\"" },
        { "id: x\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\n", 1, "missing \"name\"" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: [One]\n    kind: clause\n", 6, "requirements[0] (1).title: expected text" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: \"\"\n    kind: clause\n", 6, "requirements[0] (1).title: is empty" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\n    withdrawn: maybe\n", 8, "withdrawn: expected true or false" },
        { "id: x\nname: X\nname: Y\nversion: \"1\"\n", 3, "\"name\" appears twice in the same mapping (first at line 2)" },
        { "id: x\nname: &n X\nversion: *n\n", 2, "anchor &n is not supported" },
        { "id: x\nname: X\nversion: \"1\"\nrequirements:\n  - id: \"1\"\n    title: One\n    kind: clause\n    parameters:\n      - label: no id\n", 9, "parameters[0]: missing \"id\"" },
        { "This is a Word document, not a framework.\n", 1, "not an Attest framework file" },
        { "id: x\nname: [unclosed\nversion: \"1\"\n", 2, "not valid YAML" },
        { "id: x\nrequirements:\n\t- id: \"1\"\n", 3, "not valid YAML" },
        { "id: x\nname: 'unclosed\nversion: \"1\"\n", 2, "not valid YAML" },
        { "", 1, "the file is empty" },
        { "id: x\n---\nid: y\n", 2, "a second YAML document" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadFile_ThrowsNamingTheLineAndField(string yaml, int line, string problem)
    {
        var ex = Assert.Throws<CatalogFormatException>(() => FrameworkYaml.Read(new StringReader(yaml), "bad.yaml"));

        Assert.Equal($"bad.yaml line {line}", ex.Location);
        Assert.Contains(problem, ex.Problem);
    }

    [Fact]
    public void Read_DeeplyNestedFile_IsRejectedRatherThanOverflowingTheStack()
    {
        var yaml = "id: x\nname: X\nversion: \"1\"\nrequirements: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var ex = Assert.Throws<CatalogFormatException>(() => FrameworkYaml.Read(new StringReader(yaml), "deep.yaml"));

        Assert.Contains("nested more than", ex.Problem);
    }

    /// <summary>Records compare lists by reference, so documents are compared field by field, recursively.</summary>
    internal static void AssertSameDocument(CatalogDocument expected, CatalogDocument actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Publisher, actual.Publisher);
        Assert.Equal(expected.Description, actual.Description);
        AssertSameItems(expected.Items, actual.Items);
    }

    private static void AssertSameItems(IReadOnlyList<CatalogItem> expected, IReadOnlyList<CatalogItem> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Title, a.Title);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Description, a.Description);
            Assert.Equal(e.Guidance, a.Guidance);
            Assert.Equal(e.Withdrawn, a.Withdrawn);
            Assert.Equal(e.Parameters.Count, a.Parameters.Count);
            foreach (var (ep, ap) in e.Parameters.Zip(a.Parameters))
            {
                Assert.Equal(ep.Id, ap.Id);
                Assert.Equal(ep.Label, ap.Label);
                Assert.Equal(ep.Values, ap.Values);
                Assert.Equal(ep.Choices, ap.Choices);
            }

            AssertSameItems(e.Children, a.Children);
        }
    }
}
