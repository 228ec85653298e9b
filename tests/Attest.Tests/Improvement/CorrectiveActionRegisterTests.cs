using Attest.Audit;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Improvement;

public sealed class CorrectiveActionRegisterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(0, null)]   // due today: not overdue yet
    [InlineData(-1, 1)]     // due yesterday: one day overdue
    [InlineData(-31, 31)]
    [InlineData(5, null)]
    public void Ageing_CountsOverdueInWholeDays_AndDueTodayIsNotOverdue(int dueInDays, int? overdue)
    {
        var (open, late) = CorrectiveActionRegister.Ageing(ActionStatus.InProgress, Today.AddDays(-40), Today.AddDays(dueInDays), null, Today, Today);
        Assert.Equal((40, overdue), (open, late));
    }

    [Fact]
    public void Ageing_StopsAtCompletion_AndAClosedActionIsNeverOverdue()
    {
        Assert.Equal((12, (int?)null), CorrectiveActionRegister.Ageing(ActionStatus.Done, Today.AddDays(-30), Today.AddDays(-20), Today.AddDays(-18), Today, Today));
        Assert.Equal((25, (int?)null), CorrectiveActionRegister.Ageing(ActionStatus.Cancelled, Today.AddDays(-30), Today.AddDays(-20), null, Today.AddDays(-5), Today));
        // Completed before it was raised (a date typed wrong) never gives negative ageing.
        Assert.Equal(0, CorrectiveActionRegister.Ageing(ActionStatus.Done, Today, null, Today.AddDays(-3), Today, Today).DaysOpen);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheRegister_FiltersOrdersAndCountsActions_WithTheIncidentTheyCameFrom(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (manager, employee) = (organization[OrganizationRole.Manager].UserId, organization[OrganizationRole.Employee].UserId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var incident = await app.AddIncidentAsync(organization);
        var overdue = await app.AddActionAsync(organization, "Rotate the leaked key", manager, today.AddDays(-1));
        var dueToday = await app.AddActionAsync(organization, "Add an output filter", employee, today, ActionStatus.InProgress, ActionSource.Incident, incident);
        var later = await app.AddActionAsync(organization, "Train reviewers", manager, today.AddDays(10));
        var undated = await app.AddActionAsync(organization, "Write the runbook", null);
        var done = await app.AddActionAsync(organization, "Patch the gateway", manager, today.AddDays(-2), ActionStatus.Done, completedOn: today);
        await app.RaiseEarlierAsync(organization, done, 10);
        var cancelled = await app.AddActionAsync(organization, "Replace the vendor", manager, today.AddDays(-30), ActionStatus.Cancelled);

        var (page, figures, detail) = await app.WithCoreAsync(organization.Id, async (_, db) => (
            await CorrectiveActionRegister.PageAsync(db, new CorrectiveActionFilter(), 1, 50),
            await CorrectiveActionRegister.FiguresAsync(db),
            await CorrectiveActionRegister.DetailAsync(db, dueToday)));

        // Open first, soonest due first, undated last; then the closed ones.
        Assert.Equal([overdue, dueToday, later, undated], page.Rows.Take(4).Select(r => r.Id));
        Assert.Equal(new[] { done, cancelled }.Order(), page.Rows.Skip(4).Select(r => r.Id).Order());
        Assert.Equal(["CA-0001", "CA-0002"], page.Rows.Take(2).Select(r => r.Reference));
        var first = page.Rows[0];
        Assert.Equal((1, true), (first.DaysOverdue, first.IsOverdue));
        Assert.Null(page.Rows[1].DaysOverdue);
        Assert.Equal("INC-0001 Agent gave a wrong tax answer", page.Rows[1].SourceLabel);
        Assert.Equal(10, page.Rows.Single(r => r.Id == done).DaysOpen);
        Assert.Equal(("INC-0001 Agent gave a wrong tax answer", ActionSource.Incident), (detail.SourceLabel, detail.Source));

        Assert.Equal((4, 1, 1, 10.0, 1), (figures.Open, figures.Overdue, figures.DoneThisMonth, figures.AverageDaysToClose, figures.ClosedInLastYear));
        Assert.Equal([new ActionSourceFigure(ActionSource.Other, 3, 1, 1, 5), new ActionSourceFigure(ActionSource.Incident, 1, 0, 0, 1)], figures.BySource);

        async Task<List<Guid>> Find(CorrectiveActionFilter filter) => await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await CorrectiveActionRegister.PageAsync(db, filter, 1, 50)).Rows.Select(r => r.Id).ToList());
        Assert.Equal([overdue], await Find(new CorrectiveActionFilter(Overdue: true)));
        Assert.Equal([overdue, dueToday], await Find(new CorrectiveActionFilter(OpenOnly: true, DueBefore: today.AddDays(1))));
        Assert.Equal([dueToday], await Find(new CorrectiveActionFilter(Source: ActionSource.Incident)));
        Assert.Equal([dueToday], await Find(new CorrectiveActionFilter(OwnerId: employee)));
        Assert.Equal([later], await Find(new CorrectiveActionFilter(Search: "REVIEWERS")));
        Assert.Equal([cancelled], await Find(new CorrectiveActionFilter(Status: ActionStatus.Cancelled)));
        Assert.Equal(4, (await Find(new CorrectiveActionFilter(OpenOnly: true))).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SavingAnAction_RefusesASourceThatIsNotHere_AndKeepsAnActionWithItsSource(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var other = await app.SeedOrganizationAsync();
        var foreignIncident = await app.AddIncidentAsync(other);
        var incident = await app.AddIncidentAsync(organization);

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AddActionAsync(organization, "From elsewhere", source: ActionSource.Incident, sourceId: foreignIncident));
        Assert.Equal("is not an incident of this organization.", missing.Errors["SourceId"].Single());
        var byHand = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AddActionAsync(organization, "By hand", source: ActionSource.Other, sourceId: incident));
        Assert.Contains("must be empty", byHand.Errors["SourceId"].Single());
        var untitled = await Assert.ThrowsAsync<ValidationFailedException>(() => app.AddActionAsync(organization, " "));
        Assert.Equal("is required.", untitled.Errors["Title"].Single());

        var id = await app.AddActionAsync(organization, "Fix it", source: ActionSource.Incident, sourceId: incident);
        var moved = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveCorrectiveAction>().RunAsync(id, new CorrectiveActionInput("Fix it", Version: 1))));
        Assert.Contains("stays with the record", moved.Errors["Source"].Single());
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.CorrectiveActions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OnlyTheOwner_ReportsProgress_AndCannotCancel(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var employee = organization[OrganizationRole.Employee];
        var mine = await app.AddActionAsync(organization, "Lock the laptop screen", employee.UserId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        var theirs = await app.AddActionAsync(organization, "Review firewall rules", organization[OrganizationRole.Manager].UserId);

        Task Report(Guid id, ActionProgressInput input) => app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, OrganizationRole.Employee);
            db.Acting.IdentifyUser(employee.UserId, employee.Email, AuditChannel.Ui);
            await s.GetRequiredService<ReportCorrectiveActionProgress>().RunAsync(id, input);
        });

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Report(theirs, new ActionProgressInput(ActionStatus.Done, "Done", null, 1)));
        var cancel = await Assert.ThrowsAsync<ValidationFailedException>(() => Report(mine, new ActionProgressInput(ActionStatus.Cancelled, null, null, 1)));
        Assert.Contains("a Manager cancels it", cancel.Errors["Status"].Single());
        await Report(mine, new ActionProgressInput(ActionStatus.Done, "Screen lock set to 5 minutes.", null, 1));

        var (status, outcome, completed, other, due) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var a = await db.CorrectiveActions.SingleAsync(x => x.Id == mine);
            return (a.Status, a.Outcome, a.CompletedOn, (await db.CorrectiveActions.SingleAsync(x => x.Id == theirs)).Status, a.DueOn);
        });
        Assert.Equal((ActionStatus.Done, "Screen lock set to 5 minutes.", DateOnly.FromDateTime(DateTime.UtcNow), ActionStatus.Open), (status, outcome, completed, other));
        // The owner's report leaves what only editors change as it was.
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), due);
        // A stale version is a conflict, not a silent overwrite.
        await Assert.ThrowsAsync<EditConflictException>(() => Report(mine, new ActionProgressInput(ActionStatus.Open, "Reopened", null, 1)));
    }
}
