using System.Net;
using System.Net.Http.Json;
using Attest.Checks;
using Attest.Data;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Checks;

public sealed class CheckRunTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_RecordsEvidenceLinkedToTheChecksControls_AndUpdatesTheSchedule(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var other = await app.AddControlAsync(organization, "Logging", "A.8.15");
        await EnableCommandChecksAsync(app, organization);
        var id = await AddCheckAsync(app, organization, new CheckInput("backup-age", CheckKind.Command, "true", Schedule: "0 6 * * *", ResultValidDays: 10,
            OwnerId: organization[OrganizationRole.Contributor].UserId, ControlIds: [control, other]));

        var result = await RunAsync(app, organization, id);

        Assert.True(result.Passed);
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var evidence = await db.EvidenceItems.SingleAsync(e => e.CheckId == id);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Equal(result.EvidenceId, evidence.Id);
            Assert.Equal("backup-age — pass", evidence.Title);
            Assert.Equal((EvidenceKind.CheckResult, EvidenceSource.Check, true), (evidence.Kind, evidence.Source, evidence.Passed));
            Assert.Equal(organization[OrganizationRole.Contributor].UserId, evidence.OwnerId);
            Assert.Equal(evidence.CollectedOn.AddDays(10), evidence.ValidUntil);
            Assert.InRange(evidence.CollectedOn, today.AddDays(-1), today);
            Assert.Contains("true", evidence.Note);
            var links = await db.EvidenceLinks.Where(l => l.EvidenceId == evidence.Id).Select(l => new { l.Target, l.TargetId }).ToListAsync();
            Assert.Equal(new[] { control, other }.Order(), links.Select(l => l.TargetId).Order());
            Assert.All(links, l => Assert.Equal(EvidenceTarget.Control, l.Target));

            var schedule = await db.CheckSchedules.SingleAsync(s => s.Id == id);
            Assert.Equal((true, evidence.Id, result.Summary), (schedule.LastPassed, schedule.LastEvidenceId, schedule.LastSummary));
            Assert.NotNull(schedule.LastRunAt);
            Assert.True(schedule.NextRunAt > schedule.LastRunAt);
            Assert.Equal((6, 0), (schedule.NextRunAt!.Value.UtcDateTime.Hour, schedule.NextRunAt.Value.UtcDateTime.Minute));
            Assert.Null(schedule.LeaseOwner);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassThenFail_NotifiesTheOwnersOfTheControlsAndTheCheck_Once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager].UserId;
        var contributor = organization[OrganizationRole.Contributor].UserId;
        var admin = organization[OrganizationRole.Admin].UserId;
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13", ownerId: manager);
        var unowned = await app.AddControlAsync(organization, "Logging", "A.8.15");
        await EnableCommandChecksAsync(app, organization);
        var input = new CheckInput("restore-test", CheckKind.Command, "true", Schedule: "0 6 * * *", Retries: 0, OwnerId: contributor, ControlIds: [control, unowned]);
        var id = await AddCheckAsync(app, organization, input);

        var first = await RunAsync(app, organization, id);
        var version = await app.WithCoreAsync(organization.Id, (_, db) => db.Checks.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveCheck>().RunAsync(id, input with { Target = "echo 'restore failed' >&2; exit 3", Version = version }));
        var second = await RunAsync(app, organization, id);
        var third = await RunAsync(app, organization, id);

        Assert.Equal((true, false, false), (first.Passed, second.Passed, third.Passed));
        var notifications = await app.WithCoreAsync(organization.Id, (_, db) => db.Notifications.OrderBy(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { manager, contributor }.Order(), notifications.Select(n => n.UserId).Order());
        Assert.DoesNotContain(notifications, n => n.UserId == admin);
        Assert.All(notifications, n =>
        {
            Assert.Equal($"Check restore-test failed: {second.Summary}", n.Text);
            Assert.Contains("restore failed", n.Text);
            Assert.Equal($"/checks/{id}", n.Link);
            Assert.Null(n.ReadAt);
        });

        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var page = await browser.GetPageAsync("/my/notifications");
        Assert.Contains("Check restore-test failed", page);
        var read = await browser.PostFormAsync("/my/notifications?handler=Read", [], formPage: "/my/notifications");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.NotNull(await app.WithCoreAsync(organization.Id, (_, db) => db.Notifications.Where(n => n.UserId == manager).Select(n => n.ReadAt).SingleAsync()));
        Assert.Null(await app.WithCoreAsync(organization.Id, (_, db) => db.Notifications.Where(n => n.UserId == contributor).Select(n => n.ReadAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommandChecks_RecordAFailureWithoutRunningWhileDisabled_AndRunOnceAnAdminEnablesThem(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var marker = Path.Combine(Path.GetTempPath(), "attest-check-" + Guid.NewGuid().ToString("N"));
        var id = await AddCheckAsync(app, organization, new CheckInput("touch-marker", CheckKind.Command, $"touch '{marker}'", Schedule: "0 6 * * *"));
        try
        {
            var refused = await RunAsync(app, organization, id);
            var ranWhileDisabled = File.Exists(marker);

            var admin = await app.SignInAsync(organization[OrganizationRole.Admin]);
            var settings = await admin.GetPageAsync("/settings");
            var enable = await admin.PostFormAsync("/settings?handler=CommandChecks", new() { ["enabled"] = "true", ["Version"] = await VersionOfAsync(app, organization) },
                formPage: "/settings");
            var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
            var managerTries = await manager.PostFormAsync("/settings?handler=CommandChecks", new() { ["enabled"] = "false" }, formPage: "/account/security");
            var ran = await RunAsync(app, organization, id);

            Assert.False(refused.Passed);
            Assert.Equal("command checks are disabled", refused.Summary);
            Assert.False(ranWhileDisabled);
            Assert.Contains("Command checks are <strong>disabled</strong>", settings);
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, managerTries.StatusCode);
            Assert.True(ran.Passed);
            Assert.True(File.Exists(marker));
            var audited = await app.WithCoreAsync(organization.Id, (_, db) =>
                db.AuditEntries.Where(a => a.RecordType == "Organization" && a.Action == Attest.Audit.AuditAction.Updated && a.Changes.Contains("CommandChecksEnabled")).CountAsync());
            Assert.Equal(1, audited);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PushEndpoint_RecordsAResultWithTheChecksToken_AndRefusesAWrongToken(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var id = await AddCheckAsync(app, organization, new CheckInput("nightly-restore", CheckKind.Push, ControlIds: [control]));
        var other = await app.SeedOrganizationAsync();
        var otherId = await AddCheckAsync(app, other, new CheckInput("nightly-restore", CheckKind.Push));
        var token = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<IssuePushToken>().RunAsync(id));
        var otherToken = await app.WithCoreAsync(other.Id, (s, _) => s.GetRequiredService<IssuePushToken>().RunAsync(otherId));
        var apiToken = (await app.IssueTokenAsync(organization, organization[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token;
        object body = new { passed = true, summary = "restored in 12 min", details = "Restore of **db-prod**." };

        var accepted = await app.Server.WithToken(token).PostAsJsonAsync("/api/v1/checks/nightly-restore/results", body);
        var acceptedOther = await app.Server.WithToken(otherToken).PostAsJsonAsync("/api/v1/checks/nightly-restore/results", new { passed = false, summary = "no backup" });
        var wrong = await app.Server.WithToken(token[..^2] + "xx").PostAsJsonAsync("/api/v1/checks/nightly-restore/results", body);
        var apiTokenInstead = await app.Server.WithToken(apiToken).PostAsJsonAsync("/api/v1/checks/nightly-restore/results", body);
        var none = await app.Server.CreateClient().PostAsJsonAsync("/api/v1/checks/nightly-restore/results", body);
        var unknown = await app.Server.WithToken(token).PostAsJsonAsync("/api/v1/checks/no-such-check/results", body);
        var badJson = await app.Server.WithToken(token).PostAsync("/api/v1/checks/nightly-restore/results",
            new StringContent("{\"passed\": tru", System.Text.Encoding.UTF8, "application/json"));
        var noVerdict = await app.Server.WithToken(token).PostAsJsonAsync("/api/v1/checks/nightly-restore/results", new { summary = "?" });
        var noSummary = await app.Server.WithToken(token).PostAsJsonAsync("/api/v1/checks/nightly-restore/results", new { passed = true });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, acceptedOther.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiTokenInstead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVerdict.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var evidence = await db.EvidenceItems.SingleAsync(e => e.CheckId == id);
            Assert.Equal(("nightly-restore — pass", true, "Restore of **db-prod**.", EvidenceSource.Check), (evidence.Title, evidence.Passed, evidence.Note, evidence.Source));
            Assert.Equal(control, await db.EvidenceLinks.Where(l => l.EvidenceId == evidence.Id).Select(l => l.TargetId).SingleAsync());
            var schedule = await db.CheckSchedules.SingleAsync(s => s.Id == id);
            Assert.Equal((true, "restored in 12 min", (DateTimeOffset?)null), (schedule.LastPassed, schedule.LastSummary, schedule.NextRunAt));
        });
        Assert.Equal(false, await app.WithCoreAsync(other.Id, (_, db) => db.EvidenceItems.Where(e => e.CheckId == otherId).Select(e => e.Passed).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PostgresSecret_NeverAppearsInApiAnswersOrTheAuditTrail_AndIsKeptWhenLeftEmpty(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        const string secret = "Host=db.internal;Username=probe;Password=hunter2-very-secret";
        const string replacement = "Host=db2.internal;Username=probe;Password=second-secret-77";

        var created = await api.PostAsJsonAsync("/api/v1/checks", new { name = "prod-settings", kind = "Postgres", schedule = "0 5 * * 1", secret });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdText);
        var id = Guid.Parse(System.Text.Json.JsonDocument.Parse(createdText).RootElement.GetProperty("id").GetString()!);
        var kept = await api.PutAsJsonAsync($"/api/v1/checks/{id}", new { name = "prod-settings", kind = "Postgres", schedule = "0 4 * * 1", version = 1 });
        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.Checks.Where(c => c.Id == id).Select(c => c.ProtectedSecret!).SingleAsync());
        var replaced = await api.PutAsJsonAsync($"/api/v1/checks/{id}", new { name = "prod-settings", kind = "Postgres", schedule = "0 4 * * 1", secret = replacement, version = 2 });
        var storedAfter = await app.WithCoreAsync(organization.Id, (_, db) => db.Checks.Where(c => c.Id == id).Select(c => c.ProtectedSecret!).SingleAsync());
        var detail = await api.GetStringAsync($"/api/v1/checks/{id}");
        var list = await api.GetStringAsync("/api/v1/checks");
        var page = await (await app.SignInAsync(organization[OrganizationRole.Manager])).GetPageAsync($"/checks/{id}");
        var audit = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.Where(a => a.RecordType == "Check").OrderBy(a => a.Sequence).Select(a => a.Changes).ToListAsync());
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CheckSecrets.Purpose);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        Assert.Equal(secret, protector.Unprotect(stored));
        Assert.Equal(replacement, protector.Unprotect(storedAfter));
        Assert.Contains("\"hasSecret\":true", detail);
        Assert.Equal(3, audit.Count);
        foreach (var text in new[] { createdText, detail, list, page }.Concat(audit))
        {
            foreach (var leak in new[] { "hunter2", "second-secret", "db.internal", "db2.internal", stored, storedAfter })
            {
                Assert.DoesNotContain(leak, text);
            }
        }
        Assert.All(audit.Take(1).Concat(audit.Skip(2)), changes => Assert.Contains("(secret)", changes));
    }

    [Fact]
    public async Task ChecksPages_CreateACheckWithControlReferences_RunItNow_AndShowAPushTokenOnce()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var control = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var reference = await app.WithCoreAsync(organization.Id, (_, db) => db.Controls.Where(c => c.Id == control).Select(c => c.Reference).SingleAsync());
        await EnableCommandChecksAsync(app, organization);
        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var contributor = await app.SignInAsync(organization[OrganizationRole.Contributor]);

        var created = await manager.PostFormAsync("/checks/new", new()
        {
            ["Input.Name"] = "backup-present", ["Input.Kind"] = "Command", ["Input.Target"] = "true", ["Input.Schedule"] = "30 2 * * *", ["Input.Enabled"] = "true",
            ["Input.TimeoutSeconds"] = "20", ["Input.Retries"] = "0", ["Input.ResultValidDays"] = "3", ["Input.Controls"] = reference,
        });
        var badCron = await manager.PostFormAsync("/checks/new", new() { ["Input.Name"] = "broken", ["Input.Kind"] = "Command", ["Input.Target"] = "true", ["Input.Schedule"] = "61 * * * *" });
        var id = await app.WithCoreAsync(organization.Id, (_, db) => db.Checks.Where(c => c.Name == "backup-present").Select(c => c.Id).SingleAsync());
        var contributorEdits = await contributor.PostFormAsync($"/checks/{id}", new() { ["Input.Name"] = "taken-over", ["Input.Kind"] = "Command", ["Input.Target"] = "true" });
        var ran = await manager.PostFormAsync($"/checks/{id}?handler=Run", []);
        var page = WebUtility.HtmlDecode(await manager.GetPageAsync(ran.Headers.Location!.ToString()));
        var list = await manager.GetPageAsync("/checks");
        var pushId = await AddCheckAsync(app, organization, new CheckInput("restore-report", CheckKind.Push));
        var issued = await manager.PostFormAsync($"/checks/{pushId}?handler=PushToken", []);
        var issuedPage = await issued.Content.ReadAsStringAsync();
        var later = await manager.GetPageAsync($"/checks/{pushId}");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCron.StatusCode);
        Assert.Contains("minute field", await badCron.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, contributorEdits.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        Assert.Contains("backup-present: pass", page);
        Assert.Contains($"value=\"{reference}\"", page);
        Assert.Contains("backup-present — pass", page);
        Assert.Contains("30 2 * * *", list);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var hash = await app.WithCoreAsync(organization.Id, (_, db) => db.Checks.Where(c => c.Id == pushId).Select(c => c.PushTokenHash!).SingleAsync());
        var token = System.Text.RegularExpressions.Regex.Match(issuedPage, "Bearer ([A-Za-z0-9_-]{43})").Groups[1].Value;
        Assert.True(CheckSecrets.Matches(token, hash));
        Assert.Contains("/api/v1/checks/restore-report/results", issuedPage);
        Assert.DoesNotContain(token, later);
        var pushed = await app.Server.WithToken(token).PostAsJsonAsync("/api/v1/checks/restore-report/results", new { passed = true, summary = "restored" });
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
    }

    /// <summary>Two `attest serve` instances on one PostgreSQL database, both scheduling: every due check runs exactly once.</summary>
    [Fact]
    public async Task Scheduler_RunsEachDueCheckOnce_AcrossTwoInstancesOnOneDatabase()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        static void Scheduling(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [Attest.Web.Checks.CheckScheduler.SchedulerSetting] = "on",
                [Attest.Web.Checks.CheckScheduler.PollSecondsSetting] = "1",
            });
        await using var first = await TestApp.StartAsync(database, ownsDatabase: false, configure: Scheduling);
        await using var second = await TestApp.StartAsync(database, migrate: false, ownsDatabase: false, configure: Scheduling);
        var organization = await first.SeedOrganizationAsync();
        var control = await first.AddControlAsync(organization, "Monitoring", "A.8.16");
        await EnableCommandChecksAsync(first, organization);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            // Yearly, so that once run none is due again while the test looks.
            ids.Add(await AddCheckAsync(first, organization, new CheckInput($"probe-{i:00}", CheckKind.Command, "true", Schedule: "0 0 1 1 *", Retries: 0, ControlIds: [control])));
        }

        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        await first.WithCoreAsync(organization.Id, (_, db) => db.CheckSchedules.ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRunAt, due)));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        int finished;
        do
        {
            await Task.Delay(250);
            finished = await first.WithCoreAsync(organization.Id, (_, db) => db.CheckSchedules.CountAsync(s => s.LastRunAt != null && s.LeaseOwner == null));
        }
        while (finished < ids.Count && DateTime.UtcNow < deadline);

        Assert.Equal(ids.Count, finished);
        var results = await first.WithCoreAsync(organization.Id, (_, db) =>
            db.EvidenceItems.Where(e => e.CheckId != null).GroupBy(e => e.CheckId!.Value).Select(g => new { Check = g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(ids.Order(), results.Select(r => r.Check).Order());
        Assert.All(results, r => Assert.Equal(1, r.Count));
        await first.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var schedules = await db.CheckSchedules.ToListAsync();
            Assert.All(schedules, s => Assert.True(s.LastPassed == true && s.NextRunAt > DateTimeOffset.UtcNow.AddDays(1) && s.LeaseUntil is null));
            var references = await db.EvidenceItems.Select(e => e.Reference).ToListAsync();
            Assert.Equal(references.Count, references.Distinct().Count());
        });
    }

    [Fact]
    public async Task ChecksRun_FromTheCommandLine_PrintsALinePerCheck_AndExits1OnAFailureOrAnUnknownName()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Admin", "--organization", "Acme");
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
            await scope.ServiceProvider.GetRequiredService<ChangeCommandChecks>().RunAsync(true, acme.Version);
            var save = scope.ServiceProvider.GetRequiredService<SaveCheck>();
            await save.RunAsync(null, new CheckInput("disk-ok", CheckKind.Command, "true", Schedule: "0 6 * * *", Retries: 0));
            await save.RunAsync(null, new CheckInput("disk-full", CheckKind.Command, "echo 'disk 97% full'; exit 2", Schedule: "0 6 * * *", Retries: 0));
            await save.RunAsync(null, new CheckInput("restore", CheckKind.Push));
        }

        var one = await AttestAsync("checks", "run", "disk-ok", "--database", db, "--organization", "Acme");
        var all = await AttestAsync("checks", "run", "--all", "--database", db);
        var unknown = await AttestAsync("checks", "run", "disk-gone", "--database", db);
        var neither = await AttestAsync("checks", "run", "--database", db);

        Assert.Equal((0, "disk-ok pass Command exited with code 0.", ""), (one.Code, one.Output.Trim(), one.Error));
        Assert.Equal(1, all.Code);
        Assert.Equal(new[] { "disk-full fail Command exited with code 2: disk 97% full", "disk-ok pass Command exited with code 0." },
            all.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Equal((1, ""), (unknown.Code, unknown.Output));
        Assert.Contains("disk-gone", unknown.Error);
        Assert.Equal(1, neither.Code);
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            Assert.Equal(3, await context.EvidenceItems.CountAsync(e => e.Kind == EvidenceKind.CheckResult));
            Assert.Equal(Attest.Audit.AuditChannel.Cli, await context.AuditEntries.Where(a => a.RecordType == "EvidenceItem").Select(a => a.Channel).FirstAsync());
        }
    }

    private static Task<Guid> AddCheckAsync(TestApp app, TestOrganization organization, CheckInput input) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveCheck>().RunAsync(null, input));

    private static Task<CheckRunResult> RunAsync(TestApp app, TestOrganization organization, Guid id) =>
        app.WithCoreAsync(organization.Id, async (s, _) => (await s.GetRequiredService<RunCheck>().RunAsync(id, CheckTrigger.RunNow))!);

    private static Task EnableCommandChecksAsync(TestApp app, TestOrganization organization) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<ChangeCommandChecks>().RunAsync(true, await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Version).SingleAsync()));

    private static async Task<string> VersionOfAsync(TestApp app, TestOrganization organization) =>
        (await app.WithCoreAsync(organization.Id, (_, db) => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Version).SingleAsync()))
        .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
