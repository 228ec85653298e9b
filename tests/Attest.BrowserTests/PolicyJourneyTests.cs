using Attest.Organizations;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>A policy from first draft to an employee's acceptance, and a hostile policy text that must stay inert, in a real browser.</summary>
public sealed class PolicyJourneyTests
{
    private sealed record Person(string Email, string Password);

    private static async Task<(LiveServer Server, Guid Organization, Person Ciso, Person Ceo, Person Employee)> StartAsync()
    {
        var server = await LiveServer.StartAsync();
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Policy Co {Guid.NewGuid():N}"[..20], "UTC"), null));
        var ciso = new Person("ciso@policy.example", "a long passphrase for the ciso");
        var ceo = new Person("ceo@policy.example", "a long passphrase for the ceo");
        var employee = new Person("eli@policy.example", "a long passphrase for eli");
        await server.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(ciso.Email, "Casey Ciso", OrganizationRole.Manager, null, ciso.Password, "CISO")));
        await server.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(ceo.Email, "Chris Ceo", OrganizationRole.Admin, null, ceo.Password, "CEO")));
        await server.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(employee.Email, "Eli Employee", OrganizationRole.Employee, null, employee.Password)));
        return (server, organization.Id, ciso, ceo, employee);
    }

    private static async Task<IPage> SignInAsync(LiveServer server, Person person)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task APolicy_IsDrafted_Approved_Published_AndAcknowledged()
    {
        var (server, _, ciso, ceo, employee) = await StartAsync();
        await using var _ = server;

        var page = await SignInAsync(server, ciso);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Policies", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Access Control Policy");
        await page.GetByLabel("What it covers").FillAsync("How access is granted, reviewed and removed.");
        await page.GetByLabel("ISO relevance").FillAsync("Annex A 5.15-6.1");
        await page.GetByLabel("Text Markdown").FillAsync("## Rules\n\n- Access is granted on least privilege.");
        await page.GetByLabel("Required approvers").FillAsync("CISO, CEO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("spans more than one theme");
        await page.GetByLabel("ISO relevance").FillAsync("Annex A 5.18, 5.15, 5.17, 5.16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "ISO relevance" })).ToContainTextAsync("Annex A 5.15-5.18");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve version 1.0" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Awaiting approval from: CEO.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1.0" })).ToHaveCountAsync(0);

        var ceoPage = await SignInAsync(server, ceo);
        await Assertions.Expect(ceoPage.GetByText("1 document version(s) waiting for your approval.")).ToBeVisibleAsync();
        await ceoPage.GetByRole(AriaRole.Link, new() { Name = "Open my policies" }).ClickAsync();
        await ceoPage.GetByRole(AriaRole.Link, new() { Name = "POL-001 Access Control Policy, version 1.0" }).ClickAsync();
        await ceoPage.GetByRole(AriaRole.Button, new() { Name = "Approve version 1.0" }).ClickAsync();
        await Assertions.Expect(ceoPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your approval has been recorded");

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1.0" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1.0 is published");

        var employeePage = await SignInAsync(server, employee);
        await employeePage.GetByRole(AriaRole.Link, new() { Name = "Open my policies" }).ClickAsync();
        await employeePage.GetByRole(AriaRole.Link, new() { Name = "POL-001 Access Control Policy" }).ClickAsync();
        await Assertions.Expect(employeePage.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "least privilege" })).ToBeVisibleAsync();
        await employeePage.GetByRole(AriaRole.Button, new() { Name = "I have read and accept version 1.0" }).ClickAsync();
        await Assertions.Expect(employeePage.GetByRole(AriaRole.Status)).ToContainTextAsync("your acceptance has been recorded");
        await Assertions.Expect(employeePage.GetByRole(AriaRole.Region, new() { Name = "Accepted" })).ToContainTextAsync("Access Control Policy");

        await page.GotoAsync("/policies/acknowledgements");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "POL-001" })).ToContainTextAsync("1 of 3");
    }

    [Fact]
    public async Task ScriptsAndJavascriptLinksWrittenIntoAPolicy_NeverRun()
    {
        var (server, organization, ciso, _, _) = await StartAsync();
        await using var _ = server;
        const string hostile = """
            ## Rules

            <script>window.__attacked = 'script';</script>
            <img src="x" onerror="window.__attacked = 'onerror'">
            [Click me](javascript:window.__attacked='link')
            <a href="javascript:window.__attacked='anchor'">anchor</a>
            """;
        var id = await server.WithCoreAsync(organization, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null,
            new DocumentInput("Hostile Policy", "Testing.", hostile, Approvers: "CISO")));

        var page = await SignInAsync(server, ciso);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync($"/policies/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rules" })).ToBeVisibleAsync();
        foreach (var name in new[] { "Click me", "anchor" })
        {
            var link = page.GetByRole(AriaRole.Article).GetByText(name);
            if (await link.CountAsync() > 0) await link.First.ClickAsync(new() { Force = true });
        }
        await page.GotoAsync($"/policies/{id}");
        Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.__attacked ?? 'none')"));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator("article script").CountAsync());
        Assert.Equal(0, await page.Locator("article [onerror]").CountAsync());
        Assert.Equal(0, await page.Locator("article a[href^='javascript']").CountAsync());
    }
}
