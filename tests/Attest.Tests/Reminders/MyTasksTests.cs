using Attest.Improvement;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Reminders;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Reminders;

public sealed class MyTasksTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MyTasks_ListOnlyThePersonsOwnDueAndOverdueItems_OverdueFirst_AndTheirPageShowsThem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // Named so that the first is the one a member of both is signed in to.
        var organization = await app.SeedOrganizationAsync("A tasks " + Guid.NewGuid().ToString("N")[..6]);
        var other = await app.SeedOrganizationAsync("Z tasks " + Guid.NewGuid().ToString("N")[..6]);
        var employee = organization[OrganizationRole.Employee];
        var contributor = organization[OrganizationRole.Contributor];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var policy = await app.AddPublishedDocumentAsync(organization, "Acceptable Use Policy", redraft: false);
        var training = await app.AddTrainingAsync(organization, "Phishing basics");
        await app.AddActionAsync(organization, "Rotate API keys", employee.UserId, today.AddDays(-3));
        await app.AddActionAsync(organization, "Update the runbook", employee.UserId, today.AddDays(30));
        await app.AddActionAsync(organization, "Manager's own action", organization[OrganizationRole.Manager].UserId, today.AddDays(-1));
        // The same person in another organization, with an overdue action there.
        await app.WithCoreAsync(other.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember(employee.Email, null, OrganizationRole.Employee, null, null)));
        await app.AddActionAsync(other, "Foreign action", employee.UserId, today.AddDays(-5));
        // The Contributor's objective was last reviewed a quarter and two days ago; of its manual measures one has last month's value, one not.
        var lastReview = today.AddMonths(-3).AddDays(-2);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var (objectiveId, missingId) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var objective = new Objective
            {
                Reference = "OBJ-01", Title = "Client trust", OwnerId = contributor.UserId, StartOn = today.AddYears(-1), ReviewCadence = ReviewCadence.Quarterly,
                LastReviewedOn = lastReview,
            };
            db.Objectives.Add(objective);
            await db.SaveChangesAsync();
            Measure Manual(string title) => new()
            {
                ObjectiveId = objective.Id, Title = title, Source = MeasureSource.Manual, DataSourceNote = "Client survey", Comparison = TargetComparison.AtLeast,
                Target = 4.2m, Unit = MeasureUnit.Number, Frequency = MeasureFrequency.Monthly,
            };
            var missing = Manual("Client satisfaction");
            var entered = Manual("Client renewals");
            db.Measures.AddRange(missing, entered);
            await db.SaveChangesAsync();
            db.Measurements.Add(new Measurement
            {
                MeasureId = entered.Id, PeriodStart = thisMonth.AddMonths(-1), PeriodEnd = thisMonth.AddDays(-1), Value = 4.5m, Status = MeasureStatus.Green,
                Target = 4.2m, Kind = MeasurementKind.Manual, Note = "Survey of 40 clients.", TakenAt = DateTimeOffset.UtcNow, TakenBy = "Contributor Person",
            });
            await db.SaveChangesAsync();
            // Both measures have been there for a year.
            await db.Measures.ExecuteUpdateAsync(u => u.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow.AddYears(-1)));
            return (objective.Id, missing.Id);
        });

        var mine = await app.WithCoreAsync(organization.Id, (_, db) => MyTasks.ForUserAsync(db, employee.UserId, today));
        Assert.Equal(
        [
            new MyTask(TaskKind.CorrectiveAction, "CA-0001", "Rotate API keys", today.AddDays(-3), true, "/my/actions", "to complete"),
            new MyTask(TaskKind.Training, "TRN-01", "Phishing basics", today.AddDays(7), false, $"/my/training/{training.CourseId}", "to complete"),
            new MyTask(TaskKind.Acknowledgement, "POL-001", "Acceptable Use Policy", today.AddDays(14), false, $"/my/documents/{policy.Id}", "to accept"),
        ], mine.Items);
        Assert.Equal((1, 2), (mine.OverdueCount, mine.DueCount));

        var theirs = await app.WithCoreAsync(organization.Id, (_, db) => MyTasks.ForUserAsync(db, contributor.UserId, today));
        var review = Assert.Single(theirs.Items, t => t.Kind == TaskKind.ObjectiveReview);
        Assert.Equal(new MyTask(TaskKind.ObjectiveReview, "OBJ-01", "Client trust", lastReview.AddMonths(3), true, $"/objectives/{objectiveId}",
            $"last reviewed {lastReview:yyyy-MM-dd}"), review);
        var value = Assert.Single(theirs.Items, t => t.Kind == TaskKind.MeasureValue);
        var valueDue = thisMonth.AddDays(-1).AddDays(MyTasks.MeasureValueDueAfterDays);
        Assert.Equal(new MyTask(TaskKind.MeasureValue, "OBJ-01", "Client satisfaction", valueDue, valueDue < today, $"/objectives/measures/{missingId}",
            $"value for {thisMonth.AddMonths(-1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"), value);
        Assert.DoesNotContain(theirs.Items, t => t.Kind == TaskKind.CorrectiveAction);
        Assert.True(theirs.Items.First().Overdue);

        var browser = await app.SignInAsync(employee);
        var page = await browser.GetPageAsync("/my/tasks");
        Assert.Contains("<strong>1 overdue</strong>, 2 due soon.", page);
        Assert.Contains("Rotate API keys", page);
        Assert.Contains($"href=\"/my/training/{training.CourseId}\"", page);
        Assert.Contains($"href=\"/my/documents/{policy.Id}\"", page);
        Assert.True(page.IndexOf("Rotate API keys", StringComparison.Ordinal) < page.IndexOf("Phishing basics", StringComparison.Ordinal));
        Assert.DoesNotContain("Update the runbook", page);
        Assert.DoesNotContain("own action", page);
        Assert.DoesNotContain("Foreign action", page);
    }
}
