namespace Attest.Frameworks;

public enum FrameworkSource
{
    /// <summary>Shipped with Attest and kept up to date with the catalog file.</summary>
    BuiltIn = 0,
    /// <summary>Imported by the organization (OSCAL or Attest YAML).</summary>
    Imported = 1,
}

/// <summary>A standard, regulation or baseline, loaded into one organization as a tree of requirements.</summary>
public sealed class Framework : OrganizationRecord
{
    /// <summary>Stable key, e.g. iso27001-2022, nist-csf-2.0.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>The catalog's own version or edition, e.g. "2022", "5.1.1".</summary>
    public string CatalogVersion { get; set; } = "";
    public string? Publisher { get; set; }
    public string? Description { get; set; }
    public FrameworkSource Source { get; set; }
    /// <summary>SHA-256 of the catalog content last loaded, so a changed catalog file is noticed and applied.</summary>
    public string ContentHash { get; set; } = "";
    public int RequirementCount { get; set; }
    /// <summary>The file an imported framework came from (name without folder and extension), so profiles can import it.</summary>
    public string? Origin { get; set; }
}

/// <summary>One node of a framework's tree: a clause, group, control, subcategory, article…</summary>
[NotAudited]
public sealed class Requirement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FrameworkId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>The framework's own identifier: "A.5.1", "GV.OC-01", "ac-2.1", "Art. 32".</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public RequirementKind Kind { get; set; }
    public string? Description { get; set; }
    public string? Guidance { get; set; }
    /// <summary>JSON array of parameters (OSCAL), when the source has them.</summary>
    public string? Parameters { get; set; }
    public bool Withdrawn { get; set; }
    /// <summary>Something an organization meets (a control, subcategory, article, leaf clause), as opposed to a heading.</summary>
    public bool Assessable { get; set; }
    /// <summary>Position in document order within the framework.</summary>
    public int SortOrder { get; set; }
    public int Depth { get; set; }
}

/// <summary>How a requirement of one framework relates to one of another.</summary>
[NotAudited]
public sealed class FrameworkMapping : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FromRequirementId { get; set; }
    public Guid ToRequirementId { get; set; }
    public MappingRelationship Relationship { get; set; }
    /// <summary>Where the mapping comes from, e.g. "NIST CSF 2.0 informative references".</summary>
    public required string Source { get; set; }
}
