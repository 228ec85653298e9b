using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>The CISO raises a corrective action for an employee; the employee finds it under My actions and records it done — in a real browser.</summary>
public sealed class CorrectiveActionJourneyTests
{
    [Fact]
    public async Task ACiso_RaisesAnActionForAnEmployee_WhoCompletesItFromMyActions()
    {
        await using var server = await LiveServer.StartAsync();
        const string password = "a long passphrase for everyone";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Action Co {Guid.NewGuid():N}"[..18], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember("ciso@actions.example", "Casey Ciso", OrganizationRole.Manager, null, password));
            return await s.GetRequiredService<AddMember>().RunAsync(new NewMember("emma@actions.example", "Emma Employee", OrganizationRole.Employee, null, password));
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        async Task SignInAsync(string email)
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        await SignInAsync("ciso@actions.example");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Corrective actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New action" }).ClickAsync();
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("Enable full-disk encryption on the laptop");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Emma Employee" });
        await page.GetByLabel("Due").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise action" }).ClickAsync();
        // The form came from the register, so it returns there; the action is open and two days overdue.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("has been raised");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Enable full-disk encryption on the laptop" });
        await Assertions.Expect(row).ToContainTextAsync("2 d overdue");
        await Assertions.Expect(row).ToContainTextAsync("Emma Employee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync("emma@actions.example");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "My actions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CA-0001 Enable full-disk encryption on the laptop" })).ToBeVisibleAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Done");
        await page.GetByLabel("Outcome").FillAsync("BitLocker enabled and the recovery key escrowed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress on CA-0001" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The action is done.");
        await Assertions.Expect(page.GetByText("You have no open actions.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync("ciso@actions.example");
        await page.GotoAsync("/actions?status=Done");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Enable full-disk encryption on the laptop" })).ToContainTextAsync("Done");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "closed in the last 12 months" })).ToContainTextAsync("1 closed");
    }
}
