using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Attest.Controls;
using Attest.Data;
using Attest.Evidence;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's evidence: about thirty items across the controls as a year of running the ISMS leaves them — board
/// minutes and test reports as PDFs, access reviews and scan results as CSV exports, console screenshots as PNGs, rule exports as
/// text, links to dashboards and notes of sign-offs. Some were collected again (a second or third version), some have run out
/// (valid-until in the past). Nine controls require evidence with a freshness period: most are current, the supplier control shows "evidence stale" (backup and recovery would too — its restore test report
/// has run out — but the nightly backup job's pushed results, see DemoChecks, keep it current), and business continuity shows "evidence missing"; office physical security has none and needs none. Everything goes through the same use cases
/// people use (files are received like uploads), so the audit trail and the file store tell the same story.
/// </summary>
public sealed class DemoEvidence(AttestDbContext db, SaveEvidence saveEvidence, EvidenceUploads uploads, SaveControl saveControl)
{
    /// <summary>Required, and nothing collected yet.</summary>
    public const string MissingEvidence = "CTL-023";
    /// <summary>Required, and everything collected has run out.</summary>
    public static readonly string[] StaleEvidence = ["CTL-015"];
    /// <summary>The controls an auditor should expect evidence for, with the days evidence stays fresh when it gives no valid-until date.</summary>
    public static readonly IReadOnlyDictionary<string, int> Required = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CTL-004"] = 90, ["CTL-005"] = 90, ["CTL-008"] = 90, ["CTL-012"] = 30, ["CTL-014"] = 30,
        ["CTL-015"] = 365, ["CTL-016"] = 90, ["CTL-017"] = 365, [MissingEvidence] = 365,
    };
    /// <summary>Controls the CTO owns (as in the demo's controls); he records their evidence himself.</summary>
    private static readonly string[] CtoControls = ["CTL-008", "CTL-009", "CTL-011"];

    private IReadOnlyDictionary<OrganizationRole, Guid> _people = new Dictionary<OrganizationRole, Guid>();
    private Dictionary<string, Guid> _controls = [];
    private DateOnly _today;

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: evidence is only recorded once.
        if (await db.EvidenceItems.AnyAsync(cancellationToken)) return;
        _people = people;
        _today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        _controls = await db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);

        foreach (var (reference, days) in Required) await RequireAsync(reference, days, cancellationToken);

        // ---- Governance ----
        await FileAsync("Board approval of the information security and AI policy set", ["CTL-001"], 300, null, "board-minutes-policy-approval.pdf",
            Pdf("Board minutes - policy approval", $"Meeting of {Day(300)}", "Present: CEO (chair), CISO, CTO, CFO, two non-executive directors.",
                "Item 4: the board approved the 24 information security and responsible AI policies, version 1.0.",
                "The CISO will publish them to staff and on the trust page and report acknowledgement rates monthly."),
            "Minutes of the board meeting that approved the policy set, signed by the chair.", cancellationToken);
        await LinkAsync("Published policies on the staff portal", ["CTL-001"], 120, null, "https://intranet.lumen.example/policies",
            "Where every member of staff reads and acknowledges the current policies.", cancellationToken);
        await FileAsync("Security and AI governance RACI", ["CTL-002"], 250, null, "isms-aims-raci.csv",
            Csv("activity,responsible,accountable,consulted,informed",
                "Maintain the ISMS,CISO,CEO,CTO,All staff", "Maintain the AIMS,Head of AI,CEO,CISO;Clinical safety officer,All staff",
                "Approve policies,CISO,Board,CTO,All staff", "Risk acceptance (High),Risk owner,CEO,CISO,Board",
                "AI agent release,CTO,CTO,Clinical safety officer;CISO,Client delivery"),
            "Responsibilities for the ISMS and the AIMS as written into role descriptions.", cancellationToken);
        await FileAsync("AI system and asset inventory export", ["CTL-003"], 95, null, "asset-inventory-export.csv",
            Csv("reference,name,type,owner,classification", "AST-001,Amazon Web Services (eu-west-1),Service,CTO,Confidential",
                "AST-014,Contract review and redlining agent,AI system,CTO,Confidential", "AST-031,Lumen Clinical LLM,AI model,CTO,Restricted",
                "AST-040,Client legal matter files,Information,CISO,Restricted"),
            "Quarterly export of the inventory checked against the cloud accounts and the agent registry.", cancellationToken);

        // ---- Identity and access ----
        var mfa = await FileAsync("Okta MFA enforcement policy", ["CTL-004"], 110, null, "okta-mfa-policy.png", Png("okta-mfa-policy", 1),
            "Screenshot of the Okta authentication policy: phishing-resistant MFA for every user, no exceptions.", cancellationToken);
        await NewVersionAsync(mfa, 20, null, "okta-mfa-policy.png", Png("okta-mfa-policy", 2), cancellationToken);
        await LinkAsync("Okta authentication policies (admin console)", ["CTL-004"], 40, null, "https://lumen-admin.okta.com/admin/access/policies",
            "The live policy set; auditors are shown it on screen.", cancellationToken);
        var review = await FileAsync("Quarterly access review - production and client data", ["CTL-005"], 205, null, "access-review.csv", AccessReview(205, 3),
            "Export of the quarterly access certification: every account with access to production, client data or model infrastructure, and the owner's decision.", cancellationToken);
        await NewVersionAsync(review, 115, null, "access-review.csv", AccessReview(115, 4), cancellationToken);
        await NewVersionAsync(review, 25, null, "access-review.csv", AccessReview(25, 2), cancellationToken);
        await NoteAsync("Access review sign-off", ["CTL-005"], 24, null,
            "All owners certified their systems by the deadline. Two accounts of leavers were found still active in the model training cluster and removed the same day; " +
            "the joiner-mover-leaver runbook now removes cluster access automatically.", cancellationToken);

        // ---- Cryptography and development ----
        await FileAsync("KMS key rotation settings", ["CTL-006"], 70, null, "kms-key-rotation.png", Png("kms-key-rotation", 1),
            "Screenshot of the key management settings in the three clouds: automatic yearly rotation on every customer-managed key.", cancellationToken);
        await LinkAsync("TLS configuration scan of app.lumen.example", ["CTL-006"], 35, 90, "https://www.ssllabs.com/ssltest/analyze.html?d=app.lumen.example",
            "Grade A; TLS 1.2 and 1.3 only. Rescanned every quarter.", cancellationToken);
        await FileAsync("Branch protection rules", ["CTL-007", "CTL-022"], 90, null, "github-branch-protection.png", Png("github-branch-protection", 1),
            "Screenshot of the organization-wide ruleset: reviewed pull requests, passing checks and signed commits required on main.", cancellationToken);
        await FileAsync("Dependency and secret scanning results", ["CTL-007", "CTL-014"], 8, null, "dependency-scan.csv",
            Csv("repository,package,severity,advisory,status", "agent-orchestration,jsonwebtoken,High,GHSA-8cf7-32gw-wr33,fixed",
                "client-portal,undici,Medium,GHSA-c76h-2ccp-4975,fixed", "evaluation-harness,requests,Medium,GHSA-9wx4-h78v-vm56,fixed",
                "billing-service,(secret) AWS access key,Critical,push protection,blocked"),
            "Weekly export from code scanning; nothing open above Medium.", cancellationToken);
        await FileAsync("Penetration test report 2025", ["CTL-007"], 350, 335, "pentest-report-2025.pdf",
            Pdf("Penetration test report 2025", "Scope: client portal, public API, agent orchestration service.", "Findings: 0 critical, 1 high (fixed), 4 medium, 6 low.",
                "Retest confirmed the high finding fixed.", "Valid until the next annual test."),
            "The annual external test; the 2026 test is booked.", cancellationToken);

        // ---- AI (the CTO's controls) ----
        var evaluation = await FileAsync("Evaluation report - legal agents release", ["CTL-008"], 100, null, "legal-agents-evaluation.pdf",
            Pdf("Legal agents evaluation - release 2026.01", "Suites: citation accuracy, prompt injection (250 cases), clause extraction, harmful output.",
                "Result: all release gates passed; citation accuracy 99.2 %."),
            "Release evaluation of the legal agents against the release gates.", cancellationToken);
        await NewVersionAsync(evaluation, 12, null, "legal-agents-evaluation.pdf",
            Pdf("Legal agents evaluation - release 2026.03", "Suites: citation accuracy, prompt injection (400 cases), clause extraction, harmful output.",
                "Result: all release gates passed; citation accuracy 99.5 %; 2 prompt-injection cases escalated and fixed before release."), cancellationToken);
        await FileAsync("Clinical safety evaluation results", ["CTL-008", "CTL-010"], 45, null, "clinical-safety-evaluation.csv",
            Csv("agent,suite,cases,passed,under_triage,signed_off_by", "Telehealth symptom triage support agent,clinical-safety-v7,1200,1194,0,Clinical safety officer",
                "Urgent care triage support agent,clinical-safety-v7,1100,1097,0,Clinical safety officer",
                "Occupational health referral triage agent,clinical-safety-v7,800,800,0,Clinical safety officer"),
            "Pre-release clinical safety evaluation, signed off by the clinical safety officer.", cancellationToken);
        await NoteAsync("Approval of impact assessment AIA-001 (healthcare triage)", ["CTL-009"], 180, null,
            "AIA-001 approved by the CEO after review by the CISO. Conditions: red-flag presentations handled outside the model; under-triage reported monthly.", cancellationToken);
        await FileAsync("Dataset provenance records (fine-tuning sets)", ["CTL-011"], 60, null, "dataset-provenance.txt",
            Text("Dataset provenance - fine-tuning sets", "finance-ft-2026.01: source = anonymised client ledgers (consented), 41,200 records, checked by data quality suite v3.",
                "clinical-triage-ft-v5: source = synthetic cases reviewed by the clinical safety officer, 9,800 records.",
                "legal-redline-ft-v2: source = own precedent bank, 12,450 documents, licence checked."),
            "Provenance is recorded per dataset as datasets are prepared; the process is being rolled out.", cancellationToken);

        // ---- Operations ----
        await FileAsync("Human review sampling log", ["CTL-010"], 30, null, "human-review-sampling.csv",
            Csv("service_line,outputs,reviewed,changed_by_reviewer,escalated", "Legal,18240,18240,1312,14", "Financial,9120,9120,604,6", "Healthcare,22610,22610,980,31"),
            "Monthly log: every regulated output reviewed by a licensed professional before release to the client.", cancellationToken);
        await LinkAsync("Security monitoring dashboard", ["CTL-012"], 15, null, "https://lumen.datadoghq.eu/dashboard/sec-overview",
            "Live view of platform, identity and agent activity with alert status.", cancellationToken);
        await FileAsync("SIEM alert rules export", ["CTL-012"], 10, null, "siem-alert-rules.txt",
            Text("SIEM alert rules", "okta.mfa_reset_by_admin -> page on-call", "aws.root_login -> page on-call", "agent.tool_call_denied_burst -> ticket",
                "storage.bucket_made_public -> page on-call", "github.secret_scanning_bypass -> ticket"),
            "Export of the detection rules in force, with their routing.", cancellationToken);
        await FileAsync("Incident response tabletop exercise report", ["CTL-013"], 160, 365, "ir-tabletop-report.pdf",
            Pdf("Incident response tabletop exercise", "Scenario: a prompt-injected legal agent leaks another client's documents.",
                "Participants: CISO, CTO, Head of Legal, DPO, client delivery lead.", "Outcome: notification within 24 hours achieved; two runbook gaps fixed."),
            "Yearly exercise of the incident response plan; valid until the next exercise.", cancellationToken);
        await NoteAsync("Post-incident review INC-2026-004", ["CTL-013"], 48, null,
            "Severity 3: an agent connector retried a failed payment export. Contained in 40 minutes, no client data affected. Actions: idempotency keys on exports (done).", cancellationToken);
        var scan = await FileAsync("Weekly vulnerability scan summary", ["CTL-014"], 12, null, "vulnerability-scan.csv", VulnerabilityScan(12),
            "Container image and host scan summary; critical findings are fixed within 7 days.", cancellationToken);
        await NewVersionAsync(scan, 5, null, "vulnerability-scan.csv", VulnerabilityScan(5), cancellationToken);

        // ---- Suppliers: everything collected has run out ----
        await FileAsync("AWS SOC 2 Type II report", ["CTL-015"], 340, 310, "aws-soc2-type2.pdf",
            Pdf("SOC 2 Type II report - Amazon Web Services", "Period covered: twelve months; obtained through AWS Artifact.", "No exceptions relevant to our use.",
                "Complementary user entity controls reviewed by the CISO."),
            "Downloaded from AWS Artifact and reviewed; the new report is due.", cancellationToken);
        await FileAsync("Foundation model provider security questionnaire", ["CTL-015"], 280, 265, "model-provider-questionnaire.txt",
            Text("Security and AI questionnaire - foundation model providers", "Data retention for API traffic: zero retention agreed.",
                "Training on customer data: no.", "Sub-processors: listed, EU processing available.", "Review due yearly."),
            "Answers from the two foundation model providers, reviewed before renewal.", cancellationToken);

        // ---- Backup: the last restore test and configuration check are out of date ----
        await FileAsync("Backup job configuration", ["CTL-016"], 150, null, "backup-jobs.png", Png("backup-jobs", 1),
            "Screenshot of the backup plans: daily, encrypted, copied to a second region, 35 days retention.", cancellationToken);
        await FileAsync("Quarterly restore test report", ["CTL-016"], 190, 90, "restore-test-report.pdf",
            Pdf("Restore test report", "Restored: practice management database and client document store into the recovery account.",
                "Recovery time achieved: 2 h 40 min (objective 4 h).", "Next test due in one quarter."),
            "The last restore test; the next one has slipped.", cancellationToken);

        // ---- People and places ----
        await FileAsync("Security awareness and AI literacy training completion", ["CTL-017"], 60, null, "training-completion.csv",
            Csv("department,people,completed,overdue", "Client delivery,92,88,4", "Engineering,41,41,0", "AI operations,18,18,0", "Security and compliance,6,6,0", "Corporate,23,20,3"),
            "Completion export from the learning platform.", cancellationToken);
        await FileAsync("Background check confirmations", ["CTL-018"], 210, null, "screening-log.csv",
            Csv("hire_month,hires,checks_completed_before_start,contractors_signed_nda", "2025-10,6,6,2", "2025-11,4,4,1", "2025-12,3,3,0"),
            "Confirmations from the screening provider for every hire.", cancellationToken);
        await FileAsync("Laptop fleet compliance", ["CTL-019"], 18, null, "intune-compliance.png", Png("intune-compliance", 1),
            "Screenshot of device compliance: disk encryption, endpoint protection and updates on 178 of 180 laptops (two in repair).", cancellationToken);
        await LinkAsync("Records of processing activities", ["CTL-020"], 130, null, "https://intranet.lumen.example/privacy/ropa",
            "The maintained records of processing for client and staff data.", cancellationToken);
        await LinkAsync("Agent documentation for clients", ["CTL-021"], 75, null, "https://trust.lumen.example/agents",
            "Purpose, limits and professional disclaimer of each agent, as clients see them.", cancellationToken);
        await NoteAsync("Change approval sample", ["CTL-022"], 55, null,
            "Sampled 25 production changes from the last quarter: all had a reviewed pull request and an automated deployment; one rollback, done within 6 minutes.", cancellationToken);
    }

    /// <summary>Marks a control as needing current evidence, keeping everything else about it as it is.</summary>
    private async Task RequireAsync(string reference, int freshnessDays, CancellationToken cancellationToken)
    {
        var control = await db.Controls.AsNoTracking().SingleAsync(c => c.Reference == reference, cancellationToken);
        var requirements = await db.ControlRequirements.AsNoTracking().Where(l => l.ControlId == control.Id).Select(l => l.RequirementId).ToListAsync(cancellationToken);
        using var acting = ActAs(OwnerOf(reference));
        await saveControl.RunAsync(control.Id, new ControlInput(control.Reference, control.Name, control.Description, control.OwnerId, control.Status,
            control.ImplementationNotes, control.ReviewFrequencyMonths, control.NextReviewOn, control.Tags, requirements, control.Version,
            EvidenceRequired: true, EvidenceFreshnessDays: freshnessDays), cancellationToken);
    }

    private async Task<Guid> FileAsync(string title, string[] controls, int daysAgo, int? validForDays, string fileName, byte[] content, string description,
        CancellationToken cancellationToken)
    {
        var role = OwnerOf(controls[0]);
        using var acting = ActAs(role);
        using var received = await uploads.ReceiveAsync(new MemoryStream(content), fileName, cancellationToken);
        return await saveEvidence.RunAsync(null, new EvidenceInput(title, EvidenceKind.File, description, _people[role], _today.AddDays(-daysAgo),
            ValidUntil(daysAgo, validForDays), Links: LinksTo(controls)), received, cancellationToken);
    }

    /// <summary>The same evidence collected again: a new file makes the next version, the earlier ones stay.</summary>
    private async Task NewVersionAsync(Guid id, int daysAgo, int? validForDays, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        var role = item.OwnerId == _people[OrganizationRole.Contributor] ? OrganizationRole.Contributor : OrganizationRole.Manager;
        using var acting = ActAs(role);
        using var received = await uploads.ReceiveAsync(new MemoryStream(content), fileName, cancellationToken);
        await saveEvidence.RunAsync(id, new EvidenceInput(item.Title, item.Kind, item.Description, item.OwnerId, _today.AddDays(-daysAgo), ValidUntil(daysAgo, validForDays),
            Version: item.Version), received, cancellationToken);
    }

    private async Task LinkAsync(string title, string[] controls, int daysAgo, int? validForDays, string url, string description, CancellationToken cancellationToken)
    {
        var role = OwnerOf(controls[0]);
        using var acting = ActAs(role);
        await saveEvidence.RunAsync(null, new EvidenceInput(title, EvidenceKind.Link, description, _people[role], _today.AddDays(-daysAgo), ValidUntil(daysAgo, validForDays),
            Url: url, Links: LinksTo(controls)), null, cancellationToken);
    }

    private async Task NoteAsync(string title, string[] controls, int daysAgo, int? validForDays, string note, CancellationToken cancellationToken)
    {
        var role = OwnerOf(controls[0]);
        using var acting = ActAs(role);
        await saveEvidence.RunAsync(null, new EvidenceInput(title, EvidenceKind.Note, null, _people[role], _today.AddDays(-daysAgo), ValidUntil(daysAgo, validForDays),
            Note: note, Links: LinksTo(controls)), null, cancellationToken);
    }

    /// <summary>Evidence valid for <paramref name="validForDays"/> after it was collected; null when it gives no date.</summary>
    private DateOnly? ValidUntil(int daysAgo, int? validForDays) => validForDays is { } days ? _today.AddDays(days - daysAgo) : null;

    private List<EvidenceLinkInput> LinksTo(string[] controls) => controls.Select(c => new EvidenceLinkInput(EvidenceTarget.Control, _controls[c])).ToList();

    private static OrganizationRole OwnerOf(string control) => CtoControls.Contains(control) ? OrganizationRole.Contributor : OrganizationRole.Manager;

    private IDisposable ActAs(OrganizationRole role)
    {
        var local = role switch { OrganizationRole.Admin => "admin", OrganizationRole.Manager => "ciso", OrganizationRole.Contributor => "owner", _ => "employee" };
        return db.Acting.ActAs(_people[role], $"{local}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
    }

    private string Day(int daysAgo) => _today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private byte[] AccessReview(int daysAgo, int removed)
    {
        var rows = new List<string> { "account,system,access,owner,decision,reviewed_on" };
        string[] systems = ["AWS production", "GCP production", "Azure production", "Client document store", "Model training cluster", "Practice management system"];
        for (var i = 0; i < 18; i++)
        {
            rows.Add($"user{i + 1:00}@{LoadDemoOrganization.EmailDomain},{systems[i % systems.Length]},{(i % 3 == 0 ? "admin" : "read-write")}," +
                     $"{(i % 2 == 0 ? "CTO" : "CISO")},{(i < removed ? "remove" : "keep")},{Day(daysAgo)}");
        }
        return Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n");
    }

    private byte[] VulnerabilityScan(int daysAgo) => Csv("scanned_on,target,critical,high,medium,low,oldest_critical_days",
        $"{Day(daysAgo)},container images,0,{daysAgo % 4},{11 + daysAgo},{40 + daysAgo}", $"{Day(daysAgo)},hosts,0,1,{3 + daysAgo % 5},17", $"{Day(daysAgo)},dependencies,0,2,9,31");

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static byte[] Text(string title, params string[] lines) => Encoding.UTF8.GetBytes(title + "\n" + new string('=', title.Length) + "\n\n" + string.Join("\n", lines) + "\n");

    /// <summary>A one-page PDF with a heading and lines of text, with a correct cross-reference table.</summary>
    public static byte[] Pdf(string title, params string[] lines)
    {
        // Printable ASCII only (the standard Helvetica encoding), with the string delimiters escaped.
        static string Escape(string text) =>
            new string(text.Select(c => c is < ' ' or > '~' ? '-' : c).ToArray()).Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
        var content = new StringBuilder($"BT /F1 16 Tf 56 780 Td ({Escape(title)}) Tj /F1 11 Tf");
        foreach (var line in lines) content.Append($" 0 -22 Td ({Escape(line)}) Tj");
        content.Append(" ET");
        var stream = content.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// A small PNG that looks like a console screenshot (a title bar, lines of "text", a green status badge), different for every
    /// <paramref name="name"/> and <paramref name="variant"/>.
    /// </summary>
    public static byte[] Png(string name, int variant)
    {
        const int width = 240, height = 150;
        var seed = variant * 7919;
        foreach (var c in name) seed = unchecked(seed * 31 + c);
        var random = new Random(seed);
        var accent = ((byte)random.Next(30, 120), (byte)random.Next(60, 160), (byte)random.Next(150, 230));
        var pixels = new byte[height * (1 + width * 3)];
        var lineLengths = Enumerable.Range(0, 8).Select(_ => random.Next(60, 200)).ToArray();
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            pixels[row] = 0;
            for (var x = 0; x < width; x++)
            {
                (byte R, byte G, byte B) colour = (246, 247, 249);
                if (y < 18) colour = accent;
                else if (x < 48 && y >= 18) colour = (228, 231, 236);
                else if ((y - 28) % 14 is >= 0 and < 5 && y >= 28 && (y - 28) / 14 < lineLengths.Length && x >= 60 && x < 60 + lineLengths[(y - 28) / 14] - 20) colour = (70, 76, 86);
                if (x >= 196 && x < 230 && y >= 26 && y < 38) colour = (34, 160, 84);
                var at = row + 1 + x * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = colour;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(pixels);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9], header[10], header[11], header[12]) = (8, 2, 0, 0, 0);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
}
