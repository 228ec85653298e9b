using System.Diagnostics;
using System.Globalization;
using System.Net;
using Attest.AccessReviews;
using Attest.Accounts;
using Attest.Data;
using Attest.Organizations;
using Attest.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Bench;

/// <summary>
/// The access-review budget (issue 7): one organization with 10,000 people, three systems, 50,000 grants and an open campaign over
/// them (reviewers by manager), then the reviewer's page (≤ 50 ms) and the campaign summary (≤ 100 ms) through the real web app.
/// <c>dotnet run -c Release --project bench/Attest.Bench -- access [--database CONN] [--runs 30]</c>
/// </summary>
internal static partial class ScaleBench
{
    private const string AccessLab = "Access Lab";
    private const string AccessPassword = "access lab password";
    private const int LabPeople = 10_000;
    private const int LabManagers = 200;

    public static async Task AccessAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connection = Arg("--database") ?? "Data Source=" + Path.Combine(Directory.CreateTempSubdirectory("attest-access-").FullName, "access.db");
        var runs = int.Parse(Arg("--runs") ?? "30", CultureInfo.InvariantCulture);
        Console.WriteLine($"Attest access-review lab — {DatabaseProvider.Describe(connection)}, {Environment.ProcessorCount} cores");
        var campaignId = await SeedAccessLabAsync(connection);

