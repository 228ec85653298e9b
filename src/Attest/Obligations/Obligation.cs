namespace Attest.Obligations;

/// <summary>Where an obligation comes from (ISO 27001 A.5.31–5.34, clause 4.2).</summary>
public enum ObligationKind
{
    /// <summary>A law or regulation (GDPR, the EU AI Act, sector rules for legal, financial or healthcare services).</summary>
    Regulation = 0,
    /// <summary>A contract or a client's security schedule or requirement.</summary>
    Contract = 1,
    /// <summary>A certification the organization has promised clients it holds or will hold.</summary>
    CertificationCommitment = 2,
    /// <summary>A professional standard or code of conduct.</summary>
    ProfessionalStandard = 3,
    /// <summary>A professional licence of a member of staff or of the company.</summary>
    Licence = 4,
    /// <summary>An internal or voluntary commitment.</summary>
    Other = 5,
}

/// <summary>How well the organization meets an obligation, as last assessed.</summary>
public enum ComplianceStatus
{
    NotAssessed = 0,
    Compliant = 1,
    PartiallyCompliant = 2,
    NotCompliant = 3,
}

/// <summary>
/// Something the organization must meet: a law, a contract, a promised certification, a professional standard or a licence. A
/// licence carries its holder, issuing body, number, jurisdiction and validity; its state is computed by <see cref="LicenceValidity"/>.
/// </summary>
public sealed class Obligation : OrganizationRecord, IOwnedRecord
{
    /// <summary>OB-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public ObligationKind Kind { get; set; }
    /// <summary>The instrument or issuer, e.g. "Regulation (EU) 2016/679", "Master services agreement with Northwind Legal".</summary>
    public string Source { get; set; } = "";
    /// <summary>e.g. "EU", "United Kingdom", "England and Wales", "New York State".</summary>
    public string Jurisdiction { get; set; } = "";
    /// <summary>Markdown: what it requires of the organization.</summary>
    public string Description { get; set; } = "";
    public Guid? OwnerId { get; set; }
    /// <summary>Applicability: the business processes it concerns, in words.</summary>
    public string BusinessProcesses { get; set; } = "";
    /// <summary>Applicability: the clients it concerns, in words (the counterparty of a contract).</summary>
    public string Clients { get; set; } = "";
    /// <summary>For contracts: the contract's start and end dates.</summary>
    public DateOnly? ContractStartOn { get; set; }
    public DateOnly? ContractEndOn { get; set; }
    public ComplianceStatus Status { get; set; }
    /// <summary>Why the status is what it is (required for anything but compliant or not assessed).</summary>
    public string StatusReason { get; set; } = "";
    public DateOnly? AssessedOn { get; set; }
    /// <summary>When it is next to be reviewed.</summary>
    public DateOnly? ReviewOn { get; set; }
    /// <summary>No longer applies (a contract that ended, a licence surrendered); kept for the record.</summary>
    public bool Retired { get; set; }

    // Licences only.
    /// <summary>The member of staff holding the licence; null when the company holds it.</summary>
    public Guid? HolderPersonId { get; set; }
    /// <summary>The holder's name as licensed (the person's or the company's).</summary>
    public string Holder { get; set; } = "";
    public string IssuingBody { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    /// <summary>The last day the licence is valid (inclusive), as a date in the organization's time zone.</summary>
    public DateOnly? ValidUntil { get; set; }
    /// <summary>How many days before <see cref="ValidUntil"/> renewal must start.</summary>
    public int RenewalLeadDays { get; set; }
}

/// <summary>A requirement of any framework that meets (part of) an obligation.</summary>
public sealed class ObligationRequirement : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ObligationId { get; set; }
    public Guid RequirementId { get; set; }
}

/// <summary>A control of the organization that meets (part of) an obligation.</summary>
public sealed class ObligationControl : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ObligationId { get; set; }
    public Guid ControlId { get; set; }
}

/// <summary>Applicability: an asset or AI system an obligation concerns.</summary>
public sealed class ObligationAsset : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ObligationId { get; set; }
    public Guid AssetId { get; set; }
}

public enum RegulatoryEventKind
{
    /// <summary>A breach of an obligation (counted as a violation).</summary>
    Violation = 0,
    /// <summary>A regulator's enquiry, inspection or request for information.</summary>
    Enquiry = 1,
    /// <summary>A fine or financial penalty (counted as a violation).</summary>
    Fine = 2,
    /// <summary>A warning, reprimand or other sanction (counted as a violation).</summary>
    Sanction = 3,
    /// <summary>A client's complaint about an obligation it holds the organization to.</summary>
    ClientComplaint = 4,
}

public enum RegulatoryEventStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>A violation of an obligation or a regulatory event (enquiry, fine, sanction), linked to the incident and nonconformity behind it.</summary>
public sealed class RegulatoryEvent : OrganizationRecord, IOwnedRecord
{
    /// <summary>RE-001 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public RegulatoryEventKind Kind { get; set; }
    /// <summary>The obligation breached or concerned; required for violations.</summary>
    public Guid? ObligationId { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>The regulator, client or body involved, e.g. "Information Commissioner's Office".</summary>
    public string Authority { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    /// <summary>When it was reported to, or received from, the authority.</summary>
    public DateOnly? ReportedOn { get; set; }
    public decimal? FineAmount { get; set; }
    /// <summary>ISO 4217 code, e.g. GBP, EUR.</summary>
    public string FineCurrency { get; set; } = "";
    public RegulatoryEventStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Markdown: what came of it.</summary>
    public string Outcome { get; set; } = "";
    public Guid? IncidentId { get; set; }
    public Guid? NonconformityId { get; set; }
    public Guid? OwnerId { get; set; }
}
