using Attest.Organizations;
using Attest.Reviews;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Reviews;

/// <summary>Management reviews for tests, through the core's own use cases.</summary>
public static class ReviewSeeds
{
    public sealed record SeededReview(Guid Id, Guid DecisionId, Guid ActionId);

    /// <summary>A review on <paramref name="heldOn"/> (default today) with a decision and an action; held when <paramref name="hold"/>.</summary>
    public static Task<SeededReview> AddReviewAsync(TestApp app, TestOrganization organization, string title = "Management review", DateOnly? heldOn = null, bool hold = false) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var day = heldOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var owner = organization[OrganizationRole.Manager].UserId;
            var id = await s.GetRequiredService<SaveManagementReview>().RunAsync(null, new ManagementReviewInput(title, day, owner, "Alex, CEO\nCasey, CISO", "Minutes of " + title));
            var decision = await s.GetRequiredService<RecordReviewDecision>().RunAsync(id, ReviewDecisionKind.Improvement, "Improve " + title);
            var action = await s.GetRequiredService<AddReviewAction>().RunAsync(id, new ReviewActionInput("Follow up " + title, null, owner, day.AddDays(14)));
            if (hold) await s.GetRequiredService<HoldManagementReview>().RunAsync(id, await db.ManagementReviews.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
            return new SeededReview(id, decision, action);
        });
}
