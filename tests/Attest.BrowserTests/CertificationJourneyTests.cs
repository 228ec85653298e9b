using Attest.Certification;
using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The CISO records a completed stage 1 audit on the ISO 27001 programme, adds the auditor's minor nonconformity, and finds it in the
/// nonconformity register — in a real browser.
/// </summary>
public sealed class CertificationJourneyTests
{
    [Fact]
    public async Task ACiso_RecordsAStage1AuditWithAMinorNonconformity_AndSeesItInTheNonconformityRegister()
    {
        await using var server = await LiveServer.StartAsync();
        const string password = "a long passphrase for everyone";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Cert Co {Guid.NewGuid():N}"[..16], "UTC"), null));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await server.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember("ciso@cert.example", "Casey Ciso", OrganizationRole.Manager, null, password));
            return await s.GetRequiredService<SaveProgramme>().RunAsync(null, new ProgrammeInput("ISO 27001 certification", "ISO/IEC 27001:2022", "iso27001-2022", today.AddMonths(-4),
                CertificationBody: "Example Certification Ltd"));
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync("ciso@cert.example");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Certification" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ISO 27001 certification" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ISO 27001 certification", Level = 1 })).ToBeVisibleAsync();

        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd");
        var audits = page.GetByRole(AriaRole.Region, new() { Name = "External audits" });
        await audits.GetByLabel("Audit", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Stage 1" });
        await audits.GetByLabel("First day", new() { Exact = true }).FillAsync(today.AddDays(-2).ToString("yyyy-MM-dd"));
        await audits.GetByLabel("Last day", new() { Exact = true }).FillAsync(yesterday);
        await audits.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Completed");
        await audits.GetByLabel("Conclusion").SelectOptionAsync("Conditional");
        await audits.GetByLabel("Lead auditor").FillAsync("Dana Reyes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record audit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "EA-001 Stage 1 audit" })).ToBeVisibleAsync();
        await page.GetByLabel("Finding", new() { Exact = true }).FillAsync("Supplier security reviews not evidenced");
        await page.GetByLabel("Grade").SelectOptionAsync("Minor");
        await page.GetByLabel("Requirement").FillAsync("A.5.22");
        await page.GetByLabel("Auditor's reference").FillAsync("Minor NC 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record finding" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("has been recorded in the nonconformity register");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Supplier security reviews not evidenced" })).ToContainTextAsync("NC-001");

        // Completing stage 1 marked its milestone done on the audit's last day.
        await page.GetByRole(AriaRole.Link, new() { Name = "ISO 27001 certification" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Status of Stage 1 audit")).ToHaveValueAsync("Done");
        await Assertions.Expect(page.GetByLabel("Done date of Stage 1 audit")).ToHaveValueAsync(yesterday);

        await page.GotoAsync("/nonconformities");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Supplier security reviews not evidenced" });
        await Assertions.Expect(row).ToContainTextAsync("NC-001");
        await Assertions.Expect(row).ToContainTextAsync("Minor");
    }
}
