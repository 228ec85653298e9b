using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// An employee reports an incident; the CISO triages and contains it, marks personal data, records the notification to the authority,
/// writes the lessons learned and closes it — in a real browser.
/// </summary>
public sealed class IncidentJourneyTests
{
    [Fact]
    public async Task AReportedIncident_IsTriagedContainedNotifiedAndClosedWithLessonsLearned()
    {
        await using var server = await LiveServer.StartAsync();
        const string employeeEmail = "eli@incident.example";
        const string cisoEmail = "ciso@incident.example";
        const string password = "a long passphrase for everyone";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Incident Co {Guid.NewGuid():N}"[..22], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember(employeeEmail, "Eli Employee", OrganizationRole.Employee, null, password));
            return await s.GetRequiredService<AddMember>().RunAsync(new NewMember(cisoEmail, "Casey Ciso", OrganizationRole.Manager, null, password, JobTitle: "CISO"));
        });

        // The employee reports what they saw.
        await using (var employeeContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address }))
        {
            var employee = await employeeContext.NewPageAsync();
            await SignInAsync(employee, employeeEmail, password);
            await employee.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Report an incident" }).ClickAsync();
            await employee.GetByLabel("What happened, in a line").FillAsync("Contract agent showed another client's matter notes");
            await employee.GetByLabel("Details").FillAsync("The answer to my research question quoted notes from a matter I do not work on.");
            await employee.GetByLabel("Category").SelectOptionAsync("DataLeak");
            await employee.GetByRole(AriaRole.Radio, new() { Name = "High" }).CheckAsync();
            await employee.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
            await Assertions.Expect(employee.GetByRole(AriaRole.Status).First).ToContainTextAsync("INC-0001 has been reported");
            await Assertions.Expect(employee.GetByRole(AriaRole.Cell, new() { Name = "Reported", Exact = true })).ToBeVisibleAsync();
        }

        // The CISO takes it from the register.
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await SignInAsync(page, cisoEmail, password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Incidents", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Contract agent showed another client's matter notes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("INC-0001 Contract agent showed another client's matter notes");

        await page.GetByLabel("Move to").SelectOptionAsync("Triaged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("INC-0001 is now Triaged");

        // The handler takes ownership and marks the personal data: the breach record opens with its clock.
        await page.GetByLabel("Handler").SelectOptionAsync(new SelectOptionValue { Label = "Casey Ciso" });
        await page.GetByLabel("Personal data involved").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save incident" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("INC-0001 has been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("left");

        await page.GetByLabel("Move to").SelectOptionAsync("Contained");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("INC-0001 is now Contained");

        // Notify the authority from the breach record.
        await page.GetByRole(AriaRole.Link, new() { Name = "Breach assessment and notifications" }).ClickAsync();
        await page.GetByLabel("Notified", new() { Exact = true }).SelectOptionAsync("SupervisoryAuthority");
        await page.GetByLabel("Recipient name").FillAsync("ICO");
        await page.GetByLabel("Method").FillAsync("ICO breach reporting portal");
        await page.GetByLabel("External reference").FillAsync("ICO/2026/0999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log notification" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The notification to ICO has been logged");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notified", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("within the deadline")).ToBeVisibleAsync();

        // Closing needs the lessons learned first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the incident" }).ClickAsync();
        await page.GetByLabel("Move to").SelectOptionAsync("Closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lessons learned are recorded");
        await page.GetByLabel("Root cause").FillAsync("The retrieval index lacked a tenant filter for one corpus.");
        await page.GetByLabel("Lessons learned").FillAsync("Every index carries tenant tags; cross-tenant retrieval is tested on each release.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("post-incident review has been saved");
        await page.GetByLabel("Move to").SelectOptionAsync("Closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("INC-0001 is now Closed");

        // A corrective action from the review, and the register shows it closed within its SLA.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Corrective action", Exact = true }).FillAsync("Add cross-tenant retrieval tests to the release evaluation");
        await page.GetByLabel("Due on").FillAsync("2027-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Add cross-tenant retrieval tests to the release evaluation" })).ToBeVisibleAsync();
        await page.GotoAsync("/incidents?state=Closed");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "INC-0001" })).ToContainTextAsync("met");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
