using Attest.AccessReviews;
using Attest.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>An employee who owns a system signs in, opens their access review, keeps one account, revokes a privileged one with a comment, and the review completes.</summary>
public sealed class AccessReviewJourneyTests
{
    [Fact]
    public async Task AReviewer_KeepsOneAccount_RevokesAPrivilegedOneWithAComment_AndTheReviewCompletes()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "reviewer@access.example";
        const string password = "a long passphrase for the reviewer";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Access Co {Guid.NewGuid():N}"[..20], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var reviewer = await s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Rae Reviewer", OrganizationRole.Employee, null, password));
            var system = await s.GetRequiredService<SaveAccessSystem>().RunAsync(null, new AccessSystemInput("CRM", OwnerId: reviewer.UserId));
            await s.GetRequiredService<LoadSystemAccounts>().RunAsync(system,
            [
                new AccessAccountInput("ana", Entitlement: "ReadOnly", LastUsedOn: DateOnly.FromDateTime(DateTime.UtcNow)),
                new AccessAccountInput("root", Entitlement: "Admin", Privileged: true),
            ], "crm.csv");
            var campaign = await s.GetRequiredService<SaveAccessReview>().RunAsync(null, new AccessReviewInput("Q4 2026 access review", [system], ReviewerRule.SystemOwner,
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
            return await s.GetRequiredService<OpenAccessReview>().RunAsync(campaign, 1);
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "My access reviews" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "AR-001 Q4 2026 access review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("AR-001 Q4 2026 access review: your items");

        // Keep the ordinary account.
        await page.GetByLabel("Decision for ana (ReadOnly)").SelectOptionAsync("Keep");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision for ana (ReadOnly)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Keep: ana is decided.");

        // Revoking the privileged account without a comment is refused; with one it is saved and completes the review.
        await page.GetByLabel("Decision for root (Admin)").SelectOptionAsync("Revoke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision for root (Admin)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Comment: is required for privileged access");
        await page.GetByLabel("Comment for root (Admin) (required: privileged)").FillAsync("Shared administrator login; named accounts only.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision for root (Admin)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Every item is decided: the review is completed.");
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/my/access-reviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "0 of 2" })).ToBeVisibleAsync();
    }
}
