using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Reviews;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Reviews;

/// <summary>Management review inputs gathered as at a date, held reviews freezing them, and actions and nonconformities raised from a review.</summary>
public sealed class ManagementReviewInputsTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inputs_AsAtADay_JudgeEachRecordByItsOwnDates(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (asAt, since) = (Today.AddDays(-10), Today.AddDays(-60));

        // A minor raised before the day and closed after it was open on the day; one closed inside the window was not.
        var closedLater = await app.AddNonconformityAsync(organization, "Closed after the day", FindingGrade.Minor, raisedOn: Today.AddDays(-20));
        var closedBefore = await app.AddNonconformityAsync(organization, "Closed in the window", FindingGrade.Minor, raisedOn: Today.AddDays(-40));
        await app.AddNonconformityAsync(organization, "Raised after the day", FindingGrade.Major, raisedOn: Today.AddDays(-2));
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await db.Nonconformities.Where(n => n.Id == closedLater).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NonconformityStatus.Closed).SetProperty(n => n.ClosedOn, Today.AddDays(-5)));
            await db.Nonconformities.Where(n => n.Id == closedBefore).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NonconformityStatus.Closed).SetProperty(n => n.ClosedOn, Today.AddDays(-30)));
        });

        // An action done before the day counts as done; one done after it was still open (and overdue) on the day.
        var doneBefore = await app.AddActionAsync(organization, "Done before the day", dueOn: Today.AddDays(-20), status: ActionStatus.Done, completedOn: Today.AddDays(-15));
        var doneAfter = await app.AddActionAsync(organization, "Done after the day", dueOn: Today.AddDays(-12), status: ActionStatus.Done, completedOn: Today.AddDays(-5));
        await app.RaiseEarlierAsync(organization, doneBefore, 30);
        await app.RaiseEarlierAsync(organization, doneAfter, 30);

        // An incident detected in the window counts; one detected after the day does not. The one in the window took 2 days to contain a High.
        var inWindow = await app.AddIncidentAsync(organization, "Detected in the window");
        var afterDay = await app.AddIncidentAsync(organization, "Detected after the day");
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var detected = At(Today.AddDays(-20));
            await db.Incidents.Where(i => i.Id == inWindow).ExecuteUpdateAsync(u => u.SetProperty(i => i.OccurredAt, detected.AddHours(-1)).SetProperty(i => i.DetectedAt, detected)
                .SetProperty(i => i.ContainedAt, detected.AddDays(2)).SetProperty(i => i.RecoveredAt, detected.AddDays(2)));
            await db.Incidents.Where(i => i.Id == afterDay).ExecuteUpdateAsync(u => u.SetProperty(i => i.DetectedAt, At(Today.AddDays(-3))));
        });

        // Context: an issue added in the window and a party changed in it are listed; an issue from long before is not.
        var added = await app.AddIssueAsync(organization, "New AI regulation in force");
        var old = await app.AddIssueAsync(organization, "Remote work");
        var party = await app.AddPartyAsync(organization, "Clients");
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await db.ContextIssues.Where(i => i.Id == added).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedAt, At(Today.AddDays(-25))).SetProperty(i => i.UpdatedAt, At(Today.AddDays(-25))));
            await db.ContextIssues.Where(i => i.Id == old).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedAt, At(Today.AddDays(-300))).SetProperty(i => i.UpdatedAt, At(Today.AddDays(-300))));
            await db.InterestedParties.Where(p => p.Id == party).ExecuteUpdateAsync(u => u.SetProperty(p => p.CreatedAt, At(Today.AddDays(-300))).SetProperty(p => p.UpdatedAt, At(Today.AddDays(-11))));
        });

        var inputs = await app.WithCoreAsync(organization.Id, (_, db) => ManagementReviewInputs.GatherAsync(db, asAt, since));

        Assert.Equal((asAt, since), (inputs.AsAt, inputs.Since));
        var minor = inputs.Improvement.Nonconformities.Single(g => g.Grade == FindingGrade.Minor);
        Assert.Equal((1, 2, 1), (minor.OpenAsAt, minor.Raised, minor.Closed));
        Assert.Equal((0, 0), (inputs.Improvement.Nonconformities.Single(g => g.Grade == FindingGrade.Major).OpenAsAt, inputs.Improvement.Nonconformities.Single(g => g.Grade == FindingGrade.Major).Raised));
        Assert.Equal(["Closed after the day"], inputs.Improvement.OpenNonconformities.Select(n => n.Title));
        Assert.Equal((1, 1, 2, 1), (inputs.Improvement.ActionsOpen, inputs.Improvement.ActionsOverdue, inputs.Improvement.ActionsRaised, inputs.Improvement.ActionsDone));
        Assert.Equal(["Done after the day"], inputs.Improvement.OverdueActions.Select(a => a.Title));
        Assert.Equal((1, 1), (inputs.Incidents.Total, inputs.Incidents.BySeverity.Single(s => s.Severity == IncidentSeverity.High).Count));
        Assert.Equal(("Detected in the window", "containment"), (inputs.Incidents.Missed.Single().Title, inputs.Incidents.Missed.Single().Missed));
        Assert.Equal([("Issue", "New AI regulation in force", "Added", Today.AddDays(-25)), ("Interested party", "Clients", "Changed", Today.AddDays(-11))],
            inputs.Context.Items.Select(c => (c.Kind, c.Name, c.Change, c.On)));
        Assert.Equal((1, 1), (inputs.Context.Issues, inputs.Context.Parties));

        // The frozen form reads back the same.
        Assert.Equal(inputs.ToJson(), ManagementReviewInputs.FromJson(inputs.ToJson()).ToJson());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Holding_FreezesTheInputs_AndTheReviewsActionsComeBackUnderTheNextReviewsInputA(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ciso = organization[OrganizationRole.Manager].UserId;
        await app.AddNonconformityAsync(organization, "Before the first review", FindingGrade.Minor, raisedOn: Today.AddDays(-50));

        var first = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveManagementReview>().RunAsync(null,
            new ManagementReviewInput("First review", Today.AddDays(-30), ciso, "Alex, CEO\n\n Casey, CISO ", "Minutes.")));
        var action = await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<RecordReviewDecision>().RunAsync(first, ReviewDecisionKind.Resources, "Hire a second on-call engineer.");
            return await s.GetRequiredService<AddReviewAction>().RunAsync(first, new ReviewActionInput("Hire the engineer", null, ciso, Today.AddDays(-1)));
        });
        var noDate = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<AddReviewAction>().RunAsync(first, new ReviewActionInput("Undated"))));
        Assert.Equal("is required: an action is tracked to a date.", noDate.Errors["DueOn"][0]);

        await app.AsAsync(organization, OrganizationRole.Manager, async (s, db) =>
            await s.GetRequiredService<HoldManagementReview>().RunAsync(first, await db.ManagementReviews.Where(r => r.Id == first).Select(r => r.Version).SingleAsync()));
        var held = await app.WithCoreAsync(organization.Id, (_, db) => ManagementReviewQueries.DetailAsync(db, first));
        Assert.Equal((ManagementReviewStatus.Held, "Alex, CEO\nCasey, CISO", 1, 1), (held.Status, held.Attendees, held.Inputs!.Improvement.Nonconformities.Single(g => g.Grade == FindingGrade.Minor).OpenAsAt,
            held.Decisions.Count));
        Assert.StartsWith("Manager Person <", held.SignedOffBy);
        Assert.Equal(("CA-0001", ActionStatus.Open), (held.Actions.Single().Reference, held.Actions.Single().Status));

        // Later records do not change what the held review shows; its frozen inputs cannot be rewritten; it is not held twice.
        await app.AddNonconformityAsync(organization, "After the first review", FindingGrade.Minor, raisedOn: Today.AddDays(-20));
        var again = await app.WithCoreAsync(organization.Id, (_, db) => ManagementReviewQueries.DetailAsync(db, first));
        Assert.Equal(held.Inputs.ToJson(), again.Inputs!.ToJson());
        await Assert.ThrowsAsync<ImmutableRecordChangeException>(() => app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var review = await db.ManagementReviews.SingleAsync(r => r.Id == first);
            review.InputsJson = "{}";
            await db.SaveChangesAsync();
        }));
        var twice = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<HoldManagementReview>().RunAsync(first, await db.ManagementReviews.Where(r => r.Id == first).Select(r => r.Version).SingleAsync())));
        Assert.Equal("a held review cannot be held again.", twice.Errors["Status"][0]);

        // The action is in the register with the review as its source, and under input (a) of the next review, overdue.
        var register = await app.WithCoreAsync(organization.Id, (_, db) => CorrectiveActionRegister.PageAsync(db, new CorrectiveActionFilter(Source: ActionSource.ManagementReview), 1, 50));
        Assert.Equal((action, first), (register.Rows.Single().Id, register.Rows.Single().SourceId));
        var next = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveManagementReview>().RunAsync(null, new ManagementReviewInput("Second review", Today, ciso)));
        var planned = await app.WithCoreAsync(organization.Id, (_, db) => ManagementReviewQueries.DetailAsync(db, next));
        Assert.Equal(Today.AddDays(-30), planned.PreviousHeldOn);
        Assert.Equal((Today.AddDays(-30), 2), (planned.Inputs!.Since, planned.Inputs.Improvement.Nonconformities.Single(g => g.Grade == FindingGrade.Minor).OpenAsAt));
        Assert.Equal([("MR-001", "CA-0001", "Overdue")], planned.Inputs.Actions.Items.Select(a => (a.ReviewReference, a.Reference, a.State)));
        var future = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var later = await s.GetRequiredService<SaveManagementReview>().RunAsync(null, new ManagementReviewInput("Later", Today.AddDays(5), ciso, "Alex, CEO"));
            await s.GetRequiredService<HoldManagementReview>().RunAsync(later, 1);
        }));
        Assert.Equal("is still to come: a review is signed off on or after its date.", future.Errors["HeldOn"][0]);

        // A nonconformity raised from the review names it as its source.
        var nc = await app.AddNonconformityAsync(organization, "Management review found no supplier reviews", FindingGrade.Minor, source: NonconformitySource.ManagementReview, sourceId: first);
        var label = await app.WithCoreAsync(organization.Id, (_, db) => NonconformitySources.LabelAsync(db, NonconformitySource.ManagementReview, first, CancellationToken.None));
        Assert.Equal(("MR-001 First review", $"/management-reviews/{first}"), (label, NonconformitySources.Path(NonconformitySource.ManagementReview, first)));
        Assert.Equal(NonconformitySource.ManagementReview, await app.WithCoreAsync(organization.Id, (_, db) => db.Nonconformities.Where(n => n.Id == nc).Select(n => n.Source).SingleAsync()));
    }
}
