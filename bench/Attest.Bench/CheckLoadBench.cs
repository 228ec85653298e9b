using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attest.Bench;

/// <summary>
/// "200 checks due at once complete without starving the web requests": the p95 server time of a page mix while idle, then while the
/// scheduler works through 200 header checks that all fall due in the same minute (each one an HTTP request to this same server).
/// </summary>
internal static partial class ScaleBench
{
    private const int LoadChecks = 200;

    private static async Task<string> CheckLoadAsync(HttpClient client, string writeToken, int port)
    {
        string[] pages = ["/", "/controls", "/risks", "/evidence"];
        async Task<double> ReadAsync(string path)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
            return double.Parse(Duration().Match(string.Join(",", response.Headers.GetValues("Server-Timing"))).Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var idle = new List<double>();
        for (var i = 0; i < 30; i++) foreach (var page in pages) idle.Add(await ReadAsync(page));

        // Every minute, so they all fall due at the next minute boundary together; read back with the same token.
        using var api = new HttpClient { BaseAddress = client.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", writeToken);
        var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        for (var i = 0; i < LoadChecks; i++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/checks", new
            {
                name = $"Load {stamp} {i:000}", kind = "HttpHeaders", target = $"http://127.0.0.1:{port}/healthz", schedule = "* * * * *",
                timeoutSeconds = 10, retries = 0, settings = "",
            });
            if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"creating a check: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var busy = new List<double>();
        var started = Stopwatch.StartNew();
        var done = 0;
        var lastPoll = TimeSpan.Zero;
        TimeSpan? firstRun = null, allRun = null;
        while (started.Elapsed < TimeSpan.FromMinutes(4) && allRun is null)
        {
            foreach (var page in pages)
            {
                var time = await ReadAsync(page);
                if (firstRun is not null) busy.Add(time);
            }
            if (started.Elapsed - lastPoll < TimeSpan.FromSeconds(1)) continue;
            lastPoll = started.Elapsed;
            var checks = await api.GetFromJsonAsync<JsonElement>("/api/v1/checks");
            done = checks.EnumerateArray().Count(c => c.GetProperty("name").GetString()!.StartsWith($"Load {stamp} ", StringComparison.Ordinal) &&
                c.GetProperty("lastRunAt").ValueKind != JsonValueKind.Null);
            if (done > 0 && firstRun is null) firstRun = started.Elapsed;
            if (done == LoadChecks) allRun = started.Elapsed;
        }
        idle.Sort();
        busy.Sort();
        var idleP95 = Percentile(idle, 0.95);
        if (busy.Count == 0) return $"check load: no check ran within 4 minutes ({done} of {LoadChecks}); idle p95 {idleP95:0.0} ms";
        var busyP95 = Percentile(busy, 0.95);
        var window = (allRun ?? started.Elapsed) - firstRun!.Value;
        return $"check load: {done} of {LoadChecks} checks due at once ran in {window.TotalSeconds:0} s; page p95 idle {idleP95:0.0} ms, while running {busyP95:0.0} ms " +
            $"({busyP95 / idleP95:0.00}×, budget ≤ 2×; {busy.Count} page reads) {(busyP95 <= 2 * idleP95 && done == LoadChecks ? "ok" : "OVER")}";
    }
}
