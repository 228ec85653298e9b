using Attest.Data;
using Attest.Organizations;
using Attest.Risks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's risk register, in the states a real one is in: the ready-made 5 × 5 methodology, risks across the
/// AI agents, the cloud estate, people and suppliers with every treatment option and status, treatment tasks (some done, some
/// overdue), three acceptance decisions (the CISO's and the CEO's current, the CTO's stale because the risk changed afterwards),
/// the completed annual assessment 2025 and the 2026 one in progress, so comparing them shows new, closed and changed risks.
/// Everything goes through the same use cases people use, so the audit trail tells the same story.
/// </summary>
public sealed class DemoRisks(AttestDbContext db, SaveRiskMethodology saveMethodology, SaveRisk saveRisk, SaveRiskTask saveTask, AcceptResidualRisk accept,
    SaveRiskAssessment saveAssessment, CompleteRiskAssessment complete)
{
    public const string Assessment2025 = "Annual risk assessment 2025";
    public const string Assessment2026 = "Annual risk assessment 2026";
    /// <summary>Medium residual, accepted by the CISO.</summary>
    public const string AcceptedByCiso = "R-030";
    /// <summary>High residual, accepted by the CEO after the 2025 assessment.</summary>
    public const string AcceptedByCeo = "R-028";
    /// <summary>Low residual, accepted by its owner (the CTO), then re-rated: the acceptance is stale.</summary>
    public const string StaleAcceptance = "R-036";
    /// <summary>Open in 2025, closed since.</summary>
    public static readonly string[] ClosedSince2025 = ["R-031", "R-032"];
    /// <summary>Changed between the 2025 assessment and now.</summary>
    public static readonly string[] ChangedSince2025 = ["R-001", "R-013", AcceptedByCeo, StaleAcceptance];

    private IReadOnlyDictionary<OrganizationRole, Guid> _people = new Dictionary<OrganizationRole, Guid>();
    private Dictionary<string, Guid> _assets = [];
    private Dictionary<string, Guid> _controls = [];
    private DateOnly _today;

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: the register is only filled once.
        if (await db.RiskMethodologies.AnyAsync(cancellationToken) || await db.Risks.AnyAsync(cancellationToken)) return;
        _people = people;
        _today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        _assets = (await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        _controls = await db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);

        using (ActAs(OrganizationRole.Manager)) await saveMethodology.FromTemplateAsync(MethodologyTemplates.FiveByFive, cancellationToken);

        // The register as the 2025 assessment found it, with the two acceptances that stood then.
        foreach (var entry in Register2025) ids[entry.Reference] = await CreateAsync(entry, cancellationToken);
        using (ActAs(OrganizationRole.Manager))
        {
            await accept.RunAsync(ids[AcceptedByCiso], "Company phones for 180 people cost more than the risk: Intune app protection, Okta device checks and remote wipe of the apps keep what remains Medium. Revisit if client contracts start to forbid it.",
                null, await VersionOfAsync(ids[AcceptedByCiso], cancellationToken), cancellationToken);
        }
        using (ActAs(OrganizationRole.Contributor))
        {
            await accept.RunAsync(ids[StaleAcceptance], "The Llama 3.1 Community Licence is perpetual for the version we hold; our use is far below its user threshold. Accepted as is.",
                null, await VersionOfAsync(ids[StaleAcceptance], cancellationToken), cancellationToken);
        }
        using (ActAs(OrganizationRole.Manager))
        {
            var assessment = await saveAssessment.RunAsync(null, new RiskAssessmentInput(Assessment2025,
                "Scope: the whole ISMS and AIMS scope. Workshops with the CTO, the clinical safety officer, the heads of each service line and the people team; " +
                "inputs were the asset inventory and AI registry, the 2025 incidents, the internal audit and the supplier reviews.",
                people[OrganizationRole.Manager], _today.AddMonths(-13), _today.AddMonths(-12)), cancellationToken);
            await complete.RunAsync(assessment, "36 risks assessed: 21 in treatment, 2 accepted. The highest residual risks are patient safety in the triage agents (R-002) " +
                "and the dependency on one clinical safety officer (R-028); the board asked for both to be reported monthly. Treatment plans agreed with each owner.",
                await db.RiskAssessments.Where(a => a.Id == assessment).Select(a => a.Version).SingleAsync(cancellationToken), cancellationToken);
        }

        // Since then: treatments done, decisions taken, two risks closed, one accepted risk re-rated, and new risks found.
        foreach (var change in Changes2026) await UpdateAsync(ids[change.Reference], change, cancellationToken);
        using (ActAs(OrganizationRole.Contributor)) await AddTasksAsync(ids["R-013"], Find("R-013").Owner, R013Tasks, cancellationToken);
        foreach (var entry in New2026) ids[entry.Reference] = await CreateAsync(entry, cancellationToken);
        using (ActAs(OrganizationRole.Admin))
        {
            await accept.RunAsync(ids[AcceptedByCeo], "Accepted until the second clinical safety officer starts: the locum arrangement with our clinical advisory partner covers absence, and no triage agent release happens without a clinical safety sign-off.",
                null, await VersionOfAsync(ids[AcceptedByCeo], cancellationToken), cancellationToken);
        }
        using (ActAs(OrganizationRole.Manager))
        {
            await saveAssessment.RunAsync(null, new RiskAssessmentInput(Assessment2026,
                "Scope unchanged from 2025. New inputs: the EU AI Act obligations for general-purpose AI models, agent tool connectors, the deepfake fraud attempts reported by peers, " +
                "and the Bedrock cross-region inference change.", people[OrganizationRole.Manager], _today.AddDays(-21), _today.AddDays(30)), cancellationToken);
        }
    }

    private async Task<Guid> CreateAsync(Entry entry, CancellationToken cancellationToken)
    {
        using var acting = ActAs(entry.Owner == OrganizationRole.Contributor ? OrganizationRole.Contributor : OrganizationRole.Manager);
        var id = await saveRisk.RunAsync(null, InputOf(entry, links: true, version: 0), cancellationToken);
        await AddTasksAsync(id, entry.Owner, entry.Tasks ?? [], cancellationToken);
        return id;
    }

    private async Task UpdateAsync(Guid id, Entry entry, CancellationToken cancellationToken)
    {
        using var acting = ActAs(entry.Owner == OrganizationRole.Contributor ? OrganizationRole.Contributor : OrganizationRole.Manager);
        await saveRisk.RunAsync(id, InputOf(entry, links: false, await VersionOfAsync(id, cancellationToken)), cancellationToken);
    }

    private async Task AddTasksAsync(Guid riskId, OrganizationRole owner, IEnumerable<Step> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await saveTask.RunAsync(riskId, null, new RiskTaskInput(step.Title, _people[owner], _today.AddDays(step.DueInDays),
                step.Control is null ? null : _controls[step.Control], step.DoneDaysAgo is { } done ? _today.AddDays(-done) : null, step.Notes), cancellationToken);
        }
    }

    private RiskInput InputOf(Entry entry, bool links, int version) =>
        new(entry.Title, entry.Description, entry.Threat, entry.Vulnerability, entry.Category, _people[entry.Owner], entry.Reference,
            entry.Inherent?.Likelihood, entry.Inherent?.Impact, entry.ExistingText, entry.Treatment, entry.Plan, entry.Residual?.Likelihood, entry.Residual?.Impact,
            entry.Target, entry.Status, _today.AddDays(-entry.IdentifiedDaysAgo), entry.ReviewInDays is { } days ? _today.AddDays(days) : null,
            AssetIds: links ? entry.Assets.Select(Asset).ToList() : null,
            Controls: links ? entry.Existing.Select(c => new RiskControlInput(_controls[c], RiskControlRole.Existing))
                .Concat(entry.Planned.Select(c => new RiskControlInput(_controls[c], RiskControlRole.Planned))).ToList() : null,
            Version: version);

    private Guid Asset(string name) =>
        _assets.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"The demo risk register names an asset the demo inventory lacks: {name}.");

    private Task<int> VersionOfAsync(Guid id, CancellationToken cancellationToken) =>
        db.Risks.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(cancellationToken);

    private IDisposable ActAs(OrganizationRole role)
    {
        var local = role switch { OrganizationRole.Admin => "admin", OrganizationRole.Manager => "ciso", OrganizationRole.Contributor => "owner", _ => "employee" };
        return db.Acting.ActAs(_people[role], $"{local}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
    }

    private static Entry Find(string reference) => Register2025.Single(e => e.Reference == reference);

    // ---- The register ----

    private sealed record Step(string Title, int DueInDays, int? DoneDaysAgo = null, string? Control = null, string Notes = "");

    private sealed record Entry(string Reference, string Category, OrganizationRole Owner, string Title, string Description, string Threat, string Vulnerability,
        string[] Assets, (int Likelihood, int Impact)? Inherent, string ExistingText, string[] Existing, string[] Planned, RiskTreatment Treatment, string Plan,
        (int Likelihood, int Impact)? Residual, string? Target, RiskStatus Status, int IdentifiedDaysAgo, int? ReviewInDays = null, Step[]? Tasks = null);

    private const OrganizationRole Ceo = OrganizationRole.Admin;
    private const OrganizationRole Ciso = OrganizationRole.Manager;
    private const OrganizationRole Cto = OrganizationRole.Contributor;

    private const string AiAgents = "AI agents";
    private const string Cloud = "Cloud infrastructure";
    private const string People = "People";
    private const string Suppliers = "Suppliers";

    private const string Aws = "Amazon Web Services (eu-west-1)";
    private const string Gcp = "Google Cloud (europe-west4)";
    private const string Azure = "Microsoft Azure (westeurope)";
    private const string Okta = "Okta Workforce Identity";
    private const string GitHub = "GitHub Enterprise Cloud";
    private const string Workspace = "Google Workspace";
    private const string Practice = "Practice management system";
    private const string Orchestration = "Agent orchestration service";

    private static readonly Entry[] Register2025 =
    [
        // ---- AI agents ----
        new("R-001", AiAgents, Ciso, "Prompt injection through client-supplied documents in the legal agents",
            "Contracts, disclosure bundles and leases uploaded by clients are read by the legal agents. Text hidden in them can act as instructions to the agent.",
            "A counterparty or litigant embeds instructions in a document (white text, metadata, footnotes) that make the agent omit a clause from its redline, misreport a term or reveal content from other documents in the matter.",
            "The agents read untrusted document text in the same context as their instructions, and retrieval could reach every document of the client.",
            ["Contract review and redlining agent", "Litigation disclosure review agent", "Commercial contract drafting agent", "Client legal matter files", "Lumen Legal LLM"],
            (4, 4), "Solicitor review of every draft before it reaches the client; evaluation suite before release; agent activity logged.",
            ["CTL-008", "CTL-010", "CTL-012"], ["CTL-007"], RiskTreatment.Mitigate,
            "- Mark client document text as untrusted data in every legal agent prompt.\n- Limit retrieval to the documents of the current matter.\n- Add prompt-injection cases to the legal evaluation suite so every release is tested against them.",
            (2, 4), "Medium", RiskStatus.InTreatment, 640,
            Tasks: [new("Add 250 prompt-injection cases to the legal evaluation suite", -120, 125, "CTL-008"),
                new("Limit retrieval to the documents of the current matter", -90, 95, "CTL-007"),
                new("Mark client document text as untrusted data in every legal agent prompt", -30, 20, "CTL-007")]),
        new("R-002", AiAgents, Cto, "Triage agents under-triage atypical presentations",
            "The telehealth, urgent care and occupational health triage agents propose an urgency to the client's nurse. A proposal that is too low delays care.",
            "A patient with a serious condition that presents atypically (cardiac symptoms in women, sepsis in older adults, symptoms described in a second language) is proposed a lower urgency, and the nurse accepts it.",
            "The clinical fine-tuning set under-represents atypical presentations, and busy clinicians tend to anchor on the proposal.",
            ["Telehealth symptom triage support agent", "Urgent care triage support agent", "Occupational health referral triage agent", "Lumen Clinical LLM", "Clinical safety evaluation suite"],
            (3, 5), "Clinician confirms every proposal; clinical safety evaluation before release; impact assessment AIA-001.",
            ["CTL-008", "CTL-009", "CTL-010", "CTL-012"], ["CTL-011"], RiskTreatment.Mitigate,
            "Red-flag presentations are handled by deterministic rules outside the model; under-triage is reported monthly per presentation type; the fine-tuning set gains atypical cases reviewed by the clinical safety officer.",
            (2, 5), "Medium", RiskStatus.InTreatment, 700,
            Tasks: [new("Move red-flag presentations to deterministic rules outside the model", -150, 160, "CTL-008"),
                new("Report under-triage monthly by presentation type", 30, null, "CTL-012"),
                new("Add 300 atypical presentations to the clinical triage fine-tuning set", -14, null, "CTL-011", "Waiting for the clinical safety officer's review of the first 120 cases.")]),
        new("R-003", AiAgents, Cto, "Legal agents cite authorities that do not exist",
            "Research and advice agents can produce case citations and statutory references that look right but are invented or misquoted.",
            "A fabricated or misquoted authority reaches a client's advice or a court filing, exposing the client and Lumen's solicitors to professional sanctions.",
            "Language models generate plausible citations; reviewers under time pressure may not check each one.",
            ["Legal research agent", "Employment law advice agent", "Legal knowledge corpus", "Claude Sonnet 4"],
            (4, 4), "Solicitor review; legal evaluation suite includes citation accuracy.",
            ["CTL-008", "CTL-010"], ["CTL-021"], RiskTreatment.Mitigate,
            "Every cited authority is checked against the legal knowledge corpus before output; anything that cannot be found is removed and flagged to the reviewer.",
            (2, 3), "Medium", RiskStatus.Treated, 690,
            Tasks: [new("Verify every cited authority against the legal knowledge corpus before output", -200, 210, "CTL-008")]),
        new("R-004", AiAgents, Ciso, "Financial agents stray into regulated investment advice",
            "Cash-flow, funding and investment appraisal agents answer open questions from finance directors.",
            "An agent recommends a specific investment product to a client, which is a regulated activity Lumen is not authorised for outside its adviser's supervision.",
            "Whether a question is about investments is decided by the model itself; prompts alone do not reliably keep it out.",
            ["Investment appraisal agent", "Funding options agent", "Cash-flow and treasury advice agent", "Lumen Finance LLM"],
            (3, 4), "Qualified accountant review; client documentation states the agents' limits.",
            ["CTL-010", "CTL-021"], ["CTL-008"], RiskTreatment.Mitigate,
            "An investment-content router sends such questions to the authorised adviser instead of the agent; the compliance officer samples 20 reports a month.",
            (2, 3), "Medium", RiskStatus.InTreatment, 560,
            Tasks: [new("Route investment questions to the authorised adviser instead of the agent", -60, 70, "CTL-010"),
                new("Compliance officer samples 20 financial reports a month", 20, null, "CTL-010")]),
        new("R-005", AiAgents, Cto, "Fine-tuned finance model released without full re-evaluation",
            "Lumen Finance LLM is retrained every few months on new advisory material.",
            "A retrained model with worse calculation or assumption handling reaches the financial agents, and reports mislead clients.",
            "The financial evaluation suite is run by hand and the impact assessment is not reopened automatically when the model changes.",
            ["Lumen Finance LLM", "Financial evaluation suite", "Financial advisory fine-tuning set", "Management accounts commentary agent"],
            (3, 4), "Evaluation before release (manual run); change management for deployments.",
            ["CTL-008", "CTL-022"], ["CTL-009"], RiskTreatment.Mitigate,
            "Run the financial evaluation suite in the training pipeline and block promotion on failure; reopen the impact assessment on every model version.",
            (2, 3), "Medium", RiskStatus.InTreatment, 420, ReviewInDays: -20,
            Tasks: [new("Run the financial evaluation suite automatically in the training pipeline", 45, null, "CTL-008"),
                new("Reopen the impact assessment on every model version change", 60, null, "CTL-009")]),
        new("R-006", AiAgents, Cto, "Foundation model providers change model behaviour without notice",
            "The agents use Claude, GPT-4.1 and Gemini through the three clouds.",
            "A provider updates or retires a model version and agent outputs change in quality, format or safety without any change on our side.",
            "Some agents referenced model aliases rather than dated versions, and there was no continuous evaluation in production.",
            ["Claude Sonnet 4", "GPT-4.1", "Gemini 2.5 Pro", "Gemini 2.5 Flash", Orchestration],
            (4, 3), "Evaluation suites on release; supplier reviews of model providers.",
            ["CTL-008", "CTL-015", "CTL-022"], ["CTL-023"], RiskTreatment.Mitigate,
            "Pin dated model versions everywhere; nightly canary evaluations against each provider; a tested fallback provider per service line.",
            (2, 3), "Medium", RiskStatus.InTreatment, 600,
            Tasks: [new("Pin dated model versions in every agent configuration", -40, 45, "CTL-022"),
                new("Nightly canary evaluations against each provider model", 30, null, "CTL-008")]),
        new("R-007", AiAgents, Ciso, "One client's documents retrieved into another client's agent session",
            "Retrieval for the agents runs over shared vector indexes per service line, filtered by client.",
            "A bug or mis-scoped query returns chunks of another client's documents into an agent's context, and they appear in that client's output.",
            "The client filter is applied in application code rather than by separate indexes.",
            [Orchestration, "multilingual-e5-large", "Client legal matter files", "Client financial records"],
            (2, 5), "Secure development with code review; encryption; logging of retrieval calls.",
            ["CTL-006", "CTL-007", "CTL-012"], ["CTL-022"], RiskTreatment.Mitigate,
            "Separate index namespaces per client, and canary documents per client checked in every release.",
            (1, 5), "Medium", RiskStatus.InTreatment, 520,
            Tasks: [new("Separate vector index namespaces per client", 40, null, "CTL-022"),
                new("Cross-client canary documents checked in every release", -10, 12, "CTL-007")]),
        new("R-008", AiAgents, Ciso, "Agent logs keep sensitive client data longer than needed",
            "Full prompts and outputs are logged for quality and incident investigation.",
            "A breach of the logging platform, or an over-broad search by staff, exposes health, financial and legal details kept for 15 months.",
            "Free text is logged without redaction, and full-prompt retention matched the audit-log retention.",
            ["Agent prompts and output logs", "Datadog", "Client health information"],
            (3, 4), "Encryption; SSO with MFA for the logging platform; monitoring of access.",
            ["CTL-004", "CTL-006", "CTL-012"], ["CTL-020"], RiskTreatment.Mitigate,
            "Redact names, identifiers and health terms before prompts are logged; keep full prompts 90 days, metadata 15 months.",
            (2, 3), "Medium", RiskStatus.InTreatment, 395,
            Tasks: [new("Redact names, identifiers and health terms before prompts are logged", -21, null, "CTL-020", "Redaction library chosen; rollout to the healthcare agents first."),
                new("Cut full-prompt retention in Datadog to 90 days", -60, 58, "CTL-012")]),
        new("R-009", AiAgents, Cto, "Marketing agents write misleading advertising claims",
            "The copywriting and SEO agents produce campaign copy that clients publish.",
            "Copy makes unsubstantiated health, environmental or comparative claims, and the client faces action from the advertising regulator.",
            "Marketing output has no licensed reviewer; client marketers may publish drafts as they are.",
            ["Campaign copywriting agent", "SEO content optimisation agent", "Advertising claims compliance agent", "Marketing claims and brand corpus", "Gemini 2.5 Flash"],
            (3, 3), "Evaluation before release; clients told that copy needs their approval.",
            ["CTL-008", "CTL-021"], ["CTL-017"], RiskTreatment.Mitigate,
            "Every draft passes the advertising claims compliance agent, which asks for substantiation of each claim before the copy is released to the client.",
            (2, 2), "Low", RiskStatus.Treated, 500,
            Tasks: [new("Claims checker pass on every campaign draft", -100, 110, "CTL-008")]),
        new("R-010", AiAgents, Cto, "Social media response agent posts harmful replies in a client's name",
            "The agent could reply to comments on clients' social accounts without a person approving each reply.",
            "A provocative post draws an offensive, inaccurate or confidential reply that is published in the client's name within minutes.",
            "Autonomous posting mode, and the agent's activity is not yet covered by the logging control.",
            ["Social media response agent", "Client marketing briefs and campaign data", "Gemini 2.5 Flash"],
            (3, 4), "Evaluation against the harmful output red-team set before release.",
            ["CTL-008"], ["CTL-012"], RiskTreatment.Avoid,
            "Autonomous posting is withdrawn: the agent only drafts replies, which the client's social media manager approves.",
            (1, 3), "Low", RiskStatus.Treated, 470,
            Tasks: [new("Switch every client to draft-only replies", -180, 185),
                new("Apply the logging control to the social media response agent", 30, null, "CTL-012")]),
        new("R-011", AiAgents, Ciso, "Generated images infringe third-party trade marks or copyright",
            "The brand identity and product visualisation agents generate logos and imagery for clients.",
            "A generated logo or image closely resembles a registered mark or a copyrighted work and the client is sued or must rebrand.",
            "No similarity search against trade mark registers; image models can reproduce well-known styles and marks.",
            ["Brand identity concept agent", "Product visualisation agent", "GPT Image 1"],
            (3, 3), "Clients informed that concepts need trade mark clearance; content credentials on images.",
            ["CTL-021"], ["CTL-015"], RiskTreatment.Transfer,
            "Rely on the Azure OpenAI customer copyright commitment for outputs, and put the clearance of final marks with the client in the master services agreement.",
            (2, 3), "Medium", RiskStatus.Treated, 450,
            Tasks: [new("Confirm the customer copyright commitment applies to our Azure OpenAI deployment", -150, 160, "CTL-015"),
                new("Add AI-generated design IP terms to the master services agreement", -120, 130)]),
        new("R-012", AiAgents, Ciso, "High-risk triage agents not ready for EU AI Act conformity",
            "Three healthcare agents are classified high risk under the EU AI Act.",
            "A market surveillance authority or a client's notified body finds the technical documentation and quality management system incomplete, and clients must stop using the agents.",
            "The quality management system and technical documentation are still being written.",
            ["Telehealth symptom triage support agent", "Urgent care triage support agent", "Clinical trial eligibility screening agent"],
            (3, 5), "Impact assessments; AI governance roles.",
            ["CTL-002", "CTL-009"], ["CTL-001", "CTL-011"], RiskTreatment.Mitigate,
            "Gap assessment against the Act's requirements, then technical documentation and QMS procedures for the three agents before the obligations apply.",
            (2, 4), "Medium", RiskStatus.InTreatment, 610, ReviewInDays: -35,
            Tasks: [new("Gap assessment against the AI Act quality management system requirements", -30, 35, "CTL-001"),
                new("Draft the technical documentation for the three high-risk agents", 60, null, "CTL-009")]),
        new("R-013", AiAgents, Cto, "Clinical documentation agent records the wrong medication or dose",
            "The agent drafts consultation notes and letters from recorded consultations.",
            "A misheard drug name or dose is written into the patient record and acted on later.",
            "Speech recognition and summarising errors on drug names; clinicians sign notes quickly.",
            ["Clinical documentation agent", "Clinical coding agent", "Lumen Clinical LLM", "Client health information"],
            (3, 4), "Clinician signs every note; evaluation before release.",
            ["CTL-008", "CTL-010"], ["CTL-009"], RiskTreatment.Undecided, "",
            null, null, RiskStatus.Assessed, 375),
        new("R-014", AiAgents, Cto, "Engineering agents accept unsafe structural calculations",
            "The structural and building services agents check engineers' calculations for clients.",
            "A wrong load combination or unit error passes the check and a design defect is built.",
            "Chartered engineers sign off a sample of checks, not every one.",
            ["Structural calculation checking agent", "Building services load calculation agent", "Engineering codes corpus"],
            (2, 5), "Evaluation before release; client documentation of limits.",
            ["CTL-008", "CTL-021"], ["CTL-010"], RiskTreatment.Mitigate,
            "A chartered engineer signs every structural check before it is returned to the client.",
            (1, 5), "Medium", RiskStatus.InTreatment, 400,
            Tasks: [new("Chartered engineer signs every structural check, not a sample", 14, null, "CTL-010")]),
        new("R-015", AiAgents, Cto, "Code review and test agents introduce vulnerabilities into client code",
            "The code review and test automation agents propose changes to client repositories.",
            "An agent suggests insecure code or a vulnerable dependency that the client merges.",
            "Agent suggestions were not scanned before being offered.",
            ["Code review agent", "Test automation agent", "Client engineering project data"],
            (3, 3), "Secure development practices; evaluation before release.",
            ["CTL-007", "CTL-008"], ["CTL-014"], RiskTreatment.Mitigate,
            "Dependency and static analysis scanning of every suggested change before it is shown to the client.",
            (2, 2), "Low", RiskStatus.Treated, 400,
            Tasks: [new("Scan agent-suggested changes for vulnerable dependencies and insecure code", -80, 90, "CTL-014")]),
        new("R-016", AiAgents, Ciso, "Business credit assessment agent is biased against some founders",
            "The agent scores credit applications for lender clients.",
            "Businesses led by ethnic-minority or female founders, or in some postcodes, get systematically lower scores, and lenders face discrimination claims.",
            "The fine-tuning data reflects historic lending decisions; no fairness metric was tracked.",
            ["Business credit assessment agent", "Financial advisory fine-tuning set", "Lumen Finance LLM"],
            (3, 4), "Human review of every decision by the lender's credit officer; impact assessment.",
            ["CTL-009", "CTL-010"], ["CTL-008", "CTL-011"], RiskTreatment.Mitigate,
            "Fairness evaluation by founder demographics and region in every release; rebalance and document the fine-tuning set.",
            (2, 4), "Medium", RiskStatus.InTreatment, 420,
            Tasks: [new("Fairness evaluation by founder demographics and region", -45, 50, "CTL-008"),
                new("Rebalance the fine-tuning set and document its provenance", 75, null, "CTL-011")]),
        new("R-017", AiAgents, Ciso, "AML screening support agent misses a sanctioned party",
            "The agent prepares sanctions and PEP screening for the clients' compliance teams.",
            "A sanctioned party with a transliterated name is not flagged and the client onboards it.",
            "Fuzzy matching across scripts is imperfect; list updates depend on the data supplier.",
            ["AML screening support agent", "Client financial records"],
            (2, 5), "Client MLRO decides on every match; evaluation before release.",
            ["CTL-008", "CTL-010"], [], RiskTreatment.Transfer,
            "The screening decision stays with the client's MLRO by contract; the sanctions data supplier's contract covers list currency.",
            (2, 4), "Medium", RiskStatus.Treated, 480,
            Tasks: [new("Contract clause: screening decisions stay with the client's MLRO", -200, 210)]),

        // ---- Cloud infrastructure ----
        new("R-018", Cloud, Ciso, "Misconfigured cloud storage exposes client files",
            "Client files are held in storage across AWS, Google Cloud and Azure.",
            "A bucket or blob container is made public by mistake and client data is indexed or downloaded.",
            "Three clouds with three policy models; posture management covered only AWS.",
            [Aws, Gcp, Azure, "Client design files and brand assets"],
            (3, 5), "Encryption; infrastructure as code with review; logging.",
            ["CTL-006", "CTL-012", "CTL-022"], ["CTL-014"], RiskTreatment.Mitigate,
            "Organisation-level policies that deny public access in all three clouds, and posture management across all of them.",
            (2, 4), "Medium", RiskStatus.InTreatment, 650,
            Tasks: [new("Deny public blob access with Azure Policy", -50, 55, "CTL-022"),
                new("Extend posture management to Google Cloud and Azure", -7, null, "CTL-014")]),
        new("R-019", Cloud, Ciso, "Takeover of a cloud administrator account",
            "A small number of engineers administer the three clouds.",
            "Phishing or session theft gives an attacker administrator access to production.",
            "Break-glass accounts sat outside SSO; administrator sessions were long.",
            [Okta, Aws, Gcp, Azure, "FIDO2 security keys"],
            (3, 5), "SSO with MFA; quarterly access reviews; alerting.",
            ["CTL-004", "CTL-005", "CTL-012"], [], RiskTreatment.Mitigate,
            "FIDO2 keys for every administrator; break-glass accounts vaulted with alerting on use; one-hour administrator sessions.",
            (1, 5), "Medium", RiskStatus.Treated, 690,
            Tasks: [new("FIDO2 keys for every cloud administrator", -220, 230, "CTL-004"),
                new("Vault the break-glass accounts and alert on use", -160, 170, "CTL-012")]),
        new("R-020", Cloud, Cto, "A cloud region outage stops a whole service line",
            "Each service line runs in one region of one cloud.",
            "A regional outage longer than a day stops the agents of that service line and breaches client SLAs.",
            "No tested fail-over to another region or cloud yet.",
            [Aws, Gcp, Azure, Orchestration, "Client web app and API"],
            (3, 4), "Daily backups in a second region with quarterly restore tests.",
            ["CTL-016"], ["CTL-023"], RiskTreatment.Mitigate,
            "Fail-over runbooks per service line to a second cloud, tested yearly.",
            (2, 4), "Medium", RiskStatus.InTreatment, 580,
            Tasks: [new("Fail-over runbook for the legal agents to Azure", 90, null, "CTL-023"),
                new("First multi-cloud fail-over test", 150, null, "CTL-023")]),
        new("R-021", Cloud, Cto, "Secrets leaked in source code or CI logs",
            "Cloud keys and API tokens are used by the pipelines.",
            "A committed or logged secret is found by an attacker and used against production.",
            "Long-lived cloud keys were stored as CI secrets.",
            ["Lumen platform source code", GitHub, "CI/CD pipelines"],
            (3, 4), "Secret scanning on every change; vulnerability management.",
            ["CTL-007", "CTL-014"], ["CTL-022"], RiskTreatment.Mitigate,
            "Replace stored cloud keys with OIDC federation so the pipelines hold no long-lived secrets.",
            (1, 4), "Low", RiskStatus.Treated, 660,
            Tasks: [new("Replace CI cloud keys with OIDC federation", -130, 140, "CTL-022")]),
        new("R-022", Cloud, Cto, "Compromised open-source dependency or GitHub Action",
            "The platform uses hundreds of open-source packages and third-party Actions.",
            "A malicious package version or hijacked Action runs in CI with access to deployment credentials.",
            "Actions were referenced by tag; no SBOM was produced.",
            ["CI/CD pipelines", "Lumen platform source code", Orchestration],
            (3, 4), "Dependency scanning; code review.",
            ["CTL-007", "CTL-014"], ["CTL-022"], RiskTreatment.Mitigate,
            "Pin Actions by commit SHA, produce an SBOM per release, and restrict CI credentials per environment.",
            (2, 4), "Medium", RiskStatus.InTreatment, 410,
            Tasks: [new("Pin GitHub Actions by commit SHA", -20, 25, "CTL-007"),
                new("Produce an SBOM for every release", 45, null, "CTL-014")]),
        new("R-023", Cloud, Ciso, "Ransomware or destructive attack on production data",
            "Production data and the practice management archive are the company's memory of every engagement.",
            "An attacker with production access encrypts or deletes data and backups.",
            "Backups live in the same cloud account family as production.",
            [Practice, Aws, "Client legal matter files"],
            (2, 5), "Daily encrypted backups with restore tests; SSO with MFA.",
            ["CTL-004", "CTL-006", "CTL-016"], ["CTL-013"], RiskTreatment.Mitigate,
            "Immutable (object-lock) backups in a separate account; ransomware scenario added to the incident response plan.",
            (1, 4), "Low", RiskStatus.InTreatment, 540,
            Tasks: [new("Object-lock immutable backups in a separate AWS account", 30, null, "CTL-016"),
                new("Restore test of the practice management export", -5, 6, "CTL-016")]),
        new("R-024", Cloud, Cto, "Runaway agent loops exhaust the cloud and model budget",
            "Agents call models and tools in loops, billed per token and per GPU hour.",
            "A looping agent or an abusive API client burns the monthly model budget in hours and providers throttle every client.",
            "No per-client token quota; budget alerts are monthly.",
            [Orchestration, Aws, Azure],
            (3, 3), "Monitoring of agent activity.",
            ["CTL-012"], [], RiskTreatment.Undecided, "",
            null, null, RiskStatus.Assessed, 380, ReviewInDays: -10),

        // ---- People ----
        new("R-025", People, Ciso, "Staff paste client data into consumer AI tools",
            "Everyone works with AI daily; consumer chatbots are a browser tab away.",
            "Client documents pasted into a consumer AI service are retained or used for training outside our contracts.",
            "No egress control on laptops; AI literacy training only partly rolled out.",
            ["Staff laptops", "Client legal matter files", "Client financial records"],
            (4, 4), "Acceptable use policy; managed laptops; training.",
            ["CTL-001", "CTL-017", "CTL-019"], [], RiskTreatment.Avoid,
            "Consumer AI chat services are blocked on managed laptops and every member of staff gets the approved internal assistant instead.",
            (2, 3), "Medium", RiskStatus.InTreatment, 450,
            Tasks: [new("Block consumer AI chat domains on managed laptops", -30, 35, "CTL-019"),
                new("Roll out the approved internal assistant to all staff", 20, null, "CTL-017")]),
        new("R-026", People, Ciso, "Phishing of remote staff leads to account takeover",
            "All staff work remotely for at least part of the week.",
            "A convincing, AI-written lure captures credentials or an MFA approval and the attacker reaches email and client files.",
            "Push MFA is still allowed for non-administrators.",
            [Okta, Workspace, "Staff laptops"],
            (4, 4), "SSO with MFA; managed laptops.",
            ["CTL-004", "CTL-019"], ["CTL-017"], RiskTreatment.Mitigate,
            "Phishing-resistant factors for everyone by year end; quarterly phishing simulations.",
            (2, 4), "Medium", RiskStatus.InTreatment, 690,
            Tasks: [new("Quarterly phishing simulation with AI-written lures", 25, null, "CTL-017")]),
        new("R-027", People, Cto, "Professional reviewers approve agent output without real review",
            "Licensed reviewers approve thousands of drafts a month.",
            "Automation bias: reviewers approve a wrong draft because the agent is usually right, and the error reaches the client.",
            "Throughput targets; review time per draft is not measured.",
            ["Licensed professional reviewers", "Client delivery team", Practice],
            (4, 4), "Human oversight of regulated advice; training.",
            ["CTL-010", "CTL-017"], ["CTL-012"], RiskTreatment.Mitigate,
            "Seed known errors into review queues to measure detection; show team leads the review time per draft.",
            (3, 3), "Medium", RiskStatus.InTreatment, 390,
            Tasks: [new("Seed known errors into 2% of review queues", -15, 16, "CTL-010"),
                new("Show team leads the review time per draft", 40, null, "CTL-012")]),
        new("R-028", People, Ceo, "One clinical safety officer for all healthcare agents",
            "Every healthcare agent release needs a clinical safety sign-off; Lumen has one clinical safety officer.",
            "Illness or departure of the officer halts healthcare releases and leaves clinical incidents without a qualified lead.",
            "Single point of knowledge; the second post is not yet filled.",
            ["Telehealth symptom triage support agent", "Clinical documentation agent", "Security and compliance team"],
            (3, 4), "AI governance roles documented.",
            ["CTL-002"], [], RiskTreatment.Accept,
            "Accepted while the second clinical safety officer is recruited; a locum arrangement with the clinical advisory partner covers absence.",
            (3, 4), "Medium", RiskStatus.Assessed, 410),
        new("R-029", People, Ciso, "Engineer misuses production access to client data",
            "Platform engineers can reach production data stores.",
            "An engineer browses or exports client health or financial data without a business reason.",
            "Standing production access for the on-call rota.",
            [Aws, "Client health information", "Platform engineering team"],
            (2, 5), "Screening; access reviews; logging; SSO.",
            ["CTL-004", "CTL-005", "CTL-012", "CTL-018"], [], RiskTreatment.Mitigate,
            "Just-in-time production access through Okta with a ticket reference; alerting on bulk reads.",
            (1, 4), "Low", RiskStatus.Treated, 620,
            Tasks: [new("Just-in-time production access through Okta", -90, 100, "CTL-004")]),
        new("R-030", People, Ciso, "Personal phones used for Slack and email",
            "Staff read Slack and email on their own phones.",
            "A lost or compromised personal phone exposes internal messages and occasional client names.",
            "No full device management on personal phones.",
            ["Slack", Workspace],
            (3, 3), "App protection policies; Okta device checks; remote wipe of the apps.",
            ["CTL-004", "CTL-019"], [], RiskTreatment.Accept,
            "Accept: company phones for everyone are disproportionate; app protection and remote app wipe stay in place.",
            (2, 3), "Medium", RiskStatus.Assessed, 400),
        new("R-031", People, Ciso, "Leavers and contractors keep access to GitHub",
            "GitHub accounts were managed by hand.",
            "A former contractor still has access to source code months after leaving.",
            "GitHub was not provisioned from the identity provider.",
            [GitHub, "Lumen platform source code"],
            (3, 3), "Leaver checklist; quarterly access reviews.",
            ["CTL-005"], ["CTL-004"], RiskTreatment.Mitigate,
            "Provision and deprovision GitHub through SCIM from Okta.",
            (1, 2), "Low", RiskStatus.InTreatment, 500,
            Tasks: [new("Provision GitHub through SCIM from Okta", -60, 75, "CTL-004")]),

        // ---- Suppliers ----
        new("R-032", Suppliers, Ciso, "Shared login on the payroll bureau's portal",
            "Starters, leavers and pay changes go to the payroll bureau through its portal.",
            "The shared login is phished or used by a former employee and pay data is changed or exported.",
            "One shared account for the people team; no MFA on the bureau's portal.",
            ["Payroll bureau", "Employee records"],
            (2, 4), "Supplier due diligence.",
            ["CTL-015"], ["CTL-004"], RiskTreatment.Mitigate,
            "Named accounts through SSO on the bureau's portal.",
            (1, 3), "Low", RiskStatus.InTreatment, 450,
            Tasks: [new("Named SSO accounts on the payroll portal", -40, 45, "CTL-015")]),
        new("R-033", Suppliers, Ciso, "Model providers retain or train on client prompts",
            "Client content is sent to foundation models through Bedrock, Azure OpenAI and Vertex AI.",
            "A provider stores prompts for abuse monitoring outside the EU or uses them to train, breaching client contracts and GDPR.",
            "Depends on contract terms and per-service settings we do not control.",
            ["Claude Sonnet 4", "GPT-4.1", "Gemini 2.5 Pro", Aws, Azure, Gcp],
            (2, 5), "Supplier due diligence; encryption in transit.",
            ["CTL-006", "CTL-015"], ["CTL-020"], RiskTreatment.Transfer,
            "Data processing terms with no training and no retention, EU data zones, and abuse-monitoring opt-out approved by each provider; liability sits with the provider by contract.",
            (1, 4), "Low", RiskStatus.Treated, 680,
            Tasks: [new("Abuse-monitoring opt-out approved for Azure OpenAI", -240, 250, "CTL-015")]),
        new("R-034", Suppliers, Ceo, "Professional liability for AI-assisted advice exceeds insurance cover",
            "Clients act on legal, financial and healthcare work delivered by the agents.",
            "A claim for a wrong piece of advice exceeds the professional indemnity limit or falls under an AI exclusion.",
            "Standard PI policies increasingly exclude or sub-limit AI-generated work.",
            ["Licensed professional reviewers", Practice],
            (2, 5), "Professional review; client terms limiting liability.",
            ["CTL-010", "CTL-021"], [], RiskTreatment.Transfer,
            "Renew professional indemnity insurance with an explicit AI endorsement and a higher limit for healthcare work.",
            (2, 4), "Medium", RiskStatus.InTreatment, 385,
            Tasks: [new("Renew PI insurance with an AI endorsement", 35, null)]),
        new("R-035", Suppliers, Ciso, "Compromise of the identity provider",
            "Okta is the front door to every system.",
            "An attack on Okta's own support or infrastructure exposes session tokens of our administrators.",
            "Every system trusts Okta; we depend on its incident disclosure.",
            [Okta, Aws, Workspace],
            (2, 5), "Supplier review of Okta; monitoring of Okta system logs.",
            ["CTL-012", "CTL-015"], ["CTL-013"], RiskTreatment.Mitigate,
            "Tabletop exercise for an identity provider compromise; session-revocation runbook.",
            (2, 4), "Medium", RiskStatus.InTreatment, 600,
            Tasks: [new("Identity provider compromise tabletop exercise", 20, null, "CTL-013")]),
        new("R-036", Suppliers, Cto, "Licence terms of the open-weights base model change",
            "Lumen's three fine-tuned models are built on Llama 3.1 70B Instruct under the Llama 3.1 Community Licence.",
            "Meta changes the terms for later versions, or our use breaches the acceptable use policy, and the fine-tunes must be rebuilt on another base model.",
            "All three fine-tunes depend on one licensor.",
            ["Llama 3.1 70B Instruct", "Lumen Legal LLM", "Lumen Finance LLM", "Lumen Clinical LLM"],
            (1, 4), "Supplier review of the licence.",
            ["CTL-015"], [], RiskTreatment.Accept,
            "Accept: the licence for the version we hold is perpetual and our use is well within it.",
            (1, 4), "Low", RiskStatus.Assessed, 520),
    ];

    /// <summary>What changed after the 2025 assessment (links and tasks stay as they are).</summary>
    private static Entry[] Changes2026 =>
    [
        Find("R-001") with
        {
            Status = RiskStatus.Treated, Residual = (1, 4), Target = "Low",
            Plan = Find("R-001").Plan + "\n\nDone: every legal agent release since September has passed the injection suite; residual lowered at the 2026 review.",
        },
        Find("R-013") with
        {
            Treatment = RiskTreatment.Mitigate, Status = RiskStatus.InTreatment, Residual = (2, 3), Target = "Medium",
            Plan = "Cross-check every medication and dose in a draft note against the prescribing record, highlight differences to the clinician, and complete impact assessment AIA-004.",
        },
        Find("R-031") with { Status = RiskStatus.Closed, Plan = Find("R-031").Plan + "\n\nClosed: GitHub is provisioned from Okta; the March access review found no stale accounts." },
        Find("R-032") with { Status = RiskStatus.Closed, Plan = Find("R-032").Plan + "\n\nClosed: the bureau moved to named SSO accounts and retired the shared login." },
        Find("R-036") with
        {
            Vulnerability = "All three fine-tunes depend on one licensor, and the licence for newer Llama releases restricts some uses in the EU, so the upgrade path for the fine-tunes is uncertain.",
            Residual = (2, 4), Status = RiskStatus.Accepted,
        },
    ];

    private static readonly Step[] R013Tasks =
    [
        new("Cross-check medications and doses against the prescribing record", 45, null, "CTL-008"),
        new("Complete impact assessment AIA-004 for the clinical documentation agent", 30, null, "CTL-009"),
    ];

    /// <summary>Found since the 2025 assessment.</summary>
    private static readonly Entry[] New2026 =
    [
        new("R-037", AiAgents, Cto, "Agents act beyond their remit through tool connectors",
            "The engineering knowledge assistant and the pilot agents now call tools (ticketing, repositories, calendars) through connectors.",
            "A prompt-injected or confused agent uses a connector to change or disclose data the user did not intend.",
            "Connectors run with the user's full permissions; no allow-list per agent yet.",
            [Orchestration, "Engineering knowledge assistant"],
            null, "", [], [], RiskTreatment.Undecided, "", null, null, RiskStatus.Identified, 25, ReviewInDays: 14),
        new("R-038", AiAgents, Ciso, "Obligations for general-purpose AI models apply to our fine-tunes",
            "Fine-tuning a general-purpose model can make Lumen a provider of a modified model under the EU AI Act.",
            "Documentation and transparency obligations for general-purpose AI models are missed and clients' conformity work relies on us.",
            "No legal analysis yet of whether our fine-tunes count as substantial modifications.",
            ["Lumen Legal LLM", "Lumen Finance LLM", "Lumen Clinical LLM"],
            null, "", [], [], RiskTreatment.Undecided, "", null, null, RiskStatus.Identified, 18, ReviewInDays: 21),
        new("R-039", People, Ciso, "Deepfake impersonation of an executive to authorise a payment",
            "Peers reported voice and video calls faking their CEO to push urgent payments.",
            "Finance staff receive a convincing video call from 'the CEO' and pay a fraudulent supplier invoice.",
            "Payments can be approved by one person after a call; executives' voices and faces are public.",
            ["Client delivery team", Workspace],
            (3, 4), "Awareness training.",
            ["CTL-017"], [], RiskTreatment.Undecided, "", null, null, RiskStatus.Assessed, 40),
        new("R-040", Suppliers, Cto, "Cross-region inference sends prompts outside the EU",
            "Amazon Bedrock offers cross-region inference profiles that route requests to other regions at peak load.",
            "A profile enabled for capacity sends client prompts to a region outside the EU, breaching client contracts.",
            "Inference profiles are chosen per model in agent configuration, without a guardrail.",
            ["Claude Sonnet 4", Aws, Orchestration],
            (3, 4), "Supplier review; change management.",
            ["CTL-015", "CTL-022"], ["CTL-012"], RiskTreatment.Mitigate,
            "Allow only EU inference profiles through a service control policy, and alert on any request served outside the EU.",
            (1, 4), "Low", RiskStatus.InTreatment, 30,
            Tasks: [new("Service control policy allowing only EU inference profiles", 7, null, "CTL-022"),
                new("Alert on Bedrock requests served outside the EU", 21, null, "CTL-012")]),
    ];
}
