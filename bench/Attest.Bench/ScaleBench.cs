using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Data;
using Attest.Organizations;
using Attest.Scale;
using Attest.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Bench;

/// <summary>
/// The scale lab: seeds (or reuses) the large dataset, runs `attest serve` as its own process, reads every list
/// page, detail page, dashboard and export warm, then drives a 30-second throughput run with wrk.
/// Usage: dotnet run -c Release --project bench/Attest.Bench -- scale [--database CONN] [--size large|small] [--runs N] [--seconds S]
/// </summary>
internal static partial class ScaleBench
{
    private const string Organization = "Scale Lab";

    private sealed record RouteCase(string Name, string Path, double? BudgetMs);

    public static async Task RunAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connection = Arg("--database") ?? "Data Source=" + Path.Combine(Directory.CreateTempSubdirectory("attest-scale-").FullName, "scale.db");
        var size = Enum.Parse<ScaleSize>(Arg("--size") ?? "large", ignoreCase: true);
        var runs = int.Parse(Arg("--runs") ?? "20", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("--seconds") ?? "30", CultureInfo.InvariantCulture);
        var provider = DatabaseProvider.KindOf(connection) == DatabaseKind.Postgres ? "postgres" : "sqlite";
        Console.WriteLine($"Attest scale lab — {DatabaseProvider.Describe(connection)}, {size}, {Environment.ProcessorCount} cores");

        await SeedAsync(connection, size);

        var port = FreePort();
        using var server = StartServer(connection, port);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(client);
        var email = $"person0000@{new string(Organization.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}.example";
        await SignInAsync(client, email, SeedScaleDataset.Password);
        var token = await CreateTokenAsync(client);
        var samples = await SamplesAsync(client, token);

