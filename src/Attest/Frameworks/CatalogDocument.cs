namespace Attest.Frameworks;

/// <summary>What a requirement is within its framework; decides how it is shown and whether it is assessed.</summary>
public enum RequirementKind
{
    /// <summary>A management-system clause (ISO 4–10 and their sub-clauses).</summary>
    Clause = 0,
    /// <summary>A grouping with no requirement of its own (an Annex A theme, an OSCAL group).</summary>
    Group = 1,
    /// <summary>A control (ISO Annex A control, OSCAL control).</summary>
    Control = 2,
    /// <summary>An OSCAL control enhancement (a control nested in a control).</summary>
    Enhancement = 3,
    /// <summary>A CSF function.</summary>
    Function = 4,
    /// <summary>A CSF category.</summary>
    Category = 5,
    /// <summary>A CSF subcategory.</summary>
    Subcategory = 6,
    /// <summary>A legal article (GDPR).</summary>
    Article = 7,
}

/// <summary>
/// A framework as a neutral tree, whatever file it came from (Attest YAML, OSCAL catalog, resolved
/// OSCAL profile) and whatever it is written to. Ids are the framework's own (e.g. "A.5.1", "GV.OC-01", "ac-2.1").
/// </summary>
public sealed record CatalogDocument(
    string Key,
    string Name,
    string Version,
    string? Publisher,
    string? Description,
    IReadOnlyList<CatalogItem> Items)
{
    /// <summary>Every item, depth first, in document order.</summary>
    public IEnumerable<CatalogItem> AllItems() => Items.SelectMany(i => i.SelfAndDescendants());

    /// <summary>The number of controls and enhancements (what an OSCAL import reports).</summary>
    public int ControlCount => AllItems().Count(i => i.Kind is RequirementKind.Control or RequirementKind.Enhancement);
}

public sealed record CatalogItem(
    string Id,
    string Title,
    RequirementKind Kind,
    string? Description,
    IReadOnlyList<CatalogItem> Children)
{
    /// <summary>Withdrawn items are kept (ids stay stable) but never assessed.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Supplemental guidance, where the source has it.</summary>
    public string? Guidance { get; init; }

    /// <summary>OSCAL parameters (assignment/selection values), with any values a profile set.</summary>
    public IReadOnlyList<CatalogParameter> Parameters { get; init; } = [];

    public IEnumerable<CatalogItem> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public sealed record CatalogParameter(string Id, string? Label, IReadOnlyList<string> Values)
{
    /// <summary>For OSCAL "select" parameters: the choices offered.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

/// <summary>A relationship between requirements of two frameworks, as a catalog file states it.</summary>
public enum MappingRelationship
{
    Equal = 0,
    Subset = 1,
    Superset = 2,
    Intersect = 3,
}

/// <summary>A bad file: what is wrong and where (file, line or JSON path). Nothing was imported.</summary>
public sealed class CatalogFormatException(string location, string problem) : Exception($"{location}: {problem}")
{
    public string Location { get; } = location;
    public string Problem { get; } = problem;
}