        var port = FreePort();
        using var server = StartServer(connection, port);
        try
        {
            async Task<HttpClient> SignedInAsync(string email)
            {
                var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitForHealthAsync(client);
                await SignInAsync(client, email, AccessPassword);
                return client;
            }
            using var reviewer = await SignedInAsync("manager007@access.lab");
            using var owner = await SignedInAsync("owner@access.lab");
            var cases = new List<(string Name, HttpClient Client, string Path, double Budget)>
            {
                ("reviewer's page (a manager, pending)", reviewer, $"/access/reviews/{campaignId}/my", 50),
                ("reviewer's page (a manager, all, flagged)", reviewer, $"/access/reviews/{campaignId}/my?status=all&flag=None", 50),
                ("reviewer's page (system owner, pending)", owner, $"/access/reviews/{campaignId}/my", 50),
                ("reviewer's page (system owner, page 20, privileged)", owner, $"/access/reviews/{campaignId}/my?pageNumber=20&flag=Privileged&status=all", 50),
                ("campaign summary", owner, $"/access/reviews/{campaignId}", 100),
                ("access figures", owner, "/access", 100),
                ("systems", owner, "/access/systems", 100),
            };
            Console.WriteLine($"{"route",-52} {"median ms",10} {"p95 ms",8} {"queries",8} {"budget",7}");
            foreach (var (name, client, path, budget) in cases)
            {
                var times = new List<double>();
                var queries = 0;
                for (var i = 0; i < runs + 3; i++)
                {
                    using var response = await client.GetAsync(path);
                    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                    await response.Content.ReadAsByteArrayAsync();
                    var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
                    queries = int.Parse(Queries().Match(timing).Groups[1].Value, CultureInfo.InvariantCulture);
                    if (i >= 3) times.Add(double.Parse(Duration().Match(timing).Groups[1].Value, CultureInfo.InvariantCulture));
                }
                times.Sort();
                var p95 = Percentile(times, 0.95);
                Console.WriteLine($"{name,-52} {Percentile(times, 0.5),10:0.0} {p95,8:0.0} {queries,8} {(p95 <= budget ? "ok" : "OVER"),7}");
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Seeds the lab once (reused when it exists) through the real use cases; prints how long loading and opening took.</summary>
    private static async Task<Guid> SeedAccessLabAsync(string connection)
    {
        var services = new ServiceCollection().AddLogging().AddAttestCore(connection).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        var db = provider.GetRequiredService<AttestDbContext>();
        var existing = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == AccessLab);
        if (existing is not null)
        {
            db.Acting.EnterOrganization(existing.Id, OrganizationRole.Admin);
            Console.WriteLine("dataset: reusing the existing access lab");
            return await db.AccessReviewCampaigns.Select(c => c.Id).FirstAsync();
        }
        var watch = Stopwatch.StartNew();
        var organization = await provider.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization(AccessLab, "UTC"), null);
        db.Acting.EnterOrganization(organization.Id, OrganizationRole.Admin);
        var hash = provider.GetRequiredService<IPasswordHasher<User>>().HashPassword(new User(), AccessPassword);
        var users = new List<User>();
        for (var i = 0; i <= LabManagers; i++)
        {
            var email = i == 0 ? "owner@access.lab" : $"manager{i:000}@access.lab";
            var user = new User
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = i == 0 ? "Olive Owner" : $"Manager {i:000}", PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            users.Add(user);
            db.Users.Add(user);
            db.Memberships.Add(new Membership { OrganizationId = organization.Id, UserId = user.Id, Role = i == 0 ? OrganizationRole.Manager : OrganizationRole.Employee });
        }
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(2026_11_23);
        var people = new List<Person>(LabPeople);
        for (var i = 0; i < LabPeople; i++)
        {
            var email = i <= LabManagers ? users[i].Email! : $"person{i:00000}@access.lab";
            people.Add(new Person
            {
                Name = i <= LabManagers ? users[i].DisplayName : $"Person {i:00000}", Email = email, EmailKey = PersonLookup.KeyOf(email), UserId = i <= LabManagers ? users[i].Id : null,
                Department = $"Department {i % 12}", EndDate = i % 97 == 0 && i > LabManagers ? today.AddDays(-20) : null,
            });
        }
        for (var i = 1; i < LabPeople; i++) people[i].ManagerId = i <= LabManagers ? people[0].Id : people[1 + i % LabManagers].Id;
        foreach (var chunk in people.Chunk(2_000))
        {
            db.People.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"  {LabManagers + 1} users, {LabPeople} people ({watch.Elapsed.TotalSeconds:0.0} s)");

        var systems = new List<Guid>();
        foreach (var (name, count) in new[] { ("Agent platform (AI)", 20_000), ("AWS console", 15_000), ("CRM", 15_000) })
        {
            var system = await provider.GetRequiredService<SaveAccessSystem>().RunAsync(null, new AccessSystemInput(name, OwnerId: users[0].Id));
            var accounts = new List<AccessAccountInput>(count);
            for (var i = 0; i < count; i++)
            {
                var person = i % LabPeople;
                var orphan = i % 50 == 49;
                var account = orphan ? $"svc-{name[..3].ToLowerInvariant()}-{i:00000}" : people[person].Email;
                accounts.Add(new AccessAccountInput(account, DisplayName: orphan ? "Service account" : people[person].Name, Entitlement: i < LabPeople ? "User" : i % 3 == 0 ? "Admin" : "Analyst",
                    Privileged: i >= LabPeople && i % 3 == 0 || i % 20 == 0, LastUsedOn: random.Next(10) == 0 ? null : today.AddDays(-random.Next(200))));
            }
            var load = Stopwatch.StartNew();
            var result = await provider.GetRequiredService<LoadSystemAccounts>().RunAsync(system, accounts, "bench");
            Console.WriteLine($"  load {name}: {result.Added} accounts in {load.Elapsed.TotalSeconds:0.00} s; flagged {result.NoMatchingPerson} no person, {result.Leavers} leavers, {result.Privileged} privileged, {result.Unused} unused");
            var reload = Stopwatch.StartNew();
            var again = await provider.GetRequiredService<LoadSystemAccounts>().RunAsync(system, accounts, "bench");
            Console.WriteLine($"  reload {name} unchanged: {again.Unchanged} in {reload.Elapsed.TotalSeconds:0.00} s");
            systems.Add(system);
            db.ChangeTracker.Clear();
        }
        var campaign = await provider.GetRequiredService<SaveAccessReview>().RunAsync(null, new AccessReviewInput("Q4 2026 access review", systems, ReviewerRule.PersonManager, today.AddDays(21)));
        var open = Stopwatch.StartNew();
        var items = await provider.GetRequiredService<OpenAccessReview>().RunAsync(campaign, 1);
        Console.WriteLine($"  opened the campaign: {items} items in {open.Elapsed.TotalSeconds:0.00} s");
        // A quarter of the items decided, so the summary groups every decision.
        var decided = await db.AccessReviewItems.Where(i => i.CampaignId == campaign && !i.Privileged).OrderBy(i => i.Id).Take(items / 4).ToListAsync();
        foreach (var (item, n) in decided.Select((item, n) => (item, n)))
        {
            item.Decision = n % 10 == 0 ? AccessDecision.Revoke : AccessDecision.Keep;
            item.Comment = n % 10 == 0 ? "Not needed." : "";
            item.DecidedAt = DateTimeOffset.UtcNow;
            item.DecidedBy = "bench";
            item.RemediationDueOn = n % 10 == 0 ? today.AddDays(14) : null;
        }
        var decide = Stopwatch.StartNew();
        await db.SaveChangesAsync();
        Console.WriteLine($"  {decided.Count} decisions saved (audited) in {decide.Elapsed.TotalSeconds:0.0} s; dataset ready in {watch.Elapsed.TotalSeconds:0.0} s");
        if (db.Kind == DatabaseKind.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return campaign;
    }
}
