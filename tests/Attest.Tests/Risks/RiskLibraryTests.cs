using System.Text.RegularExpressions;
using Attest.Policies;
using Attest.Risks;
using Attest.Tests.Support;

namespace Attest.Tests.Risks;

public sealed class RiskLibraryTests
{
    private static readonly string[] Categories =
        ["AI agents", "AI models and data", "Cloud infrastructure", "People", "Suppliers", "Legal and compliance", "Operations"];

    // ---- The entries themselves ---------------------------------------------------------------------------------

    [Fact]
    public void TheLibrary_HoldsAtLeast25Risks()
    {
        Assert.True(RiskLibrary.Entries.Count >= 25, $"The library holds only {RiskLibrary.Entries.Count} risks.");
    }

    [Fact]
    public void Keys_AreUnique_AndKebabCase()
    {
        var duplicates = RiskLibrary.Entries.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var malformed = RiskLibrary.Entries.Select(e => e.Key).Where(k => !Regex.IsMatch(k, "^[a-z0-9]+(-[a-z0-9]+)*$")).ToList();
        Assert.Empty(malformed);
    }

    [Fact]
    public void EveryField_IsFilledIn_AndWithinTheLengthTheRegisterAccepts()
    {
        var problems = new List<string>();
        foreach (var entry in RiskLibrary.Entries)
        {
            void Check(string field, string value, int max)
            {
                if (string.IsNullOrWhiteSpace(value)) problems.Add($"{entry.Key}: {field} is empty.");
                else if (value.Length > max) problems.Add($"{entry.Key}: {field} has {value.Length} characters, more than {max}.");
                else if (value != value.Trim()) problems.Add($"{entry.Key}: {field} has leading or trailing white space.");
            }
            Check(nameof(entry.Key), entry.Key, 80);
            Check(nameof(entry.Title), entry.Title, 300);
            Check(nameof(entry.Category), entry.Category, 100);
            Check(nameof(entry.Threat), entry.Threat, 2000);
            Check(nameof(entry.Vulnerability), entry.Vulnerability, 2000);
            Check(nameof(entry.Description), entry.Description, 20_000);
            Check(nameof(entry.SuggestedPlan), entry.SuggestedPlan, 20_000);
            Check(nameof(entry.Requirements), entry.Requirements, 20_000);
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void EveryCategory_IsOneOfTheLibrarysCategories()
    {
        Assert.Empty(RiskLibrary.Entries.Where(e => !Categories.Contains(e.Category)).Select(e => $"{e.Key}: {e.Category}"));
    }

    [Fact]
    public void EverySuggestedTreatment_IsADecision()
    {
        Assert.Empty(RiskLibrary.Entries.Where(e => e.SuggestedTreatment == RiskTreatment.Undecided || !Enum.IsDefined(e.SuggestedTreatment)).Select(e => e.Key));
    }

    [Fact]
    public void Find_IgnoresCaseAndSurroundingSpace_AndReturnsNullForUnknownKeys()
    {
        Assert.Equal("prompt-injection", RiskLibrary.Find("  Prompt-Injection ")?.Key);
        Assert.Null(RiskLibrary.Find("no-such-risk"));
        Assert.Null(RiskLibrary.Find(null));
    }

    // ---- Against the real catalogs ------------------------------------------------------------------------------

    [Fact]
    public async Task EveryEntrysRequirements_NameAnnexAControlsThatExistInTheBuiltInCatalogs()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var index = await app.WithCoreAsync(organization.Id, (_, db) => RequirementIndex.LoadAsync(db));
        var problems = new List<string>();
        foreach (var entry in RiskLibrary.Entries)
        {
            try
            {
                var ids = IsoNotation.Parse(entry.Requirements, index, "Requirements");
                if (ids.Count == 0) problems.Add($"{entry.Key}: names no requirement.");
                foreach (var requirement in ids.Select(index.Find).OfType<RequirementIndex.Entry>())
                {
                    if (!requirement.Code.StartsWith("A.", StringComparison.Ordinal) || !requirement.Assessable)
                        problems.Add($"{entry.Key}: {requirement.FrameworkKey} {requirement.Code} is not an Annex A control.");
                }
            }
            catch (ValidationFailedException error)
            {
                problems.AddRange(error.Errors["Requirements"].Select(m => $"{entry.Key}: {m}"));
            }
        }
        Assert.Empty(problems);
    }
}
