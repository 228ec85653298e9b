using Attest.Policies;
using Attest.Tests.Support;

namespace Attest.Tests.Policies;

/// <summary>The ISO notation against the real built-in catalogs, loaded into a real organization.</summary>
public sealed class IsoNotationTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private RequirementIndex _index = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync("sqlite");
        var organization = await _app.SeedOrganizationAsync();
        _index = await _app.WithCoreAsync(organization.Id, (_, db) => RequirementIndex.LoadAsync(db));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private List<string> Codes(string text) =>
        IsoNotation.Parse(text, _index).Select(id => $"{_index.Find(id)!.FrameworkKey}:{_index.Find(id)!.Code}").ToList();

    [Fact]
    public void ClausesAndAnnexARanges_ExpandAgainstTheCatalog()
    {
        Assert.Equal(
            ["iso27001-2022:4.3", "iso27001-2022:6.2", "iso27001-2022:A.5.9", "iso27001-2022:A.5.10", "iso27001-2022:A.5.11"],
            Codes("Clauses 4.3, 6.2; Annex A 5.9-5.11"));
        Assert.Equal(["iso27001-2022:A.8.15", "iso27001-2022:A.8.16", "iso27001-2022:A.8.17"], Codes("Annex A 8.15-8.17"));
    }

    [Fact]
    public void SeveralFrameworks_InOneLine()
    {
        Assert.Equal(["iso27001-2022:9.2", "iso27001-2022:A.5.35", "iso27001-2022:A.5.36", "gdpr:Art. 32"], Codes("Clause 9.2; Annex A 5.35, 5.36; GDPR Art. 32"));
        Assert.Equal(["iso42001-2023:6.1.4", "iso42001-2023:A.6.2.2", "iso42001-2023:A.6.2.3", "iso42001-2023:A.6.2.4"],
            Codes("ISO 42001 Clause 6.1.4; ISO/IEC 42001 Annex A 6.2.2–6.2.4"));
        // Ids that contain dashes still form ranges; a designator can change inside a segment.
        Assert.Equal(["nist-csf-2.0:GV.OC-01", "nist-csf-2.0:GV.OC-02", "nist-csf-2.0:GV.OC-03"], Codes("NIST CSF GV.OC-01-GV.OC-03"));
        Assert.Equal(["iso27001-2022:6.1.2", "iso27001-2022:A.5.1"], Codes("Clause 6.1.2, Annex A 5.1"));
    }

    [Theory]
    [InlineData("Clauses 4.3, 6.2; Annex A 5.9-5.11")]
    [InlineData("Annex A 8.15-8.17")]
    [InlineData("Clause 9.2; Annex A 5.35, 5.36; GDPR Art. 32")]
    [InlineData("Clauses 5.2, 5.3; Annex A 5.1-5.4; ISO 42001 Clause 5.2; ISO 42001 Annex A 2.2-2.4; GDPR Art. 5, 24")]
    public void Formatting_GivesBackTheCompactNotation(string text) =>
        Assert.Equal(text, IsoNotation.Format(IsoNotation.Parse(text, _index), _index));

    [Fact]
    public void Formatting_ReformsRunsOfThreeOrMore_InDocumentOrder_WhateverOrderTheyCameIn()
    {
        var ids = IsoNotation.Parse("Annex A 8.1, 5.3, 5.2, 5.5, 5.1; Clause 6.2, 4.1", _index);
        Assert.Equal("Clauses 4.1, 6.2; Annex A 5.1-5.3, 5.5, 8.1", IsoNotation.Format(ids, _index));
        // GDPR's catalog holds selected articles: neighbours in the catalog are not a range unless their numbers follow on.
        Assert.Equal("GDPR Art. 5, 6, 9, 12, 13", IsoNotation.Format(IsoNotation.Parse("GDPR Art. 5, 6, 9, 12, 13", _index), _index));
        Assert.Equal("NIST CSF GV.OC-01-GV.OC-03", IsoNotation.Format(IsoNotation.Parse("NIST CSF GV.OC-01, GV.OC-02, GV.OC-03", _index), _index));
        // A run may not leap over a theme boundary: 5.37 then 6.1 are two entries.
        Assert.Equal("Annex A 5.36, 5.37, 6.1", IsoNotation.Format(IsoNotation.Parse("Annex A 5.36, 5.37, 6.1", _index), _index));
    }

    [Theory]
    [InlineData("Annex A 5.99", "Annex A 5.99: no such requirement")]
    [InlineData("Annex A 5.37-6.2", "spans more than one theme (A.5 and A.6)")]
    [InlineData("Annex A 5.11-5.9", "runs backwards")]
    [InlineData("GDPR Art. 99", "GDPR Art. 99: no such requirement")]
    [InlineData("Clause 4.3, Annex A", "'Annex A' names no requirement id")]
    public void BadIds_AreRejected_WithTheirName(string text, string message)
    {
        var error = Assert.Throws<ValidationFailedException>(() => IsoNotation.Parse(text, _index));
        Assert.Contains(error.Errors["Relevance"], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadPart_IsNamed_NotJustTheFirst()
    {
        var error = Assert.Throws<ValidationFailedException>(() => IsoNotation.Parse("Clause 11.1; Annex A 5.1, 9.1", _index));
        Assert.Equal(2, error.Errors["Relevance"].Length);
        Assert.Contains(error.Errors["Relevance"], m => m.StartsWith("Clause 11.1", StringComparison.Ordinal));
        Assert.Contains(error.Errors["Relevance"], m => m.StartsWith("Annex A 9.1", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyText_MeansNoLinks() => Assert.Empty(IsoNotation.Parse("  ", _index));
}
