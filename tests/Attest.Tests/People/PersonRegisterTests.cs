using Attest.AccessReviews;
using Attest.Organizations;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.People;

/// <summary>The register's rules and the checklists that follow joiners and leavers.</summary>
public sealed class PersonRegisterTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<Guid> SaveAsync(TestApp app, TestOrganization organization, Guid? id, PersonInput input) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SavePerson>().RunAsync(id, input));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SavePerson_RefusesBadEmailsDuplicatesBackwardDatesAndManagerLoops_NamingTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ann = await SaveAsync(app, organization, null, new PersonInput("Ann", "Ann@Example.com"));
        var ben = await SaveAsync(app, organization, null, new PersonInput("Ben", "ben@example.com", ManagerId: ann));
        var cy = await SaveAsync(app, organization, null, new PersonInput("Cy", "cy@example.com", ManagerId: ben));

        var badEmail = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, null, new PersonInput("Dee", "dee at example")));
        Assert.Contains("is not an e-mail address", badEmail.Errors["Email"][0]);
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, null, new PersonInput("Another Ann", " ann@example.COM ")));
        Assert.Contains("already the e-mail of another person", duplicate.Errors["Email"][0]);
        var dates = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, null,
            new PersonInput("Eve", "eve@example.com", StartDate: new DateOnly(2026, 5, 1), EndDate: new DateOnly(2026, 4, 30))));
        Assert.Contains("before the start date", dates.Errors["EndDate"][0]);

        var annRecord = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().SingleAsync(p => p.Id == ann));
        var loop = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, ann, SavePerson.InputOf(annRecord) with { ManagerId = cy }));
        Assert.Equal("would make a loop of managers: Ann → Cy → Ben → Ann.", loop.Errors["ManagerId"][0]);
        var self = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, ann, SavePerson.InputOf(annRecord) with { ManagerId = ann }));
        Assert.Contains("own manager", self.Errors["ManagerId"][0]);

        // A person of another organization is not a manager here, and is not found at all.
        var other = await app.SeedOrganizationAsync();
        var stranger = await SaveAsync(app, other, null, new PersonInput("Stranger", "stranger@example.com"));
        var foreign = await Assert.ThrowsAsync<ValidationFailedException>(() => SaveAsync(app, organization, null, new PersonInput("Fay", "fay@example.com", ManagerId: stranger)));
        Assert.Contains("not a person of this organization", foreign.Errors["ManagerId"][0]);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => SaveAsync(app, organization, stranger, new PersonInput("Stranger", "stranger@example.com")));

        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => p.EmailKey).ToListAsync());
        Assert.Equal(["ann@example.com", "ben@example.com", "cy@example.com"], stored);

        // A stale version is a conflict, not a silent overwrite.
        await SaveAsync(app, organization, ann, SavePerson.InputOf(annRecord) with { Role = "CTO" });
        await Assert.ThrowsAsync<EditConflictException>(() => SaveAsync(app, organization, ann, SavePerson.InputOf(annRecord) with { Role = "CEO" }));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APersonWithAMembersEmail_IsLinkedToTheirAccount(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var contributor = organization[OrganizationRole.Contributor];
        var id = await SaveAsync(app, organization, null, new PersonInput("Contributor Person", contributor.Email.ToUpperInvariant()));
        Assert.Equal(contributor.UserId, await app.WithCoreAsync(organization.Id, (_, db) => db.People.Where(p => p.Id == id).Select(p => p.UserId).SingleAsync()));
        Assert.Equal(id, await app.WithCoreAsync(organization.Id, (_, db) => PersonLookup.PersonIdOfUserAsync(db, contributor.UserId)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Joiners_GetTheOnboardingOfTheirType_AndALastDayStartsOffboarding(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        // No template yet: nothing starts, and starting by hand says what to do.
        var early = await SaveAsync(app, organization, null, new PersonInput("Early Joiner", "early@example.com", StartDate: Today));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<StartPersonChecklist>().RunAsync(early, ChecklistKind.Onboarding)));
        Assert.Contains("create the default templates", refused.Errors["Template"][0]);

        Assert.Equal(3, await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CreateDefaultChecklistTemplates>().RunAsync()));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CreateDefaultChecklistTemplates>().RunAsync()));
        var employee = await SaveAsync(app, organization, null, new PersonInput("New Employee", "new@example.com", StartDate: Today.AddDays(10)));
        var partner = await SaveAsync(app, organization, null, new PersonInput("Partner Auditor", "partner@example.com", PersonType.ThirdParty, StartDate: Today));
        var veteran = await SaveAsync(app, organization, null, new PersonInput("Veteran", "veteran@example.com", StartDate: Today.AddYears(-5)));

        var lists = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklists.AsNoTracking().ToListAsync());
        Assert.Equal("Onboarding", lists.Single(c => c.PersonId == employee).Name);
        Assert.Equal(Today.AddDays(10), lists.Single(c => c.PersonId == employee).AnchorDate);
        Assert.Equal("Third-party onboarding", lists.Single(c => c.PersonId == partner).Name);
        Assert.DoesNotContain(lists, c => c.PersonId == veteran || c.PersonId == early);
        var firstDue = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems.Where(i => db.PersonChecklists.Any(c => c.Id == i.ChecklistId && c.PersonId == employee))
            .OrderBy(i => i.Position).Select(i => i.DueOn).FirstAsync());
        Assert.Equal(Today.AddDays(3), firstDue);

        // The start date moves: the open items move with it.
        var record = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().SingleAsync(p => p.Id == employee));
        await SaveAsync(app, organization, employee, SavePerson.InputOf(record) with { StartDate = Today.AddDays(20) });
        Assert.Equal(Today.AddDays(13), await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems
            .Where(i => db.PersonChecklists.Any(c => c.Id == i.ChecklistId && c.PersonId == employee)).OrderBy(i => i.Position).Select(i => i.DueOn).FirstAsync()));

        // The veteran is leaving: setting the last day starts offboarding.
        record = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().SingleAsync(p => p.Id == veteran));
        await SaveAsync(app, organization, veteran, SavePerson.InputOf(record) with { EndDate = Today.AddDays(30) });
        var offboarding = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklists.AsNoTracking().SingleAsync(c => c.PersonId == veteran));
        Assert.Equal((ChecklistKind.Offboarding, Today.AddDays(30)), (offboarding.Kind, offboarding.AnchorDate));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AllAccessRevoked_IsRefusedWhileAGrantIsActive_NamingIt_AndAllowedOnceItIsRemoved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CreateDefaultChecklistTemplates>().RunAsync());
        var leaver = await SaveAsync(app, organization, null, new PersonInput("Lee Leaver", "lee@example.com", StartDate: Today.AddYears(-1)));
        var grant = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var system = new AccessSystem { Name = "AWS console" };
            db.AccessSystems.Add(system);
            var active = new AccessGrant { SystemId = system.Id, Account = "lee", Email = "lee@example.com", PersonId = leaver, Entitlement = "AdministratorAccess", FirstSeenOn = Today.AddYears(-1) };
            db.AccessGrants.Add(active);
            db.AccessGrants.Add(new AccessGrant { SystemId = system.Id, Account = "lee-old", PersonId = leaver, FirstSeenOn = Today.AddYears(-1), RemovedOn = Today.AddDays(-30) });
            await db.SaveChangesAsync();
            return active.Id;
        });
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DeactivatePerson>().RunAsync(leaver, null, null));
        var item = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems.AsNoTracking().SingleAsync(i => i.VerifiesAccessRevoked));
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.DetailAsync(db, leaver));
        Assert.True(detail.LeftWithAccess);
        Assert.Equal(1, (await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.CountsAsync(db))).LeftWithAccess);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<TickChecklistItem>().RunAsync(item.Id, true, "done?", item.Version)));
        Assert.Contains("still holds access in 1 place: AWS console (lee, AdministratorAccess)", refused.Errors["Item"][0]);
        Assert.Null(await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems.Where(i => i.Id == item.Id).Select(i => i.CompletedAt).SingleAsync()));

        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            (await db.AccessGrants.SingleAsync(g => g.Id == grant)).RemovedOn = Today;
            await db.SaveChangesAsync();
        });
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<TickChecklistItem>().RunAsync(item.Id, true, "Checked the AWS export", item.Version));
        var ticked = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.NotNull(ticked.CompletedAt);
        Assert.Equal("Checked the AWS export", ticked.Notes);
        Assert.False((await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.DetailAsync(db, leaver))).LeftWithAccess);

        // Ticking the rest completes the checklist; re-opening one makes it incomplete again.
        var open = await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklistItems.AsNoTracking().Where(i => i.CompletedAt == null).ToListAsync());
        foreach (var other in open) await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<TickChecklistItem>().RunAsync(other.Id, true, null, other.Version));
        Assert.NotNull(await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklists.Select(c => c.CompletedAt).SingleAsync()));
        var reopen = open[0];
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<TickChecklistItem>().RunAsync(reopen.Id, false, null, reopen.Version + 1));
        Assert.Null(await app.WithCoreAsync(organization.Id, (_, db) => db.PersonChecklists.Select(c => c.CompletedAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheRegisterFilters_ByStatusScreeningAndConfidentiality_AndTheDueViewFlagsOverdueItems(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CreateDefaultChecklistTemplates>().RunAsync());
        await SaveAsync(app, organization, null, new PersonInput("Active Al", "al@example.com", Department: "Legal", StartDate: Today.AddYears(-1), Screening: ScreeningStatus.Passed,
            ScreenedOn: Today.AddYears(-1), ConfidentialitySignedOn: Today.AddYears(-1)));
        await SaveAsync(app, organization, null, new PersonInput("Joining Jo", "jo@example.com", Department: "Sales", StartDate: Today.AddDays(10)));
        await SaveAsync(app, organization, null, new PersonInput("Gone Gus", "gus@example.com", Department: "Sales", StartDate: Today.AddYears(-3), EndDate: Today.AddYears(-1),
            ConfidentialitySignedOn: Today.AddYears(-3)));
        await SaveAsync(app, organization, null, new PersonInput("Recent Rae", "rae@example.com", StartDate: Today.AddDays(-20)));

        async Task<List<string>> Names(PersonFilter filter) =>
            (await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.PageAsync(db, filter, 1))).Rows.Select(r => r.Name).ToList();
        Assert.Equal(["Active Al", "Recent Rae"], await Names(new PersonFilter(Status: PersonStatus.Active)));
        Assert.Equal(["Joining Jo"], await Names(new PersonFilter(Status: PersonStatus.Joining)));
        Assert.Equal(["Gone Gus"], await Names(new PersonFilter(Status: PersonStatus.Left)));
        Assert.Equal(["Gone Gus", "Joining Jo", "Recent Rae"], await Names(new PersonFilter(ScreeningOutstanding: true)));
        Assert.Equal(["Joining Jo", "Recent Rae"], await Names(new PersonFilter(NdaMissing: true)));
        Assert.Equal(["Gone Gus", "Joining Jo"], await Names(new PersonFilter(Department: "Sales")));
        Assert.Equal(["Active Al"], await Names(new PersonFilter(Search: "AL@EX")));
        var counts = (await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.PageAsync(db, new PersonFilter(), 1))).Counts;
        Assert.Equal((4, 2, 1, 1, 3, 2), (counts.Total, counts.Active, counts.Joining, counts.Left, counts.ScreeningOutstanding, counts.NdaMissing));

        // Rae joined 20 days ago: her first items are overdue; Jo's are due soon; Gus left before anyone set up offboarding for him here.
        var due = await app.WithCoreAsync(organization.Id, (_, db) => PersonQueries.DueAsync(db, 14, null, 1));
        Assert.True(due.Overdue > 0);
        Assert.All(due.Rows.Where(r => r.Overdue), r => Assert.Equal("Recent Rae", r.Person));
        Assert.Contains(due.Rows, r => r.Person == "Joining Jo" && !r.Overdue);
        Assert.DoesNotContain(due.Rows, r => r.Person == "Gone Gus");
    }
}
