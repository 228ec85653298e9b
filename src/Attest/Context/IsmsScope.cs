namespace Attest.Context;

/// <summary>
/// The boundaries and applicability of the ISMS and AIMS (ISO/IEC 27001 and 42001 clause 4.3).
/// One per organization; every saved change becomes a numbered <see cref="ScopeRevision"/>.
/// </summary>
public sealed class IsmsScope : OrganizationRecord
{
    /// <summary>The scope statement, as it would appear on a certificate.</summary>
    public string Statement { get; set; } = "";
    public string OrganizationalScope { get; set; } = "";
    public string GeographicalScope { get; set; } = "";
    public string BusinessProcesses { get; set; } = "";
    public string TechnologyScope { get; set; } = "";
    public string DataScope { get; set; } = "";
    /// <summary>Interfaces and dependencies between activities in scope and those outside it.</summary>
    public string InterfacesAndDependencies { get; set; } = "";
    /// <summary>The number of the latest revision; 0 until first saved.</summary>
    public int Revision { get; set; }
    public List<ScopeExclusion> Exclusions { get; set; } = [];
}

/// <summary>Something deliberately outside the scope, and why.</summary>
public sealed class ScopeExclusion : OrganizationRecord
{
    public Guid ScopeId { get; set; }
    public required string Item { get; set; }
    public required string Justification { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>The scope exactly as it stood when a revision was saved, so it can be shown as at any date.</summary>
public sealed class ScopeRevision : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ScopeId { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public string ChangeNote { get; set; } = "";
    /// <summary>JSON of <see cref="ScopeSnapshot"/>.</summary>
    public required string Snapshot { get; set; }
}

public sealed record ScopeSnapshot(
    string Statement,
    string OrganizationalScope,
    string GeographicalScope,
    string BusinessProcesses,
    string TechnologyScope,
    string DataScope,
    string InterfacesAndDependencies,
    IReadOnlyList<ScopeSnapshot.Exclusion> Exclusions)
{
    public sealed record Exclusion(string Item, string Justification);

    public static ScopeSnapshot Of(IsmsScope scope) => new(
        scope.Statement, scope.OrganizationalScope, scope.GeographicalScope, scope.BusinessProcesses,
        scope.TechnologyScope, scope.DataScope, scope.InterfacesAndDependencies,
        scope.Exclusions.OrderBy(e => e.SortOrder).Select(e => new Exclusion(e.Item, e.Justification)).ToList());
}

public enum PartyKind
{
    Internal = 0,
    External = 1,
}

/// <summary>Which management system an interested party or issue concerns.</summary>
public enum ManagementSystem
{
    Both = 0,
    Isms = 1,
    Aims = 2,
}

/// <summary>An interested party and what it requires of the ISMS/AIMS (clause 4.2).</summary>
public sealed class InterestedParty : OrganizationRecord, IOwnedRecord
{
    public required string Name { get; set; }
    public PartyKind Kind { get; set; }
    public ManagementSystem Concerns { get; set; }
    /// <summary>Their needs and expectations relevant to information security and AI.</summary>
    public string Requirements { get; set; } = "";
    /// <summary>How the management system addresses those requirements.</summary>
    public string HowAddressed { get; set; } = "";
    public Guid? OwnerId { get; set; }
}

public enum IssueCategory
{
    Strategic = 0,
    Regulatory = 1,
    Technological = 2,
    Operational = 3,
    Market = 4,
    Social = 5,
    Environmental = 6,
}

/// <summary>An internal or external issue that affects the ability to achieve the intended outcomes (clause 4.1).</summary>
public sealed class ContextIssue : OrganizationRecord, IOwnedRecord
{
    public required string Title { get; set; }
    public PartyKind Kind { get; set; }
    public IssueCategory Category { get; set; }
    public ManagementSystem Concerns { get; set; }
    public string Description { get; set; } = "";
    /// <summary>How it affects the management system's intended outcomes, and the response.</summary>
    public string Effect { get; set; } = "";
    public Guid? OwnerId { get; set; }
}
