using Attest.AiSystems;
using Attest.Assets;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's asset inventory and AI registry: the cloud estate, client data by service line, the models
/// and datasets behind the agents, three AI system classes with their required baselines, the 51 agents, and four
/// impact assessments in the states a real programme is in. Everything goes through the same use cases people use.
/// By design 47 of the 51 agents are fully covered: three lack the logging control, and one still in validation has
/// no client documentation yet.
/// </summary>
public sealed class DemoAssets(AttestDbContext db, SaveAsset saveAsset, SaveAiSystem saveAiSystem, SaveAiSystemClass saveClass, SaveImpactAssessment saveAssessment,
    EditImpactAssessmentContent content, ImpactAssessmentWorkflow workflow)
{
    public const string ProfessionalClass = "Client-facing professional agent";
    public const string TechnicalClass = "Client-facing technical and creative agent";
    public const string InternalClass = "Internal assistant";

    /// <summary>Agents whose logging control has not been applied yet (a deliberate coverage gap).</summary>
    public static readonly string[] WithoutLogging = ["Lease review agent", "Social media response agent", "UX copy agent"];
    /// <summary>In validation; the client documentation (CTL-021) is still being written.</summary>
    public const string WithoutClientInformation = "Clinical trial eligibility screening agent";
    /// <summary>Regulated agents whose professional disclaimer is required but not yet implemented.</summary>
    public static readonly string[] MissingDisclaimer = ["Employment law advice agent", "VAT return preparation agent"];
    /// <summary>The financial model whose new version puts the financial advice assessment back to "reassessment due".</summary>
    public const string ChangedModel = "Lumen Finance LLM";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: the registry is only filled once.
        if (await db.AiSystems.AnyAsync(cancellationToken)) return;
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        Dictionary<string, Guid> levels;
        using (ActAs(people, OrganizationRole.Manager))
        {
            await DefaultClassifications.EnsureAsync(db, cancellationToken);
            levels = await db.ClassificationLevels.ToDictionaryAsync(l => l.Name, l => l.Id, cancellationToken);
            foreach (var item in Inventory) ids[item.Key] = await saveAsset.RunAsync(null, InputOf(item, people, levels, ids), cancellationToken);
        }

        var controls = await db.Controls.ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var classes = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var agents = new Dictionary<string, Guid>(StringComparer.Ordinal);
        using (ActAs(people, OrganizationRole.Contributor))
        {
            foreach (var item in ModelsAndDatasets) ids[item.Key] = await saveAsset.RunAsync(null, InputOf(item, people, levels, ids), cancellationToken);
            foreach (var (name, description, baseline) in Classes) classes[name] = await saveClass.RunAsync(null, name, description, baseline, cancellationToken: cancellationToken);
            foreach (var agent in Agents)
            {
                var line = Lines[agent.Category];
                agents[agent.Name] = await saveAiSystem.RunAsync(null, AgentInput(agent, line, people, levels, ids, classes, controls), cancellationToken);
            }
        }

        await AssessAsync(people, HealthcareTriage, agents, controls, OrganizationRole.Manager, OrganizationRole.Admin, Outcome.Approved, cancellationToken);
        await AssessAsync(people, FinancialAdvice, agents, controls, OrganizationRole.Manager, OrganizationRole.Admin, Outcome.Approved, cancellationToken);
        await AssessAsync(people, ContractDrafting, agents, controls, OrganizationRole.Employee, OrganizationRole.Manager, Outcome.Reviewed, cancellationToken);
        await AssessAsync(people, ClinicalDocumentation, agents, controls, OrganizationRole.Manager, OrganizationRole.Admin, Outcome.Draft, cancellationToken);

        // The fine-tuned finance model was retrained after the financial advice assessment was approved: that makes it due again.
        using (ActAs(people, OrganizationRole.Contributor))
        {
            var model = ModelsAndDatasets.Single(m => m.Name == ChangedModel);
            var version = await db.Assets.Where(a => a.Id == ids[model.Key]).Select(a => a.Version).SingleAsync(cancellationToken);
            await saveAsset.RunAsync(ids[model.Key], InputOf(model with { VersionLabel = "finance-ft-2026.01" }, people, levels, ids) with { Version = version }, cancellationToken);
        }
    }

    private IDisposable ActAs(IReadOnlyDictionary<OrganizationRole, Guid> people, OrganizationRole role)
    {
        var local = role switch { OrganizationRole.Admin => "admin", OrganizationRole.Manager => "ciso", OrganizationRole.Contributor => "owner", _ => "employee" };
        return db.Acting.ActAs(people[role], $"{local}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
    }

    private enum Outcome { Draft, Reviewed, Approved }

    private async Task<Guid> AssessAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, Assessment assessment, Dictionary<string, Guid> agents,
        Dictionary<string, Guid> controls, OrganizationRole owner, OrganizationRole approver, Outcome outcome, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        Guid id;
        using (ActAs(people, owner))
        {
            id = await saveAssessment.RunAsync(null, new ImpactAssessmentInput(assessment.Title, assessment.Systems.Select(s => agents[s]).ToList(), assessment.Scope,
                assessment.Description, assessment.Conclusion, people[owner], people[OrganizationRole.Contributor], people[approver],
                assessment.ReviewInMonths is { } months ? today.AddMonths(months) : null), cancellationToken);
            var parties = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var party in assessment.Parties)
            {
                parties[party.Key] = await content.AddAffectedPartyAsync(id, new AffectedPartyInput(party.Name, party.Kind, party.Description), cancellationToken);
            }
            foreach (var impact in assessment.Impacts)
            {
                await content.SaveImpactAsync(id, null, new ImpactEntryInput(parties[impact.Party], impact.Dimension, impact.Nature, impact.Description, impact.Severity,
                    impact.Likelihood, impact.Mitigation, impact.ResidualSeverity, impact.ResidualLikelihood, impact.Controls.Select(c => controls[c]).ToList()), cancellationToken);
            }
            foreach (var said in assessment.Inputs)
            {
                await content.AddStakeholderInputAsync(id, new StakeholderInputInput(said.Who, today.AddDays(-said.DaysAgo), said.Said), cancellationToken);
            }
            if (outcome == Outcome.Draft) return id;
            var version = await db.ImpactAssessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(cancellationToken);
            await workflow.SubmitAsync(id, version, cancellationToken);
        }
        using (ActAs(people, OrganizationRole.Contributor)) await workflow.ReviewAsync(id, cancellationToken);
        if (outcome == Outcome.Approved)
        {
            using (ActAs(people, approver)) await workflow.ApproveAsync(id, cancellationToken: cancellationToken);
        }
        return id;
    }

    private static AssetInput InputOf(Item item, IReadOnlyDictionary<OrganizationRole, Guid> people, Dictionary<string, Guid> levels, Dictionary<string, Guid> ids) =>
        new(item.Name, item.Type, item.Description, OwnerId: people[item.Owner], Custodian: item.Custodian, ClassificationId: levels[item.Level],
            Confidentiality: item.C, Integrity: item.I, Availability: item.A, Criticality: item.Criticality, Location: item.Location, Tags: item.Tags,
            Provider: item.Provider, VersionLabel: item.VersionLabel, Origin: item.Origin,
            DependsOn: item.DependsOn.Select(d => new DependencyInput(ids[d.Key], d.Kind)).ToList());

    private static AiSystemInput AgentInput(Agent agent, Line line, IReadOnlyDictionary<OrganizationRole, Guid> people, Dictionary<string, Guid> levels,
        Dictionary<string, Guid> ids, Dictionary<string, Guid> classes, Dictionary<string, Guid> controls)
    {
        var className = agent.Internal ? InternalClass : line.Class;
        var applied = (agent.Internal ? InternalControls : line.Class == ProfessionalClass ? ProfessionalControls : TechnicalControls).ToList();
        if (WithoutLogging.Contains(agent.Name)) applied.Remove("CTL-012");
        if (agent.Name == WithoutClientInformation) applied.Remove("CTL-021");
        var critical = agent.EuAiAct == EuAiActCategory.High;
        var dependencies = line.Models.Select(m => new DependencyInput(ids[m], DependencyKind.Uses))
            .Append(new DependencyInput(ids["embedding"], DependencyKind.Uses))
            .Append(new DependencyInput(ids[line.Cloud], DependencyKind.RunsOn))
            .Append(new DependencyInput(ids[line.ClientData], DependencyKind.Processes))
            .Append(new DependencyInput(ids[line.Corpus], DependencyKind.Processes))
            .Append(new DependencyInput(ids["orchestration"], DependencyKind.DependsOn))
            .ToList();
        var asset = new AssetInput(agent.Name, AssetType.AiSystem, agent.Purpose, OwnerId: people[OrganizationRole.Contributor], Custodian: line.Team,
            ClassificationId: levels[line.Level], Confidentiality: line.C, Integrity: line.I, Availability: line.A,
            Criticality: critical ? Criticality.Critical : line.Criticality, Location: line.Regions,
            Lifecycle: agent.Stage is AiLifecycleStage.Design or AiLifecycleStage.Development or AiLifecycleStage.Validation ? AssetLifecycle.Planned : AssetLifecycle.InUse,
            Tags: string.Join(", ", new[] { line.Tag, agent.Internal ? "internal" : "client-facing", line.DisclaimerRequired ? "regulated" : "" }.Where(t => t.Length > 0)),
            DependsOn: dependencies);
        var disclaimer = line.DisclaimerRequired && !MissingDisclaimer.Contains(agent.Name);
        return new AiSystemInput(asset, classes[className], agent.Purpose, agent.IntendedUse, agent.Misuse, agent.Category, agent.Clients, line.TrainingData,
            agent.Deployment, line.Regions, agent.Autonomy, agent.Oversight ?? line.Oversight, line.DisclaimerRequired, disclaimer, disclaimer ? line.DisclaimerWhere : null,
            agent.EuAiAct, agent.EuAiActReason ?? line.EuAiActReason, agent.Stage, applied.Select(c => controls[c]).ToList());
    }

    // ---- Inventory ----

    private sealed record Item(string Key, string Name, AssetType Type, string Description, OrganizationRole Owner, string Custodian, string Level, int C, int I, int A,
        Criticality Criticality, string Location, string Tags, (string Key, DependencyKind Kind)[] DependsOn, string Provider = "", string VersionLabel = "",
        ModelOrigin Origin = ModelOrigin.NotApplicable);

    private static (string, DependencyKind) Uses(string key) => (key, DependencyKind.Uses);
    private static (string, DependencyKind) RunsOn(string key) => (key, DependencyKind.RunsOn);
    private static (string, DependencyKind) Processes(string key) => (key, DependencyKind.Processes);
    private static (string, DependencyKind) TrainedOn(string key) => (key, DependencyKind.TrainedOn);
    private static (string, DependencyKind) DependsOn(string key) => (key, DependencyKind.DependsOn);

    private const OrganizationRole Ceo = OrganizationRole.Admin;
    private const OrganizationRole Ciso = OrganizationRole.Manager;
    private const OrganizationRole Cto = OrganizationRole.Contributor;

    private static readonly Item[] Inventory =
    [
        new("aws", "Amazon Web Services (eu-west-1)", AssetType.Service,
            "Primary cloud for the legal and engineering agents, the agent orchestration service and the client web app. Organization with separate production, staging and security accounts; access through SSO only.",
            Cto, "Platform engineering team", "Confidential", 4, 4, 4, Criticality.Critical, "eu-west-1 (Ireland); backups in eu-central-1", "cloud, production, supplier", [], Provider: "Amazon Web Services"),
        new("gcp", "Google Cloud (europe-west4)", AssetType.Service,
            "Hosts the healthcare and marketing agents and the fine-tuned clinical model on Vertex AI. Assured Workloads EU boundary for the healthcare projects.",
            Cto, "Platform engineering team", "Restricted", 4, 4, 4, Criticality.Critical, "europe-west4 (Netherlands)", "cloud, production, supplier", [], Provider: "Google Cloud"),
        new("azure", "Microsoft Azure (westeurope)", AssetType.Service,
            "Hosts the financial and design agents, Azure OpenAI deployments and the fine-tuned finance model. Subscriptions per environment under one tenant.",
            Cto, "Platform engineering team", "Confidential", 4, 4, 4, Criticality.Critical, "westeurope (Netherlands)", "cloud, production, supplier", [], Provider: "Microsoft"),
        new("okta", "Okta Workforce Identity", AssetType.Service,
            "Single sign-on and MFA for every staff account, the three cloud consoles and all SaaS tools. Phishing-resistant factors required for administrators.",
            Ciso, "Security and compliance team", "Restricted", 4, 4, 4, Criticality.Critical, "Okta EU cell", "identity, saas, supplier", [], Provider: "Okta"),
        new("github", "GitHub Enterprise Cloud", AssetType.Service,
            "Source code hosting, pull request review and GitHub Actions runners. Branch protection on every production repository.",
            Cto, "Platform engineering team", "Confidential", 3, 4, 3, Criticality.High, "GitHub EU data residency", "saas, engineering, supplier", [Uses("okta")], Provider: "GitHub"),
        new("workspace", "Google Workspace", AssetType.Service,
            "Email, calendar, documents and shared drives for all staff. Client deliverables are not stored here; they stay in the practice management system.",
            Ciso, "IT operations", "Confidential", 3, 3, 3, Criticality.High, "EU data regions", "saas, collaboration, supplier", [Uses("okta")], Provider: "Google"),
        new("slack", "Slack", AssetType.Service,
            "Internal messaging and on-call alert channels. Client data must not be posted; a DLP rule blocks health and card data patterns.",
            Ciso, "IT operations", "Internal", 2, 2, 3, Criticality.Medium, "EU data residency", "saas, collaboration, supplier", [Uses("okta")], Provider: "Salesforce"),
        new("datadog", "Datadog", AssetType.Service,
            "Central logging, metrics, traces and security monitoring for the platform and agent activity; 15-month retention for audit logs.",
            Ciso, "Security and compliance team", "Confidential", 3, 4, 3, Criticality.High, "Datadog EU1 (Germany)", "saas, monitoring, supplier", [Uses("okta")], Provider: "Datadog"),
        new("crm", "HubSpot CRM", AssetType.Service,
            "Sales pipeline and client contacts; no matter or engagement content.",
            Ceo, "Sales team", "Confidential", 3, 2, 2, Criticality.Medium, "HubSpot EU data centre", "saas, sales, supplier", [Uses("okta")], Provider: "HubSpot"),
        new("practice", "Practice management system", AssetType.Service,
            "Matters, engagements, time recording and the deliverable archive for all six service lines; every agent output is filed here with its reviewer's sign-off.",
            Cto, "Client delivery team", "Restricted", 4, 4, 3, Criticality.High, "EU (Frankfurt)", "saas, delivery, supplier", [Uses("okta")], Provider: "Clio"),
        new("payroll", "Payroll bureau", AssetType.Service,
            "Outsourced UK and EU payroll; receives monthly starters, leavers and pay changes over an encrypted portal.",
            Ceo, "People team", "Restricted", 4, 4, 2, Criticality.Medium, "United Kingdom", "outsourced, people, supplier", [], Provider: "Payroll bureau (outsourced)"),

        new("legal-data", "Client legal matter files", AssetType.Information,
            "Documents clients send for legal work: contracts, correspondence, board papers, disclosure sets. Often legally privileged and containing personal data of clients' staff and counterparties.",
            Ciso, "Legal delivery team", "Restricted", 4, 4, 3, Criticality.Critical, "AWS eu-west-1", "client data, legal, personal data", [RunsOn("aws")]),
        new("financial-data", "Client financial records", AssetType.Information,
            "Ledgers, bank feeds, management accounts, tax computations and payroll summaries of business clients.",
            Ciso, "Financial delivery team", "Confidential", 4, 4, 3, Criticality.High, "Azure westeurope", "client data, financial", [RunsOn("azure")]),
        new("health-data", "Client health information", AssetType.Information,
            "Patient presenting complaints, histories, observations and consultation notes sent by healthcare clients: special-category personal data under GDPR Art. 9.",
            Ciso, "Healthcare delivery team", "Restricted", 4, 4, 4, Criticality.Critical, "Google Cloud europe-west4", "client data, healthcare, special category", [RunsOn("gcp")]),
        new("engineering-data", "Client engineering project data", AssetType.Information,
            "Drawings, calculation packages, site photos, specifications and client source code shared for engineering engagements.",
            Ciso, "Engineering delivery team", "Confidential", 3, 4, 2, Criticality.High, "AWS eu-west-1", "client data, engineering", [RunsOn("aws")]),
        new("marketing-data", "Client marketing briefs and campaign data", AssetType.Information,
            "Briefs, brand guidelines, campaign plans, ad account exports and audience research; some contains customer personal data in aggregated reports.",
            Ciso, "Marketing delivery team", "Confidential", 3, 3, 2, Criticality.Medium, "Google Cloud europe-west4", "client data, marketing", [RunsOn("gcp")]),
        new("design-data", "Client design files and brand assets", AssetType.Information,
            "Brand identities, design system libraries, UI files and unreleased product imagery; commercially sensitive before launch.",
            Ciso, "Design delivery team", "Confidential", 3, 3, 2, Criticality.Medium, "Azure westeurope", "client data, design", [RunsOn("azure")]),
        new("agent-logs", "Agent prompts and output logs", AssetType.Information,
            "Every prompt, retrieved passage, model output and reviewer decision of every agent, kept for audit and incident investigation.",
            Ciso, "AI operations team", "Confidential", 4, 4, 2, Criticality.High, "Datadog EU1 and each cloud region", "logs, ai, audit", [RunsOn("datadog")]),
        new("hr-records", "Employee records", AssetType.Information,
            "Contracts, right-to-work checks, screening results, performance and absence records of staff and contractors.",
            Ceo, "People team", "Restricted", 4, 3, 2, Criticality.Medium, "HR system (EU)", "people, personal data", [Processes("payroll")]),

        new("source", "Lumen platform source code", AssetType.Software,
            "Monorepo for the agent orchestration service, the client web app and API, evaluation harnesses and infrastructure as code.",
            Cto, "Platform engineering team", "Confidential", 3, 4, 3, Criticality.High, "GitHub Enterprise Cloud", "software, engineering", [RunsOn("github")]),
        new("orchestration", "Agent orchestration service", AssetType.Software,
            "Runs every agent: routes requests, calls models, enforces guardrails and red-flag rules, queues outputs for professional review and writes the agent logs.",
            Cto, "Platform engineering team", "Confidential", 4, 4, 4, Criticality.Critical, "eu-west-1, europe-west4, westeurope", "software, ai, production",
            [RunsOn("aws"), RunsOn("gcp"), RunsOn("azure"), Uses("okta"), Processes("agent-logs")], VersionLabel: "2026.02"),
        new("webapp", "Client web app and API", AssetType.Software,
            "Where clients submit work, follow its review and download deliverables; the API lets clients integrate their own systems.",
            Cto, "Platform engineering team", "Confidential", 3, 4, 4, Criticality.Critical, "AWS eu-west-1", "software, client-facing, production",
            [RunsOn("aws"), DependsOn("orchestration"), Uses("okta")], VersionLabel: "2026.02"),
        new("cicd", "CI/CD pipelines", AssetType.Software,
            "GitHub Actions workflows that test, scan, evaluate and deploy every change to the three clouds; production deploys need an approved pull request.",
            Cto, "Platform engineering team", "Confidential", 3, 4, 3, Criticality.High, "GitHub Actions", "software, engineering, deployment",
            [RunsOn("github"), Processes("source"), DependsOn("aws"), DependsOn("gcp"), DependsOn("azure")]),

        new("laptops", "Staff laptops", AssetType.Hardware,
            "About 140 company MacBooks, enrolled in device management, with disk encryption, endpoint protection and automatic updates; issued to every employee and contractor.",
            Ciso, "IT operations", "Confidential", 3, 3, 2, Criticality.Medium, "Remote: staff homes in the UK and EU; London office", "endpoint, remote work", [Uses("okta")]),
        new("keys", "FIDO2 security keys", AssetType.Hardware,
            "Hardware keys issued to administrators and on-call engineers as their phishing-resistant second factor; a spare per person held in the office safe.",
            Ciso, "Security and compliance team", "Restricted", 4, 4, 3, Criticality.High, "With key holders; spares in the London office", "identity, endpoint", [Uses("okta")]),

        new("delivery-team", "Client delivery team", AssetType.PeopleGroup,
            "Engagement managers and legal, financial, clinical, engineering and creative specialists who scope client work and operate the agents for each client.",
            Ceo, "Head of client delivery", "Internal", 3, 3, 3, Criticality.High, "Remote (UK and EU) and London office", "people, delivery", [Uses("laptops")]),
        new("reviewers", "Licensed professional reviewers", AssetType.PeopleGroup,
            "Solicitors, chartered accountants, an FCA-authorised adviser, registered clinicians and chartered engineers who review regulated agent output before it reaches clients.",
            Ceo, "Head of client delivery", "Internal", 3, 4, 3, Criticality.Critical, "Remote (UK and EU)", "people, human oversight, regulated", [Uses("laptops"), Uses("practice")]),
        new("platform-team", "Platform engineering team", AssetType.PeopleGroup,
            "Engineers who build and run the platform, the clouds and the CI/CD pipelines, including the on-call rota.",
            Cto, "CTO", "Internal", 3, 3, 3, Criticality.High, "Remote (UK and EU)", "people, engineering", [Uses("laptops"), Uses("keys")]),
        new("security-team", "Security and compliance team", AssetType.PeopleGroup,
            "The CISO, a security engineer and a compliance analyst who run the ISMS and AIMS, monitoring and incident response.",
            Ciso, "CISO", "Internal", 3, 3, 3, Criticality.High, "London office and remote", "people, security", [Uses("laptops"), Uses("keys")]),
        new("office", "London head office", AssetType.Location,
            "Serviced office floor in central London for about 30 desks, meeting rooms and the key safe; no servers or network equipment of our own.",
            Ceo, "Office manager", "Internal", 2, 2, 2, Criticality.Low, "London, United Kingdom", "premises", []),
    ];

    private static readonly Item[] ModelsAndDatasets =
    [
        new("ft-legal-set", "Legal drafting fine-tuning set", AssetType.Dataset,
            "About 18,000 clause and agreement examples from Lumen's own precedent bank plus licensed, anonymised transaction documents; no client matter data.",
            Cto, "AI operations team", "Confidential", 3, 4, 2, Criticality.High, "AWS eu-west-1 (S3)", "fine-tuning, legal", [], Provider: "Lumen (own) and licensed publisher", VersionLabel: "2025-10"),
        new("ft-finance-set", "Financial advisory fine-tuning set", AssetType.Dataset,
            "About 9,500 past advice reports with client names, figures and identifiers removed, and synthetic worked examples written by Lumen accountants.",
            Cto, "AI operations team", "Confidential", 3, 4, 2, Criticality.High, "Azure westeurope (Blob Storage)", "fine-tuning, financial", [], Provider: "Lumen (own)", VersionLabel: "2025-12"),
        new("ft-clinical-set", "Clinical triage fine-tuning set", AssetType.Dataset,
            "About 40,000 de-identified triage conversations licensed from two private healthcare providers under a data sharing agreement, with clinician-confirmed urgency labels.",
            Cto, "AI operations team", "Restricted", 4, 4, 2, Criticality.Critical, "Google Cloud europe-west4", "fine-tuning, healthcare, special category", [], Provider: "Licensed from healthcare providers", VersionLabel: "2025-08"),
        new("eval-legal", "Legal evaluation suite", AssetType.Dataset,
            "600 drafting and review tasks with solicitor-marked answers, including clause omissions planted on purpose.",
            Cto, "AI operations team", "Confidential", 2, 4, 2, Criticality.High, "AWS eu-west-1", "evaluation, legal", [], Provider: "Lumen (own)", VersionLabel: "v7"),
        new("eval-finance", "Financial evaluation suite", AssetType.Dataset,
            "400 past engagements with known outcomes and accountant-marked reports; checks figures, assumptions and regulated-advice boundaries.",
            Cto, "AI operations team", "Confidential", 2, 4, 2, Criticality.High, "Azure westeurope", "evaluation, financial", [], Provider: "Lumen (own)", VersionLabel: "v5"),
        new("eval-clinical", "Clinical safety evaluation suite", AssetType.Dataset,
            "2,500 triage vignettes labelled by a panel of three clinicians, stratified by age band, sex, first language and presentation; reports under-triage per group.",
            Cto, "AI operations team", "Restricted", 3, 4, 2, Criticality.Critical, "Google Cloud europe-west4", "evaluation, healthcare", [], Provider: "Lumen (own)", VersionLabel: "v4"),
        new("eval-redteam", "Harmful output red-team set", AssetType.Dataset,
            "Prompt injection, data exfiltration and out-of-scope advice attempts used against every agent before release.",
            Cto, "AI operations team", "Confidential", 2, 4, 2, Criticality.High, "AWS eu-west-1", "evaluation, security", [], Provider: "Lumen (own)", VersionLabel: "2026-01"),
        new("corpus-legal", "Legal knowledge corpus", AssetType.Dataset,
            "UK, Irish and Dutch legislation, licensed case law summaries and Lumen practice notes, refreshed weekly, used for retrieval.",
            Cto, "Legal delivery team", "Internal", 2, 4, 3, Criticality.High, "AWS eu-west-1 (vector index)", "retrieval, legal", [], Provider: "legislation.gov.uk, licensed publishers, Lumen", VersionLabel: "weekly"),
        new("corpus-finance", "Financial standards corpus", AssetType.Dataset,
            "IFRS and FRS 102 (as licensed), HMRC manuals, Companies House guidance and Lumen technical notes, used for retrieval.",
            Cto, "Financial delivery team", "Internal", 2, 4, 3, Criticality.High, "Azure westeurope (AI Search index)", "retrieval, financial", [], Provider: "IFRS Foundation (licensed), HMRC, Lumen", VersionLabel: "monthly"),
        new("corpus-clinical", "Clinical guidelines corpus", AssetType.Dataset,
            "NICE guidance, licensed clinical pathways and the red-flag symptom lists agreed with the clinical safety officer.",
            Cto, "Healthcare delivery team", "Internal", 2, 4, 3, Criticality.Critical, "Google Cloud europe-west4 (vector index)", "retrieval, healthcare", [], Provider: "NICE, licensed pathways, Lumen", VersionLabel: "monthly"),
        new("corpus-engineering", "Engineering codes corpus", AssetType.Dataset,
            "Licensed summaries of Eurocodes and British Standards, building regulations approved documents and Lumen design guides.",
            Cto, "Engineering delivery team", "Internal", 2, 4, 2, Criticality.High, "AWS eu-west-1 (vector index)", "retrieval, engineering", [], Provider: "Licensed standards publisher, Lumen", VersionLabel: "quarterly"),
        new("corpus-marketing", "Marketing claims and brand corpus", AssetType.Dataset,
            "The CAP and BCAP codes, ASA rulings, platform advertising policies and each client's brand and tone guidelines (kept per client).",
            Cto, "Marketing delivery team", "Confidential", 3, 3, 2, Criticality.Medium, "Google Cloud europe-west4", "retrieval, marketing", [], Provider: "ASA, platforms, clients", VersionLabel: "weekly"),
        new("corpus-design", "Design systems corpus", AssetType.Dataset,
            "WCAG 2.2, platform human interface guidelines and each client's design system documentation (kept per client).",
            Cto, "Design delivery team", "Confidential", 2, 3, 2, Criticality.Medium, "Azure westeurope", "retrieval, design", [], Provider: "W3C, platforms, clients", VersionLabel: "monthly"),

        new("claude", "Claude Sonnet 4", AssetType.AiModel,
            "Anthropic foundation model used through Amazon Bedrock for drafting, review and code reasoning; no prompts or outputs are retained by the provider for training.",
            Cto, "AI operations team", "Internal", 3, 3, 3, Criticality.High, "Amazon Bedrock eu-west-1", "foundation model, third party", [RunsOn("aws")],
            Provider: "Anthropic (via Amazon Bedrock)", VersionLabel: "claude-sonnet-4-20250514", Origin: ModelOrigin.ThirdParty),
        new("gpt", "GPT-4.1", AssetType.AiModel,
            "OpenAI foundation model used through Azure OpenAI with a data-zone EU deployment for spreadsheet reasoning and report drafting.",
            Cto, "AI operations team", "Internal", 3, 3, 3, Criticality.High, "Azure OpenAI westeurope", "foundation model, third party", [RunsOn("azure")],
            Provider: "OpenAI (via Azure OpenAI)", VersionLabel: "gpt-4.1-2025-04-14", Origin: ModelOrigin.ThirdParty),
        new("gpt-image", "GPT Image 1", AssetType.AiModel,
            "OpenAI image generation model used through Azure OpenAI for concept imagery; outputs carry C2PA content credentials.",
            Cto, "AI operations team", "Internal", 2, 3, 2, Criticality.Medium, "Azure OpenAI westeurope", "foundation model, third party, image", [RunsOn("azure")],
            Provider: "OpenAI (via Azure OpenAI)", VersionLabel: "gpt-image-1", Origin: ModelOrigin.ThirdParty),
        new("gemini-pro", "Gemini 2.5 Pro", AssetType.AiModel,
            "Google foundation model on Vertex AI used for structured extraction from clinical notes and long-document summarising.",
            Cto, "AI operations team", "Internal", 3, 3, 3, Criticality.High, "Vertex AI europe-west4", "foundation model, third party", [RunsOn("gcp")],
            Provider: "Google (Vertex AI)", VersionLabel: "gemini-2.5-pro", Origin: ModelOrigin.ThirdParty),
        new("gemini-flash", "Gemini 2.5 Flash", AssetType.AiModel,
            "Smaller, cheaper Google model on Vertex AI used for high-volume marketing copy and reporting.",
            Cto, "AI operations team", "Internal", 2, 3, 3, Criticality.Medium, "Vertex AI europe-west4", "foundation model, third party", [RunsOn("gcp")],
            Provider: "Google (Vertex AI)", VersionLabel: "gemini-2.5-flash", Origin: ModelOrigin.ThirdParty),
        new("llama", "Llama 3.1 70B Instruct", AssetType.AiModel,
            "Open-weights base model for Lumen's three fine-tuned models; weights held in our own accounts, used under the Llama 3.1 Community Licence.",
            Cto, "AI operations team", "Public", 1, 4, 2, Criticality.High, "Model registry in each cloud", "open source, base model", [],
            Provider: "Meta", VersionLabel: "3.1-70B-Instruct", Origin: ModelOrigin.OpenSource),
        new("embedding", "multilingual-e5-large", AssetType.AiModel,
            "Open-source embedding model that indexes every retrieval corpus and client document set; served from our own endpoints in each cloud.",
            Cto, "AI operations team", "Public", 1, 4, 3, Criticality.High, "eu-west-1, europe-west4, westeurope", "open source, embedding", [RunsOn("aws"), RunsOn("gcp"), RunsOn("azure")],
            Provider: "intfloat (Hugging Face)", VersionLabel: "1.0", Origin: ModelOrigin.OpenSource),
        new("ft-legal", "Lumen Legal LLM", AssetType.AiModel,
            "Lumen's fine-tune of Llama 3.1 70B Instruct for drafting and reviewing agreements in English, Irish and Dutch law.",
            Cto, "AI operations team", "Confidential", 3, 4, 3, Criticality.Critical, "Amazon SageMaker eu-west-1", "fine-tuned, own, legal",
            [TrainedOn("ft-legal-set"), DependsOn("llama"), DependsOn("eval-legal"), DependsOn("eval-redteam"), RunsOn("aws")],
            Provider: "Lumen (own)", VersionLabel: "legal-ft-2025.11", Origin: ModelOrigin.Own),
        new("ft-finance", ChangedModel, AssetType.AiModel,
            "Lumen's fine-tune of Llama 3.1 70B Instruct for financial advice reports, trained to state assumptions and to hand calculations to the forecast engine.",
            Cto, "AI operations team", "Confidential", 3, 4, 3, Criticality.Critical, "Azure Machine Learning westeurope", "fine-tuned, own, financial",
            [TrainedOn("ft-finance-set"), DependsOn("llama"), DependsOn("eval-finance"), DependsOn("eval-redteam"), RunsOn("azure")],
            Provider: "Lumen (own)", VersionLabel: "finance-ft-2025.09", Origin: ModelOrigin.Own),
        new("ft-clinical", "Lumen Clinical LLM", AssetType.AiModel,
            "Lumen's fine-tune of Llama 3.1 70B Instruct for triage support and clinical documentation; part of the clients' medical device technical files.",
            Cto, "AI operations team", "Restricted", 4, 4, 3, Criticality.Critical, "Vertex AI europe-west4", "fine-tuned, own, healthcare",
            [TrainedOn("ft-clinical-set"), DependsOn("llama"), DependsOn("eval-clinical"), DependsOn("eval-redteam"), RunsOn("gcp")],
            Provider: "Lumen (own)", VersionLabel: "clinical-ft-2025.10", Origin: ModelOrigin.Own),
    ];

    // ---- AI system classes ----

    private static readonly (string Name, string Description, string Baseline)[] Classes =
    [
        (ProfessionalClass,
            "Agents whose output is professional advice or work in a regulated profession (legal, financial, healthcare): verified before release, logged, explained to clients, and reviewed by a licensed professional.",
            "ISO 42001 Annex A 6.2.4, 6.2.5, 6.2.8, 8.2, 8.3, 9.2-9.4; ISO 27001 Annex A 5.15, 8.2, 8.15, 8.24, 8.25, 8.28"),
        (TechnicalClass,
            "Client-facing agents for engineering, marketing and design work: verified before release, logged, documented for clients, and built through the secure development life cycle.",
            "ISO 42001 Annex A 6.2.4, 6.2.5, 6.2.8, 8.2; ISO 27001 Annex A 5.15, 8.15, 8.24, 8.25, 8.28"),
        (InternalClass,
            "Assistants used only by Lumen staff to prepare work; they never reach clients directly and follow the AI policy's acceptable use rules.",
            "ISO 42001 Annex A 2.2, 6.2.4, 6.2.8; ISO 27001 Annex A 5.15, 8.15, 8.24"),
    ];

    // CTL-004 access, CTL-005 access reviews, CTL-006 encryption, CTL-007 secure development, CTL-008 evaluation, CTL-010 human oversight,
    // CTL-012 logging, CTL-021 client information; the others apply but are not (yet) implemented or not in the baseline.
    private static readonly string[] ProfessionalControls =
        ["CTL-004", "CTL-005", "CTL-006", "CTL-007", "CTL-008", "CTL-009", "CTL-010", "CTL-011", "CTL-012", "CTL-013", "CTL-015", "CTL-020", "CTL-021", "CTL-022"];
    private static readonly string[] TechnicalControls = ["CTL-004", "CTL-006", "CTL-007", "CTL-008", "CTL-009", "CTL-012", "CTL-013", "CTL-015", "CTL-021", "CTL-022"];
    private static readonly string[] InternalControls = ["CTL-001", "CTL-004", "CTL-006", "CTL-008", "CTL-009", "CTL-012", "CTL-015", "CTL-017"];

    // ---- Agents ----

    private sealed record Line(string Tag, string Team, string Cloud, string Regions, string[] Models, string ClientData, string Corpus, string Class, string Level,
        int C, int I, int A, Criticality Criticality, string TrainingData, string Oversight, bool DisclaimerRequired, string DisclaimerWhere, string EuAiActReason);

    private static readonly Dictionary<ServiceCategory, Line> Lines = new()
    {
        [ServiceCategory.Legal] = new("legal", "Legal delivery team", "aws", "eu-west-1", ["ft-legal", "claude"], "legal-data", "corpus-legal", ProfessionalClass, "Restricted",
            4, 4, 3, Criticality.High,
            "Lumen Legal LLM, fine-tuned on the legal drafting fine-tuning set (own precedents and licensed anonymised transactions); Claude Sonnet 4 is used as provided. Client matter files are used for retrieval only, never for training.",
            "A solicitor on the legal delivery team reviews and approves every output before it is released; the agent cannot send anything to a client by itself.",
            true, "Header of every draft and the client portal: prepared with AI assistance, reviewed by a solicitor, not legal advice until signed off.",
            "A drafting and review aid for solicitors; not an Annex III use, and clients do not interact with it directly."),
        [ServiceCategory.Financial] = new("financial", "Financial delivery team", "azure", "westeurope", ["ft-finance", "gpt"], "financial-data", "corpus-finance", ProfessionalClass, "Confidential",
            4, 4, 3, Criticality.High,
            "Lumen Finance LLM, fine-tuned on the financial advisory fine-tuning set (anonymised past reports and synthetic examples); GPT-4.1 is used as provided. Client records are used for the engagement only.",
            "A chartered accountant reviews and signs every report; anything that amounts to regulated investment advice goes to Lumen's FCA-authorised adviser first.",
            true, "Cover page of every report and the client portal: AI-assisted, reviewed by a chartered accountant, not regulated investment advice unless stated.",
            "Works for business clients on business finances; it does not assess the creditworthiness of natural persons or price insurance, so Annex III 5(b)-(c) do not apply."),
        [ServiceCategory.Healthcare] = new("healthcare", "Healthcare delivery team", "gcp", "europe-west4", ["ft-clinical", "gemini-pro"], "health-data", "corpus-clinical", ProfessionalClass, "Restricted",
            4, 4, 4, Criticality.High,
            "Lumen Clinical LLM, fine-tuned on licensed, de-identified triage conversations with clinician-confirmed labels; Gemini 2.5 Pro is used as provided. Patient data from clients is never used for training.",
            "A registered clinician at the client confirms or changes every output before it affects a patient; the agent never contacts patients by itself.",
            true, "In the clinician's console next to every output and in the client's patient information: decision support only, a registered clinician decides.",
            "Administrative support for clinicians with no diagnostic or triage function: not medical device software and not an Annex III use."),
        [ServiceCategory.Engineering] = new("engineering", "Engineering delivery team", "aws", "eu-west-1", ["claude"], "engineering-data", "corpus-engineering", TechnicalClass, "Confidential",
            3, 4, 2, Criticality.Medium,
            "Claude Sonnet 4 as provided, with retrieval over the engineering codes corpus and the client's project files; no fine-tuning.",
            "A chartered engineer checks and signs every calculation and report; code changes are merged only by the client's own engineers.",
            false, "", "An engineering aid whose output is checked by a chartered engineer; not a safety component under Annex I and not an Annex III use."),
        [ServiceCategory.Marketing] = new("marketing", "Marketing delivery team", "gcp", "europe-west4", ["gemini-flash"], "marketing-data", "corpus-marketing", TechnicalClass, "Confidential",
            3, 3, 2, Criticality.Medium,
            "Gemini 2.5 Flash as provided, with retrieval over the marketing claims corpus and each client's brand guidelines; no fine-tuning.",
            "An account manager approves every piece of copy and every campaign change before publication; claims in regulated sectors also go to the legal team.",
            false, "", "Produces marketing material that a person edits and approves before publication; no Annex III use."),
        [ServiceCategory.Design] = new("design", "Design delivery team", "azure", "westeurope", ["gpt", "gpt-image"], "design-data", "corpus-design", TechnicalClass, "Confidential",
            2, 3, 2, Criticality.Medium,
            "GPT-4.1 and GPT Image 1 as provided, with retrieval over each client's design system; no fine-tuning.",
            "A senior designer selects, edits and approves every concept before a client sees it.",
            false, "", "A design aid whose output a designer edits and approves; no Annex III use."),
    };

    private sealed record Agent(ServiceCategory Category, string Name, string Purpose, string IntendedUse, string Misuse, string Clients,
        AutonomyLevel Autonomy = AutonomyLevel.HumanInTheLoop, EuAiActCategory EuAiAct = EuAiActCategory.Minimal, string? EuAiActReason = null,
        AiLifecycleStage Stage = AiLifecycleStage.Deployed, DeploymentModel Deployment = DeploymentModel.Cloud, string? Oversight = null, bool Internal = false);

    private const string DirectContact = "Converses directly with clients' staff or the public, who are told they are dealing with an AI system (Art. 50(1)); no Annex III use.";
    private const string SyntheticContent = "Generates images or text for publication, marked as AI-generated where Art. 50(2) requires; no Annex III use.";
    private const string TriageHighRisk = "Emergency healthcare patient triage (Annex III 5(d)) and medical device software under the EU MDR (Art. 6(1)): high risk.";

    /// <summary>The 51 agents: 12 legal, 10 financial, 8 healthcare, 9 engineering, 7 marketing, 5 design.</summary>
    private static readonly Agent[] Agents =
    [
        new(ServiceCategory.Legal, "Commercial contract drafting agent",
            "Drafts first versions of supply, services, SaaS and licence agreements from agreed heads of terms and Lumen's precedent bank.",
            "A solicitor requests a first draft from heads of terms agreed with the client, edits it and approves it before it goes to the client.",
            "Producing a signable contract without solicitor review; drafting under a governing law other than England and Wales, Ireland or the Netherlands.",
            "SME and mid-market companies in the UK and EU buying commercial contracting work."),
        new(ServiceCategory.Legal, "Contract review and redlining agent",
            "Reviews a counterparty's contract against the client's negotiation playbook, flags deviations and proposes redlines.",
            "In-house legal teams upload third-party paper; a Lumen solicitor checks the flagged issues and redlines before they are returned.",
            "Treating \"no issues flagged\" as legal clearance; uploading contracts the client has no right to share.",
            "In-house legal teams of mid-market clients."),
        new(ServiceCategory.Legal, "Legal research agent",
            "Answers research questions with citations to legislation and case law from the legal knowledge corpus.",
            "Solicitors use the cited sources as a starting point and check every authority before relying on it.",
            "Citing its answers without reading the sources; asking about jurisdictions or areas of law the corpus does not cover.",
            "Lumen solicitors working on client matters.", Autonomy: AutonomyLevel.Assistive),
        new(ServiceCategory.Legal, "Employment law advice agent",
            "Prepares draft advice notes on dismissal, redundancy, flexible working and discrimination questions for clients' HR teams.",
            "A Lumen employment solicitor reviews and finalises every note; the note advises on the law, not on a named employee's outcome.",
            "Clients' managers using it to decide an individual's dismissal; feeding it employees' health or performance records.",
            "HR teams of UK clients with 50 to 2,000 staff.",
            EuAiActReason: "Advises on the law for a solicitor to finalise; it does not evaluate workers or take decisions about their employment, so Annex III 4(b) does not apply. Kept under review."),
        new(ServiceCategory.Legal, "Client intake and matter triage agent",
            "Talks with new clients to capture the facts of a matter, runs a conflict check and routes the matter to the right practice group.",
            "Prospective clients describe their issue in the client web app; an engagement manager confirms the conflict check and the routing before work starts.",
            "Giving legal advice during intake; accepting a matter where the conflict check is uncertain.",
            "Prospective and existing business clients.", Autonomy: AutonomyLevel.HumanOnTheLoop, EuAiAct: EuAiActCategory.Limited, EuAiActReason: DirectContact,
            Oversight: "An engagement manager confirms every conflict check and matter routing the same working day; the agent gives no advice."),
        new(ServiceCategory.Legal, "Data protection compliance agent",
            "Drafts records of processing, data protection impact assessments and privacy notices from client questionnaires.",
            "A privacy solicitor reviews every document with the client's data protection officer before adoption.",
            "Presenting a generated DPIA as the client's own completed assessment without review.",
            "Clients' data protection officers and compliance teams."),
        new(ServiceCategory.Legal, "Corporate governance agent",
            "Prepares board minutes, written resolutions and the filings that follow share issues and director changes.",
            "Company secretarial solicitors review each document before signature and filing.",
            "Filing at Companies House without a solicitor's check; inventing decisions the board did not take.",
            "Private companies and their company secretaries."),
        new(ServiceCategory.Legal, "Lease review agent",
            "Abstracts commercial property leases: rent review dates, break clauses, repair and service charge obligations.",
            "Property solicitors check each abstract against the lease before it goes into the client's portfolio report.",
            "Relying on the abstract to exercise a break clause without reading the lease.",
            "Retail and office occupiers managing property portfolios."),
        new(ServiceCategory.Legal, "Litigation disclosure review agent",
            "Tags documents in a disclosure set for relevance and possible privilege as a first pass.",
            "Solicitors review every document tagged privileged and a sample of the rest before disclosure.",
            "Making final privilege decisions without a solicitor; using it on sets the court has ordered to be reviewed manually.",
            "Clients in commercial disputes.", Autonomy: AutonomyLevel.HumanOnTheLoop,
            Oversight: "Solicitors review every document tagged as privileged and a statistically sized sample of the rest; disclosure is signed off by the supervising partner."),
        new(ServiceCategory.Legal, "Regulatory change monitoring agent",
            "Tracks new legislation and regulator publications for each client's sector and drafts alert summaries.",
            "A solicitor checks each alert before it is sent; clients receive a weekly digest.",
            "Treating the digest as a complete list of obligations.",
            "Clients in financial services, healthcare and technology.", Autonomy: AutonomyLevel.HumanOnTheLoop,
            Oversight: "A solicitor checks each alert before it is sent in the weekly digest."),
        new(ServiceCategory.Legal, "Trade mark clearance agent",
            "Searches trade mark registers and assesses the similarity of proposed marks to earlier rights.",
            "A trade mark attorney reviews the search report and gives the clearance opinion.",
            "Filing an application on the strength of the search report alone.",
            "Consumer brands and start-ups naming new products.", Stage: AiLifecycleStage.Validation),
        new(ServiceCategory.Legal, "NDA and standard agreement agent",
            "Generates NDAs and standard supplier terms from templates approved by Lumen's commercial team.",
            "Clients choose a template and answer questions; solicitors spot-check one in ten before release and check any change to a locked clause.",
            "Changing locked clauses by free-text instructions; using it for non-standard deals.",
            "Business clients on a subscription plan.", Autonomy: AutonomyLevel.HumanOnTheLoop, EuAiAct: EuAiActCategory.Limited, EuAiActReason: DirectContact,
            Oversight: "Solicitors spot-check one agreement in ten and review every request that touches a locked clause."),

        new(ServiceCategory.Financial, "Cash-flow and treasury advice agent",
            "Builds 13-week and 12-month cash-flow forecasts from ledgers and bank feeds and drafts treasury recommendations.",
            "Finance teams receive a forecast and advice report after a chartered accountant has checked the assumptions and signed it.",
            "Using the forecast as a lender covenant certificate; running it on incomplete bank feeds.",
            "UK and EU companies with turnover from £2m to £250m."),
        new(ServiceCategory.Financial, "Corporate tax planning agent",
            "Drafts corporation tax planning reports: reliefs, group structures, timing of capital spend.",
            "A chartered tax adviser reviews every report; anything that looks like an avoidance arrangement goes to the tax partner.",
            "Designing arrangements whose main purpose is a tax advantage; filing returns.",
            "UK companies and groups."),
        new(ServiceCategory.Financial, "Investment appraisal agent",
            "Appraises capital projects and acquisitions (NPV, IRR, sensitivities) and drafts the board paper.",
            "Finance directors use the reviewed paper to support, not replace, their board's decision.",
            "Presenting the model's output as an independent valuation.",
            "Finance directors of mid-market companies."),
        new(ServiceCategory.Financial, "Funding options agent",
            "Compares debt, equity, grant and asset finance options for a business and drafts a recommendation.",
            "An accountant reviews the recommendation; any regulated investment content goes to the FCA-authorised adviser.",
            "Recommending specific investment products to individuals; deciding on loan applications.",
            "SMEs and scale-ups raising finance."),
        new(ServiceCategory.Financial, "Management accounts commentary agent",
            "Writes the monthly commentary on variances, KPIs and cash for management accounts packs.",
            "An accountant checks the commentary against the numbers before the pack goes to the client's board.",
            "Explaining variances it cannot trace to the ledger.",
            "Outsourced finance clients."),
        new(ServiceCategory.Financial, "Bookkeeping reconciliation agent",
            "Matches bank transactions to ledger entries and proposes journals for unmatched items.",
            "Bookkeepers review proposed journals daily; matches above the confidence threshold post automatically and are sampled weekly.",
            "Posting journals to closed periods; clearing suspense accounts without evidence.",
            "Outsourced bookkeeping clients.", Autonomy: AutonomyLevel.HumanOnTheLoop,
            Oversight: "Bookkeepers approve every proposed journal; automatic matches are sampled weekly by a chartered accountant."),
        new(ServiceCategory.Financial, "VAT return preparation agent",
            "Prepares quarterly VAT returns and the supporting reconciliation from the client's ledgers.",
            "An accountant reviews the return and the client approves it before submission through Making Tax Digital.",
            "Submitting a return without client approval; handling partial exemption without specialist review.",
            "VAT-registered UK businesses."),
        new(ServiceCategory.Financial, "Business credit assessment agent",
            "Assesses the credit risk of clients' business customers and suppliers from filed accounts and payment data.",
            "Credit controllers use the reviewed assessment to set trading terms with companies.",
            "Assessing sole traders or other natural persons; using it as a credit reference agency.",
            "Clients' credit control teams.",
            EuAiActReason: "Assesses companies, not natural persons, so the creditworthiness use in Annex III 5(b) does not apply; sole traders are refused."),
        new(ServiceCategory.Financial, "Audit sampling and testing support agent",
            "Selects audit samples, matches them to evidence and drafts test results for the audit file.",
            "Audit seniors review every test result; the audit partner signs the opinion.",
            "Concluding on a test without evidence; replacing auditor judgement on materiality.",
            "Audit teams of Lumen's accountancy clients."),
        new(ServiceCategory.Financial, "AML screening support agent",
            "Screens clients' counterparties against sanctions and politically exposed persons lists and summarises adverse media.",
            "The client's compliance officer decides on every possible match.",
            "Automatically rejecting customers on a possible match; screening for purposes other than AML compliance.",
            "Regulated clients' compliance teams.",
            EuAiActReason: "Supports a client's own AML checks; a compliance officer decides every match. Not a law enforcement or Annex III use."),

        new(ServiceCategory.Healthcare, "Telehealth symptom triage support agent",
            "Proposes an urgency level and the red-flag features behind it for patients who contact a telehealth service.",
            "The client's nurse or doctor reads the presenting complaint, then sees the proposal and confirms or changes it before the patient is given a slot.",
            "Triaging children under 16 or mental health crises (the agent refuses); letting the proposal reach patients without a clinician.",
            "Telehealth providers serving adults in the UK, Ireland and the Netherlands.", EuAiAct: EuAiActCategory.High, EuAiActReason: TriageHighRisk),
        new(ServiceCategory.Healthcare, "Urgent care triage support agent",
            "Proposes an urgency level for walk-in patients at urgent care centres from reception notes and first observations.",
            "The triage nurse confirms or changes every proposal; red-flag rules outside the model can only raise urgency.",
            "Using it to refuse care or to redirect patients away from the centre.",
            "Private urgent care centres.", EuAiAct: EuAiActCategory.High, EuAiActReason: TriageHighRisk),
        new(ServiceCategory.Healthcare, "Occupational health referral triage agent",
            "Prioritises management referrals to occupational health services and suggests the right clinician type.",
            "An occupational health nurse confirms priority and allocation for every referral.",
            "Employers using the output to judge fitness for work without a clinician.",
            "Occupational health providers.", EuAiAct: EuAiActCategory.High,
            EuAiActReason: "Clinical decision support that is medical device software under the EU MDR (class IIa), so high risk under Art. 6(1) and Annex I."),
        new(ServiceCategory.Healthcare, "Clinical documentation agent",
            "Turns consultation transcripts and notes into structured clinic letters and discharge summaries.",
            "The treating clinician edits and approves each document before it is filed or sent.",
            "Sending documents unapproved; adding findings that were not discussed in the consultation.",
            "Private clinics and hospital outpatient departments."),
        new(ServiceCategory.Healthcare, "Clinical coding agent",
            "Suggests clinical codes for episodes of care, with the phrases in the notes that support each code.",
            "Clinical coders accept or change each suggestion.",
            "Coding to maximise reimbursement; coding without the full record.",
            "Private hospitals and their coding teams."),
        new(ServiceCategory.Healthcare, "Prior authorisation letter agent",
            "Drafts prior authorisation and appeal letters to health insurers from the clinical record.",
            "A clinician checks the clinical facts and signs each letter.",
            "Overstating symptoms to obtain approval.",
            "Private clinics dealing with health insurers."),
        new(ServiceCategory.Healthcare, "Patient information leaflet agent",
            "Writes plain-language patient information from clinical guidelines at a reading age of 11.",
            "A clinician and the client's patient panel review each leaflet before publication.",
            "Publishing leaflets unreviewed; giving individual medical advice.",
            "Healthcare providers' patient experience teams."),
        new(ServiceCategory.Healthcare, WithoutClientInformation,
            "Matches patient records against clinical trial criteria and lists candidates for the research team.",
            "A research nurse checks each candidate's eligibility before anyone is approached.",
            "Contacting patients directly; screening without the patient's consent to research contact.",
            "Research sites at private hospitals.", Stage: AiLifecycleStage.Validation,
            EuAiActReason: "Lists candidates for a research nurse to check; it does not decide access to care and is not used by public authorities, so no Annex III use."),

        new(ServiceCategory.Engineering, "Structural calculation checking agent",
            "Checks structural calculation packages against Eurocodes and flags errors and unstated assumptions.",
            "A chartered structural engineer reviews every flag and signs the check certificate.",
            "Issuing a check certificate without an engineer; checking temporary works it has not been evaluated on.",
            "Architects, contractors and developers."),
        new(ServiceCategory.Engineering, "Building services load calculation agent",
            "Calculates heating, cooling and ventilation loads from building models and drafts the design basis.",
            "A building services engineer verifies the inputs and results before they are used for plant sizing.",
            "Sizing plant from unverified results.",
            "Building services consultancies and developers."),
        new(ServiceCategory.Engineering, "Code review agent",
            "Reviews clients' pull requests for defects, security issues and maintainability and posts comments.",
            "Clients' engineers decide on every comment; the agent cannot approve or merge.",
            "Treating an absence of comments as a security sign-off.",
            "Software teams of technology clients.", Autonomy: AutonomyLevel.HumanOnTheLoop,
            Oversight: "Clients' engineers decide on every comment; Lumen engineers sample reviews weekly for quality."),
        new(ServiceCategory.Engineering, "Technical specification writing agent",
            "Drafts technical and performance specifications from design notes and standard clauses.",
            "The project engineer edits and issues the specification.",
            "Issuing specifications that cite withdrawn standards.",
            "Engineering and construction clients."),
        new(ServiceCategory.Engineering, "Site inspection report agent",
            "Turns site photos, voice notes and checklists into inspection reports with defect schedules.",
            "The inspecting engineer reviews every report and defect before issue.",
            "Reporting on areas the engineer did not inspect.",
            "Developers, insurers and facilities managers.", Deployment: DeploymentModel.Hybrid),
        new(ServiceCategory.Engineering, "CAD drawing QA agent",
            "Checks drawings for title block, layer, dimensioning and revision errors before issue.",
            "The CAD lead reviews the findings and corrects the drawings.",
            "Using it to check design intent rather than drawing standards.",
            "Architects and engineering consultancies."),
        new(ServiceCategory.Engineering, "Energy performance assessment agent",
            "Prepares energy performance calculations and improvement options for non-domestic buildings.",
            "An accredited energy assessor verifies the inputs and lodges any certificate.",
            "Lodging certificates without an accredited assessor.",
            "Landlords and property managers."),
        new(ServiceCategory.Engineering, "Test automation agent",
            "Writes and maintains automated tests for clients' software from user stories and existing code.",
            "Clients' engineers review the tests in pull requests like any other code.",
            "Generating tests that only confirm current behaviour, including bugs.",
            "Software teams of technology clients.", Autonomy: AutonomyLevel.HumanOnTheLoop,
            Oversight: "Tests are merged only through the client's pull request review."),
        new(ServiceCategory.Engineering, "Engineering knowledge assistant",
            "Answers Lumen engineers' questions about codes, past projects and internal design guides.",
            "Engineers use answers as pointers and check the cited source.",
            "Copying answers into client deliverables without checking the source.",
            "Lumen's engineering staff.", Autonomy: AutonomyLevel.Assistive, Internal: true,
            Oversight: "Engineers check the cited source before relying on an answer."),

        new(ServiceCategory.Marketing, "Campaign copywriting agent",
            "Writes ad, email and landing page copy in the client's brand voice.",
            "Copywriters edit and the account manager approves all copy before publication.",
            "Publishing unreviewed copy; making health or financial claims without substantiation.",
            "Consumer and B2B brands.", EuAiAct: EuAiActCategory.Limited, EuAiActReason: SyntheticContent),
        new(ServiceCategory.Marketing, "SEO content optimisation agent",
            "Suggests content and metadata changes to improve search visibility.",
            "Content editors choose which suggestions to apply.",
            "Generating pages at scale purely for search ranking.",
            "Clients' digital marketing teams.", Autonomy: AutonomyLevel.Assistive),
        new(ServiceCategory.Marketing, "Advertising claims compliance agent",
            "Checks ad copy against the CAP and BCAP codes, ASA rulings and platform policies and flags risky claims.",
            "The account manager resolves every flag; regulated-sector claims go to the legal team.",
            "Treating a pass as legal clearance of a claim.",
            "Brands in regulated sectors."),
        new(ServiceCategory.Marketing, "Social media response agent",
            "Drafts replies to comments and messages on clients' social channels and escalates complaints.",
            "Community managers approve replies; complaints and anything mentioning health, safety or legal action are escalated unanswered.",
            "Replying without approval; handling complaints that need a person.",
            "Consumer brands.", Autonomy: AutonomyLevel.HumanOnTheLoop, EuAiAct: EuAiActCategory.Limited, EuAiActReason: DirectContact,
            Oversight: "Community managers approve every reply; escalations go to the client the same day."),
        new(ServiceCategory.Marketing, "Campaign performance reporting agent",
            "Pulls ad platform and analytics data and writes the weekly performance report.",
            "Sent automatically each Monday; account managers review anomalies it flags.",
            "Using the report for billing reconciliation.",
            "All marketing clients.", Autonomy: AutonomyLevel.Autonomous,
            Oversight: "Reports go out automatically; account managers review flagged anomalies and a sample of reports each month."),
        new(ServiceCategory.Marketing, "Market research synthesis agent",
            "Summarises survey results and interview transcripts into themes and personas.",
            "Researchers check themes against the raw data before presenting findings.",
            "Inferring sensitive traits of individual respondents.",
            "Brand and product teams."),
        new(ServiceCategory.Marketing, "Creative brief assistant",
            "Helps account managers turn client call notes into structured creative briefs.",
            "Account managers edit the brief and confirm it with the client.",
            "Pasting in client data beyond what the brief needs.",
            "Lumen's account managers.", Autonomy: AutonomyLevel.Assistive, Internal: true,
            Oversight: "Account managers edit every brief and confirm it with the client."),

        new(ServiceCategory.Design, "Brand identity concept agent",
            "Generates logo, colour and moodboard concepts from a creative brief.",
            "Designers select and rework concepts before a client sees them; trade mark clearance is done separately.",
            "Presenting generated marks as cleared for registration; imitating a named living artist's style.",
            "Start-ups and rebranding companies.", EuAiAct: EuAiActCategory.Limited, EuAiActReason: SyntheticContent),
        new(ServiceCategory.Design, "UX copy agent",
            "Writes interface text, error messages and onboarding flows that follow the client's design system.",
            "UX writers edit and approve all text in the design files.",
            "Shipping text to production without review.",
            "Product teams of technology clients."),
        new(ServiceCategory.Design, "Accessibility audit agent",
            "Audits designs and web pages against WCAG 2.2 AA and drafts the findings report.",
            "An accessibility specialist verifies every finding with assistive technology before the report is issued.",
            "Issuing a conformance statement without manual testing.",
            "Public sector suppliers and consumer brands."),
        new(ServiceCategory.Design, "Product visualisation agent",
            "Produces photorealistic product renders from CAD models and brand guidelines.",
            "Designers approve every render; renders of unreleased products stay in the client's workspace.",
            "Creating renders that misrepresent a product's features in advertising.",
            "Consumer product companies.", Stage: AiLifecycleStage.Development, EuAiAct: EuAiActCategory.Limited, EuAiActReason: SyntheticContent),
        new(ServiceCategory.Design, "Design asset tagging agent",
            "Tags and catalogues design assets in the asset library so designers can find them.",
            "Designers correct tags as they use assets.",
            "Tagging people in photos by inferred characteristics.",
            "Lumen's design team.", Autonomy: AutonomyLevel.HumanOnTheLoop, Internal: true,
            Oversight: "Designers correct tags as they use assets; the design lead reviews tag quality monthly."),
    ];

    // ---- Impact assessments ----

    private sealed record Party(string Key, string Name, AffectedKind Kind, string Description);

    private sealed record Impact(string Party, ImpactDimension Dimension, ImpactNature Nature, string Description, int Severity, int Likelihood, string Mitigation,
        int ResidualSeverity, int ResidualLikelihood, string[] Controls);

    private sealed record Consulted(string Who, int DaysAgo, string Said);

    private sealed record Assessment(string Title, string[] Systems, string Scope, string Description, string Conclusion, Party[] Parties, Impact[] Impacts, Consulted[] Inputs,
        int? ReviewInMonths = null);

    private static Impact Benefit(string party, ImpactDimension dimension, string description, int severity, int likelihood) =>
        new(party, dimension, ImpactNature.Benefit, description, severity, likelihood, "", severity, likelihood, []);

    private static readonly Assessment HealthcareTriage = new("Healthcare triage support agents",
        ["Telehealth symptom triage support agent", "Urgent care triage support agent", "Occupational health referral triage agent"],
        "The three triage support agents Lumen provides to private healthcare clients. From the presenting complaint, history and observations entered by the client's staff, " +
        "each agent proposes an urgency level on a five-level scale with the red-flag features behind it. A registered clinician employed by the client confirms or changes " +
        "every proposal; the agents never talk to patients and never book, discharge or dispatch. Out of scope: patients under 16 and mental health crises (both refused and " +
        "routed to a clinician), and any use outside the UK, Ireland and the Netherlands.",
        "The agents run on Google Cloud (europe-west4) through the agent orchestration service. Lumen Clinical LLM (a fine-tune of Llama 3.1 70B Instruct on licensed, " +
        "de-identified triage conversations) proposes the urgency; Gemini 2.5 Pro extracts structured findings from free text; retrieval over the clinical guidelines corpus " +
        "supplies the pathway passages shown with each proposal. Deterministic red-flag rules outside the model can only raise urgency. Inputs, proposals and clinicians' " +
        "decisions are logged for eight years under the clients' records policies. The agents are medical device software within the clients' technical files and high " +
        "risk under the EU AI Act.",
        "Approved for continued use with the three current clients, on conditions. The residual risk that an atypical presentation is under-triaged stays high: its severity " +
        "cannot be reduced, and although a clinician confirms every proposal, automation bias cannot be ruled out. It is accepted because red-flag rules can only raise " +
        "urgency, the pilot showed faster review of urgent cases, and the conditions below are in place. Conditions: (1) the clinical safety officer audits under-triage " +
        "monthly and reports to the AI governance meeting; (2) an under-triage rate above 1.5% in any month, or any serious incident, suspends the affected agent; " +
        "(3) reassess before adding a client, a presentation type or a model version; (4) complete the EU AI Act conformity work before the high-risk obligations apply.",
        [
            new("clients", "Healthcare provider clients", AffectedKind.Clients, "Telehealth, urgent care and occupational health providers who deploy the agents and remain responsible for clinical decisions."),
            new("patients", "Patients", AffectedKind.ClientsCustomers, "Adults whose symptoms are triaged, including people with limited English, disabilities or atypical presentations."),
            new("clinicians", "Client clinicians", AffectedKind.Groups, "Nurses and doctors at the clients who confirm or change each proposal."),
            new("staff", "Lumen clinical safety and AI operations staff", AffectedKind.Employees, "The clinical safety officer and engineers accountable for the agents' behaviour."),
            new("society", "Health system and public", AffectedKind.Society, "Emergency departments that receive referrals, and public trust in AI in healthcare."),
        ],
        [
            new("patients", ImpactDimension.Safety, ImpactNature.Harm,
                "Under-triage: an urgent condition that presents atypically (heart attack in women or people with diabetes, sepsis in older adults) is proposed as routine and a busy clinician accepts it.",
                5, 4, "Red-flag rules outside the model can only raise urgency; low-confidence proposals go to the top of the queue; the clinician reads the presenting complaint before the proposal is shown; monthly audit of a sample re-triaged by clinicians.",
                5, 3, ["CTL-008", "CTL-010", "CTL-012"]),
            Benefit("patients", ImpactDimension.Safety,
                "Urgent cases are reviewed sooner: in the pilot the median time from contact to clinician review of red-flag cases fell from 34 to 9 minutes.", 4, 4),
            new("patients", ImpactDimension.FairnessAndBias, ImpactNature.Harm,
                "Lower accuracy for groups under-represented in the training conversations, such as older people, non-native English speakers, and people describing rashes on darker skin.",
                4, 3, "The evaluation suite reports under-triage per age band, sex and first language; a release is blocked if any group's rate exceeds the overall rate by more than two points; interpreter requests route straight to a clinician.",
                4, 2, ["CTL-008", "CTL-011"]),
            new("patients", ImpactDimension.Privacy, ImpactNature.Harm,
                "Special-category health data is processed by Lumen and a model provider and could be exposed or reused for training.",
                4, 2, "EU region only; encryption with managed keys; the provider contract excludes training and retention; identifiers are masked in agent logs; access limited to the healthcare delivery team.",
                4, 1, ["CTL-004", "CTL-006", "CTL-020"]),
            new("patients", ImpactDimension.TransparencyAndExplainability, ImpactNature.Harm,
                "Patients do not know that AI helped decide how quickly they are seen and cannot question it.",
                2, 3, "Clients' patient information explains the AI support and that a clinician decides; every proposal shows the guideline passages it relied on.",
                2, 2, ["CTL-021"]),
            new("clinicians", ImpactDimension.HumanAutonomy, ImpactNature.Harm,
                "Automation bias: clinicians confirm proposals without independent judgement, especially at night and at peak demand.",
                4, 3, "Proposal hidden until the presenting complaint has been read; confirmation rates monitored per clinician and shift; refresher training for clients' triage staff.",
                4, 2, ["CTL-010", "CTL-017"]),
            new("clients", ImpactDimension.Accountability, ImpactNature.Harm,
                "After an adverse event it is unclear whether Lumen (as manufacturer) or the client (as deployer) is responsible.",
                3, 2, "Responsibility matrix in every contract, a clinical safety case per client, and a joint incident process with named contacts.",
                3, 1, ["CTL-013", "CTL-021"]),
            new("clients", ImpactDimension.Security, ImpactNature.Harm,
                "Prompt injection through free-text symptoms changes the proposal or extracts other patients' data.",
                4, 2, "Input filtering, per-request isolation of patient context, red-flag rules independent of the model, and the red-team set run on every release.",
                4, 1, ["CTL-007", "CTL-008", "CTL-014"]),
            Benefit("clients", ImpactDimension.Economic, "Clinicians handle about 30% more contacts safely at peak times, reducing agency staff costs.", 3, 4),
            new("society", ImpactDimension.Societal, ImpactNature.Harm,
                "Defensive over-triage sends more patients to already stretched emergency departments.",
                3, 3, "Over-triage rate tracked alongside under-triage and reviewed with clients quarterly.",
                3, 2, ["CTL-008"]),
            new("society", ImpactDimension.Environmental, ImpactNature.Harm,
                "GPU inference for every contact consumes energy.",
                2, 3, "Inference in a region with a high share of carbon-free energy; the smaller extraction step runs before the large model and skips it when not needed.",
                2, 2, []),
        ],
        [
            new("Lumen clinical safety officer", 60, "Asked that red-flag rules stay deterministic and outside the model, and that under-triage be reported per presentation type, not only overall. Both adopted."),
            new("Nursing leads at the telehealth and urgent care pilot clients", 45, "Night-shift nurses tended to accept proposals quickly; asked for the proposal to be hidden until the presenting complaint has been read. Adopted before go-live."),
            new("Patient panel of six adults convened with a client, two with English as a second language", 38, "Want to be told when AI helps decide how quickly they are seen and are comfortable if a nurse always checks; worried about describing symptoms in a second language."),
        ],
        ReviewInMonths: 6);

    private static readonly Assessment FinancialAdvice = new("Financial advice agents",
        ["Cash-flow and treasury advice agent", "Corporate tax planning agent", "Investment appraisal agent", "Funding options agent"],
        "Four agents that prepare advice for business clients' finance teams: cash-flow and treasury, corporate tax planning, investment appraisal, and funding options. " +
        "Each drafts an advice report from the client's ledgers, bank feeds and management accounts; a chartered accountant reviews and signs it, and anything that would " +
        "be regulated investment advice is passed to Lumen's FCA-authorised adviser. Clients are UK and EU companies with turnover of £2m to £250m. The agents do not " +
        "advise individuals, execute transactions or file anything with tax authorities.",
        "The agents run on Microsoft Azure (westeurope). Lumen Finance LLM drafts the reports and GPT-4.1 (Azure OpenAI, EU data zone) reasons over spreadsheets; " +
        "retrieval over the financial standards corpus supplies IFRS, FRS 102 and HMRC references. Figures come from deterministic code the agents call (forecast engine, " +
        "tax computation), not from the models. Each report is versioned with the inputs and assumptions used.",
        "Approved for use with current clients. No residual impact is high. The main residual risks are an incorrect figure reaching a client's decision and automation " +
        "bias among reviewers (both medium), monitored through the quarterly sample review. Reassess when the fine-tuned or foundation model version changes, when a new " +
        "client segment such as financial services firms is added, or before the agents are allowed to initiate payments.",
        [
            new("clients", "Business clients", AffectedKind.Clients, "Finance directors and teams who act on the reports."),
            new("stakeholders", "Clients' shareholders, lenders and employees", AffectedKind.ClientsCustomers, "People affected by funding, tax and investment decisions the clients take."),
            new("staff", "Lumen accountants and authorised adviser", AffectedKind.Employees, "Reviewers who sign the reports and carry professional responsibility for them."),
            new("society", "Tax authorities and the public", AffectedKind.Society, "The public purse and fair access to finance."),
        ],
        [
            new("clients", ImpactDimension.Economic, ImpactNature.Harm,
                "A wrong forecast or tax figure leads to a poor decision, such as under-provision for corporation tax or an unforeseen covenant breach.",
                4, 3, "Figures come from the deterministic engines and are reconciled to the ledgers; an accountant signs every report; the evaluation suite replays 400 past engagements before each release.",
                4, 2, ["CTL-008", "CTL-010"]),
            Benefit("clients", ImpactDimension.Economic, "Advice in days rather than weeks and at a lower fee, so smaller companies get treasury and tax advice they could not previously afford.", 3, 4),
            new("clients", ImpactDimension.TransparencyAndExplainability, ImpactNature.Harm,
                "Reports state conclusions without the assumptions behind them, and clients cannot tell what the AI contributed.",
                3, 3, "Every report opens with its assumptions and data sources and states which sections were AI-drafted.",
                3, 1, ["CTL-021"]),
            new("clients", ImpactDimension.Privacy, ImpactNature.Harm,
                "Confidential financial data leaks to the model provider or between clients through retrieval.",
                4, 2, "Per-client retrieval indexes; Azure OpenAI in the EU data zone with abuse-monitoring retention switched off; encryption with managed keys; quarterly access reviews.",
                4, 1, ["CTL-004", "CTL-005", "CTL-006", "CTL-015"]),
            new("stakeholders", ImpactDimension.Economic, ImpactNature.Harm,
                "Planning suggestions that are lawful but aggressive expose the client to HMRC challenge or reputational harm.",
                3, 2, "Marketed avoidance schemes are excluded from the corpus; a general anti-abuse rule check is built into the tax agent; the tax partner reviews anything flagged as planning.",
                3, 1, ["CTL-010"]),
            new("staff", ImpactDimension.HumanAutonomy, ImpactNature.Harm,
                "Junior accountants who review more than they draft lose skill and start to trust the drafts.",
                3, 3, "Reviewers re-perform key calculations on a sample of reports; AI literacy training for all reviewers.",
                3, 2, ["CTL-017"]),
            new("staff", ImpactDimension.Accountability, ImpactNature.Harm,
                "The line between accountancy advice and regulated investment advice blurs, and an unauthorised person gives regulated advice.",
                4, 2, "A classifier routes investment-related content to the authorised adviser; the compliance officer checks 20 reports a month.",
                4, 1, ["CTL-010", "CTL-021"]),
            new("society", ImpactDimension.FairnessAndBias, ImpactNature.Harm,
                "The funding options agent steers businesses with under-represented founders towards costlier finance because past reports reflect lenders' past decisions.",
                3, 2, "Owner demographics are not given to the agent; the evaluation compares recommendations across matched synthetic profiles before each release.",
                3, 1, ["CTL-008", "CTL-011"]),
        ],
        [
            new("Finance director at a pilot client (manufacturing, £40m turnover)", 120, "Valued the speed; wants the assumptions on one page and the option to rerun scenarios, and asked that reports say which parts were AI-drafted."),
            new("Lumen compliance officer (FCA-authorised adviser)", 110, "Asked for the investment-content router and a monthly sample of 20 reports to confirm nothing regulated slips through."),
            new("External tax partner advising Lumen", 100, "Recommended excluding marketed avoidance schemes from the corpus and adding a general anti-abuse rule check to the tax agent."),
        ]);

    private static readonly Assessment ContractDrafting = new("Commercial contract drafting agent",
        ["Commercial contract drafting agent"],
        "The commercial contract drafting agent produces first drafts of supply, services, SaaS and licence agreements under the laws of England and Wales, Ireland and the " +
        "Netherlands from heads of terms agreed with the client. Solicitors on the commercial team edit and approve every draft; clients never receive unreviewed output. " +
        "Out of scope: consumer contracts, employment contracts, finance documents and any other governing law.",
        "Runs on AWS (eu-west-1). Lumen Legal LLM, fine-tuned on Lumen's precedent bank and licensed anonymised transaction documents, drafts the agreement; Claude Sonnet 4 " +
        "through Amazon Bedrock reasons about clause interactions. Retrieval over the legal knowledge corpus supplies current statutory references and the matter file supplies " +
        "the heads of terms. Drafts are filed in the practice management system with the precedents used.",
        "Recommended for approval. No residual impact is high; the main residual risk, a mis-drafted clause reaching the client, is medium and relies on solicitor review, " +
        "which is recorded for every draft. Reassess before offering the agent to clients for self-service or extending it to other governing laws.",
        [
            new("clients", "Business clients", AffectedKind.Clients, "Companies that sign the agreements drafted with the agent's help."),
            new("counterparties", "Clients' counterparties", AffectedKind.ClientsCustomers, "Suppliers and customers on the other side of the agreements, often smaller businesses."),
            new("solicitors", "Lumen solicitors", AffectedKind.Employees, "Commercial solicitors who review and approve the drafts and are professionally responsible for them."),
            new("society", "Users of legal services", AffectedKind.Society, "Trust in, and the cost of, legal services."),
        ],
        [
            new("clients", ImpactDimension.Economic, ImpactNature.Harm,
                "A missing or mis-drafted clause, such as a liability cap that does not apply or the wrong governing law, exposes the client to uncapped loss.",
                4, 3, "A clause checklist per contract type is enforced before release; solicitor approval is recorded; the evaluation suite includes 150 agreements with planted omissions.",
                4, 2, ["CTL-008", "CTL-010"]),
            Benefit("clients", ImpactDimension.Economic, "First drafts within a day and lower fees for routine agreements.", 3, 4),
            new("counterparties", ImpactDimension.FairnessAndBias, ImpactNature.Harm,
                "Drafts lean to one-sided positions drawn from precedents, making negotiations adversarial and putting small suppliers at a disadvantage.",
                2, 3, "The client chooses its playbook positions; the agent offers a balanced alternative for key clauses.",
                2, 2, []),
            new("clients", ImpactDimension.Privacy, ImpactNature.Harm,
                "Personal data in matter files, such as signatories and employee names, is sent to the model provider.",
                3, 2, "Amazon Bedrock in eu-west-1 with no retention; only the heads of terms and the parties' details are sent.",
                3, 1, ["CTL-006", "CTL-020"]),
            new("solicitors", ImpactDimension.Accountability, ImpactNature.Harm,
                "A solicitor approves text they have not read closely, in breach of their professional obligations.",
                4, 2, "Approval requires a tracked-changes review of the whole draft; training on the regulator's guidance on AI; the indemnity insurer has been informed.",
                4, 1, ["CTL-010", "CTL-017"]),
            new("society", ImpactDimension.TransparencyAndExplainability, ImpactNature.Harm,
                "Confidence in legal services falls if clients discover AI use they were not told about.",
                2, 3, "Engagement letters state how AI is used and that a solicitor reviews every draft.",
                2, 1, ["CTL-021"]),
        ],
        [
            new("Head of commercial legal, Lumen", 20, "Agreed the clause checklist; asked that the agent flag any clause it could not source from a precedent."),
            new("Professional indemnity insurer's risk team", 14, "No objection provided solicitor sign-off is recorded per draft; asked to be told of any claim involving AI-drafted text."),
        ]);

    private static readonly Assessment ClinicalDocumentation = new("Clinical documentation and coding agents",
        ["Clinical documentation agent", "Clinical coding agent", "Prior authorisation letter agent"],
        "Three healthcare agents that produce administrative documents from the clinical record: clinic letters and discharge summaries, clinical code suggestions, and " +
        "prior authorisation letters to insurers. Clinicians or clinical coders at the client approve every output. They have no diagnostic or triage function.",
        "The agents run on Google Cloud (europe-west4). Gemini 2.5 Pro extracts findings from transcripts and notes; Lumen Clinical LLM drafts documents in the client's " +
        "templates. Code suggestions show the phrases in the notes that support them. Outputs are filed in the client's record only after approval.",
        "Draft, to be completed when the coding accuracy evaluation finishes. Provisional view: acceptable with clinician and coder approval of every output; no high " +
        "residual impact found so far.",
        [
            new("clients", "Healthcare provider clients", AffectedKind.Clients, "Private clinics and hospitals that use the documents and codes."),
            new("patients", "Patients", AffectedKind.ClientsCustomers, "People whose records, letters and insurance claims are prepared with the agents."),
            new("coders", "Clinical coders at clients", AffectedKind.Groups, "Coding staff whose work changes as the agent suggests codes."),
        ],
        [
            new("patients", ImpactDimension.Safety, ImpactNature.Harm,
                "A letter or discharge summary omits or misstates a medication or allergy discussed in the consultation.",
                4, 3, "The medication and allergy lists are reconciled against the structured record; the clinician approves each document.",
                4, 2, ["CTL-008", "CTL-010"]),
            new("clients", ImpactDimension.Economic, ImpactNature.Harm,
                "Incorrect codes lead to under- or over-billing and disputes with insurers.",
                3, 3, "Coders confirm every code; a monthly audit compares a sample with independent coding.",
                3, 2, ["CTL-010"]),
            new("coders", ImpactDimension.Economic, ImpactNature.Harm,
                "Clients need fewer coding staff.",
                3, 3, "Outside Lumen's control; clients are encouraged to redeploy coders to audit and query work.",
                3, 3, []),
            new("patients", ImpactDimension.Privacy, ImpactNature.Harm,
                "Full consultation transcripts are processed outside the client's own systems.",
                4, 2, "EU region, encryption, no provider retention; transcripts are deleted 30 days after the document is approved.",
                4, 1, ["CTL-006", "CTL-020"]),
            new("coders", ImpactDimension.HumanAutonomy, ImpactNature.Harm,
                "Coders defer to suggested codes instead of reading the notes, so errors in the suggestions pass unchallenged.",
                3, 3, "Suggestions appear only after the coder has opened the episode; acceptance rates are monitored per coder.",
                3, 2, ["CTL-010", "CTL-017"]),
            Benefit("clients", ImpactDimension.Economic, "Clinicians save about 40 minutes a day on letters.", 3, 4),
        ],
        [
            new("Clinical coding manager at a pilot client", 7, "Asked that each suggested code show the phrase in the note that supports it. Built into the design."),
        ]);
}