        var cases = new List<RouteCase>
        {
            new("baseline: static stylesheet", "/assets/site.css", null),
            new("context & scope", "/context", 50),
            new("audit log (1,000,000 entries)", "/audit", 50),
            new("audit log filtered by record type", "/audit?recordType=Control", 50),
            new("frameworks with coverage", "/frameworks", 50),
            new("framework tree (ISO 27001)", "/frameworks/iso27001-2022", 50),
            new("framework search", "/frameworks/nist-sp800-53-rev5-low?q=access", 50),
            new("requirement detail", $"/requirements/{samples.Requirement}", null),
            new("controls (10,000)", "/controls", 50),
            new("controls filtered", "/controls?status=Implemented&q=access", 50),
            new("control detail", $"/controls/{samples.Control}", null),
            new("SoA draft (ISO 27001)", "/soa/iso27001-2022", 50),
            new("SoA XLSX export", "/soa/iso27001-2022/export?version=draft&format=xlsx", null),
            new("SoA PDF export", "/soa/iso27001-2022/export?version=draft&format=pdf", null),
            new("members (2,000)", "/settings/members", 50),
            new("policies register (300 documents)", "/policies", 50),
            new("policy detail with history", $"/policies/{samples.Document}", 50),
            new("policy coverage", "/policies/coverage", 50),
            new("acknowledgements (~116,000 assignments)", "/policies/acknowledgements", 50),
            new("my policies", "/my/documents", 50),
            new("policy set ZIP export", "/policies/export?format=zip", null),
            new("asset inventory (10,000)", "/assets", 50),
            new("assets filtered and sorted", "/assets?type=Software&criticality=High&sort=Name&desc=true", 50),
            new("assets search", "/assets?q=model", 50),
            new("asset detail with dependencies", $"/assets/{samples.Asset}", 50),
            new("AI registry (500 systems, coverage)", "/ai", 50),
            new("AI system detail", $"/ai/systems/{samples.AiSystem}", 50),
            new("impact assessments", "/ai/assessments", 50),
            new("inventory XLSX export (10,000 assets)", "/assets/export?format=xlsx", 2000),
            new("AI registry XLSX export", "/ai/export", null),
            new("risk register (5,000 risks)", "/risks", 50),
            new("risks in treatment, review overdue", "/risks?status=InTreatment&reviewOverdue=true", 50),
            new("risks at residual level High", "/risks?level=2&rating=Residual", 50),
            new("risks affecting an asset", $"/risks?asset={samples.Asset}", 50),
            new("risk detail", $"/risks/{samples.Risk}", 50),
            new("API: controls page", "/api/v1/controls", 50),
            new("API: audit entries", "/api/v1/audit-entries", 50),
            new("API: coverage", "/api/v1/frameworks/coverage", 50),
            new("API: documents page", "/api/v1/documents", 50),
            new("API: assets page", "/api/v1/assets", 50),
            new("API: risks page", "/api/v1/risks", 50),
            new("API: risk heatmap", "/api/v1/risks/heatmap", 50),
            new("API: risk detail", $"/api/v1/risks/{samples.Risk}", 50),
            new("evidence (100,000 items)", "/evidence", 50),
            new("evidence filtered by kind (files)", "/evidence?kind=File", 50),
            new("expired evidence", "/evidence?stale=true", 50),
            new("evidence for a control", $"/evidence?control={samples.EvidenceControl}", 50),
            new("evidence detail with versions", $"/evidence/{samples.Evidence}", null),
            new("API: evidence page", "/api/v1/evidence", 50),
            new("component definition export (OSCAL)", "/controls/oscal", null),
            new("people register (10,000)", "/people", 50),
            new("people search", "/people?q=staff01", 50),
            new("training figures (11,000 assignments)", "/training", 50),
            new("training assignments, overdue", "/training/assignments?overdue=true", 50),
            new("supplier register (500)", "/suppliers", 50),
            new("API: people page", "/api/v1/people", 50),
            new("incident register (20,000 incidents)", "/incidents", 50),
            new("incidents, critical", "/incidents?severity=Critical", 50),
            new("incidents, open", "/incidents?state=Open", 50),
            new("incident detail with timeline", $"/incidents/{samples.Incident}", 50),
            new("API: incidents page", "/api/v1/incidents", 50),
            new("API: incident figures", "/api/v1/incidents/figures", 50),
            new("vulnerabilities (50,000 findings)", "/vulnerabilities", 50),
            new("vulnerabilities, open critical", "/vulnerabilities?severity=Critical&status=Open", 50),
            new("API: vulnerabilities page", "/api/v1/vulnerabilities", 50),
            new("API: vulnerability figures", "/api/v1/vulnerabilities/figures", 50),
            new("corrective actions (2,000)", "/actions", 50),
            new("corrective actions, overdue", "/actions?overdue=true", 50),
            new("API: corrective actions page", "/api/v1/corrective-actions", 50),
            new("API: corrective action figures", "/api/v1/corrective-actions/figures", 50),
            new("continuity plans (50)", "/continuity", 50),
            new("continuity exercises (200)", "/continuity/exercises", 50),
            new("availability (100 services × 24 months)", "/continuity/availability", 50),
            new("API: continuity figures", "/api/v1/continuity/figures", 50),
            new("obligations register (2,000)", "/obligations", 50),
            new("obligations not compliant", "/obligations?status=NotCompliant", 50),
            new("licences (600), by expiry", "/obligations/licences", 50),
            new("licences expiring", "/obligations?licence=Expiring", 50),
            new("obligation detail", $"/obligations/{samples.Obligation}", 50),
            new("API: obligation figures", "/api/v1/obligations/figures", 50),
            new("nonconformity register (5,000)", "/nonconformities", 50),
            new("nonconformities, overdue", "/nonconformities?state=overdue", 50),
            new("nonconformity detail", $"/nonconformities/{samples.Nonconformity}", 50),
            new("API: nonconformity figures", "/api/v1/nonconformities/figures", 50),
            new("exceptions (1,000)", "/exceptions", 50),
            new("exceptions, expired", "/exceptions?status=expired", 50),
            new("exception detail", $"/exceptions/{samples.Exception}", 50),
            new("certification programmes with readiness", "/certification", 50),
            new("certification programme with timeline and readiness", $"/certification/{samples.Programme}", 50),
            new("API: certification status", "/api/v1/certification/status", 50),
            new("dashboard with objectives, compliance and overdue by owner", "/", 100),
            new("objectives register (60 objectives, 300 measures)", "/objectives", 50),
            new("objective with measures and trends", $"/objectives/{samples.Objective}", 50),
            new("measure with history and records behind", $"/objectives/measures/{samples.Measure}", 50),
            new("API: measures with latest values", "/api/v1/measures", 50),
            new("monthly report (HTML)", $"/reports/monthly?month={samples.LastMonth}", 100), // the dashboard for a month: the dashboard's budget
            new("monthly report (PDF)", $"/reports/monthly.pdf?month={samples.LastMonth}", 3000),
            new("internal audits", "/internal-audits", 50),
            new("internal audit with 100 checklist items", $"/internal-audits/{samples.InternalAudit}", 50),
            new("audit programme with cycle coverage", $"/internal-audits/programmes/{samples.AuditProgramme}", 50),
            new("management reviews", "/management-reviews", 50),
            new("management review with live inputs", $"/management-reviews/{samples.PlannedReview ?? samples.ManagementReview}", 100),
            new("my tasks (CISO)", "/my/tasks", 50),
        };
        var rows = new List<(RouteCase Case, double Median, double P95, int Queries, double AllocatedKb)>();
        foreach (var route in cases)
        {
            var times = new List<double>();
            var queries = 0;
            var allocatedBefore = await AllocatedBytesAsync(client);
            for (var i = 0; i < runs + 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route.Path);
                if (route.Path.StartsWith("/api/", StringComparison.Ordinal)) request.Headers.Authorization = new("Bearer", token);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{route.Path}: {(int)response.StatusCode}");
                await response.Content.ReadAsByteArrayAsync();
                var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
                if (i < 3) continue;
                times.Add(double.Parse(Duration().Match(timing).Groups[1].Value, CultureInfo.InvariantCulture));
                queries = int.Parse(Queries().Match(timing).Groups[1].Value, CultureInfo.InvariantCulture);
            }
            // Allocations over all reads of this route (3 warm-up + runs), per request; includes one /metrics read.
            var allocatedKb = (await AllocatedBytesAsync(client) - allocatedBefore) / (runs + 3) / 1024.0;
            times.Sort();
            var row = (route, Percentile(times, 0.5), Percentile(times, 0.95), queries, allocatedKb);
            rows.Add(row);
            var verdict = route.BudgetMs is { } budget ? (row.Item2 <= budget && row.Item3 <= budget * 3 ? "ok" : "OVER") : "";
            Console.WriteLine($"{route.Name,-40} median {row.Item2,8:0.0} ms  p95 {row.Item3,8:0.0} ms  {queries,3} queries  {allocatedKb,9:0} KB allocated/request  {verdict}");
        }

        var checkLoad = await CheckLoadAsync(client, await CreateTokenAsync(client, "ReadWrite"), port);

        var peakRoutes = PeakRssMb(server.Id);
        server.Kill(entireProcessTree: true);
        Console.WriteLine($"peak RSS while reading every route (exports included): {peakRoutes} MB");

        // The throughput budget is the footprint of a fresh `attest serve` under load, not after the big exports above.
        var throughputPort = FreePort();
        using var fresh = StartServer(connection, throughputPort);
        var freshCookies = new CookieContainer();
        using var freshClient = new HttpClient(new HttpClientHandler { CookieContainer = freshCookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{throughputPort}") };
        await WaitForHealthAsync(freshClient);
        await SignInAsync(freshClient, email, SeedScaleDataset.Password);
        var (requestsPerSecond, errors, detail) = await ThroughputAsync(throughputPort, freshCookies.GetCookieHeader(freshClient.BaseAddress!), seconds, samples);
        var peakRss = PeakRssMb(fresh.Id);
        Console.WriteLine($"throughput: {requestsPerSecond:0.0} requests/s, {errors} errors over {seconds} s at 50 connections ({detail}); peak RSS of attest serve {peakRss} MB");
        fresh.Kill(entireProcessTree: true);

        Console.WriteLine(checkLoad);
        WriteResults(provider, rows, requestsPerSecond, errors, peakRss);
        Console.WriteLine();
        Console.WriteLine("| route | median ms | p95 ms | queries | KB allocated / request | budget (median) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (route, median, p95, queries, allocated) in rows)
        {
            Console.WriteLine($"| {route.Name} | {median:0.0} | {p95:0.0} | {queries} | {allocated:0} | {(route.BudgetMs is { } b ? $"≤ {b:0} ms" : "—")} |");
        }
    }

    /// <summary>The server's total allocated bytes, from its own runtime meter on /metrics (the signed-in bench user is Admin).</summary>
    private static async Task<double> AllocatedBytesAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_gc_heap_total_allocated_bytes", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task SeedAsync(string connection, ScaleSize size)
    {
        var services = new ServiceCollection().AddLogging().AddAttestCore(connection).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        if (await db.Organizations.AnyAsync(o => o.Name == Organization))
        {
            Console.WriteLine("dataset: reusing the existing scale-lab organization");
            return;
        }
        var report = await scope.ServiceProvider.GetRequiredService<SeedScaleDataset>().RunAsync(size, Organization, Console.Out);
        Console.WriteLine($"dataset: generated in {report.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", report.Records.Select(r => $"{r.Value:N0} {r.Key}"))})");
        if (db.Kind == DatabaseKind.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static Process StartServer(string connection, int port)
    {
        var attest = typeof(AttestWebApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [attest, "serve", "--database", connection, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ATTEST_LOG_FORMAT"] = "";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("serve: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client)
    {
        // Start-up on the large dataset (schema check, database preparation, built-in framework sync) takes half a minute on a busy machine.
        for (var i = 0; i < 360; i++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("attest serve did not become healthy within 180 s.");
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var antiforgery = AntiForgery().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
    }

    private static async Task<string> CreateTokenAsync(HttpClient client, string scope = "Read")
    {
        var page = await client.GetStringAsync("/account/tokens");
        var antiforgery = AntiForgery().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "scale lab " + scope, ["Scope"] = scope, ["ValidForDays"] = "1", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        }));
        return NewToken().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private sealed record Samples(string Control, string Requirement, string Document, string Asset, string AiSystem, string? Assessment, string Risk, string Evidence,
        string EvidenceControl, string Incident, string Obligation, string Nonconformity, string Exception, string Programme, string Objective, string Measure,
        string LastMonth, string InternalAudit, string AuditProgramme, string ManagementReview, string? PlannedReview);

    private static async Task<Samples> SamplesAsync(HttpClient client, string token)
    {
        async Task<JsonElement> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        var control = (await Get("/api/v1/controls")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        var requirement = (await Get("/api/v1/frameworks/iso27001-2022/requirements?q=A.5.15"))[0].GetProperty("id").GetString()!;
        var document = (await Get("/api/v1/documents?q=policy")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        var asset = (await Get("/api/v1/assets?type=AiModel")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        var system = (await Get("/api/v1/ai-systems")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        var assessments = await Get("/api/v1/impact-assessments");
        var assessment = assessments.GetArrayLength() > 0 ? assessments[0].GetProperty("id").GetString() : null;
        var risk = (await Get("/api/v1/risks")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        // The newest generated evidence and a control it supports (every generated item supports one or two); items a previous run's check
        // load left behind on a reused dataset support other controls, so they are passed over.
        string? evidence = null, evidenceControl = null;
        foreach (var row in (await Get("/api/v1/evidence?kind=File")).GetProperty("rows").EnumerateArray())
        {
            var id = row.GetProperty("id").GetString()!;
            var supported = (await Get($"/api/v1/evidence/{id}")).GetProperty("links").EnumerateArray()
                .Select(l => l.GetProperty("label").GetString()!).FirstOrDefault(l => l.StartsWith("CTL-", StringComparison.Ordinal))?.Split(' ')[0];
            if (supported is null) continue;
            (evidence, evidenceControl) = (id, supported);
            break;
        }
        if (evidence is null || evidenceControl is null) throw new InvalidOperationException("No evidence item on the first page supports a generated control.");
        var incident = (await Get("/api/v1/incidents")).GetProperty("rows")[0].GetProperty("id").GetString()!;
        string First(JsonElement page) => page.GetProperty("rows")[0].GetProperty("id").GetString()!;
        var programme = (await Get("/api/v1/certification/programmes"))[0].GetProperty("programmeId").GetString()!;
        var objectives = (await Get("/api/v1/objectives")).GetProperty("rows");
        var objective = objectives[0].GetProperty("id").GetString()!;
        var measure = objectives[0].GetProperty("measures")[0].GetProperty("measureId").GetString()!;
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var audits = (await Get("/api/v1/internal-audits?status=Completed")).GetProperty("rows");
        var programmes = await Get("/api/v1/internal-audits/programmes");
        var reviews = (await Get("/api/v1/management-reviews")).GetProperty("rows");
        var planned = reviews.EnumerateArray().FirstOrDefault(r => r.GetProperty("status").GetString() == "Planned");
        return new Samples(control, requirement, document, asset, system, assessment, risk, evidence, evidenceControl, incident,
            First(await Get("/api/v1/obligations")), First(await Get("/api/v1/nonconformities")), First(await Get("/api/v1/exceptions")), programme,
            objective, measure, lastMonth, audits[0].GetProperty("id").GetString()!, programmes[0].GetProperty("id").GetString()!,
            reviews[0].GetProperty("id").GetString()!, planned.ValueKind == JsonValueKind.Object ? planned.GetProperty("id").GetString() : null);
    }

    /// <summary>wrk at 50 connections over a mix of pages; the session cookie is sent with every request.</summary>
    private static async Task<(double RequestsPerSecond, long Errors, string Detail)> ThroughputAsync(int port, string cookie, int seconds, Samples samples)
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        if (wrk is null) return (0, 0, "wrk not installed: apt-get install wrk");
        var script = Path.Combine(Path.GetTempPath(), $"attest-mix-{Guid.NewGuid():N}.lua");
        var paths = new[] { "/", "/controls", "/soa/iso27001-2022", "/frameworks", "/audit", "/context", $"/controls/{samples.Control}", $"/requirements/{samples.Requirement}" };
        await File.WriteAllTextAsync(script,
            "local paths = {" + string.Join(", ", paths.Select(p => $"\"{p}\"")) + "}\n" +
            "local i = 0\n" +
            "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i], { [\"Cookie\"] = \"" + cookie.Replace("\"", "\\\"") + "\" })\nend\n" +
            "done = function(summary, latency, requests)\n  io.write(string.format(\"ERRORS %d %d %d %d %d\\n\", summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))\nend\n");
        try
        {
            var start = new ProcessStartInfo(wrk, ["-t2", "-c50", $"-d{seconds}s", "--latency", "-s", script, $"http://127.0.0.1:{port}/"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
            var errors = Regex.Match(output, @"ERRORS (\d+) (\d+) (\d+) (\d+) (\d+)").Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
            var latency = Regex.Match(output, @"\s50%\s+(\S+)").Groups[1].Value + " median, " + Regex.Match(output, @"\s99%\s+(\S+)").Groups[1].Value + " p99; " +
                Regex.Match(output, @"ERRORS .*").Value + " (connect read write status timeout)";
            return (rps, errors, latency);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static long PeakRssMb(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return status is null ? 0 : long.Parse(Regex.Match(status, @"(\d+)").Value, CultureInfo.InvariantCulture) / 1024;
    }

    private static void WriteResults(string provider, List<(RouteCase Case, double Median, double P95, int Queries, double AllocatedKb)> rows, double requestsPerSecond, long errors, long peakRss)
    {
        var folder = Path.Combine("bench", "results");
        Directory.CreateDirectory(folder);
        var latest = Path.Combine(folder, "latest.csv");
        var kept = File.Exists(latest) ? File.ReadAllLines(latest).Skip(1).Where(l => l.Split(',')[1] != provider).ToList() : [];
        kept.AddRange(rows.Select(r => string.Join(',', Quote(r.Case.Path), provider, r.Median.ToString("0.0", CultureInfo.InvariantCulture),
            r.P95.ToString("0.0", CultureInfo.InvariantCulture), r.Queries, r.Case.BudgetMs?.ToString("0", CultureInfo.InvariantCulture) ?? "")));
        File.WriteAllLines(latest, kept.Prepend("route,provider,median_ms,p95_ms,queries,budget_ms"));

        var throughput = Path.Combine(folder, "throughput.csv");
        var others = File.Exists(throughput) ? File.ReadAllLines(throughput).Skip(1).Where(l => l.Split(',')[^1] != provider).ToList() : [];
        others.Add(string.Join(',', requestsPerSecond.ToString("0.0", CultureInfo.InvariantCulture), errors, peakRss, provider));
        File.WriteAllLines(throughput, others.Prepend("requests_per_s,errors,peak_rss_mb,provider"));
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex("app;dur=([\\d.]+)")]
    private static partial Regex Duration();

    [GeneratedRegex("sql;desc=\"(\\d+) queries\"")]
    private static partial Regex Queries();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("id=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();
}
