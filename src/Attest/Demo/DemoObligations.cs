using Attest.AiSystems;
using Attest.Data;
using Attest.Obligations;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's obligations, through the same use cases people use: UK GDPR, EU GDPR and the Data Protection Act 2018, the EU AI
/// Act with the AI systems it applies to, sector rules for the legal, financial and healthcare services, three client contracts with security
/// schedules (one partially met), ISO 27001 certification promised to a client, and licences — solicitors' practising certificates, a nurse's
/// NMC registration and a doctor's GMC licence (two expiring within 90 days, one expired) and the company's ICO registration. One closed ICO
/// enquiry follows the notified breach; the only violation (a late ICO fee) was last year. Owned by the CISO; dates relative to the
/// organization's today. Loading again adds nothing.
/// </summary>
public sealed class DemoObligations(AttestDbContext db, SaveObligation save, SaveRegulatoryEvent saveEvent)
{
    public const string UkGdpr = "UK GDPR";
    public const string IcoRegistration = "ICO registration (data protection fee)";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.Obligations.AnyAsync(cancellationToken)) return;
        var ciso = people[OrganizationRole.Manager];
        var today = await ObligationRegister.TodayAsync(db, cancellationToken);
        var company = await db.Organizations.AsNoTracking().Where(o => o.Id == db.Acting.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            ?? LoadDemoOrganization.OrganizationName;
        // The AI systems the EU AI Act's transparency and high-risk duties reach: those in contact with people and the high-risk triage agent.
        var aiActAssets = await db.AiSystems.AsNoTracking().Where(s => s.EuAiActCategory == EuAiActCategory.Limited || s.EuAiActCategory == EuAiActCategory.High)
            .Join(db.Assets, s => s.AssetId, a => a.Id, (s, a) => a.Reference).OrderBy(r => r).ToListAsync(cancellationToken);
        var staff = await db.People.AsNoTracking().Where(p => (p.Department == "Legal" || p.Department == "Client delivery") && p.EndDate == null && p.UserId == null)
            .OrderBy(p => p.Department).ThenBy(p => p.Name).Select(p => new { p.Id, p.Department }).ToListAsync(cancellationToken);
        var lawyers = staff.Where(p => p.Department == "Legal").Select(p => p.Id).ToList();
        var reviewers = staff.Where(p => p.Department == "Client delivery").Select(p => p.Id).ToList();

        Task<Guid> Add(ObligationInput input) => save.RunAsync(null, input with { OwnerId = ciso }, cancellationToken);

        var ukGdpr = await Add(new ObligationInput(UkGdpr, ObligationKind.Regulation, "UK General Data Protection Regulation (retained Regulation (EU) 2016/679)", "United Kingdom",
            "Process client and staff personal data lawfully, keep it secure (Art. 32), notify the ICO of personal data breaches within 72 hours (Art. 33) and use processors only under Art. 28 terms.",
            BusinessProcesses: "All client services; HR and payroll; marketing", Clients: "All UK clients", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(5),
            Requirements: "gdpr Art. 5, gdpr Art. 28, gdpr Art. 32, gdpr Art. 33, gdpr Art. 35, iso27001-2022 A.5.34", Controls: "CTL-020, CTL-006, CTL-013, CTL-015"));
        await Add(new ObligationInput("EU GDPR", ObligationKind.Regulation, "Regulation (EU) 2016/679", "European Union",
            "Applies to the services offered to clients in Ireland and the Netherlands; an EU representative is appointed under Art. 27 and transfers rely on the UK adequacy decision.",
            BusinessProcesses: "Client services in the EU", Clients: "Clients in Ireland and the Netherlands", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(5),
            Requirements: "gdpr Art. 5, gdpr Art. 30, gdpr Art. 32, gdpr Art. 44", Controls: "CTL-020, CTL-006"));
        await Add(new ObligationInput("Data Protection Act 2018", ObligationKind.Regulation, "Data Protection Act 2018 (c. 12)", "United Kingdom",
            "Supplements the UK GDPR: conditions for special category and criminal offence data (Schedule 1) and an appropriate policy document for them.",
            BusinessProcesses: "HR screening; healthcare and legal services handling health and criminal records data", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(5),
            Requirements: "gdpr Art. 9, iso27001-2022 A.5.34", Controls: "CTL-020, CTL-018"));
        await Add(new ObligationInput("EU AI Act", ObligationKind.Regulation, "Regulation (EU) 2024/1689 (Artificial Intelligence Act)", "European Union",
            "Transparency for AI systems that talk to people (Art. 50), AI literacy of staff (Art. 4), and the high-risk requirements (Chapter III) for the healthcare triage agent.",
            BusinessProcesses: "AI agent design, release and operation", Clients: "EU clients of every service line", Status: ComplianceStatus.PartiallyCompliant,
            StatusReason: "Transparency notices and AI literacy training are in place; the conformity assessment and technical documentation of the high-risk triage agent are still being completed.",
            ReviewOn: today.AddMonths(2), Requirements: "iso42001-2023 A.5.2, iso42001-2023 A.8.2, iso27001-2022 A.5.31", Controls: "CTL-008, CTL-009, CTL-010, CTL-021, CTL-017",
            Assets: string.Join(", ", aiActAssets)));
        await Add(new ObligationInput("SRA Standards and Regulations", ObligationKind.ProfessionalStandard, "Solicitors Regulation Authority Standards and Regulations 2019", "England and Wales",
            "Solicitors supervise and remain accountable for the legal work the agents draft; client confidentiality (Code of Conduct 6.3) and competent supervision (3.5).",
            BusinessProcesses: "Legal services", Clients: "Legal services clients", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(8),
            Requirements: "iso27001-2022 A.5.31", Controls: "CTL-010, CTL-008"));
        await Add(new ObligationInput("FCA SYSC outsourcing requirements of financial services clients", ObligationKind.Regulation,
            "FCA Handbook SYSC 8 (outsourcing) and SYSC 13 (operational risk), as passed on by regulated clients", "United Kingdom",
            "Regulated clients must keep oversight of outsourced functions: audit and access rights, business continuity, and notice of material changes and incidents.",
            BusinessProcesses: "Financial services", Clients: "FCA-regulated financial services clients", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(6),
            Requirements: "iso27001-2022 A.5.20, iso27001-2022 A.5.30", Controls: "CTL-023, CTL-013, CTL-016"));
        await Add(new ObligationInput("NHS Data Security and Protection Toolkit", ObligationKind.Regulation, "NHS England Data Security and Protection Toolkit", "England",
            "An annual self-assessment against the National Data Guardian's standards, needed to handle NHS patient data for the telehealth clients.",
            BusinessProcesses: "Healthcare services", Clients: "NHS and private telehealth clients", Status: ComplianceStatus.Compliant,
            ReviewOn: today.AddDays(-10), Requirements: "iso27001-2022 A.5.31, gdpr Art. 9", Controls: "CTL-020, CTL-017, CTL-005"));

        await Add(new ObligationInput("Northwind Legal security schedule", ObligationKind.Contract, "Master services agreement with Northwind Legal LLP, Schedule 4 (Information security)",
            "England and Wales", "Encryption of client data, SSO with MFA, breach notice within 24 hours, annual penetration test summary on request.",
            Clients: "Northwind Legal LLP", ContractStartOn: today.AddMonths(-14), ContractEndOn: today.AddMonths(22), Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(4),
            Requirements: "iso27001-2022 A.5.20", Controls: "CTL-004, CTL-006, CTL-013"));
        await Add(new ObligationInput("Harbor Health data processing and security schedule", ObligationKind.Contract, "Services agreement with Harbor Health Telemedicine Ltd, Schedule 3 (Data processing and security)",
            "England and Wales", "Art. 28 processor terms, UK data residency for patient data, an independent penetration test of the triage agent every year, and breach notice within 24 hours.",
            Clients: "Harbor Health Telemedicine Ltd", ContractStartOn: today.AddMonths(-7), ContractEndOn: today.AddMonths(29), Status: ComplianceStatus.PartiallyCompliant,
            StatusReason: "The yearly independent penetration test of the triage agent has not been done yet; it is booked for next month.", ReviewOn: today.AddMonths(1),
            Requirements: "gdpr Art. 28, iso27001-2022 A.5.20", Controls: "CTL-014, CTL-020"));
        var meridian = today.AddMonths(2);
        await Add(new ObligationInput("Meridian Capital information security schedule", ObligationKind.Contract, "Outsourcing agreement with Meridian Capital Partners LLP, Annex B (Security)",
            "United Kingdom", "FCA outsourcing terms: audit rights, a tested continuity plan, notice of material incidents within 4 hours, ISO 27001 certification by the date agreed.",
            Clients: "Meridian Capital Partners LLP", ContractStartOn: today.AddMonths(-4), Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(3),
            Requirements: "iso27001-2022 A.5.20", Controls: "CTL-023, CTL-013"));
        await Add(new ObligationInput("ISO/IEC 27001 certification for Meridian Capital", ObligationKind.CertificationCommitment, "Outsourcing agreement with Meridian Capital Partners LLP, Annex B clause 7",
            "United Kingdom", $"Certified to ISO/IEC 27001:2022 by {meridian.AddMonths(4):d MMMM yyyy}, with the certificate's scope covering every service delivered to Meridian.",
            Clients: "Meridian Capital Partners LLP", Status: ComplianceStatus.PartiallyCompliant,
            StatusReason: "The certification programme is under way: stage 1 is booked; the certificate is expected before the date promised.", ReviewOn: meridian,
            Requirements: "iso27001-2022 4.2"));

        // Licences: two solicitors, two clinical reviewers, and the company's own registration.
        await Add(Licence("Solicitor's practising certificate", Pick(lawyers, 0), "Solicitors Regulation Authority", "SRA-PC-412087", "England and Wales",
            today.AddMonths(-7), today.AddDays(210), 60));
        await Add(Licence("Solicitor's practising certificate", Pick(lawyers, 1), "Solicitors Regulation Authority", "SRA-PC-398544", "England and Wales",
            today.AddMonths(-11), today.AddDays(45), 60));
        await Add(Licence("Nurse's registration (NMC)", Pick(reviewers, 0), "Nursing and Midwifery Council", "NMC-09A1234E", "United Kingdom",
            today.AddYears(-1), today.AddDays(-12), 30,
            ComplianceStatus.NotCompliant, "The annual retention fee was not paid in time; the registration lapsed and the reviewer is off clinical review until it is restored."));
        await Add(Licence("Doctor's licence to practise (GMC)", Pick(reviewers, 1), "General Medical Council", "GMC-7012345", "United Kingdom",
            today.AddYears(-4), today.AddDays(80), 90));
        var ico = await Add(new ObligationInput(IcoRegistration, ObligationKind.Licence, "Data Protection (Charges and Information) Regulations 2018", "United Kingdom",
            "The company pays the data protection fee every year and stays on the ICO's register of fee payers.", Status: ComplianceStatus.Compliant, ReviewOn: today.AddMonths(5),
            Holder: company, IssuingBody: "Information Commissioner's Office", LicenceNumber: "ZB123456", ValidFrom: today.AddDays(-205), ValidUntil: today.AddDays(160), RenewalLeadDays: 30,
            Controls: "CTL-020"));

        // The ICO's enquiry after the notified breach, answered and closed; and last year's late fee, the only violation on record.
        var breach = await db.Incidents.AsNoTracking().Where(i => i.Title == DemoIncidents.NotifiedBreach).Select(i => new { i.Id, i.DetectedAt }).FirstOrDefaultAsync(cancellationToken);
        if (breach is not null)
        {
            var notified = OrganizationTime.Date(breach.DetectedAt, await OrganizationTime.ZoneAsync(db, cancellationToken));
            var enquiry = notified.AddDays(9) <= today ? notified.AddDays(9) : today;
            await saveEvent.RunAsync(null, new RegulatoryEventInput("ICO enquiry about the cross-client retrieval breach", RegulatoryEventKind.Enquiry, ukGdpr,
                "The ICO asked for the timeline, the number of data subjects, the root cause and the measures taken after our Art. 33 notification.",
                "Information Commissioner's Office", enquiry, enquiry.AddDays(6) <= today ? enquiry.AddDays(6) : today, Status: RegulatoryEventStatus.Closed,
                ClosedOn: enquiry.AddDays(38) <= today ? enquiry.AddDays(38) : today,
                Outcome: "The ICO closed the case with no further action, noting the prompt notification and the tenant tagging now enforced at indexing.",
                IncidentId: breach.Id, OwnerId: ciso), cancellationToken);
        }
        var lastYear = new DateOnly(today.Year - 1, 9, 14);
        await saveEvent.RunAsync(null, new RegulatoryEventInput("Data protection fee paid eleven days late", RegulatoryEventKind.Violation, ico,
            "The renewal reminder went to a former finance manager's mailbox; the fee was paid eleven days after it fell due.", "Information Commissioner's Office",
            lastYear, lastYear.AddDays(2), Status: RegulatoryEventStatus.Closed, ClosedOn: lastYear.AddDays(11),
            Outcome: "Paid without a penalty notice. Renewal reminders now go to the finance team's shared mailbox and the licence carries a 30-day lead time.", OwnerId: ciso),
            cancellationToken);
    }

    private static Guid? Pick(List<Guid> people, int index) => people.Count > index ? people[index] : null;

    /// <summary>A staff member's licence; without a person in the register the holder is named in words.</summary>
    private static ObligationInput Licence(string title, Guid? holder, string body, string number, string jurisdiction, DateOnly from, DateOnly until, int leadDays,
        ComplianceStatus status = ComplianceStatus.Compliant, string? reason = null) =>
        new(title, ObligationKind.Licence, body, jurisdiction, "Held by a reviewer whose sign-off the service relies on; renewal is tracked here and in the reviewer's objectives.",
            BusinessProcesses: "Professional review of AI output", Status: status, StatusReason: reason, ReviewOn: until.AddDays(-leadDays),
            HolderPersonId: holder, Holder: holder is null ? "Reviewer to be named" : null, IssuingBody: body, LicenceNumber: number, ValidFrom: from, ValidUntil: until,
            RenewalLeadDays: leadDays, Controls: "CTL-010");
}
