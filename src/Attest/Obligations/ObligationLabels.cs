namespace Attest.Obligations;

/// <summary>Words for the obligations register's enumerations, as people read them.</summary>
public static class ObligationLabels
{
    /// <summary>Violations, fines and sanctions count as violations; enquiries and client complaints do not.</summary>
    public static bool IsViolation(RegulatoryEventKind kind) => kind is RegulatoryEventKind.Violation or RegulatoryEventKind.Fine or RegulatoryEventKind.Sanction;

    public static string Of(RegulatoryEventKind kind) => kind switch
    {
        RegulatoryEventKind.ClientComplaint => "Client complaint",
        _ => kind.ToString(),
    };

    public static string Of(ObligationKind kind) => kind switch
    {
        ObligationKind.CertificationCommitment => "Certification commitment",
        ObligationKind.ProfessionalStandard => "Professional standard",
        _ => kind.ToString(),
    };

    public static string Of(ComplianceStatus status) => status switch
    {
        ComplianceStatus.NotAssessed => "Not assessed",
        ComplianceStatus.PartiallyCompliant => "Partially compliant",
        ComplianceStatus.NotCompliant => "Not compliant",
        _ => status.ToString(),
    };
}
