using System.Text.Json.Nodes;
using Attest.Frameworks;
using Attest.Frameworks.Oscal;

namespace Attest.Tests.Frameworks.Oscal;

public class OscalProfileTests
{
    private static ProfileDocument LowProfile()
    {
        using var stream = OscalFixtures.Open(OscalFixtures.LowProfile);
        return OscalProfile.ReadProfile(stream, OscalFixtures.LowProfile);
    }

    private static ProfileDocument Profile(string json) => OscalProfile.ReadProfile(OscalFixtures.Json(json), "profile.json");

    /// <summary>Serves the LOW catalog for one href only, the way `attest frameworks import` serves catalogs it already has.</summary>
    private static Func<string, CatalogDocument?> Serving(string href, CatalogDocument catalog) =>
        requested => requested == href ? catalog : null;

    private static string Tree(IEnumerable<CatalogItem> items) =>
        string.Join(" ", items.Select(i => i.Children.Count == 0 ? $"{i.Id}:{i.Kind}" : $"{i.Id}:{i.Kind}({Tree(i.Children)})"));

    [Fact]
    public void ReadProfile_LowBaseline_ReadsItsImportAndBackMatterLinks()
    {
        var profile = LowProfile();

        Assert.Equal("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", profile.Title);
        Assert.Equal("5.1.1+u4", profile.Version);
        var import = Assert.Single(profile.Imports);
        Assert.Equal(OscalFixtures.LowProfileImportHref, import.Href);
        Assert.Contains("../../../../nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json", import.ResourceHrefs);
        Assert.False(import.IncludeAll);
        Assert.Equal(149, Assert.Single(import.IncludeControls).WithIds.Count);
    }

    [Fact]
    public void Resolve_LowProfileAgainstTheLowCatalog_GivesTheSame149ControlsInTheSameTree()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        var resolved = OscalProfile.Resolve(LowProfile(), Serving(OscalFixtures.LowProfileImportHref, catalog));

