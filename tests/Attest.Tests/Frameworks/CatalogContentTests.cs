using Attest.Frameworks;

namespace Attest.Tests.Frameworks;

public class CatalogContentTests
{
    private const string MappingFile = "csf2-to-iso27001-2022.tsv";

    private static readonly string[] Iso27001Clauses =
    [
        "4", "4.1", "4.2", "4.3", "4.4",
        "5", "5.1", "5.2", "5.3",
        "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
        "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
        "8", "8.1", "8.2", "8.3",
        "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
        "10", "10.1", "10.2",
    ];

    private static readonly string[] Iso42001Clauses =
    [
        "4", "4.1", "4.2", "4.3", "4.4",
        "5", "5.1", "5.2", "5.3",
        "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "6.3",
        "7", "7.1", "7.2", "7.3", "7.4", "7.5",
        "8", "8.1", "8.2", "8.3", "8.4",
        "9", "9.1", "9.2", "9.3",
        "10", "10.1", "10.2",
    ];

    private static readonly string[] Iso42001Controls =
    [
        "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
        "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5",
        "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.8.2", "A.8.3",
        "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
    ];

    private static CatalogDocument Catalog(string key) => BuiltInCatalogs.All.Single(c => c.Key == key);

    private static List<string> Ids(CatalogDocument document, RequirementKind kind) =>
        document.AllItems().Where(i => i.Kind == kind).Select(i => i.Id).ToList();

    private static IEnumerable<string> Range(string prefix, int count) => Enumerable.Range(1, count).Select(n => $"{prefix}.{n}");

