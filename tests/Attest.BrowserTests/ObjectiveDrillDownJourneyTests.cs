using Attest.Improvement;
using Attest.Objectives;
using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// The CISO sees a red measure at the top of the dashboard and follows it to the record behind the number — the overdue corrective
/// action that keeps "Overdue corrective actions" off its target — in a real browser.
/// </summary>
public sealed class ObjectiveDrillDownJourneyTests
{
    [Fact]
    public async Task ACiso_FollowsARedMeasureOnTheDashboard_ToTheRecordBehindIt()
    {
        await using var server = await LiveServer.StartAsync();
        const string password = "a long passphrase for everyone";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Measure Co {Guid.NewGuid():N}"[..19], "UTC"), null));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await server.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var ciso = await s.GetRequiredService<AddMember>().RunAsync(new NewMember("ciso@measure.example", "Casey Ciso", OrganizationRole.Manager, null, password));
            var actions = s.GetRequiredService<SaveCorrectiveAction>();
            await actions.RunAsync(null, new CorrectiveActionInput("Rotate the agents' API keys", OwnerId: ciso.UserId, DueOn: today.AddDays(-5)));
            await actions.RunAsync(null, new CorrectiveActionInput("Review the backup policy", OwnerId: ciso.UserId, DueOn: today.AddDays(20)));
            var objective = await s.GetRequiredService<SaveObjective>().RunAsync(null, new ObjectiveInput("Close corrective actions on time", ObjectiveKind.Strategic, ciso.UserId,
                Frameworks: ["iso27001-2022"]));
            await s.GetRequiredService<SaveMeasure>().RunAsync(null, new MeasureInput(objective, "Overdue corrective actions", MeasureSource.Computed, TargetComparison.EqualTo, 0,
                MeasureDirection.LowerIsBetter, MeasureUnit.Count, "actions.overdue"));
            return await s.GetRequiredService<TakeMeasurements>().RunAsync(MeasurementKind.OnDemand);
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync("ciso@measure.example");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The dashboard puts the red measure first, in words as well as colour, and links it to the records behind it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        var attention = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Overdue corrective actions" }).Filter(new() { HasText = "Red" });
        await Assertions.Expect(attention).ToContainTextAsync("1 overdue corrective action");
        await attention.GetByRole(AriaRole.Link, new() { Name = "Overdue corrective actions" }).ClickAsync();

        var records = page.GetByRole(AriaRole.Region, new() { Name = "Records behind this number" });
        await Assertions.Expect(records).ToContainTextAsync("Rotate the agents' API keys");
        await Assertions.Expect(records).Not.ToContainTextAsync("Review the backup policy");
        await records.GetByRole(AriaRole.Link).Filter(new() { HasText = "CA-" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rotate the agents' API keys");
    }
}
