using Attest.AccessReviews;
using Attest.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoAccessReviewsTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasFourSystems_TwoCompletedReviews_AndAQ4ReviewWithPendingItemsForTheCisoAndTheEmployee(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var users = await app.WithCoreAsync(null, (_, db) => db.Users.Where(u => u.Email!.EndsWith("@" + LoadDemoOrganization.EmailDomain)).ToDictionaryAsync(u => u.Email!, u => u.Id));

        var systems = await app.WithCoreAsync(organizationId, (_, db) => AccessReviewQueries.SystemsAsync(db));
        Assert.Equal(["AWS console", "Agent platform (AI)", "CRM", "Google Cloud console"], systems.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.True(systems.Sum(s => s.Accounts) > 100);
        Assert.Equal(2, systems.Sum(s => s.NoMatchingPerson));
        Assert.True(systems.Sum(s => s.Leavers) >= 1);
        Assert.True(systems.Sum(s => s.Privileged) >= 5);
        Assert.True(systems.Sum(s => s.Unused) >= 3);

        var campaigns = await app.WithCoreAsync(organizationId, (_, db) => AccessReviewQueries.CampaignsAsync(db));
        Assert.Equal(3, campaigns.Count);
        var completed = campaigns.Where(c => c.Status == CampaignStatus.Completed).OrderBy(c => c.DueOn).ToList();
        Assert.Equal([false, true], completed.Select(c => c.CompletedLate).ToArray());
        var open = Assert.Single(campaigns, c => c.Status == CampaignStatus.Open);
        Assert.StartsWith("Q4", open.Title);
        var figures = await app.WithCoreAsync(organizationId, (_, db) => AccessReviewQueries.FiguresAsync(db));
        Assert.Equal((1, 2, 3, 0, 2, 1), (figures.CampaignsCompletedOnTime, figures.CampaignsCounted, figures.ItemsRevoked, figures.OpenRevocations, figures.OrphanedAccounts, figures.LeaversWithAccess));
        foreach (var c in completed)
        {
            var summary = await app.WithCoreAsync(organizationId, (_, db) => AccessReviewQueries.SummaryAsync(db, c.Id));
            Assert.Equal(0, summary.Counts.Pending);
            Assert.True(summary.Counts.Revoke >= 1 && summary.Confirmed == summary.Counts.Revoke);
        }
        foreach (var email in new[] { "ciso@lumen.example", "employee@lumen.example" })
        {
            var mine = await app.WithCoreAsync(organizationId, (_, db) => AccessReviewQueries.ReviewerItemsAsync(db, open.Id, users[email], new ReviewItemFilter(), 1));
            Assert.True(mine.Pending > 0, $"{email} has pending items");
        }
    }
}
