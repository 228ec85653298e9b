using Attest.Demo;
using Attest.Improvement;
using Attest.Reviews;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoManagementReviewTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasAHeldReviewWithFrozenInputs_AndAPlannedOneWhoseInputsShowItsOpenAction(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (page, today) = await app.WithCoreAsync(organizationId, async (_, db) =>
            (await ManagementReviewQueries.PageAsync(db, null, 1), await CorrectiveActionRegister.TodayAsync(db)));
        Assert.Equal([("MR-002", ManagementReviewStatus.Planned), ("MR-001", ManagementReviewStatus.Held)], page.Rows.Select(r => (r.Reference, r.Status)));
        var (heldRow, plannedRow) = (page.Rows[1], page.Rows[0]);
        Assert.Equal((today.AddMonths(-5), 3, 3, 1), (heldRow.HeldOn, heldRow.Decisions, heldRow.Actions, heldRow.OpenActions));
        Assert.Equal(today.AddDays(16), plannedRow.HeldOn);

        var (held, planned) = await app.WithCoreAsync(organizationId, async (_, db) =>
            (await ManagementReviewQueries.DetailAsync(db, heldRow.Id), await ManagementReviewQueries.DetailAsync(db, plannedRow.Id)));
        Assert.True(held.InputsFrozen);
        Assert.Equal(["Alex Admin, CEO (chair)", "Casey Ciso, CISO", "Olu Owner, CTO", "Morgan Hale, Data Protection Officer"], held.AttendeeLines);
        Assert.Equal(held.HeldOn, held.Inputs!.AsAt);
        Assert.Equal([ActionStatus.Done, ActionStatus.Done, ActionStatus.Open], held.Actions.Select(a => a.Status));
        Assert.True(held.Actions.Single(a => a.Status == ActionStatus.Open).IsOverdue(today));

        Assert.Equal(held.HeldOn, planned.PreviousHeldOn);
        var fromHeld = planned.Inputs!.Actions.Items;
        Assert.Equal(3, fromHeld.Count);
        Assert.Equal((DemoManagementReviews.OpenActionTitle, "Overdue"), (fromHeld.Single(a => a.State != "Done").Title, fromHeld.Single(a => a.State != "Done").State));
        Assert.NotEmpty(planned.Inputs.Measures);

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(2, await app.WithCoreAsync(organizationId, (_, db) => db.ManagementReviews.CountAsync()));
    }
}
