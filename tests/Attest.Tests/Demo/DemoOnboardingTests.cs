using Attest.Demo;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoOnboardingTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasTemplates_JoinersPartlyOnboardedWithOneOverdue_AndEveryLeaverOffboarding(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());

        var templates = await app.WithCoreAsync(organizationId, (_, db) => db.ChecklistTemplates.Select(t => t.Name).ToListAsync());
        Assert.Equal(CreateDefaultChecklistTemplates.Defaults.Select(t => t.Name).Order(), templates.Order());
        var leavers = await app.WithCoreAsync(organizationId, (_, db) => db.People.Where(p => p.EndDate != null).Select(p => p.Id).ToListAsync());
        var checklists = await app.WithCoreAsync(organizationId, (_, db) => db.PersonChecklists.AsNoTracking().ToListAsync());
        Assert.NotEmpty(leavers);
        Assert.Equal(leavers.Order(), checklists.Where(c => c.Kind == ChecklistKind.Offboarding).Select(c => c.PersonId).Order());
        var onboarding = checklists.Where(c => c.Kind == ChecklistKind.Onboarding).ToList();
        Assert.NotEmpty(onboarding);

        var due = await app.WithCoreAsync(organizationId, (_, db) => PersonQueries.DueAsync(db, 14, ChecklistKind.Onboarding, 1));
        Assert.True(due.Overdue >= 1);
        var done = await app.WithCoreAsync(organizationId, (_, db) => db.PersonChecklistItems.CountAsync(i => i.CompletedAt != null));
        Assert.True(done > 0);
        // Every leaver whose "all access revoked" is still open holds access; the others do not.
        var open = await app.WithCoreAsync(organizationId, (_, db) => db.PersonChecklistItems.Where(i => i.VerifiesAccessRevoked && i.CompletedAt == null && i.DueOn <= DateOnly.FromDateTime(DateTime.UtcNow))
            .Select(i => db.PersonChecklists.Where(c => c.Id == i.ChecklistId).Select(c => c.PersonId).First()).ToListAsync());
        foreach (var person in open)
        {
            Assert.True(await app.WithCoreAsync(organizationId, (_, db) => db.AccessGrants.AnyAsync(g => g.PersonId == person && g.RemovedOn == null)));
        }
    }
}