    private static List<string[]> Tsv(string fixture) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "csf2", fixture))
            .Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t')).ToList();

    [Fact]
    public void BuiltInCatalogs_AreTheFourShippedFrameworks()
    {
        Assert.Equal(["gdpr", "iso27001-2022", "iso42001-2023", "nist-csf-2.0"], BuiltInCatalogs.All.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Same(BuiltInCatalogs.All, BuiltInCatalogs.All);
    }

    [Fact]
    public void Iso27001_AnnexA_HasExactlyThe93Controls()
    {
        var iso = Catalog("iso27001-2022");
        string[] expected = [.. Range("A.5", 37), .. Range("A.6", 8), .. Range("A.7", 14), .. Range("A.8", 34)];

        Assert.Equal("ISO/IEC 27001:2022", iso.Name);
        Assert.Equal(93, iso.ControlCount);
        Assert.Equal(expected, Ids(iso, RequirementKind.Control));
        var annex = Assert.Single(iso.Items, i => i.Id == "A");
        Assert.Equal("Annex A — Information security controls", annex.Title);
        Assert.Equal(
            [("A.5", "Organizational controls", 37), ("A.6", "People controls", 8), ("A.7", "Physical controls", 14), ("A.8", "Technological controls", 34)],
            annex.Children.Select(g => (g.Id, g.Title, g.Children.Count)));
    }

    [Theory]
    [InlineData("A.5.1", "Policies for information security")]
    [InlineData("A.5.23", "Information security for use of cloud services")]
    [InlineData("A.6.8", "Information security event reporting")]
    [InlineData("A.7.14", "Secure disposal or re-use of equipment")]
    [InlineData("A.8.24", "Use of cryptography")]
    [InlineData("A.8.34", "Protection of information systems during audit testing")]
    public void Iso27001_Controls_HaveTheirOfficialShortTitles(string id, string title) =>
        Assert.Equal(title, Catalog("iso27001-2022").AllItems().Single(i => i.Id == id).Title);

    [Fact]
    public void Iso27001_HasEveryClauseFrom4To10AndNoOther() =>
        Assert.Equal(Iso27001Clauses, Ids(Catalog("iso27001-2022"), RequirementKind.Clause));

    [Fact]
    public void Iso42001_AnnexA_HasExactlyThe38Controls()
    {
        var iso = Catalog("iso42001-2023");

        Assert.Equal("ISO/IEC 42001:2023", iso.Name);
        Assert.Equal(38, iso.ControlCount);
        Assert.Equal(Iso42001Controls, Ids(iso, RequirementKind.Control));
        var annex = Assert.Single(iso.Items, i => i.Id == "A");
        Assert.Equal(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"], annex.Children.Select(g => g.Id));
        Assert.Equal(["A.6.1", "A.6.2"], annex.Children.Single(g => g.Id == "A.6").Children.Select(g => g.Id));
    }

    [Fact]
    public void Iso42001_HasEveryClauseFrom4To10()
    {
        var clauses = Ids(Catalog("iso42001-2023"), RequirementKind.Clause);

        Assert.Empty(Iso42001Clauses.Except(clauses));
        // The harmonized structure also splits 7.5, 9.2 and 9.3 into sub-clauses, and nothing else.
        Assert.Equal(["7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"], clauses.Except(Iso42001Clauses));
    }

    [Fact]
    public void Csf_Has6Functions22CategoriesAnd106Subcategories_AsInNistsCoreList()
    {
        var csf = Catalog("nist-csf-2.0");
        var core = Tsv("csf2_core_subcategories.tsv");

        Assert.Equal("NIST Cybersecurity Framework 2.0", csf.Name);
        Assert.Equal("NIST", csf.Publisher);
        Assert.Equal(["GV", "ID", "PR", "DE", "RS", "RC"], csf.Items.Select(f => f.Id));
        Assert.All(csf.Items, f => Assert.Equal(RequirementKind.Function, f.Kind));
        Assert.Equal(core.Select(r => r[2]).Distinct(), Ids(csf, RequirementKind.Category));
        Assert.Equal(22, Ids(csf, RequirementKind.Category).Count);
        Assert.Equal(core.Select(r => r[4]), Ids(csf, RequirementKind.Subcategory));
        Assert.Equal(106, Ids(csf, RequirementKind.Subcategory).Count);
    }

    [Fact]
    public void Csf_SubcategoriesSitUnderTheirCategoryAndCarryNistsStatement()
    {
        var csf = Catalog("nist-csf-2.0");
        var placed = csf.Items.SelectMany(f => f.Children.SelectMany(c => c.Children.Select(s => (Function: f.Id, Category: c.Id, s.Id, s.Description))));

        Assert.Equal(
            Tsv("csf2_core_subcategories.tsv").Select(r => (r[0], r[2], r[4], (string?)r[5])),
            placed.Select(p => (p.Function, p.Category, p.Id, p.Description?.Replace('\u2019', '\''))));
    }

    [Fact]
    public void Csf_LeavesOutEveryWithdrawnCsf11Item()
    {
        var ids = Catalog("nist-csf-2.0").AllItems().Select(i => i.Id).ToHashSet();
        var withdrawn = Tsv("csf2_withdrawn_csf11_ids.tsv").Select(r => r[0]).ToList();
        string[] withdrawnCategories = ["ID.BE", "ID.GV", "ID.RM", "ID.SC", "PR.AC", "PR.IP", "PR.MA", "PR.PT", "DE.DP", "RS.RP", "RS.IM", "RC.IM"];

        Assert.Equal(79, withdrawn.Count);
        Assert.Empty(ids.Intersect(withdrawn));
        Assert.Empty(ids.Intersect(withdrawnCategories));
    }

    [Fact]
    public void Gdpr_HasTheArticlesAnIsmsRefersTo()
    {
        var gdpr = Catalog("gdpr");
        int[] articles = [5, 6, 9, 12, 13, 15, 17, 24, 25, 28, 30, 32, 33, 34, 35, 36, 37, 44];

        Assert.Equal("General Data Protection Regulation (EU) 2016/679", gdpr.Name);
        Assert.Equal(articles.Select(n => $"Art. {n}"), Ids(gdpr, RequirementKind.Article));
        Assert.Equal("Security of processing", gdpr.AllItems().Single(i => i.Id == "Art. 32").Title);
    }

    public static TheoryData<string> Keys() => new(BuiltInCatalogs.All.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryItem_HasATitle_AndEveryAssessedItemADescription(string key)
    {
        var items = Catalog(key).AllItems().ToList();

        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title), $"{key} {i.Id} has no title"));
        Assert.All(
            items.Where(i => i.Kind is RequirementKind.Control or RequirementKind.Subcategory or RequirementKind.Article or RequirementKind.Clause),
            i => Assert.False(string.IsNullOrWhiteSpace(i.Description), $"{key} {i.Id} has no description"));
    }

    [Theory]
    [InlineData("iso27001-2022")]
    [InlineData("iso42001-2023")]
    public void IsoDescriptions_AreOneLineEach(string key) =>
        Assert.All(Catalog(key).AllItems(), i => Assert.DoesNotContain('\n', i.Description ?? ""));

    [Fact]
    public void CsfToIso27001_RejectsTheMalformedRowsWithTheirLineNumbers()
    {
        var rejected = BuiltInCatalogs.CsfToIso27001.Rejected;

        Assert.Contains(rejected, r => r.StartsWith($"{MappingFile} line 53: ", StringComparison.Ordinal) && r.Contains("\"6.11\""));
        Assert.Contains(rejected, r => r.StartsWith($"{MappingFile} line 193: ", StringComparison.Ordinal) && r.Contains("\"6.13\""));
        Assert.Contains(rejected, r => r.StartsWith($"{MappingFile} line 223: ", StringComparison.Ordinal) && r.Contains("\"All applicable controls\""));
    }

    [Fact]
    public void CsfToIso27001_UsesExactlyTheRowsWhoseBothEndsExist()
    {
        var rows = MappingRows();
        var set = BuiltInCatalogs.CsfToIso27001;
        var csfIds = Catalog("nist-csf-2.0").AllItems().Select(i => i.Id).ToHashSet();
        var annexA = new HashSet<string>([.. Range("5", 37), .. Range("6", 8), .. Range("7", 14), .. Range("8", 34)]);
        bool WellFormed(string[] row) => row.Length == 3 && csfIds.Contains(row[0]) && row[1] switch
        {
            "Mandatory Clause" => Iso27001Clauses.Contains(row[2]),
            "Annex A Controls" => annexA.Contains(row[2]),
            _ => false,
        };
        var expected = rows.Where(r => WellFormed(r.Cells)).ToList();

        Assert.Equal(415, rows.Count);
        Assert.Equal(rows.Count, set.Mappings.Count + set.Rejected.Count);
        Assert.Equal(
            expected.Select(r => (r.Cells[0], r.Cells[1] == "Annex A Controls" ? "A." + r.Cells[2] : r.Cells[2])),
            set.Mappings.Select(m => (m.FromId, m.ToId)));
        Assert.Equal(
            rows.Where(r => !WellFormed(r.Cells)).Select(r => $"{MappingFile} line {r.Line}: "),
            set.Rejected.Select(r => r[..(r.IndexOf(": ", StringComparison.Ordinal) + 2)]));
        Assert.All(set.Mappings, m =>
        {
            Assert.Equal(("nist-csf-2.0", "iso27001-2022", MappingRelationship.Intersect), (m.FromFramework, m.ToFramework, m.Relationship));
        });
        Assert.Contains(new RequirementMapping("nist-csf-2.0", "GV", "iso27001-2022", "6.1", MappingRelationship.Intersect), set.Mappings);
    }

    [Fact]
    public void NistCsfMapping_ReportsEachKindOfBadRow()
    {
        const string tsv = "csf_element\tiso_part\tiso_id\n"
            + "GV.OC-01\tMandatory Clause\t4.1\n"
            + "GV.OC-01\tAnnex A Controls\t5.1\n"
            + "GV.OC-01\tAnnex A Controls\n"
            + "XX.YY-01\tAnnex A Controls\t5.1\n"
            + "GV.OC-01\tAnnex B Controls\t5.1\n"
            + "GV.OC-01\tAnnex A Controls\t5.38\n"
            + "GV.OC-01\tMandatory Clause\t4.2(a)\n"
            + "\n"
            + "GV.OC-01\tAnnex A Controls\t5.1\n";

        var set = NistCsfMapping.Read(new StringReader(tsv), "m.tsv", Catalog("nist-csf-2.0"), Catalog("iso27001-2022"));

        Assert.Equal(["4.1", "A.5.1"], set.Mappings.Select(m => m.ToId));
        Assert.Collection(set.Rejected,
            r => Assert.StartsWith("m.tsv line 4: expected 3 tab-separated columns", r),
            r => Assert.StartsWith("m.tsv line 5: \"XX.YY-01\" is not a function, category or subcategory", r),
            r => Assert.StartsWith("m.tsv line 6: unknown iso_part \"Annex B Controls\"", r),
            r => Assert.StartsWith("m.tsv line 7: \"5.38\" is not an Annex A control", r),
            r => Assert.StartsWith("m.tsv line 8: \"4.2(a)\" names list item (a) of clause 4.2", r),
            r => Assert.StartsWith("m.tsv line 10: repeats line 3", r));
    }

    [Theory]
    [InlineData("")]
    [InlineData("element,part,id\nGV,Mandatory Clause,6.1\n")]
    public void NistCsfMapping_FileWithoutNistsHeader_IsRejectedAsAWhole(string tsv)
    {
        var ex = Assert.Throws<CatalogFormatException>(() =>
            NistCsfMapping.Read(new StringReader(tsv), "m.tsv", Catalog("nist-csf-2.0"), Catalog("iso27001-2022")));

        Assert.Equal("m.tsv line 1", ex.Location);
    }

    private static List<(int Line, string[] Cells)> MappingRows()
    {
        using var stream = typeof(BuiltInCatalogs).Assembly.GetManifestResourceStream("Attest.Catalogs." + MappingFile)!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return lines.Select((text, index) => (Line: index + 1, Cells: text.Split('\t')))
            .Skip(1)
            .Where(row => row.Cells is not [""])
            .ToList();
    }
}