        Assert.Equal(149, resolved.ControlCount);
        Assert.Equal(catalog.AllItems().Select(i => i.Id), resolved.AllItems().Select(i => i.Id));
        Assert.Equal(Tree(catalog.Items), Tree(resolved.Items));
        Assert.Equal("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", resolved.Name);
        Assert.Equal("nist-sp-800-53-rev5-1-1-low-impact-baseline", resolved.Key);
        Assert.Equal(
            catalog.AllItems().Single(i => i.Id == "ac-1").Description,
            resolved.AllItems().Single(i => i.Id == "ac-1").Description);
    }

    [Fact]
    public void Resolve_CatalogOnlyAvailableUnderTheBackMatterLink_IsFoundThere()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        var resolved = OscalProfile.Resolve(
            LowProfile(),
            Serving("../../../../nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json", catalog),
            key: "low");

        Assert.Equal(149, resolved.ControlCount);
        Assert.Equal("low", resolved.Key);
    }

    [Fact]
    public void Resolve_ImportThatCannotBeSupplied_NamesTheHref()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalProfile.Resolve(LowProfile(), _ => null));

        Assert.Equal($"{OscalFixtures.LowProfile} $.profile.imports[0].href", error.Location);
        Assert.StartsWith($"imports a catalog that is not available: {OscalFixtures.LowProfileImportHref}", error.Problem, StringComparison.Ordinal);
        Assert.Contains("NIST_SP-800-53_rev5_catalog.json", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WithIdMissingFromTheCatalog_NamesTheIdAndWhereItIs()
    {
        var json = JsonNode.Parse(OscalFixtures.Text(OscalFixtures.LowProfile))!;
        json["profile"]!["imports"]![0]!["include-controls"]![0]!["with-ids"]!.AsArray().Insert(3, "zz-99");
        var profile = Profile(json.ToJsonString());
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        var error = Assert.Throws<CatalogFormatException>(() => OscalProfile.Resolve(profile, Serving(OscalFixtures.LowProfileImportHref, catalog)));

        Assert.Equal("profile.json $.profile.imports[0].include-controls[0].with-ids[3]", error.Location);
        Assert.Contains("\"zz-99\"", error.Problem, StringComparison.Ordinal);
        Assert.Contains("does not contain", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WithChildControlsYes_IncludesTheEnhancements()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "include-controls": [ { "with-ids": [ "ia-2", "ac-1" ], "with-child-controls": "yes" } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        Assert.Equal("ac:Group(ac-1:Control) ia:Group(ia-2:Control(ia-2.1:Enhancement ia-2.2:Enhancement ia-2.8:Enhancement ia-2.12:Enhancement))", Tree(resolved.Items));
    }

    [Fact]
    public void Resolve_WithoutWithChildControls_LeavesTheEnhancementsOut()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "include-controls": [ { "with-ids": [ "ia-2" ] } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        Assert.Equal("ia:Group(ia-2:Control)", Tree(resolved.Items));
    }

    [Fact]
    public void Resolve_EnhancementWithoutItsControl_KeepsTheControlAsTitleOnlyParent()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "include-controls": [ { "with-ids": [ "ia-2.8" ] } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        Assert.Equal("ia:Group(ia-2:Control(ia-2.8:Enhancement))", Tree(resolved.Items));
        var parent = resolved.Items[0].Children[0];
        Assert.Equal("Identification and Authentication (Organizational Users)", parent.Title);
        Assert.Null(parent.Description);
        Assert.Empty(parent.Parameters);
    }

    [Fact]
    public void Resolve_IncludeAllWithExclusionsAndPatterns_DropsTheExcludedControls()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "include-all": {},
                "exclude-controls": [ { "with-ids": [ "ac-1" ] }, { "matching": [ { "pattern": "sr-*" } ] } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        var srCount = catalog.Items.Single(g => g.Id == "sr").SelfAndDescendants().Count() - 1;
        Assert.Equal(149 - 1 - srCount, resolved.ControlCount);
        Assert.DoesNotContain(resolved.AllItems(), i => i.Id == "ac-1");
        Assert.DoesNotContain(resolved.Items, g => g.Id == "sr");
    }

    [Fact]
    public void Resolve_OnlyExclusions_IncludesEverythingElse()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "exclude-controls": [ { "with-ids": [ "ia-2" ], "with-child-controls": "yes" } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        Assert.Equal(149 - 5, resolved.ControlCount);
    }

    [Fact]
    public void Resolve_SetParameters_ReplacesValuesLabelsAndChoices()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson(
            """[ { "href": "low.json", "include-controls": [ { "with-ids": [ "ac-1" ] } ] } ]""",
            """
            { "set-parameters": [
                { "param-id": "ac-1_prm_1", "values": [ "the CISO", "all staff" ] },
                { "param-id": "ac-01_odp.05", "label": "review interval" },
                { "param-id": "ac-01_odp.03", "select": { "choice": [ "organization-level" ] } },
                { "param-id": "zz-99_prm_1", "values": [ "ignored: no such control is included" ] } ] }
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        var parameters = resolved.AllItems().Single(i => i.Id == "ac-1").Parameters;
        Assert.Equal(["the CISO", "all staff"], parameters.Single(p => p.Id == "ac-1_prm_1").Values);
        Assert.Equal("organization-defined personnel or roles", parameters.Single(p => p.Id == "ac-1_prm_1").Label);
        Assert.Equal("review interval", parameters.Single(p => p.Id == "ac-01_odp.05").Label);
        Assert.Equal(["organization-level"], parameters.Single(p => p.Id == "ac-01_odp.03").Choices);
        Assert.Empty(parameters.Single(p => p.Id == "ac-01_odp.06").Values);
    }

    [Fact]
    public void Resolve_TwoImportsOfOverlappingControls_KeepsTheFirstAndMergesTheGroups()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var profile = Profile(OscalFixtures.ProfileJson("""
            [ { "href": "low.json", "include-controls": [ { "with-ids": [ "ac-1", "ac-2" ] } ] },
              { "href": "low.json", "include-controls": [ { "with-ids": [ "ac-2", "ac-3", "at-1" ] } ] } ]
            """));

        var resolved = OscalProfile.Resolve(profile, Serving("low.json", catalog));

        Assert.Equal("ac:Group(ac-1:Control ac-2:Control ac-3:Control) at:Group(at-1:Control)", Tree(resolved.Items));
    }

    [Fact]
    public void ReadProfile_Catalog_IsRejectedNamingTheModel()
    {
        using var stream = OscalFixtures.Open(OscalFixtures.BasicCatalog);

        var error = Assert.Throws<CatalogFormatException>(() => OscalProfile.ReadProfile(stream, OscalFixtures.BasicCatalog));

        Assert.Equal("basic-catalog.json $.catalog", error.Location);
        Assert.Contains("a profile was expected", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_ImportWithoutHref_NamesTheJsonPath()
    {
        var error = Assert.Throws<CatalogFormatException>(() => Profile(OscalFixtures.ProfileJson("""[ { "include-all": {} } ]""")));

        Assert.Equal("profile.json $.profile.imports[0].href", error.Location);
        Assert.Equal("is missing", error.Problem);
    }

    [Theory]
    [InlineData(OscalFixtures.LowCatalog, "catalog")]
    [InlineData(OscalFixtures.LowProfile, "profile")]
    [InlineData(OscalFixtures.SystemSecurityPlan, "system-security-plan")]
    [InlineData(OscalFixtures.ComponentDefinition, "component-definition")]
    public void ModelOf_NamesTheOscalModel(string fixture, string model)
    {
        using var stream = OscalFixtures.Open(fixture);

        Assert.Equal(model, OscalProfile.ModelOf(stream, fixture));
    }

    [Fact]
    public void ModelOf_JsonThatIsNotOscal_IsNull()
    {
        Assert.Null(OscalProfile.ModelOf(OscalFixtures.Json("""{ "$schema": "x", "name": "n" }"""), "x.json"));
        Assert.Null(OscalProfile.ModelOf(OscalFixtures.Json("[1, 2]"), "x.json"));
    }

    [Fact]
    public void ModelOf_NotJson_ReportsThePosition()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalProfile.ModelOf(OscalFixtures.Json("catalog:"), "x.yaml"));

        Assert.Equal("x.yaml line 1, position 1", error.Location);
    }
}
