using System.Diagnostics;
using System.Globalization;
using System.Net;
using Attest;
using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Attest.Organizations;
using Attest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attest.Bench;

// Frameworks & SoA benchmark. Usage: dotnet run -c Release --project bench/Attest.Bench [-- --database CONN] [--runs N]
// Measures (1) importing an OSCAL catalog end to end (parse + store), and (2) the SoA page and its XLSX export
// with 1,000 controls and 10,000 control–requirement links, by the server's own Server-Timing, against a
// baseline route that does no work.
internal static class FrameworksBench
{
    public static async Task RunAsync(string[] args)
    {
        var connection = Arg("--database") ?? "Data Source=" + Path.Combine(Directory.CreateTempSubdirectory("attest-bench-").FullName, "bench.db");
        var runs = int.Parse(Arg("--runs") ?? "30", CultureInfo.InvariantCulture);
        var catalogPath = Path.Combine(AppContext.BaseDirectory, "Data", "low-catalog.json");
        Console.WriteLine($"Attest frameworks & SoA benchmark — {DatabaseProvider.Describe(connection)}, {Environment.ProcessorCount} cores, {runs} warm runs per route");

        var app = AttestWebApp.Build(new WebAppSettings(connection, ["http://127.0.0.1:0"])
        {
            ConfigureBuilder = builder => builder.Logging.SetMinimumLevel(LogLevel.Warning),
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        }
        var organizationId = await Core(null, (s, _) => s.GetRequiredService<CreateOrganization>().RunAsync(new NewOrganization("Bench " + Guid.NewGuid().ToString("N")[..6], "UTC"), null)).ContinueWith(t => t.Result.Id);
        await Core(organizationId, (s, _) => s.GetRequiredService<AddMember>().RunAsync(new NewMember("bench@bench.example", "Bench", OrganizationRole.Manager, null, "bench password 123456")));

        // 1. Catalog import: each run imports the catalog under a new id, so every run parses and stores all of it.
        var importTimes = new List<double>();
        var bytes = await File.ReadAllBytesAsync(catalogPath);
        for (var i = 0; i < 6; i++)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("LOW IMPACT BASELINE", $"LOW IMPACT BASELINE RUN {i}");
            var watch = Stopwatch.StartNew();
            var result = await Core(organizationId, (s, _) => s.GetRequiredService<ImportFrameworkFile>().RunAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), $"run-{i}.json"));
            watch.Stop();
            if (i > 0) importTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"catalog: {result.Controls} controls, {result.Requirements} requirements, {bytes.Length / 1024} KiB (first, cold: {watch.ElapsedMilliseconds} ms)");
        }
        Report("import OSCAL catalog (parse + store)", importTimes);

        // 2. 1,000 controls with 10,000 links spread over ISO 27001, ISO 42001, CSF 2.0 and the imported baseline.
        await Core(organizationId, async (_, db) =>
        {
            var requirements = await db.Requirements.Where(r => r.Assessable && !r.Withdrawn).Select(r => r.Id).ToListAsync();
            var random = new Random(42);
            for (var batch = 0; batch < 10; batch++)
            {
                for (var i = 0; i < 100; i++)
                {
                    var number = batch * 100 + i + 1;
                    var control = new Control { Reference = $"CTL-{number:0000}", Name = $"Control {number}", Status = (ImplementationStatus)(number % 4) };
                    db.Controls.Add(control);
                    foreach (var requirement in requirements.OrderBy(_ => random.Next()).Take(10))
                    {
                        db.ControlRequirements.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirement });
                    }
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            return 0;
        });
        // A real database has been analyzed by autovacuum long before anyone reads it; a freshly bulk-loaded one has not.
        await Core(null, async (_, db) => db.Kind == DatabaseKind.Postgres ? await db.Database.ExecuteSqlRawAsync("ANALYZE") : 0);
        Console.WriteLine($"seeded: {await Core(organizationId, (_, db) => db.Controls.CountAsync())} controls, {await Core(organizationId, (_, db) => db.ControlRequirements.CountAsync())} links");

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var signIn = await client.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "bench@bench.example", ["Password"] = "bench password 123456", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("sign-in failed: " + signedIn.StatusCode);

        foreach (var (name, path) in new[]
        {
            ("baseline (static stylesheet)", "/assets/site.css"),
            ("SoA page (draft, 93 rows)", "/soa/iso27001-2022"),
            ("SoA XLSX export (draft)", "/soa/iso27001-2022/export?version=draft&format=xlsx"),
            ("frameworks page (coverage)", "/frameworks"),
            ("controls page (100 of 1,000)", "/controls"),
        })
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {response.StatusCode}");
                await response.Content.ReadAsByteArrayAsync();
                var timing = response.Headers.GetValues("Server-Timing").Single();
                if (i >= 3) times.Add(double.Parse(timing.Split("dur=")[1], CultureInfo.InvariantCulture));
            }
            Report(name, times);
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB, allocated: {GC.GetTotalAllocatedBytes() / 1024 / 1024} MiB");
        await app.StopAsync();

        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        void Report(string name, List<double> times)
        {
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"{name,-40} median {At(0.5),8:0.0} ms   p95 {At(0.95),8:0.0} ms   (n={times.Count})");
        }

        async Task<T> Core<T>(Guid? organization, Func<IServiceProvider, AttestDbContext, Task<T>> action)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            if (organization is { } id) db.Acting.EnterOrganization(id, OrganizationRole.Admin);
            return await action(scope.ServiceProvider, db);
        }
    }
}
