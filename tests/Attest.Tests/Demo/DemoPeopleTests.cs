using Attest.Demo;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoPeopleTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoRegister_HoldsAbout120People_WithManagersJoinersLeaversAndTheSignInsLinked(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        // Loading the demo again adds no one.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());

        var people = await app.WithCoreAsync(organizationId, (_, db) => db.People.AsNoTracking().ToListAsync());
        var groups = await app.WithCoreAsync(organizationId, (_, db) => db.PersonGroups.AsNoTracking().Select(g => new
        {
            g.DisplayName,
            Members = db.PersonGroupMembers.Count(m => m.GroupId == g.Id),
        }).ToListAsync());
        var loginUsers = await app.WithCoreAsync(organizationId, (_, db) => db.Memberships.Select(m => m.UserId).ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.InRange(people.Count, 110, 130);
        Assert.Equal(people.Count, people.Select(p => p.EmailKey).Distinct().Count());
        Assert.All(people, p => Assert.Equal(PersonLookup.KeyOf(p.Email), p.EmailKey));
        Assert.Contains(people, p => p.Type == PersonType.Contractor);
        Assert.Contains(people, p => p.Type == PersonType.ThirdParty);
        // Every sign-in of the organization is a person linked to the account.
        Assert.All(loginUsers, userId => Assert.Single(people, p => p.UserId == userId));
        // One person at the top; everyone else has a manager who is in the register.
        var ids = people.Select(p => p.Id).ToHashSet();
        Assert.Single(people, p => p.ManagerId is null);
        Assert.All(people.Where(p => p.ManagerId is not null), p => Assert.Contains(p.ManagerId!.Value, ids));
        // Leavers whose last day has passed, and joiners of the last weeks some of whom are still being screened.
        Assert.InRange(people.Count(p => p.HasLeftBy(today)), 3, 8);
        Assert.Contains(people, p => !p.Active);
        var joiners = people.Where(p => p.StartDate >= today.AddDays(-45)).ToList();
        Assert.InRange(joiners.Count, 4, 10);
        Assert.Contains(joiners, p => p.Screening == ScreeningStatus.InProgress);
        Assert.Contains(people, p => p.Type != PersonType.ThirdParty && p.ConfidentialitySignedOn is null);
        Assert.Contains(groups, g => g.DisplayName == DemoPeople.EngineeringGroup && g.Members >= 20);
        Assert.Contains(groups, g => g.DisplayName == DemoPeople.PrivilegedGroup && g.Members >= 5);
    }
}
