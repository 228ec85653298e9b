namespace Attest.Suppliers;

/// <summary>
/// The ready-made supplier security questionnaire: 22 questions over governance, access control, encryption, incident response, business
/// continuity, AI and model data use, and sub-processors. Weights favour what most often turns a supplier into an incident: access, breach
/// notice and what happens to the organization's data in someone else's model.
/// </summary>
public static class StarterQuestionnaire
{
    public const string Name = "Supplier security questionnaire";

    public const string Description =
        "Attest's ready-made due-diligence questionnaire for suppliers that handle our data or run part of our service. It covers the ground of " +
        "ISO/IEC 27001 A.5.19–5.23 and adds what an AI-services business needs to know about model and data use. Adapt it freely.";

    private const string Governance = "Governance";
    private const string Access = "Access control";
    private const string Encryption = "Encryption";
    private const string Incidents = "Incident response";
    private const string Continuity = "Business continuity";
    private const string Ai = "AI and model data use";
    private const string Subprocessors = "Sub-processors";

    public static readonly IReadOnlyList<QuestionInput> Questions =
    [
        new("Do you hold a current ISO/IEC 27001 certificate or SOC 2 Type II report covering the service you provide to us?", QuestionKind.Choice, Governance,
            "ISO/IEC 27001 certificate and SOC 2 Type II report|5\nOne of the two|4\nCertification in progress, audit booked|2\nNeither|0", 5),
        new("Is there a named person accountable for information security, reporting to senior management?", QuestionKind.YesNo, Governance, Weight: 2),
        new("Are your information security policies approved by management and reviewed at least once a year?", QuestionKind.YesNo, Governance, Weight: 2),
        new("Do all staff with access to customer data complete security awareness training when they join and at least yearly?", QuestionKind.YesNo, Governance, Weight: 2),
        new("Is multi-factor authentication enforced for all staff access to production systems and customer data?", QuestionKind.YesNo, Access, Weight: 5),
        new("How often are access rights to systems holding customer data reviewed?", QuestionKind.Choice, Access,
            "Quarterly or more often|4\nTwice a year|3\nYearly|2\nNot reviewed on a schedule|0", 4),
        new("Is access removed within one working day when a person leaves or changes role?", QuestionKind.YesNo, Access, Weight: 3),
        new("Are privileged (administrator) accounts separate from everyday accounts, and their use logged?", QuestionKind.YesNo, Access, Weight: 3),
        new("Is customer data encrypted at rest?", QuestionKind.Choice, Encryption,
            "Yes, with keys we or the customer manage in an HSM or KMS|4\nYes, with provider-managed keys|3\nPartly|1\nNo|0", 4),
        new("Is all data in transit encrypted with TLS 1.2 or later, including inside your own network?", QuestionKind.YesNo, Encryption, Weight: 3),
        new("Do you have a documented incident response plan that is tested at least once a year?", QuestionKind.YesNo, Incidents, Weight: 3),
        new("How soon do you notify customers of a security incident or personal data breach affecting their data?", QuestionKind.Choice, Incidents,
            "Within 24 hours|5\nWithin 48 hours|4\nWithin 72 hours|3\nLater, or no commitment|0", 5),
        new("Describe your most recent security incident that affected customers (or state that there was none in the last three years), and what changed afterwards.",
            QuestionKind.Text, Incidents, Weight: 3),
        new("Do you have a business continuity and disaster recovery plan covering the service you provide to us, tested in the last 12 months?", QuestionKind.YesNo, Continuity, Weight: 3),
        new("What are the recovery time and recovery point objectives for the service, and where are backups kept?", QuestionKind.Text, Continuity, Weight: 3),
        new("Are backups encrypted, kept in a separate location or account, and restored in a test at least yearly?", QuestionKind.YesNo, Continuity, Weight: 2),
        new("Is any of our data (inputs, outputs, files or metadata) used to train or improve AI models, yours or a third party's?", QuestionKind.Choice, Ai,
            "Never, and the contract says so|5\nOnly with our explicit opt-in|4\nBy default, with an opt-out|1\nYes|0", 5),
        new("Which AI models or AI providers process our data in delivering the service, and in which regions?", QuestionKind.Text, Ai, Weight: 3),
        new("How long are prompts, outputs and logs containing our data retained by you and by any model provider, and can we have them deleted on request?",
            QuestionKind.Text, Ai, Weight: 3),
        new("Do you hold or work towards ISO/IEC 42001 (AI management system) certification?", QuestionKind.YesNo, Ai, Weight: 1),
        new("Do you publish a current list of the sub-processors that may process our data, and notify us before adding one?", QuestionKind.YesNo, Subprocessors, Weight: 3),
        new("Are your sub-processors bound by written security and data protection terms at least as strict as yours, and reviewed at least yearly?", QuestionKind.YesNo,
            Subprocessors, Weight: 3),
    ];
}
