using System.Collections.Concurrent;
using Attest.Checks;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Checks;

/// <summary>
/// Runs due checks in every organization. Each poll claims a due check with one conditional update of its schedule row (a lease), so
/// that of several `attest serve` processes on one database exactly one runs it; a lease left by a crashed process runs out and the
/// check is taken again (ADR-011). At most <see cref="MaxConcurrentRuns"/> checks run at once, each in its own scope.
/// </summary>
public sealed class CheckScheduler(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<CheckScheduler> logger) : BackgroundService
{
    public const string SchedulerSetting = "Attest:Checks:Scheduler";
    public const string PollSecondsSetting = "Attest:Checks:PollSeconds";
    public const int MaxConcurrentRuns = 4;
    private const int DefaultPollSeconds = 15;
    private const int DueBatch = 50;

    /// <summary>Added to a run's longest possible duration (timeout × attempts) before its lease runs out: saving the result takes time too.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _slots = new(MaxConcurrentRuns, MaxConcurrentRuns);
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    /// <summary>Names this process in leases; unique even for two apps in one process.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Whether configuration leaves the scheduler on (anything but "off").</summary>
    public static bool IsEnabled(IConfiguration configuration) => !string.Equals(configuration[SchedulerSetting], "off", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = int.TryParse(configuration[PollSecondsSetting], System.Globalization.CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : DefaultPollSeconds;
        var interval = TimeSpan.FromSeconds(seconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(failure, "Looking for due checks failed; trying again at the next poll.");
                }
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // A run cut short by shutdown records nothing; its lease runs out and another instance (or the next start) runs it.
            await Task.WhenAll(_running.Values);
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        List<Due> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var now = Instant.Now(clock);
            due = await (from s in db.CheckSchedules.IgnoreQueryFilters().AsNoTracking()
                         join c in db.Checks.IgnoreQueryFilters() on s.Id equals c.Id
                         where s.NextRunAt != null && s.NextRunAt <= now && (s.LeaseUntil == null || s.LeaseUntil < now)
                         orderby s.NextRunAt
                         select new Due(s.Id, c.TimeoutSeconds, c.Retries))
                .Take(DueBatch).ToListAsync(stoppingToken);
        }
        foreach (var check in due)
        {
            // Claim only what can start now: a lease held while waiting for a free slot would keep other instances from running it.
            await _slots.WaitAsync(stoppingToken);
            bool claimed;
            try
            {
                claimed = await ClaimAsync(check, stoppingToken);
            }
            catch
            {
                _slots.Release();
                throw;
            }
            if (!claimed)
            {
                _slots.Release();
                continue;
            }
            var run = Task.Run(() => RunAsync(check.Id, stoppingToken), CancellationToken.None);
            _running[check.Id] = run;
            _ = run.ContinueWith(_ => _running.TryRemove(check.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>One atomic conditional update: true only for the one instance whose update changed the row.</summary>
    private async Task<bool> ClaimAsync(Due check, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var now = Instant.Now(clock);
        var until = now + TimeSpan.FromSeconds(check.TimeoutSeconds * (check.Retries + 1)) + LeaseMargin;
        var owner = InstanceId;
        var changed = await db.CheckSchedules.IgnoreQueryFilters()
            .Where(s => s.Id == check.Id && (s.LeaseUntil == null || s.LeaseUntil < now) && s.NextRunAt != null && s.NextRunAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, owner).SetProperty(s => s.LeaseUntil, until), stoppingToken);
        return changed == 1;
    }

    private async Task RunAsync(Guid checkId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RunCheck>().RunAsync(checkId, CheckTrigger.Schedule, stoppingToken);
            if (result is not null) logger.LogInformation("Check {Check} {Outcome}: {Summary}", result.Name, result.Passed ? "passed" : "failed", result.Summary);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            // The lease stays until it runs out, so the check is tried again later rather than in a tight loop.
            logger.LogError(failure, "Check {CheckId} could not be run or recorded.", checkId);
        }
        finally
        {
            _slots.Release();
        }
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    private sealed record Due(Guid Id, int TimeoutSeconds, int Retries);
}
