using Attest.AccessReviews;
using Attest.Assets;
using Attest.Continuity;
using Attest.Objectives;
using Attest.Tests.Support;
using Attest.Vulnerabilities;

namespace Attest.Tests.Objectives.Measures;

public sealed class OperationsMeasureTests
{
    private static readonly TimeZoneInfo London = OrganizationTime.Zone("Europe/London");
    private static readonly MeasurePeriod October = MeasurePeriod.Month(new DateOnly(2026, 10, 1), London);

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AccessReviews_CriticalVulnerabilities_AndUptime_AreMeasuredAsAtTheEndOfTheMonth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ids = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            AccessReviewCampaign Campaign(string reference, DateOnly due, CampaignStatus status, DateTimeOffset? completed = null)
            {
                var campaign = new AccessReviewCampaign { Reference = reference, Title = "Review " + reference, DueOn = due, Status = status, CompletedAt = completed };
                db.AccessReviewCampaigns.Add(campaign);
                return campaign;
            }
            Campaign("AR-001", new DateOnly(2026, 10, 10), CampaignStatus.Completed, new DateTimeOffset(2026, 10, 10, 22, 30, 0, TimeSpan.Zero)); // 23:30 in London: on time
            var late = Campaign("AR-002", new DateOnly(2026, 10, 15), CampaignStatus.Completed, At(10, 20));
            var missed = Campaign("AR-003", new DateOnly(2026, 10, 31), CampaignStatus.Open);
            Campaign("AR-004", new DateOnly(2026, 10, 20), CampaignStatus.Cancelled);
            Campaign("AR-005", new DateOnly(2026, 11, 30), CampaignStatus.Open);

            var gateway = new Asset { Reference = "AST-00001", Name = "API gateway", Type = AssetType.Software };
            db.Assets.Add(gateway);
            var number = 0;
            VulnerabilityFinding Finding(VulnerabilitySeverity severity, FindingStatus status, DateTimeOffset firstSeen, DateTimeOffset? fixedAt = null)
            {
                number++;
                var finding = new VulnerabilityFinding
                {
                    Number = number, AssetId = gateway.Id, Fingerprint = $"fp-{number}", RuleId = $"CVE-2026-{1000 + number}", Title = $"Finding {number}",
                    Severity = severity, Status = status, FirstSeenAt = firstSeen, DueOn = DateOnly.FromDateTime(firstSeen.UtcDateTime).AddDays(7), FixedAt = fixedAt,
                };
                db.VulnerabilityFindings.Add(finding);
                return finding;
            }
            var open = Finding(VulnerabilitySeverity.Critical, FindingStatus.Open, At(10, 5));                              // VULN-1: open
            var fixedLater = Finding(VulnerabilitySeverity.Critical, FindingStatus.Fixed, At(10, 1), At(11, 2));           // VULN-2: fixed after the month
            Finding(VulnerabilitySeverity.Critical, FindingStatus.Fixed, At(10, 1), At(10, 20));                           // fixed within the month
            Finding(VulnerabilitySeverity.Critical, FindingStatus.Open, At(11, 3));                                         // found after the month
            Finding(VulnerabilitySeverity.High, FindingStatus.Open, At(10, 5));                                             // not critical
            Finding(VulnerabilitySeverity.Critical, FindingStatus.FalsePositive, At(10, 5));
            Finding(VulnerabilitySeverity.Critical, FindingStatus.RiskAccepted, At(10, 5));

            var legal = new MonitoredService { Name = "Legal agents" };
            var portal = new MonitoredService { Name = "Client portal" };
            db.MonitoredServices.AddRange(legal, portal);
            db.AvailabilityRecords.AddRange(
                new AvailabilityRecord { ServiceId = legal.Id, Month = 202610, UptimePercent = 99.95, TargetPercent = 99.9 },
                new AvailabilityRecord { ServiceId = portal.Id, Month = 202610, UptimePercent = 99.82, TargetPercent = 99.9 },
                new AvailabilityRecord { ServiceId = portal.Id, Month = 202609, UptimePercent = 100, TargetPercent = 99.9 });
            await db.SaveChangesAsync();
            return (Late: late.Id, Missed: missed.Id, Open: open.Id, FixedLater: fixedLater.Id, Portal: portal.Id);
        });

        async Task<(decimal? Value, string Detail, List<(string, string, string, string)> Behind)> Measure(string key, MeasurePeriod period) =>
            await app.WithCoreAsync(organization.Id, async (_, db) =>
            {
                var measure = MeasureLibrary.Find(key)!;
                var result = await measure.ComputeAsync(db, period, CancellationToken.None);
                var behind = await measure.RecordsBehindAsync(db, period, CancellationToken.None);
                return (result.Value, result.Detail, behind.Select(r => (r.Reference, r.Title, r.Reason, r.Path)).ToList());
            });

        var reviews = await Measure("access.reviews-on-time", October);
        Assert.Equal((33.3m, "1 of 3 access reviews due"), (reviews.Value, reviews.Detail));
        Assert.Equal([
            ("AR-002", "Review AR-002", "completed 2026-10-20, 5 days after its due date 2026-10-15", $"/access/reviews/{ids.Late}"),
            ("AR-003", "Review AR-003", "not completed; due 2026-10-31", $"/access/reviews/{ids.Missed}"),
        ], reviews.Behind);

        var vulnerabilities = await Measure("vulnerabilities.critical-open", October);
        Assert.Equal((2m, "2 open critical findings"), (vulnerabilities.Value, vulnerabilities.Detail));
        Assert.Equal([
            ("VULN-2", "Finding 2", "on API gateway; first seen 2026-10-01, due 2026-10-08 (overdue)", $"/vulnerabilities/{ids.FixedLater}"),
            ("VULN-1", "Finding 1", "on API gateway; first seen 2026-10-05, due 2026-10-12 (overdue)", $"/vulnerabilities/{ids.Open}"),
        ], vulnerabilities.Behind);
        Assert.Equal(0m, (await Measure("vulnerabilities.critical-open", MeasurePeriod.Month(new DateOnly(2026, 9, 1), London))).Value);

        var uptime = await Measure("availability.monthly-uptime", October);
        Assert.Equal((99.82m, "lowest of 2 services: Client portal 99.82 %"), (uptime.Value, uptime.Detail));
        Assert.Equal([("Client portal", "Monitored service", "99.82 % uptime against a target of 99.9 %", $"/continuity/services/{ids.Portal}")], uptime.Behind);
        // Over two months each weighs by its length: (30 × 100 + 31 × 99.82) ÷ 61.
        var twoMonths = await Measure("availability.monthly-uptime", new MeasurePeriod(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), London));
        Assert.Equal(99.909m, twoMonths.Value);
        Assert.Equal("99.909 % uptime against a target of 99.9 % (1 month below target)", Assert.Single(twoMonths.Behind).Item3);
        var august = await Measure("availability.monthly-uptime", MeasurePeriod.Month(new DateOnly(2026, 8, 1), London));
        Assert.Equal(((decimal?)null, "no availability recorded for August 2026"), (august.Value, august.Detail));
    }
}
