using Attest.Frameworks;
using Attest.Frameworks.Oscal;

namespace Attest.Tests.Frameworks.Oscal;

public class OscalCatalogReaderTests
{
    [Fact]
    public void ReadCatalog_LowBaseline_Has149ControlsOf131BaseAnd18Enhancements()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        var items = catalog.AllItems().ToList();
        Assert.Equal(149, catalog.ControlCount);
        Assert.Equal(131, items.Count(i => i.Kind == RequirementKind.Control));
        Assert.Equal(18, items.Count(i => i.Kind == RequirementKind.Enhancement));
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void ReadCatalog_LowBaseline_KeepsFamiliesAsGroupsAndEnhancementsUnderTheirControl()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        Assert.Equal(
            ["ac", "at", "au", "ca", "cm", "cp", "ia", "ir", "ma", "mp", "pe", "pl", "ps", "ra", "sa", "sc", "si", "sr"],
            catalog.Items.Select(g => g.Id));
        Assert.All(catalog.Items, g => Assert.Equal(RequirementKind.Group, g.Kind));
        Assert.Equal("Access Control", catalog.Items[0].Title);

        var ia2 = catalog.Items.Single(g => g.Id == "ia").Children.Single(c => c.Id == "ia-2");
        Assert.Equal(RequirementKind.Control, ia2.Kind);
        Assert.Equal(["ia-2.1", "ia-2.2", "ia-2.8", "ia-2.12"], ia2.Children.Select(c => c.Id));
        Assert.All(ia2.Children, e => Assert.Equal(RequirementKind.Enhancement, e.Kind));
        Assert.Equal("Multi-factor Authentication to Privileged Accounts", ia2.Children[0].Title);
    }

    [Fact]
    public void ReadCatalog_LowBaseline_TakesNameVersionAndPublisherFromMetadataAndDerivesTheKey()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        Assert.Equal("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", catalog.Name);
        Assert.Equal("5.1.1+u4", catalog.Version);
        Assert.Equal("Joint Task Force, Transformation Initiative", catalog.Publisher);
        Assert.Equal("nist-sp-800-53-rev5-1-1-low-impact-baseline", catalog.Key);
    }

    [Fact]
    public void ReadCatalog_WithExplicitKey_UsesIt()
    {
        using var stream = OscalFixtures.Open(OscalFixtures.LowCatalog);

        var catalog = OscalCatalogReader.ReadCatalog(stream, OscalFixtures.LowCatalog, key: "sp800-53-low");

        Assert.Equal("sp800-53-low", catalog.Key);
    }

    [Fact]
    public void ReadCatalog_LowBaseline_RendersTheStatementWithItsParameters()
    {
        var ac1 = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog).AllItems().Single(i => i.Id == "ac-1");

        var lines = ac1.Description!.Split('\n');
        Assert.Equal("a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:", lines[0]);
        Assert.Equal("  1. [Selection (one or more): organization-level; mission/business process-level; system-level] access control policy that:", lines[1]);
        Assert.StartsWith("    (a) Addresses purpose, scope, roles", lines[2], StringComparison.Ordinal);
        Assert.Equal("b. Designate an [Assignment: official] to manage the development, documentation, and dissemination of the access control policy and procedures; and", lines[5]);
        Assert.DoesNotContain("{{", ac1.Description, StringComparison.Ordinal);
        Assert.StartsWith("Access control policy and procedures address the controls in the AC family", ac1.Guidance, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_LowBaseline_KeepsParametersWithLabelsAndChoices()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);
        var ac1 = catalog.AllItems().Single(i => i.Id == "ac-1");

        Assert.Equal(9, ac1.Parameters.Count);
        var personnel = ac1.Parameters.Single(p => p.Id == "ac-1_prm_1");
        Assert.Equal("organization-defined personnel or roles", personnel.Label);
        Assert.Empty(personnel.Values);
        var scope = ac1.Parameters.Single(p => p.Id == "ac-01_odp.03");
        Assert.Null(scope.Label);
        Assert.Equal(["organization-level", "mission/business process-level", "system-level"], scope.Choices);
        Assert.True(catalog.AllItems().Sum(i => i.Parameters.Count) > 300);
    }

    [Fact]
    public void ReadCatalog_LowBaseline_HasNoWithdrawnControls()
    {
        // The LOW baseline selects only current controls; withdrawn ones exist only in the full catalog.
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.LowCatalog);

        Assert.DoesNotContain(catalog.AllItems(), i => i.Withdrawn);
    }

    [Fact]
    public void ReadCatalog_StatusPropOrWithdrawnClass_MarksTheControlWithdrawn()
    {
        var catalog = OscalFixtures.ReadJsonCatalog(OscalFixtures.CatalogJson("""
            "controls": [
              { "id": "c-1", "title": "Current" },
              { "id": "c-2", "title": "Withdrawn by status", "props": [ { "name": "status", "value": "withdrawn" } ] },
              { "id": "c-3", "title": "Withdrawn by class", "class": "withdrawn" },
              { "id": "c-4", "title": "Other status", "props": [ { "name": "status", "value": "active" } ] }
            ]
            """));

        Assert.Equal([false, true, true, false], catalog.Items.Select(i => i.Withdrawn));
        Assert.All(catalog.Items, i => Assert.Equal(RequirementKind.Control, i.Kind));
    }

    [Fact]
    public void ReadCatalog_BasicCatalog_ReadsNestedGroupsOverviewsAndNestedParameterInsertions()
    {
        var catalog = OscalFixtures.ReadCatalog(OscalFixtures.BasicCatalog);

        Assert.Equal(["s1", "s2"], catalog.Items.Select(i => i.Id));
        Assert.Equal(["s1.1.1", "s1.1.2"], catalog.Items[0].Children[0].Children.Select(i => i.Id));
        var s21 = catalog.AllItems().Single(i => i.Id == "s2.1");
        Assert.Equal(RequirementKind.Group, s21.Kind);
        Assert.Equal("To limit access to information and information processing facilities.", s21.Description);
        var s111 = catalog.AllItems().Single(i => i.Id == "s1.1.1");
        Assert.Contains(
            "[Selection (one or more): initiating a device lock after [Assignment: a duration] of inactivity; requiring the user",
            s111.Description,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_ClassNamingAKind_SetsTheKind()
    {
        var catalog = OscalFixtures.ReadJsonCatalog(OscalFixtures.CatalogJson("""
            "groups": [
              { "id": "GV", "class": "function", "title": "Govern", "controls": [
                { "id": "GV.OC", "class": "category", "title": "Context", "controls": [
                  { "id": "GV.OC-01", "class": "subcategory", "title": "Mission" } ] } ] }
            ]
            """));

        Assert.Equal(
            [RequirementKind.Function, RequirementKind.Category, RequirementKind.Subcategory],
            catalog.AllItems().Select(i => i.Kind));
    }

    [Fact]
    public void ReadCatalog_GroupWithoutId_GetsAStableIdFromItsTitle()
    {
        var json = OscalFixtures.CatalogJson("""
            "groups": [
              { "title": "Physical Security", "controls": [ { "id": "p-1", "title": "Locks" } ] },
              { "id": "group-physical-security", "title": "Taken id" }
            ]
            """);

        var first = OscalFixtures.ReadJsonCatalog(json);
        var second = OscalFixtures.ReadJsonCatalog(json);

        Assert.Equal("group-physical-security-2", first.Items[0].Id);
        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
    }

    [Fact]
    public void ReadCatalog_SystemSecurityPlan_IsRejectedNamingTheModel()
    {
        using var stream = OscalFixtures.Open(OscalFixtures.SystemSecurityPlan);

        var error = Assert.Throws<CatalogFormatException>(() => OscalCatalogReader.ReadCatalog(stream, OscalFixtures.SystemSecurityPlan));

        Assert.Equal("ifa_ssp-example.json $.system-security-plan", error.Location);
        Assert.Contains("system-security-plan", error.Problem, StringComparison.Ordinal);
        Assert.Contains("a catalog was expected", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_Profile_IsRejectedSayingItMustBeResolved()
    {
        using var stream = OscalFixtures.Open(OscalFixtures.LowProfile);

        var error = Assert.Throws<CatalogFormatException>(() => OscalCatalogReader.ReadCatalog(stream, OscalFixtures.LowProfile));

        Assert.EndsWith("$.profile", error.Location, StringComparison.Ordinal);
        Assert.Contains("is an OSCAL profile", error.Problem, StringComparison.Ordinal);
        Assert.Contains("resolving", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_JsonThatIsNotOscal_IsRejected()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog("""{ "name": "not oscal" }"""));

        Assert.Equal("test.json $", error.Location);
        Assert.Contains("not an OSCAL document", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_NotJson_ReportsLineAndPosition()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog("{\n  \"catalog\": {\n    \"uuid\": ,\n"));

        Assert.Equal("test.json line 3, position 13", error.Location);
        Assert.StartsWith("is not valid JSON", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_ControlWithoutId_NamesTheJsonPath()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog(OscalFixtures.CatalogJson("""
            "groups": [
              { "id": "g1", "title": "One" },
              { "id": "g2", "title": "Two", "controls": [ { "id": "c-1", "title": "Fine" }, { "title": "No id" } ] }
            ]
            """)));

        Assert.Equal("test.json $.catalog.groups[1].controls[1].id", error.Location);
        Assert.Equal("is missing", error.Problem);
        Assert.Equal("test.json $.catalog.groups[1].controls[1].id: is missing", error.Message);
    }

    [Fact]
    public void ReadCatalog_MissingTitle_NamesTheJsonPath()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog("""
            { "catalog": { "uuid": "3a5f7f0e-1c1d-4b5e-9c3a-6f0d2b7e8a11",
              "metadata": { "last-modified": "2025-01-01T00:00:00Z", "version": "1", "oscal-version": "1.0.6" },
              "controls": [ { "id": "c-1", "title": "One" } ] } }
            """));

        Assert.Equal("test.json $.catalog.metadata.title", error.Location);
        Assert.Equal("is missing", error.Problem);
    }

    [Fact]
    public void ReadCatalog_DuplicateControlId_NamesBothPlaces()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog(OscalFixtures.CatalogJson("""
            "groups": [
              { "id": "g1", "title": "One", "controls": [ { "id": "c-1", "title": "First" } ] },
              { "id": "g2", "title": "Two", "controls": [ { "id": "c-2", "title": "Second", "controls": [ { "id": "c-1", "title": "Again" } ] } ] }
            ]
            """)));

        Assert.Equal("test.json $.catalog.groups[1].controls[0].controls[0].id", error.Location);
        Assert.Contains("duplicate id \"c-1\"", error.Problem, StringComparison.Ordinal);
        Assert.Contains("$.catalog.groups[0].controls[0].id", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCatalog_WrongJsonType_NamesTheJsonPath()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog(OscalFixtures.CatalogJson("""
            "controls": [ { "id": "c-1", "title": "One", "params": { "id": "p" } } ]
            """)));

        Assert.Equal("test.json $.catalog.controls[0].params", error.Location);
        Assert.Equal("must be an array", error.Problem);
    }

    [Fact]
    public void ReadCatalog_OscalVersion2_IsRejected()
    {
        var error = Assert.Throws<CatalogFormatException>(() => OscalFixtures.ReadJsonCatalog(
            OscalFixtures.CatalogJson("\"controls\": [ { \"id\": \"c-1\", \"title\": \"One\" } ]").Replace("1.1.2", "2.0.0", StringComparison.Ordinal)));

        Assert.Equal("test.json $.catalog.metadata.oscal-version", error.Location);
    }

    [Fact]
    public void ReadCatalog_StreamLongerThan50MB_IsRejectedWithoutReadingItAll()
    {
        var stream = new LongStream(60L * 1024 * 1024);

        var error = Assert.Throws<CatalogFormatException>(() => OscalCatalogReader.ReadCatalog(stream, "huge.json"));

        Assert.Equal("huge.json", error.Location);
        Assert.Equal("file is larger than 50 MB", error.Problem);
        Assert.InRange(stream.BytesRead, OscalCatalogReader.MaxBytes + 1, OscalCatalogReader.MaxBytes + 1024 * 1024);
    }

    [Fact]
    public void ReadCatalog_SeekableFileLongerThan50MB_IsRejectedBeforeReading()
    {
        var stream = new LongStream(OscalCatalogReader.MaxBytes + 1, seekable: true);

        var error = Assert.Throws<CatalogFormatException>(() => OscalCatalogReader.ReadCatalog(stream, "huge.json"));

        Assert.Equal("file is larger than 50 MB", error.Problem);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void ReadCatalog_StreamOfExactly50MB_IsNotRejectedForItsSize()
    {
        var stream = new LongStream(OscalCatalogReader.MaxBytes);

        // 50 MB of spaces holds no JSON value: the error is about the content, not the size.
        var error = Assert.Throws<CatalogFormatException>(() => OscalCatalogReader.ReadCatalog(stream, "spaces.json"));

        Assert.StartsWith("is not valid JSON", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE", "nist-sp-800-53-rev5-1-1-low-impact-baseline")]
    [InlineData("ISO/IEC 27001:2022", "iso-iec-27001-2022")]
    [InlineData("Règlement général sur la protection des données", "reglement-general-sur-la-protection-des-donnees")]
    [InlineData("OSCAL Version 1.1 — Test", "oscal-v1-1-test")]
    [InlineData("!!!", "oscal-catalog")]
    public void KeyFromTitle_LowersAndHyphenates(string title, string key)
    {
        Assert.Equal(key, OscalCatalogReader.KeyFromTitle(title));
    }

    [Fact]
    public void KeyFromTitle_LongTitles_AreCutWithAHashThatKeepsThemApart()
    {
        const string Stem = "A very long framework title that goes on and on about security controls for ";
        var moderate = OscalCatalogReader.KeyFromTitle(Stem + "moderate systems");
        var high = OscalCatalogReader.KeyFromTitle(Stem + "high systems");

        Assert.InRange(moderate.Length, 1, OscalCatalogReader.MaxKeyLength);
        Assert.NotEqual(moderate, high);
        Assert.Equal(moderate, OscalCatalogReader.KeyFromTitle(Stem + "moderate systems"));
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{8}$", moderate);
    }
}
