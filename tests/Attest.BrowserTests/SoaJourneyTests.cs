using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Attest.BrowserTests;

/// <summary>The CISO justifies an exclusion, approves the SoA and takes the XLSX away, in a real browser.</summary>
public sealed class SoaJourneyTests
{
    [Fact]
    public async Task ACiso_EditsAJustification_ApprovesTheSoa_AndDownloadsTheXlsx()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "ciso@soa.example";
        const string password = "a long passphrase for the ciso";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"SoA Co {Guid.NewGuid():N}"[..16], "UTC"), null));
        await server.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Casey Ciso", OrganizationRole.Manager, null, password)));

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Statement of Applicability" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit A.8.30" }).ClickAsync();
        await page.GetByLabel("No, it is excluded").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is required when A.8.30 is excluded");
        await page.GetByLabel("Justification").FillAsync("All development is done in-house; nothing is outsourced.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A.8.30 has been saved");

        await page.GetByLabel("Approval note").FillAsync("First approved SoA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this SoA" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("approved as version 1.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ISO/IEC 27001:2022 — version 1.0" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "XLSX" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"soa-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Equal("soa-iso27001-2022-1.0.xlsx", download.SuggestedFilename);
            var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Statement of Applicability").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(93, rows.Count);
            var row = rows.Single(r => (string?)r["Control"] == "A.8.30");
            Assert.Equal("No", row["Applicable"]);
            Assert.Equal("All development is done in-house; nothing is outsourced.", row["Justification"]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
