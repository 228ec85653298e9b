using Attest.Certification;

namespace Attest.Web.Pages.Certification;

/// <summary>Words for the certification enumerations, as people read them.</summary>
public static class CertificationLabels
{
    public static string Of(ProgrammeState state) => state switch
    {
        ProgrammeState.InProgress => "In progress",
        ProgrammeState.Certified => "Certified",
        ProgrammeState.CertificateExpired => "Certificate expired",
        ProgrammeState.CertificateSuspended => "Certificate suspended",
        ProgrammeState.CertificateWithdrawn => "Certificate withdrawn",
        _ => "Archived",
    };

    public static string Of(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.InProgress => "In progress",
        MilestoneStatus.NotApplicable => "Not applicable",
        _ => "Done",
    };

    public static string Of(MilestoneKind kind) => kind switch
    {
        MilestoneKind.GapAssessment => "Gap assessment",
        MilestoneKind.RiskAssessment => "Risk assessment",
        MilestoneKind.SoaApproved => "SoA approved",
        MilestoneKind.PoliciesPublished => "Policies published",
        MilestoneKind.InternalAudit => "Internal audit",
        MilestoneKind.ManagementReview => "Management review",
        MilestoneKind.Stage1Audit => "Stage 1 audit",
        MilestoneKind.Stage2Audit => "Stage 2 audit",
        MilestoneKind.CertificateIssued => "Certificate issued",
        MilestoneKind.SurveillanceAudit1 => "Surveillance audit 1",
        MilestoneKind.SurveillanceAudit2 => "Surveillance audit 2",
        MilestoneKind.Recertification => "Recertification",
        _ => "Other",
    };

    public static string Of(ExternalAuditKind kind) => kind switch
    {
        ExternalAuditKind.Stage1 => "Stage 1",
        ExternalAuditKind.Stage2 => "Stage 2",
        ExternalAuditKind.Recertification => "Recertification",
        ExternalAuditKind.Special => "Special visit",
        _ => "Surveillance",
    };

    public static string Of(AuditConclusion conclusion) => conclusion switch
    {
        AuditConclusion.Pending => "Pending",
        AuditConclusion.Positive => "Positive",
        AuditConclusion.Conditional => "Positive once nonconformities are corrected",
        _ => "Negative",
    };

    public static string Of(Attest.Improvement.FindingGrade grade) => grade switch
    {
        Attest.Improvement.FindingGrade.Major => "Major",
        Attest.Improvement.FindingGrade.Minor => "Minor",
        Attest.Improvement.FindingGrade.Observation => "Observation",
        _ => "Opportunity for improvement",
    };

    public static string Days(int days) => days >= 0 ? $"{days} d" : $"{-days} d past";

    /// <summary>"on track", "late", or "certified".</summary>
    public static string Progress(CertificationStatus s) => s.Certified ? "certified" : s.OnTrack ? "on track" : "late";
}
