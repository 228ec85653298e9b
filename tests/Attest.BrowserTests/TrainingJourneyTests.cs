using Attest.Organizations;
using Attest.People;
using Attest.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>An employee opens My training, takes the quiz, fails once, passes the second time and sees the course completed — in a real browser.</summary>
public sealed class TrainingJourneyTests
{
    [Fact]
    public async Task AnEmployee_FailsTheQuizOnce_ThenPasses_AndSeesTheCourseCompleted()
    {
        await using var server = await LiveServer.StartAsync();
        const string email = "emma@training.example";
        const string password = "a long passphrase for emma";
        var organization = await server.WithCoreAsync(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization($"Train Co {Guid.NewGuid():N}"[..18], "UTC"), null));
        await server.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember(email, "Emma Employee", OrganizationRole.Employee, null, password));
            db.People.Add(new Person { Name = "Emma Employee", Email = email, EmailKey = PersonLookup.KeyOf(email), Department = "Client delivery" });
            await db.SaveChangesAsync();
            var course = await s.GetRequiredService<SaveCourse>().RunAsync(null, new CourseInput("Security awareness essentials", "The basics.",
                Content: "## Phishing\n\nReport suspicious e-mails with the **Report phishing** button.", DurationMinutes: 15, PassingScore: 100));
            var questions = s.GetRequiredService<SaveQuizQuestion>();
            await questions.RunAsync(course, null, new QuizQuestionInput("What do you do with a phishing e-mail?", "Reply to it\nReport it\nForward it to colleagues", 2,
                "Reporting lets the security team block it for everyone."));
            await questions.RunAsync(course, null, new QuizQuestionInput("Who may know your password?", "Nobody\nYour manager", 1, "Nobody, ever."));
            return await s.GetRequiredService<SaveTrainingRequirement>().RunAsync(null, new TrainingRequirementInput(course, "Everyone", DueWithinDays: 7, RenewEveryMonths: 12));
        });

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "ISMS areas" }).GetByRole(AriaRole.Link, new() { Name = "My training" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "TRN-01 Security awareness essentials" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("TRN-01 Security awareness essentials");
        await Assertions.Expect(page.GetByText("Reporting lets the security team block it")).ToHaveCountAsync(0);

        // First attempt: one wrong answer.
        await page.GetByRole(AriaRole.Group, new() { Name = "1. What do you do with a phishing e-mail?" }).GetByLabel("Reply to it").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "2. Who may know your password?" }).GetByLabel("Nobody").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result: 50% — not passed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Reporting lets the security team block it for everyone.")).ToBeVisibleAsync();

        // Second attempt: all right.
        await page.GetByRole(AriaRole.Group, new() { Name = "1. What do you do with a phishing e-mail?" }).GetByLabel("Report it").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "2. Who may know your password?" }).GetByLabel("Nobody").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You passed with 100%");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result: 100% — passed" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "← My training" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nothing to do: you are up to date.")).ToBeVisibleAsync();
        var completed = page.GetByRole(AriaRole.Table, new() { Name = "Completed" });
        await Assertions.Expect(completed.GetByRole(AriaRole.Row).Filter(new() { HasText = "Security awareness essentials" })).ToContainTextAsync("100%");
    }
}
