namespace Attest.Soa;

/// <summary>Why a control is included in the Statement of Applicability (any combination).</summary>
[Flags]
public enum InclusionReasons
{
    None = 0,
    RiskTreatment = 1,
    Legal = 2,
    Contractual = 4,
    BusinessNeed = 8,
}

/// <summary>The Manager's decision on one Annex A control: applicable or not, and why.</summary>
public sealed class SoaDecision : OrganizationRecord
{
    public Guid FrameworkId { get; set; }
    public Guid RequirementId { get; set; }
    public bool Applicable { get; set; } = true;
    public InclusionReasons Reasons { get; set; }
    /// <summary>Why it is included, or (mandatory) why it is excluded.</summary>
    public string Justification { get; set; } = "";
}

/// <summary>An approved, frozen Statement of Applicability: 1.0, 1.1, 2.0 …</summary>
public sealed class SoaVersion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FrameworkId { get; set; }
    public int Major { get; set; }
    public int Minor { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    public required string ApprovedBy { get; set; }
    public Guid? ApprovedByUserId { get; set; }
    public string Note { get; set; } = "";
    /// <summary>JSON array of <see cref="SoaRow"/> exactly as approved.</summary>
    public required string Rows { get; set; }

    public string Number => $"{Major}.{Minor}";
}
