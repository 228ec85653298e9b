namespace Attest.Risks;

public static partial class RiskLibrary
{
    /// <summary>
    /// Common risks of a business that delivers professional services (legal, financial, healthcare, engineering, marketing, design)
    /// through AI agents on multi-cloud infrastructure with remote staff. Written in Attest's own words.
    /// </summary>
    public static IReadOnlyList<LibraryRisk> Entries { get; } =
    [
        // ---- AI agents -----------------------------------------------------------------------------------------------

        new("prompt-injection", "Prompt injection manipulates an AI agent", "AI agents",
            "An attacker hides instructions in a client document, e-mail or web page that the agent reads.",
            "Agents follow instructions found in untrusted content and can call tools or reveal data.",
            "A client-facing agent is steered by injected instructions into disclosing another client's data, taking unintended actions through its tools, or giving manipulated advice.",
            RiskTreatment.Mitigate, "Separate untrusted content from instructions, restrict agent tools to least privilege, filter outputs, and test agents against injection before release.",
            "Annex A 8.26, 8.28, 8.29; ISO 42001 Annex A 6.2.4, 6.2.5, 6.2.6"),

        new("hallucinated-professional-advice", "An AI agent gives a client confident but wrong legal, financial or medical advice", "AI agents",
            "An agent produces a plausible answer that cites non-existent case law, miscalculates figures or misstates clinical guidance.",
            "Language models generate fluent text without a reliable notion of truth, and answers are not checked against authoritative sources before they reach the client.",
            "A client acts on false advice and suffers a loss, which exposes the company to **professional liability claims**, regulatory complaints and lasting damage to its reputation in regulated markets.",
            RiskTreatment.Mitigate, "Ground answers in vetted sources with citations, evaluate each agent against domain test sets before release and after every change, and state the limits of agent advice to clients.",
            "Annex A 5.31; ISO 42001 Annex A 5.4, 6.2.4, 6.2.6, 8.2, 9.4"),

        new("no-human-oversight", "Regulated advice reaches clients without review by a qualified professional", "AI agents",
            "Pressure on turnaround times leads teams to let agents send legal, financial or healthcare advice straight to clients.",
            "No rule defines which outputs need sign-off by a qualified person, and the agent workflow does not enforce a review step.",
            "Errors that a professional would have caught go unnoticed, and the company may breach professional-body rules and the human-oversight duties of AI regulation.",
            RiskTreatment.Mitigate, "Classify agent outputs by risk, require sign-off by a named qualified reviewer for regulated advice, and enforce the review step in the workflow with a record of who approved what.",
            "Annex A 5.2, 5.37; ISO 42001 Annex A 3.2, 4.6, 9.2, 9.4"),

        new("insecure-agent-tool-integrations", "An agent's tool integrations give attackers broad access to client systems", "AI agents",
            "An attacker abuses a plugin, connector or API key that an agent uses to reach e-mail, document stores, payment or client systems.",
            "Integrations are added quickly with long-lived keys, broad scopes and little review, and keys are shared between agents.",
            "A single compromised or misused integration lets the attacker read or change data across many clients, or act in their systems in the company's name.",
            RiskTreatment.Mitigate, "Keep an inventory of agent integrations, review each before use, give every agent its own short-lived, narrowly scoped credentials, and require confirmation for high-impact actions.",
            "Annex A 5.17, 8.2, 8.5, 8.26, 8.27; ISO 42001 Annex A 4.4, 6.2.5"),

        // ---- AI models and data -------------------------------------------------------------------------------------

        new("model-data-leakage", "An AI agent discloses one client's confidential data to another client", "AI models and data",
            "An agent retrieves or recalls data from another client's matter, through shared context, a shared retrieval index or a model fine-tuned on client data.",
            "Client data is not strictly separated in prompts, vector stores, caches and fine-tuning sets, and outputs are not checked for other clients' data.",
            "Confidential legal, financial or health information reaches the wrong client, breaching confidentiality duties and data protection law and possibly ending client relationships.",
            RiskTreatment.Mitigate, "Isolate each client's data in retrieval, memory and caches, do not fine-tune shared models on identifiable client data, and test agents for cross-client disclosure before release.",
            "Annex A 5.12, 5.34, 8.3, 8.11, 8.12; ISO 42001 Annex A 6.2.4, 7.2, 7.6"),

        new("training-data-poisoning", "Poisoned training or reference data corrupts an agent's behavior", "AI models and data",
            "An attacker or careless source introduces manipulated records into data used to fine-tune models or fill retrieval indexes.",
            "Data is acquired from public or client sources without checks on provenance and quality, and changes to data sets are not tracked.",
            "Agents give subtly wrong or attacker-chosen answers, or carry hidden triggers, which may go unnoticed until clients are harmed.",
            RiskTreatment.Mitigate, "Record the provenance of every data set, validate and review data before use, control who can change data sets, and compare model behavior against a baseline after each update.",
            "Annex A 5.21, 8.32; ISO 42001 Annex A 6.2.4, 7.3, 7.4, 7.5"),

        new("biased-ai-output", "An AI agent produces biased or discriminatory output", "AI models and data",
            "An agent treats people differently by gender, ethnicity, age or disability, for example when screening candidates, pricing or triaging patients.",
            "Models inherit bias from their training data, and agents are not assessed for fairness against the groups they affect.",
            "Individuals are treated unfairly, which can breach equality and consumer law and harms the trust of clients and the public.",
            RiskTreatment.Mitigate, "Assess the impact of each agent on affected groups, test outputs for disparities before release and periodically in use, and correct or restrict agents that show bias.",
            "ISO 42001 Annex A 5.2, 5.4, 5.5, 6.1.2, 6.2.4, 7.4"),

        // ---- Suppliers ----------------------------------------------------------------------------------------------

        new("foundation-model-outage", "A foundation-model provider becomes unavailable", "Suppliers",
            "A provider of foundation models suffers an outage, throttles usage or suspends the company's account.",
            "Agents depend on a single provider's API with no tested fallback model or degraded mode.",
            "Agent-delivered services stop for all clients at once, missing service levels and deadlines.",
            RiskTreatment.Mitigate, "Qualify a second provider or self-hosted model for critical agents, route traffic through a layer that can switch between them, and rehearse the switch.",
            "Annex A 5.19, 5.22, 5.30, 8.14; ISO 42001 Annex A 4.5, 10.3"),

        new("foundation-model-change", "A model provider changes or retires a model that agents depend on", "Suppliers",
            "A provider updates a model's behavior, changes its terms, or deprecates a version with short notice.",
            "Agents are tied to specific model versions and are not re-validated when the model underneath them changes.",
            "Agents silently lose accuracy or change tone, or stop working when a version is withdrawn, and delivered advice is no longer what was validated.",
            RiskTreatment.Mitigate, "Pin model versions, watch provider change notices, and re-run each agent's validation suite before moving it to a new model version.",
            "Annex A 5.22, 8.32; ISO 42001 Annex A 6.2.4, 6.2.6, 10.3"),

        new("key-supplier-loss", "A key supplier fails or withdraws its service", "Suppliers",
            "A critical supplier, such as a cloud, model or identity provider, becomes insolvent, is acquired or ends the contract.",
            "The company has no exit plan, data export route or alternative supplier for services it cannot run without.",
            "Services to clients are interrupted for weeks while a replacement is found, and data may be hard to recover.",
            RiskTreatment.Transfer, "Agree exit assistance, notice periods and data return in contracts, cover business interruption by insurance, and keep a named alternative for each critical supplier.",
            "Annex A 5.19, 5.20, 5.21, 5.22, 5.30; ISO 42001 Annex A 10.2, 10.3"),

        // ---- Cloud infrastructure -----------------------------------------------------------------------------------

        new("cloud-misconfiguration", "A cloud misconfiguration exposes client data to the internet", "Cloud infrastructure",
            "Someone finds a storage bucket, database or snapshot that was left publicly accessible.",
            "Resources across several clouds are created by hand or with inconsistent templates, and no tool checks their configuration continuously.",
            "Client documents or personal data are copied by outsiders, triggering breach notifications and contractual claims.",
            RiskTreatment.Mitigate, "Define secure baselines as code for every cloud, block public access by default, and scan configurations continuously with alerts on drift.",
            "Annex A 5.23, 8.3, 8.9, 8.16, 8.24"),

        new("unpatched-critical-vulnerability", "A critical vulnerability stays unpatched and is exploited", "Cloud infrastructure",
            "Attackers exploit a published vulnerability in an operating system, container image, library or network appliance.",
            "There is no complete inventory of components and no deadline for applying critical patches.",
            "Attackers gain a foothold in production, with possible data theft, service disruption or ransomware.",
            RiskTreatment.Mitigate, "Keep an inventory of software components, scan for vulnerabilities continuously, and patch critical ones within a set deadline, with tracked exceptions.",
            "Annex A 5.7, 5.9, 8.8, 8.9, 8.32"),

        new("ddos-attack", "A denial-of-service attack makes client services unavailable", "Cloud infrastructure",
            "An attacker floods the company's public endpoints or agent APIs with traffic or costly requests.",
            "Endpoints lack rate limiting and DDoS protection, and usage-based model costs are not capped.",
            "Clients cannot reach their services for hours, and the attack may run up large cloud and model bills.",
            RiskTreatment.Mitigate, "Put public endpoints behind a DDoS protection service, rate-limit and cap usage per client, and keep capacity and failover plans for critical services.",
            "Annex A 5.30, 8.6, 8.14, 8.20, 8.21"),

        // ---- People -------------------------------------------------------------------------------------------------

        new("credential-compromise", "An attacker takes over a staff account with stolen credentials", "People",
            "A phishing e-mail, infostealer malware or leaked token gives an attacker a staff member's password or session.",
            "Not all systems require phishing-resistant multi-factor authentication, and sessions and tokens live long.",
            "The attacker accesses client data, cloud consoles or agent configuration as a trusted user, often unnoticed for weeks.",
            RiskTreatment.Mitigate, "Enforce phishing-resistant multi-factor authentication everywhere, shorten session and token lifetimes, train staff on phishing, and alert on unusual sign-ins.",
            "Annex A 5.17, 6.3, 8.5, 8.7, 8.16, 8.23"),

        new("insider-misuse", "A staff member or contractor misuses authorized access", "People",
            "A disgruntled or bribed insider copies client data, sabotages systems or changes agents for personal gain.",
            "Access is broad, activity on sensitive data is not monitored, and no one else checks sensitive changes.",
            "Client data is stolen or systems are damaged by someone the controls trust, with legal and reputational consequences.",
            RiskTreatment.Mitigate, "Screen staff in sensitive roles, apply least privilege and segregation of duties, log and review access to sensitive data, and remove access promptly at departure.",
            "Annex A 5.3, 5.18, 6.1, 6.4, 6.5, 8.2, 8.15"),

        new("shadow-ai", "Staff use unapproved AI tools with client data", "People",
            "Employees paste client documents into public chatbots or install unvetted AI assistants to work faster.",
            "There is no clear AI acceptable-use rule, no approved alternative for every need, and no technical control on uploads to AI services.",
            "Client data leaves the company's control and may be retained or used for training by a third party, breaching confidentiality commitments.",
            RiskTreatment.Mitigate, "Publish an AI acceptable-use rule, provide approved AI tools that meet staff needs, and block or monitor uploads to unapproved AI services.",
            "Annex A 5.10, 5.14, 6.3, 8.12, 8.23; ISO 42001 Annex A 2.3, 9.2"),

        new("lost-or-stolen-laptop", "A remote worker's laptop is lost or stolen", "People",
            "A laptop is stolen from a home, car or café, or left on public transport.",
            "Devices are not all centrally managed, encrypted and remotely wipeable, and local copies of client files are common.",
            "Client data on the device may be read by whoever has it, and the company must assess and possibly notify a data breach.",
            RiskTreatment.Mitigate, "Manage every device centrally with full-disk encryption, screen lock and remote wipe, and keep client data in managed cloud storage rather than on laptops.",
            "Annex A 6.7, 7.9, 8.1, 8.24"),

        new("deepfake-payment-fraud", "A social-engineering or deepfake request tricks staff into paying fraudsters", "People",
            "A fraudster impersonates an executive or supplier by e-mail, cloned voice or video call and asks for an urgent payment or bank-detail change.",
            "Payments and bank-detail changes can be approved on a single request without verification through a separate channel.",
            "Money is transferred to criminals and is rarely recovered.",
            RiskTreatment.Mitigate, "Require call-back verification on a known number and a second approver for payments and bank-detail changes, and train finance staff on deepfake scenarios.",
            "Annex A 5.3, 5.14, 5.37, 6.3"),

        // ---- Operations ---------------------------------------------------------------------------------------------

        new("ransomware", "Ransomware encrypts systems and data", "Operations",
            "A criminal group deploys ransomware after gaining access, and threatens to publish stolen data.",
            "Backups are reachable from the production network, endpoints lack modern malware protection, and networks are flat.",
            "Services stop for days, client data may be published, and recovery is costly even if no ransom is paid.",
            RiskTreatment.Mitigate, "Keep immutable, offline backups and test restores, deploy endpoint detection on all devices, segment networks, and rehearse the ransomware response plan.",
            "Annex A 5.24, 5.26, 8.7, 8.8, 8.13, 8.22"),

        new("inadequate-logging-monitoring", "Security events and agent actions go unnoticed for lack of logging and monitoring", "Operations",
            "An attack or agent malfunction unfolds over days without anyone seeing it.",
            "Logs from clouds, identity systems and agents are incomplete, not kept long enough, not centralized, and nobody reviews alerts.",
            "Incidents are found late or by clients, their scope cannot be established, and evidence for investigations is missing.",
            RiskTreatment.Mitigate, "Centralize logs from every cloud, identity provider and agent with synchronized clocks, define alerts for key events, and assign someone to triage them daily.",
            "Annex A 5.28, 8.15, 8.16, 8.17; ISO 42001 Annex A 6.2.6, 6.2.8"),

        new("backup-restore-failure", "Data cannot be restored from backup when needed", "Operations",
            "Data is lost through deletion, corruption, an attack or a provider failure.",
            "Backups do not cover every cloud service and data store, and restores are never tested.",
            "Client work and records are lost for good or restored too late to meet commitments.",
            RiskTreatment.Mitigate, "Back up every critical data store, including agent configuration and retrieval indexes, to a separate account or cloud, and test restores on a schedule.",
            "Annex A 5.29, 5.30, 8.13, 8.14"),

        new("source-code-secrets-leakage", "Source code or secrets leak from repositories or build systems", "Operations",
            "API keys, passwords or proprietary code are exposed through a public repository, a build log or a compromised developer account.",
            "Secrets are kept in code and configuration files, and repository access and visibility are not controlled.",
            "Attackers use leaked keys to reach cloud and model accounts, run up costs or steal data, and competitors may see proprietary prompts and code.",
            RiskTreatment.Mitigate, "Store secrets in a vault, scan repositories and build logs for secrets, restrict repository access, and rotate any key that has been exposed.",
            "Annex A 5.17, 8.4, 8.12, 8.24, 8.28"),

        new("excessive-access-rights", "Staff and agents keep access rights they no longer need", "Operations",
            "Rights accumulate as people change roles or projects and are never removed.",
            "Access rights are not reviewed periodically, and privileged access is granted permanently.",
            "A compromised or malicious account can reach far more client data and systems than its role requires.",
            RiskTreatment.Mitigate, "Review access rights of staff and agents at least quarterly, grant privileged access only just-in-time, and remove rights automatically when roles change.",
            "Annex A 5.15, 5.16, 5.18, 8.2"),

        // ---- Legal and compliance -----------------------------------------------------------------------------------

        new("breach-notification-failure", "A personal data breach is not notified within the legal deadline", "Legal and compliance",
            "A personal data breach occurs, at the company or at a supplier processing data on its behalf.",
            "Staff do not know how to report incidents, there is no procedure to assess breaches quickly, and suppliers have no duty to report promptly.",
            "The company misses the 72-hour deadline for notifying the supervisory authority under the GDPR, which can lead to fines and loss of client trust.",
            RiskTreatment.Mitigate, "Set up a breach procedure with a 72-hour timeline, roles and authority contacts, require suppliers to report breaches within hours, and rehearse it once a year.",
            "Annex A 5.5, 5.24, 5.25, 5.26, 5.34, 6.8; ISO 42001 Annex A 8.4"),

        new("eu-ai-act-non-compliance", "AI services do not meet the obligations of the EU AI Act", "Legal and compliance",
            "Regulators or clients find that agents are used for high-risk purposes or without the transparency the EU AI Act requires.",
            "The company has not classified its AI systems under the Act, nor assigned responsibility for the resulting obligations.",
            "The company faces fines, orders to withdraw services and clients' refusal to buy services that cannot show compliance.",
            RiskTreatment.Mitigate, "Classify each AI system under the Act, assign an owner for compliance, and keep the required technical documentation, transparency notices and impact assessments.",
            "Annex A 5.31; ISO 42001 Annex A 2.2, 3.2, 5.2, 6.2.7, 8.2"),

        new("generated-content-ip-infringement", "Content generated by agents infringes third-party copyright or other IP", "Legal and compliance",
            "An agent reproduces protected text, images, code or designs closely enough to infringe, and the output is delivered to a client.",
            "Model providers' training data and terms are not assessed, and outputs are not checked for close copies before delivery.",
            "Clients face claims over content the company delivered, and pass the claims and costs back to the company.",
            RiskTreatment.Transfer, "Prefer model providers that indemnify their customers for IP claims, cover remaining exposure by professional indemnity insurance, and check high-value outputs for close copies.",
            "Annex A 5.32; ISO 42001 Annex A 7.5, 8.2, 10.3"),
    ];
}
