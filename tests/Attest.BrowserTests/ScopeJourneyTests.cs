using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>A CISO's first session, in a real browser: sign in, switch organization, write the scope, read its history, sign out.</summary>
public sealed class ScopeJourneyTests
{
    [Fact]
    public async Task ACiso_SignsIn_SwitchesOrganization_EditsTheScope_SeesItInHistory_AndSignsOut()
    {
        await using var server = await LiveServer.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        const string email = "casey@alpha.example";
        const string password = "a long passphrase for casey";
        var alpha = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Alpha Advisory {suffix}", "Europe/London"), null));
        var beta = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Beta Labs {suffix}", "UTC"), null));
        await server.WithCoreAsync(alpha.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Casey Ciso", OrganizationRole.Manager, null, password)));
        await server.WithCoreAsync(beta.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, null, OrganizationRole.Admin, null, null)));

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = alpha.Name, Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Organization" }).SelectOptionAsync(new SelectOptionValue { Label = $"{beta.Name} (Admin)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = beta.Name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"You are now working in {beta.Name}");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Context & scope" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit scope" }).ClickAsync();
        await page.GetByLabel("Scope statement").FillAsync("Beta Labs' research platform and its AI agents.");
        await page.GetByLabel("Excluded item 1").FillAsync("Public information");
        await page.GetByLabel("Justification 1").FillAsync("Published by design.");
        await page.GetByLabel("What changed").FillAsync("First scope");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scope" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved as revision 1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit scope" }).ClickAsync();
        await page.GetByLabel("Scope statement").FillAsync("Beta Labs' research platform, its AI agents and their training data.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scope" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved as revision 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("and their training data");

        await page.GetByRole(AriaRole.Link, new() { Name = "Field-by-field changes in the audit log" }).ClickAsync();
        var latest = page.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(latest).ToContainTextAsync("Updated");
        await Assertions.Expect(latest).ToContainTextAsync(email);
        await Assertions.Expect(latest.Locator(".diff-before", new() { HasText = "Beta Labs' research platform and its AI agents." })).ToHaveCountAsync(1);
        await Assertions.Expect(latest.Locator(".diff-after", new() { HasText = "and their training data" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/context");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }
}
