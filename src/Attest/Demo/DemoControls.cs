using Attest.Controls;

namespace Attest.Demo;

/// <summary>The demo organization's controls and where each one lands in ISO/IEC 27001, ISO/IEC 42001 and NIST CSF 2.0.</summary>
internal static class DemoControls
{
    internal sealed record Entry(string Reference, string Name, string Description, ImplementationStatus Status, string Iso27001, string Iso42001, string Csf);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("CTL-001", "Information security and AI policy set", "A board-approved set of 24 policies covering security and responsible AI, reviewed yearly and published to staff and clients.",
            ImplementationStatus.Implemented, "A.5.1, A.5.37", "A.2.2, A.2.3, A.2.4", "GV.PO-01, GV.PO-02"),
        new("CTL-002", "Security and AI governance roles", "The CISO owns the ISMS, the Head of AI owns the AIMS; responsibilities are written into role descriptions and the RACI.",
            ImplementationStatus.Implemented, "A.5.2, A.5.3, A.5.4", "A.3.2", "GV.RR-01, GV.RR-02"),
        new("CTL-003", "Asset and AI system inventory", "Every information asset, AI agent, model and dataset is registered with an owner and classification.",
            ImplementationStatus.PartiallyImplemented, "A.5.9, A.5.10, A.5.12", "A.4.2, A.4.3, A.4.4", "ID.AM-01, ID.AM-02, ID.AM-05"),
        new("CTL-004", "Identity and access management", "Single sign-on with enforced MFA for all staff; access granted by role and removed on leaving.",
            ImplementationStatus.Implemented, "A.5.15, A.5.16, A.5.17, A.5.18, A.8.5", "", "PR.AA-01, PR.AA-03, PR.AA-05"),
        new("CTL-005", "Quarterly access reviews", "Owners certify access to production, client data and model infrastructure every quarter.",
            ImplementationStatus.Implemented, "A.5.18, A.8.2", "", "PR.AA-05"),
        new("CTL-006", "Encryption of data at rest and in transit", "TLS 1.2+ everywhere; cloud storage and databases encrypted with managed keys, rotated yearly.",
            ImplementationStatus.Implemented, "A.8.24", "", "PR.DS-01, PR.DS-02"),
        new("CTL-007", "Secure development life cycle", "Code review, dependency scanning and secret scanning on every change; security requirements in design reviews.",
            ImplementationStatus.Implemented, "A.8.25, A.8.26, A.8.28, A.8.29", "A.6.2.2, A.6.2.3", "PR.PS-06"),
        new("CTL-008", "AI agent evaluation before release", "Every agent and model version passes an evaluation suite (accuracy, harmful output, professional-domain checks) before release.",
            ImplementationStatus.Implemented, "A.8.29", "A.6.2.4, A.6.2.5", "ID.RA-01"),
        new("CTL-009", "AI system impact assessments", "An ISO/IEC 42005 impact assessment for every AI agent, redone on material change.",
            ImplementationStatus.PartiallyImplemented, "", "A.5.2, A.5.3, A.5.4, A.5.5", "GV.RM-01"),
        new("CTL-010", "Human oversight of regulated advice", "Licensed professionals review legal, financial and healthcare outputs before they reach clients.",
            ImplementationStatus.Implemented, "", "A.9.2, A.9.3, A.9.4", ""),
        new("CTL-011", "Data quality and provenance for AI", "Training and fine-tuning data is sourced, documented and quality-checked; provenance is recorded per dataset.",
            ImplementationStatus.Planned, "", "A.7.2, A.7.3, A.7.4, A.7.5, A.7.6", "ID.AM-07"),
        new("CTL-012", "Logging and monitoring", "Central logging for platform, identity and agent activity, with alerting on security events around the clock.",
            ImplementationStatus.Implemented, "A.8.15, A.8.16", "A.6.2.8", "DE.CM-01, DE.CM-03, DE.CM-09"),
        new("CTL-013", "Incident response", "A tested incident response plan with severity-based timelines, including AI misbehaviour and data breaches.",
            ImplementationStatus.Implemented, "A.5.24, A.5.25, A.5.26, A.5.27, A.5.28", "", "RS.MA-01, RS.MA-02, RS.CO-02"),
        new("CTL-014", "Vulnerability management", "Continuous scanning of images and dependencies; critical findings fixed within 7 days.",
            ImplementationStatus.Implemented, "A.8.8", "", "ID.RA-01, PR.PS-02"),
        new("CTL-015", "Supplier and model provider due diligence", "Security and AI assessments of suppliers and foundation model providers before contracting and yearly.",
            ImplementationStatus.PartiallyImplemented, "A.5.19, A.5.20, A.5.21, A.5.22, A.5.23", "A.10.2, A.10.3", "GV.SC-01, GV.SC-06"),
        new("CTL-016", "Backup and recovery", "Daily encrypted backups in a second region; restores tested quarterly against a 4-hour recovery objective.",
            ImplementationStatus.Implemented, "A.8.13, A.5.30", "", "PR.DS-11, RC.RP-01"),
        new("CTL-017", "Security awareness and AI literacy training", "Training on joining and yearly for everyone; AI-specific modules for engineers and reviewers.",
            ImplementationStatus.PartiallyImplemented, "A.6.3", "A.4.6", "PR.AT-01, PR.AT-02"),
        new("CTL-018", "Screening and terms of employment", "Background checks before hiring; confidentiality terms signed by staff and contractors.",
            ImplementationStatus.Implemented, "A.6.1, A.6.2, A.6.6", "", ""),
        new("CTL-019", "Managed laptops for remote work", "Company laptops with disk encryption, endpoint protection and automatic updates; remote working rules.",
            ImplementationStatus.Implemented, "A.6.7, A.8.1, A.7.9", "", "PR.PS-01"),
        new("CTL-020", "Privacy and personal data protection", "Records of processing, data protection impact assessments and privacy notices for client and staff data.",
            ImplementationStatus.PartiallyImplemented, "A.5.34", "A.7.4", "GV.OC-03"),
        new("CTL-021", "Information for clients about AI use", "Clients receive documentation of each agent's purpose, limits and the professional disclaimer.",
            ImplementationStatus.Implemented, "", "A.8.2, A.8.3, A.8.5", ""),
        new("CTL-022", "Change management", "Production changes go through reviewed pull requests and automated deployment with rollback.",
            ImplementationStatus.Implemented, "A.8.32", "A.6.2.5", "PR.PS-01"),
        new("CTL-023", "Business continuity and multi-cloud resilience", "Continuity plans tested yearly; critical services can fail over to a second cloud provider.",
            ImplementationStatus.Planned, "A.5.29, A.5.30", "", "RC.RP-01"),
        new("CTL-024", "Office physical security", "Badge access to the London office, visitor log, clear desk and screen rules.",
            ImplementationStatus.Implemented, "A.7.1, A.7.2, A.7.3, A.7.7", "", "PR.AA-06"),
    ];
}
