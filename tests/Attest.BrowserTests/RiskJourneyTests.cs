using Attest.Controls;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The CISO adopts the 5 × 5 methodology, adds a risk from the library, plans its treatment with a control, accepts the residual risk and
/// sees it on the heatmaps — in a real browser.
/// </summary>
public sealed class RiskJourneyTests
{
    [Fact]
    public async Task ACiso_AddsALibraryRisk_TreatsIt_AcceptsTheResidual_AndTheHeatmapsFollow()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "ciso@risk.example";
        const string password = "a long passphrase for the ciso";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Risk Co {Guid.NewGuid():N}"[..18], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Casey Ciso", OrganizationRole.Manager, null, password, JobTitle: "CISO"));
            var requirement = await db.Requirements.Join(db.Frameworks.Where(f => f.Key == "iso27001-2022"), r => r.FrameworkId, f => f.Id, (r, _) => r)
                .Where(r => r.Code == "A.8.28").Select(r => r.Id).SingleAsync();
            return await s.GetRequiredService<SaveControl>().RunAsync(null, new ControlInput(null, "Agent input isolation and output filtering", null, null,
                ImplementationStatus.Planned, null, null, null, null, [requirement]));
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // No methodology yet: the register offers the ready-made ones.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Risks" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the 5 × 5 methodology" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Methodology v1 is now in use");

        // Add a risk from the library: it arrives with the control that treats it, as planned.
        await page.GotoAsync("/risks/library");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to register: Prompt injection manipulates an AI agent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("R-001 Prompt injection manipulates an AI agent");
        await Assertions.Expect(page.GetByLabel("Controls to add or strengthen")).ToHaveValueAsync("CTL-001");

        // Rate it, plan the treatment, rate what remains.
        await page.GetByLabel("Inherent likelihood").SelectOptionAsync("4");
        await page.GetByLabel("Inherent impact").SelectOptionAsync("4");
        await page.GetByLabel("Treatment option").SelectOptionAsync("Mitigate");
        await page.GetByLabel("Residual likelihood").SelectOptionAsync("2");
        await page.GetByLabel("Residual impact").SelectOptionAsync("3");
        await page.GetByLabel("Status").SelectOptionAsync("InTreatment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save risk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved");
        await Assertions.Expect(page.GetByText("Inherent level: High")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Residual level: Medium")).ToBeVisibleAsync();

        await page.GetByLabel("Task", new() { Exact = true }).FillAsync("Deploy output filtering for client-facing agents");
        await page.GetByLabel("Due").FillAsync("2027-01-31");
        await page.GetByLabel("Control a control reference").FillAsync("CTL-001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("added to the treatment plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Deploy output filtering for client-facing agents", Exact = true })).ToBeVisibleAsync();

        // The heatmaps place it: High 4 × 4 before treatment, Medium 2 × 3 after.
        await page.GotoAsync("/risks");
        var inherent = page.GetByRole(AriaRole.Link, new() { Name = "Likelihood 4 Likely × impact 4 Major: High, 1 risk" });
        var residual = page.GetByRole(AriaRole.Link, new() { Name = "Likelihood 2 Unlikely × impact 3 Moderate: Medium, 1 risk" });
        await Assertions.Expect(inherent).ToBeVisibleAsync();
        await Assertions.Expect(residual).ToBeVisibleAsync();

        // Accept the residual risk (the CISO may accept Medium).
        await residual.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 risk(s)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prompt injection manipulates an AI agent" }).ClickAsync();
        await Assertions.Expect(page.GetByText("A Medium residual risk may be accepted by the CISO (CISO)")).ToBeVisibleAsync();
        await page.GetByLabel("Why the residual risk is acceptable").FillAsync("Output filtering and human review keep it within appetite.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept residual risk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted the residual risk of R-001");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Casey Ciso <ciso@risk.example> as CISO" })).ToBeVisibleAsync();

        // Accepted risks on the residual map: it has moved into the accepted view at its residual cell.
        await page.GotoAsync("/risks?status=Accepted");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Likelihood 2 Unlikely × impact 3 Moderate: Medium, 1 risk" })).ToBeVisibleAsync();
        await page.GotoAsync("/risks?status=InTreatment");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Likelihood 2 Unlikely × impact 3 Moderate: Medium, 1 risk" })).ToHaveCountAsync(0);
    }
}
