using System.Text.Json.Nodes;
using Attest.Frameworks.Oscal;

namespace Attest.Tests.Frameworks.Oscal;

public class OscalComponentWriterTests
{
    private static readonly DateTimeOffset ExportedAt = new(2025, 3, 4, 7, 6, 5, TimeSpan.Zero);

    private static readonly ImplementedRequirement IsoPolicies = new("iso27001-2022", "ISO/IEC 27001:2022", "A.5.1");
    private static readonly ImplementedRequirement IsoTen = new("iso27001-2022", "ISO/IEC 27001:2022", "A.5.10");
    private static readonly ImplementedRequirement IsoTwo = new("iso27001-2022", "ISO/IEC 27001:2022", "A.5.2");
    private static readonly ImplementedRequirement GdprPrinciples = new("gdpr", "GDPR", "Art. 5");

    private static List<ImplementedControl> Controls() =>
    [
        new(Guid.Parse("0195a3c2-7d1e-7c3a-9b2f-4e5d6c7b8a90"), "CTL-010", "Security policy set", "We keep a short set of approved policies.", "Implemented", [IsoPolicies, IsoTen, GdprPrinciples]),
        new(Guid.Parse("0195a3c2-7d1e-7c3a-9b2f-4e5d6c7b8a91"), "CTL-002", "Annual policy review", "", "Planned", [IsoPolicies, IsoPolicies, IsoTwo]),
        new(Guid.Parse("0195a3c2-7d1e-7c3a-9b2f-4e5d6c7b8a92"), "CTL-003", "Clean desk", "Desks are cleared at the end of the day.", "Implemented", []),
    ];

    private static JsonNode Write(IReadOnlyList<ImplementedControl> controls) =>
        JsonNode.Parse(OscalComponentWriter.WriteComponentDefinition("Example Ltd", controls, ExportedAt))!["component-definition"]!;

    [Fact]
    public async Task WriteComponentDefinition_IsValidOscal106()
    {
        var json = OscalComponentWriter.WriteComponentDefinition("Example Ltd", Controls(), ExportedAt);

        OscalSchemas.AssertValid(await OscalSchemas.Component(), json);
    }

    [Fact]
    public async Task WriteComponentDefinition_WithoutControls_IsStillValid()
    {
        var json = OscalComponentWriter.WriteComponentDefinition("Example Ltd", [], ExportedAt);

        OscalSchemas.AssertValid(await OscalSchemas.Component(), json);
    }

    [Fact]
    public async Task ComponentSchema_RejectsAControlIdThatIsNotAToken()
    {
        var json = Write(Controls());
        json["components"]![0]!["control-implementations"]![0]!["implemented-requirements"]![0]!["control-id"] = "Art. 5";

        var errors = (await OscalSchemas.Component()).Validate(new JsonObject { ["component-definition"] = json.DeepClone() }.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void WriteComponentDefinition_HasOneComponentTitledForTheOrganization()
    {
        var component = Assert.Single(Write(Controls())["components"]!.AsArray())!;

        Assert.Equal("Example Ltd", (string?)component["title"]);
        Assert.Equal("service", (string?)component["type"]);
    }

    [Fact]
    public void WriteComponentDefinition_HasOneControlImplementationPerFrameworkWithAStableSource()
    {
        var implementations = Write(Controls())["components"]![0]!["control-implementations"]!.AsArray();

        Assert.Equal(
            ["urn:attest:framework:gdpr", "urn:attest:framework:iso27001-2022"],
            implementations.Select(i => (string?)i!["source"]));
    }

    [Fact]
    public void WriteComponentDefinition_ListsRequirementsByTokenIdInNaturalOrder()
    {
        var implementations = Write(Controls())["components"]![0]!["control-implementations"]!.AsArray();

        var gdpr = implementations[0]!["implemented-requirements"]!.AsArray();
        Assert.Equal(["_Art._20_5"], gdpr.Select(r => (string?)r!["control-id"]));
        var iso = implementations[1]!["implemented-requirements"]!.AsArray();
        Assert.Equal(["A.5.1", "A.5.2", "A.5.10"], iso.Select(r => (string?)r!["control-id"]));
    }

    [Fact]
    public void WriteComponentDefinition_SaysWhichControlsImplementARequirementAndTheirStatus()
    {
        var requirement = Write(Controls())["components"]![0]!["control-implementations"]![1]!["implemented-requirements"]![0]!;

        var description = (string?)requirement["description"];
        Assert.Contains("- CTL-002 Annual policy review (status: Planned)", description, StringComparison.Ordinal);
        Assert.Contains("- CTL-010 Security policy set (status: Implemented)", description, StringComparison.Ordinal);
        Assert.Contains("these 2 controls", description, StringComparison.Ordinal);

        var props = requirement["props"]!.AsArray();
        Assert.All(props, p => Assert.Equal(OscalCatalogWriter.AttestNamespace, (string?)p!["ns"]));
        var statusOfCtl002 = props
            .Where(p => (string?)p!["name"] == "implementation-status")
            .Single(p => (string?)p!["group"] == (string?)props.Single(q => (string?)q!["value"] == "CTL-002")!["group"]);
        Assert.Equal("Planned", (string?)statusOfCtl002!["value"]);
        Assert.Equal(2, requirement["links"]!.AsArray().Count);
    }

    [Fact]
    public void WriteComponentDefinition_LinksEachRequirementToTheControlsInTheBackMatter()
    {
        var definition = Write(Controls());

        var resources = definition["back-matter"]!["resources"]!.AsArray();
        Assert.Equal(["CTL-002 Annual policy review", "CTL-003 Clean desk", "CTL-010 Security policy set"], resources.Select(r => (string?)r!["title"]));
        var uuids = resources.Select(r => (string?)("#" + (string?)r!["uuid"])).ToHashSet();
        var links = definition["components"]![0]!["control-implementations"]!.AsArray()
            .SelectMany(i => i!["implemented-requirements"]!.AsArray())
            .SelectMany(r => r!["links"]!.AsArray())
            .Select(l => (string?)l!["href"]);
        Assert.All(links, href => Assert.Contains(href, uuids));
    }

    [Fact]
    public void WriteComponentDefinition_SameInputInAnotherOrder_GivesTheSameText()
    {
        var controls = Controls();
        var reversed = Enumerable.Reverse(controls).ToList();

        Assert.Equal(
            OscalComponentWriter.WriteComponentDefinition("Example Ltd", controls, ExportedAt),
            OscalComponentWriter.WriteComponentDefinition("Example Ltd", reversed, ExportedAt));
    }
}
