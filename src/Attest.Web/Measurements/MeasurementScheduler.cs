using Attest.Data;
using Attest.Objectives;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Measurements;

/// <summary>
/// Takes the monthly snapshot of every organization's measures: at start-up (catching up a month missed while no instance ran) and then
/// every hour, for each organization whose month has turned in its own zone. <see cref="TakeMeasurements"/> skips a month the schedule
/// has already taken, so several `attest serve` processes on one database, or a restart, never take a month twice.
/// </summary>
public sealed class MeasurementScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MeasurementScheduler> logger) : BackgroundService
{
    public const string SchedulerSetting = "Attest:Measures:Scheduler";
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Whether configuration leaves the scheduler on (anything but "off").</summary>
    public static bool IsEnabled(IConfiguration configuration) => !string.Equals(configuration[SchedulerSetting], "off", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Takes the month just ended for every organization that has not had it taken by the schedule yet; one failure does not stop the others.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        }
        foreach (var organization in organizations)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
                db.Acting.EnterOrganization(organization, null);
                using var actor = db.Acting.ActAsService("measurement schedule", Audit.AuditChannel.System);
                var run = await scope.ServiceProvider.GetRequiredService<TakeMeasurements>().RunAsync(MeasurementKind.Scheduled, null, cancellationToken);
                if (run.Measured + run.NoData > 0)
                {
                    logger.LogInformation("Measured {Period} for organization {Organization}: {Measured} values, {NoData} without data.", run.Period.Label, organization, run.Measured, run.NoData);
                }
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(failure, "The monthly measurement of organization {Organization} failed; it is tried again within the hour.", organization);
            }
        }
    }
}
