using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>The CISO registers an AI system, runs its impact assessment to approval, and sees the dashboard figure change — in a real browser.</summary>
public sealed class AiAssessmentJourneyTests
{
    [Fact]
    public async Task ACiso_RegistersAnAiSystem_AssessesItToApproval_AndTheDashboardCountsIt()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "ciso@ai.example";
        const string password = "a long passphrase for the ciso";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"AI Co {Guid.NewGuid():N}"[..16], "UTC"), null));
        await server.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Casey Ciso", OrganizationRole.Manager, null, password)));

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Assets and AI" })).ToContainTextAsync("0 with a current approved impact assessment");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "AI systems & impact" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register an AI system" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Patient triage assistant");
        await page.GetByLabel("Service category").SelectOptionAsync("Healthcare");
        await page.GetByLabel("Intended use").FillAsync("Suggests urgency levels for clinicians to confirm.");
        await page.GetByLabel("EU AI Act risk category").SelectOptionAsync("High");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save AI system" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("EuAiActReason");
        await page.GetByLabel("Why").FillAsync("Supports decisions about access to healthcare.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save AI system" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start one" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Triage assistant impact assessment");
        await page.GetByLabel("Scope and intended use").FillAsync("Triage suggestions for clinicians in client clinics.");
        await page.GetByLabel("Conclusion").FillAsync("Acceptable with clinician confirmation of every suggestion.");
        await page.GetByLabel("Reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Casey Ciso" });
        await page.GetByLabel("Approver").SelectOptionAsync(new SelectOptionValue { Label = "Casey Ciso" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved");

        var partyForm = page.GetByRole(AriaRole.Form, new() { Name = "Add an affected party" });
        await partyForm.GetByLabel("Affected party").FillAsync("Patients");
        await partyForm.GetByLabel("Kind").SelectOptionAsync("ClientsCustomers");
        await partyForm.GetByRole(AriaRole.Button, new() { Name = "Add party" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The affected party has been added");
        var impactForm = page.GetByRole(AriaRole.Form, new() { Name = "Add a benefit or harm" });
        await impactForm.GetByLabel("Dimension").SelectOptionAsync("Safety");
        await impactForm.GetByLabel("Description", new() { Exact = true }).FillAsync("An urgent case is ranked as routine");
        await impactForm.GetByLabel("Severity (1–5)", new() { Exact = true }).FillAsync("5");
        await impactForm.GetByLabel("Likelihood (1–5)", new() { Exact = true }).FillAsync("2");
        await impactForm.GetByLabel("Mitigation").FillAsync("A clinician confirms every ranking");
        await impactForm.GetByLabel("Residual severity (1–5)").FillAsync("5");
        await impactForm.GetByLabel("Residual likelihood (1–5)").FillAsync("1");
        await impactForm.GetByRole(AriaRole.Button, new() { Name = "Add impact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "5 × 2 = medium" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record my review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and freeze a version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status: approved — latest approved version 1.0" })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Assets and AI" })).ToContainTextAsync("1 with a current approved impact assessment");
    }
}
