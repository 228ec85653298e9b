using Attest.Controls;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The CISO writes and approves a recovery plan, records a restore test that missed the plan's RTO — which becomes evidence of the backup
/// control — and records a month of uptime below target, in a real browser.
/// </summary>
public sealed class ContinuityJourneyTests
{
    [Fact]
    public async Task ACiso_ApprovesAPlan_RecordsARestoreTestAsEvidence_AndAMissedMonth()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "ciso@continuity.example";
        const string password = "a long passphrase for the ciso";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Resilient {Guid.NewGuid():N}"[..18], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Casey Ciso", OrganizationRole.Manager, null, password, JobTitle: "CISO"));
            var requirement = await db.Requirements.Join(db.Frameworks.Where(f => f.Key == "iso27001-2022"), r => r.FrameworkId, f => f.Id, (r, _) => r)
                .Where(r => r.Code == "A.8.13").Select(r => r.Id).SingleAsync();
            return await s.GetRequiredService<SaveControl>().RunAsync(null, new ControlInput(null, "Backup and recovery", null, null,
                ImplementationStatus.Implemented, null, null, null, null, [requirement]));
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // A plan approved without steps is refused, naming the field; with them it is approved today.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Business continuity" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New plan" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Client data restore");
        await page.GetByLabel("Kind").SelectOptionAsync("Recovery");
        await page.GetByLabel("Status").SelectOptionAsync("Approved");
        await page.GetByLabel("Recovery time objective").FillAsync("4h");
        await page.GetByLabel("Recovery point objective").FillAsync("1d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Steps: an approved plan needs its steps.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Steps Markdown, in order" }).FillAsync("1. Restore last night's backup into an isolated account.\n2. Check 50 documents.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("BCP-001 Client data restore");
        await Assertions.Expect(page.GetByText($"Approved on {DateTime.UtcNow:yyyy-MM-dd}")).ToBeVisibleAsync();

        // A restore test that took longer than the RTO: flagged, and recorded as evidence.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an exercise of this plan" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Quarterly restore test");
        await page.GetByLabel("Type").SelectOptionAsync("RestoreTest");
        await page.GetByLabel("Result").SelectOptionAsync("PassedWithIssues");
        await page.GetByLabel("Restore time achieved").FillAsync("5h 30min");
        await page.GetByLabel("Data lost").FillAsync("20h");
        await page.GetByLabel("Issues found").FillAsync("The snapshot copy was throttled.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save exercise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("EX-001 Quarterly restore test");
        await Assertions.Expect(page.GetByText("RTO missed").First).ToBeVisibleAsync();
        await page.GetByText("Raise a follow-up action").ClickAsync();
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("Raise the snapshot copy quota");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise action" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Follow-up action 'Raise the snapshot copy quota' raised.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evidence EV-000001" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Restore time: 5h 30min (objective 4h) — RTO missed", new() { Exact = true })).ToBeVisibleAsync();

        // A monitored service misses its target one month.
        await page.GotoAsync("/continuity/availability");
        await page.GetByLabel("Name as monitoring tools will name it").FillAsync("Client portal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await page.GotoAsync("/continuity/availability");
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM");
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(lastMonth);
        await page.GetByLabel("Uptime (%)").FillAsync("99.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Missed months" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"{lastMonth}: 99.5 % against 99.9 %" })).ToBeVisibleAsync();
    }
}
