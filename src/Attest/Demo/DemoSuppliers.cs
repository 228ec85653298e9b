using Attest.Data;
using Attest.Organizations;
using Attest.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's supplier register: clouds, model providers and the SaaS a 200-person professional services firm runs on, with
/// certifications (four running out within 60 days), sub-processors (one still without a DPA), a few reviews overdue, links to the inventory's
/// assets and the supplier risks, the ready-made questionnaire, three questionnaires reviewed, one submitted and awaiting review, and one sent
/// and still pending. Everything goes through the same use cases people use. Dates are relative to the day the demo is loaded.
/// </summary>
public sealed class DemoSuppliers(AttestDbContext db, SaveSupplier save, SaveSupplierCertification certify, SaveQuestionnaireTemplate templates,
    SendSupplierQuestionnaire send, AnswerSupplierQuestionnaire answer, ReviewSupplierQuestionnaire review)
{
    /// <summary>Submitted by the supplier, waiting for the CISO's review.</summary>
    public const string AwaitingReview = "Pinecone";
    /// <summary>Sent, not answered yet.</summary>
    public const string Pending = "Personio";
    public static readonly string[] Reviewed = ["Amazon Web Services", "Anthropic", "OpenAI"];

    private sealed record Entry(string Name, string Service, SupplierCriticality Criticality, string Classification, bool Personal, bool Subprocessor, string Website,
        int ContractMonthsAgo, bool Dpa, int? ReviewedMonthsAgo, SupplierCriticality? Risk, bool Cto, (string Name, int? Days)[] Certifications, string[] Assets,
        string[] Risks, string Notes = "");

    private static readonly Entry[] Register =
    [
        new("Amazon Web Services", "Primary cloud: compute, storage and databases for the platform (eu-west-1)", SupplierCriticality.Critical, "Restricted", true, true,
            "https://aws.amazon.com", 40, true, 3, SupplierCriticality.Medium, true,
            [("ISO/IEC 27001", 290), ("SOC 2 Type II", 120), ("ISO/IEC 27017", 290), ("ISO/IEC 27018", 290), ("ISO/IEC 42001", 410)],
            ["Amazon Web Services (eu-west-1)"], ["R-040"], "Enterprise support; TAM review each quarter. Data stays in eu-west-1 by SCP."),
        new("Google Cloud", "Second cloud: Vertex AI and the analytics stack (europe-west4)", SupplierCriticality.Critical, "Confidential", true, true,
            "https://cloud.google.com", 26, true, 7, SupplierCriticality.Medium, true, [("ISO/IEC 27001", 200), ("SOC 2 Type II", 45), ("ISO/IEC 42001", 330)],
            ["Google Cloud (europe-west4)", "Gemini 2.5 Pro", "Gemini 2.5 Flash"], ["R-040"]),
        new("Microsoft Azure", "Azure OpenAI Service for client tenants that require it (westeurope)", SupplierCriticality.High, "Confidential", true, true,
            "https://azure.microsoft.com", 18, true, 10, SupplierCriticality.Medium, true, [("ISO/IEC 27001", 240), ("SOC 2 Type II", 150), ("ISO/IEC 42001", 300)],
            ["Microsoft Azure (westeurope)", "GPT Image 1"], []),
        new("Anthropic", "Foundation model API (Claude) for the professional agents", SupplierCriticality.Critical, "Confidential", true, true,
            "https://www.anthropic.com", 20, true, 1, SupplierCriticality.Medium, true, [("SOC 2 Type II", 180), ("ISO/IEC 27001", 260), ("ISO/IEC 42001", 320)],
            ["Claude Sonnet 4"], ["R-033"], "Zero data retention agreed for the API; no training on our inputs or outputs (commercial terms)."),
        new("OpenAI", "Foundation model API (GPT-4.1) for drafting and extraction agents", SupplierCriticality.Critical, "Confidential", true, true,
            "https://openai.com", 22, true, 2, SupplierCriticality.High, true, [("SOC 2 Type II", 21), ("ISO/IEC 27001", 230)],
            ["GPT-4.1"], ["R-033"], "Abuse-monitoring retention of 30 days applies; zero retention requested for the legal tenant."),
        new(AwaitingReview, "Managed vector database for retrieval over the knowledge corpora", SupplierCriticality.High, "Confidential", true, true,
            "https://www.pinecone.io", 14, true, 13, null, true, [("SOC 2 Type II", 58), ("ISO/IEC 27001", 190)],
            ["Legal knowledge corpus", "Financial standards corpus"], []),
        new("HubSpot", "CRM and marketing automation", SupplierCriticality.Medium, "Confidential", true, false, "https://www.hubspot.com", 36, true, 11, SupplierCriticality.Low, false,
            [("ISO/IEC 27001", 150), ("SOC 2 Type II", 95)], ["HubSpot CRM"], []),
        new("Google Workspace", "E-mail, documents and calendars", SupplierCriticality.Critical, "Confidential", true, true, "https://workspace.google.com", 60, true, 8,
            SupplierCriticality.Low, false, [("ISO/IEC 27001", 200), ("SOC 2 Type II", 45), ("ISO/IEC 27701", 200)], ["Google Workspace"], []),
        new(Pending, "HR system: employee records, absences and reviews", SupplierCriticality.High, "Restricted", true, false, "https://www.personio.com", 30, true, 14,
            SupplierCriticality.Medium, false, [("ISO/IEC 27001", 120), ("SOC 2 Type II", 300)], ["Employee records"], []),
        new("Payroll bureau", "Monthly payroll and pension submissions", SupplierCriticality.High, "Restricted", true, false, "https://payroll-bureau.example", 48, true, 20,
            SupplierCriticality.High, false, [("Cyber Essentials Plus", 75)], ["Payroll bureau"], ["R-032"],
            "Their portal still uses one shared login for our account; they have promised named accounts with MFA."),
        new("DocuSign", "Electronic signature for engagement letters and contracts", SupplierCriticality.Medium, "Confidential", true, true, "https://www.docusign.com", 28, true, 9,
            SupplierCriticality.Low, false, [("ISO/IEC 27001", 170), ("SOC 2 Type II", 140)], [], []),
        new("GitHub", "Source code hosting, code review and Actions CI", SupplierCriticality.Critical, "Confidential", false, false, "https://github.com", 50, false, 6,
            SupplierCriticality.Medium, true, [("ISO/IEC 27001", 260), ("SOC 2 Type II", 160)], ["GitHub Enterprise Cloud", "Lumen platform source code", "CI/CD pipelines"], []),
        new("Datadog", "Monitoring, logs and APM for the platform", SupplierCriticality.High, "Confidential", true, true, "https://www.datadoghq.com", 24, true, 12,
            SupplierCriticality.Low, true, [("ISO/IEC 27001", 220), ("SOC 2 Type II", 110), ("ISO/IEC 27017", 220)], ["Datadog", "Agent prompts and output logs"], []),
        new("Jira Service Management", "Ticketing for client support and internal requests", SupplierCriticality.Medium, "Confidential", true, true, "https://www.atlassian.com",
            34, true, 16, SupplierCriticality.Low, false, [("ISO/IEC 27001", 90), ("SOC 2 Type II", 190)], [], []),
        new("1Password", "Company password manager", SupplierCriticality.High, "Restricted", false, false, "https://1password.com", 38, false, 5, SupplierCriticality.Low, false,
            [("ISO/IEC 27001", 240), ("SOC 2 Type II", 200)], [], []),
        new("Okta", "Workforce identity: single sign-on and MFA", SupplierCriticality.Critical, "Restricted", true, false, "https://www.okta.com", 44, true, 4,
            SupplierCriticality.High, false, [("ISO/IEC 27001", 180), ("SOC 2 Type II", 130), ("ISO/IEC 27018", 180)], ["Okta Workforce Identity"], ["R-035"]),
        new("Backblaze", "Immutable off-site backup copies (EU region)", SupplierCriticality.High, "Restricted", true, true, "https://www.backblaze.com", 16, false, 15,
            SupplierCriticality.Medium, true, [("SOC 2 Type II", 100)], [], [], "Sub-processor for client backups; the DPA is with legal for signature."),
        new("DeepL", "Machine translation of client documents (Pro, no retention)", SupplierCriticality.Medium, "Confidential", true, true, "https://www.deepl.com", 12, true, null,
            null, false, [("ISO/IEC 27001", 140), ("SOC 2 Type II", 260)], [], []),
        new("Lexis+ AI", "Legal research database for the legal agents and lawyers", SupplierCriticality.Medium, "Internal", false, false, "https://www.lexisnexis.co.uk", 30,
            false, 25, null, false, [("ISO/IEC 27001", 210)], ["Legal knowledge corpus"], []),
        new("Xero", "Accounting and invoicing", SupplierCriticality.Medium, "Confidential", true, false, "https://www.xero.com", 55, true, 26, SupplierCriticality.Low, false,
            [("ISO/IEC 27001", 34), ("SOC 2 Type II", 230)], [], []),
        new("Slack", "Team chat and client shared channels", SupplierCriticality.Medium, "Confidential", true, false, "https://slack.com", 46, true, 10, SupplierCriticality.Low, false,
            [("ISO/IEC 27001", 170), ("SOC 2 Type II", 170), ("ISO/IEC 42001", 350)], ["Slack"], []),
        new("Ironclad Security", "Annual penetration tests of the platform and the agents (CREST)", SupplierCriticality.Medium, "Confidential", false, false,
            "https://ironclad-security.example", 20, false, 11, SupplierCriticality.Low, false, [("CREST", 210), ("ISO/IEC 27001", 190)], ["Client web app and API"], []),
        new("Sentinel MDR", "Outsourced SOC: 24/7 detection and response on endpoints and cloud logs", SupplierCriticality.High, "Confidential", true, false,
            "https://sentinel-mdr.example", 10, true, 9, SupplierCriticality.Medium, false, [("ISO/IEC 27001", 160), ("SOC 2 Type II", 70)], ["Staff laptops"], []),
        new("Meta Llama licence", "Open-weights base model (Llama 3.1) used for fine-tuning", SupplierCriticality.Medium, "Public", false, false, "https://www.llama.com", 16, false,
            8, SupplierCriticality.Medium, true, [], ["Llama 3.1 70B Instruct"], ["R-036"]),
        new("Print & Post Ltd", "Office printing and post (offboarded)", SupplierCriticality.Low, "Internal", false, false, "https://printpost.example", 70, false, 30, null, false,
            [], [], []),
    ];

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: the register is only filled once.
        if (await db.Suppliers.AnyAsync(cancellationToken)) return;
        var today = SupplierQueries.Today(db);
        var assets = (await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var risks = await db.Risks.AsNoTracking().ToDictionaryAsync(r => r.Reference, r => r.Id, cancellationToken);
        var ciso = people[OrganizationRole.Manager];
        var cto = people[OrganizationRole.Contributor];
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);

        using (ActAs(ciso, "ciso"))
        {
            foreach (var e in Register)
            {
                var reviewed = e.ReviewedMonthsAgo is { } months ? today.AddMonths(-months) : (DateOnly?)null;
                var start = today.AddMonths(-e.ContractMonthsAgo);
                var domain = new Uri(e.Website).Host.Replace("www.", "");
                ids[e.Name] = await save.RunAsync(null, new SupplierInput(e.Name, e.Service, e.Criticality,
                    e.Name.StartsWith("Print", StringComparison.Ordinal) ? SupplierStatus.Offboarded : SupplierStatus.Active, e.Classification, e.Personal, e.Subprocessor,
                    start, start.AddYears(3), e.Dpa ? start.AddDays(14) : null, reviewed, null, e.Risk, e.Cto ? cto : ciso, e.Website, $"security@{domain}", e.Notes,
                    AssetIds: e.Assets.Where(assets.ContainsKey).Select(a => assets[a]).ToList(), RiskIds: e.Risks.Where(risks.ContainsKey).Select(r => risks[r]).ToList()),
                    cancellationToken);
                foreach (var (name, days) in e.Certifications)
                {
                    await certify.RunAsync(ids[e.Name], null, new CertificationInput(name, days is { } d ? today.AddDays(d) : null), cancellationToken);
                }
            }

            var template = await templates.StarterAsync(cancellationToken);
            foreach (var name in Reviewed.Append(AwaitingReview))
            {
                var sent = await send.RunAsync(ids[name], template, null, 30, null, cancellationToken);
                await AnswerAsync(sent.Token, name, cancellationToken);
                if (name == AwaitingReview) continue;
                var detail = await QuestionnaireQueries.DetailAsync(db, sent.Id, cancellationToken);
                var points = detail.Answers.Where(a => a.Kind == QuestionKind.Text).ToDictionary(a => a.Id, a => Math.Max(0, a.Weight - (name == "OpenAI" ? 2 : 1)));
                await review.RunAsync(sent.Id, new ReviewInput(
                    name == "OpenAI"
                        ? "Strong controls; 30-day abuse-monitoring retention is the open point. Zero retention requested for the legal tenant; risk kept High until confirmed."
                        : "Answers match the SOC 2 report and the DPA. No open points.",
                    points, true, name == "OpenAI" ? SupplierCriticality.High : SupplierCriticality.Medium, RecordSupplierReview: true, Version: detail.Version), cancellationToken);
            }
            await send.RunAsync(ids[Pending], template, "it-security@personio.example", 30, null, cancellationToken);
        }
    }

    /// <summary>The supplier's answers: mostly the best, with the kind of gaps real answers have.</summary>
    private async Task AnswerAsync(string token, string supplier, CancellationToken cancellationToken)
    {
        var view = await answer.OpenAsync(token, cancellationToken) ?? throw new InvalidOperationException("The demo questionnaire did not open.");
        var given = view.Answers.Select(a => new AnswerGiven(a.Id, a.Kind switch
        {
            QuestionKind.YesNo => a.Question.Contains("42001", StringComparison.Ordinal) && supplier == AwaitingReview ? QuestionnaireScoring.No : QuestionnaireScoring.Yes,
            QuestionKind.Choice => a.Choices[supplier == "OpenAI" && a.Section == "AI and model data use" ? 1 : 0],
            _ => a.Section switch
            {
                "Incident response" => "No incident affected customers in the last three years; the last internal incident (a mis-scoped API key) led to automated key rotation.",
                "Business continuity" => "RTO 4 hours, RPO 15 minutes; encrypted backups in a second region and a separate account, restored in a test every quarter.",
                _ => a.Question.StartsWith("Which", StringComparison.Ordinal)
                    ? "Our own models only, hosted in the EU; no third-party model provider receives customer data."
                    : "Inputs and outputs are kept 30 days for abuse monitoring, then deleted; deletion on request within 7 days.",
            },
        }, null)).ToList();
        await answer.RunAsync(token, $"Security team, {supplier}", given, submit: true, cancellationToken);
    }

    private IDisposable ActAs(Guid user, string local) => db.Acting.ActAs(user, $"{local}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
}
