using Attest.AccessReviews;
using Attest.Audit;
using Attest.Organizations;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.AccessReviews;

/// <summary>Loading accounts, flags, campaigns, decisions, remediation, reports and figures against the real databases.</summary>
public sealed class AccessReviewTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>People of the register: the Manager (manages Eve), the Employee Eve, and Lee who left last month.</summary>
    private static async Task<(Guid Manager, Guid Employee, Guid Leaver)> AddPeopleAsync(TestApp app, TestOrganization organization) =>
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            Person Add(string name, string email, Guid? user = null, Guid? manager = null, DateOnly? end = null)
            {
                var person = new Person { Name = name, Email = email, EmailKey = PersonLookup.KeyOf(email), UserId = user, ManagerId = manager, EndDate = end };
                db.People.Add(person);
                return person;
            }
            var manager = Add("Casey Manager", organization[OrganizationRole.Manager].Email, organization[OrganizationRole.Manager].UserId);
            var employee = Add("Eve Employee", organization[OrganizationRole.Employee].Email.ToUpperInvariant(), null, manager.Id);
            var leaver = Add("Lee Leaver", "lee.leaver@test.example", null, manager.Id, Today.AddDays(-30));
            await db.SaveChangesAsync();
            return (manager.Id, employee.Id, leaver.Id);
        });

    private static Task<Guid> AddSystemAsync(TestApp app, TestOrganization organization, string name, Guid? owner) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveAccessSystem>().RunAsync(null, new AccessSystemInput(name, OwnerId: owner, UnusedAfterDays: 60)));

    private static Task<AccessLoadResult> LoadAsync(TestApp app, TestOrganization organization, Guid system, params AccessAccountInput[] accounts) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<LoadSystemAccounts>().RunAsync(system, accounts, "test"));

    private static Task<AccessLoadResult> ImportAsync(TestApp app, TestOrganization organization, Guid system, string csv, string fileName = "accounts.csv") =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportSystemAccounts>().RunAsync(system, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), fileName));

    /// <summary>Runs <paramref name="action"/> as <paramref name="person"/> with their role.</summary>
    private static Task<T> AsAsync<T>(TestApp app, TestOrganization organization, TestPerson person, Func<IServiceProvider, Attest.Data.AttestDbContext, Task<T>> action) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            db.Acting.EnterOrganization(organization.Id, person.Role);
            db.Acting.IdentifyUser(person.UserId, person.Email, AuditChannel.Ui);
            return await action(s, db);
        });

    private static Task<Guid> NewCampaignAsync(TestApp app, TestOrganization organization, ReviewerRule rule, params Guid[] systems) =>
        app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var id = await s.GetRequiredService<SaveAccessReview>().RunAsync(null, new AccessReviewInput("Q4 2026 access review", systems, rule, Today.AddDays(14)));
            await s.GetRequiredService<OpenAccessReview>().RunAsync(id, 1);
            return id;
        });

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Loading_ReplacesTheSystemsAccounts_AddingUpdatingAndMarkingAbsentOnesRemoved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddPeopleAsync(app, organization);
        var system = await AddSystemAsync(app, organization, "CRM", organization[OrganizationRole.Manager].UserId);

        // A day after the 12th, so that day/month cannot be mistaken for month/day.
        var recent = Enumerable.Range(5, 20).Select(n => Today.AddDays(-n)).First(d => d.Day > 12);
        var first = await ImportAsync(app, organization, system, $"""
            Username,E-mail,Display name,Group,Admin,Last login
            casey,{organization[OrganizationRole.Manager].Email},Casey,Admins,yes,{Today:yyyy-MM-dd}
            eve,{organization[OrganizationRole.Employee].Email},Eve,Sales,no,{recent:dd/MM/yyyy}
            svc-sync,,Sync job,Integration,0,
            lee,lee.leaver@test.example,Lee,Sales,false,{Today.AddDays(-200):yyyy-MM-dd}
            """);
        Assert.Equal((4, 0, 0), (first.Added, first.Updated, first.Removed));
        // Flags: the service account has no person; Lee has left; Casey is privileged; the service account and Lee are unused.
        Assert.Equal((1, 1, 1, 2), (first.NoMatchingPerson, first.Leavers, first.Privileged, first.Unused));

        var second = await ImportAsync(app, organization, system, $"""
            Login,Email,Name,Role,Privileged,Last used
            casey,{organization[OrganizationRole.Manager].Email},Casey,Admins,yes,{Today:yyyy-MM-dd}
            eve,{organization[OrganizationRole.Employee].Email},Eve,Sales Manager,no,
            EVE,{organization[OrganizationRole.Employee].Email},Eve,Sales,no,{Today:yyyy-MM-dd}
            svc-sync,,Sync job,Integration,no,
            """);
        // Eve gained an entitlement and her Sales one was updated (last use); Lee's account is gone; Casey and the service account are unchanged.
        Assert.Equal((1, 1, 1, 2), (second.Added, second.Updated, second.Removed, second.Unchanged));
        var grants = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessGrants.AsNoTracking().OrderBy(g => g.Account).ThenBy(g => g.Entitlement).ToListAsync());
        Assert.Equal(5, grants.Count);
        var lee = grants.Single(g => g.Account == "lee");
        Assert.Equal(Today, lee.RemovedOn);
        Assert.Equal("EVE", grants.Single(g => g.Entitlement == "Sales" && g.Account != "lee").Account);
        Assert.All(grants.Where(g => g.Account != "lee"), g => Assert.Null(g.RemovedOn));
        // Matched by e-mail whatever its case; the account with no e-mail matches no one.
        Assert.NotNull(grants.Single(g => g.Entitlement == "Sales Manager").PersonId);
        Assert.Null(grants.Single(g => g.Account == "svc-sync").PersonId);
        // The load itself is audited on the system.
        Assert.True(await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.AnyAsync(e => e.RecordType == nameof(AccessSystem) && e.Changes.Contains("LastLoadedAt"))));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABadFile_NamesEveryRowAndColumn_AndChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var system = await AddSystemAsync(app, organization, "CRM", organization[OrganizationRole.Manager].UserId);
        await LoadAsync(app, organization, system, new AccessAccountInput("keep.me", Entitlement: "User"));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, system, """
            Account,Email,Role,Privileged,Last login
            alice,alice@test.example,User,maybe,2026-01-05
            bob,not-an-email,User,no,03/04/2026
            ,,,,
            alice,alice@test.example,user,no,2026-13-45
            """));
        var errors = refused.Errors["File"];
        Assert.Contains("row 2, column Privileged: 'maybe' is not yes/no (use yes, no, true, false, 1 or 0).", errors);
        Assert.Contains(errors, e => e.StartsWith("row 3, column Email: 'not-an-email' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 3, column Last login: '03/04/2026' could be day/month or month/day", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 5, column Last login: '2026-13-45' is not a date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 5, column Account: alice with user is listed twice (also at row 2", StringComparison.Ordinal));
        var noColumn = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, system, "Who,What\nx,y\n"));
        Assert.Contains("no Account column", noColumn.Errors["File"].Single());
        await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, system, "Account\nx\n", "accounts.pdf"));

        var api = await Assert.ThrowsAsync<ValidationFailedException>(() => LoadAsync(app, organization, system, new AccessAccountInput(""), new AccessAccountInput("x", Email: "nope")));
        Assert.Equal(["[0].Account", "[1].Email"], api.Errors.Keys.Order().ToArray());

        var grants = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessGrants.AsNoTracking().ToListAsync());
        Assert.Equal("keep.me", Assert.Single(grants).Account);
        Assert.Null(grants[0].RemovedOn);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Opening_SnapshotsActiveGrants_WithFlagsAndReviewers_UnderBothRules(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (managerPerson, employeePerson, leaverPerson) = await AddPeopleAsync(app, organization);
        var owner = organization[OrganizationRole.Contributor].UserId;
        var manager = organization[OrganizationRole.Manager].UserId;
        var system = await AddSystemAsync(app, organization, "AWS console", owner);
        await LoadAsync(app, organization, system,
            new AccessAccountInput(organization[OrganizationRole.Manager].Email, Entitlement: "Admin", Privileged: true, LastUsedOn: Today),
            new AccessAccountInput("eve", Email: organization[OrganizationRole.Employee].Email, Entitlement: "ReadOnly", LastUsedOn: Today.AddDays(-5)),
            new AccessAccountInput("lee.leaver@test.example", Entitlement: "ReadOnly", LastUsedOn: Today.AddDays(-90)),
            new AccessAccountInput("svc-ci", Entitlement: "Deploy", Privileged: true),
            new AccessAccountInput("gone", Entitlement: "ReadOnly"));
        await LoadAsync(app, organization, system,
            new AccessAccountInput(organization[OrganizationRole.Manager].Email, Entitlement: "Admin", Privileged: true, LastUsedOn: Today),
            new AccessAccountInput("eve", Email: organization[OrganizationRole.Employee].Email, Entitlement: "ReadOnly", LastUsedOn: Today.AddDays(-5)),
            new AccessAccountInput("lee.leaver@test.example", Entitlement: "ReadOnly", LastUsedOn: Today.AddDays(-90)),
            new AccessAccountInput("svc-ci", Entitlement: "Deploy", Privileged: true));

        var byOwner = await NewCampaignAsync(app, organization, ReviewerRule.SystemOwner, system);
        var byManager = await NewCampaignAsync(app, organization, ReviewerRule.PersonManager, system);
        var items = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.AsNoTracking().ToListAsync());
        var owned = items.Where(i => i.CampaignId == byOwner).ToDictionary(i => i.Account);
        Assert.Equal(4, owned.Count);
        Assert.DoesNotContain("gone", owned.Keys);
        Assert.All(owned.Values, i => Assert.Equal(owner, i.ReviewerId));
        Assert.Equal(AccessFlags.Privileged, owned[organization[OrganizationRole.Manager].Email].Flags);
        Assert.Equal(AccessFlags.None, owned["eve"].Flags);
        Assert.Equal(AccessFlags.Leaver | AccessFlags.Unused, owned["lee.leaver@test.example"].Flags);
        Assert.Equal(AccessFlags.NoMatchingPerson | AccessFlags.Privileged | AccessFlags.Unused, owned["svc-ci"].Flags);
        Assert.Equal((managerPerson, employeePerson, leaverPerson), (owned[organization[OrganizationRole.Manager].Email].PersonId, owned["eve"].PersonId, owned["lee.leaver@test.example"].PersonId));

        // Manager rule: Eve's and Lee's manager is the Manager (a user through the person record); the Manager has no manager, the service account no person: the owner.
        var managed = items.Where(i => i.CampaignId == byManager).ToDictionary(i => i.Account, i => i.ReviewerId);
        Assert.Equal(manager, managed["eve"]);
        Assert.Equal(manager, managed["lee.leaver@test.example"]);
        Assert.Equal(owner, managed[organization[OrganizationRole.Manager].Email]);
        Assert.Equal(owner, managed["svc-ci"]);

        // A system without an owner cannot be opened: nobody would review its accounts.
        var orphan = await AddSystemAsync(app, organization, "Legacy", null);
        await LoadAsync(app, organization, orphan, new AccessAccountInput("root", Privileged: true));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => NewCampaignAsync(app, organization, ReviewerRule.SystemOwner, orphan));
        Assert.Contains("Legacy has no owner", refused.Errors["SystemIds"].Single());
        Assert.Equal(CampaignStatus.Draft, await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.Where(c => c.Title == "Q4 2026 access review").OrderByDescending(c => c.Reference).Select(c => c.Status).FirstAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reviewers_DecideOnlyTheirOwnItems_WithCommentsWhereRequired_AndTheLastDecisionCompletes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddPeopleAsync(app, organization);
        var system = await AddSystemAsync(app, organization, "CRM", organization[OrganizationRole.Contributor].UserId);
        await LoadAsync(app, organization, system,
            new AccessAccountInput(organization[OrganizationRole.Manager].Email, Entitlement: "Admin", Privileged: true, LastUsedOn: Today),
            new AccessAccountInput("eve", Email: organization[OrganizationRole.Employee].Email, Entitlement: "Sales", LastUsedOn: Today),
            new AccessAccountInput("lee.leaver@test.example", Entitlement: "Sales"));
        var campaign = await NewCampaignAsync(app, organization, ReviewerRule.PersonManager, system);
        var items = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaign).ToDictionaryAsync(i => i.Account));
        var (admin, eve, lee) = (items[organization[OrganizationRole.Manager].Email], items["eve"], items["lee.leaver@test.example"]);
        var (owner, manager, employee, auditor) = (organization[OrganizationRole.Contributor], organization[OrganizationRole.Manager], organization[OrganizationRole.Employee],
            organization[OrganizationRole.Auditor]);

        Task DecideAsync(TestPerson who, AccessReviewItem item, AccessDecision decision, string? comment = null, string? changeTo = null) =>
            AsAsync(app, organization, who, async (s, db) =>
            {
                var version = await db.AccessReviewItems.Where(i => i.Id == item.Id).Select(i => i.Version).SingleAsync();
                await s.GetRequiredService<DecideAccessItem>().RunAsync(campaign, item.Id, new AccessDecisionInput(decision, comment, changeTo, version));
                return true;
            });

        // Someone else's item is not found for the Employee (even a Contributor who owns the system); an Auditor decides nothing.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => DecideAsync(employee, eve, AccessDecision.Keep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => DecideAsync(owner, eve, AccessDecision.Keep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => DecideAsync(auditor, admin, AccessDecision.Keep));
        // Privileged access needs a comment even to keep; revoking anything needs one; a change names the new entitlement.
        var privileged = await Assert.ThrowsAsync<ValidationFailedException>(() => DecideAsync(owner, admin, AccessDecision.Keep));
        Assert.Contains("required for privileged access", privileged.Errors["Comment"].Single());
        var revoke = await Assert.ThrowsAsync<ValidationFailedException>(() => DecideAsync(manager, lee, AccessDecision.Revoke, " "));
        Assert.Contains("required to revoke", revoke.Errors["Comment"].Single());
        var change = await Assert.ThrowsAsync<ValidationFailedException>(() => DecideAsync(manager, eve, AccessDecision.Change, "Moved team"));
        Assert.Contains("name the entitlement", change.Errors["ChangeTo"].Single());
        // Bulk keep refuses privileged items.
        var bulk = await Assert.ThrowsAsync<ValidationFailedException>(() => AsAsync(app, organization, owner, (s, _) => s.GetRequiredService<KeepAccessItems>().RunAsync(campaign, [admin.Id], null)));
        Assert.Contains("is privileged", bulk.Errors["ItemIds"].Single());

        await DecideAsync(owner, admin, AccessDecision.Keep, "Runs the CRM integration.");
        await DecideAsync(manager, eve, AccessDecision.Change, "Moved to support.", "Support");
        // A decision can change until the campaign completes.
        await DecideAsync(manager, eve, AccessDecision.Keep);
        Assert.Equal(AccessDecision.Keep, await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.Where(i => i.Id == eve.Id).Select(i => i.Decision).SingleAsync()));
        Assert.Equal(CampaignStatus.Open, await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.Where(c => c.Id == campaign).Select(c => c.Status).SingleAsync()));
        await DecideAsync(manager, lee, AccessDecision.Revoke, "Left the company.");

        var done = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign));
        Assert.Equal(CampaignStatus.Completed, done.Status);
        Assert.NotNull(done.CompletedAt);
        var revoked = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.AsNoTracking().SingleAsync(i => i.Id == lee.Id));
        Assert.Equal((Today.AddDays(14), $"Manager Person <{manager.Email}>"), (revoked.RemediationDueOn, revoked.DecidedBy));
        var final = await Assert.ThrowsAsync<ValidationFailedException>(() => DecideAsync(manager, lee, AccessDecision.Keep));
        Assert.Contains("decisions are final", final.Errors["Status"].Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARevocation_IsTrackedUntilConfirmed_ByHandOrByALoadThatNoLongerListsTheGrant(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var system = await AddSystemAsync(app, organization, "Google Cloud console", manager.UserId);
        AccessAccountInput[] accounts = [new("ann", Entitlement: "Owner", Privileged: true), new("bob", Entitlement: "Viewer"), new("cy", Entitlement: "Viewer")];
        await LoadAsync(app, organization, system, accounts);
        var campaign = await NewCampaignAsync(app, organization, ReviewerRule.SystemOwner, system);
        var ids = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.Where(i => i.CampaignId == campaign).ToDictionaryAsync(i => i.Account, i => i.Id));
        await AsAsync(app, organization, manager, async (s, _) =>
        {
            var decide = s.GetRequiredService<DecideAccessItem>();
            await decide.RunAsync(campaign, ids["ann"], new AccessDecisionInput(AccessDecision.Revoke, "No longer an owner.", Version: 1));
            await decide.RunAsync(campaign, ids["bob"], new AccessDecisionInput(AccessDecision.Revoke, "Contract ended.", Version: 1));
            return await s.GetRequiredService<KeepAccessItems>().RunAsync(campaign, [ids["cy"]], null);
        });
        var figures = await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewQueries.FiguresAsync(db));
        Assert.Equal((2, 2, 0, 1, 1), (figures.ItemsRevoked, figures.OpenRevocations, figures.OverdueRevocations, figures.CampaignsCompletedOnTime, figures.CampaignsCounted));

        // Confirming needs a note; then it records who and when.
        var noNote = await Assert.ThrowsAsync<ValidationFailedException>(() => AsAsync(app, organization, manager, async (s, _) =>
        {
            await s.GetRequiredService<ConfirmAccessRemediation>().RunAsync(campaign, ids["ann"], "", 2);
            return true;
        }));
        Assert.Equal("is required.", noNote.Errors["Note"].Single());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => AsAsync(app, organization, organization[OrganizationRole.Contributor], async (s, _) =>
        {
            await s.GetRequiredService<ConfirmAccessRemediation>().RunAsync(campaign, ids["ann"], "Done", 2);
            return true;
        }));
        await AsAsync(app, organization, manager, async (s, _) =>
        {
            await s.GetRequiredService<ConfirmAccessRemediation>().RunAsync(campaign, ids["ann"], "Role removed, ticket OPS-142.", 2);
            return true;
        });

        // The next export no longer lists bob: the load confirms his revocation.
        var load = await LoadAsync(app, organization, system, accounts[0], accounts[2]);
        Assert.Equal((1, 1), (load.Removed, load.RemediationsConfirmed));
        var items = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaign).ToDictionaryAsync(i => i.Account));
        Assert.Equal($"Manager Person <{manager.Email}>", items["ann"].RemediatedBy);
        Assert.Equal("Role removed, ticket OPS-142.", items["ann"].RemediationNote);
        Assert.Equal($"confirmed by load of Google Cloud console on {Today:yyyy-MM-dd}", items["bob"].RemediatedBy);
        Assert.Equal("test no longer lists bob with Viewer.", items["bob"].RemediationNote);
        Assert.Null(items["cy"].RemediatedAt);
        Assert.Equal(0, (await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewQueries.FiguresAsync(db))).OpenRevocations);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AManager_ClosesACampaignWithPendingItems_OnlyWithAReason_AndTheReportSaysSo(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var system = await AddSystemAsync(app, organization, "Agent platform (AI)", manager.UserId);
        await LoadAsync(app, organization, system, new AccessAccountInput("ops", Entitlement: "Operator", Privileged: true, LastUsedOn: Today), new AccessAccountInput("svc-eval", Entitlement: "Evaluator"));
        var campaign = await NewCampaignAsync(app, organization, ReviewerRule.SystemOwner, system);
        var ops = await app.WithCoreAsync(organization.Id, (_, db) => db.AccessReviewItems.Where(i => i.CampaignId == campaign && i.Account == "ops").Select(i => i.Id).SingleAsync());
        await AsAsync(app, organization, manager, async (s, _) =>
        {
            await s.GetRequiredService<DecideAccessItem>().RunAsync(campaign, ops, new AccessDecisionInput(AccessDecision.Revoke, "Operators rotate quarterly.", Version: 1));
            return true;
        });
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<CompleteAccessReview>().RunAsync(campaign, null, 2)));
        Assert.Contains("1 item(s) are still pending", noReason.Errors["Note"].Single());
        Assert.Equal(1, await AsAsync(app, organization, manager, (s, _) => s.GetRequiredService<CompleteAccessReview>().RunAsync(campaign, "Service account owner on leave.", 2)));

        var csv = System.Text.Encoding.UTF8.GetString((await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewReport.RenderAsync(db, campaign, "csv"))).Content);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Campaign,System,Account,Email,Display name,Person,Entitlement,Privileged,Last used,Flags,Reviewer,Decision", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("AR-001,Agent platform (AI),ops,,,,Operator,yes,", StringComparison.Ordinal) && l.Contains(",Revoke,,Operators rotate quarterly.,")
            && l.Contains($"Manager Person <{manager.Email}>"));
        Assert.Contains(lines, l => l.Contains("svc-eval") && l.Contains("\"no matching person, unused\"") && l.Contains(",Pending,")
            && l.Contains($"Not decided: AR-001 was closed by Manager Person <{manager.Email}>") && l.Contains("Service account owner on leave."));
        var xlsx = (await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewReport.RenderAsync(db, campaign, "xlsx"))).Content;
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["ops", "svc-eval"], sheet.Select(r => (string)r["Account"]).ToArray());
        var (pdf, type, name) = await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewReport.RenderAsync(db, campaign, "pdf"));
        Assert.Equal(("application/pdf", "access-review-ar-001.pdf"), (type, name));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (_, db) => AccessReviewReport.RenderAsync(db, campaign, "docx")));

        var summary = await app.WithCoreAsync(organization.Id, (_, db) => AccessReviewQueries.SummaryAsync(db, campaign));
        Assert.Equal((2, 1, 1, 1), (summary.Counts.Total, summary.Counts.Revoke, summary.Counts.Pending, summary.OpenRemediations));
        Assert.Equal(1, summary.ByFlag.Single(f => f.Flag == AccessFlags.Privileged).Revoked);
        Assert.Equal(2, summary.BySystem.Single().Counts.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherOrganizationsSystemsAndCampaigns_AreNotFound(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var mine = await app.SeedOrganizationAsync();
        var theirs = await app.SeedOrganizationAsync();
        var seeded = await app.AddAccessReviewAsync(theirs);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => LoadAsync(app, mine, seeded.SystemId, new AccessAccountInput("x")));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.WithCoreAsync(mine.Id, (s, _) => s.GetRequiredService<OpenAccessReview>().RunAsync(seeded.CampaignId, 1)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => AsAsync(app, mine, mine[OrganizationRole.Manager], async (s, _) =>
        {
            await s.GetRequiredService<DecideAccessItem>().RunAsync(seeded.CampaignId, seeded.ItemId, new AccessDecisionInput(AccessDecision.Keep, "x", Version: 1));
            return true;
        }));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => app.WithCoreAsync(mine.Id, (_, db) => AccessReviewQueries.SummaryAsync(db, seeded.CampaignId)));
    }

    [Theory]
    [InlineData("2026-09-30", "2026-09-30")]
    [InlineData("30/09/2026", "2026-09-30")]
    [InlineData("09/30/2026", "2026-09-30")]
    [InlineData("2026-09-30T23:15:00Z", "2026-09-30")]
    [InlineData("30 Sep 2026", "2026-09-30")]
    [InlineData("Sep 30, 2026", "2026-09-30")]
    [InlineData("never", null)]
    public void Dates_AreReadInIsoAndCommonFormats(string text, string? expected)
    {
        var (date, problem) = AccessExportFile.ParseDate(text);
        Assert.Null(problem);
        Assert.Equal(expected, date?.ToString("yyyy-MM-dd"));
    }
}
