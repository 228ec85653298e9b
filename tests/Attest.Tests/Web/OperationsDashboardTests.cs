using Attest.Continuity;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Vulnerabilities;

namespace Attest.Tests.Web;

public sealed class OperationsDashboardTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDashboard_CountsIncidentsPastContainment_CriticalFindings_OverdueActions_AndMissedUptime(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var employee = organization[OrganizationRole.Employee];
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lastMonth = OrganizationTime.AddMonths(OrganizationTime.Month(today), -1);
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            Incident Open(string reference, IncidentSeverity severity, TimeSpan detectedAgo)
            {
                var incident = new Incident { Reference = reference, Title = reference, Severity = severity, DetectedAt = Instant.Truncate(now - detectedAgo), ReportedAt = Instant.Truncate(now - detectedAgo) };
                IncidentClock.Recompute(incident, TimeZoneInfo.Utc);
                return incident;
            }
            // Critical: 4 h to contain, so 5 h open is past it; high: 24 h, so 5 h open is not; a contained critical is not counted.
            var contained = Open("INC-0003", IncidentSeverity.Critical, TimeSpan.FromHours(30));
            contained.ContainedAt = contained.DetectedAt.AddHours(2);
            contained.Status = IncidentStatus.Contained;
            db.Incidents.AddRange(Open("INC-0001", IncidentSeverity.Critical, TimeSpan.FromHours(5)), Open("INC-0002", IncidentSeverity.High, TimeSpan.FromHours(5)), contained);
            var asset = new Attest.Assets.Asset { Reference = "AST-00001", Name = "Agent platform image", Type = Attest.Assets.AssetType.Software };
            db.Assets.Add(asset);
            VulnerabilityFinding Finding(int number, VulnerabilitySeverity severity, FindingStatus status, int dueInDays) => new()
            {
                Number = number, AssetId = asset.Id, Fingerprint = number.ToString("x64"), RuleId = $"CVE-2026-{number:0000}", Title = "Finding " + number, Severity = severity,
                Status = status, FirstSeenAt = now, DueOn = today.AddDays(dueInDays),
            };
            db.VulnerabilityFindings.AddRange(Finding(1, VulnerabilitySeverity.Critical, FindingStatus.Open, 3), Finding(2, VulnerabilitySeverity.Critical, FindingStatus.FalsePositive, 3),
                Finding(3, VulnerabilitySeverity.High, FindingStatus.InProgress, -1), Finding(4, VulnerabilitySeverity.Critical, FindingStatus.Fixed, -5));
            db.CorrectiveActions.AddRange(
                new CorrectiveAction { Reference = "CA-0001", Title = "Rotate keys", OwnerId = employee.UserId, DueOn = today.AddDays(-2) },
                new CorrectiveAction { Reference = "CA-0002", Title = "Update runbook", OwnerId = employee.UserId, DueOn = today.AddDays(10), Status = ActionStatus.InProgress },
                new CorrectiveAction { Reference = "CA-0003", Title = "Done already", OwnerId = employee.UserId, DueOn = today.AddDays(-20), Status = ActionStatus.Done, CompletedOn = today.AddDays(-21) });
            var service = new MonitoredService { Name = "Agent platform" };
            var webapp = new MonitoredService { Name = "Client web app" };
            db.MonitoredServices.AddRange(service, webapp);
            db.AvailabilityRecords.AddRange(
                new AvailabilityRecord { ServiceId = service.Id, Month = lastMonth, UptimePercent = 99.85, TargetPercent = 99.9 },
                new AvailabilityRecord { ServiceId = webapp.Id, Month = lastMonth, UptimePercent = 99.9, TargetPercent = 99.9 });
            db.ContinuityPlans.AddRange(new ContinuityPlan { Reference = "BCP-001", Title = "Agent platform recovery", Status = PlanStatus.Approved },
                new ContinuityPlan { Reference = "BCP-002", Title = "Office loss", Status = PlanStatus.Draft });
            db.ContinuityExercises.Add(new ContinuityExercise { Reference = "EX-001", Title = "Restore", Type = ExerciseType.RestoreTest, HeldOn = today.AddDays(-10), Result = ExerciseResult.Passed });
            await db.SaveAsync("test data", default);
        });

        var manager = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var dashboard = await manager.GetPageAsync("/");
        Assert.Contains("3 open incident(s)", dashboard);
        Assert.Contains("1 past the containment SLA.", dashboard);
        Assert.Contains("1 critical vulnerability open now.", dashboard);
        Assert.Contains("1 finding(s) past their remediation date.", dashboard);
        Assert.Contains("2 open, 1 overdue.", dashboard);
        Assert.Contains("1 of 2 plan(s) approved; last restore test " + today.AddDays(-10).ToString("yyyy-MM-dd"), dashboard);
        Assert.Contains($"1 service(s) missed their uptime target in {OrganizationTime.MonthText(lastMonth)}.", dashboard);

        var mine = await (await app.SignInAsync(employee)).GetPageAsync("/");
        Assert.Contains("2 corrective action(s) you own are open, 1 overdue.", mine);
        Assert.DoesNotContain("critical vulnerabilit", mine);
    }
}
