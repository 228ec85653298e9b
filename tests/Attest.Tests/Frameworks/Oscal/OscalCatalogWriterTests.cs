using System.Text.Json.Nodes;
using Attest.Frameworks;
using Attest.Frameworks.Oscal;

namespace Attest.Tests.Frameworks.Oscal;

public class OscalCatalogWriterTests
{
    private static readonly DateTimeOffset ExportedAt = new(2025, 3, 4, 7, 6, 5, TimeSpan.FromHours(2));

    /// <summary>
    /// A made-up framework whose ids look like ISO 27001 ("4.1", "A.5.1"), CSF ("GV.OC-01") and GDPR ("Art. 5")
    /// ones, with every kind, odd ids, parameters, withdrawn items, and siblings in an order OSCAL's separate
    /// controls/groups arrays cannot hold directly. All text is invented for the test.
    /// </summary>
    private static CatalogDocument MixedIds() => new(
        "mixed-ids",
        "Mixed identifier sample",
        "2025.1",
        "Example Standards Body",
        "A made-up framework for export tests.\n\nIt has two paragraphs.",
        [
            new CatalogItem("4", "Context", RequirementKind.Clause, null,
            [
                new CatalogItem("4.1", "Understanding the context", RequirementKind.Clause, "Work out which internal and external issues matter.", []),
            ]),
            new CatalogItem("5.1", "Leadership", RequirementKind.Clause, "a. Top management shows commitment:\n  1. by setting direction;\n  2. by providing resources.", []),
            new CatalogItem("Art. 5", "Principles", RequirementKind.Article, "Personal data is handled lawfully.",
            [
                new CatalogItem("Art. 5(1)(a)", "Lawfulness", RequirementKind.Article, "Process lawfully, fairly and transparently.", []),
                new CatalogItem("Art. 5 notes", "Notes inside an article", RequirementKind.Group, null,
                [
                    new CatalogItem("x:y/z", "Odd characters", RequirementKind.Control, null, []),
                ]),
            ]),
            new CatalogItem("_private", "Leading underscore", RequirementKind.Enhancement, null, []),
            new CatalogItem("A.5", "Organizational controls", RequirementKind.Group, "Controls about the organization.",
            [
                new CatalogItem("A.5.1", "Policies", RequirementKind.Control, "Set, approve and publish policies; review them on a schedule.", [])
                {
                    Guidance = "Keep policies short.\n\nReview them after major changes.",
                    Parameters =
                    [
                        new CatalogParameter("A.5.1-interval", "review interval", ["12 months"]),
                        new CatalogParameter("A.5.1 channel", null, []) { Choices = ["intranet", "email", "printed copy"] },
                        new CatalogParameter("A.5.1-owners", "owners", ["the CISO", "the board"]),
                    ],
                },
                new CatalogItem("A.5.x", "Themes", RequirementKind.Group, null, []),
                new CatalogItem("A.5.2", "Retired", RequirementKind.Control, null, []) { Withdrawn = true },
            ]),
            new CatalogItem("GV", "GOVERN", RequirementKind.Function, null,
            [
                new CatalogItem("GV.OC", "Organizational Context", RequirementKind.Category, null,
                [
                    new CatalogItem("GV.OC-01", "Mission", RequirementKind.Subcategory, "The mission is understood.", []),
                    new CatalogItem("Ä.1", "Non-ASCII letter", RequirementKind.Subcategory, null, []) { Withdrawn = true },
                ]),
            ]),
        ]);

    private static CatalogDocument Read(string json, string? key = null) =>
        OscalCatalogReader.ReadCatalog(OscalFixtures.Json(json), "export.json", key);

    [Fact]
    public void WriteCatalog_LowBaseline_ReadsBackEqual()
    {
        var original = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        var roundTripped = Read(OscalCatalogWriter.WriteCatalog(original, ExportedAt));

        CatalogAssert.Equivalent(original, roundTripped);
    }

    [Fact]
    public void WriteCatalog_MixedIds_ReadsBackEqual()
    {
        var original = MixedIds();

        var roundTripped = Read(OscalCatalogWriter.WriteCatalog(original, ExportedAt));

        CatalogAssert.Equivalent(original, roundTripped);
    }

    [Fact]
    public void WriteCatalog_MixedIds_WritesTokensWithTheOriginalIdAsLabel()
    {
        var catalog = JsonNode.Parse(OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt))!["catalog"]!;

        var article = catalog["controls"]!.AsArray().Single(c => (string?)c!["title"] == "Principles")!;
        Assert.Equal("_Art._20_5", (string?)article["id"]);
        Assert.Equal("article", (string?)article["class"]);
        var props = article["props"]!.AsArray();
        Assert.Contains(props, p => (string?)p!["name"] == "label" && (string?)p["value"] == "Art. 5" && p["ns"] is null);
        Assert.Contains(props, p => (string?)p!["name"] == "original-id" && (string?)p["ns"] == OscalCatalogWriter.AttestNamespace);

