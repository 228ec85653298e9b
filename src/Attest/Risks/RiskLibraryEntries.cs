namespace Attest.Risks;

public static partial class RiskLibrary
{
    public static IReadOnlyList<LibraryRisk> Entries { get; } =
    [
        new("prompt-injection", "Prompt injection manipulates an AI agent", "AI agents",
            "An attacker hides instructions in a client document, e-mail or web page that the agent reads.",
            "Agents follow instructions found in untrusted content and can call tools or reveal data.",
            "A client-facing agent is steered by injected instructions into disclosing another client's data, taking unintended actions through its tools, or giving manipulated advice.",
            RiskTreatment.Mitigate, "Separate untrusted content from instructions, restrict agent tools to least privilege, filter outputs, and test agents against injection before release.",
            "Annex A 8.28, 8.29; ISO 42001 Annex A 6.2.4, 6.2.5"),
    ];
}