        var policies = catalog["groups"]![0]!["controls"]![0]!;
        Assert.Equal("A.5.1", (string?)policies["id"]);
        Assert.Null(policies["props"]);
    }

    [Fact]
    public void WriteCatalog_MixedIds_PutsFunctionsAndTrailingGroupsIntoOscalGroups()
    {
        var catalog = JsonNode.Parse(OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt))!["catalog"]!;

        Assert.Equal(["A.5", "GV"], catalog["groups"]!.AsArray().Select(g => (string?)g!["id"]));
        Assert.Equal(["group", "function"], catalog["groups"]!.AsArray().Select(g => (string?)g!["class"]));
        // "A.5.x" sits between two controls, so it is written as a control that says it is a group.
        var themes = catalog["groups"]![0]!["controls"]!.AsArray().Single(c => (string?)c!["id"] == "A.5.x")!;
        Assert.Equal("group", (string?)themes["class"]);
        Assert.Equal(["4", "5.1", "Art. 5", "_private"], catalog["controls"]!.AsArray().Select(c => Label(c!)));
    }

    private static string? Label(JsonNode item) =>
        item["props"]?.AsArray().Where(p => (string?)p!["name"] == "label").Select(p => (string?)p!["value"]).FirstOrDefault()
        ?? (string?)item["id"];

    [Fact]
    public async Task WriteCatalog_LowBaseline_IsValidOscal106()
    {
        var json = OscalCatalogWriter.WriteCatalog(OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog), ExportedAt);

        OscalSchemas.AssertValid(await OscalSchemas.Catalog(), json);
    }

    [Fact]
    public async Task WriteCatalog_MixedIds_IsValidOscal106()
    {
        var json = OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt);

        OscalSchemas.AssertValid(await OscalSchemas.Catalog(), json);
    }

    [Fact]
    public async Task CatalogSchema_RejectsAnExportWhoseIdIsNotAToken()
    {
        // Guards the schema loading: a validator that accepted everything would make the tests above worthless.
        var json = JsonNode.Parse(OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt))!;
        json["catalog"]!["groups"]![0]!["id"] = "A 5";
        json["catalog"]!["uuid"] = "not-a-uuid";

        var errors = OscalSchemas.Paths((await OscalSchemas.Catalog()).Validate(json.ToJsonString())).ToList();

        Assert.Contains("#/catalog.groups[0].id", errors);
        Assert.Contains("#/catalog.uuid", errors);
    }

    [Fact]
    public void WriteCatalog_SameInput_GivesTheSameText()
    {
        var first = OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt);
        var second = OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt.ToUniversalTime());

        Assert.Equal(first, second);
    }

    [Fact]
    public void WriteCatalog_Metadata_HasVersionTimestampAndAStableVersion5Uuid()
    {
        var catalog = JsonNode.Parse(OscalCatalogWriter.WriteCatalog(MixedIds(), ExportedAt))!["catalog"]!;
        var other = JsonNode.Parse(OscalCatalogWriter.WriteCatalog(MixedIds() with { Key = "other" }, ExportedAt))!["catalog"]!;

        Assert.Equal("1.0.6", (string?)catalog["metadata"]!["oscal-version"]);
        Assert.Equal("2025-03-04T05:06:05.000Z", (string?)catalog["metadata"]!["last-modified"]);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)catalog["uuid"]);
        Assert.NotEqual((string?)catalog["uuid"], (string?)other["uuid"]);
    }

    [Theory]
    [InlineData("A.5.1", "A.5.1")]
    [InlineData("GV.OC-01", "GV.OC-01")]
    [InlineData("ac-2.1", "ac-2.1")]
    [InlineData("Ä.1", "Ä.1")]
    [InlineData("Art. 5", "_Art._20_5")]
    [InlineData("5.1", "_5.1")]
    [InlineData("_x", "__5F_x")]
    [InlineData("", "_")]
    public void TokenOf_KeepsTokensAndEscapesTheRest(string id, string token)
    {
        Assert.Equal(token, OscalCatalogWriter.TokenOf(id));
        Assert.True(OscalCatalogWriter.IsToken(token));
    }

    [Fact]
    public void TokenOf_DistinctIds_GiveDistinctTokens()
    {
        string[] ids = ["Art. 5", "Art._20_5", "_Art._20_5", "Art 5", "Art.5", "5", "_5", "__5F_5", "a_b", "a b", "a_20_b"];

        Assert.Equal(ids.Length, ids.Select(OscalCatalogWriter.TokenOf).Distinct(StringComparer.Ordinal).Count());
    }
}
